//! Export throughput: building the five Arrow tables from extractions (`polemos_export::tables`)
//! and writing them to a temporary directory in every format of `Format::ALL` (Parquet, CSV,
//! JSONL, ...), in MB of *input article text* per second (so the figures add up with the parse
//! and extract benches).
//!
//! Run with `cargo bench -p polemos-export --bench export`. The articles come from the shared
//! benchmark generator (bench/gen/news.rs, the same text as `python bench/gen_corpus.py`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use polemos_export::{tables, write_tables, Format};
use polemos_extract::{Pipeline, Resources};

include!("../../../bench/gen/news.rs");

/// Bytes of article text behind the exported extractions.
const SIZE: usize = 1_000_000;

fn export(c: &mut Criterion) {
    let pipeline = Pipeline::new(Resources::embedded().expect("embedded resources load"));
    let docs = news::documents(SIZE, 1);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let extractions = pipeline.run(docs);
    let built = tables(&extractions);
    let dir = tempfile::tempdir().expect("temporary directory");

    let mut group = c.benchmark_group("export");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(20);
    group.bench_function("tables_1mb", |b| {
        b.iter(|| black_box(tables(black_box(&extractions))));
    });
    for format in Format::ALL {
        group.bench_function(format!("write_{format}_1mb"), |b| {
            b.iter(|| {
                write_tables(&built, dir.path(), format).expect("tables written");
            });
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
