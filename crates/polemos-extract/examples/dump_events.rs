//! Prints the events polemos finds in files, one line each, for eyeballing rule changes.
//!
//! `cargo run -p polemos-extract --example dump_events -- examples/corpus`

use std::path::PathBuf;

use polemos_extract::{Pipeline, Resources};
use polemos_parse::{read_paths, ReadOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let docs = read_paths(&inputs, &ReadOptions::default())?;
    let pipeline = Pipeline::new(Resources::embedded()?);
    for x in pipeline.run(docs) {
        let d = &x.parsed.doc;
        println!(
            "== {} [{}] headline={:?} published={:?} sentences={} {}",
            d.id,
            d.status.as_str(),
            x.parsed.headline_text(),
            d.published,
            x.parsed.sentences.len(),
            d.error.as_deref().unwrap_or("")
        );
        for e in &x.events {
            println!(
                "  s{:?}{} {:<34} {:<16} a1={:<26} a2={:<26} loc={:<14} adm1={:<12} p={} dead={:<4} {} {} {:?} {}/{} src={} [{}] {:?}",
                e.evidence,
                if e.is_lead { "*" } else { " " },
                e.sub_event_type.as_str(),
                e.method.as_deref().unwrap_or("-"),
                e.actor1.as_ref().map_or("-", |a| a.name.as_str()),
                e.actor2.as_ref().map_or("-", |a| a.name.as_str()),
                e.location.as_ref().map_or("-", |l| l.name.as_str()),
                e.location.as_ref().and_then(|l| l.admin1.as_deref()).unwrap_or("-"),
                e.location.as_ref().map_or(0, |l| l.precision.code()),
                e.casualties.killed.map_or("-".to_string(), |f| f.to_string()),
                e.date.start.map_or("-".to_string(), |d| d.to_string()),
                e.date.precision.unwrap_or(0),
                e.date.span.map(|s| s.slice(&d.text)).unwrap_or(""),
                e.modality.as_str(),
                e.certainty.as_str(),
                e.attribution.as_ref().map_or("-", |a| a.source.as_str()),
                e.rule,
                e.trigger_span.slice(&d.text),
            );
        }
    }
    Ok(())
}
