//! Actors the codebook fixes by event type. ACLED codes every protest with the protesters as
//! its first actor and every riot with the rioters, whoever else the text names: "students
//! marched on the ministry" is Protesters (with students as their associated actor), and in
//! "police dispersed protesters with tear gas" the police are the second actor, the side that
//! intervened. The text rarely names the protesters as such ("hundreds rallied", "traders
//! staged a sit-in"), so the event type is what decides.

use polemos_core::{ActorCategory, ActorRef, Event, EventType};

use crate::actors::ActorDictionary;

/// The category the first actor of an event of `kind` always has, if the codebook fixes one.
fn first_actor_category(kind: EventType) -> Option<ActorCategory> {
    match kind {
        EventType::Protests => Some(ActorCategory::Protesters),
        EventType::Riots => Some(ActorCategory::Rioters),
        _ => None,
    }
}

/// Whether an actor found as the agent of a protest or riot is the side that met it (state
/// forces, foreign forces) rather than one of the crowd's own (a party, a union, students).
fn opposes_crowd(a: &ActorRef) -> bool {
    matches!(
        a.category,
        ActorCategory::StateForces | ActorCategory::ExternalForces
    )
}

/// Gives each protest and riot its codebook actor (the dictionary's first actor of the
/// category: "Protesters", "Rioters"), of the country the event is placed in. An agent the
/// roles found that opposes the crowd becomes the second actor if there is none; one of the
/// crowd's own is dropped, as the codebook's generic actor stands for it.
pub fn codebook_actors(dictionary: &ActorDictionary, events: &mut [Event]) {
    for e in events.iter_mut() {
        let Some(category) = first_actor_category(e.event_type()) else {
            continue;
        };
        if e.actor1.as_ref().is_some_and(|a| a.category == category) {
            continue;
        }
        let Some(crowd) = dictionary.actors().iter().find(|a| a.category == category) else {
            continue;
        };
        let found = e.actor1.take();
        if let Some(found) = found.filter(opposes_crowd) {
            if e.actor2.is_none() {
                e.actor2 = Some(found);
            }
        }
        e.actor1 = Some(ActorRef {
            name: crowd.name.clone(),
            category,
            country: e.location.as_ref().map(|l| l.country.clone()),
            span: e.trigger_span,
        });
        e.rule.push_str("+actor1:codebook");
    }
}
