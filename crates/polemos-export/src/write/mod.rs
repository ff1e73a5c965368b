//! Writers: one file per table, named after it (`documents.parquet`, `events.csv`, ...), and
//! the three views of the events table (`events.geojson`, `acled.csv`, `ucdp.csv`).
//!
//! Each file is written under a temporary name in the output directory and renamed into place
//! once complete, so an interrupted or failed run never leaves a truncated file that looks
//! valid.

mod acled;
mod geojson;
mod ipc;
mod metadata;
mod parquet;
mod temporary;
mod text;
mod ucdp;

pub use temporary::{remove_temporary_files, temporary_files_removed};

pub use metadata::{RESOURCES_KEY, SCHEMA_VERSION_KEY, TABLE_KEY, VERSION_KEY};

use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use crate::{ExportError, Format, Table, Tables};

/// Writes the tables of `format` ([`Format::tables`]: all five, or only events for GeoJSON,
/// ACLED and UCDP CSV) into `dir` (created if missing) and returns the paths written, in
/// [`Table::ALL`] order.
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
    write_tables_with_options(tables, dir, format, metadata, false)
}

/// [`write_tables_with_metadata`], where the event views (GeoJSON, ACLED, UCDP) write the events
/// the text does not assert too when `all_events` ([`TableWriter::include_all_events`]).
pub fn write_tables_with_options(
    tables: &Tables,
    dir: &Path,
    format: Format,
    metadata: &[(String, String)],
    all_events: bool,
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
            let documents = (format == Format::Ucdp).then(|| tables.get(Table::Documents));
            write_one(
                table,
                tables.get(table),
                &path,
                format,
                metadata,
                all_events,
                documents,
            )
            .map(|()| path)
        })
        .collect()
}

/// The file name of `table` in `format`: `events.csv`; `acled.csv` and `ucdp.csv` for the
/// ACLED and UCDP views.
pub fn file_name(table: Table, format: Format) -> String {
    match format {
        Format::Acled => "acled.csv".to_string(),
        Format::Ucdp => "ucdp.csv".to_string(),
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
    write_one(table, batch, path, format, metadata, false, None)
}

fn write_one(
    table: Table,
    batch: &RecordBatch,
    path: &Path,
    format: Format,
    metadata: &[(String, String)],
    all_events: bool,
    documents: Option<&RecordBatch>,
) -> Result<(), ExportError> {
    check_format(table, format)?;
    check_schema(table, batch)?;
    // The batch's own schema, as given, so that its metadata reaches Parquet and Arrow files.
    let mut writer = TableWriter::open(table, batch.schema(), path, format, metadata)?;
    writer.include_all_events(all_events);
    if let Some(documents) = documents {
        writer.observe_documents(documents)?;
    }
    writer.write(batch)?;
    writer.finish()
}

/// Writes one table's file from batches appended one at a time, so that a run never holds more
/// than one batch of the table in memory. The rows and metadata are those [`write_table`]
/// would write for all the batches concatenated; Parquet files get a row group per ~8 MiB of
/// compressed rows (or 1,048,576 rows), Arrow IPC files one record batch per non-empty batch
/// written.
///
/// The file is written under a temporary name and renamed into place by [`TableWriter::finish`];
/// a writer dropped before then (an error, a panic) removes its temporary file and leaves any
/// existing file at `path` alone.
pub struct TableWriter {
    table: Table,
    path: PathBuf,
    tmp: PathBuf,
    sink: Option<Sink>,
    /// Whether a batch with rows was written: an empty table is written as one empty batch.
    wrote_rows: bool,
    /// Whether the file was renamed into place; until then, dropping the writer removes it.
    done: bool,
}

/// The open file of a [`TableWriter`], per format.
enum Sink {
    Parquet(parquet::ParquetSink),
    Arrow(ipc::IpcSink),
    Csv(text::CsvSink<BufWriter<File>>),
    Jsonl(text::JsonlSink<BufWriter<File>>),
    Geojson(geojson::GeojsonSink<BufWriter<File>>),
    Acled(acled::AcledSink<BufWriter<File>>),
    Ucdp(ucdp::UcdpSink<BufWriter<File>>),
}

impl std::fmt::Debug for TableWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableWriter")
            .field("table", &self.table)
            .field("path", &self.path)
            .field("open", &self.sink.is_some())
            .finish()
    }
}

impl TableWriter {
    /// Starts writing `table` in `format` to `path` (its directory must exist), with the
    /// polemos metadata and the extra `metadata` pairs in Parquet and Arrow IPC files.
    pub fn create(
        table: Table,
        path: &Path,
        format: Format,
        metadata: &[(String, String)],
    ) -> Result<TableWriter, ExportError> {
        check_format(table, format)?;
        TableWriter::open(table, table.schema(), path, format, metadata)
    }

