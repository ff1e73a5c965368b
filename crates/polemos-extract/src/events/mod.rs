//! Assembling events: triggers typed by their lexicon entry and by their actors, with a place,
//! a date, casualties, modality and attribution; then repeated reports merged and the lead
//! event chosen.

mod codebook;
mod context_fill;
mod crowds;
mod deathless;
mod grievance;
mod merge;
mod modality;
mod protests;
mod roles;

use std::cell::OnceCell;
use std::collections::BTreeMap;

use polemos_core::{
    ActorCategory, ActorRef, Attribution, Event, EventType, GeoPrecision, Location, Modality,
    ParsedDocument, PlaceKind, Span, SubEventType,
};

use crate::actors::ActorMatch;
use crate::attribution::{certainty, certainty_cue};
use crate::by_sentence::SentenceIndex;
use crate::casualties::{casualties_of, Casualty, VictimGroup};
use crate::context::previous_words;
use crate::dates::{event_date, DateMention};
use crate::fold::{fold_key, Folded};
use crate::gazetteer::PlaceMatch;
use crate::lexicon::Vocab;
use crate::numbers::unit_number;
use crate::triggers::{Trigger, TriggerLexicon, TriggerMatch, TriggerPos, TriggerType};
pub use codebook::{codebook_actors, foreign_forces};
pub use context_fill::fill_from_document;
pub use crowds::crowd_violence;
pub use deathless::drop_deaths_of_deathless;
pub(crate) use merge::is_violent_type;
pub use merge::{choose_lead, merge_reports};
use merge::{generic_fits, km_between, CITY_RADIUS_KM};
pub use protests::protest_intervention;
use roles::{assign_roles, boundaries, clauses, Clauses};

/// Everything found in a document that events are built from.
#[derive(Debug)]
pub struct Findings<'a> {
    /// The lexicon's word classes.
    pub vocab: &'a Vocab,
    pub parsed: &'a ParsedDocument,
    pub folded: &'a Folded,
    pub places: &'a [PlaceMatch],
    pub actors: &'a [ActorMatch],
    pub triggers: &'a [TriggerMatch],
    pub casualties: &'a [Casualty],
    pub dates: &'a [DateMention],
    /// The attribution of each sentence, by sentence index.
    pub attributions: &'a [Option<Attribution>],
    /// The place of the dateline, used when no sentence names one.
    pub dateline_place: Option<&'a PlaceMatch>,
    /// The country the article is about, if its places say.
    pub country: Option<&'a str>,
    /// The places, actors, counts and dates above, by sentence.
    pub by_sentence: &'a SentenceIndex,
}

impl<'a> Findings<'a> {
    fn places_in(&self, s: u32) -> impl DoubleEndedIterator<Item = &'a PlaceMatch> + 'a {
        self.by_sentence.places.of(self.places, s)
    }
    fn actors_in(&self, s: u32) -> impl DoubleEndedIterator<Item = &'a ActorMatch> + 'a {
        self.by_sentence.actors.of(self.actors, s)
    }
    fn casualties_in(&self, s: u32) -> impl DoubleEndedIterator<Item = &'a Casualty> + 'a {
        self.by_sentence.casualties.of(self.casualties, s)
    }
    fn dates_in(&self, s: u32) -> impl DoubleEndedIterator<Item = &'a DateMention> + 'a {
        self.by_sentence.dates.of(self.dates, s)
    }
}

/// An event with the triggers that report it, before merging.
#[derive(Debug, Clone)]
pub struct Built {
    pub event: Event,
    /// Trigger mentions (indices into `Findings::triggers`) reporting it.
    pub triggers: Vec<usize>,
    /// Whether its trigger only says that violence happened ("attack", "killed"), not how.
    pub generic: bool,
}

/// How many words may stand between two weapons one of which carried the other ("a
/// bombardment that included chemical weapons").
const CARRY_REACH: usize = 5;

/// How many sentences back an event may borrow a place from.
const PLACE_LOOKBACK: u32 = 3;

