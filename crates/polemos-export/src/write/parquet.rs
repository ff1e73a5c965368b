use std::fs::File;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::errors::ParquetError;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::metadata::file_metadata;
use crate::Table;

/// Encoded (compressed) size at which a row group is closed when rows arrive in several
/// batches, so that a long run buffers at most about this much of each table. Row counts still
/// cap row groups at the writer's default (1,048,576 rows), as for a single batch.
pub(crate) const ROW_GROUP_BYTES: usize = 8 * 1024 * 1024;

/// A Parquet file being written, zstd-compressed, with the polemos metadata.
pub(super) struct ParquetSink {
    writer: ArrowWriter<File>,
}

impl ParquetSink {
    pub(super) fn create(
        table: Table,
        schema: SchemaRef,
        file: File,
        extra: &[(String, String)],
    ) -> Result<ParquetSink, ParquetError> {
        let metadata = file_metadata(table, extra)
            .into_iter()
            .map(|(k, v)| KeyValue::new(k, v))
            .collect();
        let properties = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_key_value_metadata(Some(metadata))
            .build();
        let writer = ArrowWriter::try_new(file, schema, Some(properties))?;
        Ok(ParquetSink { writer })
    }

    /// Appends `batch`; closes the row group once it holds [`ROW_GROUP_BYTES`].
    pub(super) fn write(&mut self, batch: &RecordBatch) -> Result<(), ParquetError> {
        self.writer.write(batch)?;
        if self.writer.in_progress_size() >= ROW_GROUP_BYTES {
            self.writer.flush()?;
        }
        Ok(())
    }

    /// Writes the footer and returns the file, not yet synced.
    pub(super) fn finish(self) -> Result<File, ParquetError> {
        self.writer.into_inner()
    }
}
