//! Keeping one document's failure from taking others down: a panic while processing a
//! document becomes that document's error row, and the run goes on.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};

use crate::{DocStatus, Document, DocumentExtraction, ParsedDocument};

/// The message of a panic payload (`panic!` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Runs `process` on `doc`. Should it panic, the document comes back as an error row instead:
/// its metadata (and its text when `keep_text`, for which a copy is kept beforehand), status
/// `error` with the panic's message, no mentions and no events.
pub fn isolated(
    mut doc: Document,
    keep_text: bool,
    process: impl FnOnce(Document) -> DocumentExtraction,
) -> DocumentExtraction {
    let text = std::mem::take(&mut doc.text);
    let mut fallback = doc.clone();
    if keep_text {
        fallback.text = text.clone();
    }
    doc.text = text;
    match panic::catch_unwind(AssertUnwindSafe(|| process(doc))) {
        Ok(extraction) => extraction,
        Err(payload) => error_row(fallback, &panic_message(payload.as_ref())),
    }
}

/// `doc` as a row with status `error` and `message`.
fn error_row(doc: Document, message: &str) -> DocumentExtraction {
    let failed = Document {
        status: DocStatus::Error,
        error: Some(format!(
            "internal error: {message} (please report this document)"
        )),
        ..doc
    };
    DocumentExtraction {
        parsed: ParsedDocument::unparsed(failed),
        mentions: Vec::new(),
        events: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_documents_error_row() {
        let doc = Document::from_text("a", "Shelling hit Homs.");
        let row = isolated(doc.clone(), true, |_| panic!("boom"));
        assert_eq!(row.parsed.doc.status, DocStatus::Error);
        assert_eq!(row.parsed.doc.text, "Shelling hit Homs.");
        let error = row.parsed.doc.error.unwrap_or_default();
        assert!(error.contains("boom"), "{error}");
        let without = isolated(doc, false, |_| panic!("{}", String::from("bang")));
        assert!(without.parsed.doc.text.is_empty());
        assert!(without
            .parsed
            .doc
            .error
            .unwrap_or_default()
            .contains("bang"));
    }
}
