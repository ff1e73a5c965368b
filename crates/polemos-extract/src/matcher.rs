//! Whole-word dictionary matching over folded text.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::fold::{fold_key, Folded};
use crate::ResourceError;

/// A dictionary hit: folded byte range and the values registered under its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// Index of the key; [`DictMatcher::values`] gives what it stands for.
    pub key: usize,
}

/// The anchored automaton a dictionary's folded keys are walked through from each word start.
/// [`crate::joint::JointMatcher`] builds its automaton of several dictionaries' keys here too,
/// so that its walks find exactly what each dictionary's own do.
pub(crate) fn key_automaton<K: AsRef<[u8]>>(keys: &[K]) -> Result<DFA, ResourceError> {
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Anchored)
        .prefilter(false)
        .build(keys)
        .map_err(|e| ResourceError::Matcher(e.to_string()))
}

/// Matches many keys at once on folded text, whole words only, longest match first.
#[derive(Debug, Clone)]
pub struct DictMatcher<V> {
    /// Anchored DFA over the folded keys: walked from each word start only. Built on the
    /// first [`DictMatcher::find`]: a pipeline walks its dictionaries together through
    /// [`crate::joint::JointMatcher`]'s automaton and never needs this one, whose size grows
    /// with the keys (tens of MB for the actor tables). Its build cannot fail where the joint
    /// automaton, over a superset of the keys, was built.
    automaton: OnceLock<Option<DFA>>,
    /// Bit `b0 << 8 | b1` set when some key starts with bytes `b0 b1`, or is the one byte
    /// `b0`: a walk from a word start whose two bytes are not here cannot match.
    openings: Vec<u64>,
    /// The folded keys, by key index (pattern id of `automaton`).
    keys: Vec<String>,
    values: Vec<Vec<V>>,
}

impl<V: Clone> DictMatcher<V> {
    /// Builds a matcher from `(key, value)` pairs; keys are folded, and values of keys that
    /// fold alike are kept together.
    pub fn new(entries: impl IntoIterator<Item = (String, V)>) -> Result<Self, ResourceError> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut values: Vec<Vec<V>> = Vec::new();
        for (key, value) in entries {
            let folded = fold_key(&key);
            if folded.is_empty() {
                continue;
            }
            let i = *index.entry(folded.clone()).or_insert_with(|| {
                keys.push(folded);
                values.push(Vec::new());
                keys.len() - 1
            });
            values[i].push(value);
        }
        let mut openings = vec![0u64; 1 << 10];
        for key in &keys {
            let k = key.as_bytes();
            let seconds: Vec<u8> = match k.get(1) {
                Some(&b1) => vec![b1],
                None => (0..=255).collect(),
            };
            for b1 in seconds {
                let bit = usize::from(k[0]) << 8 | usize::from(b1);
                openings[bit >> 6] |= 1 << (bit & 63);
            }
        }
        Ok(DictMatcher {
            automaton: OnceLock::new(),
            openings,
            keys,
            values,
        })
    }

    /// The folded keys, by key index ([`Hit::key`]).
    pub(crate) fn keys(&self) -> &[String] {
        &self.keys
    }

    /// The first-two-bytes filter of [`DictMatcher::find`], for walks over several
    /// dictionaries at once ([`crate::joint::JointMatcher`]).
    pub(crate) fn openings(&self) -> &[u64] {
        &self.openings
    }

    /// The values registered under a key.
    pub fn values(&self, key: usize) -> &[V] {
        self.values.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whole-word, non-overlapping hits, preferring the longest at each position.
    ///
    /// Scanning left to right, a hit is the longest key starting at a word start (offset 0 or
    /// after a byte that is not a word byte) and ending at a word end, taken when it starts
    /// at or after the end of the hit before: the same hits as sorting every whole-word
    /// occurrence by (start, longest first) and keeping those that do not overlap the last
    /// kept one.
    pub fn find(&self, folded: &Folded) -> Vec<Hit> {
        let Some(dfa) = self
            .automaton
            .get_or_init(|| key_automaton(&self.keys).ok())
        else {
            return Vec::new();
        };
        let Ok(start_state) = dfa.start_state(Anchored::Yes) else {
            return Vec::new();
        };
        let bytes = folded.text.as_bytes();
        let mut chosen: Vec<Hit> = Vec::new();
        let mut taken_to = 0;
        for &p in folded.word_starts() {
            let p = p as usize;
            if p < taken_to {
                continue;
            }
            let b = bytes[p];
            // A key of one byte opens with every second byte, so the last byte of the text
            // (no second byte) looks like 0, which opens exactly the keys of one byte.
            let bit = usize::from(b) << 8 | usize::from(bytes.get(p + 1).copied().unwrap_or(0));
            if self.openings[bit >> 6] >> (bit & 63) & 1 == 0 {
                continue;
            }
            let mut sid = start_state;
            let mut best: Option<(usize, usize)> = None;
            for (q, &c) in bytes.iter().enumerate().skip(p) {
                sid = dfa.next_state(Anchored::Yes, sid, c);
                if dfa.is_dead(sid) {
                    break;
                }
                if dfa.is_match(sid) {
                    let end = q + 1;
                    if bytes.get(end).is_some_and(|&n| is_word_byte(n)) {
                        continue;
                    }
                    // The state may also hold keys that are suffixes of this one and so start
                    // later: only a key as long as the walk starts at `p`.
                    for i in 0..dfa.match_len(sid) {
                        let pid = dfa.match_pattern(sid, i);
                        if dfa.pattern_len(pid) == end - p {
                            best = Some((end, pid.as_usize()));
                        }
                    }
                }
            }
            if let Some((end, key)) = best {
                chosen.push(Hit { start: p, end, key });
                taken_to = end;
            }
        }
        chosen
    }
}

