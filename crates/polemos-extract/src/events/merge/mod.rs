//! Merging repeated reports of one event in a document, and choosing its lead event.
//!
//! Two reports are one event when, as in ACLED's definition, they share the sub-event type, the
//! place, the date and the actors: where one report leaves a field empty it is compatible with
//! any value. The merged event keeps the most detailed report as its anchor and takes from the
//! others what it lacks.

mod absorb;
mod fold;
mod lead;
mod same;

use polemos_core::{Event, EventType, SubEventType};

pub(crate) use self::absorb::absorb;
use self::fold::{fold_claims, fold_generic_openings};
pub use self::lead::choose_lead;
use self::same::same_event;
pub(crate) use self::same::{compatible_dates, days_overlap, km_between, CITY_RADIUS_KM};
use super::Built;
use crate::lexicon::Vocab;

/// How much a report says, to pick the anchor of a merged event: body sentences over the
/// headline, then actors, place and casualties given.
fn detail(e: &Event, headline: Option<u32>) -> (bool, usize) {
    let given = [
        e.actor1.is_some(),
        e.actor2.is_some(),
        e.location.is_some(),
        e.casualties.killed.is_some(),
        e.date.span.is_some(),
    ];
    (
        Some(e.sentence) != headline,
        given.iter().filter(|g| **g).count(),
    )
}

/// Merges reports of the same event; returns the events and, for each, the trigger mentions
/// reporting it. `headline` is the index of the headline sentence, if the document has one.
pub fn merge_reports(
    v: &Vocab,
    text: &str,
    built: Vec<Built>,
    headline: Option<u32>,
) -> Vec<Built> {
    let built = fold_claims(v, text, built);
    let mut merged: Vec<Built> = Vec::with_capacity(built.len());
    for report in built {
        match merged
            .iter_mut()
            .find(|m| same_event(v, text, &m.event, &report.event))
        {
            Some(m) => {
                let mut report = report;
                if detail(&report.event, headline) > detail(&m.event, headline) {
                    std::mem::swap(&mut m.event, &mut report.event);
                }
                m.triggers.extend(report.triggers);
                // A generic report merged with a specific one says how it was done.
                m.generic &= report.generic;
                absorb(&mut m.event, report.event);
            }
            None => merged.push(report),
        }
    }
    fold_generic_openings(text, &mut merged, headline);
    merged.sort_by_key(|m| (m.event.sentence, m.event.trigger_span.start));
    merged
}

/// Whether an event is political violence (ACLED's battles, explosions and violence against
/// civilians), which news of war leads with, rather than a development such as a truce.
fn is_violent(e: &Event) -> bool {
    is_violent_type(e.sub_event_type)
}

pub fn is_violent_type(kind: SubEventType) -> bool {
    matches!(
        kind.event_type(),
        EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians
    )
}

/// Whether a generic report ("attack", "blast", "killed") can be a rewording of a specific one:
/// violence only as violence ("a blast hit buses waiting under an evacuation deal" is no
/// agreement), an explosion only as remote violence (a bomb blast is not a gun battle), and an
/// attack that killed civilians not as a battle ("civilians dead in rebel assault" is the
/// rebels' shelling of the city, not their push through government lines). Destruction is
/// part of any violence ("air strikes destroyed two depots").
pub fn generic_fits(specific: SubEventType, generic: SubEventType) -> bool {
    // "Air strikes destroyed two depots", "gunmen attacked the village and burned houses":
    // what violence destroyed is part of it.
    if generic == SubEventType::LootingPropertyDestruction {
        return is_violent_type(specific);
    }
    let only = |kind: EventType, allowed: &[EventType]| {
        generic.event_type() != kind || allowed.contains(&specific.event_type())
    };
    is_violent_type(specific)
        && is_violent_type(generic)
        && only(
            EventType::ExplosionsRemoteViolence,
            &[EventType::ExplosionsRemoteViolence],
        )
        && only(
            EventType::ViolenceAgainstCivilians,
            &[
                EventType::ViolenceAgainstCivilians,
                EventType::ExplosionsRemoteViolence,
            ],
        )
}

/// The first sentence that reports an event.
fn first_evidence(e: &Event) -> u32 {
    e.evidence.first().copied().unwrap_or(e.sentence)
}

/// How many body sentences count as the article's opening.
const OPENING: u32 = 3;

fn country_of(e: &Event) -> Option<&str> {
    e.location.as_ref().map(|l| l.country.as_str())
}
