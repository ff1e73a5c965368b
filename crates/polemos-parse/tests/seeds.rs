//! Hand checks on the shared scraped seeds and the FA-KES dev export, which live outside the
//! repository and may not be copied into it. Run with `cargo test -p polemos-parse --test
//! seeds -- --ignored --nocapture`; the tests do nothing when the files are absent.

use std::path::{Path, PathBuf};

use polemos_parse::{parse, read_paths, ReadOptions};

const SEEDS: &str = "/work/shared/seeds";
const FAKES: &str = "/work/shared/data/fakes-dev/fakes_dev.csv";

#[test]
#[ignore = "reads files outside the repository"]
fn seed_story_counts() {
    if !Path::new(SEEDS).is_dir() {
        return;
    }
    let docs = read_paths(&[PathBuf::from(SEEDS)], &ReadOptions::default()).unwrap();
    let count = |prefix: &str| docs.iter().filter(|d| d.page_id.contains(prefix)).count();
    assert_eq!(count("/000_"), 3);
    for p in ["/001_", "/002_", "/003_", "/004_"] {
        assert_eq!(count(p), 1, "{p}");
    }
    for d in docs {
        let p = parse(d);
        println!(
            "{} headline={:?} sentences={}",
            p.doc.id,
            p.headline_text(),
            p.sentences.len()
        );
    }
}

#[test]
#[ignore = "reads files outside the repository"]
fn fakes_dev_csv() {
    if !Path::new(FAKES).is_file() {
        return;
    }
    let options = ReadOptions {
        text_column: "article_content".into(),
        id_column: Some("unit_id".into()),
        date_column: Some("date".into()),
        title_column: Some("article_title".into()),
        ..ReadOptions::default()
    };
    let docs = read_paths(&[PathBuf::from(FAKES)], &options).unwrap();
    let rows = docs.len();
    let dated = docs.iter().filter(|d| d.published.is_some()).count();
    let ok = docs.iter().filter(|d| d.is_ok()).count();
    let parsed: Vec<_> = docs.into_iter().map(parse).collect();
    let headlines = parsed.iter().filter(|p| p.headline.is_some()).count();
    let datelines = parsed.iter().filter(|p| p.dateline.is_some()).count();
    println!("rows={rows} ok={ok} dated={dated} headlines={headlines} datelines={datelines}");
    assert_eq!(rows, 240);
    assert_eq!(dated, 240);
}
