//! A trained event-type model beside the rules: learnt from a researcher's own labelled
//! texts (an ACLED export's notes and sub-event types, say), it reads each event's context
//! and chooses the sub-event type where it is confident. The rules still find the events,
//! their spans, actors, places, counts and modality.
//!
//! Nothing learnt ships with polemos: the trainer does, and a model is a file the user makes
//! with `polemos train` or `polemos.train`.

mod apply;
mod features;
mod file;
mod model;
mod report;
mod table;
mod train;

pub use file::FORMAT_VERSION;
pub use model::{CrossValidation, ModelInfo, Prediction, TypeModel};
pub use train::{cross_validate, train, TrainOptions};

use polemos_core::{Event, SubEventType};

/// Version of how text becomes features ([`features`]); a model whose file records another
/// version is refused, since it would read text differently from how it was trained.
pub const FEATURE_VERSION: u32 = 1;

/// Default probability from which a model of words alone replaces the rules' sub-event type
/// with its own (where it also finds the rules' type unlikely).
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Default probability from which a model trained with the rules' readings replaces the rules'
/// sub-event type, which it has weighed already. On ACLED notes (5-fold, event type) 0 did a
/// tenth of a point better and 0.5 three tenths worse; but a model trained on few texts is
/// unsure of most, and at 0.3 it leaves the rules' type where it is barely surer of another.
pub const DEFAULT_THRESHOLD_READING_RULES: f32 = 0.3;

/// The default threshold of a model trained with the rules' readings or without them.
pub fn default_threshold(reads_rules: bool) -> f32 {
    if reads_rules {
        DEFAULT_THRESHOLD_READING_RULES
    } else {
        DEFAULT_THRESHOLD
    }
}

/// What the rules made of a text: the sub-event type of the event they found and the trigger
/// rule that found it, or nothing. A model trained beside the rules reads this with the words
/// of each text, and so learns from the labels where the rules' reading is to be trusted and
/// where the words say otherwise (stacking, in the literature's word).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RulesReading {
    pub sub_event_type: Option<SubEventType>,
    /// The trigger rule, the first part of the event's `rule` ("attack.verb").
    pub trigger: Option<String>,
}

impl RulesReading {
    /// The rules' reading of `event`; an event the model found itself is no reading.
    pub fn of_event(event: &Event) -> RulesReading {
        let (sub_event_type, trigger) = reading_of_event(event);
        RulesReading {
            sub_event_type,
            trigger: trigger.map(str::to_string),
        }
    }
}

/// [`RulesReading::of_event`], borrowed from the event: its sub-event type and trigger rule.
pub(crate) fn reading_of_event(event: &Event) -> (Option<SubEventType>, Option<&str>) {
    if event.rule.starts_with(MODEL_RULE) {
        return (None, None);
    }
    (Some(event.sub_event_type), event.rule.split('+').next())
}

/// The start of the rule of an event only a model found (`model:NAME`).
pub(crate) const MODEL_RULE: &str = "model:";

/// Errors training, reading or writing a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read or write the model file {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Format(String),
    #[error("cannot train: {0}")]
    Training(String),
}

impl ModelInfo {
    /// Info for a model with no name or columns yet.
    pub fn unnamed() -> ModelInfo {
        ModelInfo {
            name: "model".into(),
            text_column: "text".into(),
            label_column: "label".into(),
            n_examples: 0,
            threshold: DEFAULT_THRESHOLD,
            cross_validation: None,
        }
    }
}
