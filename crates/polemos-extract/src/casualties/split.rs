//! Attaching casualty counts to the events of a sentence, split by who was hit.
//!
//! Counts joined by "and" add up ("killed four SDF fighters and three rebels" is 7); counts
//! given separately for one event are repeats or rewordings of one toll, so the largest stands
//! ("Car bomb kills six in Homs ... Six people were killed"). A breakdown ("including five
//! children") adds to its group but not to the total.

use polemos_core::{ActorCategory, Casualties, Event, EventType, Modality, Span, SubEventType};

use super::{Casualty, Harm, VictimGroup};
use crate::events::is_violent_type;
use crate::lexicon::Vocab;

/// One toll as the text gives it: a count and the counts coordinated with it.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    killed: Option<u32>,
    injured: Option<u32>,
    civilians: Option<u32>,
    children: Option<u32>,
    women: Option<u32>,
    combatants: Option<u32>,
    /// Dead described only as "people": civilians when the event targeted civilians.
    people: Option<u32>,
    /// Civilians given as a breakdown of a larger toll ("20 people including 10 civilians").
    civilians_named: Option<u32>,
    /// Whether every count of the dead is a vague quantity ("dozens of people").
    vague: bool,
    /// Whether dead counted as "people" are broken down into women or children ("eleven people
    /// including a woman and a child"), which makes them civilians whoever was targeted...
    people_civilian: bool,
    /// ... unless the breakdown names fighters too ("12 people including five soldiers and two
    /// children").
    people_mixed: bool,
}

/// The method of the trigger table's explosives ("blew up", "bomb"), and the codes of a bombing
/// in CAMEO (183, non-military bombing) and PLOVER.
const EXPLOSIVE: &str = "explosive";
const BOMBING_CAMEO: &str = "183";
const ASSAULT: &str = "ASSAULT";

fn add(slot: &mut Option<u32>, n: u32) {
    *slot = Some(slot.unwrap_or(0).saturating_add(n));
}

impl Tally {
    /// The toll an event was given already, as a tally to add later counts to.
    fn of(c: &Casualties) -> Tally {
        Tally {
            killed: c.killed,
            injured: c.injured,
            civilians: c.civilians_killed,
            children: c.children_killed,
            women: c.women_killed,
            combatants: c.combatants_killed,
            vague: c.vague,
            ..Tally::default()
        }
    }

    fn count(&mut self, c: &Casualty) {
        match (c.harm, c.subset) {
            (Harm::Injured, false) => add(&mut self.injured, c.count),
            (Harm::Injured, true) => {}
            (Harm::Killed, subset) => {
                if !subset {
                    self.vague = (self.killed.is_none() || self.vague) && c.vague;
                    add(&mut self.killed, c.count);
                }
                if subset && self.people.is_some() {
                    match c.group {
                        VictimGroup::Children | VictimGroup::Women => self.people_civilian = true,
                        VictimGroup::Combatants => self.people_mixed = true,
                        VictimGroup::Civilians | VictimGroup::People => {}
                    }
                }
                match (c.group, subset) {
                    (VictimGroup::Children, _) => add(&mut self.children, c.count),
                    (VictimGroup::Women, _) => add(&mut self.women, c.count),
                    (VictimGroup::Civilians, true) => add(&mut self.civilians_named, c.count),
                    _ => {}
                }
                if !subset {
                    match c.group {
                        VictimGroup::Civilians | VictimGroup::Children | VictimGroup::Women => {
                            add(&mut self.civilians, c.count)
                        }
                        VictimGroup::Combatants => add(&mut self.combatants, c.count),
                        VictimGroup::People => add(&mut self.people, c.count),
                    }
                }
            }
        }
    }

    /// Field by field, the larger of two tolls for one event; but an exact toll replaces a
    /// vague one ("dozens were killed ... 23 people died": 23, not 12 or the larger).
    fn max(self, o: Tally) -> Tally {
        if self.killed.is_some() && o.killed.is_some() && self.vague != o.vague {
            return if self.vague { o } else { self };
        }
        Tally {
            killed: self.killed.max(o.killed),
            injured: self.injured.max(o.injured),
            civilians: self.civilians.max(o.civilians),
            children: self.children.max(o.children),
            women: self.women.max(o.women),
            combatants: self.combatants.max(o.combatants),
            people: self.people.max(o.people),
            civilians_named: self.civilians_named.max(o.civilians_named),
            people_civilian: self.people_civilian || o.people_civilian,
            people_mixed: self.people_mixed || o.people_mixed,
            vague: match (self.killed, o.killed) {
                (Some(_), Some(_)) => self.vague && o.vague,
                (Some(_), None) => self.vague,
                _ => o.vague,
            },
        }
    }
}

