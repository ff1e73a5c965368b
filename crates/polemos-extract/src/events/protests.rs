//! Protests that turned violent or were met with force. A protest told with stones thrown,
//! tyres burned or property smashed (the lexicon's `violent_protest_cues`), in its sentence or
//! the next where that reports no event of its own, is ACLED's Violent demonstration. Else a protest told with tear gas, dispersal or
//! baton charges (`intervention_cues`) is a Protest with intervention, and one in which
//! protesters were killed is Excessive force against protesters. Arrests stay events of their
//! own: who was detained is what studies of repression count.

use polemos_core::{Event, Sentence, SubEventType};

use super::Built;
use crate::fold::Folded;
use crate::lexicon::{PhraseMatcher, Vocab};

/// Whether the sentence of `e`, or the one after it where `next_too`, holds one of `cues`.
fn told_with(
    cues: &PhraseMatcher,
    folded: &Folded,
    sentences: &[Sentence],
    e: &Event,
    next_too: bool,
) -> bool {
    let next = sentences.get(e.sentence as usize + 1).filter(|_| next_too);
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
                .is_some_and(|s| cues.is_match(s))
        })
}

/// Gives protests that turned violent (rule `type:violent-protest`) or were met by the
/// authorities (rule `type:intervention`) their sub-event type.
pub fn protest_intervention(
    v: &Vocab,
    folded: &Folded,
    sentences: &[Sentence],
    merged: &mut [Built],
) {
    let mut with_events: Vec<u32> = merged.iter().map(|b| b.event.sentence).collect();
    with_events.sort_unstable();
    for b in merged.iter_mut() {
        let e = &mut b.event;
        if e.sub_event_type != SubEventType::PeacefulProtest {
            continue;
        }
        // The sentence after tells of the crowd's deeds ("They burned police offices.") only
        // where it reports no event of its own ("The strikes damaged a mosque.").
        let next_free = with_events.binary_search(&(e.sentence + 1)).is_err();
        if told_with(&v.violent_protest_cues, folded, sentences, e, next_free) {
            e.sub_event_type = SubEventType::ViolentDemonstration;
            e.rule.push_str("+type:violent-protest");
            continue;
        }
        if !told_with(&v.intervention_cues, folded, sentences, e, true) {
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
