//! Whether two reports are one event: as in ACLED's definition, they share the sub-event type,
//! the place, the date and the actors, where a report that leaves a field empty is compatible
//! with any value; reports told as another of their kind, or recalling earlier ones, stay
//! apart.

use polemos_core::{
    ActorCategory, ActorRef, Certainty, Event, EventType, GeoPrecision, Location, PlaceKind,
};

use super::{country_of, first_evidence};
use crate::fold::fold_key;
use crate::lexicon::{Vocab, WordList};

pub(super) fn compatible<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

pub(super) fn same_event(v: &Vocab, text: &str, a: &Event, b: &Event) -> bool {
    a.sub_event_type == b.sub_event_type
        && (same_circumstances(text, a, b) || same_agent_in_country(text, a, b))
        && (near(a, b) || agree_on_something(a, b))
        && !(told_as_another(v, text, b) && places_differ(a, b))
        && recalled(v, text, a) == recalled(v, text, b)
}

fn places_differ(a: &Event, b: &Event) -> bool {
    match (&a.location, &b.location) {
        (Some(x), Some(y)) => x.name != y.name,
        _ => false,
    }
}

fn same_place_name(a: &Event, b: &Event) -> bool {
    match (&a.location, &b.location) {
        (Some(x), Some(y)) => x.name == y.name,
        _ => false,
    }
}

/// How many words before the trigger such a cue may stand.
const ANOTHER_REACH: usize = 3;

/// Whether a report recalls earlier events rather than tells the news.
fn recalled(v: &Vocab, text: &str, e: &Event) -> bool {
    cue_before_trigger(text, e, &v.recall_cues)
}

