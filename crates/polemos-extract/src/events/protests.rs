//! Protests that turned violent or were met with force. A protest told with stones thrown,
//! tyres burned or property smashed (the lexicon's `violent_protest_cues`), in its sentence or
//! the next where that reports no event of its own, is ACLED's Violent demonstration. Else a
//! protest told with tear gas, dispersal or baton charges (`intervention_cues`), or with
//! arrests, is a Protest with intervention, and one in which protesters were killed is
//! Excessive force against protesters. Arrests stay events of their own: who was detained is
//! what studies of repression count.

use polemos_core::{ActorCategory, Event, EventType, Modality, Sentence, SubEventType};

use super::grievance::{told_as_grievance, Protests};
use super::merge::{absorb, compatible_dates, days_overlap};
use super::{names_source, Built};
use crate::by_sentence::Grouped;
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
    text: &str,
    folded: &Folded,
    sentences: &[Sentence],
    merged: &mut Vec<Built>,
) {
    force_at_protests(v, text, folded, merged);
    let of_events: Vec<u32> = merged.iter().map(|b| b.event.sentence).collect();
    let by_sentence = Grouped::new(&of_events);
    for b in merged.iter_mut() {
        let e = &mut b.event;
        if e.sub_event_type != SubEventType::PeacefulProtest {
            continue;
        }
        // The sentence after tells of the crowd's deeds ("They burned police offices.") only
        // where it reports no event of its own ("The strikes damaged a mosque.").
        let next_free = by_sentence.positions(e.sentence + 1).next().is_none();
        if told_with(&v.violent_protest_cues, folded, sentences, e, next_free) {
            e.sub_event_type = SubEventType::ViolentDemonstration;
            e.rule.push_str("+type:violent-protest");
            continue;
        }
        if !told_with(&v.intervention_cues, folded, sentences, e, true) {
            continue;
        }
        met_with_force(v, folded, e);
    }
    arrests_at_protests(v, folded, &by_sentence, merged);
}

/// Whether `e` is violence the state's forces did (a clash, an attack, a shooting, a blast),
/// told as having happened.
fn states_violence(e: &Event) -> bool {
    e.modality == Modality::Asserted
        && e.actor1
            .as_ref()
            .is_some_and(|a| a.category == ActorCategory::StateForces)
        && matches!(
            e.event_type(),
            EventType::Battles
                | EventType::ViolenceAgainstCivilians
                | EventType::ExplosionsRemoteViolence
        )
}

/// Violence of the state's forces told in a protest's sentence ("police opened fire on
/// students marching in the capital, killing two", "Police shot two people during protests in
/// Kisumu"), or against the crowd in the sentence after, is their force against the protest,
/// as ACLED codes it: the protest absorbs it, its dead, its reports and the forces as the side
/// that met it, and a peaceful protest becomes one met with force, excessive force where
/// people were killed (rule `type:force-at-protest`). Not the violence the protest is about
/// ("marched against the killing of a student by police").
fn force_at_protests(v: &Vocab, text: &str, folded: &Folded, merged: &mut Vec<Built>) {
    let protests = Protests::of(merged.iter().map(|b| &b.event));
    let of_events: Vec<u32> = merged.iter().map(|b| b.event.sentence).collect();
    let by_sentence = Grouped::new(&of_events);
    let protest_in = |s: u32| protest_in(merged, &by_sentence, s);
    // (violence, protest), by index into `merged`.
    let pairs: Vec<(usize, usize)> = merged
        .iter()
        .enumerate()
        .filter(|(_, b)| states_violence(&b.event))
        .filter(|(_, b)| !protests.names_grievance(v, folded, &b.event))
        .filter_map(|(i, b)| {
            let s = b.event.sentence;
            // In the sentence after, only violence against the crowd ("Police fired on the
            // demonstrators"), not whatever the next sentence reports ("... began with protests
            // against Assad. Government air strikes hit Mayadin.").
            let at_crowd = || names_crowd(v, folded, &b.event);
            let protest =
                protest_in(s).or_else(|| protest_in(s.checked_sub(1)?).filter(|_| at_crowd()))?;
            // At the protest, not in a war it recalls ("the conflict, which began in 2011 with
            // protests").
            let p = &merged.get(protest)?.event;
            // On the protest's days, whether the text dates them or they take the
            // publication's; undated, told by the same date expression or by none.
            days_overlap(p, &b.event)
                .unwrap_or_else(|| compatible_dates(text, p, &b.event))
                .then_some((i, protest))
        })
        .collect();
    if pairs.is_empty() {
        return;
    }
    // Each violence joins its protest and leaves the list: taken, not copied (the two are of
    // different event types, so no event is both).
    let mut slots: Vec<Option<Built>> = std::mem::take(merged).into_iter().map(Some).collect();
    for &(violence, protest) in &pairs {
        let Some(force) = slots.get_mut(violence).and_then(Option::take) else {
            continue;
        };
        let Some(p) = slots.get_mut(protest).and_then(Option::as_mut) else {
            continue;
        };
        absorb(&mut p.event, force.event);
        p.triggers.extend(force.triggers);
        if p.event.sub_event_type == SubEventType::PeacefulProtest {
            met_with_force(v, folded, &mut p.event);
        }
        p.event.rule.push_str("+type:force-at-protest");
    }
    merged.extend(slots.into_iter().flatten());
}

