//! `acled.csv`: the events table recoded with the column names and value vocabularies of
//! ACLED's public codebook, so that code written for ACLED exports runs on polemos output and
//! the two can be compared row for row.
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
//! - `timestamp` is the publication date as Unix seconds (0 when unknown) rather than the time
//!   of the run, so writing the same input twice gives identical files.
//! - `assoc_actor_1`, `assoc_actor_2`, `admin3`, `source_scale` and `tags` are empty; two last
//!   columns, `polemos_event_id` and `polemos_modality`, link each row back to the events
//!   table and say whether the text asserts the event.
//! - Only events the text asserts are written (ACLED codes what happened), unless the sink is
//!   told to include all ([`AcledSink::include_all_events`]): then negated, planned, denied
//!   and hypothetical events come too, told apart by `polemos_modality`.

use std::collections::HashMap;
use std::io::{self, Write};

use arrow_array::RecordBatch;
use chrono::NaiveDate;
use polemos_core::ActorCategory;

use super::cells::{Cell, ColumnCells};
use super::countries::country;

/// The columns of `acled.csv`, in ACLED's order, then `polemos_event_id` and
/// `polemos_modality`.
pub const ACLED_COLUMNS: [&str; 33] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "polemos_event_id",
    "polemos_modality",
];

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

/// Numbers events per country: `SYR1`, `SYR2`, `IRQ1`.
#[derive(Debug, Default)]
struct EventIds {
    next: HashMap<String, u32>,
}

impl EventIds {
    fn next(&mut self, prefix: &str) -> String {
        let n = self.next.entry(prefix.to_string()).or_insert(0);
        *n += 1;
        format!("{prefix}{n}")
    }
}

/// The events columns the recoding reads.
struct EventColumns<'a> {
    event_id: ColumnCells<'a>,
    event_type: ColumnCells<'a>,
    sub_event_type: ColumnCells<'a>,
    actor1: ColumnCells<'a>,
    actor1_category: ColumnCells<'a>,
    actor2: ColumnCells<'a>,
    actor2_category: ColumnCells<'a>,
    country: ColumnCells<'a>,
    admin1: ColumnCells<'a>,
    admin2: ColumnCells<'a>,
    location: ColumnCells<'a>,
    latitude: ColumnCells<'a>,
    longitude: ColumnCells<'a>,
    geo_precision: ColumnCells<'a>,
    published: ColumnCells<'a>,
    date_start: ColumnCells<'a>,
    time_precision: ColumnCells<'a>,
    fatalities: ColumnCells<'a>,
    source: ColumnCells<'a>,
    sentence_text: ColumnCells<'a>,
    modality: ColumnCells<'a>,
}

impl<'a> EventColumns<'a> {
    fn new(events: &'a RecordBatch) -> io::Result<EventColumns<'a>> {
        let col = |name| ColumnCells::named(events, name);
        Ok(EventColumns {
            event_id: col("event_id")?,
            event_type: col("event_type")?,
            sub_event_type: col("sub_event_type")?,
            actor1: col("actor1")?,
            actor1_category: col("actor1_category")?,
            actor2: col("actor2")?,
            actor2_category: col("actor2_category")?,
            country: col("country")?,
            admin1: col("admin1")?,
            admin2: col("admin2")?,
            location: col("location")?,
            latitude: col("latitude")?,
            longitude: col("longitude")?,
            geo_precision: col("geo_precision")?,
            published: col("published")?,
            date_start: col("date_start")?,
            time_precision: col("time_precision")?,
            fatalities: col("fatalities")?,
            source: col("source")?,
            sentence_text: col("sentence_text")?,
            modality: col("modality")?,
        })
    }
}

fn str_of(cell: Cell<'_>) -> Option<&str> {
    match cell {
        Cell::Str(s) => Some(s),
        _ => None,
    }
}

fn date_of(cell: Cell<'_>) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(d),
        _ => None,
    }
}

