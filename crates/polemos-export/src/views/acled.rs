//! The ACLED view of the events table: ACLED's column names, order and codes, so that code
//! written for ACLED exports runs on polemos output and the two can be compared row for row.
//! `acled.csv` writes it; the Python API's `Result.to_acled()` returns it as a frame.
//!
//! Choices where polemos knows less than an ACLED coder (all documented in docs/schema.md):
//!
//! - `event_id_cnty` is the location country's ISO alpha-3 code and a running number per
//!   country in events-table order (`SYR1`, `SYR2`, ..., `IRQ1`), so it is stable for the same
//!   input; `XXX` stands for events without a country, the alpha-2 code for a country missing
//!   from the country table.
//! - `event_date` is `date_start`, or the publication date (with `time_precision` 3) when the
//!   text's date could not be resolved.
//! - `inter1`/`inter2` are 0 where there is no actor (as in ACLED's numeric exports), and an
//!   actor of unknown category counts as having none.
//! - `fatalities` is 0 when the text gives no number, as ACLED codes it.
//! - `notes` is written from the event's evidence: its date and place as resolved, the
//!   sentence that reports it, and who reports it.
//! - `timestamp` is the publication date as Unix seconds (0 when unknown) rather than the time
//!   of the run, so writing the same input twice gives identical files.
//! - `assoc_actor_1`, `assoc_actor_2`, `admin3`, `source_scale` and `tags` are empty (polemos
//!   does not tell associated actors apart, has no third admin level and does not know an
//!   outlet's reach); two last columns, `polemos_event_id` and `polemos_modality`, link each
//!   row back to the events table and say whether the text asserts the event.
//! - Only events the text asserts are kept (ACLED codes what happened), unless the view is
//!   told to keep all ([`AcledView::include_all_events`]): then negated, planned, denied and
//!   hypothetical events come too, told apart by `polemos_modality`.

use std::collections::HashMap;
use std::io;
use std::sync::OnceLock;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, SchemaRef};
use chrono::NaiveDate;
use polemos_core::ActorCategory;

use super::events::{date_of, float_of, int_of, one_line, str_of, EventColumns};
use super::rows::{Rows, Value};
use crate::countries::country;

/// The columns of the ACLED view and their types, in ACLED's order, then `polemos_event_id`
/// and `polemos_modality`.
const COLUMNS: [(&str, DataType); 33] = [
    ("event_id_cnty", DataType::Utf8),
    ("event_date", DataType::Date32),
    ("year", DataType::Int32),
    ("time_precision", DataType::Int32),
    ("disorder_type", DataType::Utf8),
    ("event_type", DataType::Utf8),
    ("sub_event_type", DataType::Utf8),
    ("actor1", DataType::Utf8),
    ("assoc_actor_1", DataType::Utf8),
    ("inter1", DataType::Int32),
    ("actor2", DataType::Utf8),
    ("assoc_actor_2", DataType::Utf8),
    ("inter2", DataType::Int32),
    ("interaction", DataType::Int32),
    ("civilian_targeting", DataType::Utf8),
    ("iso", DataType::Int32),
    ("region", DataType::Utf8),
    ("country", DataType::Utf8),
    ("admin1", DataType::Utf8),
    ("admin2", DataType::Utf8),
    ("admin3", DataType::Utf8),
    ("location", DataType::Utf8),
    ("latitude", DataType::Float64),
    ("longitude", DataType::Float64),
    ("geo_precision", DataType::Int32),
    ("source", DataType::Utf8),
    ("source_scale", DataType::Utf8),
    ("notes", DataType::Utf8),
    ("fatalities", DataType::Int32),
    ("tags", DataType::Utf8),
    ("timestamp", DataType::Int64),
    ("polemos_event_id", DataType::Utf8),
    ("polemos_modality", DataType::Utf8),
];

/// The column names of the ACLED view (`acled.csv`'s header).
pub const ACLED_COLUMNS: [&str; 33] = super::names_of(&COLUMNS);

/// ACLED's disorder type of an event type.
pub(crate) fn disorder_type(event_type: &str) -> &'static str {
    match event_type {
        "Battles" | "Explosions/Remote violence" | "Violence against civilians" => {
            "Political violence"
        }
        "Protests" | "Riots" => "Demonstrations",
        _ => "Strategic developments",
    }
}

/// ACLED's inter code of an actor category name; 0 for no actor or an unknown category.
pub(crate) fn inter_code(category: Option<&str>) -> u8 {
    category
        .and_then(ActorCategory::parse)
        .map_or(0, |c| c.inter_code())
}

