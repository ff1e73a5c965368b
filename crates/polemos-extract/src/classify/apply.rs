//! A trained model beside the rules: each event's context is typed by the model, the reading
//! is kept on the event, and where the model is sure enough its sub-event type replaces the
//! rules' one. A model trained with the rules' readings of its texts reads each event's with
//! its context, and its choice stands wherever it reaches its threshold; a model of words
//! alone overrules only a rules' type it finds unlikely. In a document where the rules found
//! no event at all, the passage the model is surest of becomes an event of its own.

use std::cell::RefCell;

use polemos_core::{Event, ModelTyping, ParsedDocument, Span, SubEventType};

use super::features::reading_parts_features;
use super::model::{tf_idf, Prediction, TypeModel};
use super::{reading_of_event, MODEL_RULE};
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

/// Share of a passage's features (words and word pairs) the model must know to report an
/// event in it the rules did not find: a model that has only ever seen events gives any
/// passage one of their labels, sure or not, but text unlike what it learnt from (sport,
/// business, a celebrity's visit) is mostly words and pairs it never saw. Chosen on short
/// texts: ACLED notes where the rules found nothing (5-fold; 246 events the model is sure
/// of, 233 of the right type, at 0.6; 211 and 200 at 0.7; 139 and 133 at 0.8) against the
/// first one to three sentences of the general news of the four geoparsing sets (2,379 texts,
/// with a model of all ACLED notes; 44 such events at any share, 20 from 0.6, 2 from 0.7, none
/// from 0.75).
const KNOWN_FOR_EVENT: f32 = 0.7;

/// Buffers the model reads with, kept per thread from one document to the next: typing
/// allocates nothing per event once they have grown.
#[derive(Default)]
struct Scratch {
    hashes: Vec<u64>,
    rows: Vec<u32>,
    /// The context read last, and its words' scores per label and sum of squared weights,
    /// both before scaling the vector to length 1: events of one context with different
    /// readings of the rules share them.
    window: Option<Window>,
    word_scores: Vec<f32>,
    word_norm2: f32,
    /// The share of that context's features (words and pairs) the model knows.
    known: f32,
    p: Vec<f32>,
    /// The probabilities of each reading of a document, one after another.
    probs: Vec<f32>,
    /// Per reading: its context, the event whose reading of the rules it read with, and
    /// where its probabilities start in `probs` (none where the context was not found).
    reads: Vec<(Window, usize, Option<usize>)>,
    /// Per event, the sub-event type the model would give it.
    proposed: Vec<Option<SubEventType>>,
    /// The rules' types by sentence: (sentence, event, sub-event type).
    told: Vec<(u32, usize, SubEventType)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The rules' reading of `event` a model reads with its context: none for a model of words
/// alone.
fn reading_read_by(reads_rules: bool, event: &Event) -> (Option<SubEventType>, Option<&str>) {
    if reads_rules {
        reading_of_event(event)
    } else {
        (None, None)
    }
}

/// Reads the contexts of one document.
struct ContextReader<'a> {
    model: &'a TypeModel,
    parsed: &'a ParsedDocument,
    folded: &'a Folded,
}

