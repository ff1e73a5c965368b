use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whether a document could be processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocStatus {
    /// Read and processed.
    #[default]
    Ok,
    /// Read, but holds no text to process.
    Empty,
    /// Could not be read or processed; [`Document::error`] says why.
    Error,
    /// Read, but not coded: written in a language polemos does not code
    /// ([`Document::language`]); [`Document::warning`] says which.
    NotCoded,
}

impl DocStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            DocStatus::Ok => "ok",
            DocStatus::Empty => "empty",
            DocStatus::Error => "error",
            DocStatus::NotCoded => "not_coded",
        }
    }
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Given by the caller or an input column.
    Input,
    /// Page metadata (HTML meta tags, WARC headers, export headers).
    Metadata,
    /// The dateline or a date line at the top of the text.
    Dateline,
}

impl DateSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            DateSource::Input => "input",
            DateSource::Metadata => "metadata",
            DateSource::Dateline => "dateline",
        }
    }
}

/// One input document: a story with its text and what is known about it.
///
/// A page holding several stories becomes several documents sharing a `page_id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Unique id: the caller's id, or derived from the source (`path`, `path#2` for the second
    /// story of a page, `input[3]` for the fourth string given).
    pub id: String,
    /// Id of the page or record the story came from; equals `id` when it was not split.
    pub page_id: String,
    /// 0-based position of this story within its page.
    pub story_index: u32,
    /// Where it was read from: a path, `path:line` for a record, or `input[i]`.
    pub source: String,
    /// Input format: `text`, `txt`, `md`, `html`, `csv`, `jsonl`, `warc`, ...
    pub format: String,
    /// Character encoding the bytes were decoded from, when they were bytes.
    pub encoding: Option<String>,
    /// The decoded text of this story, verbatim: all spans index into it.
    pub text: String,
    /// Byte offset of `text` within the decoded page it was split from.
    pub page_offset: usize,
    /// Title given by metadata (an input column, an HTML `<title>`), if any.
    pub title: Option<String>,
    /// Canonical URL, if known.
    pub url: Option<String>,
    /// Publication date, if known.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub published_source: Option<DateSource>,
    pub status: DocStatus,
    /// Why the document could not be processed, when `status` is `Error`.
    pub error: Option<String>,
    /// What was done to a document that could be processed only in part or in another way
    /// than usual (HTML nested too deep to keep its structure): processed, but not as given.
    pub warning: Option<String>,
    /// The language the text is written in (ISO 639-1), when the parser could tell.
    #[serde(default)]
    pub language: Option<String>,
}

impl Document {
    /// A document made from a string given directly by the caller.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        let text = text.into();
        let status = if text.trim().is_empty() {
            DocStatus::Empty
        } else {
            DocStatus::Ok
        };
        Document {
            page_id: id.clone(),
            id,
            source: String::new(),
            format: "text".to_string(),
            text,
            status,
            ..Document::default()
        }
    }

    /// A row for an input that could not be read, so that no input goes missing from the output.
    pub fn failed(
        id: impl Into<String>,
        source: impl Into<String>,
        format: impl Into<String>,
        error: impl Into<String>,
    ) -> Self {
        let id = id.into();
        Document {
            page_id: id.clone(),
            id,
            source: source.into(),
            format: format.into(),
            status: DocStatus::Error,
            error: Some(error.into()),
            ..Document::default()
        }
    }

    /// Sets the publication date and its source.
    pub fn with_published(mut self, date: NaiveDate, source: DateSource) -> Self {
        self.published = Some(date);
        self.published_source = Some(source);
        self
    }

    pub fn is_ok(&self) -> bool {
        self.status == DocStatus::Ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_text_sets_status() {
        assert_eq!(
            Document::from_text("a", "Shelling in Homs.").status,
            DocStatus::Ok
        );
        assert_eq!(Document::from_text("b", "  \n ").status, DocStatus::Empty);
        let d = Document::from_text("c", "x");
        assert_eq!(d.page_id, "c");
        assert_eq!(d.format, "text");
    }

    #[test]
    fn failed_keeps_error() {
        let d = Document::failed("x.csv:3", "x.csv", "csv", "missing column `text`");
        assert_eq!(d.status, DocStatus::Error);
        assert_eq!(d.error.as_deref(), Some("missing column `text`"));
        assert_eq!(d.status.as_str(), "error");
    }
}
