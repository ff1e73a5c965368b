//! Whole-word dictionary matching over folded text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

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

/// Matches many keys at once on folded text, whole words only, longest match first.
#[derive(Debug, Clone)]
pub struct DictMatcher<V> {
    automaton: AhoCorasick,
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
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .map_err(|e| ResourceError::Matcher(e.to_string()))?;
        Ok(DictMatcher { automaton, values })
    }

    /// The values registered under a key.
    pub fn values(&self, key: usize) -> &[V] {
        self.values.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whole-word, non-overlapping hits, preferring the longest at each position.
    pub fn find(&self, folded: &Folded) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .automaton
            .find_overlapping_iter(folded.text.as_str())
            .filter(|m| folded.is_word_bounded(m.start(), m.end()))
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                key: m.pattern().as_usize(),
            })
            .collect();
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut chosen: Vec<Hit> = Vec::with_capacity(hits.len());
        for hit in hits {
            if chosen.last().is_some_and(|last| hit.start < last.end) {
                continue;
            }
            chosen.push(hit);
        }
        chosen
    }
}

/// For an all-capitals alias ("IS", "SANA"), the letters the text must show for it to match:
/// in lower case these are ordinary words ("is") or not names at all.
pub fn exact_form(alias: &str) -> Option<String> {
    let mut letters = alias.chars().filter(|c| c.is_alphabetic()).peekable();
    let all_caps = letters.peek().is_some() && letters.all(char::is_uppercase);
    all_caps.then(|| letters_only(alias))
}

/// The letters and digits of `s`, for comparing acronyms written with or without dots.
pub fn letters_only(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
