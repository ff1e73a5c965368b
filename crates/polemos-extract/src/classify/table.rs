//! A model's features laid out for reading text fast: each feature's hash, idf, weight scale
//! and one weight per label in one record of whole cache lines, the records themselves an
//! open-addressing hash table. Reading a feature costs the cache line of its record (and, now
//! and then, the next one): the model reads each event's context, so this is the model's
//! share of extraction time, and a text's lookups are issued together so that their cache
//! misses overlap.

use super::features::for_each_feature;
use super::model::weigh;
use crate::fold::Folded;

/// One cache line; records start on one.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(C, align(64))]
struct Line([u8; LINE]);

const LINE: usize = 64;

/// Bytes of a record before its weights: the hash (8), idf (4) and weight scale (4).
const HEAD: usize = 16;

/// Fibonacci hashing spreads a hash's bits over the slot number.
const SPREAD: u64 = 0x9E37_79B9_7F4A_7C15;

/// The features of a model by hash, each a record in a slot of the table. An empty slot's
/// idf is 0; a feature's is at least 1 (`ln((1 + n) / (1 + df)) + 1`), and one of idf 0 (a
/// damaged file) would weigh nothing, so it is left out.
#[derive(Clone, PartialEq)]
pub(crate) struct FeatureTable {
    /// Slots of `stride` lines each, a power of two of them, at most half full; linear
    /// probing, each feature in the first free slot from its hash's own ([`Self::slot_of`]).
    records: Vec<Line>,
    /// Shift taking a spread hash to a slot number.
    shift: u32,
    /// Lines per record.
    stride: usize,
    /// Labels: weights per record.
    k: usize,
    /// Features held.
    features: usize,
}

impl std::fmt::Debug for FeatureTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeatureTable")
            .field("features", &self.len())
            .field("labels", &self.k)
            .finish()
    }
}

impl FeatureTable {
    /// The table of features `hashes` with their `idf`, weight `scales` and `weights` (`k`
    /// per feature, in feature order).
    pub(crate) fn new(
        hashes: &[u64],
        idf: &[f32],
        scales: &[f32],
        weights: &[i8],
        k: usize,
    ) -> FeatureTable {
        let n = hashes.len();
        let stride = (HEAD + k).div_ceil(LINE).max(1);
        // At least twice as many slots as features, a power of two.
        let bits = (2 * n.max(1)).next_power_of_two().trailing_zeros().max(1);
        let mut table = FeatureTable {
            records: vec![Line([0; LINE]); (1usize << bits) * stride],
            shift: 64 - bits,
            stride,
            k,
            features: 0,
        };
        // The most frequent features (lowest idf) first, so that they take their own slots
        // and are found without probing.
        let idf_of = |i: usize| idf.get(i).copied().unwrap_or(0.0);
        let mut order: Vec<usize> = (0..n).filter(|&i| idf_of(i) != 0.0).collect();
        order.sort_by(|&a, &b| {
            idf_of(a)
                .total_cmp(&idf_of(b))
                .then(hashes[a].cmp(&hashes[b]))
        });
        let mask = table.slots() - 1;
        for i in order {
            let h = hashes[i];
            let mut s = table.slot_of(h);
            // A vectorizer holds each hash once; one given twice keeps its first record.
            while !table.is_empty(s as u32) && table.hash(s as u32) != h {
                s = (s + 1) & mask;
            }
            if table.is_empty(s as u32) {
                write_record(
                    &mut table.records[s * stride..(s + 1) * stride],
                    h,
                    idf_of(i),
                    scales.get(i).copied().unwrap_or(0.0),
                    weights.get(i * k..(i + 1) * k).unwrap_or(&[]),
                );
                table.features += 1;
            }
        }
        table
    }

    /// Features held.
    pub(crate) fn len(&self) -> usize {
        self.features
    }

    fn slots(&self) -> usize {
        self.records.len() / self.stride
    }

    fn slot_of(&self, h: u64) -> usize {
        (h.wrapping_mul(SPREAD) >> self.shift) as usize
    }

    fn record(&self, r: u32) -> &[Line] {
        let r = r as usize * self.stride;
        &self.records[r..r + self.stride]
    }

    fn hash(&self, r: u32) -> u64 {
        let b = &self.record(r)[0].0;
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    }

