//! Property tests of the whole extraction on arbitrary and news-like text: it never fails a
//! document (a panic would come back as an error row), and every span, sentence index and
//! event reference in its output points into what it was given. The stable-toolchain
//! counterpart of the `extract_any` fuzz target (fuzz/).

use std::sync::OnceLock;

use polemos_core::{DocStatus, Document, DocumentExtraction};
use polemos_extract::{Pipeline, Resources};
use proptest::prelude::*;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(Resources::embedded().expect("embedded resources")))
}

fn check(text: &str, x: &DocumentExtraction) {
    assert_ne!(
        x.parsed.doc.status,
        DocStatus::Error,
        "{:?}",
        x.parsed.doc.error
    );
    let n_sentences = x.parsed.sentences.len();
    let on_boundaries = |s: polemos_core::Span| text.get(s.start..s.end).is_some();
    for m in &x.mentions {
        assert!(on_boundaries(m.span), "{m:?}");
        assert!((m.sentence as usize) < n_sentences);
        assert!(m.event.is_none_or(|e| (e as usize) < x.events.len()));
    }
    for e in &x.events {
        assert!(on_boundaries(e.trigger_span) && on_boundaries(e.sentence_span));
        assert!(e.sentence_span.contains(e.trigger_span));
        assert!(e.evidence.iter().all(|&s| (s as usize) < n_sentences));
        for span in [e.location_span, e.date.span, e.casualties.span]
            .into_iter()
            .flatten()
        {
            assert!(on_boundaries(span));
        }
    }
}

/// Text made of pieces of conflict reporting, names, numbers, punctuation and noise.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Government forces shelled ".to_string()),
        Just("Islamic State militants attacked the airbase in Deir ez-Zor".to_string()),
        Just(", killing 12 civilians".to_string()),
        Just("Protesters gathered in Dhaka on Friday".to_string()),
        Just("Gunmen abducted two aid workers near Kandahar, police said".to_string()),
        Just(" (Kouande, Atacora) ".to_string()),
        Just("U.S.-backed SDF ".to_string()),
        Just("dozens were killed and 40 injured".to_string()),
        Just("HOMS, Syria (Reuters) - ".to_string()),
        Just("on 12 March 2017 ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("“".to_string()),
        "[A-Za-z ,.'-]{0,30}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn newsy_text_extracts_within_its_text(text in newsy()) {
        check(&text, &pipeline().process(Document::from_text("p", text.clone())));
    }

    #[test]
    fn arbitrary_text_extracts_within_its_text(text in "\\PC{0,400}") {
        check(&text, &pipeline().process(Document::from_text("p", text.clone())));
    }
}
