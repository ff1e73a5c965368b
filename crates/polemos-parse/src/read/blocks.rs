//! Large CSV and JSONL files read a block at a time, so that a many-gigabyte export is never
//! held in memory whole: only one block of its bytes and the documents made from it.
//!
//! A block is a few MiB of whole lines. The file's encoding is decided on its first block that
//! is not plain ASCII, as for a whole file (UTF-8 where the bytes are UTF-8, else the legacy
//! encoding they look like), and kept for the rest of the file: a file in UTF-8, as exports
//! almost always are, decodes exactly as it would whole. A file with a byte-order mark, in
//! UTF-16, or that looks binary, is read whole as before. A CSV record whose quoted field
//! runs past the end of a block is carried into the next, so rows, their numbers and their
//! error messages are those of reading the file whole.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use encoding_rs::Encoding;
use polemos_core::Document;

use super::csv::CsvRows;
use super::jsonl::JsonlRows;
use super::{Format, ReadOptions};
use crate::decode::{decode, decode_as, looks_binary, utf16_without_bom};

/// The sizes that decide how a file is read in blocks.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    /// Files at least this large are read a block at a time; smaller ones whole.
    stream_from: u64,
    /// Bytes read for each block (a block then ends at its last line end).
    block: usize,
    /// How long a CSV record with an open quoted field may grow across blocks before the quote
    /// is taken as never closed (as at the end of a file): no real field is this long, and
    /// carrying it further would hold the rest of the file.
    longest_open_record: usize,
}

const SIZES: Sizes = Sizes {
    stream_from: 16 * 1024 * 1024,
    block: 4 * 1024 * 1024,
    longest_open_record: 64 * 1024 * 1024,
};

/// The rows of a file being read.
#[derive(Debug)]
enum Rows {
    Csv(CsvRows),
    Jsonl(JsonlRows),
}

/// A CSV or JSONL file read a block at a time: an iterator over the documents of each block.
#[derive(Debug)]
pub(super) struct Blocks {
    file: File,
    source: String,
    format: Format,
    options: ReadOptions,
    rows: Option<Rows>,
    /// Bytes read and not yet made into documents: the start of the next block.
    pending: Vec<u8>,
    /// Bytes at the start of `pending` already known to hold no line end (or, for CSV, that
    /// the open record's quote runs through): not searched again.
    searched: usize,
    at_end: bool,
    /// The encoding of the last block, for the empty row of a file without rows.
    encoding: &'static str,
    /// The file's encoding, once a block that is not ASCII has decided it.
    decided: Option<&'static Encoding>,
    sizes: Sizes,
}

/// A reader of `path` a block at a time, when it is a CSV or JSONL file of at least 16 MiB in
/// an encoding that blocks can be decoded in; otherwise `None`, and the file is read whole.
pub(super) fn open(path: &Path, format: Format, options: &ReadOptions) -> Option<Blocks> {
    open_with(path, format, options, SIZES)
}

fn open_with(path: &Path, format: Format, options: &ReadOptions, sizes: Sizes) -> Option<Blocks> {
    if !matches!(format, Format::Csv | Format::Jsonl) {
        return None;
    }
    let mut file = File::open(path).ok()?;
    if file.metadata().ok()?.len() < sizes.stream_from {
        return None;
    }
    let mut head = Vec::with_capacity(sizes.block);
    (&mut file)
        .take(sizes.block as u64)
        .read_to_end(&mut head)
        .ok()?;
    if Encoding::for_bom(&head).is_some()
        || utf16_without_bom(&head).is_some()
        || looks_binary(&head)
    {
        return None;
    }
    let source = path.display().to_string();
    let rows = match format {
        Format::Csv => Rows::Csv(CsvRows::new(&source)),
        _ => Rows::Jsonl(JsonlRows::new(&source)),
    };
    Some(Blocks {
        file,
        source,
        format,
        options: options.clone(),
        rows: Some(rows),
        pending: head,
        searched: 0,
        at_end: false,
        encoding: "UTF-8",
        decided: None,
        sizes,
    })
}

