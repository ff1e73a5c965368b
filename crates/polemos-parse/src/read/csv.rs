//! CSV exports: a header row, then one page per row.

use polemos_core::Document;

use super::record::{build, Field};
use super::text::empty_page;
use super::{Format, ReadOptions};
use crate::decode::Decoded;

/// A record of a CSV text, as split by [`records`].
#[derive(Debug, PartialEq, Eq)]
enum Raw<'a> {
    /// The record's text (its fields still quoted), from its first line.
    Record { line: usize, text: &'a str },
    /// A record whose quoted field is never properly closed: its first line, left out.
    Broken { line: usize },
}

/// Splits CSV text into records without trusting its quotes blindly: a quote that closes a
/// field must be followed by a comma, a line end or the end of the text. Where one is not, or a
/// quoted field runs to the end of the text, the field's opening quote was never closed and
/// would swallow the records after it; the record is then taken to end with its first line
/// (reported as broken), and reading goes on from the next line. Once a quoted field has run
/// to the end of the text, no later field may span lines: every quote after it was paired, so
/// no later quoted field is lost, and re-reading to the end from every line would make the
/// scan quadratic. Linear in the text.
fn records(text: &str) -> Vec<Raw<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut line = 1;
    let mut line_mode = false;
    while start < bytes.len() {
        let mut i = start;
        let mut in_quotes = false;
        let mut field_start = true;
        let mut broken = false;
        let end = loop {
            let Some(&b) = bytes.get(i) else {
                broken = in_quotes;
                line_mode |= in_quotes;
                break bytes.len();
            };
            if in_quotes {
                if line_mode && b == b'\n' {
                    broken = true;
                    break i;
                }
                if b == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    in_quotes = false;
                    if !matches!(bytes.get(i + 1), None | Some(b',' | b'\n' | b'\r')) {
                        broken = true;
                        break i;
                    }
                }
            } else if b == b'"' && field_start {
                in_quotes = true;
            } else if b == b'\n' {
                break i;
            }
            field_start = b == b',';
            i += 1;
        };
        if broken {
            // The record is its first line; the next record starts on the line after.
            let first_end = text[start..].find('\n').map_or(bytes.len(), |n| start + n);
            out.push(Raw::Broken { line });
            line += 1;
            start = first_end + 1;
            continue;
        }
        let record = text[start..end].trim_end_matches('\r');
        if !record.is_empty() {
            out.push(Raw::Record { line, text: record });
        }
        line += text[start..end].matches('\n').count() + 1;
        start = end + 1;
    }
    out
}

/// The fields of one record's text.
fn fields(record: &str) -> Result<::csv::StringRecord, ::csv::Error> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(record.as_bytes());
    match reader.records().next() {
        Some(r) => r,
        None => Ok(::csv::StringRecord::new()),
    }
}

