//! A hand-built extraction exercising every column, independent of the extractor's progress.

use chrono::NaiveDate;
use polemos_core::{
    ActorCategory, ActorRef, Attribution, Casualties, Certainty, DateSource, Dateline, Document,
    DocumentExtraction, Event, EventDate, Furniture, FurnitureKind, GeoPrecision, Location,
    Mention, MentionKind, Modality, ParsedDocument, Sentence, SentenceKind, Span, SubEventType,
};

pub const HEADLINE: &str = "IS storms Ḥamā airbase";
pub const BODY: &str =
    "DEIR EZ-ZOR, Syria (Reuters) - Islamic State militants attacked the airbase \
                        in Deir ez-Zor on Saturday, killing 12 soldiers.";
pub const SHARE: &str = "Share this: \"Facebook\", Twitter";

pub fn text() -> String {
    format!("{HEADLINE}\n{BODY}\n{SHARE}\n")
}

/// The span of the first occurrence of `needle` in `text`.
pub fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

pub fn deir_ez_zor() -> Location {
    Location {
        name: "Deir ez-Zor".into(),
        feature: polemos_core::PlaceKind::City,
        country: "SY".into(),
        admin1: Some("Deir ez-Zor".into()),
        admin2: None,
        latitude: 35.336,
        longitude: 40.1408,
        geonames_id: Some(170_794),
        precision: GeoPrecision::Exact,
    }
}

/// A story with a headline, a dateline, furniture, three mentions and one event.
pub fn rich() -> DocumentExtraction {
    let text = text();
    let doc = Document {
        id: "wire.jsonl:1".into(),
        page_id: "wire.jsonl:1".into(),
        story_index: 0,
        source: "wire.jsonl:1".into(),
        format: "jsonl".into(),
        encoding: Some("UTF-8".into()),
        text: text.clone(),
        title: Some("IS attack".into()),
        url: Some("https://example.org/a".into()),
        ..Document::default()
    }
    .with_published(
        NaiveDate::from_ymd_opt(2017, 4, 8).unwrap(),
        DateSource::Metadata,
    );
    let headline = span_of(&text, HEADLINE);
    let body = span_of(&text, BODY);
    let sentence = span_of(&text, "Islamic State militants attacked the airbase in Deir ez-Zor on Saturday, killing 12 soldiers.");
    let trigger = span_of(&text, "attacked");
    let place = span_of(&text, "Deir ez-Zor on");
    let place = Span::new(place.start, place.start + "Deir ez-Zor".len());
    let actor = span_of(&text, "Islamic State");
    let casualty = span_of(&text, "12 soldiers");
    let parsed = ParsedDocument {
        headline: Some(headline),
        dateline: Some(Dateline {
            span: span_of(&text, "DEIR EZ-ZOR, Syria (Reuters) -"),
            place: Some("DEIR EZ-ZOR".into()),
            date: None,
        }),
        furniture: vec![Furniture {
            span: span_of(&text, SHARE),
            kind: FurnitureKind::Share,
        }],
        sentences: vec![
            Sentence {
                index: 0,
                kind: SentenceKind::Headline,
                span: headline,
                n_tokens: 4,
            },
            Sentence {
                index: 1,
                kind: SentenceKind::Body,
                span: sentence,
                n_tokens: 16,
            },
        ],
        doc,
    };
    assert!(body.contains(sentence));
    let mentions = vec![
        Mention {
            kind: MentionKind::Actor,
            sentence: 1,
            span: actor,
            canonical: "Islamic State".into(),
            actor_category: Some(ActorCategory::RebelGroup),
            location: None,
            count: None,
            event: None,
            rule: "actor:name".into(),
        },
        Mention {
            kind: MentionKind::Place,
            sentence: 1,
            span: place,
            canonical: "Deir ez-Zor".into(),
            actor_category: None,
            location: Some(Box::new(deir_ez_zor())),
            count: None,
            event: None,
            rule: "place:name".into(),
        },
        Mention {
            kind: MentionKind::Casualty,
            sentence: 1,
            span: casualty,
            canonical: "soldiers".into(),
            actor_category: None,
            location: None,
            count: Some(12),
            event: None,
            rule: "casualty:verb-count".into(),
        },
    ];
    let event = Event {
        sentence: 1,
        sentence_span: sentence,
        trigger_span: trigger,
        sub_event_type: SubEventType::ArmedClash,
        method: None,
        cameo: Some("190".into()),
        plover: Some("ASSAULT".into()),
        actor1: Some(ActorRef {
            name: "Islamic State".into(),
            category: ActorCategory::RebelGroup,
            country: None,
            span: actor,
        }),
        actor2: Some(ActorRef {
            name: "Syrian government forces".into(),
            category: ActorCategory::StateForces,
            country: Some("SY".into()),
            span: casualty,
        }),
        location: Some(deir_ez_zor()),
        location_span: Some(place),
        date: EventDate {
            start: NaiveDate::from_ymd_opt(2017, 4, 15),
            end: NaiveDate::from_ymd_opt(2017, 4, 15),
            precision: Some(1),
            span: None,
        },
        casualties: Casualties {
            killed: Some(12),
            combatants_killed: Some(12),
            span: Some(casualty),
            ..Casualties::default()
        },
        modality: Modality::Asserted,
        certainty: Certainty::Reported,
        attribution: Some(Attribution {
            source: "SANA".into(),
            source_kind: "state_media".into(),
            verb: "reported".into(),
            span: actor,
        }),
        evidence: vec![1],
        is_lead: true,
        rule: "attack.verb+role:active-subject-object".into(),
        typing: None,
    };
    DocumentExtraction {
        parsed,
        mentions,
        events: vec![event],
    }
}

/// A document that could not be read.
pub fn failed() -> DocumentExtraction {
    let doc = Document::failed(
        "bad.html",
        "bad.html",
        "html",
        "invalid UTF-8, \"quoted\"\nnewline",
    );
    DocumentExtraction {
        parsed: ParsedDocument::unparsed(doc),
        mentions: vec![],
        events: vec![],
    }
}

/// A document with no text.
pub fn empty() -> DocumentExtraction {
    DocumentExtraction {
        parsed: ParsedDocument::unparsed(Document::from_text("input[2]", "  ")),
        mentions: vec![],
        events: vec![],
    }
}

pub fn all() -> Vec<DocumentExtraction> {
    vec![rich(), failed(), empty()]
}
