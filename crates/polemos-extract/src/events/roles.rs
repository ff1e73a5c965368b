//! Who did what to whom: choosing the agent and the target of a trigger among the actors of
//! its clause.

use polemos_core::{ActorCategory, ActorRef};

use crate::actors::ActorMatch;
use crate::context::{next_words, previous_words};
use crate::fold::Folded;
use crate::lexicon::Vocab;
use crate::triggers::{TriggerMatch, TriggerPos};

/// The roles found for a trigger, and the rule that found the agent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    pub actor1: Option<ActorRef>,
    pub actor2: Option<ActorRef>,
    pub rule: &'static str,
}

impl Roles {
    /// Whether the roles were read off an active verb, whose subject did it and whose object
    /// had it done to them.
    pub fn read_off_active_verb(&self) -> bool {
        is_active_verb_rule(self.rule)
    }
}

/// Whether `rule` is one reading roles off an active verb.
pub(crate) fn is_active_verb_rule(rule: &str) -> bool {
    matches!(rule, "role:active-subject-object" | "role:shared-subject")
}

/// How many words may stand inside a verb group between its auxiliary and its participle
/// ("were on Wednesday night reportedly shot").
const VERB_GROUP_GAP: usize = 4;

/// Whether the words right before folded offset `at` make a verb passive ("were attacked",
/// "were reportedly attacked", "was on Sunday night lynched").
fn is_passive(v: &Vocab, folded: &Folded, at: usize) -> bool {
    let before = previous_words(folded, at, VERB_GROUP_GAP + 1);
    let auxiliary = before
        .iter()
        .position(|w| !v.inside_verb_group(w))
        .and_then(|i| before.get(i));
    auxiliary.is_some_and(|w| v.passive_auxiliaries.contains(w))
        // "came under attack": the subject is attacked.
        || v.subjection_phrases.precedes(&before)
}

/// Whether the trigger's "by" phrase starts right after it, as a participle with no
/// auxiliary has it in a headline or a reduced relative clause ("Suspected Mungiki members
/// killed by police", "a man shot dead by gunmen on Monday"): the verb is passive.
fn agent_right_after(folded: &Folded, t: &TriggerMatch, by_agent: Option<&ActorMatch>) -> bool {
    by_agent.is_some() && next_words(folded, t.folded.1, 1).first() == Some(&"by")
}

/// Whether an active verb trigger shares the subject of a verb before it, joined to it by a
/// coordinator ("police pursued the raiders and killed six", "and then killed") or as a
/// participle after a comma ("jets struck the hideouts, killing eight"): its agent is that
/// verb's subject, not the object standing between them.
fn shares_subject(v: &Vocab, folded: &Folded, (ts, te): (usize, usize)) -> bool {
    let before = previous_words(folded, ts, 2);
    let coordinated = match before.as_slice() {
        [c, ..] if v.verb_coordinators.contains(c) => true,
        [a, c] => v.inside_verb_group(a) && v.verb_coordinators.contains(c),
        _ => false,
    };
    let participle = || {
        let text = folded.text.get(ts..te).unwrap_or("");
        let first = text.split(|c: char| !c.is_alphanumeric()).next();
        first.is_some_and(|w| w.ends_with("ing"))
            && folded
                .text
                .get(..ts)
                .is_some_and(|h| h.trim_end().ends_with(','))
    };
    coordinated || participle()
}

/// How many words (an article, "fierce", "overnight") may stand between the preposition and
/// the trigger.
const VICTIM_GAP: usize = 2;

/// Whether a relative clause opens between folded offsets `from` and `to`: in "killed in the
/// blast which brought down a building used by the regime", the regime is no side of the blast.
fn relative_clause_between(v: &Vocab, folded: &Folded, from: usize, to: usize) -> bool {
    from < to
        && folded
            .words_iter(from, to)
            .any(|w| v.relative_words.contains(w.text))
}

