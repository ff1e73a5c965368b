//! CSV and JSON Lines writers.
//!
//! Hand-written over the `csv` crate and `serde_json` rather than arrow-csv/arrow-json: the
//! tables hold only six flat types, and writing them directly keeps the dependency tree small
//! and the output exactly as documented (keys in column order, explicit JSON nulls, ISO dates).

use std::io::{self, Write};

use arrow_array::RecordBatch;
use arrow_schema::Schema;

use crate::cells::{columns, ColumnCells};

/// A CSV file being written: a header row, then one record per row; nulls are empty fields.
pub(super) struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
    buf: String,
}

impl<W: Write> CsvSink<W> {
    /// Starts the file with the header row of `schema`.
    pub(super) fn create(schema: &Schema, out: W) -> Result<CsvSink<W>, csv::Error> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(schema.fields().iter().map(|f| f.name()))?;
        Ok(CsvSink {
            writer,
            buf: String::new(),
        })
    }

    pub(super) fn write(&mut self, batch: &RecordBatch) -> Result<(), csv::Error> {
        let cols = columns(batch)?;
        for row in 0..batch.num_rows() {
            for col in &cols {
                self.buf.clear();
                col.get(row).push_text(&mut self.buf);
                self.writer.write_field(&self.buf)?;
            }
            self.writer.write_record(None::<&[u8]>)?;
        }
        Ok(())
    }

    /// Flushes the CSV buffer and returns the output.
    pub(super) fn finish(self) -> io::Result<W> {
        self.writer.into_inner().map_err(|e| e.into_error())
    }
}

/// A JSON Lines file being written: one object per row, keys in column order, nulls as `null`.
pub(super) struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    pub(super) fn new(out: W) -> JsonlSink<W> {
        JsonlSink { out }
    }

    pub(super) fn write(&mut self, batch: &RecordBatch) -> io::Result<()> {
        let object = JsonObjects::new(batch)?;
        for row in 0..batch.num_rows() {
            object.write(&mut self.out, row)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    pub(super) fn finish(self) -> W {
        self.out
    }
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
