//! Plain-text and Markdown pages: one file, one page.

use polemos_core::Document;

use super::Format;
use crate::decode::Decoded;

/// A page from a decoded text or Markdown file; its id is the path.
pub(super) fn page(source: &str, format: Format, decoded: Decoded) -> Document {
    let mut doc = Document::from_text(source, decoded.text);
    doc.source = source.to_string();
    doc.format = format.as_str().to_string();
    doc.encoding = Some(decoded.encoding.to_string());
    doc
}