/// Whether the words before a noun trigger make its subject the dead: "were killed in clashes",
/// "died in overnight fighting", "killed fighting" (a headline's participle).
fn victims_before(v: &Vocab, folded: &Folded, at: usize) -> bool {
    let before = previous_words(folded, at, VICTIM_GAP + 2);
    if before.first().is_some_and(|w| v.victim_verbs.contains(w)) {
        return true;
    }
    (0..=VICTIM_GAP).any(|k| {
        before
            .get(k)
            .is_some_and(|w| v.cause_prepositions.contains(w))
            && before
                .get(k + 1)
                .is_some_and(|w| v.victim_verbs.contains(w))
    })
}

/// The actor named as the object of a verb of blame before the trigger, if any: the one right
/// after "accused" (or "accused the", "blamed the").
fn accused<'a>(v: &Vocab, folded: &Folded, before: &[&'a ActorMatch]) -> Option<&'a ActorMatch> {
    before.iter().copied().find(|a| {
        previous_words(folded, folded_start(folded, a), 2)
            .iter()
            .enumerate()
            .any(|(k, w)| {
                v.accuse_verbs.contains(w)
                    && (k == 0
                        || previous_words(folded, folded_start(folded, a), 1)
                            .first()
                            .is_some_and(|d| matches!(*d, "the" | "a" | "an")))
            })
    })
}

/// Whether the trigger downs an aircraft named right before it, with no auxiliary.
fn aircraft_downed(v: &Vocab, folded: &Folded, t: &TriggerMatch) -> bool {
    let (ts, te) = t.folded;
    folded
        .text
        .get(ts..te)
        .is_some_and(|t| v.downing_words.texts().any(|d| d == t))
        && previous_words(folded, ts, 1)
            .first()
            .is_some_and(|w| v.downable_aircraft.contains(w))
}

fn folded_start(folded: &Folded, a: &ActorMatch) -> usize {
    folded.folded_offset(a.actor.span.start)
}

fn folded_end(folded: &Folded, a: &ActorMatch) -> usize {
    folded.folded_offset(a.actor.span.end)
}

/// How an actor is introduced by a "by" phrase, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum By {
    None,
    /// "attacked by IS": the agent.
    Agent,
    /// "backed by Russian jets": a supporter, in no role of its own.
    Support,
}

fn by_phrase(v: &Vocab, folded: &Folded, a: &ActorMatch) -> By {
    let before = previous_words(folded, folded_start(folded, a), 6);
    let supports = |by_at: usize| {
        before
            .get(by_at + 1)
            .is_some_and(|w| v.support_participles.contains(w) || v.state_participles.contains(w))
    };
    let hedge = |w: &str| v.agent_hedges.contains(w);
    let by_at = match before.as_slice() {
        ["by", ..] => 0,
        ["the" | "a" | "an", "by", ..] => 1,
        // "air raids by suspected Russian jets": the hedge leaves the agent an agent.
        [h, "by", ..] if hedge(h) => 1,
        [h, "the" | "a" | "an", "by", ..] if hedge(h) => 2,
        ["the" | "a" | "an", h, "by", ..] if hedge(h) => 2,
        // "a city held by al-Qaeda affiliate the Nusra Front": a title between the participle
        // and the name still makes the holder no target.
        _ => {
            let far = (2..BY_TITLE_REACH).find(|&i| before.get(i) == Some(&"by"));
            return match far {
                Some(i) if supports(i) => By::Support,
                _ => By::None,
            };
        }
    };
    if supports(by_at) {
        By::Support
    } else {
        By::Agent
    }
}

/// How many words back a "held by" or "backed by" may stand from the actor it introduces.
const BY_TITLE_REACH: usize = 5;

/// The clauses around a trigger, as folded ranges within its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clauses {
    /// Up to the nearest clause word ((`clause_words`)) on either side: where the trigger's
    /// actors and modality cues are looked for.
    pub clause: (usize, usize),
    /// Up to the nearest contrast word ((`contrast_words`)) on either side: the scope of the
    /// event's place and casualties.
    pub contrast: (usize, usize),
}

/// A word of a sentence that bounds clauses: its folded range, and whether it is a clause
/// word ((`clause_words`)) and a contrast word ((`contrast_words`)).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Boundary {
    start: usize,
    end: usize,
    clause: bool,
    contrast: bool,
}

