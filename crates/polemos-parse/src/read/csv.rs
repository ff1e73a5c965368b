//! CSV exports: a header row, then one page per row.

use polemos_core::Document;

use super::record::{build, Field};
use super::{Format, ReadOptions};
use crate::decode::Decoded;

/// The rows of a decoded CSV file. Rows are numbered from 1 after the header; a row that the
/// CSV parser rejects, or that lacks the text column, becomes an error row. A file with no
/// header becomes one empty row so it is not lost.
pub(super) fn rows(source: &str, decoded: Decoded, options: &ReadOptions) -> Vec<Document> {
    let encoding = decoded.encoding;
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(decoded.text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return vec![Document::failed(
                source,
                source,
                "csv",
                format!("cannot read CSV header: {e}"),
            )]
        }
    };
    if headers.is_empty() {
        let mut doc = Document::from_text(source, "");
        doc.source = source.to_string();
        doc.format = "csv".to_string();
        doc.encoding = Some(encoding.to_string());
        return vec![doc];
    }
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let mut out = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let locator = format!("{source}:{}", n + 1);
        match record {
            Ok(record) => out.push(build(
                locator,
                Format::Csv,
                encoding,
                options,
                false,
                |col| match column(col) {
                    None => Field::Missing,
                    Some(i) => match record.get(i) {
                        Some(v) => Field::Value(v.to_string()),
                        None => Field::Bad("row has too few fields".to_string()),
                    },
                },
            )),
            Err(e) => out.push(Document::failed(
                locator.clone(),
                locator,
                "csv",
                format!("bad CSV row: {e}"),
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use polemos_core::DocStatus;

    fn opts() -> ReadOptions {
        ReadOptions {
            text_column: "content".into(),
            id_column: Some("id".into()),
            date_column: Some("date".into()),
            title_column: Some("title".into()),
            ..ReadOptions::default()
        }
    }

    #[test]
    fn reads_rows() {
        let csv = "id,title,content,date\n7,Homs shelled,\"Shells hit Homs, killing two.\",4/7/17\n,,Second text.,not a date\n";
        let rows = rows("f.csv", decode(csv.as_bytes()), &opts());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, "7");
        assert_eq!(rows[0].source, "f.csv:1");
        assert_eq!(rows[0].text, "Shells hit Homs, killing two.");
        assert_eq!(rows[0].title.as_deref(), Some("Homs shelled"));
        assert_eq!(
            rows[0].published.map(|d| d.to_string()).as_deref(),
            Some("2017-04-07")
        );
        assert_eq!(rows[1].id, "f.csv:2");
        assert_eq!(rows[1].published, None);
        assert_eq!(rows[1].status, DocStatus::Ok);
    }

    #[test]
    fn missing_column_and_short_rows() {
        let csv = "id,title\n1,a\n";
        let r = rows("f.csv", decode(csv.as_bytes()), &opts());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].status, DocStatus::Error);
        assert!(r[0].error.as_deref().unwrap().contains("content"));
        let csv = "id,content\n1\n2,Text.\n";
        let r = rows("f.csv", decode(csv.as_bytes()), &opts());
        assert_eq!(r[0].status, DocStatus::Error);
        assert_eq!(r[1].status, DocStatus::Ok);
    }

    #[test]
    fn empty_and_invalid_utf8() {
        let r = rows("e.csv", decode(b""), &opts());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].status, DocStatus::Empty);
        let mut b = b"id,content\n1,\"Caf\xc3\xa9 \xff hit \xe2\x80\x9cx\xe2\x80\x9d.\"\n".to_vec();
        b.extend_from_slice(b"2,\"unterminated");
        let r = rows("u.csv", decode(&b), &opts());
        assert_eq!(r[0].text, "Café \u{FFFD} hit “x”.");
        assert_eq!(r.len(), 2);
    }
}