/// Chooses the triggers of one sentence that become events: specific triggers absorb generic
/// ones ("an attack with barrel bombs" is one air strike), fallback triggers ("killed") count
/// only when nothing else does or all else is not asserted, one event is kept per trigger
/// type, and a weapon that `carries` another makes one event with it ("shells containing
/// toxic gas"). Returns each chosen trigger with the triggers it absorbed.
fn anchors(
    lexicon: &TriggerLexicon,
    in_sentence: &[usize],
    all: &[TriggerMatch],
    modality_of: impl Fn(usize) -> Modality,
    apart: impl Fn(usize, usize) -> bool,
    carries: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, Vec<usize>)> {
    let entry = |t: usize| all.get(t).and_then(|m| lexicon.get(m.trigger));
    let main: Vec<usize> = in_sentence
        .iter()
        .copied()
        .filter(|&t| entry(t).is_some_and(|e| !e.fallback))
        .collect();
    let asserted = |t: usize| modality_of(t) == Modality::Asserted;
    let pool = if main.is_empty() {
        in_sentence.to_vec()
    } else if !main.iter().any(|&t| asserted(t)) {
        // What is only supposed, planned or denied does not stand for what happened: in "the
        // police which should be firing at agents is killing pilgrims" the killing counts.
        in_sentence
            .iter()
            .copied()
            .filter(|&t| entry(t).is_some_and(|e| !e.fallback) || asserted(t))
            .collect()
    } else {
        main
    };
    // A generic trigger folds into a specific one only when the text says the same of both:
    // in "attacked but failed to enter", the attack happened and the entry did not.
    let specific: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&t| entry(t).is_some_and(|e| !e.generic))
        .collect();
    let kind = |t: usize| entry(t).map(|e| e.sub_event_type.kind());
    let fits = |s: usize, g: usize| match (kind(s), kind(g)) {
        (Some(s), Some(g)) => generic_fits(s, g),
        _ => false,
    };
    // A generic trigger alone on its side of a circumstantial "as" names no other event than
    // the clause's: "two civilians died in an attack as warplanes bombed the town" are the
    // raid's dead. Another trigger on its side keeps it from the clause ("killed in fighting
    // as IS overran a town"). What violence destroyed is part of it, generic as the violence
    // may be: "killed 30 militants and destroyed two vehicles in the strikes".
    let absorbed = |t: usize| {
        let joins = |s: usize| s != t && modality_of(s) == modality_of(t) && fits(s, t);
        let alone = in_sentence.iter().all(|&u| u == t || apart(u, t));
        let hosts = if kind(t) == Some(SubEventType::LootingPropertyDestruction) {
            &pool
        } else {
            &specific
        };
        hosts.iter().any(|&s| joins(s) && (alone || !apart(s, t)))
    };
    let pool: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&t| entry(t).is_some_and(|e| !e.generic) || !absorbed(t))
        .collect();
    let mut kept: Vec<(usize, Vec<usize>)> = Vec::new();
    for t in pool {
        let kind = entry(t).map(|e| e.sub_event_type);
        match kept
            .iter_mut()
            .find(|(k, _)| entry(*k).map(|e| e.sub_event_type) == kind)
        {
            Some((_, same)) => same.push(t),
            None => kept.push((t, vec![t])),
        }
    }
    // One weapon carried by or carrying another is one attack, of the kind that tells most:
    // "shells containing toxic materials" and "a bombardment that included chemical weapons"
    // are chemical attacks, "a suicide bombing using a car bomb" a suicide bombing. The
    // telling trigger anchors the event; the other's reports join it.
    let rank = |t: usize| match kind(t) {
        Some(SubEventType::ChemicalWeapon) => 2,
        Some(SubEventType::SuicideBomb) => 1,
        _ => 0,
    };
    let remote =
        |t: usize| kind(t).is_some_and(|k| k.event_type() == EventType::ExplosionsRemoteViolence);
    loop {
        let pair = kept.iter().enumerate().find_map(|(i, &(a, _))| {
            kept.iter().enumerate().find_map(|(j, &(b, _))| {
                let joined = i != j
                    && remote(a)
                    && remote(b)
                    && rank(a) != rank(b)
                    && modality_of(a) == modality_of(b)
                    && (carries(a, b) || carries(b, a));
                // Index of the one that joins, and of the one it joins.
                joined.then(|| if rank(a) < rank(b) { (i, j) } else { (j, i) })
            })
        });
        let Some((from, into)) = pair else { break };
        let into_anchor = kept[into].0;
        let (_, members) = kept.remove(from);
        if let Some((_, m)) = kept.iter_mut().find(|(k, _)| *k == into_anchor) {
            m.extend(members);
        }
    }
    // Triggers not kept (absorbed generic or fallback ones) are evidence of the first event
    // they fit, else of the first.
    let placed: Vec<usize> = kept.iter().flat_map(|(_, m)| m.iter().copied()).collect();
    for t in in_sentence.iter().copied().filter(|t| !placed.contains(t)) {
        let target = kept.iter().position(|(k, _)| fits(*k, t)).unwrap_or(0);
        if let Some((_, members)) = kept.get_mut(target) {
            members.push(t);
        }
    }
    kept
}

/// Builds the events of a document, one per report, before merging.
pub fn build_events(lexicon: &TriggerLexicon, f: &Findings<'_>) -> Vec<Built> {
    let (built, left_out_killings) = build_events_with(lexicon, f, false);
    if built.is_empty() && left_out_killings {
        // "Armed robbers kill three", "a man was shot dead": in a text that reports no other
        // violence, a killing is itself the event, whoever did it. Elsewhere it is only the
        // toll of the events around it.
        build_events_with(lexicon, f, true).0
    } else {
        built
    }
}

