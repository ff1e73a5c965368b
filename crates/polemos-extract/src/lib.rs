//! Extraction for polemos: places, actors, event triggers, roles and casualties.
//!
//! [`Pipeline::run`] takes [`Document`]s, parses them with `polemos-parse` and returns one
//! [`DocumentExtraction`] per document, in input order, using all cores of the current rayon
//! pool. The dictionaries it uses ([`Resources`]) are data files under `data/`, embedded by
//! default and replaceable by a user's own.
//!
//! ```
//! use polemos_extract::{Document, Pipeline, Resources};
//!
//! let pipeline = Pipeline::new(Resources::embedded()?);
//! let out = pipeline.run(vec![Document::from_text(
//!     "a1",
//!     "Islamic State militants attacked the airbase in Deir ez-Zor on Saturday, killing 12 soldiers.",
//! )]);
//! let event = &out[0].events[0];
//! assert_eq!(event.sub_event_type.as_str(), "Armed clash");
//! assert_eq!(event.actor1.as_ref().map(|a| a.name.as_str()), Some("Islamic State"));
//! assert_eq!(event.casualties.killed, Some(12));
//! assert_eq!(event.casualties.combatants_killed, Some(12));
//! # Ok::<(), polemos_extract::ResourceError>(())
//! ```

mod actors;
mod attribution;
mod by_sentence;
mod casualties;
pub mod classify;
mod context;
mod data;
mod dates;
mod events;
mod fold;
mod gazetteer;
mod incidents;
mod joint;
mod lexicon;
mod matcher;
mod mentions;
mod numbers;
mod pipeline;
mod resources;
mod triggers;
mod tsv;
mod windows;
mod words;

pub use actors::{Actor, ActorDictionary};
pub use attribution::SourceDictionary;
pub use gazetteer::{Gazetteer, Place};
pub use incidents::{can_link, link_incidents, EventSummary, Incident, IncidentLinker};
pub use lexicon::{Lexicon, WordClass, REPLACE_MARKER};
pub use pipeline::Pipeline;
pub use resources::{ResourceError, Resources};
pub use triggers::{Trigger, TriggerLexicon};
pub use windows::WINDOW_BYTES;

pub use polemos_core::{Document, DocumentExtraction};
