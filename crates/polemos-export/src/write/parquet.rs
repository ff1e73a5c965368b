use std::fs::File;
use std::path::Path;

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use crate::{ExportError, Table, SCHEMA_VERSION};

/// Key of the polemos version in a Parquet file's key-value metadata.
pub const VERSION_KEY: &str = "polemos.version";
/// Key of the schema version in a Parquet file's key-value metadata.
pub const SCHEMA_VERSION_KEY: &str = "polemos.schema_version";
/// Key of the table name in a Parquet file's key-value metadata.
pub const TABLE_KEY: &str = "polemos.table";

pub(super) fn write(
    table: Table,
    batch: &RecordBatch,
    file: File,
    path: &Path,
) -> Result<(), ExportError> {
    let error = |source| ExportError::Parquet {
        path: path.to_path_buf(),
        source,
    };
    let metadata = vec![
        KeyValue::new(VERSION_KEY.to_string(), polemos_core::VERSION.to_string()),
        KeyValue::new(SCHEMA_VERSION_KEY.to_string(), SCHEMA_VERSION.to_string()),
        KeyValue::new(TABLE_KEY.to_string(), table.name().to_string()),
    ];
    let properties = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_key_value_metadata(Some(metadata))
        .build();
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(properties)).map_err(error)?;
    writer.write(batch).map_err(error)?;
    let file = writer.into_inner().map_err(error)?;
    file.sync_all().map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })
}
