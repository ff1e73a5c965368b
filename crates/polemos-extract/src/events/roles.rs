//! Who did what to whom: choosing the agent and the target of a trigger among the actors of
//! its clause.

use polemos_core::{ActorCategory, ActorRef};

use crate::actors::ActorMatch;
use crate::context::previous_words;
use crate::fold::Folded;
use crate::triggers::{TriggerMatch, TriggerPos};

/// The roles found for a trigger, and the rule that found the agent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    pub actor1: Option<ActorRef>,
    pub actor2: Option<ActorRef>,
    pub rule: &'static str,
}

const PASSIVE_AUX: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];
/// Words that open a new clause: an actor beyond one belongs to another event.
const CLAUSE_WORDS: &[&str] = &[
    "as",
    "while",
    "when",
    "after",
    "before",
    "but",
    "although",
    "because",
    "whereas",
    "since",
    "though",
    "whilst",
    "said",
    "says",
    "told",
    "according",
];
/// Participles before "by" that make the by-phrase a supporter, not the agent
/// ("backed by Russian jets").
/// Participles before "by" that describe a place or a thing, not an action ("a town held by
/// Daesh", "besieged by rebels").
const STATE_WORDS: &[&str] = &[
    "held",
    "controlled",
    "run",
    "besieged",
    "surrounded",
    "occupied",
    "encircled",
    "ruled",
    "dominated",
];
const SUPPORT_WORDS: &[&str] = &[
    "backed",
    "supported",
    "aided",
    "helped",
    "reinforced",
    "assisted",
    "escorted",
    "accompanied",
    "covered",
    "joined",
    "armed",
    "trained",
    "funded",
];

/// Whether the words right before folded offset `at` make a verb passive ("were attacked",
/// "were reportedly attacked").
fn is_passive(folded: &Folded, at: usize) -> bool {
    let before = previous_words(folded, at, 2);
    before.first().is_some_and(|w| PASSIVE_AUX.contains(w))
        || (before.len() == 2 && before[0].ends_with("ly") && PASSIVE_AUX.contains(&before[1]))
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

fn by_phrase(folded: &Folded, a: &ActorMatch) -> By {
    let before = previous_words(folded, folded_start(folded, a), 3);
    let by_at = match before.as_slice() {
        ["by", ..] => 0,
        ["the" | "a" | "an", "by", ..] => 1,
        _ => return By::None,
    };
    match before.get(by_at + 1) {
        Some(w) if SUPPORT_WORDS.contains(w) || STATE_WORDS.contains(w) => By::Support,
        _ => By::Agent,
    }
}

/// Words that set a clause against the one before: what stands beyond one reports something
/// else ("200 were killed in Raqqa while 100 died in Aleppo").
pub(crate) const CONTRAST_WORDS: &[&str] = &[
    "while",
    "whereas",
    "but",
    "meanwhile",
    "separately",
    "elsewhere",
    "whilst",
];

/// The folded range of the clause around `[start, end)` within `[sentence_start, sentence_end)`.
pub(crate) fn clause(
    folded: &Folded,
    sentence: (usize, usize),
    start: usize,
    end: usize,
) -> (usize, usize) {
    clause_bounded_by(folded, sentence, (start, end), CLAUSE_WORDS)
}

/// The folded range around `[start, end)` up to the nearest of `boundaries` on either side
/// (and semicolons), within the sentence.
pub(crate) fn clause_bounded_by(
    folded: &Folded,
    sentence: (usize, usize),
    (start, end): (usize, usize),
    boundaries: &[&str],
) -> (usize, usize) {
    let words = folded.words_iter(sentence.0, sentence.1);
    let mut lo = sentence.0;
    let mut hi = sentence.1;
    for w in words {
        if boundaries.contains(&w.text) {
            if w.end <= start {
                lo = w.start;
            } else if w.start >= end && w.start < hi {
                hi = w.start;
            }
        }
    }
    // Semicolons and dashes between clauses end them too.
    if let Some(i) = folded.text.get(lo..start).and_then(|s| s.rfind(';')) {
        lo = lo + i + 1;
    }
    if let Some(i) = folded.text.get(end..hi).and_then(|s| s.find(';')) {
        hi = end + i;
    }
    (lo, hi)
}

/// Assigns roles for trigger `t` from the actors of its sentence (in text order).
/// `sentence` is the sentence's folded range.
pub fn assign_roles(
    folded: &Folded,
    sentence: (usize, usize),
    t: &TriggerMatch,
    pos: TriggerPos,
    actors: &[&ActorMatch],
) -> Roles {
    let (ts, te) = t.folded;
    let (lo, hi) = clause(folded, sentence, ts, te);
    let in_role = |a: &&ActorMatch| by_phrase(folded, a) != By::Support;
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
        .find(|a| by_phrase(folded, a) == By::Agent);
    let not_by = |a: &&&ActorMatch| by_phrase(folded, a) == By::None;

    let (agent, target, rule) = match pos {
        TriggerPos::Verb if is_passive(folded, ts) => {
            (by_agent, before.last().copied(), "role:passive-by")
        }
        TriggerPos::Verb => (
            before.iter().rev().find(not_by).copied(),
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
            match (adjacent, by_agent) {
                (Some(a), _) => (Some(a), target, "role:noun-modifier"),
                (None, Some(b)) => (Some(b), target, "role:noun-by"),
                // "X carried out air strikes on Y": the clause's subject.
                (None, None) => (
                    before.iter().find(not_by).copied(),
                    target,
                    "role:noun-subject",
                ),
            }
        }
    };
    let mut actor1 = agent.map(|a| a.actor.clone());
    let mut actor2 = target.map(|a| a.actor.clone());
    // Civilians are never the agent of violence: they are its target.
    if actor1
        .as_ref()
        .is_some_and(|a| a.category == ActorCategory::Civilians)
    {
        let civilians = actor1.take();
        if actor2.is_none() {
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
