//! A trained event-type model: a multinomial logistic regression over the hashed words and
//! word pairs of a text ([`super::features`]), weighted by tf-idf.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use polemos_core::{EventType, SubEventType};

use super::features::reading_features;
use super::table::FeatureTable;
use super::RulesReading;
use crate::data::{fnv1a64_continue, FNV_OFFSET};
use crate::fold::Folded;

/// What a model was trained on and how well it did, kept in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelInfo {
    /// The model's name, shown in the `rule` column (`+model:NAME`) of the events it typed.
    pub name: String,
    /// The column the texts came from (`notes` in an ACLED export).
    pub text_column: String,
    /// The column the labels came from (`sub_event_type` in an ACLED export).
    pub label_column: String,
    /// Number of labelled texts the model learnt from.
    pub n_examples: u32,
    /// The probability from which the model's sub-event type replaces the rules' one.
    pub threshold: f32,
    /// The k-fold cross-validation run before training, if any.
    pub cross_validation: Option<CrossValidation>,
}

/// The outcome of k-fold cross-validation: each text typed by a model that never saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossValidation {
    /// Share of held-out texts typed right, one per fold.
    pub fold_accuracy: Vec<f32>,
    /// Counts of held-out texts by gold label (rows) and predicted label (columns), in the
    /// order of the model's labels.
    pub confusion: Vec<Vec<u32>>,
}

impl CrossValidation {
    /// Share of all held-out texts typed right.
    pub fn accuracy(&self) -> f32 {
        let (right, all) = self
            .confusion
            .iter()
            .enumerate()
            .fold((0, 0), |(r, a), (i, row)| {
                (
                    r + row.get(i).copied().unwrap_or(0),
                    a + row.iter().sum::<u32>(),
                )
            });
        if all == 0 {
            0.0
        } else {
            right as f32 / all as f32
        }
    }
}

/// The identity hash: the keys are already 64-bit hashes of words.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The features a model knows, and the weight of each: tf-idf, each text's vector scaled to
/// length 1. This is the model as trained and stored; a model reads text through its
/// [`FeatureTable`], the same features laid out for reading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Vectorizer {
    /// Feature hashes, in the order of the model's weight rows.
    pub(crate) hashes: Vec<u64>,
    /// Inverse document frequency of each feature.
    pub(crate) idf: Vec<f32>,
    /// The row of each hash, for training's vectors.
    index: HashMap<u64, u32, BuildHasherDefault<PreHashed>>,
}

impl Vectorizer {
    pub(crate) fn new(hashes: Vec<u64>, idf: Vec<f32>) -> Vectorizer {
        let index = hashes
            .iter()
            .enumerate()
            .map(|(i, &h)| (h, i as u32))
            .collect();
        Vectorizer { hashes, idf, index }
    }

    pub(crate) fn len(&self) -> usize {
        self.hashes.len()
    }

    /// The vector of counted features (feature row, weight), into `out` (cleared first).
    pub(crate) fn vector(&self, features: &[(u64, u32)], out: &mut Vec<(u32, f32)>) {
        out.clear();
        for &(h, n) in features {
            if let Some(&i) = self.index.get(&h) {
                out.push((i, n as f32));
            }
        }
        weigh(out, |i| self.idf[i as usize]);
    }
}

/// Counts into tf-idf weights (`idf` of each feature), the vector scaled to length 1.
pub(crate) fn weigh(x: &mut [(u32, f32)], idf: impl Fn(u32) -> f32) {
    let mut norm = 0.0f32;
    for (i, v) in x.iter_mut() {
        *v = tf_idf(*v, idf(*i));
        norm += *v * *v;
    }
    if norm > 0.0 {
        let inv = 1.0 / norm.sqrt();
        x.iter_mut().for_each(|(_, v)| *v *= inv);
    }
}

/// The weight of a feature found `n` times with inverse document frequency `idf`, before the
/// vector is scaled: sublinear in `n`. Most features of a text occur once, where the weight
/// is the idf itself (no logarithm to take).
pub(crate) fn tf_idf(n: f32, idf: f32) -> f32 {
    if n == 1.0 {
        idf
    } else {
        (1.0 + n.ln()) * idf
    }
}

/// A model's weights, one row per feature, stored as bytes: each row as whole numbers from
/// -127 to 127 times the row's scale. A quarter of the memory (and of the file) of 32-bit
/// floats, so that reading a text touches fewer cache lines; cross-validated accuracy on ACLED
/// notes is the same to a tenth of a point.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    pub(crate) rows: Vec<i8>,
    pub(crate) scales: Vec<f32>,
}

