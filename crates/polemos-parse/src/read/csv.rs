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

/// Where the scan of a CSV file stands, carried from one block of the file to the next when
/// it is read a block at a time.
#[derive(Debug, Clone, Copy)]
struct Scan {
    /// The line the next record starts on.
    line: usize,
    /// Whether a quoted field has run to the end of the file: lines stand alone from then on.
    line_mode: bool,
}

impl Default for Scan {
    fn default() -> Scan {
        Scan {
            line: 1,
            line_mode: false,
        }
    }
}

/// Splits CSV text into records, for tests: the whole of a file.
#[cfg(test)]
fn records(text: &str) -> Vec<Raw<'_>> {
    scan(text, &mut Scan::default(), true).0
}

/// Splits CSV text into records without trusting its quotes blindly: a quote that closes a
/// field must be followed by a comma, a line end or the end of the text. Where one is not, or a
/// quoted field runs to the end of the file, the field's opening quote was never closed and
/// would swallow the records after it; the record is then taken to end with its first line
/// (reported as broken), and reading goes on from the next line. Once a quoted field has run
/// to the end of the file, no later field may span lines: every quote after it was paired, so
/// no later quoted field is lost, and re-reading to the end from every line would make the
/// scan quadratic. Linear in the text.
///
/// `closes`: whether the text ends where the file ends (or where an open quoted field is to be
/// given up, see `polemos_parse::read::blocks`). When it does not, a quoted field running to
/// the end of the text may close in the next block: the scan stops there and returns the byte
/// offset of that record, to be scanned again with more text.
fn scan<'a>(text: &'a str, state: &mut Scan, closes: bool) -> (Vec<Raw<'a>>, Option<usize>) {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let mut i = start;
        let mut in_quotes = false;
        let mut field_start = true;
        let mut broken = false;
        let end = loop {
            let Some(&b) = bytes.get(i) else {
                if in_quotes && !closes {
                    return (out, Some(start));
                }
                broken = in_quotes;
                state.line_mode |= in_quotes;
                break bytes.len();
            };
            if in_quotes {
                if state.line_mode && b == b'\n' {
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
            out.push(Raw::Broken { line: state.line });
            state.line += 1;
            start = first_end + 1;
            continue;
        }
        let record = text[start..end].trim_end_matches('\r');
        if !record.is_empty() {
            out.push(Raw::Record {
                line: state.line,
                text: record,
            });
        }
        state.line += text[start..end].matches('\n').count() + 1;
        start = end + 1;
    }
    (out, None)
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
    let mut rows = CsvRows::new(source);
    let (mut out, _) = rows.block(&decoded.text, decoded.encoding, options, true);
    out.extend(rows.finish(decoded.encoding));
    out
}

/// The header of a CSV file being read.
#[derive(Debug)]
enum Header {
    /// Not met yet.
    Unread,
    Columns(::csv::StringRecord),
    /// Unreadable: the file is one error row.
    Failed,
}

/// The rows of one CSV file, built a block of records at a time, so that a large file is never
/// held whole ([`rows`] reads a file as one block). Gives what [`rows`] gives for the whole
/// file, whatever the blocks.
#[derive(Debug)]
pub(super) struct CsvRows {
    source: String,
    scan: Scan,
    header: Header,
    /// Records after the header so far.
    records: usize,
    /// Whether any row was given.
    any: bool,
}

impl CsvRows {
    pub fn new(source: &str) -> CsvRows {
        CsvRows {
            source: source.to_string(),
            scan: Scan::default(),
            header: Header::Unread,
            records: 0,
            any: false,
        }
    }

    /// The rows of `text`, the file's next block of whole lines; `closes` as for [`scan`]
    /// (true for the last block). Also returns, when `closes` is false, the byte offset of an
    /// unfinished record at the end of `text`: it is to be given again at the start of the
    /// next block.
    pub fn block(
        &mut self,
        text: &str,
        encoding: &'static str,
        options: &ReadOptions,
        closes: bool,
    ) -> (Vec<Document>, Option<usize>) {
        let source = self.source.as_str();
        let (raws, open) = scan(text, &mut self.scan, closes);
        let mut out = Vec::new();
        for raw in raws {
            let headers = match &self.header {
                Header::Failed => break,
                Header::Columns(headers) => headers,
                Header::Unread => {
                    let why = match raw {
                        Raw::Record { text, .. } => match fields(text) {
                            Ok(h) => {
                                self.header = Header::Columns(h);
                                continue;
                            }
                            Err(e) => e.to_string(),
                        },
                        Raw::Broken { .. } => "a quoted name is never closed".to_string(),
                    };
                    self.header = Header::Failed;
                    out.push(Document::failed(
                        source,
                        source,
                        "csv",
                        format!("cannot read CSV header: {why}"),
                    ));
                    break;
                }
            };
            self.records += 1;
            let locator = format!("{source}:{}", self.records);
            let record = match raw {
                Raw::Record { line, text } => fields(text).map_err(|e| (line, e.to_string())),
                Raw::Broken { line } => Err((
                    line,
                    "a quoted field is never closed; the row is left out and the rows after it \
                     are read"
                        .to_string(),
                )),
            };
            let column = |name: &str| headers.iter().position(|h| h.trim() == name);
            match record {
                Ok(record) => {
                    out.push(build(
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
                    ))
                }
                Err((line, why)) => out.push(Document::failed(
                    locator.clone(),
                    locator,
                    "csv",
                    format!("bad CSV row (line {line}): {why}"),
                )),
            }
        }
        self.any |= !out.is_empty();
        (out, open)
    }

    /// After the last block: the one empty row of a file without rows (no header, or a header
    /// alone), so that the file still appears.
    pub fn finish(self, encoding: &'static str) -> Option<Document> {
        (!self.any).then(|| empty_page(&self.source, Format::Csv, Some(encoding)))
    }
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
