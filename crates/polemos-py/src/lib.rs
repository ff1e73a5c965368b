//! Python bindings of polemos: the `polemos._core` extension module.
//!
//! The Python package (`python/polemos`) wraps these functions in its public API. Tables come
//! back as [`ArrowTable`]s, which Arrow consumers import through the PyCapsule interface, so the
//! extension depends on no Python package and polars is only needed by the wrapper.
//!
//! Every function releases the GIL while Rust works, and runs on its own rayon pool of
//! `threads` workers (default: one per core). A panic inside Rust never reaches Python as a
//! `PanicException`: it becomes a `PolemosError` (or, inside the pipeline, an error row for
//! the one document that caused it).

/// The extension's own allocations (texts, tables until Python takes them) go to mimalloc:
/// with glibc's allocator, a long run's memory grew with the corpus (heap fragmentation, see
/// `mimalloc` in the workspace manifest). Python's own objects are not affected.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod errors;
mod incidents;
mod inputs;
mod model;
mod path_batches;
mod table;
mod views;

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use polemos_engine::{panic_message, user_pipeline, Engine, EngineError, UserResources};
use polemos_export::explain::{render_ansi, render_html, Explanation};
use polemos_export::{Format, Table, Tables};
use polemos_extract::classify::TypeModel;
use polemos_extract::{Gazetteer, Pipeline};
use polemos_parse::ReadOptions;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::{
    from_engine, from_export, from_import, from_read, input_error, polemos_error,
    user_resources_error,
};
use crate::model::PyModel;
pub use crate::table::ArrowTable;

/// Runs `f` with the GIL released, turning a panic into a `PolemosError`.
fn detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> PyResult<T> + Send,
{
    py.detach(|| {
        panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
            Err(polemos_error(format!(
                "internal error: {} (please report this)",
                panic_message(payload.as_ref())
            )))
        })
    })
}

/// `threads` as given from Python: `None` for all cores, otherwise at least 1.
fn thread_count(threads: Option<i64>) -> PyResult<Option<NonZeroUsize>> {
    match threads {
        None => Ok(None),
        Some(n) => usize::try_from(n)
            .ok()
            .and_then(NonZeroUsize::new)
            .map(Some)
            .ok_or_else(|| input_error(format!("threads must be at least 1, got {n}"))),
    }
}

/// File metadata (`polemos.resources`: the resources a run extracted with), as written into
/// Parquet and Arrow files. Extraction returns it with the tables, and `write` takes it back.
type Metadata = Vec<(String, String)>;

/// What identifies the contents of a file without reading it.
#[derive(Debug, PartialEq)]
struct FileKey {
    /// The path as given: the provenance records it.
    path: PathBuf,
    canonical: PathBuf,
    len: u64,
    modified: Option<SystemTime>,
}