impl Weights {
    /// `weights` (rows of `k`) rounded to bytes, each row scaled by its largest magnitude.
    pub(crate) fn quantize(weights: &[f32], k: usize) -> Weights {
        let mut rows = Vec::with_capacity(weights.len());
        let mut scales = Vec::with_capacity(weights.len() / k.max(1));
        for row in weights.chunks(k.max(1)) {
            let max = row.iter().fold(0f32, |m, w| m.max(w.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            scales.push(scale);
            rows.extend(
                row.iter()
                    .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8),
            );
        }
        Weights { rows, scales }
    }
}

/// A trained model: labels, features and weights.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeModel {
    pub(crate) info: ModelInfo,
    pub(crate) labels: Vec<String>,
    /// The ACLED sub-event type each label names, where it names one.
    pub(crate) sub_event_types: Vec<Option<SubEventType>>,
    /// Whether every label is an ACLED sub-event type.
    types_sub_events: bool,
    /// Whether the model was trained with the rules' readings of its texts ([`RulesReading`]):
    /// it knows at least one of their features.
    reads_rules: bool,
    pub(crate) vectorizer: Vectorizer,
    /// The features, their idf and weights laid out for reading text.
    pub(crate) table: FeatureTable,
    /// One row of `labels.len()` weights per feature.
    pub(crate) weights: Weights,
    pub(crate) bias: Vec<f32>,
    /// A hash of the labels, features and weights: which model typed a table's events.
    fingerprint: u64,
}

/// A model's label for a text and its probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction<'m> {
    pub label: &'m str,
    pub probability: f32,
    /// Index of `label` among [`TypeModel::labels`].
    pub index: usize,
}

impl TypeModel {
    pub(crate) fn from_parts(
        info: ModelInfo,
        labels: Vec<String>,
        vectorizer: Vectorizer,
        weights: Weights,
        bias: Vec<f32>,
    ) -> TypeModel {
        let sub_event_types: Vec<_> = labels.iter().map(|l| SubEventType::parse(l)).collect();
        let types_sub_events = sub_event_types.iter().all(Option::is_some);
        let mut fingerprint = FNV_OFFSET;
        for l in &labels {
            fingerprint = fnv1a64_continue(fingerprint, l.as_bytes());
            fingerprint = fnv1a64_continue(fingerprint, b"\x00");
        }
        for h in &vectorizer.hashes {
            fingerprint = fnv1a64_continue(fingerprint, &h.to_le_bytes());
        }
        for x in weights.scales.iter().chain(&bias).chain(&vectorizer.idf) {
            fingerprint = fnv1a64_continue(fingerprint, &x.to_le_bytes());
        }
        let bytes: Vec<u8> = weights.rows.iter().map(|&w| w as u8).collect();
        fingerprint = fnv1a64_continue(fingerprint, &bytes);
        let table = FeatureTable::new(
            &vectorizer.hashes,
            &vectorizer.idf,
            &weights.scales,
            &weights.rows,
            labels.len(),
        );
        let reads_rules = SubEventType::ALL
            .iter()
            .map(|&s| Some(s))
            .chain([None])
            .flat_map(|sub_event_type| {
                reading_features(&RulesReading {
                    sub_event_type,
                    trigger: None,
                })
            })
            .any(|h| table.knows(h));
        TypeModel {
            reads_rules,
            fingerprint,
            info,
            labels,
            sub_event_types,
            types_sub_events,
            vectorizer,
            table,
            weights,
            bias,
        }
    }

    /// The model for the files' metadata: name, label column, labels, examples, threshold and
    /// a fingerprint of its weights.
    pub fn describe(&self) -> String {
        format!(
            "{} ({}: {} labels, {} texts, threshold {}) fnv1a64:{:016x}",
            self.info.name,
            self.info.label_column,
            self.labels.len(),
            self.info.n_examples,
            self.info.threshold,
            self.fingerprint
        )
    }

    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// The labels the model chooses among, sorted.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of features (words and word pairs) the model weighs.
    pub fn n_features(&self) -> usize {
        self.vectorizer.len()
    }

    /// Whether every label is an ACLED sub-event type, so that the model may retype events.
    pub fn types_sub_events(&self) -> bool {
        self.types_sub_events
    }

    /// Whether the model was trained with the rules' readings of its texts
    /// ([`RulesReading`]): it then types each event from its context and the rules' reading of
    /// it together.
    pub fn reads_rules(&self) -> bool {
        self.reads_rules
    }