    fn is_empty(&self, r: u32) -> bool {
        self.idf(r) == 0.0
    }

    /// The record of hash `h`, if the model knows it.
    pub(crate) fn get(&self, h: u64) -> Option<u32> {
        let mask = self.slots() - 1;
        let mut s = self.slot_of(h);
        loop {
            let r = s as u32;
            if self.is_empty(r) {
                return None;
            }
            if self.hash(r) == h {
                return Some(r);
            }
            s = (s + 1) & mask;
        }
    }

    /// The vector of folded bytes `[start, end)`, into `out`, with `rows` as scratch: the same
    /// as the vectorizer's vector of their counted features, without counting the features the
    /// model does not know.
    pub(crate) fn vector_of(
        &self,
        folded: &Folded,
        start: usize,
        end: usize,
        rows: &mut Vec<u32>,
        out: &mut Vec<(u32, f32)>,
    ) {
        rows.clear();
        self.rows_of(folded, start, end, &mut Vec::new(), rows);
        self.vector_from_rows(rows, out);
    }

    /// The vector of counted features (record, weight), into `out` (cleared first).
    pub(crate) fn vector(&self, features: &[(u64, u32)], out: &mut Vec<(u32, f32)>) {
        out.clear();
        out.extend(
            features
                .iter()
                .filter_map(|&(h, n)| Some((self.get(h)?, n as f32))),
        );
        weigh(out, |r| self.idf(r));
    }

    /// Whether the model knows feature `hash`.
    pub(crate) fn knows(&self, hash: u64) -> bool {
        self.get(hash).is_some()
    }

    /// Appends to `rows` the record of each of the features `hashes` the model knows.
    pub(crate) fn rows_of_features(&self, hashes: &[u64], rows: &mut Vec<u32>) {
        // Each hash's first slot is asked for before any is read, so that the processor
        // fetches their cache lines side by side instead of waiting on each miss in turn
        // (most are not cached: the rules ran in between).
        for &h in hashes {
            prefetch(&self.record(self.slot_of(h) as u32)[0]);
        }
        rows.extend(hashes.iter().filter_map(|&h| self.get(h)));
    }

    /// Appends to `rows` the record of each feature of folded bytes `[start, end)` the model
    /// knows, repeats included; `hashes` is scratch.
    pub(crate) fn rows_of(
        &self,
        folded: &Folded,
        start: usize,
        end: usize,
        hashes: &mut Vec<u64>,
        rows: &mut Vec<u32>,
    ) {
        hashes.clear();
        for_each_feature(folded, start, end, |h| hashes.push(h));
        self.rows_of_features(hashes, rows);
    }

    /// The vector of the features whose records are `rows` (sorted here), into `out`.
    pub(crate) fn vector_from_rows(&self, rows: &mut [u32], out: &mut Vec<(u32, f32)>) {
        rows.sort_unstable();
        out.clear();
        for &i in rows.iter() {
            match out.last_mut() {
                Some((last, n)) if *last == i => *n += 1.0,
                _ => out.push((i, 1.0)),
            }
        }
        weigh(out, |i| self.idf(i));
    }

    /// Feature `r`'s idf.
    pub(crate) fn idf(&self, r: u32) -> f32 {
        let b = &self.record(r)[0].0;
        f32::from_le_bytes([b[8], b[9], b[10], b[11]])
    }

    /// Adds feature `r`'s weights times `v` (times its scale) to `out`, one score per label.
    pub(crate) fn add_weighted(&self, r: u32, v: f32, out: &mut [f32]) {
        let lines = self.record(r);
        let b = &lines[0].0;
        let v = v * f32::from_le_bytes([b[12], b[13], b[14], b[15]]);
        let k = self.k.min(out.len());
        if let Some(weights) = b.get(HEAD..HEAD + k) {
            // A record of one line: the common case, a plain slice the compiler vectorises.
            for (o, &w) in out.iter_mut().zip(weights) {
                *o += f32::from(w as i8) * v;
            }
        } else {
            let weights = lines.iter().flat_map(|l| l.0.iter()).skip(HEAD).take(k);
            for (o, &w) in out.iter_mut().zip(weights) {
                *o += f32::from(w as i8) * v;
            }
        }
    }
}

