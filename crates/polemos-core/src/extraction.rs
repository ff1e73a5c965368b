use serde::{Deserialize, Serialize};

use crate::{Event, Mention, ParsedDocument};

/// Everything polemos found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentExtraction {
    pub parsed: ParsedDocument,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
}

impl DocumentExtraction {
    /// The id of event `i` of this document, stable across runs: `{doc_id}:e{i}`.
    pub fn event_id(&self, i: usize) -> String {
        format!("{}:e{}", self.parsed.doc.id, i)
    }
}
