//! Shared types of polemos.
//!
//! Every stage of the pipeline speaks these types: readers produce [`Document`]s, the parser
//! turns them into [`ParsedDocument`]s (sentences, tokens, headline, furniture), the extractor
//! adds [`Mention`]s and [`Event`]s, and the exporter turns [`DocumentExtraction`]s into Arrow
//! record batches. All spans are byte offsets into [`Document::text`], which holds the decoded
//! input verbatim, so every value can be traced back to the text that produced it.

mod actor;
mod annotation;
mod document;
mod event;
mod extraction;
mod incident;
pub mod isolate;
pub mod lexicon;
mod location;
mod mention;
mod parsed;
mod span;

pub use actor::{ActorCategory, ActorRef};
pub use annotation::{Attribution, Casualties, Certainty, EventDate, Modality};
pub use document::{DateSource, DocStatus, Document};
pub use event::{Event, EventType, ModelTyping, SubEventType};
pub use extraction::DocumentExtraction;
pub use incident::{EventSummary, Incident};
pub use location::{GeoPrecision, Location, PlaceKind, UnknownPlaceKind};
pub use mention::{Mention, MentionKind};
pub use parsed::{
    Dateline, Furniture, FurnitureKind, ParsedDocument, Sentence, SentenceKind, Token, TokenKind,
};
pub use span::Span;

/// The version of polemos, recorded in exported files.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
