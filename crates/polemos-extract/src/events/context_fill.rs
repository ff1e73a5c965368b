//! Filling what a report leaves out from the rest of its article, as a human coder would: an
//! event with no place named nearby happened where the article is about, and an air strike with
//! no agent named was carried out by whoever the same paragraph says carries out its air
//! strikes. Before filling, an air strike whose agent has no aircraft is set right.
//!
//! Filled or corrected fields are marked in the event's rule (`+place:document`,
//! `+actor1:document`, `+air:document` for a blast retyped as an air strike once its agent is
//! known, `+agent:no-aircraft`, `+ground:agent`), and filled places get geo-precision 3: the
//! article, not the sentence, says where.

use std::collections::HashMap;

use polemos_core::{
    ActorCategory, ActorRef, Event, GeoPrecision, Modality, PlaceKind, Span, SubEventType,
};

use crate::fold::fold_key;
use crate::gazetteer::PlaceMatch;
use crate::lexicon::Vocab;

/// The place an article names most often in its country (the earliest among equals).
fn main_place<'a>(places: &'a [PlaceMatch], country: Option<&str>) -> Option<&'a PlaceMatch> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        if country.is_some_and(|c| p.location.country != c)
            || p.location.feature == PlaceKind::Country
        {
            continue;
        }
        let entry = counts.entry(p.location.name.as_str()).or_insert((0, i));
        entry.0 += 1;
    }
    counts
        .values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .and_then(|(_, first)| places.get(*first))
}

/// How many sentences from a report an agent may be taken from: about a paragraph. Articles
/// that say who flew the strikes on one town often leave the strikes they recount further on
/// unattributed ("it was not clear who carried out the strikes").
const AGENT_REACH: u32 = 2;

/// How far before and after a report's sentence (in bytes) the article may say it does not
/// know who flew the strike: about the paragraph.
const UNKNOWN_AGENT_BEFORE: usize = 400;
const UNKNOWN_AGENT_AFTER: usize = 800;

/// Whether the text around `sentence` holds one of the `unknown_agent_cues`: an article that
/// says it does not know who flew its air strikes ("it was not clear who carried out the Idlib
/// strikes", "unidentified warplanes") leaves an unattributed air strike of the same paragraph
/// so, rather than giving it the agent of strikes it recounts nearby.
fn says_agent_unknown(v: &Vocab, text: &str, sentence: Span) -> bool {
    let mut start = sentence.start.saturating_sub(UNKNOWN_AGENT_BEFORE);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (sentence.end + UNKNOWN_AGENT_AFTER).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    v.unknown_agent_cues.is_match(&text[start..end])
}

/// How many sentences apart two events are reported, by their nearest reports.
fn sentences_apart(a: &Event, b: &Event) -> u32 {
    let reports = |e: &Event| -> Vec<u32> {
        let mut s = e.evidence.clone();
        s.push(e.sentence);
        s
    };
    let (ra, rb) = (reports(a), reports(b));
    ra.iter()
        .flat_map(|x| rb.iter().map(move |y| x.abs_diff(*y)))
        .min()
        .unwrap_or(u32::MAX)
}

/// The agent most events of this sub-event type (else of this event type) reported within
/// [`AGENT_REACH`] sentences have. Air strikes are only ever filled with forces that have
/// aircraft, a state's: the rebels who fired the rockets of one paragraph did not fly the air
/// strikes of the next. Events the text only supposes lend no agent: "a move that could
/// avert possible US strikes" says nothing of who made the attack reported next.
fn usual_agent(events: &[Event], like: &Event) -> Option<ActorRef> {
    let can_do = |a: &ActorRef| like.sub_event_type != SubEventType::AirDroneStrike || flies(a);
    let pick = |same: &dyn Fn(&Event) -> bool| {
        let mut counts: HashMap<&str, (usize, &ActorRef)> = HashMap::new();
        for e in events.iter().filter(|e| {
            same(e)
                && sentences_apart(e, like) <= AGENT_REACH
                && e.modality != Modality::Hypothetical
        }) {
            if let Some(a) = e.actor1.as_ref().filter(|a| can_do(a)) {
                counts.entry(a.name.as_str()).or_insert((0, a)).0 += 1;
            }
        }
        counts
            .into_values()
            .max_by_key(|(n, a)| (*n, std::cmp::Reverse(a.span.start)))
            .map(|(_, a)| a.clone())
    };
    pick(&|e: &Event| e.sub_event_type == like.sub_event_type)
        .or_else(|| pick(&|e: &Event| e.event_type() == like.event_type()))
}

