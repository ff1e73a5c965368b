//! Arrow tables for polemos output, and Parquet, Arrow IPC, CSV, JSON Lines, GeoJSON and
//! ACLED-style CSV writers.
//!
//! [`tables`] turns [`DocumentExtraction`]s into five flat tables — documents, sentences,
//! mentions, events and furniture — whose columns are all scalars of six types (Utf8, Int32,
//! Int64, Float64, Date32, Boolean), so that the same data can be written as Parquet, Arrow IPC,
//! CSV or JSON Lines and read from Python, R or Stata without loss. [`write_tables`] writes them
//! into a directory; [`Format::Geojson`] and [`Format::Acled`] write views of the events table
//! for GIS software and for code written against ACLED exports. [`TablesWriter`] writes the
//! same files chunk by chunk, for runs larger than memory.
//!
//! The schema is defined once in this crate ([`Table::columns`]); `docs/schema.md` documents
//! every column and a test keeps the two in agreement.
//!
//! ```
//! use polemos_core::{Document, DocumentExtraction, ParsedDocument};
//! use polemos_export::{tables, Table};
//!
//! let doc = Document::from_text("a", "Shelling in Homs.");
//! let x = DocumentExtraction { parsed: ParsedDocument::unparsed(doc), mentions: vec![], events: vec![] };
//! let t = tables(&[x]);
//! assert_eq!(t.num_rows(Table::Documents), 1);
//! assert_eq!(t.documents.schema(), Table::Documents.schema());
//! ```

mod cells;
mod columns;
mod countries;
mod error;
pub mod explain;
mod format;
mod incidents;
mod schema;
mod tables;
mod views;
mod write;

pub use columns::{ColumnSpec, ColumnType};
pub use error::ExportError;
pub use format::Format;
pub use incidents::{event_summaries, incidents_table};
pub use schema::{Table, SCHEMA_VERSION};
pub use tables::{tables, tables_from, Tables, TablesBuilder};
pub use views::{AcledView, UcdpView, ACLED_COLUMNS, UCDP_COLUMNS};
pub use write::{
    file_name, remove_temporary_files, temporary_files_removed, write_table,
    write_table_with_metadata, write_tables, write_tables_with_metadata, write_tables_with_options,
    TableWriter, TablesWriter,
};
pub use write::{RESOURCES_KEY, SCHEMA_VERSION_KEY, TABLE_KEY, VERSION_KEY};

pub use polemos_core::DocumentExtraction;
