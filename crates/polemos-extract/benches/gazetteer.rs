//! Gazetteer benchmarks: loading the embedded table, and finding place names in news-like text.
//!
//! Run with `cargo bench -p polemos-extract --bench gazetteer`. Two texts: one made by a tiny
//! deterministic generator, mixing common English news words, place names in several spellings
//! and names that must not match (Hamas, Syrian), one capitalised word in three; and the
//! articles of `examples/corpus`, repeated. `find_names` finds every name, `find_proper_names`
//! only names written as proper names, which is what geocoding uses.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use polemos_extract::Gazetteer;

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "on",
    "that",
    "for",
    "was",
    "with",
    "forces",
    "government",
    "killed",
    "people",
    "at",
    "by",
    "from",
    "were",
    "rebels",
    "fighters",
    "army",
    "strikes",
    "air",
    "attack",
    "Syrian",
    "Observatory",
    "for",
    "Human",
    "Rights",
    "monitor",
    "town",
    "province",
    "city",
    "villages",
    "near",
    "outskirts",
    "northern",
    "countryside",
    "Hamas",
    "officials",
    "told",
    "Reuters",
    "Saturday",
    "shelling",
    "residents",
    "civilians",
    "including",
    "children",
    "women",
    "militants",
    "Islamic",
    "State",
    "Kurdish-led",
    "SDF",
    "U.S.-led",
    "coalition",
    "Russian",
    "warplanes",
    "opposition",
    "groups",
    "held",
    "areas",
];
const PLACES: &[&str] = &[
    "Aleppo",
    "Deir ez-Zor",
    "Deir Ezzor",
    "Raqqa",
    "Idlib",
    "Hama",
    "Homs",
    "Damascus",
    "al-Bab",
    "Manbij",
    "Qamishli",
    "Hasakeh",
    "Douma",
    "Eastern Ghouta",
    "Daraa",
    "Palmyra",
    "Maarat al-Numan",
    "Khan Sheikhoun",
    "Latakia",
    "Mosul",
    "Turkey",
    "Iraq",
    "Syria",
];

/// A deterministic pseudo-random generator (64-bit LCG), so every run sees the same text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

/// About `bytes` of news-like text: sentences of 12-30 words, one word in 25 a place name.
fn news_text(bytes: usize) -> String {
    let mut rng = Lcg(42);
    let mut out = String::with_capacity(bytes + 200);
    while out.len() < bytes {
        let n = 12 + rng.next() % 19;
        for i in 0..n {
            let w = if rng.next() % 25 == 0 {
                PLACES[rng.next() % PLACES.len()]
            } else {
                WORDS[rng.next() % WORDS.len()]
            };
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(w);
            }
            if rng.next() % 15 == 0 {
                out.push(',');
            }
        }
        out.push_str(". ");
    }
    out
}

/// The articles of `examples/corpus` (text files), repeated to about `bytes`.
fn corpus_text(bytes: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    files.sort();
    let one: String = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut out = String::with_capacity(bytes + one.len());
    while !one.is_empty() && out.len() < bytes {
        out.push_str(&one);
        out.push_str("\n\n");
    }
    out
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("load_embedded", |b| {
        b.iter(|| black_box(Gazetteer::embedded().map(|g| g.len()).unwrap_or(0)))
    });
    group.finish();
}

fn find(c: &mut Criterion) {
    let gazetteer = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => panic!("embedded gazetteer: {e}"),
    };
    let text = news_text(1 << 20);
    let mut group = c.benchmark_group("gazetteer");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("find_names_1MiB", |b| {
        b.iter(|| black_box(gazetteer.find_names(black_box(&text)).len()))
    });
    group.bench_function("find_proper_names_1MiB", |b| {
        b.iter(|| black_box(gazetteer.find_proper_names(black_box(&text)).len()))
    });
    group.finish();
    // The sample corpus (real news articles), repeated to 1 MiB.
    let corpus = corpus_text(1 << 20);
    let mut group = c.benchmark_group("gazetteer");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.bench_function("find_names_corpus_1MiB", |b| {
        b.iter(|| black_box(gazetteer.find_names(black_box(&corpus)).len()))
    });
    group.bench_function("find_proper_names_corpus_1MiB", |b| {
        b.iter(|| black_box(gazetteer.find_proper_names(black_box(&corpus)).len()))
    });
    group.finish();
}

criterion_group!(benches, load, find);
criterion_main!(benches);
