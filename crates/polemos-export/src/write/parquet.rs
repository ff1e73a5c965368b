use std::fs::File;
use std::path::Path;

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::metadata::file_metadata;
use crate::{ExportError, Table};

pub(super) fn write(
    table: Table,
    batch: &RecordBatch,
    file: File,
    path: &Path,
    extra: &[(String, String)],
) -> Result<(), ExportError> {
    let error = |source| ExportError::Parquet {
        path: path.to_path_buf(),
        source,
    };
    let metadata = file_metadata(table, extra)
        .into_iter()
        .map(|(k, v)| KeyValue::new(k, v))
        .collect();
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
