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