/// ACLED's interaction code: the two inter codes, smaller first (`12`), or `10 * inter` when
/// only one actor is known, or 0.
pub(crate) fn interaction(inter1: u8, inter2: u8) -> u8 {
    match (inter1.min(inter2), inter1.max(inter2)) {
        (0, 0) => 0,
        (0, only) => only * 10,
        (low, high) => low * 10 + high,
    }
}

/// Numbers events per key: `SYR1`, `SYR2`, `IRQ1`.
#[derive(Debug, Default)]
pub(crate) struct RunningIds {
    next: HashMap<String, u32>,
}

impl RunningIds {
    pub(crate) fn next(&mut self, prefix: &str) -> String {
        let n = self.next.entry(prefix.to_string()).or_insert(0);
        *n += 1;
        format!("{prefix}{n}")
    }
}

/// The ACLED view being built over one or more events batches; `event_id_cnty` numbers run
/// on across batches.
#[derive(Debug, Default)]
pub struct AcledView {
    ids: RunningIds,
    all_events: bool,
}

impl AcledView {
    /// A view of the events the text asserts.
    pub fn new() -> AcledView {
        AcledView::default()
    }

    /// Keeps the events the text does not assert too (negated, planned, denied ...).
    pub fn include_all_events(&mut self, yes: bool) {
        self.all_events = yes;
    }

    /// The view's schema: [`ACLED_COLUMNS`] with their types.
    pub fn schema() -> SchemaRef {
        static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
        SCHEMA.get_or_init(|| super::schema_of(&COLUMNS)).clone()
    }

