//! WARC web archives, plain or gzipped: HTML responses become documents.
//!
//! Each record is a `WARC/1.x` version line, header lines up to a blank line and a
//! `Content-Length` block. Only `response` records holding an HTML page become documents;
//! a record that is malformed or cut short becomes an error row and reading goes on with the
//! next record where one can be found. Record and header sizes are capped.

use std::collections::HashSet;
use std::io::{self, BufRead, BufReader, Read};

use encoding_rs::Encoding;
use flate2::read::MultiGzDecoder;
use polemos_core::{DateSource, Document};

use super::html;
use super::text::empty_page;
use super::Format;
use crate::date::parse_date;
use crate::decode::decode;

/// Largest record block read; larger ones are skipped with an error row.
const MAX_RECORD: u64 = 64 * 1024 * 1024;
/// Longest header line.
const MAX_LINE: u64 = 64 * 1024;
/// Most header lines in a record.
const MAX_HEADERS: usize = 256;
/// Most HTTP headers in a response.
const MAX_HTTP_HEADERS: usize = 128;
/// Largest decompressed HTTP body.
const MAX_BODY: u64 = 64 * 1024 * 1024;

const FORMAT: &str = "warc";

/// Reads the documents of a WARC file (gzipped when it starts with the gzip magic bytes).
/// An archive holding no HTML response (an empty file, requests only) is one empty row with
/// a warning, so that it still appears in the output.
pub(super) fn documents(path: &str, bytes: &[u8]) -> Vec<Document> {
    let docs = if bytes.starts_with(&[0x1f, 0x8b]) {
        read_records(path, BufReader::new(MultiGzDecoder::new(bytes)))
    } else {
        read_records(path, bytes)
    };
    if !docs.is_empty() {
        return docs;
    }
    let mut doc = empty_page(path, Format::Warc, None);
    doc.warning = Some("the archive holds no HTML response".to_string());
    vec![doc]
}

/// One record's headers and block.
struct Record {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
}

impl Record {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What reading the next record gave.
enum Next {
    Record(Record),
    /// A bad record; reading may go on.
    Bad(String),
    /// A bad record after which the stream cannot be read further.
    Fatal(String),
    End,
}

fn read_records(path: &str, mut r: impl BufRead) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut used_ids = HashSet::new();
    let mut pending: Option<Vec<u8>> = None;
    let mut n = 0usize;
    loop {
        let next = next_record(&mut r, &mut pending);
        if matches!(next, Next::End) {
            break;
        }
        n += 1;
        let locator = format!("{path}#{n}");
        match next {
            Next::Record(rec) => {
                if let Some(doc) = record_document(&locator, &rec, &mut used_ids) {
                    docs.push(doc);
                }
            }
            Next::Bad(why) => docs.push(Document::failed(&locator, &locator, FORMAT, why)),
            Next::Fatal(why) => {
                docs.push(Document::failed(&locator, &locator, FORMAT, why));
                break;
            }
            Next::End => break,
        }
    }
    docs
}

/// Reads one line of at most [`MAX_LINE`] bytes; `None` at the end of input.
fn read_line(r: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    r.by_ref().take(MAX_LINE).read_until(b'\n', &mut buf)?;
    if buf.is_empty() {
        Ok(None)
    } else {
        Ok(Some(buf))
    }
}

fn is_version_line(line: &[u8]) -> bool {
    line.starts_with(b"WARC/")
}

