//! Readers and normalisation for polemos.
//!
//! [`read_paths`] turns files, directories and globs into [`Document`]s (one per story; a file
//! that cannot be read becomes an error row), and [`parse`] finds a document's headline,
//! dateline, page furniture and sentences, and [`tokenize`] a sentence's tokens. All spans are byte offsets into
//! [`Document::text`], which is never altered: normalisation for matching happens downstream.
//!
//! [`Document`]: polemos_core::Document
//! [`Document::text`]: polemos_core::Document::text

mod captions;
mod date;
mod dateline;
mod decode;
mod furniture;
mod headline;
mod language;
mod lines;
mod normalize;
mod parse;
mod read;
mod sentences;
mod stories;
mod tags;
mod tokens;
mod vocab;

pub use date::{month_number, parse_date};
pub use decode::{decode, looks_binary, Decoded};
pub use language::detect_language;
pub use parse::parse;
pub use read::{
    input_files, read_bytes, read_file, read_paths, unreadable_inputs, DocumentReader, Format,
    ReadError, ReadOptions,
};
pub use stories::split_stories;
pub use tokens::tokenize;
