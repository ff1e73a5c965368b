//! Readers: files, directories and glob patterns to documents.
//!
//! Every input yields rows: a file that cannot be opened, a CSV row without text or a JSONL
//! line that is not JSON becomes a [`Document`] with an error status rather than stopping the
//! run, so that no input silently goes missing from the output. Only a bad glob pattern, or
//! one that matches nothing, stops a read.

mod blocks;
mod csv;
mod expand;

pub use expand::unreadable_inputs;
mod exports;
mod html;
mod jsonl;
mod record;
mod text;
mod warc;

use std::path::{Path, PathBuf};

use polemos_core::Document;

use crate::decode::{decode, looks_binary};
use crate::stories::split_stories;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Column holding the text, for CSV and JSONL inputs.
    pub text_column: String,
    /// Column holding the document id, if any; rows without one get `path:row`.
    pub id_column: Option<String>,
    /// Column holding the publication date, if any.
    pub date_column: Option<String>,
    /// Column holding the title, if any.
    pub title_column: Option<String>,
    /// Column holding the URL, if any.
    pub url_column: Option<String>,
    /// Whether pages holding several stories are split into one document per story.
    pub split_stories: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            text_column: "text".to_string(),
            id_column: None,
            date_column: None,
            title_column: None,
            url_column: None,
            split_stories: true,
        }
    }
}

/// Errors that stop a whole read (a single bad file becomes an error row instead).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A glob pattern matched no file: almost always a typo, and silently reading nothing
    /// would look like an empty corpus.
    #[error("no input files match {0:?}")]
    NoMatch(String),
    /// A glob pattern that cannot be parsed.
    #[error("invalid glob pattern {pattern:?}: {message}")]
    BadPattern {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
}

/// Input formats, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text, one page per file (`.txt`, `.text`).
    Txt,
    /// Markdown, one page per file (`.md`, `.markdown`).
    Md,
    /// CSV with a header row, one page per row.
    Csv,
    /// JSON Lines, one page per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// An HTML page, its main content extracted (`.html`, `.htm`).
    Html,
    /// A WARC web archive, plain or gzipped (`.warc`, `.warc.gz`): one page per HTML response.
    Warc,
}

impl Format {
    /// The format for a path's extension, if it is one polemos reads.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Md),
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" | "htm" => Some(Format::Html),
            "warc" => Some(Format::Warc),
            "gz" => {
                let stem = Path::new(path.file_stem()?);
                let inner = stem.extension()?.to_str()?;
                inner.eq_ignore_ascii_case("warc").then_some(Format::Warc)
            }
            _ => None,
        }
    }

    /// The name recorded in [`Document::format`].
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Warc => "warc",
        }
    }
}

/// Reads files, directories and glob patterns into documents, in a stable order: inputs in
/// the order given, directory contents sorted by path (recursively, skipping hidden entries
/// and unknown extensions), glob matches sorted. A path that does not exist becomes an error
/// row; a glob that matches nothing is an error.
pub fn read_paths(inputs: &[PathBuf], options: &ReadOptions) -> Result<Vec<Document>, ReadError> {
    Ok(DocumentReader::new(inputs, options)?.collect())
}

/// The files [`read_paths`] reads for `inputs`, in the order it reads them.
pub fn input_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, ReadError> {
    expand::expand(inputs)
}

/// The documents of [`read_paths`], in the same order, read lazily: inputs are expanded into
/// files up front (cheap: names only) and each file is read when its first document is asked
/// for, so that only one file's documents are held at a time; a CSV or JSONL file of 16 MiB
/// or more is read a few MiB at a time, so that not even one large export is held whole.
///
/// ```no_run
/// use polemos_parse::{DocumentReader, ReadOptions};
///
/// let reader = DocumentReader::new(&["articles/".into()], &ReadOptions::default())?;
/// for doc in reader {
///     println!("{}", doc.id);
/// }
/// # Ok::<(), polemos_parse::ReadError>(())
/// ```
#[derive(Debug)]
pub struct DocumentReader {
    files: std::vec::IntoIter<PathBuf>,
    options: ReadOptions,
    /// Documents of the current file not yet returned.
    pending: std::collections::VecDeque<Document>,
    /// The current file, when it is a large CSV or JSONL file read a block at a time.
    blocks: Option<blocks::Blocks>,
    n_files: usize,
    files_done: usize,
}

