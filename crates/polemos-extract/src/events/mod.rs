//! Assembling events: triggers typed by their lexicon entry and by their actors, with a place
//! and a fatality count.

mod roles;

use std::collections::BTreeMap;

use polemos_core::{ActorCategory, Event, ParsedDocument, SubEventType};

use crate::actors::ActorMatch;
use crate::casualties::Casualty;
use crate::fold::Folded;
use crate::gazetteer::PlaceMatch;
use crate::triggers::{TriggerLexicon, TriggerMatch, TriggerType};
use roles::assign_roles;

/// Everything found in a document that events are built from.
#[derive(Debug)]
pub struct Findings<'a> {
    pub parsed: &'a ParsedDocument,
    pub folded: &'a Folded,
    pub places: &'a [PlaceMatch],
    pub actors: &'a [ActorMatch],
    pub triggers: &'a [TriggerMatch],
    pub casualties: &'a [Casualty],
    /// The place of the dateline, used when no sentence names one.
    pub dateline_place: Option<&'a PlaceMatch>,
}

/// How many sentences back an event may borrow a place from.
const PLACE_LOOKBACK: u32 = 3;

/// Chooses the triggers of one sentence that become events: specific triggers absorb generic
/// ones ("an attack with barrel bombs" is one air strike), fallback triggers ("killed") count
/// only when nothing else does, and one event is kept per trigger type.
fn anchors<'t>(
    lexicon: &TriggerLexicon,
    in_sentence: &[&'t TriggerMatch],
) -> Vec<&'t TriggerMatch> {
    let entry = |t: &TriggerMatch| lexicon.get(t.trigger);
    let main: Vec<&TriggerMatch> = in_sentence
        .iter()
        .copied()
        .filter(|t| entry(t).is_some_and(|e| !e.fallback))
        .collect();
    let pool = if main.is_empty() {
        in_sentence.to_vec()
    } else {
        main
    };
    let specific: Vec<&TriggerMatch> = pool
        .iter()
        .copied()
        .filter(|t| entry(t).is_some_and(|e| !e.generic))
        .collect();
    let pool = if specific.is_empty() { pool } else { specific };
    let mut kept: Vec<&TriggerMatch> = Vec::new();
    for t in pool {
        let kind = entry(t).map(|e| e.sub_event_type);
        if !kept
            .iter()
            .any(|k| entry(k).map(|e| e.sub_event_type) == kind)
        {
            kept.push(t);
        }
    }
    kept
}

/// Builds the events of a document.
pub fn build_events(lexicon: &TriggerLexicon, f: &Findings<'_>) -> Vec<Event> {
    let mut by_sentence: BTreeMap<u32, Vec<&TriggerMatch>> = BTreeMap::new();
    for t in f.triggers {
        by_sentence.entry(t.sentence).or_default().push(t);
    }
    let mut events = Vec::new();
    for (sentence, triggers) in by_sentence {
        let Some(sent) = f.parsed.sentences.get(sentence as usize) else {
            continue;
        };
        let actors: Vec<&ActorMatch> = f.actors.iter().filter(|a| a.sentence == sentence).collect();
        let chosen = anchors(lexicon, &triggers);
        let sentence_range = (
            f.folded.folded_offset(sent.span.start),
            f.folded.folded_offset(sent.span.end),
        );
        let first_event = events.len();
        for t in &chosen {
            let Some(entry) = lexicon.get(t.trigger) else {
                continue;
            };
            let roles = assign_roles(f.folded, sentence_range, t, entry.pos, &actors);
            // "killed" alone makes an event only when someone did the killing.
            if entry.fallback && roles.actor1.is_none() {
                continue;
            }
            let sub_event_type = match entry.sub_event_type {
                TriggerType::Territory => match roles.actor1.as_ref().map(|a| a.category) {
                    Some(ActorCategory::StateForces | ActorCategory::ExternalForces) => {
                        SubEventType::GovernmentRegainsTerritory
                    }
                    _ => SubEventType::NonStateActorOvertakesTerritory,
                },
                TriggerType::Fixed(t) => {
                    let civilian_target = roles
                        .actor2
                        .as_ref()
                        .is_some_and(|a| a.category == ActorCategory::Civilians);
                    match entry.if_civilians {
                        Some(c) if civilian_target => c,
                        _ => t,
                    }
                }
            };
            let place = choose_place(f, sentence, t);
            events.push(Event {
                sentence,
                sentence_span: sent.span,
                trigger_span: t.span,
                sub_event_type,
                method: entry.method.clone(),
                cameo: entry.cameo.clone(),
                plover: entry.plover.clone(),
                actor1: roles.actor1,
                actor2: roles.actor2,
                location: place.map(|p| p.location.clone()),
                location_span: place.map(|p| p.span),
                fatalities: None,
                fatalities_span: None,
                rule: format!("{}+{}", entry.id, roles.rule),
            });
        }
        attach_fatalities(&mut events[first_event..], f.casualties, sentence);
    }
    events
}

/// The place of an event: the most precise place of its sentence (nearest the trigger among
/// equals), else the nearest earlier sentence's, else the dateline's.
fn choose_place<'a>(
    f: &'a Findings<'_>,
    sentence: u32,
    t: &TriggerMatch,
) -> Option<&'a PlaceMatch> {
    let distance = |p: &PlaceMatch| {
        if p.span.start >= t.span.end {
            p.span.start - t.span.end
        } else {
            t.span.start.saturating_sub(p.span.end)
        }
    };
    let best_in = |s: u32| {
        f.places
            .iter()
            .filter(|p| p.sentence == s)
            .min_by_key(|p| (p.location.precision, distance(p)))
    };
    best_in(sentence)
        .or_else(|| {
            (1..=PLACE_LOOKBACK.min(sentence))
                .map(|back| sentence - back)
                .find_map(best_in)
        })
        .or(f.dateline_place)
}

/// Adds each killed count of the sentence to the event whose trigger comes last before it (or
/// the first event when the count comes first); subsets ("including five children") are not
/// added again.
fn attach_fatalities(events: &mut [Event], casualties: &[Casualty], sentence: u32) {
    if events.is_empty() {
        return;
    }
    for c in casualties
        .iter()
        .filter(|c| c.sentence == sentence && !c.subset)
    {
        let target = events
            .iter()
            .rposition(|e| e.trigger_span.start <= c.span.start)
            .unwrap_or(0);
        let e = &mut events[target];
        e.fatalities = Some(e.fatalities.unwrap_or(0).saturating_add(c.count));
        e.fatalities_span = Some(match e.fatalities_span {
            Some(s) => s.cover(c.span),
            None => c.span,
        });
    }
}