impl FileKey {
    fn of(path: &Path) -> std::io::Result<FileKey> {
        let canonical = path.canonicalize()?;
        let meta = std::fs::metadata(&canonical)?;
        Ok(FileKey {
            path: path.to_path_buf(),
            canonical,
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }

    /// The keys of a folder's files, in name order: a folder changes when one of them does.
    fn of_dir(dir: &Path) -> std::io::Result<Vec<FileKey>> {
        let mut keys = vec![FileKey::of(dir)?];
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        paths.sort();
        for path in paths.iter().filter(|p| p.is_file()) {
            keys.push(FileKey::of(path)?);
        }
        Ok(keys)
    }
}

/// What identifies a user's resources: their gazetteer file and lexicon folder.
#[derive(Debug, PartialEq)]
struct ResourcesKey {
    gazetteer: Option<FileKey>,
    lexicon: Option<Vec<FileKey>>,
}

/// The pipeline of the embedded resources plus a user's (`gazetteer=` file, `lexicon=`
/// folder). The last one built is kept, so that batches (and Dask partitions in one worker)
/// build it once, not once per call; it is rebuilt when a file changes.
fn cached_user_pipeline(user: &UserResources) -> PyResult<Pipeline> {
    static LAST: Mutex<Option<(ResourcesKey, Pipeline)>> = Mutex::new(None);
    let io_error = |path: &Path, source| {
        user_resources_error(
            user,
            EngineError::from(polemos_extract::ResourceError::Io {
                path: path.display().to_string(),
                source,
            }),
        )
    };
    let key = ResourcesKey {
        gazetteer: match &user.gazetteer {
            Some(path) => Some(FileKey::of(path).map_err(|e| io_error(path, e))?),
            None => None,
        },
        lexicon: match &user.lexicon {
            Some(dir) => Some(FileKey::of_dir(dir).map_err(|e| io_error(dir, e))?),
            None => None,
        },
    };
    // Held while building, so that threads asking for the same resources build them once.
    let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((k, pipeline)) = last.as_ref() {
        if *k == key {
            return Ok(pipeline.clone());
        }
    }
    let pipeline = user_pipeline(user).map_err(|e| user_resources_error(user, e))?;
    *last = Some((key, pipeline.clone()));
    Ok(pipeline)
}

/// An engine with `threads` workers over the embedded resources, plus the user's (`gazetteer`
/// file, `lexicon` folder, trained `model`) when given; and the file metadata describing those
/// resources.
fn engine(
    threads: Option<NonZeroUsize>,
    user: &UserResources,
    model: Option<Arc<TypeModel>>,
) -> PyResult<(Engine, Metadata)> {
    let pipeline = if user.is_empty() {
        user_pipeline(user).map_err(from_engine)?
    } else {
        cached_user_pipeline(user)?
    };
    let pipeline = match model {
        Some(m) => pipeline.with_model(m),
        None => pipeline,
    };
    let engine = Engine::with_pipeline(pipeline, threads).map_err(from_engine)?;
    let metadata = engine.file_metadata();
    Ok((engine, metadata))
}

/// The model behind a `model=` argument, to move into a closure that runs without the GIL.
fn model_of(model: Option<PyRef<'_, PyModel>>) -> Option<Arc<TypeModel>> {
    model.map(|m| Arc::clone(&m.model))
}

fn tables_dict(py: Python<'_>, tables: Tables) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);
    for (table, batch) in tables.into_batches() {
        dict.set_item(table.name(), ArrowTable::new(table.name(), batch))?;
    }
    Ok(dict)
}

fn read_options(
    text_column: &str,
    id_column: Option<String>,
    date_column: Option<String>,
    title_column: Option<String>,
    split_stories: bool,
) -> ReadOptions {
    ReadOptions {
        text_column: text_column.to_string(),
        id_column,
        date_column,
        title_column,
        split_stories,
        ..ReadOptions::default()
    }
}

/// Extracts events from strings.
///
/// `ids` and `published` (`YYYY-MM-DD`), when given, have one entry per text; a `None` entry
/// means the default id (`input[offset + i]`) or an unknown date. `gazetteer` is a gazetteer
/// file whose places are added to the embedded gazetteer, `lexicon` a folder of dictionaries
/// and word classes added to the built-in ones. Returns the tables by name and the file
/// metadata of the resources used.
#[pyfunction]
#[pyo3(signature = (
    texts, ids=None, published=None, titles=None, threads=None, offset=0, gazetteer=None,
    lexicon=None, model=None
))]
// One parameter per Python keyword argument: the signature is the Python API.
#[allow(clippy::too_many_arguments)]
fn extract_texts<'py>(
    py: Python<'py>,
    texts: Vec<inputs::PyText>,
    ids: inputs::PyColumn,
    published: inputs::PyColumn,
    titles: inputs::PyColumn,
    threads: Option<i64>,
    offset: usize,
    gazetteer: Option<PathBuf>,
    lexicon: Option<PathBuf>,
    model: Option<PyRef<'py, PyModel>>,
) -> PyResult<(Bound<'py, PyDict>, Metadata)> {
    let model = model_of(model);
    let user = UserResources {
        gazetteer,
        lexicon,
        model: None,
    };
    let threads = thread_count(threads)?;
    let (texts, columns, surrogates) = inputs::utf8_inputs(texts, ids, published, titles);
    let (tables, metadata) = detached(py, move || {
        let mut docs = inputs::documents_from_texts(texts, columns, offset).map_err(input_error)?;
        inputs::warn_surrogates(&mut docs, &surrogates);
        let (engine, metadata) = engine(threads, &user, model)?;
        Ok((engine.extract(docs, |_| {}), metadata))
    })?;
    Ok((tables_dict(py, tables)?, metadata))
}