impl DocumentReader {
    /// Expands `inputs` as [`read_paths`] does; a glob that matches nothing is an error here.
    pub fn new(inputs: &[PathBuf], options: &ReadOptions) -> Result<DocumentReader, ReadError> {
        Ok(DocumentReader::from_files(
            input_files(inputs)?,
            options.clone(),
        ))
    }

    /// Reads `files` (as listed by [`input_files`]) in order.
    pub fn from_files(files: Vec<PathBuf>, options: ReadOptions) -> DocumentReader {
        DocumentReader {
            n_files: files.len(),
            files: files.into_iter(),
            options,
            pending: std::collections::VecDeque::new(),
            blocks: None,
            files_done: 0,
        }
    }

    /// Number of files to read.
    pub fn n_files(&self) -> usize {
        self.n_files
    }

    /// Number of files all of whose documents have been returned.
    pub fn files_done(&self) -> usize {
        self.files_done
    }
}

impl Iterator for DocumentReader {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        loop {
            if let Some(doc) = self.pending.pop_front() {
                if self.pending.is_empty() && self.blocks.is_none() {
                    self.files_done += 1;
                }
                return Some(doc);
            }
            if let Some(blocks) = self.blocks.as_mut() {
                match blocks.next() {
                    Some(docs) => self.pending = split_pages(docs, &self.options).into(),
                    None => {
                        self.blocks = None;
                        self.files_done += 1;
                    }
                }
                continue;
            }
            let path = self.files.next()?;
            let format = Format::from_path(&path).unwrap_or(Format::Txt);
            // A large export is read a block at a time, never whole.
            if let Some(blocks) = blocks::open(&path, format, &self.options) {
                self.blocks = Some(blocks);
                continue;
            }
            self.pending = read_file(&path, &self.options).into();
            if self.pending.is_empty() {
                self.files_done += 1;
            }
        }
    }
}

/// Reads one file. Its format comes from the extension; unknown extensions are read as plain
/// text (the caller asked for this file).
pub fn read_file(path: &Path, options: &ReadOptions) -> Vec<Document> {
    let source = path.display().to_string();
    let format = Format::from_path(path).unwrap_or(Format::Txt);
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&source, format, &bytes, options),
        Err(e) => vec![Document::failed(
            source.clone(),
            source,
            format.as_str(),
            format!("cannot read file: {e}"),
        )],
    }
}

/// Reads in-memory bytes as if they were a file at `source` in `format` (for stdin, archives
/// and tests).
pub fn read_bytes(
    source: &str,
    format: Format,
    bytes: &[u8],
    options: &ReadOptions,
) -> Vec<Document> {
    if format == Format::Warc {
        // Gzipped archives are binary; the WARC reader decodes each response itself.
        return split_pages(warc::documents(source, bytes), options);
    }
    if looks_binary(bytes) {
        return vec![Document::failed(
            source,
            source,
            format.as_str(),
            "binary content, not text",
        )];
    }
    let decoded = decode(bytes);
    let pages = match format {
        Format::Txt => {
            let page = text::page(source, format, decoded);
            // Articles of a news-database export are stories already.
            if let Some(articles) = exports::split(&page) {
                return articles;
            }
            vec![page]
        }
        Format::Md => vec![text::page(source, format, decoded)],
        Format::Csv => csv::rows(source, decoded, options),
        Format::Jsonl => jsonl::rows(source, decoded, options),
        Format::Html => vec![html::page(source, source, &decoded.text, decoded.encoding)],
        Format::Warc => Vec::new(),
    };
    split_pages(pages, options)
}

/// Splits pages into stories when the options ask for it.
fn split_pages(pages: Vec<Document>, options: &ReadOptions) -> Vec<Document> {
    if options.split_stories {
        pages.into_iter().flat_map(split_stories).collect()
    } else {
        pages
    }
}
