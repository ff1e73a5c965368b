//! A trained model beside the rules: each event's context is typed by the model, the reading
//! is kept on the event, and where the model is sure enough its sub-event type replaces the
//! rules' one. A model trained with the rules' readings of its texts reads each event's with
//! its context, and its choice stands wherever it reaches its threshold; a model of words
//! alone overrules only a rules' type it finds unlikely. In a document where the rules found
//! no event at all, the passage the model is surest of becomes an event of its own.

use std::collections::HashMap;

use polemos_core::{Event, ModelTyping, ParsedDocument, Span, SubEventType};

use super::features::reading_features;
use super::model::{Prediction, TypeModel};
use super::{RulesReading, MODEL_RULE};
use crate::by_sentence::Grouped;
use crate::dates::{event_date, DateMention};
use crate::fold::Folded;

/// Sentences on each side of an event's own that the model reads with it: event descriptions
/// and news leads spread who, what and how over two or three sentences.
const CONTEXT_SENTENCES: u32 = 1;

/// A text of up to this many sentences (an event description, a news brief) is read whole for
/// each of its events, as models learn from whole descriptions. On ACLED notes (5-fold,
/// rules plus model) event type +0.3 points over an event's sentence and its neighbours; 4
/// did less, 10 no better.
const WHOLE_TEXT_SENTENCES: usize = 6;

/// The first and last sentence of a context the model reads.
type Window = (u32, u32);

/// The first and last sentence the model reads for an event of sentence `sentence` in a text
/// of `n` sentences.
fn context_of(sentence: u32, n: usize) -> Window {
    if n <= WHOLE_TEXT_SENTENCES {
        return (0, n.saturating_sub(1) as u32);
    }
    let last = (sentence.saturating_add(CONTEXT_SENTENCES) as usize).min(n.saturating_sub(1));
    (sentence.saturating_sub(CONTEXT_SENTENCES), last as u32)
}

/// For a model of words alone, the model's probability for the rules' own sub-event type from
/// which the rules' type stands, however sure the model is of another: the model overrules
/// only what it finds unlikely. Chosen by 5-fold cross-validation on ACLED notes: 0.2 and 0.3
/// did best, 0.1 worse than letting the model overrule everything.
const RULES_PLAUSIBLE: f32 = 0.3;

/// Probability the model needs to report an event the rules did not find: higher than the
/// threshold for retyping, since there is no trigger, only the model's reading of a passage.
const FOUND_ONLY_BY_MODEL: f32 = 0.8;

/// Reads the contexts of one document, reusing its buffers from one reading to the next.
struct ContextReader<'a> {
    model: &'a TypeModel,
    parsed: &'a ParsedDocument,
    folded: &'a Folded,
    /// The first and last sentence of the context read last, and the rows of its words the
    /// model knows: events of one context with different readings of the rules share them.
    words: Option<(Window, Vec<u32>)>,
    rows: Vec<u32>,
    x: Vec<(u32, f32)>,
}

impl<'a> ContextReader<'a> {
    fn new(model: &'a TypeModel, parsed: &'a ParsedDocument, folded: &'a Folded) -> Self {
        ContextReader {
            model,
            parsed,
            folded,
            words: None,
            rows: Vec::new(),
            x: Vec::new(),
        }
    }

    /// The probability of each label for the sentences `window` (first and last, from
    /// [`context_of`]), read with the rules' `reading` of an event where the model was trained
    /// with readings.
    fn read(&mut self, window: Window, reading: &RulesReading) -> Option<Vec<f32>> {
        let vectorizer = &self.model.vectorizer;
        let sentences = &self.parsed.sentences;
        if self.words.as_ref().map(|(w, _)| *w) != Some(window) {
            let first = sentences.get(window.0 as usize)?;
            let last = sentences.get(window.1 as usize)?;
            let (start, end) = (
                self.folded.folded_offset(first.span.start),
                self.folded.folded_offset(last.span.end),
            );
            let mut rows = self.words.take().map(|(_, r)| r).unwrap_or_default();
            rows.clear();
            vectorizer.rows_of(self.folded, start, end, &mut rows);
            self.words = Some((window, rows));
        }
        let (_, words) = self.words.as_ref()?;
        self.rows.clear();
        self.rows.extend_from_slice(words);
        if self.model.reads_rules() {
            vectorizer.rows_of_features(&reading_features(reading), &mut self.rows);
        }
        vectorizer.vector_from_rows(&mut self.rows, &mut self.x);
        let mut p = Vec::with_capacity(self.model.labels.len());
        self.model.probabilities_of(&self.x, &mut p);
        Some(p)
    }
}

