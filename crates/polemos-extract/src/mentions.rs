//! The mentions table's rows: every place, actor, trigger and casualty count found, with the
//! event each trigger went into.

use polemos_core::{Mention, MentionKind};

use crate::actors::ActorMatch;
use crate::casualties::Casualty;
use crate::gazetteer::PlaceMatch;
use crate::triggers::{TriggerLexicon, TriggerMatch, TriggerType};

/// The mentions of a document. Places and actors are taken by value: this is their last use,
/// and their names and locations move into the mentions instead of being copied.
pub(crate) fn mentions(
    lexicon: &TriggerLexicon,
    places: Vec<PlaceMatch>,
    actors: Vec<ActorMatch>,
    (triggers, event_of_trigger): (&[TriggerMatch], &[Option<u32>]),
    casualties: &[Casualty],
) -> Vec<Mention> {
    let mut out =
        Vec::with_capacity(places.len() + actors.len() + triggers.len() + casualties.len());
    out.extend(places.into_iter().map(|p| Mention {
        kind: MentionKind::Place,
        sentence: p.sentence,
        span: p.span,
        canonical: p.location.name.clone(),
        actor_category: None,
        location: Some(p.location),
        count: None,
        event: None,
        rule: p.rule.to_string(),
    }));
    out.extend(actors.into_iter().map(|a| Mention {
        kind: MentionKind::Actor,
        sentence: a.sentence,
        span: a.actor.span,
        canonical: a.actor.name,
        actor_category: Some(a.actor.category),
        location: None,
        count: None,
        event: None,
        rule: a.rule.to_string(),
    }));
    out.extend(
        triggers
            .iter()
            .zip(event_of_trigger)
            .filter_map(|(t, event)| {
                let entry = lexicon.get(t.trigger)?;
                let canonical = match entry.sub_event_type {
                    TriggerType::Fixed(s) => s.as_str().to_string(),
                    TriggerType::Territory => "Territory change".to_string(),
                };
                Some(Mention {
                    kind: MentionKind::Trigger,
                    sentence: t.sentence,
                    span: t.span,
                    canonical,
                    actor_category: None,
                    location: None,
                    count: None,
                    event: *event,
                    rule: format!("trigger:{}", entry.id),
                })
            }),
    );
    out.extend(casualties.iter().map(|c| Mention {
        kind: MentionKind::Casualty,
        sentence: c.sentence,
        span: c.span,
        canonical: format!("{}:{}", c.harm.as_str(), c.group.as_str()),
        actor_category: None,
        location: None,
        count: Some(c.count),
        event: None,
        rule: c.rule.to_string(),
    }));
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}