/// The rows of a decoded CSV file. Rows are numbered from 1 after the header; a row that
/// cannot be read (a quoted field never closed), or that lacks the text column, becomes an
/// error row saying which line it starts on, and the rows after it are read. A file with no
/// header, or a header and no rows, becomes one empty row so it is not lost.
pub(super) fn rows(source: &str, decoded: Decoded, options: &ReadOptions) -> Vec<Document> {
    let encoding = decoded.encoding;
    let mut raws = records(&decoded.text).into_iter();
    let headers = match raws.next() {
        None => ::csv::StringRecord::new(),
        Some(Raw::Record { text, .. }) => match fields(text) {
            Ok(h) => h,
            Err(e) => {
                return vec![Document::failed(
                    source,
                    source,
                    "csv",
                    format!("cannot read CSV header: {e}"),
                )]
            }
        },
        Some(Raw::Broken { .. }) => {
            return vec![Document::failed(
                source,
                source,
                "csv",
                "cannot read CSV header: a quoted name is never closed",
            )]
        }
    };
    let empty_file = || vec![empty_page(source, Format::Csv, Some(encoding))];
    if headers.is_empty() {
        return empty_file();
    }
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let mut out = Vec::new();
    for (n, raw) in raws.enumerate() {
        let locator = format!("{source}:{}", n + 1);
        let record = match raw {
            Raw::Record { line, text } => fields(text).map_err(|e| (line, e.to_string())),
            Raw::Broken { line } => Err((
                line,
                "a quoted field is never closed; the row is left out and the rows after it \
                 are read"
                    .to_string(),
            )),
        };
        match record {
            Ok(record) => out.push(build(
                locator,
                Format::Csv,
                encoding,
                options,
                |col| match column(col) {
                    None => Field::Missing,
                    Some(i) => match record.get(i) {
                        Some(v) => Field::Value(v.to_string()),
                        None => Field::Bad("row has too few fields".to_string()),
                    },
                },
            )),
            Err((line, why)) => out.push(Document::failed(
                locator.clone(),
                locator,
                "csv",
                format!("bad CSV row (line {line}): {why}"),
            )),
        }
    }
    if out.is_empty() {
        // A header and no rows: the file still appears, as one empty row.
        return empty_file();
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
        // No header, or a header and no rows (found by fuzzing: "\n0"): one empty row each.
        for empty in [&b""[..], b"id,content\n", b"\n0"] {
            let r = rows("e.csv", decode(empty), &opts());
            assert_eq!(r.len(), 1, "{empty:?}");
            assert_eq!(r[0].status, DocStatus::Empty);
        }
        let mut b = b"id,content\n1,\"Caf\xc3\xa9 \xff hit \xe2\x80\x9cx\xe2\x80\x9d.\"\n".to_vec();
        b.extend_from_slice(b"2,\"unterminated");
        let r = rows("u.csv", decode(&b), &opts());
        assert_eq!(r[0].text, "Café \u{FFFD} hit “x”.");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].status, DocStatus::Error);
    }

    #[test]
    fn an_unclosed_quote_loses_only_its_own_row() {
        let csv = "id,content\n1,\"Shelling hit Homs.\n2,\"Rockets hit Idlib.\"\n\
                   3,\"Clashes in Daraa,\nnear the border.\"\n4,\"Quoted \"\"word\"\".\"\n";
        let r = rows("q.csv", decode(csv.as_bytes()), &opts());
        let got: Vec<(&str, &str)> = r
            .iter()
            .map(|d| (d.status.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("error", ""),
                ("ok", "Rockets hit Idlib."),
                ("ok", "Clashes in Daraa,\nnear the border."),
                ("ok", "Quoted \"word\"."),
            ]
        );
        assert!(
            r[0].error.as_deref().unwrap().contains("line 2"),
            "{:?}",
            r[0].error
        );
        assert_eq!(r[2].id, "3");
    }

    #[test]
    fn records_split_where_quotes_allow() {
        assert_eq!(
            records("a,b\r\n\"x\ny\",2\n\n3,4"),
            vec![
                Raw::Record {
                    line: 1,
                    text: "a,b"
                },
                Raw::Record {
                    line: 2,
                    text: "\"x\ny\",2"
                },
                Raw::Record {
                    line: 5,
                    text: "3,4"
                },
            ]
        );
        assert_eq!(
            records("\"open,1\n2,3"),
            vec![
                Raw::Broken { line: 1 },
                Raw::Record {
                    line: 2,
                    text: "2,3"
                }
            ]
        );
    }

    #[test]
    fn broken_quotes_are_read_in_linear_time() {
        // Every line opens a quote it never closes: each is its own broken row.
        let text = "\"open,1\n".repeat(50_000);
        let raws = records(&text);
        assert_eq!(raws.len(), 50_000);
        assert!(raws.iter().all(|r| matches!(r, Raw::Broken { .. })));
        // A quote running to the end: from then on lines stand alone.
        let text = format!("\"open,1\n{}", "\"\"x\"\" y,1\n".repeat(50_000));
        let raws = records(&text);
        assert_eq!(raws.len(), 50_001);
        // A quoted field after a broken one still spans its lines.
        assert_eq!(
            records("\"open,1\n\"a\nb\",2\n3,4"),
            vec![
                Raw::Broken { line: 1 },
                Raw::Record {
                    line: 2,
                    text: "\"a\nb\",2"
                },
                Raw::Record {
                    line: 4,
                    text: "3,4"
                },
            ]
        );
    }
}