/// How many words may stand between a count and its verb ("40 soldiers and pro-regime
/// fighters were killed").
const VERB_REACH: usize = 6;
/// How many words after the link the trigger of what killed them may stand ("when rebels blew
/// up", "in a series of air strikes").
const CAUSE_REACH: usize = 4;

/// Whether the trigger starting at `trigger` says what killed the dead counted at `count`: the
/// count is the subject of a verb of harm right after it, and the verb's "when", "in" or "by"
/// phrase holds the trigger ("nearly 40 soldiers were killed when rebels blew up a tunnel").
fn says_what_killed(v: &Vocab, text: &str, count: Span, trigger: usize) -> bool {
    let Some(gap) = text.get(count.end..trigger) else {
        return false;
    };
    let words: Vec<String> = gap
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|ch: char| !ch.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let Some(verb) = words
        .iter()
        .take(VERB_REACH + 1)
        .position(|w| v.count_verbs.contains(w))
    else {
        return false;
    };
    let mut rest = words[verb + 1..]
        .iter()
        .skip_while(|w| v.after_harm_verb.contains(w));
    rest.next().is_some_and(|w| v.cause_links.contains(w)) && rest.count() <= CAUSE_REACH
}

/// Adds each count of sentence `sentence` of `text` to the event whose trigger closely follows
/// it and says what killed them, else to the one whose trigger comes last before it (the first
/// event when the count comes first). A count outside every event's clause ("... while 100
/// died in Aleppo") is attached to none: `scopes` holds each event's clause, with the clauses
/// of the killings it took in that name no place of their own ("one person was killed while
/// three others were injured in an attack").
pub(crate) fn casualties_of<'c>(
    v: &Vocab,
    text: &str,
    mut events: Vec<&mut Event>,
    scopes: &[Span],
    casualties: impl Iterator<Item = &'c Casualty>,
) {
    if events.is_empty() {
        return;
    }
    // Per event: the tolls finished so far (kept as their maximum) and the one being read,
    // which starts as the toll the event has already: a later sentence's "one person later
    // died in hospital" keeps the 38 injured of the blast, and its "two guards were also
    // killed" adds to the dead.
    let mut done: Vec<Tally> = vec![Tally::default(); events.len()];
    let mut open: Vec<Option<Tally>> = events
        .iter()
        .map(|e| {
            let c = &e.casualties;
            (c.killed.is_some() || c.injured.is_some()).then(|| Tally::of(c))
        })
        .collect();
    let mut spans: Vec<Option<Span>> = vec![None; events.len()];
    for c in casualties {
        let in_scope = |i: usize| scopes.get(i).is_none_or(|s| s.contains(c.span));
        // An arrest, an agreement records no deaths (ACLED's codebook): the dead of their
        // sentence are another event's. A protest keeps them for now: deaths at the hands of
        // those who met it make it excessive force (events, protests), and the deaths it was
        // only about are cleared once it is typed (events, deathless).
        let deathless = |i: usize| {
            let kind = events[i].sub_event_type;
            c.harm == Harm::Killed
                && kind.event_type() != EventType::Protests
                && v.deathless_sub_event_types.contains(&kind)
        };
        let candidates: Vec<usize> = (0..events.len())
            .filter(|&i| in_scope(i) && !deathless(i))
            .collect();
        // Violence takes the toll before developments do: in "a car bomb attack on buses
        // carrying people evacuated from two towns killed 43", the bomb killed them.
        // Destruction by explosives counts as violence here: if it killed, it is a bombing.
        let candidates = prefer(candidates, |i| {
            is_violent_type(events[i].sub_event_type) || explosive_destruction(events[i])
        });
        // And what happened takes it before what was only aimed at or denied: in "a blast hit
        // buses waiting to enter Aleppo, killing 100", the blast killed them.
        let candidates = prefer(candidates, |i| events[i].modality == Modality::Asserted);
        let Some(&first) = candidates.first() else {
            continue;
        };
        let cause = candidates
            .iter()
            .copied()
            .filter(|&i| events[i].trigger_span.start >= c.span.end)
            .min_by_key(|&i| events[i].trigger_span.start)
            .filter(|&i| says_what_killed(v, text, c.span, events[i].trigger_span.start));
        let target = cause
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .rfind(|&i| events[i].trigger_span.start <= c.span.start)
            })
            .unwrap_or(first);
        spans[target] = Some(spans[target].map_or(c.span, |s| s.cover(c.span)));
        // Counts joined by "and", a breakdown, and more dead told with "also" add to the
        // toll being read; any other count is the toll told again.
        let joins_previous =
            c.subset || c.rule == "casualty:coordinated" || c.rule == "casualty:count-more";
        if !joins_previous {
            if let Some(t) = open[target].take() {
                done[target] = done[target].max(t);
            }
        }
        open[target].get_or_insert_with(Tally::default).count(c);
    }
    for (i, e) in events.iter_mut().enumerate() {
        let Some(span) = spans[i] else { continue };
        let t = open[i].map_or(done[i], |o| done[i].max(o));
        let span = e.casualties.span.map_or(span, |s| s.cover(span));
        apply(e, t, span);
    }
}

