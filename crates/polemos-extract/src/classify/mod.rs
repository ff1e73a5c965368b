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
mod train;

pub use file::FORMAT_VERSION;
pub use model::{CrossValidation, ModelInfo, Prediction, TypeModel};
pub use train::{cross_validate, train, TrainOptions};

/// Version of how text becomes features ([`features`]); a model whose file records another
/// version is refused, since it would read text differently from how it was trained.
pub const FEATURE_VERSION: u32 = 1;

/// Default probability from which a model's sub-event type replaces the rules' one.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

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
