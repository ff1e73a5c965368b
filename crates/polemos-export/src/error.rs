use std::path::PathBuf;

/// Errors writing output tables.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("not an events table: no usable column `{0}`")]
    NotAnEventsTable(String),
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Parquet {
        path: PathBuf,
        #[source]
        source: parquet::errors::ParquetError,
    },
    #[error("cannot write {}: {source}", path.display())]
    Arrow {
        path: PathBuf,
        #[source]
        source: arrow_schema::ArrowError,
    },
    #[error("cannot write {}: {source}", path.display())]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    /// A batch handed to a writer does not have its table's schema.
    #[error("the {table} batch does not have the {table} table's schema")]
    SchemaMismatch { table: String },
    /// The format is a view of another table (GeoJSON and ACLED CSV write only events).
    #[error("the {format} format cannot write the {table} table")]
    Unsupported { format: String, table: String },
    #[error(
        "unknown output format {0:?} (expected parquet, arrow, csv, jsonl, geojson, acled or ucdp)"
    )]
    UnknownFormat(String),
}