impl ContextReader<'_> {
    /// The probability of each label for the sentences `window` (first and last, from
    /// [`context_of`]), read with the rules' reading of an event (its sub-event type and
    /// trigger rule) where the model was trained with readings; appended to `s.probs`.
    /// False where the window's sentences are not the document's.
    ///
    /// A context's words are weighed once for all its readings: the scores of a vector scaled
    /// to length 1 are the scores of its unscaled weights divided by their length, and a
    /// reading's two features (never words) only add their own weights and squares.
    fn read(
        &self,
        s: &mut Scratch,
        window: Window,
        reading: (Option<SubEventType>, Option<&str>),
    ) -> bool {
        let table = &self.model.table;
        if s.window != Some(window) && !self.read_words(s, window) {
            return false;
        }
        s.p.clear();
        s.p.extend_from_slice(&s.word_scores);
        let mut norm2 = s.word_norm2;
        if self.model.reads_rules() {
            let (sub, trigger) = reading;
            s.rows.clear();
            table.rows_of_features(&reading_parts_features(sub, trigger), &mut s.rows);
            for &r in &s.rows {
                let v = tf_idf(1.0, table.idf(r));
                norm2 += v * v;
                table.add_weighted(r, v, &mut s.p);
            }
        }
        self.model.probabilities_of_sums(norm2, &mut s.p);
        s.probs.extend_from_slice(&s.p);
        true
    }

    /// Reads the words of the sentences `window` into `s`: how many of its features the
    /// model knows, the sum of their squared weights and their scores, unscaled. False where
    /// the window's sentences are not the document's.
    fn read_words(&self, s: &mut Scratch, window: Window) -> bool {
        let table = &self.model.table;
        let sentences = &self.parsed.sentences;
        let (Some(first), Some(last)) = (
            sentences.get(window.0 as usize),
            sentences.get(window.1 as usize),
        ) else {
            return false;
        };
        let (start, end) = (
            self.folded.folded_offset(first.span.start),
            self.folded.folded_offset(last.span.end),
        );
        s.rows.clear();
        table.rows_of(self.folded, start, end, &mut s.hashes, &mut s.rows);
        s.known = s.rows.len() as f32 / s.hashes.len().max(1) as f32;
        s.rows.sort_unstable();
        s.word_scores.clear();
        s.word_scores.resize(self.model.labels.len(), 0.0);
        s.word_norm2 = 0.0;
        let mut at = 0;
        while let Some(&r) = s.rows.get(at) {
            let n = s.rows[at..].iter().take_while(|&&q| q == r).count();
            at += n;
            let v = tf_idf(n as f32, table.idf(r));
            s.word_norm2 += v * v;
            table.add_weighted(r, v, &mut s.word_scores);
        }
        s.window = Some(window);
        true
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
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut s) => self.type_events_with(&mut s, parsed, folded, events),
            // Only a reentrant call could find it borrowed; it gets buffers of its own.
            Err(_) => self.type_events_with(&mut Scratch::default(), parsed, folded, events),
        });
    }

    fn type_events_with(
        &self,
        s: &mut Scratch,
        parsed: &ParsedDocument,
        folded: &Folded,
        events: &mut [Event],
    ) {
        // Per event, the sub-event type the model would give it, where the rules' type does
        // not stand (the model's reading is surer than its threshold and, for a model of words
        // alone, finds the rules' type unlikely).
        s.proposed.clear();
        s.proposed.resize(events.len(), None);
        // Events of one context share a reading of it: it is read once (once per reading of
        // the rules, where the model reads them). A document has few contexts: a list.
        s.reads.clear();
        s.probs.clear();
        s.window = None;
        let k = self.labels.len();
        let n = parsed.sentences.len();
        let reader = ContextReader {
            model: self,
            parsed,
            folded,
        };
        let reads_rules = self.reads_rules();
        for i in 0..events.len() {
            let e = &events[i];
            // An event the model found itself has its reading already.
            if e.typing.is_some() {
                continue;
            }
            let reading = reading_read_by(reads_rules, e);
            let window = context_of(e.sentence, n);
            let earlier = s.reads.iter().find(|&&(w, j, _)| {
                w == window && reading_read_by(reads_rules, &events[j]) == reading
            });
            let at = match earlier {
                Some(&(_, _, at)) => at,
                None => {
                    let start = s.probs.len();
                    let at = reader.read(s, window, reading).then_some(start);
                    s.reads.push((window, i, at));
                    at
                }
            };
            let Some(at) = at else { continue };
            let probs = &s.probs[at..at + k];
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
                s.proposed[i] = self.sub_event_type(p.index);
            }
            let typing = ModelTyping {
                label: p.label.to_string(),
                probability: p.probability,
                rules_sub_event_type: Some(e.sub_event_type),
            };
            events[i].typing = Some(typing);
        }
        // The rules' types by sentence, to find those told in an event's context.
        s.told.clear();
        s.told.extend(
            events
                .iter()
                .enumerate()
                .map(|(j, e)| (e.sentence, j, e.sub_event_type)),
        );
        s.told
            .sort_unstable_by_key(|&(sentence, j, _)| (sentence, j));
        for (i, e) in events.iter_mut().enumerate() {
            let Some(sub) = s.proposed[i].filter(|&sub| sub != e.sub_event_type) else {
                continue;
            };
            let (first, last) = context_of(e.sentence, parsed.sentences.len());
            let from = s.told.partition_point(|&(sentence, _, _)| sentence < first);
            let told_elsewhere = !e.is_lead
                && s.told[from..]
                    .iter()
                    .take_while(|&&(sentence, _, _)| sentence <= last)
                    .any(|&(_, j, t)| j != i && t == sub);
            if !told_elsewhere {
                e.sub_event_type = sub;
                e.rule.push('+');
                e.rule.push_str(MODEL_RULE);
                e.rule.push_str(&self.info.name);
            }
        }
    }

    /// For a document where the rules found no event: the passage the model is surest of, as
    /// an event, when the labels are ACLED sub-event types, the model's probability reaches
    /// [`FOUND_ONLY_BY_MODEL`] and it knows [`KNOWN_FOR_EVENT`] of the passage's features. The
    /// passages read are those around the rules' triggers (in `trigger_sentences`), or, in a
    /// short text without one (up to [`WHOLE_TEXT_SENTENCES`] sentences: an event
    /// description, a brief), the whole text. Its trigger is its (first) sentence, its rule
    /// `model:NAME`; its date is read as a rule-found event's would be; actors, places and
    /// counts are left to the stages after (the document's main place, say).
    ///
    /// Long text without a trigger is not read: a model that has only ever seen events gives
    /// every passage one of their labels, and an article's passages without a word of
    /// violence or protest are rarely one.
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
        if candidates.is_empty() && parsed.sentences.len() <= WHOLE_TEXT_SENTENCES {
            // A short text (an event description, a brief) is read whole: its first sentence
            // stands for it.
            candidates.push(0);
        }
        let reader = ContextReader {
            model: self,
            parsed,
            folded,
        };
        let mut scratch = Scratch::default();
        let (sentence, p) = candidates
            .into_iter()
            .filter_map(|s| {
                let window = context_of(s, parsed.sentences.len());
                scratch.probs.clear();
                (reader.read(&mut scratch, window, (None, None))
                    && scratch.known >= KNOWN_FOR_EVENT)
                    .then(|| (s, self.best(&scratch.probs)))
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
