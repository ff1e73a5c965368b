//! Plain-text and Markdown pages: one file, one page.

use polemos_core::Document;

use super::Format;
use crate::decode::Decoded;

/// A page from a decoded text or Markdown file; its id is the path.
pub(super) fn page(source: &str, format: Format, decoded: Decoded) -> Document {
    file_page(source, format, decoded.text, Some(decoded.encoding))
}

/// The one empty row of a file that holds no document (a CSV header alone, blank JSONL
/// lines, an archive without HTML), so that the file still appears in the output.
pub(super) fn empty_page(source: &str, format: Format, encoding: Option<&str>) -> Document {
    file_page(source, format, String::new(), encoding)
}

/// A whole file as one document, its id the path.
fn file_page(source: &str, format: Format, text: String, encoding: Option<&str>) -> Document {
    let mut doc = Document::from_text(source, text);
    doc.source = source.to_string();
    doc.format = format.as_str().to_string();
    doc.encoding = encoding.map(str::to_string);
    doc
}