/// [`build_events`], with killings whose agent the text does not name kept as events
/// (`unagented`) or left out; and whether any was left out.
fn build_events_with(
    lexicon: &TriggerLexicon,
    f: &Findings<'_>,
    unagented: bool,
) -> (Vec<Built>, bool) {
    let mut left_out_killings = false;
    let mut by_sentence: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, t) in f.triggers.iter().enumerate() {
        by_sentence.entry(t.sentence).or_default().push(i);
    }
    let published = f.parsed.doc.published;
    let mut built: Vec<Built> = Vec::new();
    // Every sentence, not only those with triggers: one without may carry the toll or the
    // denial of the sentence before.
    for sent in &f.parsed.sentences {
        let sentence = sent.index;
        // A trigger that counts only before a place ("took al-Malah farms") and has none is no
        // trigger at all, and must not absorb the others of its sentence.
        let triggers: Vec<usize> = by_sentence
            .remove(&sentence)
            .unwrap_or_default()
            .into_iter()
            .filter(|&i| {
                f.triggers.get(i).is_some_and(|t| {
                    lexicon
                        .get(t.trigger)
                        .is_some_and(|e| !e.needs_place || place_follows(f, sent, t))
                })
            })
            .collect();
        let range = (
            f.folded.folded_offset(sent.span.start),
            f.folded.folded_offset(sent.span.end),
        );
        let actors: Vec<&ActorMatch> = if triggers.is_empty() {
            Vec::new()
        } else {
            f.actors_in(sentence).collect()
        };
        let attribution = f
            .attributions
            .get(sentence as usize)
            .and_then(Option::as_ref);
        // Looked for only when the sentence has events, or follows one that has.
        let cue_cell = OnceCell::new();
        let cue = || {
            *cue_cell.get_or_init(|| {
                f.folded
                    .text
                    .get(range.0..range.1)
                    .and_then(|s| certainty_cue(f.vocab, s))
            })
        };
        let first_event = built.len();
        let mut scopes: Vec<Span> = Vec::new();
        // The clauses and modality of each trigger of the sentence, worked out once: choosing
        // the anchors compares modalities pairwise, and roles, modality and the event's scope
        // all read the clauses.
        let bounds = if triggers.is_empty() {
            Vec::new()
        } else {
            boundaries(f.vocab, f.folded, range)
        };
        let found: Vec<(usize, Clauses, Modality)> = triggers
            .iter()
            .filter_map(|&i| {
                let t = f.triggers.get(i)?;
                let c = clauses(range, &bounds, t.folded);
                let noun = lexicon
                    .get(t.trigger)
                    .is_some_and(|e| e.pos == TriggerPos::Noun);
                let mut m = modality::modality(f.vocab, f.folded, c.clause.0, t);
                if m == Modality::Asserted && noun {
                    m = modality::subject_modality(f.vocab, f.folded, c.clause, t);
                }
                Some((i, c, m))
            })
            .collect();
        let found_of = |i: usize| found.iter().find(|(k, _, _)| *k == i);
        let modality_of = |i: usize| found_of(i).map_or(Modality::Asserted, |(_, _, m)| *m);
        let as_clauses = if triggers.is_empty() {
            Vec::new()
        } else {
            as_clause_starts(f.vocab, f.folded, range)
        };
        // The first circumstantial "as" after a trigger ending at a folded offset.
        let as_clause_after = |end: usize| as_clauses.iter().copied().find(|&at| at >= end);
        // Two triggers on either side of a circumstantial "as" report two events: in "50
        // fighters were killed in fighting as IS overran a town", the fighting is no wording of
        // the capture.
        let apart = |a: usize, b: usize| {
            let (Some(x), Some(y)) = (f.triggers.get(a), f.triggers.get(b)) else {
                return false;
            };
            let (first, last) = if x.folded.0 <= y.folded.0 {
                (x, y)
            } else {
                (y, x)
            };
            as_clause_after(first.folded.1).is_some_and(|at| at < last.folded.0)
        };
        // Whether the weapon of trigger `munition` carries or uses that of trigger `agent` a
        // few words on: "shells containing toxic materials", "a suicide bombing using a car
        // bomb".
        let carries = |munition: usize, agent: usize| {
            let (Some(m), Some(a)) = (f.triggers.get(munition), f.triggers.get(agent)) else {
                return false;
            };
            m.folded.1 <= a.folded.0 && {
                let between: Vec<&str> = f
                    .folded
                    .words_iter(m.folded.1, a.folded.0)
                    .map(|w| w.text)
                    .collect();
                between.len() <= CARRY_REACH
                    && between.iter().any(|w| f.vocab.carry_words.contains(w))
            }
        };
        let chosen = anchors(lexicon, &triggers, f.triggers, modality_of, apart, carries);
        // Events of the sentence whose type turns to their trigger's civilian type when those
        // they harmed are no armed side.
        let mut unarmed_if_harmed: Vec<UnarmedIfHarmed> = Vec::new();
        for (anchor, members) in chosen {
            let Some(t) = f.triggers.get(anchor) else {
                continue;
            };
            let Some(entry) = lexicon.get(t.trigger) else {
                continue;
            };
            let Some(&(_, clauses, modality)) = found_of(anchor) else {
                continue;
            };
            let mut roles = assign_roles(f.vocab, f.folded, clauses.clause, t, entry.pos, &actors);
            // "About 200 insurgents were killed in an attack": the counted dead are victims.
            let victim = |a: &ActorRef| f.casualties_in(sentence).any(|c| c.span.overlaps(a.span));
            if roles.actor1.as_ref().is_some_and(victim) {
                let dead = roles.actor1.take();
                if roles.actor2.is_none() {
                    roles.actor2 = dead;
                }
            }
            // "killed" alone makes an event only when someone did the killing, or when the
            // text reports nothing else.
            if entry.fallback && roles.actor1.is_none() && !unagented {
                left_out_killings = true;
                continue;
            }
            let party = |a: &Option<ActorRef>| {
                a.as_ref()
                    .is_some_and(|a| actors.iter().any(|m| m.party && m.actor.span == a.span))
            };
            // "Jubo League and Chhatra League activists clashed", "a clash between two groups
            // of the Awami League": members of parties (unions, movements) fighting each other
            // are a riot, not a battle of armed groups, unless the text says they bore arms.
            let clash = entry.sub_event_type == TriggerType::Fixed(SubEventType::ArmedClash)
                && entry.if_civilians.is_none()
                && !crowds::armed_cue(f.vocab, f.folded, sent.span);
            let party_clash = clash
                && match (&roles.actor1, &roles.actor2) {
                    (Some(_), None) => party(&roles.actor1),
                    (None, Some(_)) => party(&roles.actor2),
                    _ => party(&roles.actor1) && party(&roles.actor2),
                };
            // "BNP activists clashed with police", "police clashed with BNP activists": a
            // party's members fighting the state's forces are rioters, on whichever side they
            // are named (the crowd's violence types the riot, once reports are merged).
            let state = |a: &Option<ActorRef>| {
                a.as_ref()
                    .is_some_and(|a| a.category == ActorCategory::StateForces)
            };
            let party_rioters = clash
                && ((party(&roles.actor1) && state(&roles.actor2))
                    || (party(&roles.actor2) && state(&roles.actor1)));
            // "Nepali Congress cadres vandalised the chairs": a party's members destroying
            // property, unarmed, are rioters too.
            let party_vandals = entry.sub_event_type
                == TriggerType::Fixed(SubEventType::LootingPropertyDestruction)
                && party(&roles.actor1)
                && !crowds::armed_cue(f.vocab, f.folded, sent.span);
            if party_rioters {
                for side in [&mut roles.actor1, &mut roles.actor2] {
                    if party(side) {
                        *side = side.take().map(as_rioters);
                    }
                }
            }
            if party_vandals {
                roles.actor1 = roles.actor1.take().map(as_rioters);
            }
            // "killed a local leader of the Awami League": a party's members harmed are
            // civilians.
            let members_harmed = !party_clash && !party_rioters && party(&roles.actor2);
            if members_harmed {
                roles.actor2 = roles.actor2.take().map(as_civilians);
            }
            let party_rule = match (party_clash, party_rioters || party_vandals, members_harmed) {
                (true, _, _) => "+type:party-clash",
                (_, true, _) => "+actor:party-rioters",
                (_, _, true) => "+actor2:party-members",
                _ => "",
            };
            let sub_event_type = match entry.sub_event_type {
                _ if party_clash => SubEventType::MobViolence,
                TriggerType::Territory => territory_taken_by(roles.actor1.as_ref()),
                TriggerType::Fixed(kind) => {
                    let civilian_target = roles
                        .actor2
                        .as_ref()
                        .is_some_and(|a| a.category == ActorCategory::Civilians);
                    match entry.if_civilians {
                        // "two rival groups attacked each other": a clash.
                        Some(_) if reciprocal(f.vocab, f.folded, (t.folded.1, range.1)) => kind,
                        Some(c) if civilian_target => c,
                        // With no side named as the target, the harmed decide, once counted.
                        Some(c) if roles.actor2.is_none() => {
                            // Where the text names the victims: a passive verb's subject
                            // ("a trader was shot"), an active verb's object ("shot a
                            // trader"), on either side of a noun ("an attack on farmers").
                            let sides = match entry.pos {
                                _ if roles.rule == "role:passive-by" => VictimSides::Before,
                                TriggerPos::Verb if roles.read_off_active_verb() => {
                                    VictimSides::After
                                }
                                _ => VictimSides::Both,
                            };
                            unarmed_if_harmed.push(UnarmedIfHarmed {
                                event: built.len(),
                                own_type: kind,
                                civilian_type: c,
                                trigger: t.folded,
                                sides,
                                side_named: false,
                            });
                            kind
                        }
                        // "two PCJSS activists were shot dead": a group named as the target,
                        // whose dead the text counts as civilians, is civilians harmed.
                        Some(c) if roles.actor2.as_ref().is_some_and(armed_side) => {
                            unarmed_if_harmed.push(UnarmedIfHarmed {
                                event: built.len(),
                                own_type: kind,
                                civilian_type: c,
                                trigger: t.folded,
                                sides: VictimSides::Both,
                                side_named: true,
                            });
                            kind
                        }
                        _ => kind,
                    }
                }
            };
            let scope = f
                .folded
                .original_span(clauses.contrast.0, clauses.contrast.1);
            let circumstance =
                as_clause_after(t.folded.1).map(|at| f.folded.original_span(at, at + 2).start);
            let place = choose_place(f, sentence, t, scope, circumstance);
            let (mut sub_event_type, mut method, mut cameo) =
                air_if_from_the_air(f, roles.actor1.as_ref(), sub_event_type, entry);
            let mut plover = entry.plover.clone();
            let mut type_rule = "";
            // "police recovered 37 bombs", "troops defused an IED": weapons kept from use.
            if sub_event_type.event_type() == EventType::ExplosionsRemoteViolence
                && disruption_before(f.vocab, f.folded, range, t.folded)
            {
                if let Some(family) = lexicon.family_of(SubEventType::DisruptedWeaponsUse) {
                    sub_event_type = SubEventType::DisruptedWeaponsUse;
                    cameo = family.cameo.clone();
                    plover = family.plover.clone();
                    type_rule = "+type:disrupted";
                }
            }
            // "discovered and defused two IEDs": the weapon kept from use is the disruption
            // its sentence already tells.
            if sub_event_type == SubEventType::DisruptedWeaponsUse {
                let told = built[first_event..]
                    .iter_mut()
                    .find(|b| b.event.sub_event_type == SubEventType::DisruptedWeaponsUse);
                if let Some(told) = told {
                    told.triggers.extend(members);
                    continue;
                }
            }
            // "attacks in which 30 villagers were shot dead": a trigger of the same kind folded
            // into the event says how it was done.
            if method.is_none() {
                let how = members
                    .iter()
                    .filter_map(|&m| f.triggers.get(m).and_then(|m| lexicon.get(m.trigger)))
                    .find(|e| e.method.is_some() && e.sub_event_type == entry.sub_event_type);
                if let Some(how) = how {
                    method = how.method.clone();
                    cameo = how.cameo.clone();
                }
            }
            scopes.push(toll_scope(
                f,
                lexicon,
                sentence,
                scope,
                anchor,
                &members,
                |m| found_of(m).map(|(_, c, _)| c.contrast),
            ));
            built.push(Built {
                event: Event {
                    sentence,
                    sentence_span: sent.span,
                    trigger_span: t.span,
                    sub_event_type,
                    method,
                    cameo,
                    plover,
                    actor1: roles.actor1,
                    actor2: roles.actor2,
                    location: place.map(PlaceMatch::event_location),
                    location_span: place.map(|p| p.span),
                    date: event_date(
                        f.dates_in(sentence),
                        f.dates_in(sentence.wrapping_sub(1)),
                        t.span,
                        published,
                    ),
                    casualties: Default::default(),
                    modality,
                    certainty: certainty(attribution, cue()),
                    attribution: attribution.cloned(),
                    evidence: vec![sentence],
                    is_lead: false,
                    rule: format!("{}+{}{party_rule}{type_rule}", entry.id, roles.rule),
                    typing: None,
                },
                triggers: members,
                generic: entry.generic || entry.fallback,
            });
        }
        if built.len() > first_event {
            let events: Vec<&mut Event> = built[first_event..]
                .iter_mut()
                .map(|b| &mut b.event)
                .collect();
            casualties_of(
                f.vocab,
                &f.parsed.doc.text,
                events,
                &scopes,
                f.casualties_in(sentence),
            );
            for UnarmedIfHarmed {
                event: i,
                own_type,
                civilian_type,
                trigger,
                sides,
                side_named,
            } in unarmed_if_harmed
            {
                // Kept only if nothing retyped it since ("warplanes were behind the attacks").
                if let Some(b) = built
                    .get_mut(i)
                    .filter(|b| b.event.sub_event_type == own_type)
                {
                    if side_named {
                        civilians_of_named_side(&mut b.event, civilian_type);
                        continue;
                    }
                    // "militants attacked the village": the agent's own words name no victims.
                    let agent_end = b
                        .event
                        .actor1
                        .as_ref()
                        .map(|a| f.folded.folded_offset(a.span.end))
                        .filter(|&end| end <= trigger.0);
                    let from = agent_end.map_or(range.0, |end| end.max(range.0));
                    let named =
                        victims_named_near(f.vocab, f.folded, (from, range.1), trigger, sides);
                    harmed_unarmed(&mut b.event, civilian_type, named);
                }
            }
        } else if built
            .last()
            .is_some_and(|b| b.event.sentence + 1 == sentence)
            && f.casualties_in(sentence).next().is_some()
        {
            // A toll in a sentence of its own ("At least seven people died.") belongs to the
            // events of the sentence before that have none, unless it names a place of its own
            // away from the town they happened in, or tells of another event elsewhere ("Air
            // strikes hit Idlib ... In Maaret al-Numan, warplanes also killed six civilians").
            let own_places: Vec<&Location> = f
                .places_in(sentence)
                .filter(|p| p.location.feature != PlaceKind::Country)
                .map(|p| &p.location)
                .collect();
            let told_as_another = f
                .folded
                .text
                .get(range.0..range.1)
                .unwrap_or("")
                .split_whitespace()
                .any(|w| f.vocab.another_cues.contains(w));
            let elsewhere = |e: &Event| {
                e.location.as_ref().is_some_and(|l| {
                    let far = l.precision == GeoPrecision::Exact
                        && l.feature != PlaceKind::Country
                        && own_places.iter().all(|p| km_between(p, l) > CITY_RADIUS_KM);
                    let other = told_as_another && own_places.iter().all(|p| p.name != l.name);
                    !own_places.is_empty() && (far || other)
                })
            };
            // "Two guards were also killed.": more dead of the events before, which have a toll
            // already.
            let more_dead = f
                .casualties_in(sentence)
                .all(|c| c.rule == "casualty:count-more");
            let events: Vec<&mut Event> = built
                .iter_mut()
                .map(|b| &mut b.event)
                .filter(|e| {
                    e.sentence + 1 == sentence
                        && (e.casualties.killed.is_none() || more_dead)
                        && !elsewhere(e)
                })
                .collect();
            casualties_of(
                f.vocab,
                &f.parsed.doc.text,
                events,
                &[],
                f.casualties_in(sentence),
            );
        }
        // A sentence that only comments on the one before ("This has been categorically
        // denied", "The figures could not be independently verified") qualifies its events.
        let follows_events = built
            .last()
            .is_some_and(|b| b.event.sentence + 1 == sentence);
        if built.len() == first_event && follows_events {
            if let Some(c) = cue() {
                for b in built
                    .iter_mut()
                    .rev()
                    .take_while(|b| b.event.sentence + 1 == sentence)
                {
                    b.event.certainty = b.event.certainty.max(c);
                }
            }
        }
    }
    (built, left_out_killings)
}