    fn open(
        table: Table,
        schema: SchemaRef,
        path: &Path,
        format: Format,
        metadata: &[(String, String)],
    ) -> Result<TableWriter, ExportError> {
        let tmp = temporary_path(path);
        let file = temporary::create(&tmp).map_err(io_error(path))?;
        let mut writer = TableWriter {
            table,
            path: path.to_path_buf(),
            tmp,
            sink: None,
            wrote_rows: false,
            done: false,
        };
        // From here on, dropping `writer` (on an error too) removes the temporary file.
        let sink = match format {
            Format::Parquet => parquet::ParquetSink::create(table, schema, file, metadata)
                .map(Sink::Parquet)
                .map_err(parquet_error(path))?,
            Format::Arrow => ipc::IpcSink::create(table, schema, file, metadata)
                .map(Sink::Arrow)
                .map_err(arrow_error(path))?,
            Format::Csv => text::CsvSink::create(&schema, BufWriter::new(file))
                .map(Sink::Csv)
                .map_err(csv_error(path))?,
            Format::Jsonl => Sink::Jsonl(text::JsonlSink::new(BufWriter::new(file))),
            Format::Geojson => geojson::GeojsonSink::create(BufWriter::new(file))
                .map(Sink::Geojson)
                .map_err(io_error(path))?,
            Format::Acled => acled::AcledSink::create(BufWriter::new(file))
                .map(Sink::Acled)
                .map_err(csv_error(path))?,
            Format::Ucdp => ucdp::UcdpSink::create(BufWriter::new(file))
                .map(Sink::Ucdp)
                .map_err(csv_error(path))?,
        };
        writer.sink = Some(sink);
        Ok(writer)
    }

    /// For the event views (GeoJSON, ACLED, UCDP), whether events the text does not assert
    /// (negated, planned, denied, hypothetical) are written too; by default they are not.
    /// Other formats write every event, with its `modality` column.
    pub fn include_all_events(&mut self, yes: bool) {
        match self.sink.as_mut() {
            Some(Sink::Geojson(s)) => s.include_all_events(yes),
            Some(Sink::Acled(s)) => s.include_all_events(yes),
            Some(Sink::Ucdp(s)) => s.include_all_events(yes),
            _ => {}
        }
    }

    /// For the UCDP view, notes the URL and headline of the documents whose events are
    /// written next (`source_article`, `source_headline`); nothing for other formats.
    pub fn observe_documents(&mut self, documents: &RecordBatch) -> Result<(), ExportError> {
        check_schema(Table::Documents, documents)?;
        match self.sink.as_mut() {
            Some(Sink::Ucdp(s)) => s.observe_documents(documents).map_err(io_error(&self.path)),
            _ => Ok(()),
        }
    }

    /// The table being written.
    pub fn table(&self) -> Table {
        self.table
    }

    /// The path the file will have once finished.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends the rows of `batch`, which must have the table's columns.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<(), ExportError> {
        check_schema(self.table, batch)?;
        if batch.num_rows() == 0 {
            return Ok(());
        }
        self.append(batch)?;
        self.wrote_rows = true;
        Ok(())
    }

    fn append(&mut self, batch: &RecordBatch) -> Result<(), ExportError> {
        let path = self.path.as_path();
        let result = match self.sink.as_mut() {
            None => Err(io_error(path)(std::io::Error::other(
                "an earlier write to this file failed",
            ))),
            Some(Sink::Parquet(s)) => s.write(batch).map_err(parquet_error(path)),
            Some(Sink::Arrow(s)) => s.write(batch).map_err(arrow_error(path)),
            Some(Sink::Csv(s)) => s.write(batch).map_err(csv_error(path)),
            Some(Sink::Jsonl(s)) => s.write(batch).map_err(io_error(path)),
            Some(Sink::Geojson(s)) => s.write(batch).map_err(io_error(path)),
            Some(Sink::Acled(s)) => s.write(batch).map_err(csv_error(path)),
            Some(Sink::Ucdp(s)) => s.write(batch).map_err(csv_error(path)),
        };
        if result.is_err() {
            // A half-written record cannot be continued: the file is abandoned.
            self.discard();
        }
        result
    }

    /// Completes the file, syncs it to disk and renames it into place.
    pub fn finish(mut self) -> Result<(), ExportError> {
        if !self.wrote_rows {
            // As a single empty batch is written: an Arrow IPC file holds one record batch.
            let empty = RecordBatch::new_empty(self.table.schema());
            self.append(&empty)?;
        }
        let path = self.path.clone();
        let Some(sink) = self.sink.take() else {
            return Err(io_error(&path)(std::io::Error::other(
                "an earlier write to this file failed",
            )));
        };
        let file = match sink {
            Sink::Parquet(s) => s.finish().map_err(parquet_error(&path)),
            Sink::Arrow(s) => s
                .finish()
                .map_err(arrow_error(&path))
                .and_then(|out| unbuffer(out).map_err(io_error(&path))),
            Sink::Csv(s) => s.finish().and_then(unbuffer).map_err(io_error(&path)),
            Sink::Jsonl(s) => unbuffer(s.finish()).map_err(io_error(&path)),
            Sink::Geojson(s) => s.finish().and_then(unbuffer).map_err(io_error(&path)),
            Sink::Acled(s) => s.finish().and_then(unbuffer).map_err(io_error(&path)),
            Sink::Ucdp(s) => s.finish().and_then(unbuffer).map_err(io_error(&path)),
        };
        file.and_then(|f| f.sync_all().map_err(io_error(&path)))
            .and_then(|()| fs::rename(&self.tmp, &path).map_err(io_error(&path)))?;
        temporary::unregister(&self.tmp);
        self.done = true;
        Ok(())
    }

    /// Drops the open file and removes the temporary file (best effort: the error that led
    /// here is the one worth reporting).
    fn discard(&mut self) {
        self.sink = None;
        let _ = fs::remove_file(&self.tmp);
        temporary::unregister(&self.tmp);
    }
}