    /// The rows of the view for an events batch (a batch of the events table's schema).
    pub fn recode(&mut self, events: &RecordBatch) -> io::Result<RecordBatch> {
        let c = EventColumns::new(events)?;
        let mut rows = Rows::new(AcledView::schema());
        for row in 0..events.num_rows() {
            if self.all_events || c.asserted(row) {
                rows.push(record(&c, row, &mut self.ids));
            }
        }
        rows.finish()
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

/// The view's row for event `row`.
fn record(c: &EventColumns<'_>, row: usize, ids: &mut RunningIds) -> Vec<Value> {
    let country_code = str_of(c.country.get(row));
    let known = country_code.and_then(country);
    let prefix = match (known, country_code) {
        (Some(k), _) => k.alpha3.to_string(),
        (None, Some(code)) => code.to_ascii_uppercase(),
        (None, None) => "XXX".to_string(),
    };
    let (date, precision) = match date_of(c.date_start.get(row)) {
        Some(d) => (Some(d), int_of(c.time_precision.get(row)).unwrap_or(1)),
        None => (date_of(c.published.get(row)), 3),
    };
    let published = date_of(c.published.get(row));
    let timestamp = published
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(0, |t| t.and_utc().timestamp());
    let event_type = str_of(c.event_type.get(row)).unwrap_or_default();
    let actor2_category = str_of(c.actor2_category.get(row));
    let inter1 = inter_code(str_of(c.actor1_category.get(row)));
    let inter2 = inter_code(actor2_category);
    let civilian_targeting = (actor2_category == Some(ActorCategory::Civilians.as_str()))
        .then_some("Civilian targeting");
    let country_name = known
        .map(|k| k.name.as_str())
        .or(country_code)
        .map(str::to_string);
    let location = str_of(c.location.get(row));
    let admin1 = str_of(c.admin1.get(row));
    let source = str_of(c.source.get(row));
    let notes = notes(
        date.map(|d| (d, precision)),
        location,
        admin1,
        country_name.as_deref(),
        str_of(c.sentence_text.get(row)).unwrap_or_default(),
        source,
    );
    let text = |cell| Value::opt_str(str_of(cell));
    vec![
        Value::Str(ids.next(&prefix)),
        date.map_or(Value::Null, Value::Date),
        Value::opt_int(date.map(|d| i64::from(chrono::Datelike::year(&d)))),
        Value::opt_int(date.map(|_| precision)),
        Value::Str(disorder_type(event_type).to_string()),
        Value::Str(event_type.to_string()),
        text(c.sub_event_type.get(row)),
        text(c.actor1.get(row)),
        Value::Null,
        Value::Int(inter1.into()),
        text(c.actor2.get(row)),
        Value::Null,
        Value::Int(inter2.into()),
        Value::Int(interaction(inter1, inter2).into()),
        Value::opt_str(civilian_targeting),
        Value::opt_int(known.map(|k| i64::from(k.numeric))),
        Value::opt_str(known.map(|k| k.region.as_str())),
        Value::opt_str(country_name.as_deref()),
        Value::opt_str(admin1),
        text(c.admin2.get(row)),
        Value::Null,
        Value::opt_str(location),
        float_of(c.latitude.get(row)).map_or(Value::Null, Value::Float),
        float_of(c.longitude.get(row)).map_or(Value::Null, Value::Float),
        Value::opt_int(int_of(c.geo_precision.get(row))),
        Value::opt_str(source),
        Value::Null,
        Value::Str(notes),
        Value::Int(int_of(c.fatalities.get(row)).unwrap_or(0)),
        Value::Null,
        Value::Int(timestamp),
        text(c.event_id.get(row)),
        text(c.modality.get(row)),
    ]
}

/// ACLED-style notes from the event's evidence: "On 8 April 2017, in Mosul (Nineveh, Iraq):
/// <the sentence>. Source: <who reports it>."
pub(crate) fn notes(
    date: Option<(NaiveDate, i64)>,
    location: Option<&str>,
    admin1: Option<&str>,
    country: Option<&str>,
    sentence: &str,
    source: Option<&str>,
) -> String {
    let mut out = String::new();
    if let Some((d, precision)) = date {
        out.push_str(&match precision {
            1 => format!("On {}", d.format("%-d %B %Y")),
            2 => format!("In the week of {}", d.format("%-d %B %Y")),
            _ => format!("In {}", d.format("%B %Y")),
        });
    }
    let mut within: Vec<&str> = [admin1, country]
        .into_iter()
        .flatten()
        .filter(|&name| Some(name) != location)
        .collect();
    within.dedup();
    let place = match location {
        Some(loc) if within.is_empty() => Some(loc.to_string()),
        Some(loc) => Some(format!("{loc} ({})", within.join(", "))),
        None if within.is_empty() => None,
        None => Some(within.join(", ")),
    };
    if let Some(place) = place {
        out.push_str(if out.is_empty() { "In " } else { ", in " });
        out.push_str(&place);
    }
    if !out.is_empty() {
        out.push_str(": ");
    }
    out.push_str(&one_line(sentence));
    if let Some(source) = source {
        out.push_str(" Source: ");
        out.push_str(source);
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disorder_types() {
        assert_eq!(disorder_type("Battles"), "Political violence");
        assert_eq!(
            disorder_type("Explosions/Remote violence"),
            "Political violence"
        );
        assert_eq!(
            disorder_type("Violence against civilians"),
            "Political violence"
        );
        assert_eq!(disorder_type("Protests"), "Demonstrations");
        assert_eq!(disorder_type("Riots"), "Demonstrations");
        assert_eq!(
            disorder_type("Strategic developments"),
            "Strategic developments"
        );
    }

    #[test]
    fn inter_and_interaction_codes() {
        assert_eq!(inter_code(Some("state_forces")), 1);
        assert_eq!(inter_code(Some("external_forces")), 8);
        assert_eq!(inter_code(Some("unheard_of")), 0);
        assert_eq!(inter_code(None), 0);
        assert_eq!(interaction(2, 1), 12);
        assert_eq!(interaction(1, 7), 17);
        assert_eq!(interaction(6, 0), 60);
        assert_eq!(interaction(0, 3), 30);
        assert_eq!(interaction(0, 0), 0);
        assert_eq!(interaction(1, 1), 11);
    }

    #[test]
    fn event_ids_run_per_country() {
        let mut ids = RunningIds::default();
        let got: Vec<_> = ["SYR", "SYR", "IRQ", "SYR"]
            .iter()
            .map(|p| ids.next(p))
            .collect();
        assert_eq!(got, ["SYR1", "SYR2", "IRQ1", "SYR3"]);
    }

    #[test]
    fn notes_say_when_where_what_and_who() {
        let day = NaiveDate::from_ymd_opt(2017, 4, 8).unwrap_or_default();
        assert_eq!(
            notes(
                Some((day, 1)),
                Some("Mosul"),
                Some("Nineveh"),
                Some("Iraq"),
                "Gunmen   killed\ntwo police officers.",
                Some("Rudaw"),
            ),
            "On 8 April 2017, in Mosul (Nineveh, Iraq): Gunmen killed two police officers. \
             Source: Rudaw."
        );
        assert_eq!(
            notes(
                Some((day, 3)),
                None,
                Some("Kaduna"),
                Some("Nigeria"),
                "A raid.",
                None
            ),
            "In April 2017, in Kaduna, Nigeria: A raid."
        );
        assert_eq!(
            notes(
                Some((day, 2)),
                Some("Yemen"),
                None,
                Some("Yemen"),
                "Strikes.",
                None
            ),
            "In the week of 8 April 2017, in Yemen: Strikes."
        );
        assert_eq!(notes(None, None, None, None, "Clashes.", None), "Clashes.");
        assert_eq!(
            notes(None, Some("Goma"), None, None, "Clashes.", None),
            "In Goma: Clashes."
        );
    }
}