/// Where the counts of an event's toll may stand: its trigger's clause (`scope`), and the
/// clause of each killing or wounding it took in as a member (a fallback trigger, which makes
/// no event of its own beside another) where that clause names no place of its own. In "one
/// person was killed while three others were injured in an attack by militia", both counts
/// are the attack's; in "rebels attacked the town while 100 died in Aleppo", the 100 are not.
/// `contrast_of` gives a trigger's clause as folded offsets.
fn toll_scope(
    f: &Findings<'_>,
    lexicon: &TriggerLexicon,
    sentence: u32,
    scope: Span,
    anchor: usize,
    members: &[usize],
    contrast_of: impl Fn(usize) -> Option<(usize, usize)>,
) -> Span {
    let placeless = |clause: Span| {
        !f.places_in(sentence)
            .any(|p| !p.modifier && clause.contains(p.span))
    };
    members
        .iter()
        .copied()
        .filter(|&m| m != anchor)
        .filter(|&m| {
            f.triggers
                .get(m)
                .and_then(|t| lexicon.get(t.trigger))
                .is_some_and(|e| e.fallback)
        })
        .filter_map(contrast_of)
        .map(|(start, end)| f.folded.original_span(start, end))
        .filter(|&clause| placeless(clause))
        .fold(scope, |s, clause| s.cover(clause))
}

