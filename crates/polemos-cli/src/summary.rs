//! What a run produced, for the closing line and the warnings about unreadable documents.

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use polemos_export::{Table, Tables};

/// Row counts of a run and the documents that could not be processed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub errors: usize,
    pub sentences: usize,
    pub mentions: usize,
    pub events: usize,
    /// `(doc_id, error)` of the first [`Summary::KEEP_FAILED`] documents with status `error`,
    /// in order (a corpus of unreadable files must not fill memory with messages; `errors`
    /// counts them all).
    pub failed: Vec<(String, String)>,
}

impl Summary {
    /// How many failed documents are named; the closing warnings show this many.
    pub const KEEP_FAILED: usize = 10;

    pub fn of(tables: &Tables) -> Summary {
        let mut summary = Summary::default();
        summary.add(tables);
        summary
    }

    /// Adds the rows of one more chunk of a run.
    pub fn add(&mut self, tables: &Tables) {
        let failed = failed_documents(&tables.documents);
        self.documents += tables.num_rows(Table::Documents);
        self.errors += failed.len();
        self.sentences += tables.num_rows(Table::Sentences);
        self.mentions += tables.num_rows(Table::Mentions);
        self.events += tables.num_rows(Table::Events);
        let room = Summary::KEEP_FAILED.saturating_sub(self.failed.len());
        self.failed.extend(failed.into_iter().take(room));
    }

    /// `11 documents (0 errors), 214 sentences, 31 events`
    pub fn counts(&self) -> String {
        format!(
            "{} ({}), {}, {}",
            plural(self.documents, "document"),
            plural(self.errors, "error"),
            plural(self.sentences, "sentence"),
            plural(self.events, "event"),
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn failed_documents(documents: &RecordBatch) -> Vec<(String, String)> {
    let column = |name: &str| {
        documents
            .column_by_name(name)
            .and_then(|c| c.as_string_opt::<i32>())
    };
    let (Some(ids), Some(status), Some(errors)) =
        (column("doc_id"), column("status"), column("error"))
    else {
        return Vec::new();
    };
    (0..documents.num_rows())
        .filter(|&i| status.value(i) == "error")
        .map(|i| {
            let error = if errors.is_valid(i) {
                errors.value(i)
            } else {
                "unknown error"
            };
            (ids.value(i).to_string(), error.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_core::{Document, DocumentExtraction, ParsedDocument};

    fn x(doc: Document) -> DocumentExtraction {
        DocumentExtraction {
            parsed: ParsedDocument::unparsed(doc),
            mentions: vec![],
            events: vec![],
        }
    }

    #[test]
    fn counts_and_failures() {
        let tables = polemos_export::tables(&[
            x(Document::from_text("a", "text")),
            x(Document::failed("b", "b", "html", "bad bytes")),
        ]);
        let mut s = Summary::of(&tables);
        assert_eq!(s.counts(), "2 documents (1 error), 0 sentences, 0 events");
        assert_eq!(s.failed, [("b".to_string(), "bad bytes".to_string())]);
        s.add(&polemos_export::tables(&[x(Document::failed(
            "c",
            "c",
            "txt",
            "unreadable",
        ))]));
        assert_eq!(s.counts(), "3 documents (2 errors), 0 sentences, 0 events");
        assert_eq!(s.failed.len(), 2);
        let many: Vec<_> = (0..30)
            .map(|n| x(Document::failed(format!("d{n}"), "d", "txt", "unreadable")))
            .collect();
        s.add(&polemos_export::tables(&many));
        assert_eq!(s.errors, 32);
        assert_eq!(s.failed.len(), Summary::KEEP_FAILED);
        assert_eq!(s.failed[2].0, "d0");
    }
}
