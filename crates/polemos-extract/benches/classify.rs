//! Trained event-type models: training time, the model alone in MB/s, and what typing adds to
//! `Pipeline::process` on one thread, measured in the same run as the rules alone.
//!
//! Run with `cargo bench -p polemos-extract --bench classify`. Texts come from the shared
//! benchmark generator (bench/gen/news.rs): whole articles, and short "notes" of two sentences
//! each (event descriptions are that short, so typing weighs most there). Labels are the rules'
//! own lead sub-event types, so the model learns a realistic spread of 10-20 labels.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use polemos_core::Document;
use polemos_extract::classify::{train, ModelInfo, TrainOptions, TypeModel};
use polemos_extract::{Pipeline, Resources};

include!("../../../bench/gen/news.rs");

/// Bytes of article text per iteration.
const SIZE: usize = 1_000_000;

/// Notes of two sentences each, cut from the generated articles.
fn notes(articles: &[Document]) -> Vec<Document> {
    let mut out = Vec::new();
    for a in articles {
        let sentences: Vec<&str> = a.text.split_inclusive(". ").collect();
        for (i, pair) in sentences.chunks(2).enumerate() {
            out.push(Document::from_text(format!("{}:{i}", a.id), pair.concat()));
        }
    }
    out
}

/// Texts with the rules' lead sub-event type as their label.
fn labelled(pipeline: &Pipeline, docs: &[Document]) -> (Vec<String>, Vec<String>) {
    docs.iter()
        .filter_map(|d| {
            let x = pipeline.process(d.clone());
            let lead = x.events.iter().find(|e| e.is_lead)?;
            Some((d.text.clone(), lead.sub_event_type.as_str().to_string()))
        })
        .unzip()
}

fn classify(c: &mut Criterion) {
    let rules = Pipeline::new(Resources::embedded().expect("embedded resources load"));
    let articles = news::documents(SIZE, 1);
    let notes = notes(&articles);
    let (texts, labels) = labelled(&rules, &notes);
    let options = TrainOptions::default();
    let model: TypeModel =
        train(&texts, &labels, None, ModelInfo::unnamed(), &options).expect("the model trains");
    let with_model = rules.clone().with_model(Arc::new(model.clone()));

    let mut group = c.benchmark_group("classify");
    group.sample_size(10);
    group.bench_function(format!("train_{}_notes_single_thread", texts.len()), |b| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool");
        b.iter(|| {
            pool.install(|| black_box(train(&texts, &labels, None, ModelInfo::unnamed(), &options)))
        });
    });
    let bytes: usize = texts.iter().map(String::len).sum();
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.bench_function("predict_notes", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(model.predict(t));
            }
        });
    });
    for (name, docs) in [("notes", &notes), ("articles", &articles)] {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        group.throughput(Throughput::BytesDecimal(bytes as u64));
        for (how, pipeline) in [("rules", &rules), ("rules_and_model", &with_model)] {
            group.bench_function(format!("process_{name}_{how}"), |b| {
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
        }
    }
    group.finish();
}

criterion_group!(benches, classify);
criterion_main!(benches);
