//! The explain view: one document's text with its mentions highlighted, and its events with
//! the rules that produced them, as HTML (notebooks) or ANSI-coloured text (terminals).
//!
//! Built only from the public tables (documents.text, mentions, events), so what it shows is
//! exactly what a user's DataFrames hold; the Python `polemos.explain` and `polemos explain`
//! share this one implementation.

mod ansi;
mod html;
mod model;

pub use ansi::render_ansi;
pub use html::render_html;
pub use model::{EventSummary, ExplainError, Explanation, Highlight};
