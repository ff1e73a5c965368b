use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::{ActorCategory, Location, Span};

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A place found in the gazetteer.
    Place,
    /// An actor found in the actor dictionary.
    Actor,
    /// An event trigger word or phrase.
    Trigger,
    /// A casualty count ("12 soldiers", "five children").
    Casualty,
}

impl MentionKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            MentionKind::Place => "place",
            MentionKind::Actor => "actor",
            MentionKind::Trigger => "trigger",
            MentionKind::Casualty => "casualty",
        }
    }
}

/// A stretch of text recognised as referring to something polemos knows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub kind: MentionKind,
    /// Index of the sentence it is in.
    pub sentence: u32,
    pub span: Span,
    /// Canonical name: the place, the actor, the trigger's sub-event type, the casualty group.
    /// (`Cow`: most are names fixed in the program, and a long document holds millions.)
    pub canonical: Cow<'static, str>,
    /// For actors, their category.
    pub actor_category: Option<ActorCategory>,
    /// For places, the resolved location (boxed: most mentions are not places, and a
    /// document holds hundreds of thousands of mentions per 10 MB of text).
    pub location: Option<Box<Location>>,
    /// For casualty counts, the number.
    pub count: Option<u32>,
    /// Index (in the document's events) of the event this mention is evidence for: set on the
    /// triggers of every report of the event, so merged reports can be traced.
    pub event: Option<u32>,
    /// Id of the dictionary entry or pattern that produced it.
    pub rule: Cow<'static, str>,
}

impl Mention {
    /// This mention as found in a stretch of a document that starts `bytes` bytes and
    /// `sentences` sentences into it, after `events` events found before that stretch.
    pub fn shift(&mut self, bytes: usize, sentences: u32, events: u32) {
        self.sentence += sentences;
        self.span = self.span.shifted(bytes);
        self.event = self.event.map(|e| e + events);
    }
}
