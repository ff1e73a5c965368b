//! `acled.csv`: the ACLED view of the events table ([`AcledView`]) as CSV.

use std::io::{self, Write};

use arrow_array::RecordBatch;

use super::text::CsvSink;
use crate::views::AcledView;

/// `acled.csv` being written: the header on creation, then the view's rows of each events
/// batch. `event_id_cnty` numbers run on across batches.
pub(super) struct AcledSink<W: Write> {
    csv: CsvSink<W>,
    view: AcledView,
}

impl<W: Write> AcledSink<W> {
    pub(super) fn create(out: W) -> Result<AcledSink<W>, csv::Error> {
        Ok(AcledSink {
            csv: CsvSink::create(&AcledView::schema(), out)?,
            view: AcledView::new(),
        })
    }

    /// Writes the events the text does not assert too (negated, planned, denied ...).
    pub(super) fn include_all_events(&mut self, yes: bool) {
        self.view.include_all_events(yes);
    }

    pub(super) fn write(&mut self, events: &RecordBatch) -> Result<(), csv::Error> {
        let rows = self.view.recode(events)?;
        self.csv.write(&rows)
    }

    /// Flushes the CSV buffer and returns the output.
    pub(super) fn finish(self) -> io::Result<W> {
        self.csv.finish()
    }
}
