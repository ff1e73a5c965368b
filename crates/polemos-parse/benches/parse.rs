//! Parse throughput: `polemos_parse::parse` (furniture, headline, dateline, date lines,
//! sentences, tokens) over generated news articles, in MB of article text per second.
//!
//! Run with `cargo bench -p polemos-parse --bench parse`. The articles come from the shared
//! benchmark generator (bench/gen/news.rs, the same text as `python bench/gen_corpus.py`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

include!("../../../bench/gen/news.rs");

/// Bytes of article text per iteration.
const SIZE: usize = 2_000_000;

fn parse(c: &mut Criterion) {
    let docs = news::documents(SIZE, 1);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(20);
    group.bench_function("news_2mb", |b| {
        b.iter_batched(
            || docs.clone(),
            |docs| {
                for d in docs {
                    black_box(polemos_parse::parse(d));
                }
            },
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
