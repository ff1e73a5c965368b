//! Who did what to whom: choosing the agent and the target of a trigger among the actors of
//! its sentence.

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

const PASSIVE_AUX: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "came", "come"];

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

/// Whether the actor is introduced by "by" ("attacked by IS", "strikes by Russian jets").
fn after_by(folded: &Folded, a: &ActorMatch) -> bool {
    let before = previous_words(folded, folded_start(folded, a), 2);
    before.first().is_some_and(|w| *w == "by")
        || (before.len() == 2 && before[0] == "the" && before[1] == "by")
}

/// Assigns roles for trigger `t` from the actors of its sentence (in text order).
pub fn assign_roles(folded: &Folded, t: &TriggerMatch, pos: TriggerPos, actors: &[&ActorMatch]) -> Roles {
    let ts = t.folded.0;
    let before: Vec<&ActorMatch> = actors
        .iter()
        .copied()
        .filter(|a| a.actor.span.end <= t.span.start)
        .collect();
    let after: Vec<&ActorMatch> = actors
        .iter()
        .copied()
        .filter(|a| a.actor.span.start >= t.span.end)
        .collect();
    let by_agent = after.iter().copied().find(|a| after_by(folded, a));

    let (agent, target, rule) = match pos {
        TriggerPos::Verb if is_passive(folded, ts) => (
            by_agent,
            before.last().copied(),
            "role:passive-by",
        ),
        TriggerPos::Verb => (
            before.iter().rev().copied().find(|a| !after_by(folded, a)),
            after.iter().copied().find(|a| !after_by(folded, a)),
            "role:active-subject-object",
        ),
        TriggerPos::Noun => {
            // "Russian air strikes", "IS attack": a modifier right before the noun.
            let adjacent = before.last().copied().filter(|a| {
                let gap = folded.text.get(folded_end(folded, a)..ts).unwrap_or("");
                gap.trim().is_empty() || gap.trim() == "s"
            });
            // "attack on Y", "strikes against Y": the target follows a preposition.
            let target = after.iter().copied().find(|a| !after_by(folded, a));
            match (adjacent, by_agent) {
                (Some(a), _) => (Some(a), target, "role:noun-modifier"),
                (None, Some(b)) => (Some(b), target, "role:noun-by"),
                (None, None) => (
                    before.iter().rev().copied().find(|a| !after_by(folded, a)),
                    target,
                    "role:noun-subject",
                ),
            }
        }
    };
    let mut actor1 = agent.map(|a| a.actor.clone());
    let mut actor2 = target.map(|a| a.actor.clone());
    // Civilians are never the agent of violence: they are its target.
    if actor1.as_ref().is_some_and(|a| a.category == ActorCategory::Civilians) {
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
    Roles { actor1, actor2, rule }
}
