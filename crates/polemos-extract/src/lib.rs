//! Extraction for polemos: places, actors, event triggers, roles and casualties.
//!
//! [`Pipeline::run`] takes [`Document`]s, parses them with `polemos-parse` and returns one
//! [`DocumentExtraction`] per document, in input order, using all cores.

mod pipeline;
mod resources;

pub use pipeline::Pipeline;
pub use resources::{ResourceError, Resources};

pub use polemos_core::{Document, DocumentExtraction};
