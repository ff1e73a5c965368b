//! Which bare demonyms and country names name an actor.

use super::ActorMatch;
use crate::fold::Folded;
use crate::triggers::TriggerMatch;

/// Keeps a bare demonym or country name ("Russian", "the United States") only where it modifies
/// an event noun ("Russian air strikes") or follows "by" ("strikes carried out by the United
/// States"); elsewhere ("the Syrian Observatory", "in Syria") it names no actor.
pub(crate) fn keep_modifying_demonyms(
    folded: &Folded,
    actors: Vec<ActorMatch>,
    triggers: &[TriggerMatch],
) -> Vec<ActorMatch> {
    actors
        .into_iter()
        .filter(|a| {
            let start = folded.folded_offset(a.actor.span.start);
            let end = folded.folded_offset(a.actor.span.end);
            let by_agent = crate::context::previous_words(folded, start, 2).contains(&"by");
            let modifies = triggers.iter().any(|t| {
                t.folded.0 >= end
                    && folded
                        .text
                        .get(end..t.folded.0)
                        .is_some_and(|g| g.trim().is_empty())
            });
            !a.demonym || by_agent || modifies
        })
        .collect()
}
