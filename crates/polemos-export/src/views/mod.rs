//! Views of the events table in other datasets' shapes: ACLED's export columns and codes
//! ([`AcledView`]) and UCDP GED's ([`UcdpView`]). Each turns events batches into batches of
//! its own schema; the `acled` and `ucdp` formats write them as CSV, and the Python API
//! returns them as frames (`Result.to_acled()`, `Result.to_ucdp()`).

mod acled;
mod events;
mod rows;
mod ucdp;

pub use acled::{AcledView, ACLED_COLUMNS};
pub use ucdp::{UcdpView, UCDP_COLUMNS};

use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema, SchemaRef};

/// The schema of a view's columns, every column nullable.
fn schema_of(columns: &[(&str, DataType)]) -> SchemaRef {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|(name, kind)| Field::new(*name, kind.clone(), true))
            .collect::<Vec<_>>(),
    ))
}

/// The names of a view's columns, in order.
const fn names_of<const N: usize>(columns: &[(&'static str, DataType); N]) -> [&'static str; N] {
    let mut names = [""; N];
    let mut i = 0;
    while i < N {
        names[i] = columns[i].0;
        i += 1;
    }
    names
}