/// Extracts events from files, directories and glob patterns. Returns the tables by name and
/// the file metadata of the resources used (see `extract_texts`).
#[pyfunction]
#[pyo3(signature = (
    paths, text_column="text", id_column=None, date_column=None, title_column=None,
    split_stories=true, threads=None, gazetteer=None, lexicon=None, model=None
))]
// One parameter per Python keyword argument: the signature is the Python API.
#[allow(clippy::too_many_arguments)]
fn extract_paths<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    text_column: &str,
    id_column: Option<String>,
    date_column: Option<String>,
    title_column: Option<String>,
    split_stories: bool,
    threads: Option<i64>,
    gazetteer: Option<PathBuf>,
    lexicon: Option<PathBuf>,
    model: Option<PyRef<'py, PyModel>>,
) -> PyResult<(Bound<'py, PyDict>, Metadata)> {
    let model = model_of(model);
    let user = UserResources {
        gazetteer,
        lexicon,
        model: None,
    };
    let threads = thread_count(threads)?;
    let options = read_options(
        text_column,
        id_column,
        date_column,
        title_column,
        split_stories,
    );
    let (tables, metadata) = detached(py, move || {
        let docs = polemos_parse::read_paths(&paths, &options).map_err(from_read)?;
        let (engine, metadata) = engine(threads, &user, model)?;
        Ok((engine.extract(docs, |_| {}), metadata))
    })?;
    Ok((tables_dict(py, tables)?, metadata))
}

/// Stops a call whose input paths cannot be opened, as `polemos extract` stops: the first
/// missing or unreadable path raises an `OSError` subclass (`InputFileNotFoundError`,
/// `InputPermissionError`, `UnreadableInputError`), unless other paths were given and
/// `keep_going` is set (the unreadable ones then become error rows). Glob patterns are checked
/// when the files are listed: one matching nothing is an `InputError` then.
#[pyfunction]
#[pyo3(signature = (paths, keep_going=false))]
fn check_inputs(paths: Vec<PathBuf>, keep_going: bool) -> PyResult<()> {
    let unreadable = polemos_parse::unreadable_inputs(&paths);
    match unreadable.first() {
        Some((path, e)) if !(keep_going && unreadable.len() < paths.len()) => {
            Err(crate::errors::unreadable_input(path, e))
        }
        _ => Ok(()),
    }
}

/// Reads and parses files without extracting: the documents table (n_mentions and n_events
/// are 0).
#[pyfunction]
#[pyo3(signature = (
    paths, text_column="text", id_column=None, date_column=None, title_column=None,
    split_stories=true, threads=None
))]
// One parameter per Python keyword argument: the signature is the Python API.
#[allow(clippy::too_many_arguments)]
fn read_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    text_column: &str,
    id_column: Option<String>,
    date_column: Option<String>,
    title_column: Option<String>,
    split_stories: bool,
    threads: Option<i64>,
) -> PyResult<ArrowTable> {
    let threads = thread_count(threads)?;
    let options = read_options(
        text_column,
        id_column,
        date_column,
        title_column,
        split_stories,
    );
    let tables = detached(py, move || {
        let docs = polemos_parse::read_paths(&paths, &options).map_err(from_read)?;
        let engine = Engine::new(threads).map_err(from_engine)?;
        Ok(engine.parse(docs))
    })?;
    Ok(ArrowTable::new(Table::Documents.name(), tables.documents))
}

