//! Running extraction over many documents: a dedicated thread pool, chunked so that progress
//! can be reported and only one chunk's extractions are alive at a time, and isolation of
//! documents that make the pipeline panic.
//!
//! Shared by the `polemos` command and the Python bindings, so both produce identical tables.

use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::OnceLock;

use polemos_core::{Document, DocumentExtraction};
use polemos_export::{Tables, TablesBuilder};
use polemos_extract::{Gazetteer, Pipeline, ResourceError, Resources};
use rayon::prelude::*;

/// Documents processed between progress reports. Large enough that every thread of the pool
/// has work, small enough that the bar moves and memory stays bounded on big corpora.
pub const CHUNK_SIZE: usize = 256;

/// Errors setting up a run.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Resources(#[from] ResourceError),
    #[error("cannot start {threads} worker threads: {message}")]
    ThreadPool { threads: usize, message: String },
}

/// A pipeline and the thread pool it runs on.
#[derive(Debug)]
pub struct Engine {
    pipeline: Pipeline,
    pool: rayon::ThreadPool,
}

impl Engine {
    /// An engine with the embedded resources and `threads` workers (`None`: one per core).
    pub fn new(threads: Option<NonZeroUsize>) -> Result<Engine, EngineError> {
        Engine::with_pipeline(shared_pipeline()?, threads)
    }

    /// An engine whose gazetteer is the embedded one plus the places of the gazetteer file at
    /// `path` (as written by `polemos gazetteer import`; see `Gazetteer::merged`).
    pub fn with_gazetteer(
        threads: Option<NonZeroUsize>,
        path: &Path,
    ) -> Result<Engine, EngineError> {
        let base = shared_pipeline()?;
        let extra = Gazetteer::from_path(path)?;
        let mut resources = base.resources().clone();
        resources.gazetteer = Gazetteer::merged(&resources.gazetteer, &extra)?;
        // The file was just read successfully; hashing it again costs one more read.
        let bytes = std::fs::read(path).map_err(|source| ResourceError::Io {
            path: path.display().to_string(),
            source,
        })?;
        resources.add_provenance("gazetteer", &path.display().to_string(), &bytes);
        Engine::with_pipeline(Pipeline::new(resources), threads)
    }

    /// The file metadata describing the resources this engine extracts with.
    pub fn file_metadata(&self) -> Vec<(String, String)> {
        resource_metadata(self.pipeline.resources())
    }

    fn with_pipeline(
        pipeline: Pipeline,
        threads: Option<NonZeroUsize>,
    ) -> Result<Engine, EngineError> {
        let n = threads.map_or(0, NonZeroUsize::get);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("polemos-{i}"))
            .build()
            .map_err(|e| EngineError::ThreadPool {
                threads: n,
                message: e.to_string(),
            })?;
        Ok(Engine { pipeline, pool })
    }

    /// Number of worker threads.
    pub fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// Parses and extracts `docs` into tables, in input order, calling `on_progress` with the
    /// number of documents done after each chunk.
    pub fn extract(&self, docs: Vec<Document>, mut on_progress: impl FnMut(usize)) -> Tables {
        let mut builder = TablesBuilder::new();
        let mut docs = docs.into_iter();
        loop {
            let chunk: Vec<Document> = docs.by_ref().take(CHUNK_SIZE).collect();
            if chunk.is_empty() {
                break;
            }
            let n = chunk.len();
            let extractions = self.pool.install(|| run_isolated(&self.pipeline, chunk));
            builder.push_all(&extractions);
            on_progress(n);
        }
        // Incidents link events across every document of the run, once all are in.
        builder.finish_with_incidents(polemos_extract::link_incidents)
    }

    /// Only parses `docs` (headline, dateline, furniture, sentences): the documents, sentences
    /// and furniture tables are filled, mentions and events stay empty.
    pub fn parse(&self, docs: Vec<Document>) -> Tables {
        let extractions: Vec<DocumentExtraction> = self.pool.install(|| {
            docs.into_par_iter()
                .flat_map_iter(|doc| {
                    let copy = doc.clone();
                    guarded(copy, || vec![unextracted(polemos_parse::parse(doc))])
                })
                .collect()
        });
        polemos_export::tables(&extractions)
    }
}

