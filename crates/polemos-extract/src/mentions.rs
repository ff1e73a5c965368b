//! The mentions table's rows: every place, actor, trigger and casualty count found, with the
//! event each trigger went into.

use std::borrow::Cow;

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
        canonical: Cow::Owned(p.location.name.clone()),
        actor_category: None,
        location: Some(Box::new(p.location)),
        count: None,
        event: None,
        rule: Cow::Borrowed(p.rule),
    }));
    out.extend(actors.into_iter().map(|a| Mention {
        kind: MentionKind::Actor,
        sentence: a.sentence,
        span: a.actor.span,
        canonical: Cow::Owned(a.actor.name),
        actor_category: Some(a.actor.category),
        location: None,
        count: None,
        event: None,
        rule: Cow::Borrowed(a.rule),
    }));
    out.extend(
        triggers
            .iter()
            .zip(event_of_trigger)
            .filter_map(|(t, event)| {
                let entry = lexicon.get(t.trigger)?;
                let canonical = match entry.sub_event_type {
                    TriggerType::Fixed(s) => s.as_str(),
                    TriggerType::Territory => "Territory change",
                };
                Some(Mention {
                    kind: MentionKind::Trigger,
                    sentence: t.sentence,
                    span: t.span,
                    canonical: Cow::Borrowed(canonical),
                    actor_category: None,
                    location: None,
                    count: None,
                    event: *event,
                    rule: Cow::Owned(format!("trigger:{}", entry.id)),
                })
            }),
    );
    out.extend(casualties.iter().map(|c| Mention {
        kind: MentionKind::Casualty,
        sentence: c.sentence,
        span: c.span,
        canonical: Cow::Owned(format!("{}:{}", c.harm.as_str(), c.group.as_str())),
        actor_category: None,
        location: None,
        count: Some(c.count),
        event: None,
        rule: Cow::Borrowed(c.rule),
    }));
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}