/// "Gunmen shot dead a trader", "attackers killed three people": violence whose target the
/// text names as no armed side, and whose dead or wounded are not fighters, is violence against
/// civilians (ACLED's Attack), not a clash. Violence that harmed nobody stays as its trigger
/// has it: an attack on an unnamed target may have met armed resistance.
///
/// Where the victims go uncounted ("a woman and a girl were shot and killed", "killed a
/// village councilman"), the victim nouns next to the trigger decide: `named` is whether they
/// are unarmed people, if any are named.
fn harmed_unarmed(e: &mut Event, civilian_type: SubEventType, named: Option<bool>) {
    let c = &e.casualties;
    let counted = c.killed.unwrap_or(0) + c.injured.unwrap_or(0) > 0;
    let fighters = c.combatants_killed.unwrap_or(0) > 0;
    let unarmed = if counted {
        !fighters
    } else {
        named == Some(true)
    };
    if unarmed && e.actor2.is_none() {
        e.sub_event_type = civilian_type;
        e.rule.push_str("+type:unarmed-victims");
    }
}

/// An event whose target is a named non-state group ([`armed_side`]) becomes violence against
/// civilians (`civilian_type`) where every dead the text counts is a civilian it names so, and
/// the group is named among them ("two PCJSS activists", "leaders of the party"; not "two
/// people", nor "civilians killed in raids on an IS bastion"); the group's harmed members are
/// then civilians, its second side.
fn civilians_of_named_side(e: &mut Event, civilian_type: SubEventType) {
    let c = &e.casualties;
    let killed = c.killed.unwrap_or(0);
    let named_civilians = killed > 0 && c.civilians_killed == Some(killed) && !c.civilians_inferred;
    // The group names the dead ("two PCJSS activists", "leaders of the party"), not a place
    // they died in ("civilians killed in raids on an IS bastion").
    let of_the_dead = match (c.span, e.actor2.as_ref()) {
        (Some(dead), Some(side)) => dead.contains(side.span),
        _ => false,
    };
    if !(named_civilians && of_the_dead) {
        return;
    }
    e.sub_event_type = civilian_type;
    e.actor2 = e.actor2.take().map(as_civilians);
    e.rule.push_str("+type:civilian-victims");
}