/// Whether an event destroyed property with explosives ("blew up a tunnel"), which is a
/// bombing once it kills.
fn explosive_destruction(e: &Event) -> bool {
    e.sub_event_type == SubEventType::LootingPropertyDestruction
        && e.method.as_deref() == Some(EXPLOSIVE)
}

/// The candidates `keep` accepts, or all of them when it accepts none.
fn prefer(candidates: Vec<usize>, keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let kept: Vec<usize> = candidates.iter().copied().filter(|&i| keep(i)).collect();
    if kept.is_empty() {
        candidates
    } else {
        kept
    }
}

/// Writes a tally into an event's casualties: "people" count as civilians when the event
/// targeted civilians, was not a battle, or was an attack on no armed side, unless the text
/// names the civilians among them.
fn apply(e: &mut Event, t: Tally, span: Span) {
    // An attack or a killing with no armed side named as its target ("the Daesh attack on the
    // village killed 51 people") is no battle: its dead are not fighters.
    let one_sided = ["attack.", "kill."].iter().any(|r| e.rule.starts_with(r));
    let civilian_context = e
        .actor2
        .as_ref()
        .map_or(e.event_type() != EventType::Battles || one_sided, |a| {
            a.category == ActorCategory::Civilians
        });
    let (civilians, civilians_inferred) = match t.civilians_named {
        Some(named) => (Some(named.max(t.civilians.unwrap_or(0))), false),
        None if civilian_context || (t.people_civilian && !t.people_mixed) => {
            match (t.civilians, t.people) {
                (c, None) => (c, false),
                (c, Some(p)) => (Some(c.unwrap_or(0).saturating_add(p)), true),
            }
        }
        None => (t.civilians, false),
    };
    // "Daesh has killed 33 young men": a killing whose dead are all civilians, with no armed
    // side named as its target, is violence against civilians, not a battle.
    if one_sided
        && e.actor2.is_none()
        && e.sub_event_type == SubEventType::ArmedClash
        && civilians.is_some_and(|c| c > 0)
        && t.combatants.is_none()
    {
        e.sub_event_type = SubEventType::Attack;
    }
    // "Rebels blew up a tunnel under a government position, killing 38 soldiers": destruction
    // by explosives that kills is an explosion (ACLED's remote explosive), not damage to
    // property.
    if explosive_destruction(e) && t.killed.is_some_and(|k| k > 0) {
        e.sub_event_type = SubEventType::RemoteExplosive;
        e.cameo = Some(BOMBING_CAMEO.to_string());
        e.plover = Some(ASSAULT.to_string());
    }
    e.casualties = Casualties {
        killed: t.killed,
        injured: t.injured,
        civilians_killed: civilians,
        children_killed: t.children,
        women_killed: t.women,
        combatants_killed: t.combatants,
        span: Some(span),
        vague: t.vague && t.killed.is_some(),
        civilians_inferred,
    };
}