fn next_record(r: &mut impl BufRead, pending: &mut Option<Vec<u8>>) -> Next {
    // The version line, after the blank lines that end the previous record.
    let version = loop {
        let line = match pending.take() {
            Some(l) => l,
            None => match read_line(r) {
                Ok(Some(l)) => l,
                Ok(None) => return Next::End,
                Err(e) => return Next::Fatal(format!("cannot read archive: {e}")),
            },
        };
        if !line.trim_ascii().is_empty() {
            break line;
        }
    };
    if !is_version_line(&version) {
        // Skip to the next record, so that one bad record costs only itself.
        return match resync(r, pending) {
            Ok(()) => Next::Bad("malformed record: no WARC version line".to_string()),
            Err(e) => Next::Fatal(format!("malformed record, then cannot read archive: {e}")),
        };
    }
    let mut headers = Vec::new();
    loop {
        let line = match read_line(r) {
            Ok(Some(l)) => l,
            Ok(None) => return Next::Fatal("truncated record: headers cut short".to_string()),
            Err(e) => return Next::Fatal(format!("truncated record: {e}")),
        };
        if line.trim_ascii().is_empty() {
            break;
        }
        if headers.len() >= MAX_HEADERS {
            return bad_and_resync(r, pending, "malformed record: too many headers");
        }
        let text = String::from_utf8_lossy(&line);
        match text.split_once(':') {
            Some((k, v)) => headers.push((k.trim().to_string(), v.trim().to_string())),
            None if is_version_line(&line) => {
                *pending = Some(line);
                return Next::Bad("malformed record: headers without end".to_string());
            }
            None => {}
        }
    }
    let length = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, v)| v.parse::<u64>().ok());
    let Some(length) = length else {
        return bad_and_resync(r, pending, "malformed record: no valid Content-Length");
    };
    if length > MAX_RECORD {
        return match io::copy(&mut r.by_ref().take(length), &mut io::sink()) {
            Ok(got) if got == length => {
                Next::Bad(format!("record of {length} bytes is too large, skipped"))
            }
            Ok(_) => Next::Fatal("truncated record: block cut short".to_string()),
            Err(e) => Next::Fatal(format!("truncated record: {e}")),
        };
    }
    let mut block = Vec::new();
    match r.by_ref().take(length).read_to_end(&mut block) {
        Ok(got) if got as u64 == length => Next::Record(Record { headers, block }),
        Ok(got) => Next::Fatal(format!(
            "truncated record: block has {got} of {length} bytes"
        )),
        Err(e) => Next::Fatal(format!("truncated record: {e}")),
    }
}

fn bad_and_resync(r: &mut impl BufRead, pending: &mut Option<Vec<u8>>, why: &str) -> Next {
    match resync(r, pending) {
        Ok(()) => Next::Bad(why.to_string()),
        Err(e) => Next::Fatal(format!("{why}, then cannot read archive: {e}")),
    }
}

/// Skips lines up to the next version line, kept in `pending`; every line read moves on, so
/// this ends.
fn resync(r: &mut impl BufRead, pending: &mut Option<Vec<u8>>) -> io::Result<()> {
    while let Some(line) = read_line(r)? {
        if is_version_line(&line) {
            *pending = Some(line);
            break;
        }
    }
    Ok(())
}

/// The document for a record: `None` for records that are not HTML responses.
fn record_document(
    locator: &str,
    rec: &Record,
    used_ids: &mut HashSet<String>,
) -> Option<Document> {
    if !rec
        .header("WARC-Type")
        .is_some_and(|t| t.eq_ignore_ascii_case("response"))
    {
        return None;
    }
    let target = rec
        .header("WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']).to_string())
        .filter(|u| !u.is_empty());
    let id = match &target {
        Some(u) if !used_ids.contains(u) => u.clone(),
        _ => locator.to_string(),
    };
    let fail = |why: String| Some(Document::failed(&id, locator, FORMAT, why));
    let mut header_buf = [httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
    let mut resp = httparse::Response::new(&mut header_buf);
    let body_start = match resp.parse(&rec.block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return fail("malformed HTTP response: headers cut short".to_string())
        }
        Err(e) => return fail(format!("malformed HTTP response: {e}")),
    };
    let http_header = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase())
    };
    let content_type = http_header("Content-Type").unwrap_or_default();
    if !content_type.contains("html") {
        return None;
    }
    let mut body = rec.block.get(body_start..).unwrap_or_default().to_vec();
    if http_header("Transfer-Encoding").is_some_and(|t| t.contains("chunked")) {
        match dechunk(&body) {
            Some(b) => body = b,
            None => return fail("malformed chunked HTTP body".to_string()),
        }
    }
    if http_header("Content-Encoding").is_some_and(|t| t.contains("gzip")) {
        let mut out = Vec::new();
        match MultiGzDecoder::new(body.as_slice())
            .take(MAX_BODY)
            .read_to_end(&mut out)
        {
            Ok(_) => body = out,
            Err(e) => return fail(format!("cannot decompress HTTP body: {e}")),
        }
    }
    let (text, encoding) = decode_body(&body, &content_type);
    used_ids.insert(id.clone());
    let mut doc = html::page(&id, locator, &text, encoding);
    doc.format = FORMAT.to_string();
    if doc.url.is_none() {
        doc.url = target;
    }
    if doc.published.is_none() {
        if let Some(date) = rec.header("WARC-Date").and_then(parse_date) {
            doc = doc.with_published(date, DateSource::Metadata);
        }
    }
    Some(doc)
}