/// The boundary words of the folded range `sentence`, and its semicolons, in order: found
/// once per sentence and shared by the clauses of all its triggers.
pub(crate) fn boundaries(v: &Vocab, folded: &Folded, sentence: (usize, usize)) -> Vec<Boundary> {
    let mut out: Vec<Boundary> = folded
        .words_iter(sentence.0, sentence.1)
        .filter_map(|w| {
            let clause = v.clause_words.contains(w.text);
            let contrast = v.contrast_words.contains(w.text);
            (clause || contrast).then_some(Boundary {
                start: w.start,
                end: w.end,
                clause,
                contrast,
            })
        })
        .collect();
    // Semicolons end clauses too.
    let text = folded.text.get(sentence.0..sentence.1).unwrap_or("");
    let semicolons = text.match_indices(';').map(|(i, _)| Boundary {
        start: sentence.0 + i,
        end: sentence.0 + i + 1,
        clause: true,
        contrast: true,
    });
    if text.contains(';') {
        out.extend(semicolons);
        out.sort_by_key(|b| b.start);
    }
    out
}

/// The clauses around `[start, end)` within the folded range `sentence`, whose boundary words
/// are `bounds` ([`boundaries`]).
pub(crate) fn clauses(
    sentence: (usize, usize),
    bounds: &[Boundary],
    (start, end): (usize, usize),
) -> Clauses {
    let mut clause = sentence;
    let mut contrast = sentence;
    for w in bounds {
        if w.clause {
            bound_at(&mut clause, w, start, end);
        }
        if w.contrast {
            bound_at(&mut contrast, w, start, end);
        }
    }
    Clauses { clause, contrast }
}

/// Narrows `range` to boundary word `w` when it is the nearest so far before `[start, end)`
/// (words come in order) or after it.
fn bound_at(range: &mut (usize, usize), w: &Boundary, start: usize, end: usize) {
    if w.end <= start {
        range.0 = w.start;
    } else if w.start >= end && w.start < range.1 {
        range.1 = w.start;
    }
}

/// Whether actor `a` is the subject of a report verb ("the monitor has reported that ..."):
/// the source of what follows, not a party to it.
fn reports(v: &Vocab, folded: &Folded, a: &ActorMatch) -> bool {
    let next = next_words(folded, folded_end(folded, a), 3);
    let verb = next
        .iter()
        .find(|w| !v.harm_auxiliaries.contains(w))
        .and_then(|w| v.report_verbs.get(w));
    verb.is_some_and(|class| *class == "reported")
}

