//! The pipeline: one document through every stage, in order. Each stage lives in its own
//! module; this file only orchestrates.

use std::sync::Arc;

use polemos_core::isolate::isolated;
use polemos_core::{
    DocStatus, Document, DocumentExtraction, Event, Mention, ParsedDocument, SentenceKind,
};
use rayon::prelude::*;

use crate::actors::keep_modifying_demonyms;
use crate::by_sentence::SentenceIndex;
use crate::casualties::find_casualties;
use crate::classify::{RulesReading, TypeModel};
use crate::dates::find_dates;
use crate::events::{
    build_events, choose_lead, codebook_actors, crowd_violence, drop_deaths_of_deathless,
    fill_from_document, foreign_forces, merge_reports, protest_intervention, Findings,
};
use crate::fold::Folded;
use crate::gazetteer::{dateline_place, geocode_document, main_country};
use crate::joint::JointMatcher;
use crate::lexicon::Vocab;
use crate::mentions::mentions;
use crate::windows::{extract_in_windows, WINDOW_BYTES};
use crate::Resources;

/// Runs parsing and extraction over documents.
#[derive(Debug, Clone)]
pub struct Pipeline {
    resources: Arc<Resources>,
    /// The actor, trigger and source dictionaries walked together, once per document.
    dictionaries: Arc<JointMatcher>,
    /// The lexicon's word classes as the rules read them.
    vocab: Arc<Vocab>,
    /// A trained event-type model read beside the rules, when the user gave one.
    model: Option<Arc<TypeModel>>,
}

