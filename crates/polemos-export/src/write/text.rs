//! CSV and JSON Lines writers.
//!
//! Hand-written over the `csv` crate and `serde_json` rather than arrow-csv/arrow-json: the
//! tables hold only six flat types, and writing them directly keeps the dependency tree small
//! and the output exactly as documented (keys in column order, explicit JSON nulls, ISO dates).

use std::io::{self, Write};
use std::path::Path;

use arrow_array::RecordBatch;

use super::cells::{columns, ColumnCells};
use crate::ExportError;

/// Writes `batch` as CSV: a header row, then one record per row; nulls are empty fields.
pub(super) fn write_csv<W: Write>(
    batch: &RecordBatch,
    out: W,
    path: &Path,
) -> Result<(), ExportError> {
    let csv_error = |source| ExportError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let io_error = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let cols = columns(batch).map_err(io_error)?;
    let mut writer = csv::Writer::from_writer(out);
    let schema = batch.schema();
    writer
        .write_record(schema.fields().iter().map(|f| f.name()))
        .map_err(csv_error)?;
    let mut buf = String::new();
    for row in 0..batch.num_rows() {
        for col in &cols {
            buf.clear();
            col.get(row).push_text(&mut buf);
            writer.write_field(&buf).map_err(csv_error)?;
        }
        writer.write_record(None::<&[u8]>).map_err(csv_error)?;
    }
    writer.flush().map_err(io_error)
}

/// Writes `batch` as JSON Lines: one object per row, keys in column order, nulls as `null`.
pub(super) fn write_jsonl<W: Write>(batch: &RecordBatch, mut out: W) -> io::Result<()> {
    let object = JsonObjects::new(batch)?;
    for row in 0..batch.num_rows() {
        object.write(&mut out, row)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Writes the rows of a batch as JSON objects, keys in column order.
pub(super) struct JsonObjects<'a> {
    /// Each key escaped once, with its quotes, colon and separating comma.
    keys: Vec<String>,
    cols: Vec<ColumnCells<'a>>,
}

impl<'a> JsonObjects<'a> {
    pub(super) fn new(batch: &'a RecordBatch) -> io::Result<JsonObjects<'a>> {
        let schema = batch.schema();
        let keys = schema
            .fields()
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let sep = if i == 0 { "" } else { "," };
                Ok(format!("{sep}{}:", serde_json::to_string(f.name())?))
            })
            .collect::<Result<_, serde_json::Error>>()?;
        Ok(JsonObjects {
            keys,
            cols: columns(batch)?,
        })
    }

    /// Writes row `row` as one JSON object, without a trailing newline.
    pub(super) fn write(&self, out: &mut impl Write, row: usize) -> io::Result<()> {
        out.write_all(b"{")?;
        for (key, col) in self.keys.iter().zip(&self.cols) {
            out.write_all(key.as_bytes())?;
            col.get(row).write_json(out)?;
        }
        out.write_all(b"}")
    }
}