/// Decodes an HTTP body with the charset its content type names, else by guessing.
fn decode_body(body: &[u8], content_type: &str) -> (String, &'static str) {
    let charset = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .find_map(|c| Encoding::for_label(c.trim_matches('"').as_bytes()));
    match charset {
        Some(enc) => {
            let (text, enc, _) = enc.decode(body);
            (text.into_owned(), enc.name())
        }
        None => {
            let d = decode(body);
            (d.text, d.encoding)
        }
    }
}

/// Removes HTTP chunked transfer encoding; `None` when the chunks are malformed.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let eol = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(rest.get(..eol)?).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = rest.get(eol + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest.strip_prefix(b"\r\n").unwrap_or(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2019-06-02T08:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    #[test]
    fn an_archive_without_html_responses_is_one_empty_row() {
        // Found by fuzzing: an empty file gave no row at all.
        let requests = record("request", "https://example.org/", b"GET / HTTP/1.1\r\n\r\n");
        for bytes in [Vec::new(), requests] {
            let docs = documents("a.warc", &bytes);
            assert_eq!(docs.len(), 1);
            assert_eq!(docs[0].status, polemos_core::DocStatus::Empty);
            assert!(docs[0].warning.is_some());
        }
    }

    #[test]
    fn plain_warc_with_chunked_body_and_garbage() {
        let body = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
                    Transfer-Encoding: chunked\r\n\r\n\
                    10\r\n<p>Shells fell o\r\n12\r\nn the old quarter.\r\n0\r\n\r\n";
        let mut bytes = b"garbage line\r\n".to_vec();
        bytes.extend(record("response", "http://example.org/a", body.as_bytes()));
        let docs = documents("a.warc", &bytes);
        assert_eq!(docs.len(), 2, "{docs:?}");
        assert!(!docs[0].is_ok());
        assert_eq!(docs[1].id, "http://example.org/a");
        assert_eq!(docs[1].text, "Shells fell on the old quarter.");
        assert_eq!(docs[1].published_source, Some(DateSource::Metadata));
        assert_eq!(
            docs[1].published,
            chrono::NaiveDate::from_ymd_opt(2019, 6, 2)
        );
    }

    #[test]
    fn missing_length_and_huge_length() {
        let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\n\r\nabc\r\n\r\n".to_vec();
        bytes.extend(b"WARC/1.0\r\nContent-Length: 99999999999\r\n\r\nshort");
        let docs = documents("b.warc", &bytes);
        assert_eq!(docs.len(), 2, "{docs:?}");
        assert!(docs.iter().all(|d| !d.is_ok()));
    }

    #[test]
    fn dechunk_rejects_bad_sizes() {
        assert_eq!(dechunk(b"zz\r\nabc"), None);
        assert_eq!(dechunk(b"3\r\nabc\r\n0\r\n\r\n"), Some(b"abc".to_vec()));
    }
}
