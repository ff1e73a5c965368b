//! Merging repeated reports of one event in a document, and choosing its lead event.
//!
//! Two reports are one event when, as in ACLED's definition, they share the sub-event type, the
//! place, the date and the actors: where one report leaves a field empty it is compatible with
//! any value. The merged event keeps the most detailed report as its anchor and takes from the
//! others what it lacks.

use polemos_core::{
    ActorCategory, ActorRef, Casualties, Certainty, Event, EventType, GeoPrecision, Location,
    Modality, SubEventType,
};

use super::{settle_territory_type, Built};
use crate::fold::fold_key;
use crate::lexicon::{Vocab, WordList};

fn compatible<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

fn same_event(v: &Vocab, text: &str, a: &Event, b: &Event) -> bool {
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
    let in_country = |e: &Event| e.location.as_ref().is_some_and(|l| l.feature == "country");
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

fn actor_names_equal(x: &Option<ActorRef>, y: &Option<ActorRef>) -> bool {
    match (x, y) {
        (Some(x), Some(y)) => x.name == y.name,
        _ => false,
    }
}

/// Whether two reports agree on everything but their type: actors, place, date, modality and
/// denial. A denied report stays apart from reports that are not denied: "air strikes on
/// Aleppo" and "claims that Russian jets took part, which the Kremlin denied" are two rows, so
/// a researcher can drop the denied one.
fn same_circumstances(text: &str, a: &Event, b: &Event) -> bool {
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
fn unidentified(x: &ActorRef) -> bool {
    x.name == UNIDENTIFIED
}

/// Whether a non-state group could be who the text calls only "extremists" or "gunmen".
fn could_be_unidentified(x: &ActorRef) -> bool {
    !matches!(
        x.category,
        ActorCategory::StateForces | ActorCategory::ExternalForces | ActorCategory::Civilians
    )
}

/// Whether two reports' actors in one role can be the same: the same name, one left unnamed,
/// or "extremists" in one and the group named in the other ("Extremists admit killing 30" and
/// "Al-Nusra claimed responsibility for the attacks").
fn same_side(x: &Option<ActorRef>, y: &Option<ActorRef>) -> bool {
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
pub(super) const CITY_RADIUS_KM: f64 = 15.0;

/// Whether `part` is a neighbourhood of the city `city` ("a bomb blast in Aleppo" and "a bomb
/// exploded in Aleppo's Salaheddin district"): the gazetteer gives no parent city, so nearness
/// stands for it.
fn part_of_city(part: &Location, city: &Location) -> bool {
    part.feature == "neighbourhood"
        && city.feature == "city"
        && km_between(part, city) <= CITY_RADIUS_KM
}

/// How far from a place "near" it reaches.
const NEAR_RADIUS_KM: f64 = 25.0;

/// Whether `place` is near `near`, a place the text gives only as "near X": "air raids on an
/// area near Damascus" and "air strikes in Douma" (Rural Damascus, 10 km off) can be one event,
/// across a provincial border.
fn near_to(near: &Location, place: &Location) -> bool {
    near.precision == GeoPrecision::Near
        && near.feature != "country"
        && km_between(near, place) <= NEAR_RADIUS_KM
}

/// Distance on an equirectangular projection: exact enough at city scale.
pub(super) fn km_between(a: &Location, b: &Location) -> f64 {
    const KM_PER_DEGREE: f64 = 111.2;
    let mean_lat = ((a.latitude + b.latitude) / 2.0).to_radians();
    let dy = (a.latitude - b.latitude) * KM_PER_DEGREE;
    let dx = (a.longitude - b.longitude) * KM_PER_DEGREE * mean_lat.cos();
    (dx * dx + dy * dy).sqrt()
}

fn compatible_dates(text: &str, a: &Event, b: &Event) -> bool {
    // Dates given by both: resolved ones must overlap; unresolved ones (no publication date)
    // must be the same expression.
    match (a.date.span, b.date.span) {
        (Some(x), Some(y)) => match (a.date.start, a.date.end, b.date.start, b.date.end) {
            (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
            _ => fold_key(x.slice(text)) == fold_key(y.slice(text)),
        },
        _ => true,
    }
}

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

/// Takes from `other` what `into` lacks.
fn absorb(into: &mut Event, other: Event) {
    let refines = |mine: &Option<ActorRef>, theirs: &Option<ActorRef>| match (mine, theirs) {
        (None, Some(_)) => true,
        (Some(m), Some(t)) => unidentified(m) && !unidentified(t),
        _ => false,
    };
    if refines(&into.actor1, &other.actor1) {
        into.actor1 = other.actor1;
        settle_territory_type(into);
    }
    if refines(&into.actor2, &other.actor2) {
        into.actor2 = other.actor2;
    }
    // Filling both sides from different reports can name one actor twice.
    if into.actor1.as_ref().map(|a| &a.name) == into.actor2.as_ref().map(|a| &a.name) {
        into.actor2 = None;
    }
    // "they massacred dozens of Alawites" and "30 Alawites were shot dead": the report that
    // says how gives the method.
    if into.method.is_none()
        && other.method.is_some()
        && into.sub_event_type == other.sub_event_type
    {
        into.method = other.method;
        into.cameo = other.cameo;
    }
    let more_precise = match (&into.location, &other.location) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => b.precision < a.precision,
        _ => false,
    };
    if more_precise {
        into.location = other.location;
        into.location_span = other.location_span;
    }
    if into.date.span.is_none() && other.date.span.is_some() {
        into.date = other.date;
    }
    // Repeated reports of one toll are not added up: the largest count given stands, except
    // that an exact toll replaces a vague one ("Dozens killed in Idlib" over "23 were killed").
    let c = &mut into.casualties;
    let o = other.casualties;
    if c.killed.is_some() && o.killed.is_some() && c.vague != o.vague {
        if c.vague {
            *c = o;
        }
    } else {
        absorb_counts(c, o);
    }
    into.certainty = into.certainty.max(other.certainty);
    if into.attribution.is_none() {
        into.attribution = other.attribution;
    }
    into.evidence.extend(other.evidence);
    into.evidence.sort_unstable();
    into.evidence.dedup();
}

/// Field by field, the larger of two reports' counts; but civilians the text names as part of
/// a toll at least as large replace "people" taken as civilians ("20 dead" in a headline, "20
/// people including 10 civilians" in the body: 10 civilians). Named civilians of a smaller
/// toll are a part of the event ("ten of them in Bab") or a lower figure, and do not.
fn absorb_counts(c: &mut Casualties, o: Casualties) {
    let named_civilians = match (c.civilians_killed, o.civilians_killed) {
        (Some(_), Some(_)) if c.civilians_inferred != o.civilians_inferred => {
            let (named, inferred) = if c.civilians_inferred {
                (o, *c)
            } else {
                (*c, o)
            };
            (named.killed >= inferred.killed).then_some(named)
        }
        _ => None,
    };
    let had_civilians = c.civilians_killed.is_some();
    for (mine, theirs) in [
        (&mut c.killed, o.killed),
        (&mut c.injured, o.injured),
        (&mut c.civilians_killed, o.civilians_killed),
        (&mut c.children_killed, o.children_killed),
        (&mut c.women_killed, o.women_killed),
        (&mut c.combatants_killed, o.combatants_killed),
    ] {
        *mine = (*mine).max(theirs);
    }
    if c.span.is_none() {
        c.span = o.span;
    }
    c.vague = match (c.killed, o.killed) {
        (Some(_), Some(_)) => c.vague && o.vague,
        (None, Some(_)) => o.vague,
        _ => c.vague,
    };
    match named_civilians {
        Some(named) => {
            c.civilians_killed = named.civilians_killed;
            c.civilians_inferred = false;
        }
        // Both inferred, both named, or only one given: the flag of the count kept.
        None if had_civilians => {}
        None => c.civilians_inferred = o.civilians_inferred,
    }
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

/// How many sentences back a claimed attack may have been reported.
const CLAIM_REACH: u32 = 3;

/// Whether the report's trigger is the object of a claim of responsibility.
fn is_claim(v: &Vocab, text: &str, b: &Built) -> bool {
    if !b.generic {
        return false;
    }
    let end = b.event.trigger_span.start;
    let mut start = end.saturating_sub(48);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = fold_key(text.get(start..end).unwrap_or(""));
    v.claim_cues.texts().any(|cue| {
        before
            .strip_suffix(cue)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

/// A claim of responsibility names the agent of an event reported before it ("A twin bombing
/// struck Qamishli ... The Daesh group claimed responsibility for the attack"): the claimed
/// report joins the latest violent report of the last few sentences instead of standing as an
/// event of its own, and gives it its agent (`+actor1:claim`) if it had none.
fn fold_claims(v: &Vocab, text: &str, mut built: Vec<Built>) -> Vec<Built> {
    let mut i = 0;
    while i < built.len() {
        let claim = &built[i];
        let target = is_claim(v, text, claim)
            .then(|| {
                let sentence = claim.event.sentence;
                built[..i].iter().rposition(|b| {
                    b.event.sentence + CLAIM_REACH >= sentence
                        && b.event.sentence <= sentence
                        && is_violent(&b.event)
                })
            })
            .flatten();
        match target {
            Some(t) => {
                // The claim gives the agent and is evidence of the event; what the event's own
                // reports say of its place, toll and certainty stands (the attack is asserted,
                // its authorship claimed).
                let claim = built.remove(i);
                let into = &mut built[t];
                into.triggers.extend(claim.triggers);
                let unnamed = into.event.actor1.as_ref().is_none_or(unidentified);
                if unnamed
                    && claim
                        .event
                        .actor1
                        .as_ref()
                        .is_some_and(|a| !unidentified(a))
                {
                    into.event.actor1 = claim.event.actor1;
                    into.event.rule.push_str("+actor1:claim");
                }
                into.event.evidence.push(claim.event.sentence);
                into.event.evidence.sort_unstable();
                into.event.evidence.dedup();
            }
            None => i += 1,
        }
    }
    built
}

fn same_sentence(a: &Built, b: &Built) -> bool {
    a.event.evidence == b.event.evidence && a.event.sentence == b.event.sentence
}

fn country_of(e: &Event) -> Option<&str> {
    e.location.as_ref().map(|l| l.country.as_str())
}

/// A vague report placed only in a country ("raid on Syria ...", "Extremists in Syria admit
/// killing 30") is placed by the report in that country it is a vaguer wording of: the report
/// without its place, to compare. Not a report of fighting: "IS jihadists killed fighting Syria
/// Kurds" is a battle of its own, wherever in Syria, not a wording of the villages IS seized.
fn placed_only_in_country(e: &Event) -> Option<Event> {
    let in_country = e.location.as_ref().is_some_and(|l| l.feature == "country");
    (in_country && !e.rule.starts_with("clash.")).then(|| Event {
        location: None,
        ..e.clone()
    })
}

/// An article's opening often says only that violence happened ("Deadly attack on Aleppo
/// market") where the next sentences say how ("air strikes hit the market"): a generic report in
/// the headline or opening joins the first specific report of the opening it agrees with.
fn fold_generic_openings(text: &str, merged: &mut Vec<Built>, headline: Option<u32>) {
    let first_body = headline.map_or(0, |h| h + 1);
    let in_opening = |b: &Built| first_evidence(&b.event) < first_body + OPENING;
    fold_where(merged, |merged, i| {
        let generic = &merged[i];
        if !(generic.generic && in_opening(generic)) {
            return None;
        }
        let unplaced = placed_only_in_country(&generic.event);
        let generic_event = unplaced.as_ref().unwrap_or(&generic.event);
        merged.iter().position(|s| {
            // Reports of one sentence were weighed against each other when its events were
            // built; what was kept apart there stays apart.
            !s.generic
                && in_opening(s)
                && !same_sentence(s, generic)
                && generic_fits(s.event.sub_event_type, generic.event.sub_event_type)
                && compatible(country_of(&generic.event), country_of(&s.event))
                && same_circumstances(text, &s.event, generic_event)
        })
    });
    // Beyond the opening, only a report of the same day: "a terrorist attack near Aleppo on
    // April 15 killed over 130" and, four sentences on, "on Saturday a suicide attacker
    // detonated a car bomb in Rashidin". Both dates, resolved and overlapping, are what make
    // the later report the same event rather than another of the war's attacks.
    let dated = |e: &Event| e.date.span.is_some() && e.date.start.is_some();
    fold_where(merged, |merged, i| {
        let generic = &merged[i];
        if !(generic.generic && in_opening(generic) && dated(&generic.event)) {
            return None;
        }
        merged.iter().position(|s| {
            !s.generic
                && dated(&s.event)
                && generic_fits(s.event.sub_event_type, generic.event.sub_event_type)
                && same_circumstances(text, &s.event, &generic.event)
        })
    });
    if let Some(h) = headline {
        fold_headline(text, merged, h);
    }
}

/// A headline is a short rewording of the opening: "Shelling of rebel bastion kills 19" and
/// "19 civilians were killed in aerial bombardment" are one event. A report only the headline
/// gives joins the first opening report of the same event type whose circumstances agree, which
/// says more. Where the body names civilians as the target, the headline's target is not
/// compared: "rebel bastion" and "civilians" name the place's defenders and its dead, not two
/// targets.
fn fold_headline(text: &str, merged: &mut Vec<Built>, headline: u32) {
    let body_opening = |b: &Built| {
        let first = first_evidence(&b.event);
        first > headline && first <= headline + OPENING
    };
    let civilian_target = |e: &Event| {
        e.actor2
            .as_ref()
            .is_some_and(|a| a.category == ActorCategory::Civilians)
    };
    fold_where(merged, |merged, i| {
        let h = &merged[i];
        let only_headline = h.event.evidence.iter().all(|&s| s == headline);
        if !(only_headline && is_violent(&h.event)) {
            return None;
        }
        let headline = placed_only_in_country(&h.event).unwrap_or_else(|| h.event.clone());
        let without_target = Event {
            actor2: None,
            ..headline.clone()
        };
        merged.iter().position(|b| {
            let headline_report = if civilian_target(&b.event) {
                &without_target
            } else {
                &headline
            };
            body_opening(b)
                && b.event.event_type() == h.event.event_type()
                && compatible(country_of(&h.event), country_of(&b.event))
                && same_circumstances(text, &b.event, headline_report)
        })
    });
}

/// Folds each report for which `target` names another into that one: the report leaves the
/// list, and its triggers and what its target lacks go to the target. `target` sees the list
/// and the report's index, and never names the report itself.
fn fold_where(merged: &mut Vec<Built>, target: impl Fn(&[Built], usize) -> Option<usize>) {
    let mut i = 0;
    while i < merged.len() {
        match target(merged, i) {
            Some(t) => {
                let g = merged.remove(i);
                let t = if t > i { t - 1 } else { t };
                let into = &mut merged[t];
                into.triggers.extend(g.triggers);
                absorb(&mut into.event, g.event);
            }
            None => i += 1,
        }
    }
}

/// The first sentence that reports an event.
fn first_evidence(e: &Event) -> u32 {
    e.evidence.first().copied().unwrap_or(e.sentence)
}

/// How many body sentences count as the article's opening.
const OPENING: u32 = 3;

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
/// rebels' shelling of the city, not their push through government lines).
pub fn generic_fits(specific: SubEventType, generic: SubEventType) -> bool {
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

/// How many words may stand between a background cue and the trigger it governs: the cue
/// heads a short phrase ("a day after dozens of children were killed in airstrikes").
const BACKGROUND_REACH: usize = 7;
/// How far before a trigger a background cue is looked for.
const BACKGROUND_WINDOW: usize = 100;

/// Whether the event's anchoring report is told as background to another event of its
/// sentence.
fn is_background(v: &Vocab, text: &str, e: &Event) -> bool {
    let end = e.trigger_span.start.min(text.len());
    let mut start = end.saturating_sub(BACKGROUND_WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = text.get(start..end).unwrap_or("");
    // Only the trigger's own sentence.
    let before = before
        .rfind(['.', '!', '?', '\n'])
        .map_or(before, |i| &before[i + 1..]);
    // Compared without folding, as lowercase ASCII words: this runs for every event.
    let words: Vec<&str> = before
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).any(|i| {
        v.background_cues.word_seqs().any(|cue| {
            words.len() >= i + cue.len()
                && words.len() - (i + cue.len()) <= BACKGROUND_REACH
                && cue
                    .iter()
                    .zip(&words[i..])
                    .all(|(c, w)| w.eq_ignore_ascii_case(c))
        })
    })
}

/// Marks the lead event: the one the headline and opening report. What the text asserts
/// happened comes before what it plans, supposes or denies: a headline "Moscow warns against
/// new US missile strikes" or an opening "a move that could avert possible US strikes" does
/// not lead an article about the chemical attack it recalls. Then events the headline
/// reports, political violence before developments, events of the opening sentences, events
/// told as news before those recalled as background ("a day after ..."), then events with a
/// death toll, then those with a specific method, then the earliest.
pub fn choose_lead(v: &Vocab, text: &str, events: &mut [Event], headline: Option<u32>) {
    let first_body = headline.map_or(0, |h| h + 1);
    let lead = events
        .iter()
        .enumerate()
        .max_by_key(|(_, e)| {
            (
                e.modality == Modality::Asserted,
                headline.is_some_and(|h| e.evidence.contains(&h)),
                is_violent(e),
                first_evidence(e) < first_body + OPENING,
                !is_background(v, text, e),
                e.casualties.killed.is_some(),
                e.method.is_some(),
                std::cmp::Reverse(first_evidence(e)),
            )
        })
        .map(|(i, _)| i);
    if let Some(i) = lead {
        events[i].is_lead = true;
    }
}