/// Letters, digits and any byte of a non-ASCII character count as word bytes (as in
/// [`Folded::is_word_bounded`]).
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// For an all-capitals alias ("IS", "SANA") or a short acronym written in mixed case ("JeM",
/// "LeT", "HuJI"), the letters the text must show for it to match: in lower case these are
/// ordinary words ("is", "let") or not names at all.
pub fn exact_form(alias: &str) -> Option<String> {
    let mut letters = alias.chars().filter(|c| c.is_alphabetic()).peekable();
    let all_caps = letters.peek().is_some() && letters.all(char::is_uppercase);
    let mixed_acronym = alias.chars().count() <= 6
        && alias.chars().all(char::is_alphanumeric)
        && alias.chars().filter(|c| c.is_uppercase()).count() >= 2;
    (all_caps || mixed_acronym).then(|| letters_only(alias))
}

/// The letters and digits of `s`, for comparing acronyms written with or without dots.
pub fn letters_only(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether `letters_only(s) == letters`, without building the string: every dictionary hit
/// whose alias wants an exact form is checked.
pub fn letters_equal(s: &str, letters: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .eq(letters.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_equal_is_letters_only_compared() {
        let texts = [
            "I.S.",
            "IS",
            "is",
            "S.A.N.A",
            "SANA news",
            "",
            "YPG-led",
            "Ḥama 2",
        ];
        for a in texts {
            for b in texts {
                let letters = letters_only(b);
                assert_eq!(
                    letters_equal(a, &letters),
                    letters_only(a) == letters,
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn longest_whole_word_hits() {
        let m = DictMatcher::new([
            ("Islamic State".to_string(), 1),
            ("State".to_string(), 2),
            ("Hama".to_string(), 3),
        ])
        .unwrap();
        let f = Folded::new("Islamic State fighters left Hamas for Hama.");
        let hits = m.find(&f);
        let found: Vec<(&str, i32)> = hits
            .iter()
            .map(|h| (&f.text[h.start..h.end], m.values(h.key)[0]))
            .collect();
        assert_eq!(found, vec![("islamic state", 1), ("hama", 3)]);
    }

    #[test]
    fn keys_folding_alike_share_values() {
        let m = DictMatcher::new([
            ("Deir ez-Zor".to_string(), 1),
            ("Deir Ez Zor".to_string(), 2),
        ])
        .unwrap();
        let f = Folded::new("in deir ez zor");
        let hits = m.find(&f);
        assert_eq!(hits.len(), 1);
        assert_eq!(m.values(hits[0].key), &[1, 2]);
    }

    /// The hits by definition: every whole-word occurrence of every key, sorted by start and
    /// longest first, keeping those that do not overlap the last kept one.
    fn naive_find(keys: &[&str], folded: &Folded) -> Vec<(usize, usize, String)> {
        let mut all = Vec::new();
        for k in keys {
            let k = fold_key(k);
            for (i, _) in folded.text.match_indices(k.as_str()) {
                if folded.is_word_bounded(i, i + k.len()) {
                    all.push((i, i + k.len(), k.clone()));
                }
            }
            // Overlapping occurrences too ("a a" in "a a a").
            for i in 0..folded.text.len() {
                if folded.text[i..].starts_with(k.as_str())
                    && folded.is_word_bounded(i, i + k.len())
                    && !all.iter().any(|(s, _, kk)| *s == i && *kk == k)
                {
                    all.push((i, i + k.len(), k.clone()));
                }
            }
        }
        all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut chosen: Vec<(usize, usize, String)> = Vec::new();
        for h in all {
            if chosen.last().is_some_and(|l| h.0 < l.1) {
                continue;
            }
            chosen.push(h);
        }
        chosen
    }

    #[test]
    fn same_hits_as_the_definition() {
        let keys = [
            "a", "a b", "a b c", "b c", "b", "c a", "ab", "b-a", "a.", "é a", "c c c", "bb",
        ];
        let m = DictMatcher::new(keys.iter().map(|k| (k.to_string(), *k))).unwrap();
        let pieces = ["a", "b", "c", " ", " ", "-", ".", ",", "é", "bb", "x"];
        let mut seed: u64 = 7;
        for _ in 0..3000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let n = (seed >> 59) as usize + 1;
            for _ in 0..n {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let f = Folded::new(&text);
            let got: Vec<(usize, usize, String)> = m
                .find(&f)
                .into_iter()
                .map(|h| (h.start, h.end, f.text[h.start..h.end].to_string()))
                .collect();
            assert_eq!(got, naive_find(&keys, &f), "{text:?}");
        }
    }
}
