use std::collections::HashMap;
use std::sync::Arc;

use polemos_core::isolate::isolated;
use polemos_core::{
    Document, DocumentExtraction, Event, Mention, MentionKind, ParsedDocument, SentenceKind,
};
use rayon::prelude::*;

use crate::actors::ActorMatch;
use crate::casualties::{find_casualties, Casualty};
use crate::dates::find_dates;
use crate::events::{build_events, choose_lead, fill_from_document, merge_reports, Findings};
use crate::fold::Folded;
use crate::gazetteer::{geocode_document, PlaceMatch};
use crate::joint::JointMatcher;
use crate::lexicon::Vocab;
use crate::triggers::{TriggerLexicon, TriggerMatch, TriggerType};
use crate::Resources;

/// Runs parsing and extraction over documents.
#[derive(Debug, Clone)]
pub struct Pipeline {
    resources: Arc<Resources>,
    /// The actor, trigger and source dictionaries walked together, once per document.
    dictionaries: Arc<JointMatcher>,
    /// The lexicon's word classes as the rules read them.
    vocab: Arc<Vocab>,
}

impl Pipeline {
    pub fn new(resources: Resources) -> Self {
        let dictionaries = JointMatcher::new(&[
            resources.actors.keyed(),
            resources.triggers.keyed(),
            resources.sources.keyed(),
        ])
        .expect("the keys of dictionaries that built their own automata build a joint one");
        let vocab = resources.lexicon.vocab().clone();
        Pipeline {
            resources: Arc::new(resources),
            dictionaries: Arc::new(dictionaries),
            vocab,
        }
    }

    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// Processes one document. Documents that could not be read pass through with no
    /// mentions or events. A bug that panics on some input costs only that document: it comes
    /// back with `status = "error"` and the panic message, and the run goes on.
    pub fn process(&self, doc: Document) -> DocumentExtraction {
        isolated(doc, true, |doc| self.process_unguarded(doc))
    }

    fn process_unguarded(&self, doc: Document) -> DocumentExtraction {
        let parsed = polemos_parse::parse(doc);
        if !parsed.doc.is_ok() {
            return DocumentExtraction {
                parsed,
                mentions: Vec::new(),
                events: Vec::new(),
            };
        }
        let r = &*self.resources;
        let vocab = &*self.vocab;
        let folded = Folded::new(&parsed.doc.text);
        let places = geocode_document(vocab, &r.gazetteer, &parsed, &folded);
        let country = main_country(vocab, &parsed.doc.text, &folded, &places);
        let mut hits = self.dictionaries.find(&folded).into_iter();
        let (actor_hits, trigger_hits, source_hits) = (
            hits.next().unwrap_or_default(),
            hits.next().unwrap_or_default(),
            hits.next().unwrap_or_default(),
        );
        let actors = r.actors.find_from_hits(
            vocab,
            &parsed.doc.text,
            &folded,
            actor_hits,
            &parsed.sentences,
            country.as_deref(),
        );
        let triggers = r
            .triggers
            .find_from_hits(vocab, &folded, trigger_hits, &parsed.sentences);
        let actors = keep_modifying_demonyms(&folded, actors, &triggers);
        let casualties = find_casualties(vocab, &parsed.doc.text, &folded, &parsed.sentences);
        let dates = find_dates(vocab, &folded, &parsed.sentences);
        let attributions = r.sources.attributions_from_hits(
            vocab,
            &parsed.doc.text,
            &folded,
            &source_hits,
            &parsed.sentences,
        );
        let dateline_place = dateline_place(&r.gazetteer, &parsed);
        let built = build_events(
            &r.triggers,
            &Findings {
                vocab,
                parsed: &parsed,
                folded: &folded,
                places: &places,
                actors: &actors,
                triggers: &triggers,
                casualties: &casualties,
                dates: &dates,
                attributions: &attributions,
                dateline_place: dateline_place.as_ref(),
                country: country.as_deref(),
            },
        );
        let headline = parsed
            .sentences
            .first()
            .filter(|s| s.kind == SentenceKind::Headline)
            .map(|s| s.index);
        let merged = merge_reports(vocab, &parsed.doc.text, built, headline);
        let mut event_of_trigger: Vec<Option<u32>> = vec![None; triggers.len()];
        for (i, m) in merged.iter().enumerate() {
            for &t in &m.triggers {
                if let Some(slot) = event_of_trigger.get_mut(t) {
                    *slot = Some(i as u32);
                }
            }
        }
        let mut events: Vec<Event> = merged.into_iter().map(|m| m.event).collect();
        fill_from_document(
            vocab,
            &parsed.doc.text,
            &mut events,
            &places,
            country.as_deref(),
        );
        choose_lead(vocab, &parsed.doc.text, &mut events, headline);
        let mentions = mentions(
            &r.triggers,
            places,
            actors,
            (&triggers, &event_of_trigger),
            &casualties,
        );
        DocumentExtraction {
            parsed,
            mentions,
            events,
        }
    }