impl TypeModel {
    /// Types each of `events` of `parsed` (folded as `folded`): fills [`Event::typing`], and
    /// where the labels are ACLED sub-event types and the model's probability reaches its
    /// threshold, sets the event's sub-event type to the model's and adds `+model:NAME` to its
    /// rule: always for a model that reads the rules ([`TypeModel::reads_rules`]: it reads each
    /// event's [`RulesReading`] with its context), and for a model of words alone where its
    /// probability for the rules' sub-event type is under [`RULES_PLAUSIBLE`] (the rules' type
    /// being one of its labels).
    ///
    /// The model reads a context, not an event: the events of one context with the same
    /// reading of the rules get one reading of the model. So an event other than the lead is
    /// not retyped to a sub-event type the rules gave another event of its context (an arrest
    /// during a protest stays an arrest when the model reads the protest).
    pub fn type_events(&self, parsed: &ParsedDocument, folded: &Folded, events: &mut [Event]) {
        // Per event, the sub-event type the model would give it, where the rules' type does
        // not stand (the model's reading is surer than its threshold and, for a model of words
        // alone, finds the rules' type unlikely).
        let mut proposed: Vec<Option<SubEventType>> = vec![None; events.len()];
        // Events of one context share a reading of it: it is read once (once per reading of
        // the rules, where the model reads them).
        let mut reads: HashMap<(Window, RulesReading), Option<Vec<f32>>> = HashMap::new();
        let n = parsed.sentences.len();
        let mut reader = ContextReader::new(self, parsed, folded);
        // An event the model found itself has its reading already.
        for (i, e) in events
            .iter_mut()
            .enumerate()
            .filter(|(_, e)| e.typing.is_none())
        {
            let reading = if self.reads_rules() {
                RulesReading::of_event(e)
            } else {
                RulesReading::default()
            };
            let read = reads
                .entry((context_of(e.sentence, n), reading))
                .or_insert_with_key(|(window, reading)| reader.read(*window, reading));
            let Some(probs) = read else { continue };
            let p = self.best(probs);
            let of_rules = (0..probs.len())
                .find(|&k| self.sub_event_type(k) == Some(e.sub_event_type))
                .map(|k| probs[k]);
            let rules_stand = if self.reads_rules() {
                // A model that read the rules' reading has weighed it already, where it learnt
                // what the rules' type means: a type it saw them give or one of its labels.
                of_rules.is_none() && !self.learnt_rules_type(e.sub_event_type)
            } else {
                // A type the model was never taught is not the model's to judge: the rules'
                // stands (a model of six sub-event types reads an air strike as one of them).
                // Otherwise the model overrules only a type it finds unlikely.
                of_rules.is_none_or(|p| p >= RULES_PLAUSIBLE)
            };
            if p.probability >= self.info.threshold && !rules_stand {
                proposed[i] = self.sub_event_type(p.index);
            }
            e.typing = Some(ModelTyping {
                label: p.label.to_string(),
                probability: p.probability,
                rules_sub_event_type: Some(e.sub_event_type),
            });
        }
        // The rules' types by sentence, to find those told in an event's context.
        let mut rules: Vec<(u32, usize, SubEventType)> = events
            .iter()
            .enumerate()
            .map(|(j, e)| (e.sentence, j, e.sub_event_type))
            .collect();
        rules.sort_unstable_by_key(|&(s, j, _)| (s, j));
        for (i, e) in events.iter_mut().enumerate() {
            let Some(sub) = proposed[i].filter(|&sub| sub != e.sub_event_type) else {
                continue;
            };
            let (first, last) = context_of(e.sentence, parsed.sentences.len());
            let from = rules.partition_point(|&(s, _, _)| s < first);
            let told_elsewhere = !e.is_lead
                && rules[from..]
                    .iter()
                    .take_while(|&&(s, _, _)| s <= last)
                    .any(|&(_, j, t)| j != i && t == sub);
            if !told_elsewhere {
                e.sub_event_type = sub;
                e.rule.push('+');
                e.rule.push_str(MODEL_RULE);
                e.rule.push_str(&self.info.name);
            }
        }
    }

    /// For a document where the rules found no event, though they found triggers (in
    /// `trigger_sentences`): the passage around a trigger the model is surest of, as
    /// an event, when the labels are ACLED sub-event types and the model's probability reaches
    /// [`FOUND_ONLY_BY_MODEL`]. Its trigger is its whole sentence, its rule `model:NAME`; its
    /// date is read as a rule-found event's would be; actors, places and counts are left to
    /// the stages after (the document's main place, say).
    ///
    /// Only around a trigger: a model that has only ever seen events gives every passage one
    /// of their labels, so text without a word of violence or protest (sport, business news)
    /// is never read as an event.
    pub(crate) fn document_event(
        &self,
        parsed: &ParsedDocument,
        folded: &Folded,
        trigger_sentences: &[u32],
        dates: (&[DateMention], &Grouped),
    ) -> Option<Event> {
        if !self.types_sub_events() {
            return None;
        }
        let mut candidates = trigger_sentences.to_vec();
        candidates.sort_unstable();
        candidates.dedup();
        let mut reader = ContextReader::new(self, parsed, folded);
        let (sentence, p) = candidates
            .into_iter()
            .filter_map(|s| {
                let window = context_of(s, parsed.sentences.len());
                let p = reader.read(window, &RulesReading::default())?;
                Some((s, self.best(&p)))
            })
            .fold(
                None,
                |best: Option<(u32, Prediction<'_>)>, (s, p)| match best {
                    Some((_, b)) if b.probability >= p.probability => best,
                    _ => Some((s, p)),
                },
            )?;
        let threshold = self.info.threshold.max(FOUND_ONLY_BY_MODEL);
        let sub = self
            .sub_event_type(p.index)
            .filter(|_| p.probability >= threshold)?;
        let span: Span = parsed.sentences.get(sentence as usize)?.span;
        let (all, grouped) = dates;
        Some(Event {
            sentence,
            sentence_span: span,
            trigger_span: span,
            sub_event_type: sub,
            method: None,
            cameo: None,
            plover: None,
            actor1: None,
            actor2: None,
            location: None,
            location_span: None,
            date: event_date(
                grouped.of(all, sentence),
                grouped.of(all, sentence.wrapping_sub(1)),
                span,
                parsed.doc.published,
            ),
            casualties: Default::default(),
            modality: Default::default(),
            certainty: Default::default(),
            attribution: None,
            evidence: vec![sentence],
            is_lead: false,
            rule: format!("{MODEL_RULE}{}", self.info.name),
            typing: Some(ModelTyping {
                label: p.label.to_string(),
                probability: p.probability,
                rules_sub_event_type: None,
            }),
        })
    }
}
