use std::sync::Arc;

use polemos_core::{Document, DocumentExtraction};
use rayon::prelude::*;

use crate::Resources;

/// Runs parsing and extraction over documents.
#[derive(Debug, Clone)]
pub struct Pipeline {
    resources: Arc<Resources>,
}

impl Pipeline {
    pub fn new(resources: Resources) -> Self {
        Pipeline {
            resources: Arc::new(resources),
        }
    }

    /// Processes one document.
    pub fn process(&self, doc: Document) -> DocumentExtraction {
        let _ = &self.resources;
        let parsed = polemos_parse::parse(doc);
        DocumentExtraction {
            parsed,
            mentions: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Processes documents in parallel on the current rayon pool; output keeps input order.
    pub fn run(&self, docs: Vec<Document>) -> Vec<DocumentExtraction> {
        docs.into_par_iter().map(|d| self.process(d)).collect()
    }
}
