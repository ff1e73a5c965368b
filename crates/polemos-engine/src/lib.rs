//! Running extraction over many documents: a dedicated thread pool, chunked so that progress
//! can be reported and only one chunk's documents and extractions are alive at a time, and
//! isolation of documents that make the pipeline panic.
//!
//! Shared by the `polemos` command and the Python bindings, so both produce identical tables.
//! The command streams: [`next_chunk`] takes documents from a lazy reader,
//! [`Engine::extract_chunk`] extracts them, and their tables are appended to the output before
//! the next chunk is read.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use polemos_core::isolate::isolated;
use polemos_core::{Document, DocumentExtraction};
use polemos_export::{Tables, TablesBuilder};
use polemos_extract::classify::{ModelError, RulesReading, TypeModel};
use polemos_extract::{Gazetteer, Pipeline, ResourceError, Resources};
use rayon::prelude::*;

/// Most documents processed between progress reports. Large enough that every thread of the
/// pool has work, small enough that the bar moves and memory stays bounded on big corpora.
pub const CHUNK_SIZE: usize = 256;

/// Text bytes after which a chunk is closed before [`CHUNK_SIZE`] documents, so that a corpus
/// of long documents keeps chunks (and their extractions) bounded too. A chunk
/// always holds at least one document, however long.
pub const CHUNK_BYTES: usize = 8 * 1024 * 1024;

/// The next chunk of `docs`: up to [`CHUNK_SIZE`] documents, fewer once they hold
/// [`CHUNK_BYTES`] of text; empty when `docs` is exhausted.
pub fn next_chunk(docs: &mut impl Iterator<Item = Document>) -> Vec<Document> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while chunk.len() < CHUNK_SIZE && bytes < CHUNK_BYTES {
        let Some(doc) = docs.next() else { break };
        bytes += doc.text.len();
        chunk.push(doc);
    }
    chunk
}

/// Errors setting up a run.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Resources(#[from] ResourceError),
    #[error(transparent)]
    Model(#[from] ModelError),
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

    /// An engine over the embedded resources with a user's own added ([`user_pipeline`]).
    pub fn with_user_resources(
        threads: Option<NonZeroUsize>,
        user: &UserResources,
    ) -> Result<Engine, EngineError> {
        Engine::with_pipeline(user_pipeline(user)?, threads)
    }

    /// The file metadata describing the resources this engine extracts with.
    pub fn file_metadata(&self) -> Vec<(String, String)> {
        let mut metadata = resource_metadata(self.pipeline.resources());
        if let Some(model) = self.pipeline.model() {
            metadata[0]
                .1
                .push_str(&format!("; model={}", model.describe()));
        }
        metadata
    }

    /// An engine running `pipeline` (from [`user_pipeline`], which callers may keep and
    /// reuse across runs) with `threads` workers (`None`: one per core).
    pub fn with_pipeline(
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
            let chunk = next_chunk(&mut docs);
            if chunk.is_empty() {
                break;
            }
            let n = chunk.len();
            builder.push_all_owned(self.extract_chunk(chunk));
            on_progress(n);
        }
        // Incidents link events across every document of the run, once all are in.
        builder.finish_with_incidents(polemos_extract::link_incidents)
    }

    /// Parses and extracts one chunk of documents on the pool, in input order. Every document
    /// comes back: one whose extraction panics is an error row (see [`Pipeline::process`]).
    pub fn extract_chunk(&self, chunk: Vec<Document>) -> Vec<DocumentExtraction> {
        self.pool
            .install(|| map_isolated(chunk, |doc| self.pipeline.process(doc)))
    }

    /// Only parses `docs` (headline, dateline, furniture, sentences): the documents, sentences
    /// and furniture tables are filled, mentions and events stay empty.
    pub fn parse(&self, docs: Vec<Document>) -> Tables {
        let extractions: Vec<DocumentExtraction> = self.pool.install(|| {
            docs.into_par_iter()
                .map(|doc| isolated(doc, true, |doc| unextracted(polemos_parse::parse(doc))))
                .collect()
        });
        polemos_export::tables_from(extractions)
    }
}

/// A user's own resources, added to the embedded ones: a gazetteer file (from `polemos
/// gazetteer import`), a folder of dictionaries and word classes (see
/// `Resources::from_dir`) and a trained event-type model file (from `polemos train`), each
/// optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserResources {
    pub gazetteer: Option<PathBuf>,
    pub lexicon: Option<PathBuf>,
    pub model: Option<PathBuf>,
}

impl UserResources {
    /// Whether there is nothing of the user's to add.
    pub fn is_empty(&self) -> bool {
        self.gazetteer.is_none() && self.lexicon.is_none() && self.model.is_none()
    }
}

/// The rules' reading of each of `texts` (the sub-event type and trigger rule of the event
/// they lead with), for training a model that reads the rules: read with the user's lexicon
/// folder and gazetteer file where given, as the rules will read text at extraction (a model
/// in `user` plays no part).
pub fn rules_readings(
    user: &UserResources,
    texts: &[String],
) -> Result<Vec<RulesReading>, EngineError> {
    let rules = UserResources {
        model: None,
        ..user.clone()
    };
    Ok(user_pipeline(&rules)?.rules_readings(texts))
}

