//! `extract_batches` over files: documents read lazily, a batch of them at a time, so that
//! neither a large folder nor one large export is ever in memory whole (a CSV or JSONL file of
//! 16 MiB or more is itself read a few MiB at a time, see `polemos_parse::DocumentReader`).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use polemos_engine::{Engine, UserResources};
use polemos_parse::DocumentReader;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::model::PyModel;
use crate::{
    detached, engine, from_read, model_of, read_options, tables_dict, thread_count, Metadata,
};

/// Files read and extracted a batch of documents at a time; the resources are loaded once.
#[derive(Debug)]
#[pyclass(frozen, module = "polemos._core")]
pub struct PathBatches {
    reader: Mutex<DocumentReader>,
    engine: Arc<Engine>,
    metadata: Metadata,
}

#[pymethods]
impl PathBatches {
    #[new]
    #[pyo3(signature = (
        paths, text_column="text", id_column=None, date_column=None, title_column=None,
        split_stories=true, threads=None, gazetteer=None, lexicon=None, model=None
    ))]
    // One parameter per Python keyword argument: the signature is the Python API.
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        paths: Vec<PathBuf>,
        text_column: &str,
        id_column: Option<String>,
        date_column: Option<String>,
        title_column: Option<String>,
        split_stories: bool,
        threads: Option<i64>,
        gazetteer: Option<PathBuf>,
        lexicon: Option<PathBuf>,
        model: Option<PyRef<'_, PyModel>>,
    ) -> PyResult<PathBatches> {
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
        detached(py, move || {
            let reader = DocumentReader::new(&paths, &options).map_err(from_read)?;
            let (engine, metadata) = engine(threads, &user, model)?;
            Ok(PathBatches {
                reader: Mutex::new(reader),
                engine: Arc::new(engine),
                metadata,
            })
        })
    }

    /// The number of input files.
    #[getter]
    fn n_files(&self) -> usize {
        lock(&self.reader).n_files()
    }

    /// The tables of the next `size` documents (fewer at the end), the resources' file
    /// metadata and the number of files read through so far; `None` once every file is read.
    /// Incidents link the events of the batch.
    #[allow(clippy::type_complexity)]
    fn next_batch<'py>(
        &self,
        py: Python<'py>,
        size: usize,
    ) -> PyResult<Option<(Bound<'py, PyDict>, Metadata, usize)>> {
        let engine = Arc::clone(&self.engine);
        let reader = &self.reader;
        let batch = detached(py, move || {
            let (docs, files_done) = {
                let mut reader = lock(reader);
                let docs: Vec<_> = reader.by_ref().take(size.max(1)).collect();
                (docs, reader.files_done())
            };
            if docs.is_empty() {
                return Ok(None);
            }
            Ok(Some((engine.extract(docs, |_| {}), files_done)))
        })?;
        match batch {
            None => Ok(None),
            Some((tables, files_done)) => Ok(Some((
                tables_dict(py, tables)?,
                self.metadata.clone(),
                files_done,
            ))),
        }
    }
}

/// The reader, even after a panic while it was held (it is then only as far on as it got).
fn lock(reader: &Mutex<DocumentReader>) -> std::sync::MutexGuard<'_, DocumentReader> {
    reader.lock().unwrap_or_else(PoisonError::into_inner)
}
