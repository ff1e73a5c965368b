//! Absorbing a report into the event it repeats: the merged event takes from the other
//! report what it lacks.

use polemos_core::{ActorRef, Casualties, Event};

use super::same::unidentified;
use crate::events::settle_territory_type;

/// Takes from `other` what `into` lacks.
pub(crate) fn absorb(into: &mut Event, other: Event) {
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
