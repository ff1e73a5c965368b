//! Finding gazetteer names in keyed text.
//!
//! The text is keyed once ([`KeyedText`]); then, at each word that may start a name (its key is
//! the first word of some name key), the following one to N words are looked up in a hash map
//! of name keys. Only whole original words can match, so "Hama" never matches inside "Hamas"
//! and "Syria" never inside "Syrian".
//!
//! Why not one Aho-Corasick automaton over all keys: with ~130,000 keys its construction alone
//! takes ~300 ms, three times the load budget, while the word-gram maps build in a few tens of
//! milliseconds and are as fast to search, since names always start and end on words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::name_key::KeyedText;
use crate::ResourceError;

/// A name found in keyed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Range in the keyed text.
    pub key_start: usize,
    pub key_end: usize,
    /// Original byte range.
    pub orig_start: usize,
    pub orig_end: usize,
    /// Index of the key; [`NameIndex::values`] gives the places.
    pub key: usize,
}

/// A small fast hash for short string keys (multiply-rotate, as in rustc's FxHash). The keys
/// come from our own data and text, and a slow collision here only costs time.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// All name keys of a gazetteer and the places each stands for.
#[derive(Debug, Clone)]
pub struct NameIndex {
    by_key: FastMap<Box<str>, u32>,
    /// First key word of any name key -> the most words a name key starting with it has.
    first_words: FastMap<Box<str>, u8>,
    values: Vec<Vec<u32>>,
}

/// Keys shorter than this (in bytes) are not matched: "al", "as" and the like would only add
/// noise.
const MIN_KEY_LEN: usize = 3;

impl NameIndex {
    /// Builds the index from `(name key, place id)` pairs (keys made by `name_key`).
    pub fn from_keys(
        entries: impl IntoIterator<Item = (String, u32)>,
    ) -> Result<Self, ResourceError> {
        let mut by_key: FastMap<Box<str>, u32> = FastMap::default();
        let mut first_words: FastMap<Box<str>, u8> = FastMap::default();
        let mut values: Vec<Vec<u32>> = Vec::new();
        for (key, id) in entries {
            if key.len() < MIN_KEY_LEN {
                continue;
            }
            let i = match by_key.get(key.as_str()) {
                Some(&i) => i as usize,
                None => {
                    let words = key.split([' ', '|']).count().min(u8::MAX as usize) as u8;
                    let first = key.split([' ', '|']).next().unwrap_or("");
                    let max = first_words.entry(first.into()).or_insert(0);
                    *max = (*max).max(words);
                    values.push(Vec::new());
                    by_key.insert(key.into_boxed_str(), (values.len() - 1) as u32);
                    values.len() - 1
                }
            };
            if !values[i].contains(&id) {
                values[i].push(id);
            }
        }
        Ok(NameIndex {
            by_key,
            first_words,
            values,
        })
    }

    /// The places registered under a key.
    pub fn values(&self, key: usize) -> &[u32] {
        self.values.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The key index of exactly this name key, if it is in the index.
    pub fn get_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).map(|&i| i as usize)
    }

    /// Number of distinct keys.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Every name covering whole original words, overlapping ones included, in text order
    /// (longest first at each start).
    pub fn candidates(&self, keyed: &KeyedText) -> Vec<Candidate> {
        let words = &keyed.words;
        let text = keyed.text.as_str();
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if !w.starts_word {
                continue;
            }
            let first = text
                .get(w.key_start as usize..w.key_end as usize)
                .unwrap_or("");
            let Some(&max) = self.first_words.get(first) else {
                continue;
            };
            let start = w.key_start as usize;
            let found_before = out.len();
            for (j, wj) in words.iter().enumerate().take(i + max as usize).skip(i) {
                let end = wj.key_end as usize;
                if j > i && bytes.get(wj.key_start as usize - 1) == Some(&b'|') {
                    break;
                }
                if !wj.ends_word {
                    continue;
                }
                if let Some(&key) = text.get(start..end).and_then(|k| self.by_key.get(k)) {
                    out.push(Candidate {
                        key_start: start,
                        key_end: end,
                        orig_start: w.orig_start as usize,
                        orig_end: wj.orig_end as usize,
                        key: key as usize,
                    });
                }
            }
            out[found_before..].reverse();
        }
        out
    }
}

/// Keeps the longest of overlapping candidates, leftmost first.
pub fn longest_non_overlapping(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        a.key_start
            .cmp(&b.key_start)
            .then(b.key_end.cmp(&a.key_end))
    });
    let mut chosen: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        if chosen.last().is_some_and(|last| c.key_start < last.key_end) {
            continue;
        }
        chosen.push(c);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::super::name_key::name_key;
    use super::*;

    #[test]
    fn finds_whole_word_variants() {
        let idx = NameIndex::from_keys(
            [("Deir ez-Zor", 1), ("Hama", 2), ("Syria", 3), ("al", 4)]
                .map(|(n, id)| (name_key(n), id)),
        )
        .unwrap();
        let text = "Syrian troops left Hamas for Hama and Deir Ezzor in Syria.";
        let k = KeyedText::new(text);
        let found: Vec<(&str, u32)> = longest_non_overlapping(idx.candidates(&k))
            .iter()
            .map(|c| (&text[c.orig_start..c.orig_end], idx.values(c.key)[0]))
            .collect();
        assert_eq!(found, vec![("Hama", 2), ("Deir Ezzor", 1), ("Syria", 3)]);
        assert_eq!(
            idx.get_key(&name_key("Dayr az Zawr")),
            idx.get_key(&name_key("Deir ez-Zor"))
        );
        assert!(idx.get_key("al").is_none());
    }
}
