//! Readers and normalisation for polemos.
//!
//! [`read_paths`] turns files, directories and globs into [`Document`]s (one per story; a file
//! that cannot be read becomes an error row), and [`parse`] finds a document's headline,
//! dateline, page furniture, sentences and tokens. All spans are byte offsets into
//! [`Document::text`].

mod read;

pub use read::{read_paths, ReadError, ReadOptions};

use polemos_core::{Document, ParsedDocument, Sentence, SentenceKind, Span};

/// Parses one document. Never fails: a document with an error status comes back unparsed.
pub fn parse(doc: Document) -> ParsedDocument {
    if !doc.is_ok() {
        return ParsedDocument::unparsed(doc);
    }
    // Placeholder until the real parser lands: one sentence per line.
    let mut sentences = Vec::new();
    let mut offset = 0;
    for line in doc.text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = offset + (line.len() - line.trim_start().len());
            sentences.push(Sentence {
                index: sentences.len() as u32,
                kind: SentenceKind::Body,
                span: Span::new(start, start + trimmed.len()),
                tokens: Vec::new(),
            });
        }
        offset += line.len();
    }
    ParsedDocument {
        sentences,
        ..ParsedDocument::unparsed(doc)
    }
}