impl Blocks {
    /// Reads up to a block's bytes more into `pending`.
    fn fill(&mut self) -> io::Result<()> {
        let before = self.pending.len();
        (&mut self.file)
            .take(self.sizes.block as u64)
            .read_to_end(&mut self.pending)?;
        self.at_end = self.pending.len() == before;
        Ok(())
    }

    /// The documents of the next block; `None` once the file is done.
    fn next_block(&mut self) -> io::Result<Option<Vec<Document>>> {
        loop {
            let Some(rows) = self.rows.as_mut() else {
                return Ok(None);
            };
            if self.at_end && self.pending.is_empty() {
                let last = match self.rows.take() {
                    Some(Rows::Csv(r)) => r.finish(self.encoding),
                    Some(Rows::Jsonl(r)) => r.finish(self.encoding),
                    None => None,
                };
                return Ok(Some(last.into_iter().collect()));
            }
            // A block is whole lines: up to the last line end, or everything at the end.
            let cut = match self.pending[self.searched..]
                .iter()
                .rposition(|&b| b == b'\n')
            {
                Some(i) => self.searched + i + 1,
                None if self.at_end => self.pending.len(),
                None => {
                    self.searched = self.pending.len();
                    self.fill()?;
                    continue;
                }
            };
            let bytes = &self.pending[..cut];
            let decoded = match self.decided {
                Some(enc) => decode_as(enc, bytes),
                None => {
                    let decoded = decode(bytes);
                    if !bytes.is_ascii() {
                        self.decided = Encoding::for_label(decoded.encoding.as_bytes());
                    }
                    decoded
                }
            };
            self.encoding = decoded.encoding;
            let (docs, open) = match rows {
                Rows::Jsonl(r) => (
                    r.block(&decoded.text, decoded.encoding, &self.options),
                    None,
                ),
                Rows::Csv(r) => {
                    // The end of the file closes any open quote; so does a record grown too
                    // long.
                    let closes = (self.at_end && cut == self.pending.len())
                        || cut >= self.sizes.longest_open_record;
                    r.block(&decoded.text, decoded.encoding, &self.options, closes)
                }
            };
            // An unfinished record is read again, with more text, in the next block.
            let consumed = match open {
                Some(offset) => line_start_in_bytes(&self.pending[..cut], &decoded.text, offset),
                None => cut,
            };
            self.pending.drain(..consumed);
            // The unfinished record's lines need no search for a line end again: the next
            // block ends past them.
            self.searched = cut - consumed;
            if !docs.is_empty() {
                return Ok(Some(docs));
            }
        }
    }
}

/// Where in `bytes` the line starting at `offset` of `text` (`bytes` decoded) starts. The
/// encodings blocks are decoded in turn each line-end byte into one line end and nothing else
/// into one, so lines are counted.
fn line_start_in_bytes(bytes: &[u8], text: &str, offset: usize) -> usize {
    let lines = text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    if lines == 0 {
        return 0;
    }
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .nth(lines - 1)
        .map_or(bytes.len(), |(i, _)| i + 1)
}

impl Iterator for Blocks {
    type Item = Vec<Document>;

