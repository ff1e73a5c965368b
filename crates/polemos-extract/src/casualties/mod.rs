//! How many were hurt: casualty counts found in sentences ([`find`]: "killing 12 soldiers",
//! "at least 15 people were killed", "the death toll rose to 112"; [`one_victim`]: "a local
//! leader was hacked to death", "the driver later died"), and the counts of a
//! sentence split among its events and by who was hit ([`split`]). The words of harm both read
//! are one class of the lexicon (`harm_words.tsv`).

mod find;
mod one_victim;
mod split;

pub(crate) use find::find_casualties;
pub use find::{Casualty, Harm, VictimGroup};
pub(crate) use split::casualties_of;
