//! The features a trained event-type model reads: the words of folded text (the same words
//! every other stage reads) and each pair of neighbouring words, hashed to 64 bits.
//!
//! The hash (FNV-1a, stable across builds and platforms) is part of the model file format ([`super::FEATURE_VERSION`]): a model trained
//! by one build of polemos reads text the same way in another, on any platform.

use crate::fold::Folded;

use polemos_core::SubEventType;

use super::RulesReading;
use crate::data::{fnv1a64_continue as fnv, FNV_OFFSET, FNV_PRIME};

/// Seeds the hash of a word that starts a pair, so that pairs and words hash apart.
const PAIR_SALT: u64 = 0x5bd1_e995;

/// Seeds the hashes of a rules' reading, so that they hash apart from any word.
const READING_SALT: u64 = 0x2f6b_8c3a_91d4_e507;

/// The two features of the rules' reading of a text ([`RulesReading`]): its sub-event type
/// and its trigger rule, each "none" where the rules found no event.
pub(crate) fn reading_features(reading: &RulesReading) -> [u64; 2] {
    reading_parts_features(reading.sub_event_type, reading.trigger.as_deref())
}

/// [`reading_features`] of a reading's parts: the sub-event type and trigger rule.
pub(crate) fn reading_parts_features(sub: Option<SubEventType>, trigger: Option<&str>) -> [u64; 2] {
    let seed = FNV_OFFSET ^ READING_SALT;
    let sub = sub.map_or("none", |s| s.as_str());
    let trigger = trigger.unwrap_or("none");
    [
        fnv(fnv(seed, b"rules\x00"), sub.as_bytes()),
        fnv(fnv(seed, b"trigger\x00"), trigger.as_bytes()),
    ]
}

/// The form a word is counted under: numbers are one word ("12", "1,200" and "3.5" read
/// alike), so that a model learns "killed N" rather than each count seen in training.
fn word_form(word: &str) -> &str {
    if word
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        "0"
    } else {
        word
    }
}

/// Calls `found` with the hash of each feature of folded bytes `[start, end)`, repeats
/// included: each word alone, and each word paired with the word before.
pub(crate) fn for_each_feature(
    folded: &Folded,
    start: usize,
    end: usize,
    mut found: impl FnMut(u64),
) {
    // The pair's hash starts from a salted hash of the first word, so that a pair and a word
    // are hashed from different seeds. A word's three hashes (alone, as the second of a pair,
    // as the seed of the next pair) are computed side by side in one pass over its bytes.
    let mut pair_seed: Option<u64> = None;
    let pair_start = FNV_OFFSET ^ PAIR_SALT;
    for w in folded.words_iter(start, end) {
        let form = word_form(w.text).as_bytes();
        // A separator no word contains keeps "ab c" and "a bc" apart.
        let second = fnv(pair_seed.unwrap_or(FNV_OFFSET), b"\x00");
        let [alone, pair, seed] = fnv_three([FNV_OFFSET, second, pair_start], form);
        found(alone);
        if pair_seed.is_some() {
            found(pair);
        }
        pair_seed = Some(seed);
    }
}

/// FNV-1a of `bytes` continued from each of three `seeds`: the same as three calls of
/// `fnv1a64_continue`, with the three multiplications of a byte independent of each other.
fn fnv_three(mut seeds: [u64; 3], bytes: &[u8]) -> [u64; 3] {
    for &b in bytes {
        for h in &mut seeds {
            *h = (*h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    seeds
}

/// The hashed features of folded bytes `[start, end)` ([`for_each_feature`]) and of the rules'
/// `reading` where there is one, with how often each occurs, sorted by hash; `out` is
/// cleared first.
pub(crate) fn counted_features(
    folded: &Folded,
    start: usize,
    end: usize,
    reading: Option<&RulesReading>,
    out: &mut Vec<(u64, u32)>,
) {
    out.clear();
    let mut hashes: Vec<u64> = Vec::new();
    for_each_feature(folded, start, end, |h| hashes.push(h));
    hashes.extend(reading.map(reading_features).into_iter().flatten());
    hashes.sort_unstable();
    for h in hashes {
        match out.last_mut() {
            Some((last, n)) if *last == h => *n += 1,
            _ => out.push((h, 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(text: &str) -> Vec<(u64, u32)> {
        let folded = Folded::new(text);
        let mut out = Vec::new();
        counted_features(&folded, 0, folded.text.len(), None, &mut out);
        out
    }

    #[test]
    fn words_and_pairs_counted_once_each() {
        // 3 words and 2 pairs; "the" twice.
        let f = features("the Gunmen the");
        assert_eq!(f.len(), 4, "{f:?}");
        assert_eq!(f.iter().map(|&(_, n)| n).sum::<u32>(), 5);
    }

    #[test]
    fn three_hashes_in_one_pass_are_three_hashes() {
        let seeds = [FNV_OFFSET, 7, FNV_OFFSET ^ PAIR_SALT];
        for word in ["", "a", "gunmen", "قتل"] {
            let b = word.as_bytes();
            assert_eq!(fnv_three(seeds, b), seeds.map(|s| fnv(s, b)));
        }
    }

    #[test]
    fn folded_forms_and_numbers_read_alike() {
        assert_eq!(
            features("Gunmen killed 12"),
            features("gunmen  KILLED 1,200")
        );
        assert_ne!(features("gunmen killed"), features("killed gunmen"));
    }
}
