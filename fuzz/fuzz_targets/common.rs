// Shared by the reader targets: read bytes as one format, parse every document, and check the
// invariants the rest of polemos relies on.

use polemos_core::DocStatus;
use polemos_parse::{parse, read_bytes, Format, ReadOptions};

pub fn read_and_parse(format: Format, bytes: &[u8]) {
    let docs = read_bytes("fuzz", format, bytes, &ReadOptions::default());
    // Every input yields at least one row, never nothing.
    assert!(!docs.is_empty());
    for doc in docs {
        if doc.status == DocStatus::Error {
            assert!(doc.error.is_some());
        }
        let text_len = doc.text.len();
        let parsed = parse(doc);
        for s in &parsed.sentences {
            assert!(s.span.end <= text_len);
            assert!(parsed.doc.text.get(s.span.start..s.span.end).is_some());
        }
    }
}