/// Whether a noun followed by `next` names the source of a report ("activists said",
/// "residents told"), not a party to the event.
pub(super) fn names_source(v: &Vocab, next: Option<&str>) -> bool {
    next.is_some_and(|n| v.report_verbs.get(n).is_some())
}

/// The actor unarmed people harmed are coded as, as ACLED codes them: a party's members, a
/// crowd's victims.
const CIVILIANS: &str = "Civilians";

/// A group's members harmed as the civilians they are, named where the group is.
fn as_civilians(a: ActorRef) -> ActorRef {
    ActorRef {
        name: CIVILIANS.to_string(),
        category: ActorCategory::Civilians,
        ..a
    }
}

/// Drops the built events at indices `dropped` (into `merged`), the others kept in order: the
/// reports one event took into another.
fn drop_at(merged: &mut Vec<Built>, dropped: impl Fn(usize) -> bool) {
    let mut index = 0;
    merged.retain(|_| {
        let drop = dropped(index);
        index += 1;
        !drop
    });
}

/// A party named as a side of a clash with the state's forces, as its rioters: the party's
/// name stays, to say whose they were.
fn as_rioters(a: ActorRef) -> ActorRef {
    ActorRef {
        category: ActorCategory::Rioters,
        ..a
    }
}

/// How many words on each side of a trigger its victims are looked for in.
const VICTIM_REACH: usize = 6;

/// An event of violence with no side named as its target, which becomes violence against
/// civilians (`civilian_type`) if those it harmed are unarmed ([`harmed_unarmed`]).
struct UnarmedIfHarmed {
    /// Its index among the sentence's built events.
    event: usize,
    /// The type its trigger gives it.
    own_type: SubEventType,
    civilian_type: SubEventType,
    /// Its trigger, in folded offsets.
    trigger: (usize, usize),
    sides: VictimSides,
    /// Whether a non-state armed side was named as its target: then only dead the text counts
    /// as civilians make it violence against civilians.
    side_named: bool,
}

/// Whether an actor is a non-state armed side, whose members harmed may yet be counted as
/// civilians ("activists of the party").
fn armed_side(a: &ActorRef) -> bool {
    matches!(
        a.category,
        ActorCategory::RebelGroup
            | ActorCategory::PoliticalMilitia
            | ActorCategory::IdentityMilitia
    )
}

