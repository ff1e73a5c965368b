//! Folding reports into the events they belong to: a claim of responsibility into the attack it
//! claims, a generic opening or headline into the report that tells it in detail.

use polemos_core::{ActorCategory, Event, PlaceKind};

use super::absorb::absorb;
use super::same::{compatible, same_circumstances, unidentified};
use super::{country_of, first_evidence, generic_fits, is_violent, Built, OPENING};
use crate::fold::fold_key;
use crate::lexicon::Vocab;

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
pub(super) fn fold_claims(v: &Vocab, text: &str, mut built: Vec<Built>) -> Vec<Built> {
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

/// A vague report placed only in a country ("raid on Syria ...", "Extremists in Syria admit
/// killing 30") is placed by the report in that country it is a vaguer wording of: the report
/// without its place, to compare. Not a report of fighting: "IS jihadists killed fighting Syria
/// Kurds" is a battle of its own, wherever in Syria, not a wording of the villages IS seized.
fn placed_only_in_country(e: &Event) -> Option<Event> {
    let in_country = e
        .location
        .as_ref()
        .is_some_and(|l| l.feature == PlaceKind::Country);
    (in_country && !e.rule.starts_with("clash.")).then(|| Event {
        location: None,
        ..e.clone()
    })
}

/// An article's opening often says only that violence happened ("Deadly attack on Aleppo
/// market") where the next sentences say how ("air strikes hit the market"): a generic report in
/// the headline or opening joins the first specific report of the opening it agrees with.
pub(super) fn fold_generic_openings(text: &str, merged: &mut Vec<Built>, headline: Option<u32>) {
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
