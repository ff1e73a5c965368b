//! JSON Lines: one JSON object per line, one page per object.

use polemos_core::Document;
use serde_json::Value;

use super::record::{build, Field};
use super::text::empty_page;
use super::{Format, ReadOptions};
use crate::decode::Decoded;

/// The records of a decoded JSONL file. Blank lines are skipped; a line that is not a JSON
/// object becomes an error row `path:line` and reading goes on. Keys `id`, `title`,
/// `published`/`date` and `url` are used when no column is named for them.
pub(super) fn rows(source: &str, decoded: Decoded, options: &ReadOptions) -> Vec<Document> {
    let mut rows = JsonlRows::new(source);
    let mut out = rows.block(&decoded.text, decoded.encoding, options);
    out.extend(rows.finish(decoded.encoding));
    out
}

/// The rows of one JSONL file, built a block of lines at a time, so that a large file is never
/// held whole ([`rows`] reads a file as one block).
#[derive(Debug)]
pub(super) struct JsonlRows {
    source: String,
    /// Lines before the current block.
    lines: usize,
    /// Whether any row was given.
    any: bool,
}

impl JsonlRows {
    pub fn new(source: &str) -> JsonlRows {
        JsonlRows {
            source: source.to_string(),
            lines: 0,
            any: false,
        }
    }

    /// The rows of `text`, the file's next block of whole lines.
    pub fn block(
        &mut self,
        text: &str,
        encoding: &'static str,
        options: &ReadOptions,
    ) -> Vec<Document> {
        let mut out = Vec::new();
        let first = self.lines;
        for (n, line) in text.lines().enumerate() {
            self.lines = first + n + 1;
            if line.trim().is_empty() {
                continue;
            }
            out.push(row(
                &format!("{}:{}", self.source, self.lines),
                line,
                encoding,
                options,
            ));
        }
        self.any |= !out.is_empty();
        out
    }

    /// After the last block: the one empty row of a file without records.
    pub fn finish(self, encoding: &'static str) -> Option<Document> {
        (!self.any).then(|| empty_page(&self.source, Format::Jsonl, Some(encoding)))
    }
}

/// The document of one non-blank line, found at `locator`.
fn row(locator: &str, line: &str, encoding: &'static str, options: &ReadOptions) -> Document {
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return Document::failed(locator, locator, "jsonl", format!("bad JSON: {e}")),
    };
    let Value::Object(map) = value else {
        return Document::failed(locator, locator, "jsonl", "line is not a JSON object");
    };
    build(
        locator.to_string(),
        Format::Jsonl,
        encoding,
        options,
        |col| match map.get(col) {
            None | Some(Value::Null) => Field::Missing,
            Some(Value::String(s)) => Field::Value(s.clone()),
            Some(Value::Number(n)) => Field::Value(n.to_string()),
            Some(Value::Bool(b)) => Field::Value(b.to_string()),
            Some(_) => Field::Bad("not a string".to_string()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use polemos_core::DocStatus;

    #[test]
    fn good_bad_and_truncated_lines() {
        let opts = ReadOptions {
            id_column: Some("id".into()),
            date_column: Some("published".into()),
            ..ReadOptions::default()
        };
        let data =
            "{\"id\": \"a\", \"text\": \"Shells hit Homs.\", \"published\": \"2017-03-02\"}\n\n\
                    [1, 2]\n{\"id\": 5, \"text\": {\"x\": 1}}\n{\"id\": \"b\", \"text\": \"Trunc";
        let r = rows("w.jsonl", decode(data.as_bytes()), &opts);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].id, "a");
        assert_eq!(r[0].source, "w.jsonl:1");
        assert_eq!(
            r[0].published.map(|d| d.to_string()).as_deref(),
            Some("2017-03-02")
        );
        assert_eq!(r[1].status, DocStatus::Error);
        assert_eq!(r[1].id, "w.jsonl:3");
        assert_eq!(r[2].status, DocStatus::Error);
        assert_eq!(r[2].id, "5");
        assert_eq!(r[3].status, DocStatus::Error);
        assert_eq!(r[3].id, "w.jsonl:5");
    }

    #[test]
    fn empty_file() {
        let r = rows("e.jsonl", decode(b""), &ReadOptions::default());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].status, DocStatus::Empty);
    }
}