impl Pipeline {
    /// A pipeline over `resources`. Their actor dictionary gains the national forces of every
    /// country of their gazetteer that has no state actor of its own
    /// ([`ActorDictionary::add_national_forces`](crate::ActorDictionary::add_national_forces)).
    pub fn new(mut resources: Resources) -> Self {
        let countries = resources
            .gazetteer
            .places()
            .iter()
            .filter(|p| p.kind == polemos_core::PlaceKind::Country)
            .map(|p| (p.country.as_str(), p.name.as_str()));
        resources.actors.add_national_forces(countries);
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
            model: None,
        }
    }

    /// This pipeline with a trained event-type model read beside the rules
    /// ([`TypeModel::type_events`]).
    pub fn with_model(mut self, model: Arc<TypeModel>) -> Self {
        self.model = Some(model);
        self
    }

    /// The trained model this pipeline reads beside the rules, if any.
    pub fn model(&self) -> Option<&TypeModel> {
        self.model.as_deref()
    }

    /// What the rules make of each of `texts` ([`RulesReading`]): the sub-event type and
    /// trigger rule of the event each leads with, as [`Pipeline::process`] reads the text
    /// without a model. A model trained with these readings
    /// ([`classify::train`](crate::classify::train)) learns when the rules are to be trusted.
    /// Texts are read in parallel on the current rayon pool.
    pub fn rules_readings<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<RulesReading> {
        let rules = Pipeline {
            model: None,
            ..self.clone()
        };
        texts
            .par_iter()
            .map(|t| {
                let out = rules.process(Document::from_text("", t.as_ref()));
                out.events
                    .iter()
                    .find(|e| e.is_lead)
                    .map(RulesReading::of_event)
                    .unwrap_or_default()
            })
            .collect()
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
        let mut parsed = polemos_parse::parse(doc);
        if let Some(language) = parsed.doc.language.as_deref().filter(|l| *l != "en") {
            // Rules for English read in another language find events in look-alike words.
            parsed.doc.status = DocStatus::NotCoded;
            parsed.doc.warning = Some(format!(
                "written in {language} (ISO 639-1): polemos codes English text only"
            ));
        }
        if !parsed.doc.is_ok() {
            return DocumentExtraction {
                parsed,
                mentions: Vec::new(),
                events: Vec::new(),
            };
        }
        if parsed.doc.text.len() > WINDOW_BYTES {
            return extract_in_windows(parsed, WINDOW_BYTES, |window| self.extract(window));
        }
        let (mentions, events) = self.extract(&parsed);
        DocumentExtraction {
            parsed,
            mentions,
            events,
        }
    }

    /// The mentions and events of one parsed document (or window of one).
    pub(crate) fn extract(&self, parsed: &ParsedDocument) -> (Vec<Mention>, Vec<Event>) {
        let r = &*self.resources;
        let vocab = &*self.vocab;
        let folded = Folded::new(&parsed.doc.text);
        let mut hits = self.dictionaries.find(&folded).into_iter();
        let (actor_hits, trigger_hits, source_hits) = (
            hits.next().unwrap_or_default(),
            hits.next().unwrap_or_default(),
            hits.next().unwrap_or_default(),
        );
        let not_places = r
            .actors
            .names_not_places(&parsed.doc.text, &folded, &actor_hits);
        let demonyms = r
            .actors
            .country_demonyms(&parsed.doc.text, &folded, &actor_hits);
        let places = geocode_document(vocab, &r.gazetteer, parsed, &folded, &not_places, &demonyms);
        let country = main_country(vocab, &parsed.doc.text, &folded, &places);
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
        let dateline_place = dateline_place(&r.gazetteer, parsed);
        let by_sentence = SentenceIndex::new(&places, &actors, &casualties, &dates);
        let built = build_events(
            &r.triggers,
            &Findings {
                vocab,
                parsed,
                folded: &folded,
                places: &places,
                actors: &actors,
                triggers: &triggers,
                casualties: &casualties,
                dates: &dates,
                attributions: &attributions,
                dateline_place: dateline_place.as_ref(),
                country: country.as_deref(),
                by_sentence: &by_sentence,
            },
        );
        let headline = parsed
            .sentences
            .first()
            .filter(|s| s.kind == SentenceKind::Headline)
            .map(|s| s.index);
        let mut merged = merge_reports(vocab, &parsed.doc.text, built, headline);
        crowd_violence(vocab, &folded, (&dates, &by_sentence.dates), &mut merged);
        protest_intervention(
            vocab,
            &parsed.doc.text,
            &folded,
            &parsed.sentences,
            &mut merged,
        );
        drop_deaths_of_deathless(vocab, &mut merged);
        let mut event_of_trigger: Vec<Option<u32>> = vec![None; triggers.len()];
        for (i, m) in merged.iter().enumerate() {
            for &t in &m.triggers {
                if let Some(slot) = event_of_trigger.get_mut(t) {
                    *slot = Some(i as u32);
                }
            }
        }
        let mut events: Vec<Event> = merged.into_iter().map(|m| m.event).collect();
        if let (Some(model), true) = (&self.model, events.is_empty()) {
            let dates = (dates.as_slice(), &by_sentence.dates);
            let trigger_sentences: Vec<u32> = triggers.iter().map(|t| t.sentence).collect();
            events.extend(model.document_event(parsed, &folded, &trigger_sentences, dates));
        }
        fill_from_document(
            vocab,
            &parsed.doc.text,
            &mut events,
            &places,
            country.as_deref(),
        );
        choose_lead(vocab, &parsed.doc.text, &folded, &mut events, headline);
        foreign_forces(&mut events, country.as_deref());
        codebook_actors(vocab, &mut events);
        if let Some(model) = &self.model {
            model.type_events(parsed, &folded, &mut events);
        }
        let mentions = mentions(
            &r.triggers,
            places,
            actors,
            (&triggers, &event_of_trigger),
            &casualties,
        );
        (mentions, events)
    }

    /// Processes documents in parallel on the current rayon pool; output keeps input order.
    pub fn run(&self, docs: Vec<Document>) -> Vec<DocumentExtraction> {
        docs.into_par_iter().map(|d| self.process(d)).collect()
    }
}
