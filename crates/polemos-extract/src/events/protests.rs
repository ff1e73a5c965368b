//! Protests met with force: a protest told with tear gas, dispersal or baton charges (the
//! lexicon's `intervention_cues`), in its sentence or the next, is ACLED's Protest with
//! intervention, and one in which protesters were killed is Excessive force against
//! protesters. Arrests stay events of their own: who was detained is what studies of
//! repression count.

use polemos_core::{Event, Sentence, SubEventType};

use super::Built;
use crate::fold::Folded;
use crate::lexicon::Vocab;

/// Whether the sentence of `e` or the one after it tells of force used against it.
fn met_with_force(v: &Vocab, folded: &Folded, sentences: &[Sentence], e: &Event) -> bool {
    let next = sentences.get(e.sentence as usize + 1);
    std::iter::once(e.sentence_span)
        .chain(next.map(|s| s.span))
        .any(|span| {
            let (start, end) = (
                folded.folded_offset(span.start),
                folded.folded_offset(span.end),
            );
            folded
                .text
                .get(start..end)
                .is_some_and(|s| v.intervention_cues.is_match(s))
        })
}

/// Gives protests met by the authorities their sub-event type (rule `type:intervention`).
pub fn protest_intervention(
    v: &Vocab,
    folded: &Folded,
    sentences: &[Sentence],
    merged: &mut [Built],
) {
    for b in merged.iter_mut() {
        let e = &mut b.event;
        if e.sub_event_type != SubEventType::PeacefulProtest
            || !met_with_force(v, folded, sentences, e)
        {
            continue;
        }
        e.sub_event_type = if e.casualties.killed.unwrap_or(0) > 0 {
            SubEventType::ExcessiveForceAgainstProtesters
        } else {
            SubEventType::ProtestWithIntervention
        };
        e.rule.push_str("+type:intervention");
    }
}
