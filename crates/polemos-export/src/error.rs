use std::path::PathBuf;

/// Errors writing output tables.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
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
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    /// A batch handed to a writer does not have its table's schema.
    #[error("the {table} batch does not have the {table} table's schema")]
    SchemaMismatch { table: String },
    #[error("unknown output format {0:?} (expected parquet, csv or jsonl)")]
    UnknownFormat(String),
}