    /// Processes documents in parallel on the current rayon pool; output keeps input order.
    pub fn run(&self, docs: Vec<Document>) -> Vec<DocumentExtraction> {
        docs.into_par_iter().map(|d| self.process(d)).collect()
    }
}

/// Keeps a bare demonym or country name ("Russian", "the United States") only where it modifies
/// an event noun ("Russian air strikes") or follows "by" ("strikes carried out by the United
/// States"); elsewhere ("the Syrian Observatory", "in Syria") it names no actor.
fn keep_modifying_demonyms(
    folded: &Folded,
    actors: Vec<ActorMatch>,
    triggers: &[TriggerMatch],
) -> Vec<ActorMatch> {
    actors
        .into_iter()
        .filter(|a| {
            let start = folded.folded_offset(a.actor.span.start);
            let end = folded.folded_offset(a.actor.span.end);
            let by_agent = crate::context::previous_words(folded, start, 2).contains(&"by");
            let modifies = triggers.iter().any(|t| {
                t.folded.0 >= end
                    && folded
                        .text
                        .get(end..t.folded.0)
                        .is_some_and(|g| g.trim().is_empty())
            });
            !a.demonym || by_agent || modifies
        })
        .collect()
}

/// Whether a mention of a country's name places something in it: after a word of place ("in
/// Syria", "across Syria", not "Russia has denied") or a compass word ("northern Syria"), or
/// as a possessive ("Syria's Aleppo").
fn places_in_country(vocab: &Vocab, text: &str, folded: &Folded, p: &PlaceMatch) -> bool {
    let start = folded.folded_offset(p.span.start);
    crate::context::previous_words(folded, start, 1)
        .first()
        .is_some_and(|w| vocab.place_words.contains(w) || vocab.compass_words.contains(w))
        || text
            .get(p.span.end..)
            .is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"))
}

/// The country most resolved places are in, its own name counted with its towns where it
/// names a place: "air strikes near Syria's Aleppo", with Moscow quoted twice further down,
/// is about Syria, and so is an article on a strike in Aleppo that says five times what
/// "Russia" said or denied. Among equals, a country with towns named beats one only named
/// ("bombers took off from Russia and struck Deir ez-Zor province" happened in Syria), then
/// the country more often named at all, then the country named first wins: the article opens
/// with what it is about.
fn main_country(
    vocab: &Vocab,
    text: &str,
    folded: &Folded,
    places: &[PlaceMatch],
) -> Option<String> {
    // Per country: mentions of places in it, mentions finer than the country, all mentions,
    // first mention.
    let mut counts: HashMap<&str, (usize, usize, usize, usize)> = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        let c = counts
            .entry(p.location.country.as_str())
            .or_insert((0, 0, 0, i));
        let finer = p.location.feature != "country";
        c.0 += usize::from(finer || places_in_country(vocab, text, folded, p));
        c.1 += usize::from(finer);
        c.2 += 1;
    }
    counts
        .into_iter()
        .max_by(|(_, a), (_, b)| {
            a.0.cmp(&b.0)
                .then((a.1 > 0).cmp(&(b.1 > 0)))
                .then(a.2.cmp(&b.2))
                .then(b.3.cmp(&a.3))
        })
        .map(|(c, _)| c.to_string())
}

/// The dateline's place, resolved as if it were a sentence of its own.
fn dateline_place(gazetteer: &crate::Gazetteer, parsed: &ParsedDocument) -> Option<PlaceMatch> {
    let dateline = parsed.dateline.as_ref()?;
    let name = dateline.place.as_deref()?;
    let (place_id, place) = gazetteer
        .lookup_ids(name)
        .iter()
        .filter_map(|&id| gazetteer.place(id).map(|p| (id, p)))
        .max_by_key(|(_, p)| (!p.is_region(), p.population))?;
    Some(PlaceMatch {
        span: dateline.span,
        sentence: 0,
        place_id,
        location: crate::gazetteer::location_of(place, polemos_core::GeoPrecision::Exact),
        rule: "place:dateline",
    })
}

/// The mentions of a document. Places and actors are taken by value: this is their last use,
/// and their names and locations move into the mentions instead of being copied.
fn mentions(
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
