//! The rule registry (`data/rules.tsv`): every rule id the extractor writes is listed there with
//! what it means, and every listed id is still written.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

use std::collections::BTreeSet;
use std::path::Path;

use polemos_extract::{Document, Pipeline, Resources};

fn registry() -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/rules.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    assert_eq!(
        lines.next(),
        Some("id\tstage\tdescription\texample"),
        "rules.tsv header"
    );
    let mut ids = BTreeSet::new();
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "rules.tsv: four fields in {line:?}");
        assert!(fields.iter().all(|f| !f.trim().is_empty()), "{line:?}");
        assert!(
            ids.insert(fields[0].to_string()),
            "listed twice: {}",
            fields[0]
        );
    }
    ids
}

/// Rule-id literals in the extractor's source: `"stage:name"` or `"+stage:name"`.
fn ids_in_source() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Test modules use ids like "a:e0" for events; they are no rules.
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default();
            for literal in code.split('"').skip(1).step_by(2) {
                let id = literal.trim_start_matches('+');
                let Some((stage, name)) = id.split_once(':') else {
                    continue;
                };
                let word = |s: &str, extra: &str| {
                    !s.is_empty()
                        && s.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(c)
                        })
                };
                if word(stage, "") && word(name, "-.") && name.len() > 1 {
                    out.insert(id.to_string());
                }
            }
        }
    }
    out
}

#[test]
fn every_rule_written_is_registered_and_every_registered_rule_written() {
    let registry = registry();
    let in_source = ids_in_source();
    let unlisted: Vec<_> = in_source.difference(&registry).collect();
    assert!(unlisted.is_empty(), "add to data/rules.tsv: {unlisted:?}");
    let stale: Vec<_> = registry.difference(&in_source).collect();
    assert!(
        stale.is_empty(),
        "no longer written, remove from data/rules.tsv: {stale:?}"
    );
}

#[test]
fn the_rules_of_extracted_events_and_mentions_are_registered_or_trigger_ids() {
    let registry = registry();
    let resources = Resources::embedded().unwrap();
    let triggers: BTreeSet<String> = (0..resources.triggers.len())
        .filter_map(|i| resources.triggers.get(i).map(|t| t.id.clone()))
        .collect();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            docs.push(Document::from_text(path.display().to_string(), text));
        }
    }
    assert!(docs.len() >= 5);
    let known = |part: &str| {
        registry.contains(part)
            || triggers.contains(part)
            || part
                .strip_prefix("trigger:")
                .is_some_and(|id| triggers.contains(id))
    };
    let mut seen = 0;
    for extraction in Pipeline::new(resources.clone()).run(docs) {
        for rule in extraction
            .events
            .iter()
            .map(|e| e.rule.as_str())
            .chain(extraction.mentions.iter().map(|m| m.rule.as_ref()))
        {
            for part in rule.split('+').filter(|p| !p.is_empty()) {
                assert!(known(part), "unregistered rule `{part}` in `{rule}`");
                seen += 1;
            }
        }
    }
    assert!(seen > 100);
}
