//! `ucdp.csv`: the UCDP GED view of the events table ([`UcdpView`]) as CSV.

use std::io::{self, Write};

use arrow_array::RecordBatch;

use super::text::CsvSink;
use crate::views::UcdpView;

/// `ucdp.csv` being written: the header on creation, then the view's rows of each events
/// batch, with the URL and headline of the documents batch written just before it.
pub(super) struct UcdpSink<W: Write> {
    csv: CsvSink<W>,
    view: UcdpView,
}

impl<W: Write> UcdpSink<W> {
    pub(super) fn create(out: W) -> Result<UcdpSink<W>, csv::Error> {
        Ok(UcdpSink {
            csv: CsvSink::create(&UcdpView::schema(), out)?,
            view: UcdpView::new(),
        })
    }

    /// Writes the violent events the text does not assert too.
    pub(super) fn include_all_events(&mut self, yes: bool) {
        self.view.include_all_events(yes);
    }

    /// Notes the documents whose events come next (their URL and headline).
    pub(super) fn observe_documents(&mut self, documents: &RecordBatch) -> io::Result<()> {
        self.view.observe_documents(documents)
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