/// Whether the first words of `after` (folded, a trigger's end to its sentence's) say the
/// violence went both ways ("attacked each other"; the lexicon's `reciprocal_words`).
fn reciprocal(v: &Vocab, folded: &Folded, after: (usize, usize)) -> bool {
    v.reciprocal_words.word_seqs().any(|phrase| {
        let mut next = folded.words_iter(after.0, after.1);
        phrase
            .iter()
            .all(|p| next.next().is_some_and(|w| w.text == &**p))
    })
}

/// How many words before a weapon a disruption cue may stand: "recovered seven powerful
/// bombs", "discovered and defused 3 IEDs".
const DISRUPTION_REACH: usize = 4;

/// Whether a disruption cue (the lexicon's `disruption_cues`: "recovered", "defused") stands
/// within [`DISRUPTION_REACH`] words before the trigger, inside its sentence (`range`, folded).
fn disruption_before(
    v: &Vocab,
    folded: &Folded,
    range: (usize, usize),
    trigger: (usize, usize),
) -> bool {
    folded
        .words_iter(range.0, trigger.0)
        .rev()
        .take(DISRUPTION_REACH)
        .any(|w| v.disruption_cues.contains(w.text))
}

/// Which side of a trigger its victims are named on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum VictimSides {
    Before,
    After,
    Both,
}

/// Whether the victim nouns within [`VICTIM_REACH`] words of a trigger on `sides`, inside its
/// sentence (`range`, folded), name unarmed people (`Some(true)`), fighters (`Some(false)`:
/// "killed two policemen"), or nobody (`None`).
fn victims_named_near(
    v: &Vocab,
    folded: &Folded,
    range: (usize, usize),
    trigger: (usize, usize),
    sides: VictimSides,
) -> Option<bool> {
    let mut window: Vec<&str> = Vec::new();
    if sides != VictimSides::After {
        let before: Vec<&str> = folded
            .words_iter(range.0, trigger.0)
            .map(|w| w.text)
            .collect();
        let from = before.len().saturating_sub(VICTIM_REACH);
        window.extend_from_slice(&before[from..]);
    }
    // The words on the sides looked at, and one more after them to look ahead to.
    let after = if sides == VictimSides::Before {
        0
    } else {
        VICTIM_REACH
    };
    let looked_at = window.len() + after;
    window.extend(
        folded
            .words_iter(trigger.1, range.1)
            .map(|w| w.text)
            .take(after + 1),
    );
    let mut unarmed = false;
    for (i, &w) in window.iter().enumerate().take(looked_at) {
        if names_source(v, window.get(i + 1).copied()) {
            continue;
        }
        // "attacked an army post": an armed side; "attacked the village": civilians.
        if v.armed_places.contains(w) {
            return Some(false);
        }
        match v.victim_groups.get(w) {
            Some(VictimGroup::Combatants) => return Some(false),
            Some(_) => unarmed = true,
            None => unarmed |= v.civilian_places.contains(w),
        }
    }
    unarmed.then_some(true)
}

/// The place of an event: the place of its sentence nearest the trigger, provinces and
/// countries only when nothing finer is named, else the finest of the nearest earlier sentence
/// that names one, else the dateline's. Only places in the article's country count: "In
/// Moscow, the ministry said its jets struck Deir ez-Zor" happened in Syria. An event with
/// none is placed from the whole article later; placing it abroad meanwhile would keep it
/// apart from the reports of it that name the town.
fn choose_place<'a>(
    f: &'a Findings<'_>,
    sentence: u32,
    t: &TriggerMatch,
    scope: Span,
    circumstance: Option<usize>,
) -> Option<&'a PlaceMatch> {
    // A modifier ("US forces", "Russian", "Africa") says whose or who, not where.
    let in_focus =
        |p: &&PlaceMatch| !p.modifier && f.country.is_none_or(|c| p.location.country == c);
    // The trigger's own clause first: in "attacked in Raqqa province while 100 died in
    // Aleppo", the attack is in Raqqa.
    let in_scope = |p: &&PlaceMatch| p.sentence != sentence || scope.contains(p.span);
    // Never a place of the circumstance told after "as": in "a car bomb killed 43 on Saturday
    // as US-backed fighters advanced towards Raqqa", the bomb was not in Raqqa.
    let outside =
        |p: &&PlaceMatch| p.sentence != sentence || circumstance.is_none_or(|at| p.span.start < at);
    choose_place_among(f, sentence, t, |p| in_focus(p) && in_scope(p) && outside(p))
        .or_else(|| choose_place_among(f, sentence, t, |p| in_focus(p) && outside(p)))
}

/// Where the circumstantial "as" clauses of the folded sentence `range` start ("... killed 43
/// as fighters advanced on Raqqa"), as folded offsets in text order: found once per sentence
/// and shared by its triggers.
fn as_clause_starts(v: &Vocab, folded: &Folded, range: (usize, usize)) -> Vec<usize> {
    let words: Vec<_> = folded.words_iter(range.0, range.1).collect();
    words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let before = if i == 0 {
                previous_words(folded, w.start, 1).first().copied()
            } else {
                Some(words[i - 1].text)
            };
            (w.text == "as"
                && before.is_none_or(|b| !v.as_not_clause_before.contains(b))
                && words
                    .get(i + 1)
                    .is_some_and(|n| !v.as_not_clause_after.contains(n.text)))
            .then_some(w.start)
        })
        .collect()
}

