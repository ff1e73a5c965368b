//! Extraction throughput: `Pipeline::process` (parse, geocoding, actors, triggers, casualties,
//! dates, attribution, events) on one thread over generated news articles, in MB of article
//! text per second; and the one-off cost of loading the embedded resources.
//!
//! Run with `cargo bench -p polemos-extract --bench extract`. The articles come from the shared
//! benchmark generator (bench/gen/news.rs, the same text as `python bench/gen_corpus.py`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use polemos_extract::{Pipeline, Resources};

include!("../../../bench/gen/news.rs");

/// Bytes of article text per iteration.
const SIZE: usize = 1_000_000;

fn extract(c: &mut Criterion) {
    let pipeline = Pipeline::new(Resources::embedded().expect("embedded resources load"));
    let docs = news::documents(SIZE, 1);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(10);
    group.bench_function("process_1mb_single_thread", |b| {
        b.iter_batched(
            || docs.clone(),
            |docs| {
                for d in docs {
                    black_box(pipeline.process(d));
                }
            },
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

fn resources(c: &mut Criterion) {
    let mut group = c.benchmark_group("resources");
    group.sample_size(10);
    group.bench_function("embedded", |b| {
        b.iter(|| black_box(Resources::embedded().expect("embedded resources load")));
    });
    group.finish();
}

criterion_group!(benches, extract, resources);
criterion_main!(benches);
