//! Actors the codebook fixes by event type (the lexicon's `codebook_actors`). ACLED codes
//! every protest with the protesters as its first actor and every riot with the rioters,
//! whoever else the text names: "students marched on the ministry" is Protesters (with students
//! as their associated actor), and in "police dispersed protesters with tear gas" the police are
//! the second actor, the side that intervened. The text rarely names the protesters as such
//! ("hundreds rallied", "traders staged a sit-in"), so the event type is what decides. Violence
//! whose perpetrator the text leaves unnamed is coded to an unidentified armed group.

use polemos_core::{ActorCategory, ActorRef, Event};

use super::roles::is_active_verb_rule;
use crate::fold::fold_key;
use crate::lexicon::{CodebookActor, CodebookWhen, Vocab};

/// Whether an actor found as the agent of a protest or riot is the side that met it (state
/// forces, foreign forces) rather than one of the crowd's own (a party, a union, students).
fn opposes_crowd(a: &ActorRef) -> bool {
    matches!(
        a.category,
        ActorCategory::StateForces | ActorCategory::ExternalForces
    )
}

/// Gives each event the codebook's first actor for its sub-event type or else its event type,
/// of the country the event is placed in: always for the types whose actor is fixed (an agent
/// found that opposes the crowd becomes the second actor if there is none; one of the crowd's
/// own is dropped, as the codebook's actor stands for it), and for the others only where no
/// agent was found.
pub fn codebook_actors(v: &Vocab, events: &mut [Event]) {
    for e in events.iter_mut() {
        codebook_second_actor(v, e);
        let Some(codebook) = entry_for(&v.codebook_actors, e) else {
            continue;
        };
        let CodebookActor {
            name,
            category,
            when,
        } = codebook;
        match (&e.actor1, when) {
            (_, CodebookWhen::Never) => continue,
            (Some(a), _) if a.category == *category => continue,
            (Some(_), CodebookWhen::Unnamed | CodebookWhen::Untold) => continue,
            (None, CodebookWhen::Untold) if read_off_active_verb(&e.rule) => continue,
            _ => {}
        }
        // The crowd named as a target ("killing two protesters"), or as civilians ("students
        // who marched"), is the crowd itself, not a second side.
        let crowd_itself = |a: &ActorRef| {
            a.category == *category
                || (*category == ActorCategory::Protesters
                    && a.category == ActorCategory::Civilians)
        };
        if *when == CodebookWhen::Always && e.actor2.as_ref().is_some_and(crowd_itself) {
            e.actor2 = None;
        }
        if let Some(found) = e.actor1.take().filter(opposes_crowd) {
            if e.actor2.is_none() {
                e.actor2 = Some(found);
            }
        }
        e.actor1 = Some(ActorRef {
            name: name.clone(),
            category: *category,
            country: e.location.as_ref().map(|l| l.country.clone()),
            span: e.trigger_span,
        });
        e.rule.push_str("+actor1:codebook");
    }
}

/// Whether an event's roles were read off an active verb (its rule trail says so), whose
/// subject, recognised or not, did it.
fn read_off_active_verb(rule: &str) -> bool {
    rule.split('+').any(is_active_verb_rule)
}

/// The codebook's row of `table` for `e`: its sub-event type's, else its event type's.
fn entry_for<'a>(table: &'a [(Box<str>, CodebookActor)], e: &Event) -> Option<&'a CodebookActor> {
    let entry = |key: &str| {
        let key = fold_key(key);
        table.iter().find(|(k, _)| **k == *key).map(|(_, c)| c)
    };
    entry(e.sub_event_type.as_str()).or_else(|| entry(e.event_type().as_str()))
}

/// Gives `e` the codebook's second actor for its type (the lexicon's
/// `codebook_second_actors`): the civilians of violence against civilians where the text
/// names no target, as ACLED codes every victim of it (rule `actor2:codebook`). Run once
/// reports are merged, so that the target it fills in does not keep two reports of one
/// event apart.
fn codebook_second_actor(v: &Vocab, e: &mut Event) {
    let Some(codebook) = entry_for(&v.codebook_second_actors, e) else {
        return;
    };
    let fill = match codebook.when {
        CodebookWhen::Never => false,
        CodebookWhen::Unnamed | CodebookWhen::Untold => e.actor2.is_none(),
        CodebookWhen::Always => e
            .actor2
            .as_ref()
            .is_none_or(|a| a.category != codebook.category),
    };
    if !fill {
        return;
    }
    e.actor2 = Some(ActorRef {
        name: codebook.name.clone(),
        category: codebook.category,
        country: e.location.as_ref().map(|l| l.country.clone()),
        span: e.casualties.span.unwrap_or(e.trigger_span),
    });
    e.rule.push_str("+actor2:codebook");
}

/// ACLED codes a state's forces acting outside their own country as external forces (Russian
/// forces in Ukraine or Syria, Indian border guards firing across the border into
/// Bangladesh): each event's state actors of another country than the one the event is placed
/// in (or, where it is not placed, the document's) become external forces.
pub fn foreign_forces(events: &mut [Event], document_country: Option<&str>) {
    for e in events.iter_mut() {
        let here = e
            .location
            .as_ref()
            .map(|l| l.country.as_str())
            .or(document_country);
        let Some(here) = here else { continue };
        let mut changed = false;
        for a in [&mut e.actor1, &mut e.actor2].into_iter().flatten() {
            if a.category == ActorCategory::StateForces
                && a.country.as_deref().is_some_and(|c| c != here)
            {
                a.category = ActorCategory::ExternalForces;
                changed = true;
            }
        }
        if changed {
            e.rule.push_str("+actor:foreign-forces");
        }
    }
}

#[cfg(test)]
mod tests {
    use polemos_core::SubEventType;

    use super::*;

    #[test]
    fn every_codebook_entry_names_an_event_type() {
        let v = Vocab::embedded();
        let types: Vec<String> = SubEventType::ALL
            .iter()
            .map(|t| fold_key(t.event_type().as_str()))
            .collect();
        let sub_types: Vec<String> = SubEventType::ALL
            .iter()
            .map(|t| fold_key(t.as_str()))
            .collect();
        for (entry, _) in &v.codebook_actors {
            assert!(
                types.iter().chain(&sub_types).any(|t| **t == **entry),
                "`{entry}` is no event or sub-event type"
            );
        }
        assert!(v.codebook_actors.len() >= 5);
    }
}
