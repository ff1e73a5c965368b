//! CSV and JSON Lines writers.
//!
//! Hand-written over the `csv` crate and `serde_json` rather than arrow-csv/arrow-json: the
//! tables hold only five flat types, and writing them directly keeps the dependency tree small
//! and the output exactly as documented (keys in column order, explicit JSON nulls, ISO dates).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use arrow_array::RecordBatch;

use super::cells::{Cell, ColumnCells};
use crate::ExportError;

fn columns(batch: &RecordBatch) -> io::Result<Vec<ColumnCells<'_>>> {
    batch
        .columns()
        .iter()
        .map(|c| {
            ColumnCells::new(c).ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("unsupported column type {}", c.data_type()),
                )
            })
        })
        .collect()
}

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
    let cols = columns(batch).map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut writer = csv::Writer::from_writer(out);
    let schema = batch.schema();
    writer
        .write_record(schema.fields().iter().map(|f| f.name()))
        .map_err(csv_error)?;
    let mut buf = String::new();
    for row in 0..batch.num_rows() {
        for col in &cols {
            buf.clear();
            match col.get(row) {
                Cell::Null => {}
                Cell::Str(s) => buf.push_str(s),
                Cell::Int(i) => {
                    let _ = write!(buf, "{i}");
                }
                Cell::Float(f) => {
                    let _ = write!(buf, "{f}");
                }
                Cell::Date(d) => {
                    let _ = write!(buf, "{}", d.format("%Y-%m-%d"));
                }
                Cell::Bool(b) => buf.push_str(if b { "true" } else { "false" }),
            }
            writer.write_field(&buf).map_err(csv_error)?;
        }
        writer.write_record(None::<&[u8]>).map_err(csv_error)?;
    }
    writer.flush().map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes `batch` as JSON Lines: one object per row, keys in column order, nulls as `null`.
pub(super) fn write_jsonl<W: Write>(batch: &RecordBatch, mut out: W) -> io::Result<()> {
    let cols = columns(batch)?;
    // Keys are escaped once, with their quotes, colon and separating comma.
    let schema = batch.schema();
    let keys: Vec<String> = schema
        .fields()
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let sep = if i == 0 { "" } else { "," };
            Ok(format!("{sep}{}:", serde_json::to_string(f.name())?))
        })
        .collect::<Result<_, serde_json::Error>>()?;
    for row in 0..batch.num_rows() {
        out.write_all(b"{")?;
        for (key, col) in keys.iter().zip(&cols) {
            out.write_all(key.as_bytes())?;
            match col.get(row) {
                Cell::Null => out.write_all(b"null")?,
                Cell::Str(s) => serde_json::to_writer(&mut out, s)?,
                Cell::Int(i) => write!(out, "{i}")?,
                // JSON has no NaN or infinity; such a value is unknown, i.e. null.
                Cell::Float(f) if f.is_finite() => serde_json::to_writer(&mut out, &f)?,
                Cell::Float(_) => out.write_all(b"null")?,
                Cell::Date(d) => write!(out, "\"{}\"", d.format("%Y-%m-%d"))?,
                Cell::Bool(b) => write!(out, "{b}")?,
            }
        }
        out.write_all(b"}\n")?;
    }
    out.flush()
}