/// "The bombing on Idlib" in an article whose bombs a state's forces drop: once the agent is
/// known to be a state's, a generic blast is an air strike, as it is when the sentence names
/// the state ("regime bombing of Aleppo").
fn bombing_from_the_air(e: &mut Event) {
    let state = e.actor1.as_ref().is_some_and(|a| {
        matches!(
            a.category,
            ActorCategory::StateForces | ActorCategory::ExternalForces
        )
    });
    if state
        && e.sub_event_type == SubEventType::RemoteExplosive
        && e.rule.starts_with("explosion.")
    {
        e.sub_event_type = SubEventType::AirDroneStrike;
        e.method = Some("air strike".to_string());
        e.cameo = Some("195".to_string());
        e.rule.push_str("+air:document");
    }
}

/// Whether an actor has aircraft to fly air strikes with: a state's forces.
fn flies(a: &ActorRef) -> bool {
    matches!(
        a.category,
        ActorCategory::StateForces | ActorCategory::ExternalForces
    )
}

/// An air strike whose agent, as the roles read it, has no aircraft ("Jaish al-Fatah pounded
/// by 56 airstrikes", "the sorties killed 17 terrorists") names that group as the target: the
/// agent is left for the article to say (a target named already stays). Marked
/// `+agent:no-aircraft`. But a group that "bombed" a place did bomb it, from the ground: that
/// is shelling (`+ground:agent`).
fn no_air_strike_without_aircraft(text: &str, e: &mut Event) {
    if e.sub_event_type != SubEventType::AirDroneStrike || e.actor1.as_ref().is_none_or(flies) {
        return;
    }
    if fold_key(e.trigger_span.slice(text)) == "bombed" {
        e.sub_event_type = SubEventType::ShellingArtilleryMissileAttack;
        e.method = Some("shelling".to_string());
        e.cameo = Some("194".to_string());
        e.rule.push_str("+ground:agent");
        return;
    }
    let grounded = e.actor1.take();
    if e.actor2.is_none() {
        e.actor2 = grounded;
    }
    e.rule.push_str("+agent:no-aircraft");
}

/// Fills missing places and agents from the article `text`.
pub fn fill_from_document(
    v: &Vocab,
    text: &str,
    events: &mut [Event],
    places: &[PlaceMatch],
    country: Option<&str>,
) {
    for e in events.iter_mut() {
        no_air_strike_without_aircraft(text, e);
    }
    let main = main_place(places, country);
    let agents: Vec<Option<ActorRef>> = events
        .iter()
        .map(|e| {
            let left_unknown = e.actor1.is_none()
                && e.sub_event_type == SubEventType::AirDroneStrike
                && says_agent_unknown(v, text, e.sentence_span);
            if e.actor1.is_none() && !left_unknown {
                usual_agent(events, e)
            } else {
                None
            }
        })
        .collect();
    for (e, agent) in events.iter_mut().zip(agents) {
        if let Some(agent) = agent {
            if e.actor2.as_ref().is_none_or(|t| t.name != agent.name) {
                e.actor1 = Some(agent);
                e.rule.push_str("+actor1:document");
                bombing_from_the_air(e);
                super::settle_territory_type(e);
            }
        }
        // A place only as wide as a country ("in northern Syria") is narrowed to the article's
        // main place in that country; a place outside the article's country, or none, to its
        // main place.
        let (fill, within) = match &e.location {
            None => (true, None),
            Some(l) if l.feature == PlaceKind::Country => (true, Some(l.country.as_str())),
            Some(l) => (country.is_some_and(|c| l.country != c), None),
        };
        let chosen = within.map_or(main, |c| main_place(places, Some(c)));
        if fill {
            if let Some(p) = chosen {
                let mut location = p.event_location();
                location.precision = GeoPrecision::Region;
                e.location = Some(location);
                e.location_span = Some(p.span);
                e.rule.push_str("+place:document");
            }
        }
    }
}
