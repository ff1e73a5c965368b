//! Prints what the parser makes of some inputs: `cargo run -p polemos-parse --example dump --
//! [--no-split] [--csv-text COL --csv-id COL --csv-date COL --csv-title COL] PATH...`.

use std::path::PathBuf;

use polemos_parse::{parse, read_paths, ReadOptions};

fn main() {
    let mut options = ReadOptions::default();
    let mut paths = Vec::new();
    let mut brief = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--no-split" => options.split_stories = false,
            "--brief" => brief = true,
            "--text" => options.text_column = args.next().unwrap_or_default(),
            "--id" => options.id_column = args.next(),
            "--date" => options.date_column = args.next(),
            "--title" => options.title_column = args.next(),
            "--url" => options.url_column = args.next(),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let docs = match read_paths(&paths, &options) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for doc in docs {
        let p = parse(doc);
        let d = &p.doc;
        println!(
            "=== {} [{}] status={} enc={:?} published={:?} ({:?}) offset={}",
            d.id,
            d.story_index,
            d.status.as_str(),
            d.encoding,
            d.published,
            d.published_source,
            d.page_offset
        );
        if let Some(e) = &d.error {
            println!("  error: {e}");
        }
        println!("  headline: {:?}", p.headline_text());
        if let Some(dl) = &p.dateline {
            println!(
                "  dateline: {:?} place={:?} date={:?}",
                dl.span.slice(&d.text),
                dl.place,
                dl.date
            );
        }
        if brief {
            println!("  sentences: {}", p.sentences.len());
            continue;
        }
        for f in &p.furniture {
            println!("  furniture {:?}: {:?}", f.kind, f.span.slice(&d.text));
        }
        for s in &p.sentences {
            println!("  [{} {:?}] {:?}", s.index, s.kind, s.span.slice(&d.text));
        }
    }
}