    fn next(&mut self) -> Option<Vec<Document>> {
        match self.next_block() {
            Ok(docs) => docs,
            Err(e) => {
                // The rest of the file cannot be read: one error row says so, and the file ends.
                self.rows = None;
                Some(vec![Document::failed(
                    self.source.clone(),
                    self.source.clone(),
                    self.format.as_str(),
                    format!("cannot read the rest of the file: {e}"),
                )])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What a reader gives of each document, to compare.
    fn summary(docs: &[Document]) -> Vec<String> {
        docs.iter()
            .map(|d| {
                format!(
                    "{} | {} | {} | {:?} | {:?} | {} | {:?}",
                    d.id,
                    d.source,
                    d.status.as_str(),
                    d.error,
                    d.title,
                    d.text,
                    d.encoding
                )
            })
            .collect()
    }

    fn whole_and_in_blocks(name: &str, bytes: &[u8], block: usize) -> (Vec<String>, Vec<String>) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let options = ReadOptions {
            id_column: Some("id".into()),
            title_column: Some("title".into()),
            ..ReadOptions::default()
        };
        let whole = super::super::read_file(&path, &options);
        let sizes = Sizes {
            stream_from: 0,
            block,
            longest_open_record: usize::MAX,
        };
        let format = Format::from_path(&path).unwrap_or(Format::Txt);
        let blocks = open_with(&path, format, &options, sizes).expect("read in blocks");
        let in_blocks: Vec<Document> = blocks.flatten().collect();
        (summary(&whole), summary(&in_blocks))
    }

    #[test]
    fn records_across_block_ends_read_as_in_the_whole_file() {
        let csv = "id,title,text\r\n1,a,\"Shelling hit Homs,\nkilling two.\"\r\n\n\
                   2,\"b \"\"q\"\"\",\"open\n3,c,plain\n4,d,\"Caf\u{e9} \u{201c}x\u{201d}\nnext\"\n\
                   5,e,\"never closed,\n6,f,after\n";
        for block in [1, 2, 3, 7, 16, 64, 1 << 20] {
            let (whole, blocks) = whole_and_in_blocks("a.csv", csv.as_bytes(), block);
            assert_eq!(blocks, whole, "block of {block} bytes");
        }
        let jsonl = "{\"id\": \"a\", \"text\": \"Rockets hit Idlib.\"}\n\n[1]\n\
                     {\"id\": \"b\", \"text\": \"Caf\u{e9}\"}\r\n{\"id\": 3, \"text\": \"x\"}";
        for block in [1, 5, 64, 1 << 20] {
            let (whole, blocks) = whole_and_in_blocks("a.jsonl", jsonl.as_bytes(), block);
            assert_eq!(blocks, whole, "block of {block} bytes");
        }
    }

    #[test]
    fn a_header_alone_or_blank_lines_still_give_one_row() {
        for (name, text) in [("h.csv", "id,text\n"), ("b.jsonl", "\n\n  \n")] {
            let (whole, blocks) = whole_and_in_blocks(name, text.as_bytes(), 2);
            assert_eq!(blocks.len(), 1);
            assert_eq!(blocks, whole);
        }
    }

    #[test]
    fn a_quote_open_too_long_is_given_up_and_the_rest_is_read() {
        let mut csv = String::from("id,text\n1,\"never closed\n");
        for n in 2..200 {
            csv.push_str(&format!("{n},row {n}\n"));
        }
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("q.csv");
        std::fs::write(&path, &csv).expect("write");
        let sizes = Sizes {
            stream_from: 0,
            block: 16,
            longest_open_record: 256,
        };
        let docs: Vec<Document> = open_with(&path, Format::Csv, &ReadOptions::default(), sizes)
            .expect("read in blocks")
            .flatten()
            .collect();
        assert_eq!(docs.len(), 199);
        assert_eq!(docs[0].status.as_str(), "error");
        assert!(docs[1..].iter().all(|d| d.status.as_str() == "ok"));
        assert_eq!(docs[198].text, "row 199");
    }

    #[test]
    fn another_encoding_is_decided_once_for_the_file() {
        // windows-1252: decided on the first block that is not ASCII, kept after it.
        let csv = b"id,text\n1,plain\n2,caf\xe9 na\xefve r\xe9sum\xe9 d\xe9j\xe0\n3,\"na\xefve\nline\"\n4,ok\n";
        let (whole, blocks) = whole_and_in_blocks("w.csv", csv, 16);
        assert!(
            whole.iter().all(|r| r.contains("windows-1252")),
            "{whole:?}"
        );
        // The rows before the deciding block are ASCII, read the same in either.
        assert_eq!(blocks[0], whole[0].replace("windows-1252", "UTF-8"));
        assert_eq!(blocks[1..], whole[1..]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_utf8_export_reads_as_whole(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("a"), Just(","), Just("\""), Just("\n"), Just("\r\n"),
                    Just("\u{e9}"), Just("\u{201c}"), Just(" "), Just("{\"text\": \"x\"}"),
                ],
                0..60,
            ),
            block in 1usize..40,
        ) {
            let body: String = parts.concat();
            let csv = format!("id,text\n{body}");
            let (whole, blocks) = whole_and_in_blocks("p.csv", csv.as_bytes(), block);
            prop_assert_eq!(blocks, whole);
            let (whole, blocks) = whole_and_in_blocks("p.jsonl", body.as_bytes(), block);
            prop_assert_eq!(blocks, whole);
        }
    }
}
