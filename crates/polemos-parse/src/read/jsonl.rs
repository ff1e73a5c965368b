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
    let encoding = decoded.encoding;
    let mut out = Vec::new();
    for (n, line) in decoded.text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let locator = format!("{source}:{}", n + 1);
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                out.push(Document::failed(
                    locator.clone(),
                    locator,
                    "jsonl",
                    format!("bad JSON: {e}"),
                ));
                continue;
            }
        };
        let Value::Object(map) = value else {
            out.push(Document::failed(
                locator.clone(),
                locator,
                "jsonl",
                "line is not a JSON object",
            ));
            continue;
        };
        out.push(build(
            locator,
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
        ));
    }
    if out.is_empty() {
        out.push(empty_page(source, Format::Jsonl, Some(encoding)));
    }
    out
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
