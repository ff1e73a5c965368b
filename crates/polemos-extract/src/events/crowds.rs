//! Crowd violence: a clash or an attack done by or between people the text names only as a
//! crowd ("supporters of two candidates clashed", "a mob beat a man", "students attacked a
//! police post"), with no armed group among its sides, is what ACLED codes as a riot: a violent
//! demonstration where the crowd was demonstrating, mob violence otherwise. The codebook's
//! actors then make the rioters its first actor (see `codebook`).

use polemos_core::{ActorCategory, ActorRef, Event, EventType, Span, SubEventType};

use super::grievance::Protests;
use super::{drop_at, names_source, Built, CIVILIANS};
use crate::by_sentence::Grouped;
use crate::dates::DateMention;
use crate::fold::Folded;
use crate::lexicon::Vocab;

/// Whether an actor is an organised armed side (a rebel group, a militia, foreign forces): one
/// of them among an event's sides makes it no riot. A state's forces may meet a crowd.
fn armed_group(a: &ActorRef) -> bool {
    matches!(
        a.category,
        ActorCategory::RebelGroup
            | ActorCategory::PoliticalMilitia
            | ActorCategory::IdentityMilitia
            | ActorCategory::ExternalForces
    )
}

/// The folded words of `e`'s sentence that may name its agents: none inside its second actor,
/// its counted dead ("three students were killed" tells of victims, not of a crowd) or the
/// source reporting it ("activists said"). A clash has no victim side: its second actor ("a
/// clash between the residents of two villages", "police clashed with students") fought.
fn agent_words<'a>(folded: &'a Folded, e: &'a Event) -> impl Iterator<Item = (&'a str, Span)> + 'a {
    let start = folded.folded_offset(e.sentence_span.start);
    let end = folded.folded_offset(e.sentence_span.end);
    // Nor has destruction: "villagers ransacked the clinic" names its doers.
    let fought = matches!(
        e.sub_event_type,
        SubEventType::ArmedClash | SubEventType::LootingPropertyDestruction
    );
    let victims = [
        e.actor2.as_ref().filter(|_| !fought).map(|a| a.span),
        e.casualties.span,
        e.attribution.as_ref().map(|a| a.span),
    ];
    folded
        .words_iter(start, end)
        .map(|w| (w.text, folded.original_span(w.start, w.end)))
        .filter(move |&(_, at)| !victims.iter().flatten().any(|v| v.overlaps(at)))
}

/// Retypes the clashes and attacks of sentences naming a crowd, with no armed group among the
/// event's sides, no weapon named and, for a clash, no word saying its sides bore arms, as riots
/// (rule `type:crowd`). A protest reported in the same sentence as a violent demonstration is
/// that demonstration ("demonstrators clashed with police during a protest"): its triggers and
/// evidence join it.
pub fn crowd_violence(v: &Vocab, folded: &Folded, dates: Dates<'_>, merged: &mut Vec<Built>) {
    let protests = Protests::of(merged.iter().map(|b| &b.event));
    for b in merged.iter_mut() {
        // "marched against the attacks on churches": the protest's grievance, not its violence.
        if !protests.names_grievance(v, folded, &b.event) {
            retype_crowd_violence(v, folded, dates, &mut b.event);
        }
    }
    let demonstrations: Vec<(usize, u32)> = merged
        .iter()
        .enumerate()
        .filter(|(_, b)| b.event.sub_event_type == SubEventType::ViolentDemonstration)
        .map(|(i, b)| (i, b.event.sentence))
        .collect();
    if demonstrations.is_empty() {
        return;
    }
    // (protest, the violent demonstration of its sentence), by index into `merged`.
    let joins: Vec<(usize, usize)> = merged
        .iter()
        .enumerate()
        .filter(|(_, b)| b.event.event_type() == EventType::Protests)
        .filter_map(|(i, b)| {
            let (d, _) = demonstrations
                .iter()
                .find(|&&(_, s)| s == b.event.sentence)?;
            Some((i, *d))
        })
        .collect();
    for &(protest, demonstration) in &joins {
        let Some(p) = merged.get_mut(protest) else {
            continue;
        };
        let triggers = std::mem::take(&mut p.triggers);
        let evidence = std::mem::take(&mut p.event.evidence);
        let Some(target) = merged.get_mut(demonstration) else {
            continue;
        };
        target.triggers.extend(triggers);
        target.event.evidence.extend(evidence);
        target.event.evidence.sort_unstable();
        target.event.evidence.dedup();
    }
    drop_at(merged, |i| joins.iter().any(|&(protest, _)| protest == i));
}

