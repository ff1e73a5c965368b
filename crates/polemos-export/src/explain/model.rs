//! What the explain view shows, read from the tables.

use crate::Tables;
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type};
use arrow_array::{Array, RecordBatch};

/// Errors choosing the document to explain.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExplainError {
    #[error("no document {0:?} in the tables")]
    UnknownDocument(String),
    #[error("there are no documents to explain")]
    NoDocuments,
}

/// One highlighted stretch of the text: a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    /// `trigger`, `actor`, `place` or `casualty`.
    pub kind: String,
    /// What the tooltip says: canonical form, category or count, and the rule id.
    pub tooltip: String,
}

/// One event, as the table under the text shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSummary {
    pub event_id: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub trigger: String,
    pub actor1: String,
    pub actor2: String,
    pub place: String,
    pub date: String,
    pub fatalities: String,
    pub certainty: String,
    pub source: String,
    /// The trigger family and the role pattern that assigned the actors.
    pub rule: String,
    /// A trained model's reading: its label and probability, and the rules' sub-event type
    /// where the model replaced it ("Attack 0.93, rules: Armed clash"); empty without one.
    pub model: String,
}

/// One document's explain view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub doc_id: String,
    pub text: String,
    /// Non-overlapping, in text order.
    pub highlights: Vec<Highlight>,
    pub events: Vec<EventSummary>,
}

fn string<'a>(batch: &'a RecordBatch, name: &str, row: usize) -> Option<&'a str> {
    let column = batch.column_by_name(name)?.as_string_opt::<i32>()?;
    column.is_valid(row).then(|| column.value(row))
}

fn int(batch: &RecordBatch, name: &str, row: usize) -> Option<i32> {
    let column = batch
        .column_by_name(name)?
        .as_primitive_opt::<Int32Type>()?;
    column.is_valid(row).then(|| column.value(row))
}

fn date(batch: &RecordBatch, name: &str, row: usize) -> Option<String> {
    let column = batch
        .column_by_name(name)?
        .as_primitive_opt::<Date32Type>()?;
    if !column.is_valid(row) {
        return None;
    }
    Date32Type::to_naive_date_opt(column.value(row)).map(|d| d.format("%Y-%m-%d").to_string())
}

fn rows_of<'a>(batch: &'a RecordBatch, doc_id: &'a str) -> impl Iterator<Item = usize> + 'a {
    (0..batch.num_rows()).filter(move |&r| string(batch, "doc_id", r) == Some(doc_id))
}

impl Explanation {
    /// The view of document `doc_id`; without one, of the first document with events (or the
    /// first document, when none has any).
    pub fn from_tables(tables: &Tables, doc_id: Option<&str>) -> Result<Explanation, ExplainError> {
        let docs = &tables.documents;
        let row = match doc_id {
            Some(id) => rows_of(docs, id)
                .next()
                .ok_or_else(|| ExplainError::UnknownDocument(id.to_string()))?,
            None => (0..docs.num_rows())
                .find(|&r| int(docs, "n_events", r).unwrap_or(0) > 0)
                .or((docs.num_rows() > 0).then_some(0))
                .ok_or(ExplainError::NoDocuments)?,
        };
        let doc_id = string(docs, "doc_id", row).unwrap_or_default().to_string();
        let text = string(docs, "text", row).unwrap_or_default().to_string();
        let highlights = highlights(&tables.mentions, &doc_id, text.len());
        let events = rows_of(&tables.events, &doc_id)
            .map(|r| event_summary(&tables.events, r))
            .collect();
        Ok(Explanation {
            doc_id,
            text,
            highlights,
            events,
        })
    }
}

fn highlights(mentions: &RecordBatch, doc_id: &str, text_len: usize) -> Vec<Highlight> {
    let mut all: Vec<Highlight> = rows_of(mentions, doc_id)
        .filter_map(|r| {
            let start = usize::try_from(int(mentions, "start", r)?).ok()?;
            let end = usize::try_from(int(mentions, "end", r)?).ok()?;
            (start < end && end <= text_len).then(|| Highlight {
                start,
                end,
                kind: string(mentions, "kind", r).unwrap_or_default().to_string(),
                tooltip: tooltip(mentions, r),
            })
        })
        .collect();
    // Longest first among mentions starting together, then keep those not overlapping one
    // already kept: a place inside an actor's name ("Syrian" in "Syrian army") stays readable
    // in the actor's tooltip rather than splitting the highlight.
    all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Highlight> = Vec::with_capacity(all.len());
    for h in all {
        if kept.last().is_none_or(|last| h.start >= last.end) {
            kept.push(h);
        }
    }
    kept
}

fn tooltip(mentions: &RecordBatch, r: usize) -> String {
    let kind = string(mentions, "kind", r).unwrap_or_default();
    let canonical = string(mentions, "canonical", r).unwrap_or_default();
    let mut parts = vec![format!("{kind}: {canonical}")];
    if let Some(category) = string(mentions, "actor_category", r) {
        parts.push(category.to_string());
    }
    if let Some(count) = int(mentions, "count", r) {
        parts.push(format!("count {count}"));
    }
    if let Some(admin1) = string(mentions, "admin1", r) {
        let country = string(mentions, "country", r).unwrap_or_default();
        parts.push(format!("{admin1}, {country}"));
    }
    if let Some(event) = string(mentions, "event_id", r) {
        parts.push(format!("event {event}"));
    }
    parts.push(format!(
        "rule {}",
        string(mentions, "rule", r).unwrap_or_default()
    ));
    parts.join(" | ")
}

fn actor(events: &RecordBatch, r: usize, which: &str) -> String {
    match string(events, which, r) {
        Some(name) => match string(events, &format!("{which}_category"), r) {
            Some(category) => format!("{name} ({category})"),
            None => name.to_string(),
        },
        None => String::new(),
    }
}

fn event_summary(events: &RecordBatch, r: usize) -> EventSummary {
    let s = |name| string(events, name, r).unwrap_or_default().to_string();
    let place = match (string(events, "location", r), string(events, "admin1", r)) {
        (Some(loc), Some(admin1)) if loc != admin1 => format!("{loc}, {admin1}"),
        (Some(loc), _) => loc.to_string(),
        (None, _) => String::new(),
    };
    let country = string(events, "country", r)
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    EventSummary {
        event_id: s("event_id"),
        event_type: s("event_type"),
        sub_event_type: s("sub_event_type"),
        trigger: s("trigger"),
        actor1: actor(events, r, "actor1"),
        actor2: actor(events, r, "actor2"),
        place: if place.is_empty() {
            place
        } else {
            place + &country
        },
        date: date(events, "date_start", r).unwrap_or_default(),
        fatalities: int(events, "fatalities", r)
            .map(|n| n.to_string())
            .unwrap_or_default(),
        certainty: s("certainty"),
        source: s("source"),
        rule: s("rule"),
        model: model_reading(events, r),
    }
}

fn model_reading(events: &RecordBatch, r: usize) -> String {
    let Some(label) = string(events, "model_label", r) else {
        return String::new();
    };
    let probability = events
        .column_by_name("model_probability")
        .and_then(|c| c.as_primitive_opt::<Float64Type>())
        .filter(|c| c.is_valid(r))
        .map(|c| format!(" {:.2}", c.value(r)))
        .unwrap_or_default();
    let rules = match string(events, "rules_sub_event_type", r) {
        Some(rules) if string(events, "sub_event_type", r) != Some(rules) => {
            format!(", rules: {rules}")
        }
        Some(_) => String::new(),
        None => ", found by the model alone".to_string(),
    };
    format!("{label}{probability}{rules}")
}