fn int_of(cell: Cell<'_>) -> Option<i64> {
    match cell {
        Cell::Int(i) => Some(i),
        _ => None,
    }
}

fn text(cell: Cell<'_>) -> String {
    let mut s = String::new();
    cell.push_text(&mut s);
    s
}

/// Whether event `row` is one the text asserts (`modality` = `asserted`).
pub(super) fn asserted(modality: &ColumnCells<'_>, row: usize) -> bool {
    str_of(modality.get(row)) == Some(polemos_core::Modality::Asserted.as_str())
}

/// One `acled.csv` record for event `row`.
fn record(c: &EventColumns<'_>, row: usize, ids: &mut EventIds) -> Vec<String> {
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
    let civilian_targeting = if actor2_category == Some(ActorCategory::Civilians.as_str()) {
        "Civilian targeting"
    } else {
        ""
    };
    vec![
        ids.next(&prefix),
        date.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        date.map(|d| d.format("%Y").to_string()).unwrap_or_default(),
        if date.is_some() {
            precision.to_string()
        } else {
            String::new()
        },
        disorder_type(event_type).to_string(),
        event_type.to_string(),
        text(c.sub_event_type.get(row)),
        text(c.actor1.get(row)),
        String::new(),
        inter1.to_string(),
        text(c.actor2.get(row)),
        String::new(),
        inter2.to_string(),
        interaction(inter1, inter2).to_string(),
        civilian_targeting.to_string(),
        known.map(|k| k.numeric.to_string()).unwrap_or_default(),
        known.map(|k| k.region.to_string()).unwrap_or_default(),
        known
            .map(|k| k.name.to_string())
            .or_else(|| country_code.map(str::to_string))
            .unwrap_or_default(),
        text(c.admin1.get(row)),
        text(c.admin2.get(row)),
        String::new(),
        text(c.location.get(row)),
        text(c.latitude.get(row)),
        text(c.longitude.get(row)),
        text(c.geo_precision.get(row)),
        text(c.source.get(row)),
        String::new(),
        text(c.sentence_text.get(row)),
        int_of(c.fatalities.get(row)).unwrap_or(0).to_string(),
        String::new(),
        timestamp.to_string(),
        text(c.event_id.get(row)),
        text(c.modality.get(row)),
    ]
}

/// `acled.csv` being written: the header on creation, then the records of each events batch.
/// `event_id_cnty` numbers run on across batches.
pub(super) struct AcledSink<W: Write> {
    writer: csv::Writer<W>,
    ids: EventIds,
    all_events: bool,
}

impl<W: Write> AcledSink<W> {
    pub(super) fn create(out: W) -> Result<AcledSink<W>, csv::Error> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(ACLED_COLUMNS)?;
        Ok(AcledSink {
            writer,
            ids: EventIds::default(),
            all_events: false,
        })
    }

    /// Writes the events the text does not assert too (negated, planned, denied ...).
    pub(super) fn include_all_events(&mut self, yes: bool) {
        self.all_events = yes;
    }

    pub(super) fn write(&mut self, events: &RecordBatch) -> Result<(), csv::Error> {
        let columns = EventColumns::new(events)?;
        for row in 0..events.num_rows() {
            if !self.all_events && !asserted(&columns.modality, row) {
                continue;
            }
            self.writer
                .write_record(record(&columns, row, &mut self.ids))?;
        }
        Ok(())
    }

    /// Flushes the CSV buffer and returns the output.
    pub(super) fn finish(self) -> io::Result<W> {
        self.writer.into_inner().map_err(|e| e.into_error())
    }
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
        let mut ids = EventIds::default();
        let got: Vec<_> = ["SYR", "SYR", "IRQ", "SYR"]
            .iter()
            .map(|p| ids.next(p))
            .collect();
        assert_eq!(got, ["SYR1", "SYR2", "IRQ1", "SYR3"]);
    }
}