/// Retypes one event as a riot if a crowd did it.
fn retype_crowd_violence(v: &Vocab, folded: &Folded, dates: Dates<'_>, e: &mut Event) {
    let state = |a: &Option<ActorRef>| {
        a.as_ref()
            .is_some_and(|a| a.category == ActorCategory::StateForces)
    };
    // Destruction by a crowd ("rioters set fire to a bus", "villagers vandalised the church")
    // is a riot too; its method says what was done, not with what weapon.
    let destruction = e.sub_event_type == SubEventType::LootingPropertyDestruction;
    if !(destruction
        || matches!(
            e.sub_event_type,
            SubEventType::ArmedClash | SubEventType::Attack
        ) && e.method.is_none())
    {
        return;
    }
    let clash = e.sub_event_type == SubEventType::ArmedClash;
    // A state's forces as the agent of an attack ("police shot dead two men as a mob gathered")
    // did the violence themselves; in a clash ("police and protesters clashed") either side
    // may be named first.
    if (!clash && state(&e.actor1)) || e.actor1.iter().chain(&e.actor2).any(armed_group) {
        return;
    }
    let (crowd, demonstrating) = crowd_words(v, folded, dates, e);
    // A side named as rioters (a party's members fighting the state's forces) is a crowd.
    let rioters = e
        .actor1
        .iter()
        .chain(&e.actor2)
        .any(|a| a.category == ActorCategory::Rioters);
    // Fighting during a demonstration ("clashes broke out during the march") is the
    // demonstration's, whoever is named.
    if !(crowd || demonstrating || rioters) {
        return;
    }
    // Arms borne by the sides of a clash with no state among them make them militias; a
    // state's forces bear arms anyway.
    let state_side = state(&e.actor1) || state(&e.actor2);
    if clash && !state_side && armed_cue(v, folded, e.sentence_span) {
        return;
    }
    // An attack was typed so because its victims were unarmed: a crowd's victims are
    // civilians, the riot's second side, as ACLED codes them ("villagers beat a thief").
    let unarmed_victims = e.sub_event_type == SubEventType::Attack;
    e.sub_event_type = if demonstrating {
        SubEventType::ViolentDemonstration
    } else {
        SubEventType::MobViolence
    };
    e.rule.push_str("+type:crowd");
    if unarmed_victims && e.actor2.is_none() {
        e.actor2 = Some(ActorRef {
            name: CIVILIANS.to_string(),
            category: ActorCategory::Civilians,
            country: None,
            span: e.casualties.span.unwrap_or(e.trigger_span),
        });
        e.rule.push_str("+actor2:victims");
    }
}

/// A document's dates and their grouping by sentence ([`crate::by_sentence::SentenceIndex`]).
pub type Dates<'a> = (&'a [DateMention], &'a Grouped);

/// Whether the sentence at `span` tells that the sides of its fighting bore arms ("an armed
/// clash between two groups of villagers"): armed members of a community or a party fighting
/// are its militias, as ACLED codes them.
pub(super) fn armed_cue(v: &Vocab, folded: &Folded, span: Span) -> bool {
    let start = folded.folded_offset(span.start);
    let end = folded.folded_offset(span.end);
    folded
        .words_iter(start, end)
        .any(|w| v.armed_crowd_cues.contains(w.text))
}

/// Whether `e`'s sentence names a crowd among its agents, and whether it tells of demonstrating
/// (in words outside its dates: "19 March" is no march).
fn crowd_words(
    v: &Vocab,
    folded: &Folded,
    (dates, by_sentence): Dates<'_>,
    e: &Event,
) -> (bool, bool) {
    let mut crowd = false;
    let mut demonstrating = false;
    let in_date = |at: Span| {
        by_sentence
            .of(dates, e.sentence)
            .any(|d| d.span.overlaps(at))
    };
    let mut words = agent_words(folded, e).peekable();
    while let Some((w, at)) = words.next() {
        // "residents said": a crowd telling of the violence, not doing it.
        crowd |= v.crowd_nouns.contains(w) && !names_source(v, words.peek().map(|&(w, _)| w));
        demonstrating |= v.demonstration_words.contains(w) && !in_date(at);
    }
    (crowd, demonstrating)
}