impl Drop for TableWriter {
    fn drop(&mut self) {
        if !self.done {
            self.discard();
        }
    }
}

/// Writes the tables of a run into a directory chunk by chunk: one [`TableWriter`] per table of
/// the format ([`Format::tables`]). Files appear (replacing existing ones) only when
/// [`TablesWriter::finish`] succeeds; a writer dropped before then removes its temporary files.
#[derive(Debug)]
pub struct TablesWriter {
    format: Format,
    writers: Vec<TableWriter>,
}

impl TablesWriter {
    /// Creates `dir` if missing and starts a file for each table of `format`, with the extra
    /// `metadata` pairs (see [`write_tables_with_metadata`]).
    pub fn create(
        dir: &Path,
        format: Format,
        metadata: &[(String, String)],
    ) -> Result<TablesWriter, ExportError> {
        fs::create_dir_all(dir).map_err(|source| ExportError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let writers = format
            .tables()
            .iter()
            .map(|&table| {
                TableWriter::create(table, &dir.join(file_name(table, format)), format, metadata)
            })
            .collect::<Result<_, _>>()?;
        Ok(TablesWriter { format, writers })
    }

    /// See [`TableWriter::include_all_events`].
    pub fn include_all_events(mut self, yes: bool) -> Self {
        for w in &mut self.writers {
            w.include_all_events(yes);
        }
        self
    }

    /// The format being written.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Appends the rows of every table of `tables` that the format writes.
    pub fn write(&mut self, tables: &Tables) -> Result<(), ExportError> {
        for writer in &mut self.writers {
            writer.observe_documents(tables.get(Table::Documents))?;
            writer.write(tables.get(writer.table()))?;
        }
        Ok(())
    }

    /// Appends the rows of `tables`, as [`write`](Self::write) does, freeing each table once
    /// it is written: a very long document's mentions are encoded while its documents and
    /// sentences tables are already gone.
    pub fn write_owned(&mut self, tables: Tables) -> Result<(), ExportError> {
        for (table, batch) in tables.into_batches() {
            self.write_table(table, &batch)?;
        }
        Ok(())
    }

    /// Appends `batch` to `table`'s file; nothing when the format does not write `table`.
    /// A documents batch is noted by the UCDP view for the events batch that follows it (as
    /// [`write_owned`](Self::write_owned) writes the tables of a chunk in [`Table::ALL`] order).
    pub fn write_table(&mut self, table: Table, batch: &RecordBatch) -> Result<(), ExportError> {
        if table == Table::Documents {
            for writer in &mut self.writers {
                writer.observe_documents(batch)?;
            }
        }
        match self.writers.iter_mut().find(|w| w.table() == table) {
            Some(writer) => writer.write(batch),
            None => Ok(()),
        }
    }

    /// Completes every file and renames it into place; returns the paths written, in
    /// [`Table::ALL`] order.
    pub fn finish(self) -> Result<Vec<PathBuf>, ExportError> {
        let mut paths = Vec::with_capacity(self.writers.len());
        for writer in self.writers {
            paths.push(writer.path().to_path_buf());
            writer.finish()?;
        }
        Ok(paths)
    }
}

fn check_format(table: Table, format: Format) -> Result<(), ExportError> {
    if format.writes(table) {
        Ok(())
    } else {
        Err(ExportError::Unsupported {
            format: format.name().to_string(),
            table: table.name().to_string(),
        })
    }
}

fn check_schema(table: Table, batch: &RecordBatch) -> Result<(), ExportError> {
    if batch.schema().fields() == table.schema().fields() {
        Ok(())
    } else {
        Err(ExportError::SchemaMismatch {
            table: table.name().to_string(),
        })
    }
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn parquet_error(path: &Path) -> impl Fn(::parquet::errors::ParquetError) -> ExportError + '_ {
    move |source| ExportError::Parquet {
        path: path.to_path_buf(),
        source,
    }
}

fn arrow_error(path: &Path) -> impl Fn(arrow_schema::ArrowError) -> ExportError + '_ {
    move |source| ExportError::Arrow {
        path: path.to_path_buf(),
        source,
    }
}

fn csv_error(path: &Path) -> impl Fn(csv::Error) -> ExportError + '_ {
    move |source| ExportError::Csv {
        path: path.to_path_buf(),
        source,
    }
}

/// Flushes a buffered file and returns the file.
fn unbuffer(out: BufWriter<File>) -> std::io::Result<File> {
    out.into_inner().map_err(|e| e.into_error())
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
