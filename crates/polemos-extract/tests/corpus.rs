//! End-to-end extraction over the bundled sample corpus (`examples/corpus`), checked against
//! the reference coding in `examples/corpus-expected.md`.

use std::path::PathBuf;

use polemos_core::{DocStatus, DocumentExtraction, Event};
use polemos_extract::{Pipeline, Resources};
use polemos_parse::{read_paths, ReadOptions};

fn corpus() -> Vec<DocumentExtraction> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let docs = read_paths(&[dir], &ReadOptions::default()).expect("corpus readable");
    Pipeline::new(Resources::embedded().expect("resources load")).run(docs)
}

fn doc<'a>(all: &'a [DocumentExtraction], id_part: &str) -> &'a DocumentExtraction {
    all.iter()
        .find(|x| x.parsed.doc.id.ends_with(id_part))
        .unwrap_or_else(|| panic!("no document {id_part}"))
}

fn event_in(x: &DocumentExtraction, sentence: u32) -> &Event {
    x.events
        .iter()
        .find(|e| e.sentence == sentence)
        .unwrap_or_else(|| panic!("no event in sentence {sentence} of {}", x.parsed.doc.id))
}

fn actor(a: &Option<polemos_core::ActorRef>) -> Option<&str> {
    a.as_ref().map(|a| a.name.as_str())
}

#[test]
fn every_story_is_read_and_processed() {
    let all = corpus();
    // 7 pages (one holding two stories), one Markdown article, two JSONL records.
    assert_eq!(
        all.len(),
        11,
        "{:?}",
        all.iter().map(|x| &x.parsed.doc.id).collect::<Vec<_>>()
    );
    for x in &all {
        assert_eq!(x.parsed.doc.status, DocStatus::Ok, "{}", x.parsed.doc.id);
        assert!(!x.parsed.sentences.is_empty(), "{}", x.parsed.doc.id);
    }
    let total: usize = all.iter().map(|x| x.events.len()).sum();
    assert!(total >= 30, "only {total} events");
}

#[test]
fn islamic_state_attack_in_deir_ez_zor() {
    let all = corpus();
    let x = doc(&all, "03_deir_ezzor_checkpoint_attack.txt");
    let e = event_in(x, 2);
    assert_eq!(e.trigger_span.slice(&x.parsed.doc.text), "attacked");
    assert_eq!(e.event_type().as_str(), "Battles");
    assert_eq!(e.sub_event_type.as_str(), "Armed clash");
    assert_eq!(actor(&e.actor1), Some("Islamic State"));
    assert_eq!(actor(&e.actor2), Some("Syrian government forces"));
    assert_eq!(e.casualties.killed, Some(12));
    let loc = e.location.as_ref().expect("located");
    assert_eq!(loc.admin1.as_deref(), Some("Deir ez-Zor"));
    assert_eq!(loc.country, "SY");
    assert!((loc.latitude - 35.33).abs() < 0.1 && (loc.longitude - 40.14).abs() < 0.1);
    assert_eq!(e.cameo.as_deref(), Some("190"));
}

#[test]
fn coalition_strike_on_civilians_in_raqqa() {
    let all = corpus();
    let x = doc(&all, "05_raqqa_tabqa_column.txt");
    let e = x
        .events
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Air/drone strike" && e.casualties.killed == Some(7))
        .expect("the bakery strike");
    assert_eq!(actor(&e.actor1), Some("US-led coalition"));
    assert_eq!(actor(&e.actor2), Some("Civilians"));
    assert_eq!(
        e.location.as_ref().and_then(|l| l.admin1.as_deref()),
        Some("Raqqa")
    );
}

#[test]
fn russian_strike_on_jisr_al_shughur_from_a_cp1252_page() {
    let all = corpus();
    let x = doc(&all, "legacy_cp1252.txt");
    let e = event_in(x, 1);
    assert_eq!(e.sub_event_type.as_str(), "Air/drone strike");
    assert_eq!(e.method.as_deref(), Some("air strike"));
    assert_eq!(actor(&e.actor1), Some("Russian forces"));
    assert_eq!(actor(&e.actor2), Some("Civilians"));
    assert_eq!(e.casualties.killed, Some(6));
    let loc = e.location.as_ref().expect("located");
    assert_eq!(loc.name, "Jisr al-Shughur");
    assert_eq!(loc.admin1.as_deref(), Some("Idlib"));
}

#[test]
fn territory_changes_are_typed_by_who_took_them() {
    let all = corpus();
    let x = doc(&all, "07_eastern_ghouta_offensive.md");
    let e = x
        .events
        .iter()
        .find(|e| e.trigger_span.slice(&x.parsed.doc.text) == "took control of")
        .expect("al-Shifuniyah taken");
    assert_eq!(e.sub_event_type.as_str(), "Government regains territory");
    assert_eq!(actor(&e.actor1), Some("Syrian government forces"));
    assert_eq!(
        e.location.as_ref().and_then(|l| l.admin1.as_deref()),
        Some("Rural Damascus")
    );

    let x = doc(&all, "05_raqqa_tabqa_column.txt");
    let e = x
        .events
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Non-state actor overtakes territory")
        .expect("SDF capture");
    assert_eq!(actor(&e.actor1), Some("Syrian Democratic Forces"));
}

#[test]
fn clash_sums_both_sides_dead() {
    let all = corpus();
    let x = all
        .iter()
        .find(|x| x.parsed.doc.text.contains("west of Manbij"))
        .expect("Manbij record");
    let e = event_in(x, 0);
    assert_eq!(e.sub_event_type.as_str(), "Armed clash");
    assert_eq!(actor(&e.actor1), Some("Turkish-backed rebels"));
    assert_eq!(actor(&e.actor2), Some("Syrian Democratic Forces"));
    assert_eq!(e.casualties.killed, Some(7));
    assert_eq!(e.location.as_ref().map(|l| l.precision.code()), Some(2));
}

#[test]
fn war_totals_and_populations_never_become_fatalities() {
    for x in corpus() {
        for e in &x.events {
            assert!(
                e.casualties.killed.unwrap_or(0) < 100,
                "{}: {:?} in {:?}",
                x.parsed.doc.id,
                e.casualties.killed,
                e.sentence_span.slice(&x.parsed.doc.text)
            );
        }
    }
}

#[test]
fn spans_slice_the_text() {
    for x in corpus() {
        let text = &x.parsed.doc.text;
        for e in &x.events {
            assert!(e.sentence_span.contains(e.trigger_span));
            assert!(!e.trigger_span.slice(text).is_empty());
            if let Some(s) = e.location_span {
                assert!(!s.slice(text).is_empty());
            }
        }
        for m in &x.mentions {
            assert!(!m.span.slice(text).is_empty(), "{m:?}");
        }
    }
}