/// The pipeline over the embedded resources, loaded once per process: the Python bindings
/// create an engine per call and must not reload the dictionaries each time.
/// The file metadata describing the embedded resources, for tables extracted with them.
pub fn embedded_file_metadata() -> Result<Vec<(String, String)>, ResourceError> {
    Ok(resource_metadata(shared_pipeline()?.resources()))
}

fn resource_metadata(resources: &Resources) -> Vec<(String, String)> {
    vec![(
        polemos_export::RESOURCES_KEY.to_string(),
        resources.describe(),
    )]
}

fn shared_pipeline() -> Result<Pipeline, ResourceError> {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    if let Some(p) = PIPELINE.get() {
        return Ok(p.clone());
    }
    let pipeline = Pipeline::new(Resources::embedded()?);
    // If another thread won the race, its pipeline is equivalent; keep whichever is stored.
    Ok(PIPELINE.get_or_init(|| pipeline).clone())
}

fn unextracted(parsed: polemos_core::ParsedDocument) -> DocumentExtraction {
    DocumentExtraction {
        parsed,
        mentions: Vec::new(),
        events: Vec::new(),
    }
}

/// Runs the pipeline on a chunk. If it panics, runs each document alone so that only the
/// documents that panic become error rows and the rest of the chunk is kept.
fn run_isolated(pipeline: &Pipeline, chunk: Vec<Document>) -> Vec<DocumentExtraction> {
    let copy = chunk.clone();
    match panic::catch_unwind(AssertUnwindSafe(|| pipeline.run(chunk))) {
        Ok(extractions) => extractions,
        Err(_) => copy
            .into_par_iter()
            .flat_map_iter(|doc| {
                let single = vec![doc.clone()];
                guarded(doc, || pipeline.run(single))
            })
            .collect(),
    }
}

/// Calls `f`; if it panics, returns `doc` as an error row instead.
fn guarded(doc: Document, f: impl FnOnce() -> Vec<DocumentExtraction>) -> Vec<DocumentExtraction> {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(extractions) => extractions,
        Err(payload) => {
            let message = panic_message(payload.as_ref());
            let failed = Document {
                status: polemos_core::DocStatus::Error,
                error: Some(format!(
                    "internal error: {message} (please report this document)"
                )),
                ..doc
            };
            vec![unextracted(polemos_core::ParsedDocument::unparsed(failed))]
        }
    }
}

/// The message of a panic payload (`panic!` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_keeps_order_and_reports_progress() {
        let engine = Engine::new(NonZeroUsize::new(2)).unwrap();
        assert_eq!(engine.threads(), 2);
        let docs: Vec<_> = (0..CHUNK_SIZE + 3)
            .map(|i| Document::from_text(format!("d{i}"), format!("Shelling in Homs, day {i}.")))
            .collect();
        let mut seen = Vec::new();
        let tables = engine.extract(docs, |n| seen.push(n));
        assert_eq!(seen, [CHUNK_SIZE, 3]);
        assert_eq!(tables.documents.num_rows(), CHUNK_SIZE + 3);
    }

    #[test]
    fn guarded_turns_a_panic_into_an_error_row() {
        let doc = Document::from_text("boom", "text");
        let rows = guarded(doc, || panic!("index out of bounds"));
        assert_eq!(rows.len(), 1);
        let d = &rows[0].parsed.doc;
        assert_eq!(d.id, "boom");
        assert_eq!(d.status, polemos_core::DocStatus::Error);
        assert!(d
            .error
            .as_deref()
            .is_some_and(|e| e.contains("index out of bounds")));
    }

    #[test]
    fn parse_fills_documents_but_not_events() {
        let engine = Engine::new(None).unwrap();
        let tables = engine.parse(vec![Document::from_text("a", "Aleppo.\nHoms.")]);
        assert_eq!(tables.documents.num_rows(), 1);
        assert_eq!(tables.events.num_rows(), 0);
    }
}