/// Assigns roles for trigger `t` from the actors of its sentence (in text order).
/// `(lo, hi)` is the trigger's clause ([`Clauses::clause`]).
pub fn assign_roles(
    v: &Vocab,
    folded: &Folded,
    (lo, hi): (usize, usize),
    t: &TriggerMatch,
    pos: TriggerPos,
    actors: &[&ActorMatch],
) -> Roles {
    let (ts, _) = t.folded;
    let in_role = |a: &&ActorMatch| by_phrase(v, folded, a) != By::Support;
    // Actors starting before the trigger (an overlapping one, as in "Russian warplanes struck",
    // counts as before) and after it, within the clause.
    let before: Vec<&ActorMatch> = actors
        .iter()
        .copied()
        .filter(in_role)
        .filter(|a| a.actor.span.start < t.span.start && folded_start(folded, a) >= lo)
        .collect();
    let after: Vec<&ActorMatch> = actors
        .iter()
        .copied()
        .filter(in_role)
        .filter(|a| a.actor.span.start >= t.span.end && folded_end(folded, a) <= hi)
        .collect();
    let by_agent = after
        .iter()
        .copied()
        .find(|a| by_phrase(v, folded, a) == By::Agent);
    let not_by = |a: &&&ActorMatch| by_phrase(v, folded, a) == By::None;

    let (agent, target, rule) = match pos {
        // "Police found the bodies of three men": the finders did not kill them.
        TriggerPos::Discovery => (None, None, "role:discovery"),
        // "Russian military helicopter shot down": a headline drops the auxiliary of the
        // passive, but an aircraft is downed, it downs nothing.
        TriggerPos::Verb
            if is_passive(v, folded, ts)
                || aircraft_downed(v, folded, t)
                || agent_right_after(folded, t, by_agent) =>
        {
            (by_agent, before.last().copied(), "role:passive-by")
        }
        TriggerPos::Verb if accused(v, folded, &before).is_some() => (
            accused(v, folded, &before),
            after.iter().find(not_by).copied(),
            "role:active-accused",
        ),
        // "police pursued the raiders and killed six": the first verb's subject, the first
        // actor of the clause that is neither a "by" phrase nor a reporter.
        TriggerPos::Verb if shares_subject(v, folded, t.folded) && !before.is_empty() => (
            before
                .iter()
                .find(|a| not_by(a) && !reports(v, folded, a))
                .copied(),
            after.iter().find(not_by).copied(),
            "role:shared-subject",
        ),
        // "raids which were likely carried out by Russian jets targeted the village": with no
        // other subject, the agent of the subject's own passive is the agent.
        TriggerPos::Verb => (
            before.iter().rev().find(not_by).copied().or_else(|| {
                before
                    .last()
                    .copied()
                    .filter(|a| by_phrase(v, folded, a) == By::Agent)
            }),
            after.iter().find(not_by).copied(),
            "role:active-subject-object",
        ),
        TriggerPos::Noun => {
            // "Russian air strikes", "IS attack": a modifier right before the noun.
            let adjacent = before.last().copied().filter(|a| {
                let end = folded_end(folded, a);
                end >= ts
                    || folded
                        .text
                        .get(end..ts)
                        .is_some_and(|g| matches!(g.trim(), "" | "s"))
            });
            let target = after.iter().find(not_by).copied();
            // "IS fighters were killed in clashes with the SDF": the subject is the dead, the
            // agent the side they fought ("with", "against") or fell to ("by"); in "killed in
            // raids on Raqqa" the side after the trigger is a target, and the rules below hold.
            let victims = before
                .last()
                .copied()
                .filter(|_| victims_before(v, folded, ts));
            let opponent = after.first().copied().filter(|a| {
                let start = folded_start(folded, a);
                previous_words(folded, start, 2)
                    .iter()
                    .any(|w| v.opponent_prepositions.contains(w))
                    && !relative_clause_between(v, folded, t.folded.1, start)
            });
            match (adjacent, by_agent) {
                (Some(a), _) => (Some(a), target, "role:noun-modifier"),
                (None, _) if victims.is_some() && opponent.is_some() => {
                    (opponent, victims, "role:noun-victims")
                }
                (None, Some(b))
                    if !relative_clause_between(v, folded, t.folded.1, folded_start(folded, b)) =>
                {
                    (Some(b), target, "role:noun-by")
                }
                // "The opposition accused the army of a chemical attack": the accused.
                (None, _) if accused(v, folded, &before).is_some() => {
                    (accused(v, folded, &before), target, "role:noun-accused")
                }
                // "X carried out air strikes on Y": the clause's subject, unless it only
                // reports ("X has reported that Y fired shells").
                (None, _) => (
                    before
                        .iter()
                        .find(|a| not_by(a) && !reports(v, folded, a))
                        .copied(),
                    target,
                    "role:noun-subject",
                ),
            }
        }
    };
    let mut actor1 = agent.map(|a| a.actor.clone());
    let mut actor2 = target.map(|a| a.actor.clone());
    // Civilians are no armed side: named as the agent of violence, they are its target
    // ("civilians came under attack"), except as the subject of an active verb ("villagers beat
    // a thief"), where they did it: a crowd, which is no actor here (crowd violence codes it).
    if actor1
        .as_ref()
        .is_some_and(|a| a.category == ActorCategory::Civilians)
    {
        let civilians = actor1.take();
        if actor2.is_none() && !is_active_verb_rule(rule) {
            actor2 = civilians;
        }
    }
    if let (Some(a), Some(b)) = (&actor1, &actor2) {
        if a.name == b.name {
            actor2 = None;
        }
    }
    Roles {
        actor1,
        actor2,
        rule,
    }
}
