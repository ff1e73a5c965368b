//! Attaching casualty counts to the events of a sentence, split by who was hit.

use polemos_core::{ActorCategory, Event, EventType, Span};

use crate::casualties::{Casualty, Harm, VictimGroup};

#[derive(Debug, Default)]
struct Tally {
    killed: Option<u32>,
    injured: Option<u32>,
    civilians: Option<u32>,
    children: Option<u32>,
    women: Option<u32>,
    combatants: Option<u32>,
    /// Dead described only as "people": civilians when the event targeted civilians.
    people: Option<u32>,
    span: Option<Span>,
}

fn add(slot: &mut Option<u32>, n: u32) {
    *slot = Some(slot.unwrap_or(0).saturating_add(n));
}

/// Adds each count of sentence `sentence` to the event whose trigger comes last before it (the
/// first event when the count comes first). Totals add up counts that are not subsets
/// ("including five children" is not added again); the breakdown counts children and women as
/// civilians, and "people" as civilians when the event targeted civilians or was not a battle.
///
/// A count outside every event's clause ("... while 100 died in Aleppo") is attached to none:
/// `scopes` holds each event's clause.
pub fn casualties_of(
    mut events: Vec<&mut Event>,
    scopes: &[Span],
    casualties: &[Casualty],
    sentence: u32,
) {
    if events.is_empty() {
        return;
    }
    let mut tallies: Vec<Tally> = events.iter().map(|_| Tally::default()).collect();
    for c in casualties.iter().filter(|c| c.sentence == sentence) {
        let in_scope = |i: usize| scopes.get(i).is_none_or(|s| s.contains(c.span));
        let candidates: Vec<usize> = (0..events.len()).filter(|&i| in_scope(i)).collect();
        let Some(&first) = candidates.first() else {
            continue;
        };
        let target = candidates
            .iter()
            .copied()
            .rfind(|&i| events[i].trigger_span.start <= c.span.start)
            .unwrap_or(first);
        let t = &mut tallies[target];
        t.span = Some(t.span.map_or(c.span, |s| s.cover(c.span)));
        match c.harm {
            Harm::Injured => {
                if !c.subset {
                    add(&mut t.injured, c.count);
                }
            }
            Harm::Killed => {
                if !c.subset {
                    add(&mut t.killed, c.count);
                }
                match c.group {
                    VictimGroup::Children => add(&mut t.children, c.count),
                    VictimGroup::Women => add(&mut t.women, c.count),
                    _ => {}
                }
                if !c.subset {
                    match c.group {
                        VictimGroup::Civilians | VictimGroup::Children | VictimGroup::Women => {
                            add(&mut t.civilians, c.count)
                        }
                        VictimGroup::Combatants => add(&mut t.combatants, c.count),
                        VictimGroup::People => add(&mut t.people, c.count),
                    }
                }
            }
        }
    }
    for (e, t) in events.iter_mut().zip(tallies) {
        let civilian_context = e
            .actor2
            .as_ref()
            .map_or(e.event_type() != EventType::Battles, |a| {
                a.category == ActorCategory::Civilians
            });
        let mut civilians = t.civilians;
        if civilian_context {
            if let Some(p) = t.people {
                add(&mut civilians, p);
            }
        }
        let c = &mut e.casualties;
        c.killed = t.killed;
        c.injured = t.injured;
        c.civilians_killed = civilians;
        c.children_killed = t.children;
        c.women_killed = t.women;
        c.combatants_killed = t.combatants;
        c.span = t.span;
    }
}
