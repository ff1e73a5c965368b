//! Which bare demonyms and country names name an actor.

use super::ActorMatch;
use crate::fold::Folded;
use crate::triggers::TriggerMatch;

/// Whether the name at folded offset `at` follows "by" ("strikes carried out by the United
/// States"): the agent of what went before, so it names an actor though it modifies nothing.
pub(super) fn named_after_by(folded: &Folded, at: usize) -> bool {
    crate::context::previous_words(folded, at, 2).contains(&"by")
}

/// Keeps a bare demonym or country name ("Russian", "the United States") only where it modifies
/// an event noun ("Russian air strikes") or follows "by" ("strikes carried out by the United
/// States"); elsewhere ("the Syrian Observatory", "in Syria") it names no actor.
pub(crate) fn keep_modifying_demonyms(
    folded: &Folded,
    actors: Vec<ActorMatch>,
    triggers: &[TriggerMatch],
) -> Vec<ActorMatch> {
    // Trigger starts in text order, to find the one right after a demonym without scanning
    // them all for every actor (which made long documents quadratic).
    let mut starts: Vec<usize> = triggers.iter().map(|t| t.folded.0).collect();
    starts.sort_unstable();
    actors
        .into_iter()
        .filter(|a| {
            if !a.demonym {
                return true;
            }
            let start = folded.folded_offset(a.actor.span.start);
            let end = folded.folded_offset(a.actor.span.end);
            let by_agent = named_after_by(folded, start);
            let next = starts.get(starts.partition_point(|&s| s < end));
            let modifies =
                next.is_some_and(|&s| folded.text.get(end..s).is_some_and(|g| g.trim().is_empty()));
            by_agent || modifies
        })
        .collect()
}