/// How many words (`ground_object_gaps`, numbers) may stand between a `needs_place` trigger
/// and the ground it took ("took control of most of the town").
const GROUND_GAP: usize = 5;

/// Whether ground follows the trigger as its object, with only `ground_object_gaps` words or
/// numbers between: a place name ("took al-Malah farms", "took the town of Saraqib"), a
/// capitalised name the gazetteer lacks ("seized Ayn Issa"), or a ground noun ("captured the
/// town", "overran army positions"). Not people or things ("captured two suspected thieves",
/// "seized a cargo of gold"), nor another sense of the verb ("took out a rally in Thatta",
/// "entered its 25th day").
fn place_follows(f: &Findings<'_>, sentence: &polemos_core::Sentence, t: &TriggerMatch) -> bool {
    let v = f.vocab;
    let end = f.folded.folded_offset(sentence.span.end);
    for (k, w) in f.folded.words_iter(t.folded.1, end).enumerate() {
        let place_starts = f
            .places_in(sentence.index)
            .any(|p| !p.modifier && f.folded.folded_offset(p.span.start) == w.start);
        let capitalised = f
            .folded
            .original_span(w.start, w.end)
            .slice(&f.parsed.doc.text)
            .starts_with(|c: char| c.is_uppercase());
        if place_starts || capitalised || v.ground_nouns.contains(w.text) {
            return true;
        }
        let gap = v.ground_object_gaps.contains(w.text)
            || v.compass_words.contains(w.text)
            || w.text.bytes().all(|b| b.is_ascii_digit())
            || unit_number(v, w.text).is_some();
        if k >= GROUND_GAP || !gap {
            return false;
        }
    }
    false
}

/// ACLED's sub-event type for territory taken by `agent`: a state's forces regain it, anyone
/// else (or an agent not named) overtakes it.
pub(super) fn territory_taken_by(agent: Option<&ActorRef>) -> SubEventType {
    match agent.map(|a| a.category) {
        Some(ActorCategory::StateForces | ActorCategory::ExternalForces) => {
            SubEventType::GovernmentRegainsTerritory
        }
        _ => SubEventType::NonStateActorOvertakesTerritory,
    }
}

/// Keeps a territory event's sub-event type in step with an agent learnt after it was built
/// (from another report of it, or from the article).
pub(super) fn settle_territory_type(e: &mut Event) {
    if matches!(
        e.sub_event_type,
        SubEventType::GovernmentRegainsTerritory | SubEventType::NonStateActorOvertakesTerritory
    ) {
        e.sub_event_type = territory_taken_by(e.actor1.as_ref());
    }
}

/// Retypes a generic report as an air strike when its agent is aircraft ("bombers attacked",
/// "warplanes were behind the attacks on the convoy"), or when a state's forces set off the
/// explosion ("regime bombing of Aleppo": states bomb from the air; a "terrorist bombing" stays
/// a bomb attack).
fn air_if_from_the_air(
    f: &Findings<'_>,
    actor1: Option<&ActorRef>,
    sub_event_type: SubEventType,
    entry: &Trigger,
) -> (SubEventType, Option<String>, Option<String>) {
    let aircraft = actor1.is_some_and(|a| {
        let written = fold_key(a.span.slice(&f.parsed.doc.text));
        f.vocab.aircraft_words.texts().any(|n| written.ends_with(n))
    });
    let state = actor1.is_some_and(|a| {
        matches!(
            a.category,
            ActorCategory::StateForces | ActorCategory::ExternalForces
        )
    });
    let generic_blast = entry.generic && sub_event_type == SubEventType::RemoteExplosive;
    // Aircraft that attack civilians make an air strike too: ACLED keeps air strikes on
    // civilians under remote violence.
    let attack = matches!(
        sub_event_type,
        SubEventType::ArmedClash | SubEventType::Attack
    );
    if (aircraft && entry.generic && attack) || (state && generic_blast) {
        (
            SubEventType::AirDroneStrike,
            Some("air strike".to_string()),
            Some("195".to_string()),
        )
    } else {
        (sub_event_type, entry.method.clone(), entry.cameo.clone())
    }
}

fn choose_place_among<'a>(
    f: &'a Findings<'_>,
    sentence: u32,
    t: &TriggerMatch,
    keep: impl Fn(&&PlaceMatch) -> bool,
) -> Option<&'a PlaceMatch> {
    let distance = |p: &PlaceMatch| {
        if p.span.start >= t.span.end {
            p.span.start - t.span.end
        } else {
            t.span.start.saturating_sub(p.span.end)
        }
    };
    let best_in = |s: u32| {
        f.places_in(s)
            .filter(|p| keep(p))
            .min_by_key(|p| (p.location.precision == GeoPrecision::Region, distance(p)))
    };
    // In an earlier sentence the nearness to the trigger means nothing: the finest place
    // wins ("the town of Atareb in western rural Aleppo" is Atareb).
    let finest_in = |s: u32| {
        f.places_in(s)
            .filter(|p| keep(p))
            .min_by_key(|p| p.location.precision)
    };
    best_in(sentence)
        .or_else(|| {
            (1..=PLACE_LOOKBACK.min(sentence))
                .map(|back| sentence - back)
                .find_map(finest_in)
        })
        .or(f.dateline_place.filter(|p| keep(p)))
}
