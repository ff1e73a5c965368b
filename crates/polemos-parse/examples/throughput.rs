//! Measures parse throughput on the sample corpus:
//! `cargo run --release -p polemos-parse --example throughput [MB]`.

use std::path::PathBuf;
use std::time::Instant;

use polemos_core::Document;
use polemos_parse::{parse, read_paths, ReadOptions};

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let options = ReadOptions {
        split_stories: false,
        ..ReadOptions::default()
    };
    let pages: Vec<String> = read_paths(&[corpus], &options)
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d.format == "txt")
        .map(|d| d.text)
        .collect();
    let mut docs = Vec::new();
    let mut total = 0;
    'fill: loop {
        for p in &pages {
            total += p.len();
            docs.push(Document::from_text("d", p.clone()));
            if total >= mb << 20 {
                break 'fill;
            }
        }
        if pages.is_empty() {
            break;
        }
    }
    let t = Instant::now();
    let mut sentences = 0;
    let mut tokens = 0;
    for d in docs {
        let p = parse(d);
        sentences += p.sentences.len();
        tokens += p
            .sentences
            .iter()
            .map(|s| s.n_tokens as usize)
            .sum::<usize>();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{:.1} MB in {secs:.2} s: {:.0} MB/s ({sentences} sentences, {tokens} tokens)",
        total as f64 / 1e6,
        total as f64 / 1e6 / secs
    );
}