/// The pipeline over the embedded resources with the user's added: the lexicon folder's files
/// and the gazetteer file's places, each file in the provenance. With nothing to add, the
/// shared embedded pipeline.
pub fn user_pipeline(user: &UserResources) -> Result<Pipeline, EngineError> {
    let base = shared_pipeline()?;
    if user.is_empty() {
        return Ok(base);
    }
    let pipeline = if user.lexicon.is_none() && user.gazetteer.is_none() {
        base
    } else {
        let mut resources = match &user.lexicon {
            Some(dir) => Resources::from_dir(dir)?,
            None => base.resources().clone(),
        };
        if let Some(path) = &user.gazetteer {
            add_gazetteer(&mut resources, path)?;
        }
        Pipeline::new(resources)
    };
    Ok(match &user.model {
        Some(path) => pipeline.with_model(Arc::new(TypeModel::load(path)?)),
        None => pipeline,
    })
}

/// Adds the places of the gazetteer file at `path` (as written by `polemos gazetteer
/// import`) to `resources`, and the file to their provenance.
fn add_gazetteer(resources: &mut Resources, path: &Path) -> Result<(), EngineError> {
    let extra = Gazetteer::from_path(path)?;
    resources.gazetteer = Gazetteer::merged(&resources.gazetteer, &extra)?;
    // The file was just read successfully; hashing it again costs one more read.
    let bytes = std::fs::read(path).map_err(|source| ResourceError::Io {
        path: path.display().to_string(),
        source,
    })?;
    resources.add_provenance("gazetteer", &path.display().to_string(), &bytes);
    Ok(())
}

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

/// The pipeline over the embedded resources, loaded once per process: the Python bindings
/// create an engine per call and must not reload the dictionaries each time.
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

/// `process` over the documents of a chunk on the current pool, in order, each isolated:
/// `Pipeline::process` already turns a panic inside extraction into an error row that keeps the
/// text; this guard is the last resort should that guard fail, so that the document still gets
/// a row (with its metadata, without its text) instead of taking the whole chunk down. Only
/// each document's metadata is copied for it, not its text.
fn map_isolated(
    chunk: Vec<Document>,
    process: impl Fn(Document) -> DocumentExtraction + Sync,
) -> Vec<DocumentExtraction> {
    chunk
        .into_par_iter()
        .map(|doc| isolated(doc, false, &process))
        .collect()
}

pub use polemos_core::isolate::panic_message;

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
    fn a_panicking_document_is_an_error_row_and_the_others_go_on() {
        let docs = vec![
            Document::from_text("ok", "Shelling hit Homs."),
            Document::from_text("boom", "text"),
        ];
        let rows = map_isolated(docs, |doc| {
            assert_ne!(doc.id, "boom", "index out of bounds");
            unextracted(polemos_parse::parse(doc))
        });
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].parsed.doc.status, polemos_core::DocStatus::Ok);
        let d = &rows[1].parsed.doc;
        assert_eq!(d.id, "boom");
        assert_eq!(d.status, polemos_core::DocStatus::Error);
        assert!(d
            .error
            .as_deref()
            .is_some_and(|e| e.contains("index out of bounds")));
    }

    #[test]
    fn chunks_are_bounded_by_documents_and_bytes() {
        let small = (0..CHUNK_SIZE + 1).map(|i| Document::from_text(format!("s{i}"), "x"));
        let mut docs = small.collect::<Vec<_>>().into_iter();
        assert_eq!(next_chunk(&mut docs).len(), CHUNK_SIZE);
        assert_eq!(next_chunk(&mut docs).len(), 1);
        assert!(next_chunk(&mut docs).is_empty());
        let half = "y".repeat(CHUNK_BYTES / 2);
        let big = (0..5).map(|i| Document::from_text(format!("b{i}"), half.clone()));
        let mut docs = big.collect::<Vec<_>>().into_iter();
        let sizes: Vec<_> = std::iter::from_fn(|| Some(next_chunk(&mut docs).len()))
            .take_while(|&n| n > 0)
            .collect();
        assert_eq!(sizes, [2, 2, 1]);
        // A document larger than a chunk is a chunk of its own.
        let huge = "z".repeat(CHUNK_BYTES + 1);
        let mut docs = vec![
            Document::from_text("h", huge),
            Document::from_text("t", "t"),
        ]
        .into_iter();
        assert_eq!(next_chunk(&mut docs).len(), 1);
        assert_eq!(next_chunk(&mut docs).len(), 1);
    }

    #[test]
    fn a_panic_in_one_document_loses_no_document() {
        let docs: Vec<_> = (0..40)
            .map(|i| Document {
                source: "f".to_string(),
                ..Document::from_text(format!("d{i}"), format!("text {i}"))
            })
            .collect();
        let rows = map_isolated(docs, |doc| {
            assert!(doc.id != "d7" && doc.id != "d30", "bug on {}", doc.id);
            unextracted(polemos_core::ParsedDocument::unparsed(doc))
        });
        let ids: Vec<_> = rows.iter().map(|x| x.parsed.doc.id.as_str()).collect();
        let expected: Vec<_> = (0..40).map(|i| format!("d{i}")).collect();
        assert_eq!(ids, expected);
        for x in &rows {
            let d = &x.parsed.doc;
            assert_eq!(d.source, "f");
            if d.id == "d7" || d.id == "d30" {
                assert_eq!(d.status, polemos_core::DocStatus::Error);
                assert!(d.error.as_deref().is_some_and(|e| e.contains("bug on")));
            } else {
                assert_eq!(d.status, polemos_core::DocStatus::Ok);
                assert!(d.text.starts_with("text "));
            }
        }
    }

    #[test]
    fn parse_fills_documents_but_not_events() {
        let engine = Engine::new(None).unwrap();
        let tables = engine.parse(vec![Document::from_text("a", "Aleppo.\nHoms.")]);
        assert_eq!(tables.documents.num_rows(), 1);
        assert_eq!(tables.events.num_rows(), 0);
    }
}