fn tables_from(tables: &HashMap<String, Py<ArrowTable>>) -> PyResult<Tables> {
    let batch = |table: Table| {
        tables
            .get(table.name())
            .map(|t| t.get().batch().clone())
            .ok_or_else(|| input_error(format!("missing table {:?}", table.name())))
    };
    Ok(Tables {
        documents: batch(Table::Documents)?,
        sentences: batch(Table::Sentences)?,
        mentions: batch(Table::Mentions)?,
        events: batch(Table::Events)?,
        furniture: batch(Table::Furniture)?,
        incidents: batch(Table::Incidents)?,
    })
}

/// The explain view of one document of `tables`: `(doc_id, html, ansi, plain)`. Without
/// `doc_id`, the first document with events.
#[pyfunction]
#[pyo3(signature = (tables, doc_id=None))]
fn explain(
    py: Python<'_>,
    tables: HashMap<String, Py<ArrowTable>>,
    doc_id: Option<String>,
) -> PyResult<(String, String, String, String)> {
    let tables = tables_from(&tables)?;
    detached(py, move || {
        let x = Explanation::from_tables(&tables, doc_id.as_deref())
            .map_err(|e| input_error(e.to_string()))?;
        Ok((
            x.doc_id.clone(),
            render_html(&x),
            render_ansi(&x, true),
            render_ansi(&x, false),
        ))
    })
}

/// Concatenates the tables of several runs (as returned by `extract_texts`), table by table,
/// in order: how `extract(..., progress=True)` joins the batches it ran.
#[pyfunction]
fn concat(
    py: Python<'_>,
    runs: Vec<HashMap<String, Py<ArrowTable>>>,
) -> PyResult<Bound<'_, PyDict>> {
    let mut batches: Vec<Vec<arrow_array::RecordBatch>> = vec![Vec::new(); Table::ALL.len()];
    for run in &runs {
        for (i, table) in Table::ALL.iter().enumerate() {
            let t = run
                .get(table.name())
                .ok_or_else(|| input_error(format!("missing table {:?}", table.name())))?;
            batches[i].push(t.get().batch().clone());
        }
    }
    let tables = detached(py, move || {
        let join = |table: Table| {
            arrow_select::concat::concat_batches(&table.schema(), &batches[table as usize])
                .map_err(|e| polemos_error(format!("cannot join the {table} tables: {e}")))
        };
        Ok(Tables {
            documents: join(Table::Documents)?,
            sentences: join(Table::Sentences)?,
            mentions: join(Table::Mentions)?,
            events: join(Table::Events)?,
            furniture: join(Table::Furniture)?,
            // Batches are linked as one run: incidents may span them.
            incidents: {
                let events = join(Table::Events)?;
                let summaries = polemos_export::event_summaries(&events).map_err(from_export)?;
                polemos_export::incidents_table(&polemos_extract::link_incidents(&summaries))
            },
        })
    })?;
    tables_dict(py, tables)
}

/// Writes the tables (as returned by `extract_texts`) into `directory` as `format` (`parquet`,
/// `arrow`, `csv`, `jsonl`: all six; `geojson`, `acled`, `ucdp`: events only), exactly as the
/// `polemos` command does. `metadata` is the file metadata returned with the tables (default:
/// that of the embedded resources). `all_events`: the GeoJSON, ACLED and UCDP views write the
/// events the text does not assert too. Returns the paths.
#[pyfunction]
#[pyo3(signature = (tables, directory, format="parquet", metadata=None, all_events=false))]
fn write(
    py: Python<'_>,
    tables: HashMap<String, Py<ArrowTable>>,
    directory: PathBuf,
    format: &str,
    metadata: Option<Metadata>,
    all_events: bool,
) -> PyResult<Vec<PathBuf>> {
    let format: Format = format.parse().map_err(from_export)?;
    let tables = tables_from(&tables)?;
    detached(py, move || {
        let metadata = match metadata {
            Some(metadata) => metadata,
            None => polemos_engine::embedded_file_metadata()
                .map_err(|e| from_engine(EngineError::from(e)))?,
        };
        polemos_export::write_tables_with_options(
            &tables, &directory, format, &metadata, all_events,
        )
        .map_err(from_export)
    })
}

