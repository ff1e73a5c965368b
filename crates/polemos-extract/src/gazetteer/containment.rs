//! Containment the text states: "Tokoro (Kouande, Atacora)", "Gbajimba, Benue State",
//! "Pensacola (Florida)". A name followed, across a comma or an opening bracket, by the name of
//! a place that contains one of its readings means that reading.

use polemos_core::PlaceKind;

use super::index::Candidate;
use super::{Gazetteer, Place};

/// Whether `inner` lies in `outer`: in its country, for a country; else in its first-level
/// region (a town named as the container of another, "Dhaka city (Dhaka, Dhaka)", stands for
/// its region too).
fn lies_in(inner: &Place, outer: &Place) -> bool {
    if std::ptr::eq(inner, outer) || inner.country != outer.country {
        return false;
    }
    match outer.kind {
        PlaceKind::Country => inner.kind != PlaceKind::Country,
        _ => outer.admin1.is_some() && inner.admin1 == outer.admin1,
    }
}

/// Whether the text between two names makes the second the first's container: a comma, or
/// an opening bracket, with spaces around.
fn joins_container(gap: &str) -> bool {
    matches!(gap.trim(), "," | "(")
}

/// For each of `cands` (sorted by position, not overlapping), the indexes of the names that
/// follow it as its containers: the run of names after it, each joined to the one before by a
/// comma or an opening bracket ("Tokoro (Kouande, Atacora)": Kouande and Atacora for Tokoro,
/// Atacora for Kouande). Runs are short; a document's names are visited about twice.
pub(super) fn container_runs(text: &str, cands: &[Candidate]) -> Vec<std::ops::Range<usize>> {
    let mut runs = vec![0..0; cands.len()];
    // Walking backwards, a name's run ends where its successor's does.
    let mut end = cands.len();
    for i in (0..cands.len()).rev() {
        let joined = cands.get(i + 1).is_some_and(|next| {
            text.get(cands[i].orig_end..next.orig_start)
                .is_some_and(joins_container)
        });
        if !joined {
            end = i + 1;
        }
        runs[i] = (i + 1)..end;
    }
    runs
}

/// The places a name may mean.
fn readings<'g>(gazetteer: &'g Gazetteer, c: &Candidate) -> impl Iterator<Item = &'g Place> {
    gazetteer
        .index()
        .values(c.key)
        .iter()
        .filter_map(|&id| gazetteer.place(id))
}

/// Whether `p` lies in some reading of one of `containers`.
pub(super) fn lies_in_any(gazetteer: &Gazetteer, p: &Place, containers: &[Candidate]) -> bool {
    containers
        .iter()
        .any(|c| readings(gazetteer, c).any(|outer| lies_in(p, outer)))
}

/// Whether some reading of `cand` lies in some reading of one of `containers`.
pub(super) fn is_contained(
    gazetteer: &Gazetteer,
    cand: &Candidate,
    containers: &[Candidate],
) -> bool {
    readings(gazetteer, cand).any(|p| lies_in_any(gazetteer, p, containers))
}