/// Whether one of `cues` stands among the few words of a report's sentence right before its
/// trigger. Read on the original text without folding: this runs for pairs of reports.
fn cue_before_trigger(text: &str, e: &Event, cues: &WordList) -> bool {
    let end = e.trigger_span.start.min(text.len());
    let start = e.sentence_span.start.min(end);
    text.get(start..end)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(ANOTHER_REACH)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| cues.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// Whether a report tells its event as another one of its kind, so that it is no repeat of an
/// earlier report that names another place ("five children were also killed in the raids on
/// Idlib" still is one).
fn told_as_another(v: &Vocab, text: &str, e: &Event) -> bool {
    cue_before_trigger(text, e, &v.another_cues)
}

/// How many sentences apart two reports may be and still be taken as one event on their
/// silence alone.
const NEAR_SENTENCES: u32 = 4;

fn near(a: &Event, b: &Event) -> bool {
    let last = |e: &Event| e.evidence.iter().copied().max().unwrap_or(e.sentence);
    let (first_a, first_b) = (first_evidence(a), first_evidence(b));
    first_b.saturating_sub(last(a)) <= NEAR_SENTENCES
        && first_a.saturating_sub(last(b)) <= NEAR_SENTENCES
}

/// Whether two reports say the same of something: the place, the day or the agent. Reports far
/// apart in an article that only do not contradict each other are often two events of one
/// kind: "an air strike on Saturday killed a woman in Khan Sheikhun" and, paragraphs later,
/// "the coalition has also carried out rare strikes in the province".
fn agree_on_something(a: &Event, b: &Event) -> bool {
    let same_place = same_place_name(a, b);
    // Dates the reports themselves give, not ones borrowed from their context.
    let dated = |e: &Event| e.date.span.is_some() && e.date.start.is_some();
    let same_day = dated(a) && dated(b) && a.date.start == b.date.start;
    let same_agent = a.actor1.is_some() && a.actor1 == b.actor1;
    same_place || same_day || same_agent
}

/// Whether two nearby reports of remote violence by one named agent differ only in that one places the event in
/// the country and the other in a town of it: "air strikes carried out by the United States in
/// northwestern Syria killed 11 civilians" and, two sentences on, "US aircraft hit a residential
/// building in the city of Idlib".
fn same_agent_in_country(text: &str, a: &Event, b: &Event) -> bool {
    // Strikes and shelling only: "attacks" and "clashes" by one agent in one country are too
    // often several.
    let remote = a.event_type() == EventType::ExplosionsRemoteViolence;
    let same_agent = a.actor1.is_some() && actor_names_equal(&a.actor1, &b.actor1);
    if !(remote && same_agent && near(a, b) && compatible(country_of(a), country_of(b))) {
        return false;
    }
    let in_country = |e: &Event| {
        e.location
            .as_ref()
            .is_some_and(|l| l.feature == PlaceKind::Country)
    };
    let unplaced = |e: &Event| Event {
        location: None,
        ..e.clone()
    };
    match (in_country(a), in_country(b)) {
        (true, false) => same_circumstances(text, &unplaced(a), b),
        (false, true) => same_circumstances(text, a, &unplaced(b)),
        _ => false,
    }
}

pub(super) fn actor_names_equal(x: &Option<ActorRef>, y: &Option<ActorRef>) -> bool {
    match (x, y) {
        (Some(x), Some(y)) => x.name == y.name,
        _ => false,
    }
}

/// Whether two reports agree on everything but their type: actors, place, date, modality and
/// denial. A denied report stays apart from reports that are not denied: "air strikes on
/// Aleppo" and "claims that Russian jets took part, which the Kremlin denied" are two rows, so
/// a researcher can drop the denied one.
pub(super) fn same_circumstances(text: &str, a: &Event, b: &Event) -> bool {
    let places = compatible_places(a, b);
    let dates = compatible_dates(text, a, b);
    let denied = |e: &Event| e.certainty == Certainty::Denied;
    a.modality == b.modality && denied(a) == denied(b) && compatible_sides(a, b) && places && dates
}

/// Whether the actors of two reports agree. A battle has two sides and no direction: "rebels
/// clashed with the army" and "soldiers were killed in fighting with rebels" name one battle
/// with the sides in either order.
fn compatible_sides(a: &Event, b: &Event) -> bool {
    let battle = |e: &Event| e.event_type() == EventType::Battles;
    (same_side(&a.actor1, &b.actor1) && same_side(&a.actor2, &b.actor2))
        || (battle(a)
            && battle(b)
            && same_side(&a.actor1, &b.actor2)
            && same_side(&a.actor2, &b.actor1))
}

/// The actor that generic words ("gunmen", "extremists") stand for when the article names no
/// group near them: the fallback name of their row in `data/actors/actors.tsv`.
const UNIDENTIFIED: &str = "Unidentified armed group";

/// Whether an actor is the unidentified armed group, which a report naming the group refines.
pub(super) fn unidentified(x: &ActorRef) -> bool {
    x.name == UNIDENTIFIED
}

/// Whether a non-state group could be who the text calls only "extremists" or "gunmen".
pub(super) fn could_be_unidentified(x: &ActorRef) -> bool {
    !matches!(
        x.category,
        ActorCategory::StateForces | ActorCategory::ExternalForces | ActorCategory::Civilians
    )
}

/// Whether two reports' actors in one role can be the same: the same name, one left unnamed,
/// or "extremists" in one and the group named in the other ("Extremists admit killing 30" and
/// "Al-Nusra claimed responsibility for the attacks").
pub(super) fn same_side(x: &Option<ActorRef>, y: &Option<ActorRef>) -> bool {
    match (x, y) {
        (Some(x), Some(y)) => {
            x.name == y.name
                || (unidentified(x) && could_be_unidentified(y))
                || (unidentified(y) && could_be_unidentified(x))
        }
        _ => true,
    }
}

fn compatible_places(a: &Event, b: &Event) -> bool {
    match (&a.location, &b.location) {
        // The same place, or one report placing it only vaguely in the other's province
        // ("near Deir ez-Zor airbase" and "in Deir ez-Zor").
        (Some(x), Some(y)) => {
            x.name == y.name
                || (x.admin1.is_some()
                    && x.admin1 == y.admin1
                    && (x.precision != GeoPrecision::Exact
                        || y.precision != GeoPrecision::Exact
                        || part_of_city(x, y)
                        || part_of_city(y, x)))
                || near_to(x, y)
                || near_to(y, x)
        }
        _ => true,
    }
}

/// How far from a city's point its neighbourhoods lie.
pub(crate) const CITY_RADIUS_KM: f64 = 15.0;

/// Whether `part` is a neighbourhood of the city `city` ("a bomb blast in Aleppo" and "a bomb
/// exploded in Aleppo's Salaheddin district"): the gazetteer gives no parent city, so nearness
/// stands for it.
fn part_of_city(part: &Location, city: &Location) -> bool {
    part.feature == PlaceKind::Neighbourhood
        && city.feature == PlaceKind::City
        && km_between(part, city) <= CITY_RADIUS_KM
}

/// How far from a place "near" it reaches.
const NEAR_RADIUS_KM: f64 = 25.0;

/// Whether `place` is near `near`, a place the text gives only as "near X": "air raids on an
/// area near Damascus" and "air strikes in Douma" (Rural Damascus, 10 km off) can be one event,
/// across a provincial border.
fn near_to(near: &Location, place: &Location) -> bool {
    near.precision == GeoPrecision::Near
        && near.feature != PlaceKind::Country
        && km_between(near, place) <= NEAR_RADIUS_KM
}

/// Distance on an equirectangular projection: exact enough at city scale.
pub(crate) fn km_between(a: &Location, b: &Location) -> f64 {
    const KM_PER_DEGREE: f64 = 111.2;
    let mean_lat = ((a.latitude + b.latitude) / 2.0).to_radians();
    let dy = (a.latitude - b.latitude) * KM_PER_DEGREE;
    let dx = (a.longitude - b.longitude) * KM_PER_DEGREE * mean_lat.cos();
    (dx * dx + dy * dy).sqrt()
}

pub(crate) fn compatible_dates(text: &str, a: &Event, b: &Event) -> bool {
    // Dates given by both: resolved ones must overlap; unresolved ones (no publication date)
    // must be the same expression.
    match (a.date.span, b.date.span) {
        (Some(x), Some(y)) => {
            days_overlap(a, b).unwrap_or_else(|| fold_key(x.slice(text)) == fold_key(y.slice(text)))
        }
        _ => true,
    }
}

/// Whether the resolved days of `a` and `b` overlap; None where either is unresolved.
pub(crate) fn days_overlap(a: &Event, b: &Event) -> Option<bool> {
    match (a.date.start, a.date.end, b.date.start, b.date.end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => Some(s1 <= e2 && s2 <= e1),
        _ => None,
    }
}