/// Asks the processor to fetch `x`'s cache line, without waiting for it. A hint only: it
/// reads nothing and changes nothing, so results are the same with or without it.
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch neither reads nor writes memory and cannot fault; `x` is a live
    // reference in any case. SSE, which the instruction needs, is part of every x86_64.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Writes a feature's record (its hash, idf, weight scale and weights) into its `lines`.
fn write_record(lines: &mut [Line], hash: u64, idf: f32, scale: f32, weights: &[i8]) {
    let mut bytes = lines.iter_mut().flat_map(|l| l.0.iter_mut());
    let head = hash
        .to_le_bytes()
        .into_iter()
        .chain(idf.to_le_bytes())
        .chain(scale.to_le_bytes());
    for (b, v) in bytes
        .by_ref()
        .zip(head.chain(weights.iter().map(|&w| w as u8)))
    {
        *b = v;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distinct pseudo-random hashes (xorshift), enough to fill slots and probe past taken
    /// ones.
    fn hashes(n: usize) -> Vec<u64> {
        let mut s = 0x1234_5678_9abc_def1u64;
        let mut out: Vec<u64> = (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                s
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Feature `i`'s idf (falling with `i`, so that features are placed in another order than
    /// given; at least 1, as a trained model's), scale and weights.
    fn idf(i: usize) -> f32 {
        1.0 + (20_000 - i) as f32 / 7.0
    }
    fn scale(i: usize) -> f32 {
        0.5 + i as f32 / 3.0
    }
    fn weight(i: usize, k: usize, j: usize) -> i8 {
        ((i * k + j) * 37 % 255) as u8 as i8
    }

    fn table(hashes: &[u64], k: usize) -> FeatureTable {
        let n = hashes.len();
        let idf: Vec<f32> = (0..n).map(idf).collect();
        let scales: Vec<f32> = (0..n).map(scale).collect();
        let weights: Vec<i8> = (0..n * k).map(|j| weight(j / k, k, j % k)).collect();
        FeatureTable::new(hashes, &idf, &scales, &weights, k)
    }

    #[test]
    fn every_feature_is_found_and_no_other_hash_is() {
        let all = hashes(20_000);
        let (known, unknown) = all.split_at(10_000);
        let t = table(known, 3);
        assert_eq!(t.len(), known.len());
        let mut rows = Vec::new();
        t.rows_of_features(known, &mut rows);
        assert_eq!(rows.len(), known.len());
        for (i, (&h, &r)) in known.iter().zip(&rows).enumerate() {
            assert_eq!(t.get(h), Some(r));
            assert_eq!(t.idf(r), idf(i));
        }
        // The most frequent feature (lowest idf) was placed first: in its own slot.
        let frequent = known[known.len() - 1];
        assert_eq!(t.get(frequent), Some(t.slot_of(frequent) as u32));
        assert!(unknown.iter().all(|&h| t.get(h).is_none()));
        rows.clear();
        t.rows_of_features(unknown, &mut rows);
        assert!(rows.is_empty());
        assert!(!FeatureTable::new(&[], &[], &[], &[], 3).knows(0));
    }

    #[test]
    fn a_hash_of_a_known_ones_slot_is_not_known() {
        let known = 0xdead_beef_0123_4567u64;
        let t = table(&[known], 3);
        // Another hash whose own slot is the known one's.
        let other = (1..64u64)
            .map(|x| known ^ x)
            .find(|&h| t.slot_of(h) == t.slot_of(known))
            .expect("a hash in the same slot");
        assert_eq!(t.get(other), None);
        let mut rows = Vec::new();
        t.rows_of_features(&[other, known, other], &mut rows);
        assert_eq!(rows, [t.get(known).expect("known")]);
    }

    #[test]
    fn weights_read_back_for_records_of_one_line_and_of_several() {
        // 3 labels fit one 64-byte line with the head; 100 need two.
        for k in [3, 48, 49, 100] {
            let hs = hashes(50);
            let t = table(&hs, k);
            for i in [0, 7, hs.len() - 1] {
                let r = t.get(hs[i]).expect("a known feature");
                let mut out = vec![1.0f32; k];
                t.add_weighted(r, 2.0, &mut out);
                for (j, &o) in out.iter().enumerate() {
                    let w = f32::from(weight(i, k, j));
                    assert_eq!(o, 1.0 + w * (2.0 * scale(i)), "k {k} feature {i} label {j}");
                }
            }
        }
    }
}
