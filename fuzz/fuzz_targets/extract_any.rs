#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use polemos_core::{DocStatus, Document};
use polemos_extract::{Pipeline, Resources};

static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

// Arbitrary text through the whole extraction: no panic, and every span slices the text.
fuzz_target!(|text: &str| {
    let pipeline =
        PIPELINE.get_or_init(|| Pipeline::new(Resources::embedded().expect("resources")));
    // `process` turns a panic into an error row; for text given directly that is the only error.
    let x = pipeline.process(Document::from_text("fuzz", text));
    assert_ne!(
        x.parsed.doc.status,
        DocStatus::Error,
        "{:?}",
        x.parsed.doc.error
    );
    for e in &x.events {
        assert!(text.get(e.trigger_span.start..e.trigger_span.end).is_some());
    }
    for m in &x.mentions {
        assert!(text.get(m.span.start..m.span.end).is_some());
    }
});