/// Whether the sentence of `e` names a crowd or its demonstrating (the lexicon's
/// `crowd_nouns` and `demonstration_words`) after its trigger, where its target stands:
/// "fired on the demonstrators"; not "activists accuse the government of using chemical
/// weapons".
fn names_crowd(v: &Vocab, folded: &Folded, e: &Event) -> bool {
    let start = folded.folded_offset(e.trigger_span.start);
    let end = folded.folded_offset(e.sentence_span.end);
    let words: Vec<&str> = folded.words_iter(start, end).map(|w| w.text).collect();
    words.iter().enumerate().any(|(i, w)| {
        v.demonstration_words.contains(w)
            // "residents said": a crowd telling of it, not met by it.
            || (v.crowd_nouns.contains(w) && !names_source(v, words.get(i + 1).copied()))
    })
}

/// Makes a peaceful protest one met with force: excessive force where protesters were killed,
/// not where the dead it counts are what it was about ("police fired tear gas at students
/// marching against the killing of a classmate").
fn met_with_force(v: &Vocab, folded: &Folded, e: &mut Event) {
    let grievance = e
        .casualties
        .span
        .is_some_and(|at| told_as_grievance(v, folded, e, at));
    e.sub_event_type = if e.casualties.killed.unwrap_or(0) > 0 && !grievance {
        SubEventType::ExcessiveForceAgainstProtesters
    } else {
        SubEventType::ProtestWithIntervention
    };
    e.rule.push_str("+type:intervention");
}

/// The first protest (one turned violent included) of sentence `s`, by index into `merged`,
/// whose events' sentences `by_sentence` groups.
fn protest_in(merged: &[Built], by_sentence: &Grouped, s: u32) -> Option<usize> {
    by_sentence.positions(s).find(|&i| {
        merged.get(i).is_some_and(|b| {
            b.event.event_type() == EventType::Protests
                || b.event.sub_event_type == SubEventType::ViolentDemonstration
        })
    })
}

/// The rule an arrest told with a protest carries; such an arrest does not lead.
pub const ARREST_AT_PROTEST: &str = "+arrest:at-protest";

/// Arrests told in a protest's sentence or the next ("Police dispersed the march and arrested
/// 12 students") are the authorities' intervention in it, as ACLED codes them: a peaceful
/// protest becomes a protest with intervention, and the arrests (rule `arrest:at-protest`)
/// stay events of their own, for who was detained is what studies of repression count, but do
/// not lead. Arrests the protest is about ("demanding the release of detained activists") are
/// left as they are.
fn arrests_at_protests(v: &Vocab, folded: &Folded, by_sentence: &Grouped, merged: &mut [Built]) {
    let protests = Protests::of(merged.iter().map(|b| &b.event));
    let protest_in = |s: u32| protest_in(merged, by_sentence, s);
    // (arrests, protest), by index into `merged`: the protest of the arrests' sentence, else of
    // the one before.
    let pairs: Vec<(usize, usize)> = merged
        .iter()
        .enumerate()
        .filter(|(_, b)| b.event.sub_event_type == SubEventType::Arrests)
        .filter(|(_, b)| !protests.names_grievance(v, folded, &b.event))
        .filter_map(|(i, b)| {
            let s = b.event.sentence;
            let protest = protest_in(s).or_else(|| protest_in(s.checked_sub(1)?))?;
            Some((i, protest))
        })
        .collect();
    for (arrests, protest) in pairs {
        let Some(a) = merged.get_mut(arrests) else {
            continue;
        };
        a.event.rule.push_str(ARREST_AT_PROTEST);
        let sentence = a.event.sentence;
        let Some(p) = merged.get_mut(protest) else {
            continue;
        };
        if let Err(at) = p.event.evidence.binary_search(&sentence) {
            p.event.evidence.insert(at, sentence);
        }
        if p.event.sub_event_type == SubEventType::PeacefulProtest {
            met_with_force(v, folded, &mut p.event);
        }
    }
}
