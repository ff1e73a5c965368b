//! Arrow IPC file format (`.arrow`): the tables exactly as held in memory, for readers that
//! memory-map them (polars `scan_ipc`, pyarrow, DuckDB, R arrow).

use std::collections::HashMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_ipc::writer::FileWriter;

use super::metadata::file_metadata;
use crate::{ExportError, Table};

/// Writes `batch` uncompressed (so the file can be memory-mapped), with the polemos metadata in
/// the schema, where Arrow readers expose it (`pyarrow.ipc.open_file(...).schema.metadata`).
pub(super) fn write(
    table: Table,
    batch: &RecordBatch,
    file: File,
    path: &Path,
    extra: &[(String, String)],
) -> Result<(), ExportError> {
    let error = |source| ExportError::Arrow {
        path: path.to_path_buf(),
        source,
    };
    let schema = batch.schema();
    let schema = Arc::new(
        schema.as_ref().clone().with_metadata(
            file_metadata(table, extra)
                .into_iter()
                .collect::<HashMap<_, _>>(),
        ),
    );
    let batch = batch
        .clone()
        .with_schema(Arc::clone(&schema))
        .map_err(error)?;
    let mut writer = FileWriter::try_new(BufWriter::new(file), &schema).map_err(error)?;
    writer.write(&batch).map_err(error)?;
    writer.finish().map_err(error)?;
    let file = writer
        .into_inner()
        .map_err(error)?
        .into_inner()
        .map_err(|e| ExportError::Io {
            path: path.to_path_buf(),
            source: e.into_error(),
        })?;
    file.sync_all().map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })
}
