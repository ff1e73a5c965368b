//! Writers: one file per table, named after it (`documents.parquet`, `events.csv`, ...), and
//! the two views of the events table (`events.geojson`, `acled.csv`).
//!
//! Each file is written under a temporary name in the output directory and renamed into place
//! once complete, so an interrupted or failed run never leaves a truncated file that looks
//! valid.

mod acled;
mod cells;
mod countries;
mod geojson;
mod ipc;
mod metadata;
mod parquet;
mod text;

pub use acled::ACLED_COLUMNS;
pub use metadata::{RESOURCES_KEY, SCHEMA_VERSION_KEY, TABLE_KEY, VERSION_KEY};

use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;

use crate::{ExportError, Format, Table, Tables};

/// Writes the tables of `format` ([`Format::tables`]: all five, or only events for GeoJSON and
/// ACLED CSV) into `dir` (created if missing) and returns the paths written, in [`Table::ALL`]
/// order.
pub fn write_tables(
    tables: &Tables,
    dir: &Path,
    format: Format,
) -> Result<Vec<PathBuf>, ExportError> {
    write_tables_with_metadata(tables, dir, format, &[])
}

/// [`write_tables`], adding `metadata` pairs (such as the `polemos.resources` that produced
/// the tables, see [`RESOURCES_KEY`]) to the key-value metadata of Parquet and Arrow IPC files.
pub fn write_tables_with_metadata(
    tables: &Tables,
    dir: &Path,
    format: Format,
    metadata: &[(String, String)],
) -> Result<Vec<PathBuf>, ExportError> {
    fs::create_dir_all(dir).map_err(|source| ExportError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    format
        .tables()
        .iter()
        .map(|&table| {
            let path = dir.join(file_name(table, format));
            write_table_with_metadata(table, tables.get(table), &path, format, metadata)
                .map(|()| path)
        })
        .collect()
}

/// The file name of `table` in `format`: `events.csv`; `acled.csv` for the ACLED view.
pub fn file_name(table: Table, format: Format) -> String {
    match format {
        Format::Acled => "acled.csv".to_string(),
        _ => format!("{}.{}", table.name(), format.extension()),
    }
}

/// Writes one table's batch to `path`.
pub fn write_table(
    table: Table,
    batch: &RecordBatch,
    path: &Path,
    format: Format,
) -> Result<(), ExportError> {
    write_table_with_metadata(table, batch, path, format, &[])
}

/// [`write_table`] with extra key-value metadata for Parquet and Arrow IPC files.
pub fn write_table_with_metadata(
    table: Table,
    batch: &RecordBatch,
    path: &Path,
    format: Format,
    metadata: &[(String, String)],
) -> Result<(), ExportError> {
    if !format.writes(table) {
        return Err(ExportError::Unsupported {
            format: format.name().to_string(),
            table: table.name().to_string(),
        });
    }
    if batch.schema().fields() != table.schema().fields() {
        return Err(ExportError::SchemaMismatch {
            table: table.name().to_string(),
        });
    }
    let tmp = temporary_path(path);
    let result = write_to(table, batch, &tmp, path, format, metadata).and_then(|()| {
        fs::rename(&tmp, path).map_err(|source| ExportError::Io {
            path: path.to_path_buf(),
            source,
        })
    });
    if result.is_err() {
        // Best effort: the original error is the one worth reporting.
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_to(
    table: Table,
    batch: &RecordBatch,
    tmp: &Path,
    path: &Path,
    format: Format,
    metadata: &[(String, String)],
) -> Result<(), ExportError> {
    let io_error = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::create(tmp).map_err(io_error)?;
    match format {
        Format::Parquet => parquet::write(table, batch, file, path, metadata),
        Format::Arrow => ipc::write(table, batch, file, path, metadata),
        Format::Csv => {
            let mut out = BufWriter::new(file);
            text::write_csv(batch, &mut out, path)?;
            finish_file(out).map_err(io_error)
        }
        Format::Jsonl => {
            let mut out = BufWriter::new(file);
            text::write_jsonl(batch, &mut out).map_err(io_error)?;
            finish_file(out).map_err(io_error)
        }
        Format::Geojson => {
            let mut out = BufWriter::new(file);
            geojson::write_geojson(batch, &mut out).map_err(io_error)?;
            finish_file(out).map_err(io_error)
        }
        Format::Acled => {
            let mut out = BufWriter::new(file);
            acled::write_acled(batch, &mut out, path)?;
            finish_file(out).map_err(io_error)
        }
    }
}

fn finish_file(out: BufWriter<File>) -> std::io::Result<()> {
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// `dir/.events.csv.tmp` for `dir/events.csv`: hidden, and in the same directory so the rename
/// stays on one file system.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp"))
}
