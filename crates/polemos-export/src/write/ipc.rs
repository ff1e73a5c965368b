//! Arrow IPC file format (`.arrow`): the tables exactly as held in memory, for readers that
//! memory-map them (polars `scan_ipc`, pyarrow, DuckDB, R arrow).

use std::collections::HashMap;
use std::fs::File;
use std::io::BufWriter;
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_ipc::writer::FileWriter;
use arrow_schema::{ArrowError, SchemaRef};

use super::metadata::file_metadata;
use crate::Table;

/// An Arrow IPC file being written uncompressed (so the file can be memory-mapped), one record
/// batch per batch written, with the polemos metadata in the schema, where Arrow readers expose
/// it (`pyarrow.ipc.open_file(...).schema.metadata`).
pub(super) struct IpcSink {
    schema: SchemaRef,
    writer: FileWriter<BufWriter<File>>,
}

impl IpcSink {
    pub(super) fn create(
        table: Table,
        schema: SchemaRef,
        file: File,
        extra: &[(String, String)],
    ) -> Result<IpcSink, ArrowError> {
        let schema = Arc::new(
            schema.as_ref().clone().with_metadata(
                file_metadata(table, extra)
                    .into_iter()
                    .collect::<HashMap<_, _>>(),
            ),
        );
        let writer = FileWriter::try_new(BufWriter::new(file), &schema)?;
        Ok(IpcSink { schema, writer })
    }

    pub(super) fn write(&mut self, batch: &RecordBatch) -> Result<(), ArrowError> {
        let batch = RecordBatch::try_new(Arc::clone(&self.schema), batch.columns().to_vec())?;
        self.writer.write(&batch)
    }

    /// Writes the footer and returns the buffered file, not yet flushed.
    pub(super) fn finish(mut self) -> Result<BufWriter<File>, ArrowError> {
        self.writer.finish()?;
        self.writer.into_inner()
    }
}
