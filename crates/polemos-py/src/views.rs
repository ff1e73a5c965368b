//! `acled_table` and `ucdp_table`: a result's events in ACLED's and UCDP GED's shapes, built
//! by the same code as the command's `acled.csv` and `ucdp.csv` (`polemos_export::views`).

use arrow_array::RecordBatch;
use polemos_export::{AcledView, Table, UcdpView};
use pyo3::prelude::*;

use crate::detached;
use crate::errors::input_error;
use crate::table::ArrowTable;

/// The events table's batch, or an `InputError` naming what was passed instead.
fn events_batch(events: &ArrowTable) -> PyResult<RecordBatch> {
    let batch = events.batch();
    if batch.schema().fields() != Table::Events.schema().fields() {
        return Err(input_error("not a polemos events table"));
    }
    Ok(batch.clone())
}

/// The ACLED view of an events table (`acled.csv`'s rows, typed). `all_events`: the events
/// the text does not assert too.
#[pyfunction]
#[pyo3(signature = (events, all_events=false))]
pub(crate) fn acled_table(
    py: Python<'_>,
    events: PyRef<'_, ArrowTable>,
    all_events: bool,
) -> PyResult<ArrowTable> {
    let batch = events_batch(&events)?;
    detached(py, move || {
        let mut view = AcledView::new();
        view.include_all_events(all_events);
        let rows = view
            .recode(&batch)
            .map_err(|e| input_error(e.to_string()))?;
        Ok(ArrowTable::new("acled", rows))
    })
}

/// The UCDP GED view of an events table (`ucdp.csv`'s rows, typed), with `source_article`
/// and `source_headline` from the documents table. `min_deaths`: the fewest deaths an event
/// needs to be kept (GED's rule: 1).
#[pyfunction]
#[pyo3(signature = (events, documents, all_events=false, min_deaths=1))]
pub(crate) fn ucdp_table(
    py: Python<'_>,
    events: PyRef<'_, ArrowTable>,
    documents: PyRef<'_, ArrowTable>,
    all_events: bool,
    min_deaths: i64,
) -> PyResult<ArrowTable> {
    let batch = events_batch(&events)?;
    let docs = documents.batch().clone();
    if docs.schema().fields() != Table::Documents.schema().fields() {
        return Err(input_error("not a polemos documents table"));
    }
    detached(py, move || {
        let mut view = UcdpView::new();
        view.include_all_events(all_events);
        view.min_deaths(min_deaths);
        let err = |e: std::io::Error| input_error(e.to_string());
        view.observe_documents(&docs).map_err(err)?;
        let rows = view.recode(&batch).map_err(err)?;
        Ok(ArrowTable::new("ucdp", rows))
    })
}

/// An empty table with the schema of a view (`"acled"` or `"ucdp"`): its columns and types,
/// for readers of other datasets' files to match.
#[pyfunction]
pub(crate) fn empty_view(name: &str) -> PyResult<ArrowTable> {
    let schema = match name {
        "acled" => AcledView::schema(),
        "ucdp" => UcdpView::schema(),
        other => return Err(input_error(format!("no view {other:?} (acled, ucdp)"))),
    };
    Ok(ArrowTable::new(name, RecordBatch::new_empty(schema)))
}
