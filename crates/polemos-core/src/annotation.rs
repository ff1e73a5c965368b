//! What polemos records about an event beyond its type and actors: when, how many, according to
//! whom, and how sure the text is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// Whether the text says the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as having happened.
    #[default]
    Asserted,
    /// Reported as not having happened ("did not manage to get inside").
    Negated,
    /// Planned, threatened or expected ("is preparing to storm", "will attack").
    Planned,
    /// Conditional or speculative ("could", "if").
    Hypothetical,
}

impl Modality {
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// How sure the text is that the event happened as reported.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Stated by the writer without attribution or hedge.
    #[default]
    Asserted,
    /// Attributed to a source ("SANA reported", "according to activists").
    Reported,
    /// Claimed by a party, or hedged ("reportedly", "allegedly", "could not be verified").
    Claimed,
    /// Contested by another party or source.
    Disputed,
    /// Denied ("categorically denied").
    Denied,
}

impl Certainty {
    pub fn as_str(&self) -> &'static str {
        match self {
            Certainty::Asserted => "asserted",
            Certainty::Reported => "reported",
            Certainty::Claimed => "claimed",
            Certainty::Disputed => "disputed",
            Certainty::Denied => "denied",
        }
    }
}

/// Who reports an event, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Canonical source name ("SANA", "Syrian Observatory for Human Rights", "activists") or
    /// the named person as written.
    pub source: String,
    /// `state_media`, `monitor`, `news_agency`, `media`, `official`, `military`, `armed_group`,
    /// `activists`, `witnesses`, `person`.
    pub source_kind: String,
    /// Reporting verb class: `reported`, `said`, `claimed`, `confirmed`, `denied`, `announced`.
    pub verb: String,
    /// Where the source is named.
    pub span: Span,
}

/// When an event happened, as resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// ACLED time precision: 1 day, 2 week, 3 month.
    pub precision: Option<u8>,
    /// The expression the date came from, if the text gave one.
    pub span: Option<Span>,
}

/// People killed and injured in an event, as far as the text gives numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Casualties {
    /// Everyone killed (the event's fatalities).
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub civilians_killed: Option<u32>,
    pub children_killed: Option<u32>,
    pub women_killed: Option<u32>,
    pub combatants_killed: Option<u32>,
    /// Span covering the counts used.
    pub span: Option<Span>,
    /// Whether the death toll is only a vague quantity ("dozens", coded 12): an exact count
    /// given for the same event replaces it.
    #[serde(default)]
    pub vague: bool,
    /// Whether `civilians_killed` counts dead the text calls only "people", taken as civilians
    /// because the event targeted civilians: a count the text gives as civilians replaces it.
    #[serde(default)]
    pub civilians_inferred: bool,
}