    /// Whether the model learnt from the rules' readings what their sub-event type `sub`
    /// means: the rules gave it to some of its training texts.
    pub(crate) fn learnt_rules_type(&self, sub: SubEventType) -> bool {
        let reading = RulesReading {
            sub_event_type: Some(sub),
            trigger: None,
        };
        self.reads_rules && self.table.knows(reading_features(&reading)[0])
    }

    /// The ACLED sub-event type of label `index`, if it names one.
    pub fn sub_event_type(&self, index: usize) -> Option<SubEventType> {
        self.sub_event_types.get(index).copied().flatten()
    }

    /// The probability of each label for the vector `x`, into `out`.
    pub(crate) fn probabilities_of(&self, x: &[(u32, f32)], out: &mut Vec<f32>) {
        out.clear();
        out.extend_from_slice(&self.bias);
        for &(i, v) in x {
            self.table.add_weighted(i, v, out);
        }
        softmax(out);
    }

    /// The probability of each label from `sums`, the scores of a vector's unscaled weights
    /// (whose squares sum to `norm2`), in place: the vector scaled to length 1, the bias
    /// added.
    pub(crate) fn probabilities_of_sums(&self, norm2: f32, sums: &mut [f32]) {
        let inv = if norm2 > 0.0 { 1.0 / norm2.sqrt() } else { 0.0 };
        for (s, &b) in sums.iter_mut().zip(&self.bias) {
            *s = b + *s * inv;
        }
        softmax(sums);
    }

    /// The most probable label of folded bytes `[start, end)`.
    pub fn predict_folded(&self, folded: &Folded, start: usize, end: usize) -> Prediction<'_> {
        self.best(&self.probabilities_folded(folded, start, end))
    }

    /// The probability of each label (in the order of [`TypeModel::labels`]) for folded bytes
    /// `[start, end)`.
    pub fn probabilities_folded(&self, folded: &Folded, start: usize, end: usize) -> Vec<f32> {
        let (mut rows, mut x) = (Vec::new(), Vec::new());
        self.table.vector_of(folded, start, end, &mut rows, &mut x);
        let mut p = Vec::with_capacity(self.labels.len());
        self.probabilities_of(&x, &mut p);
        p
    }

    /// The most probable label of `text`.
    pub fn predict(&self, text: &str) -> Prediction<'_> {
        let folded = Folded::new(text);
        self.predict_folded(&folded, 0, folded.text.len())
    }

    /// The model's choice among probabilities `p`. With ACLED sub-event types as labels, the
    /// event type comes first, as ACLED codes: the type whose sub-types are likeliest
    /// together, then its likeliest sub-type (an "Attack" at 0.35 with an "Abduction" at 0.25
    /// beats an "Armed clash" at 0.4). Otherwise the likeliest label.
    pub(crate) fn best(&self, p: &[f32]) -> Prediction<'_> {
        // Summed probability per event type, in `EVENT_TYPES` order.
        let mut by_type = [0f32; EVENT_TYPES.len()];
        let types_sub_events = self.types_sub_events();
        if types_sub_events {
            for (t, &v) in self.sub_event_types.iter().flatten().zip(p) {
                by_type[type_slot(t.event_type())] += v;
            }
        }
        let best_type = types_sub_events.then(|| {
            let slot = (0..by_type.len())
                .reduce(|best, i| if by_type[i] > by_type[best] { i } else { best })
                .unwrap_or(0);
            EVENT_TYPES[slot]
        });
        let of_best_type = |i: usize| {
            best_type.is_none_or(|t| self.sub_event_type(i).map(|s| s.event_type()) == Some(t))
        };
        let (index, &probability) = p.iter().enumerate().filter(|&(i, _)| of_best_type(i)).fold(
            (0, &f32::MIN),
            |best, (i, v)| if *v > *best.1 { (i, v) } else { best },
        );
        Prediction {
            label: &self.labels[index],
            probability,
            index,
        }
    }
}

/// ACLED's event types, each with its slot in [`TypeModel::best`]'s sums.
const EVENT_TYPES: [EventType; 6] = [
    EventType::Battles,
    EventType::ExplosionsRemoteViolence,
    EventType::ViolenceAgainstCivilians,
    EventType::Protests,
    EventType::Riots,
    EventType::StrategicDevelopments,
];

fn type_slot(t: EventType) -> usize {
    EVENT_TYPES.iter().position(|&x| x == t).unwrap_or(0)
}

/// Scores into probabilities, in place.
pub(crate) fn softmax(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::MIN, f32::max);
    let mut sum = 0.0;
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
        sum += *s;
    }
    if sum > 0.0 {
        scores.iter_mut().for_each(|s| *s /= sum);
    }
}