/// Links the events of an events table into incidents, as `extract` does within one run:
/// `texts` maps the text columns linking reads (`incidents::TEXT_COLUMNS`) to their values,
/// `ints` the integer and date columns (dates as days since 1970-01-01). Returns the
/// incidents table.
#[pyfunction]
fn link_incidents(
    py: Python<'_>,
    texts: incidents::TextColumns,
    ints: incidents::IntColumns,
) -> PyResult<ArrowTable> {
    detached(py, move || {
        let events = incidents::events_batch(texts, ints)
            .map_err(|e| input_error(format!("not an events table: {e}")))?;
        let summaries = polemos_export::event_summaries(&events).map_err(from_export)?;
        let incidents = polemos_extract::link_incidents(&summaries);
        Ok(ArrowTable::new(
            Table::Incidents.name(),
            polemos_export::incidents_table(&incidents),
        ))
    })
}

/// Builds a gazetteer file from GeoNames dump files (files or directories), as
/// `polemos gazetteer import` does: zstd-compressed when `output` ends in `.zst`. Returns the
/// number of places written.
#[pyfunction]
fn import_gazetteer(py: Python<'_>, inputs: Vec<PathBuf>, output: PathBuf) -> PyResult<usize> {
    detached(py, move || {
        Gazetteer::import_geonames(&inputs, &output).map_err(|e| from_import(e, &output))
    })
}

/// Runs the `polemos` command line with `args` (without the program name) and returns its
/// exit code, as the console script does.
#[pyfunction]
fn run_cli(py: Python<'_>, args: Vec<String>) -> i32 {
    // The console script is the program: Ctrl-C ends it and removes unfinished output (the
    // GIL is released while it runs, so Python's own handler would only run at the end).
    polemos_cli::exit_cleanly_on_interrupt();
    py.detach(move || polemos_cli::run(std::iter::once("polemos".to_string()).chain(args)))
}

/// Rust core of polemos: extraction, Arrow tables and writers.
#[pymodule]
mod _core {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::{
        check_inputs, concat, explain, extract_paths, extract_texts, import_gazetteer,
        link_incidents, read_paths, run_cli, write, ArrowTable,
    };
    #[pymodule_export]
    use crate::model::{train, PyModel};
    #[pymodule_export]
    use crate::path_batches::PathBatches;
    #[pymodule_export]
    use crate::views::{acled_table, empty_view, ucdp_table};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        let py = m.py();
        m.add("__version__", polemos_core::VERSION)?;
        m.add("SCHEMA_VERSION", polemos_export::SCHEMA_VERSION)?;
        // The events columns `link_incidents` reads, for the wrapper to select.
        let columns = |names: &[&str]| pyo3::types::PyTuple::new(py, names);
        m.add(
            "LINK_TEXT_COLUMNS",
            columns(crate::incidents::TEXT_COLUMNS)?,
        )?;
        m.add("LINK_INT_COLUMNS", columns(crate::incidents::INT_COLUMNS)?)?;
        m.add(
            "LINK_DATE_COLUMNS",
            columns(crate::incidents::DATE_COLUMNS)?,
        )?;
        let classes = crate::errors::classes(py)?;
        for class in crate::errors::Class::ALL {
            m.add(class.name(), classes[class as usize].bind(py))?;
        }
        Ok(())
    }
}
