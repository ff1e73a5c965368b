//! Reading the events table's cells for the views.

use std::io;

use arrow_array::RecordBatch;
use chrono::NaiveDate;

use crate::cells::{Cell, ColumnCells};

/// The events columns the views read, each downcast once.
pub(crate) struct EventColumns<'a> {
    pub event_id: ColumnCells<'a>,
    pub doc_id: ColumnCells<'a>,
    pub event_type: ColumnCells<'a>,
    pub sub_event_type: ColumnCells<'a>,
    pub actor1: ColumnCells<'a>,
    pub actor1_category: ColumnCells<'a>,
    pub actor2: ColumnCells<'a>,
    pub actor2_category: ColumnCells<'a>,
    pub country: ColumnCells<'a>,
    pub admin1: ColumnCells<'a>,
    pub admin2: ColumnCells<'a>,
    pub location: ColumnCells<'a>,
    pub latitude: ColumnCells<'a>,
    pub longitude: ColumnCells<'a>,
    pub geo_precision: ColumnCells<'a>,
    pub published: ColumnCells<'a>,
    pub date_start: ColumnCells<'a>,
    pub date_end: ColumnCells<'a>,
    pub time_precision: ColumnCells<'a>,
    pub fatalities: ColumnCells<'a>,
    pub civilians_killed: ColumnCells<'a>,
    pub source: ColumnCells<'a>,
    pub sentence_text: ColumnCells<'a>,
    pub modality: ColumnCells<'a>,
}

impl<'a> EventColumns<'a> {
    pub(crate) fn new(events: &'a RecordBatch) -> io::Result<EventColumns<'a>> {
        let col = |name| ColumnCells::named(events, name);
        Ok(EventColumns {
            event_id: col("event_id")?,
            doc_id: col("doc_id")?,
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
            date_end: col("date_end")?,
            time_precision: col("time_precision")?,
            fatalities: col("fatalities")?,
            civilians_killed: col("civilians_killed")?,
            source: col("source")?,
            sentence_text: col("sentence_text")?,
            modality: col("modality")?,
        })
    }

    /// Whether event `row` is one the text asserts (`modality` = `asserted`).
    pub(crate) fn asserted(&self, row: usize) -> bool {
        str_of(self.modality.get(row)) == Some(polemos_core::Modality::Asserted.as_str())
    }
}

pub(crate) fn str_of(cell: Cell<'_>) -> Option<&str> {
    match cell {
        Cell::Str(s) if !s.is_empty() => Some(s),
        _ => None,
    }
}

pub(crate) fn date_of(cell: Cell<'_>) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(d),
        _ => None,
    }
}

pub(crate) fn int_of(cell: Cell<'_>) -> Option<i64> {
    match cell {
        Cell::Int(i) => Some(i),
        _ => None,
    }
}

pub(crate) fn float_of(cell: Cell<'_>) -> Option<f64> {
    match cell {
        Cell::Float(f) if f.is_finite() => Some(f),
        _ => None,
    }
}

/// The text with runs of whitespace (line breaks in the article) made one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
