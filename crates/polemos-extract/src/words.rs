//! Splitting folded text into words with their folded byte offsets, and fast sets of words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A word of folded text: letters and digits, with `,` and `.` kept inside numbers ("1,200").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Whether folded word `w` has an adverb's shape: longer than four letters and in -ly
/// ("brutally", "reportedly"; not "only", "fly").
pub(crate) fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w != "only"
}

/// The words of `text[range]`, offsets relative to `text`.
pub fn words_in(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    for_each_word(text, start, end, |s, e| {
        if let Some(t) = text.get(s..e) {
            out.push(Word {
                text: t,
                start: s,
                end: e,
            });
        }
    });
    out
}

/// The byte ranges of the words of `text[range]` ([`words_in`]), into `out`.
pub fn word_spans_into(text: &str, start: usize, end: usize, out: &mut Vec<(u32, u32)>) {
    for_each_word(text, start, end, |s, e| {
        if text.get(s..e).is_some() {
            out.push((s as u32, e as u32));
        }
    });
}

/// Calls `found` with the byte range of each run of word bytes of `text[range]` (letters,
/// digits, bytes of non-ASCII characters, and `,` or `.` between digits).
fn for_each_word(text: &str, start: usize, end: usize, mut found: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || b >= 0x80 {
            let s = i;
            while i < end {
                let c = bytes[i];
                let inner_sep = (c == b',' || c == b'.')
                    && i > s
                    && bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if c.is_ascii_alphanumeric() || c >= 0x80 || inner_sep {
                    i += 1;
                } else {
                    break;
                }
            }
            found(s, i);
        } else {
            i += 1;
        }
    }
}

/// A small fast hasher for short words (multiply-rotate over 8-byte chunks). The words come
/// from our own lists and from text, and a collision only costs time.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Words and a value for each, for looking up words of text many times. A bit table on each
/// word's first two bytes and length turns most other words away before hashing.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    map: HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>,
    filter: Vec<u64>,
}

/// The bit of `w` in [`WordMap::filter`].
pub(crate) fn filter_bit(w: &str) -> usize {
    let b = w.as_bytes();
    let first = usize::from(b.first().copied().unwrap_or(0));
    let second = usize::from(b.get(1).copied().unwrap_or(0));
    (first.wrapping_mul(131) ^ second.wrapping_mul(31) ^ b.len().wrapping_mul(7919)) & 4095
}

impl<V> WordMap<V> {
    /// The value of word `w`, if it is one of the words.
    pub fn get(&self, w: &str) -> Option<&V> {
        let bit = filter_bit(w);
        if self.filter[bit >> 6] >> (bit & 63) & 1 == 0 {
            return None;
        }
        self.map.get(w)
    }

    /// The words, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.map.keys().map(|k| &**k)
    }
}

/// A map from the first occurrence of each word in `pairs` to its value (as a linear `find`
/// over `pairs` would give).
pub fn word_map<'a, V>(pairs: impl IntoIterator<Item = (&'a str, V)>) -> WordMap<V> {
    let mut out = WordMap {
        map: HashMap::default(),
        filter: vec![0; 4096 / 64],
    };
    for (w, v) in pairs {
        let bit = filter_bit(w);
        out.filter[bit >> 6] |= 1 << (bit & 63);
        out.map.entry(Box::from(w)).or_insert(v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_separators() {
        let t = "killing 1,200 people, 3.5 km away.";
        let w: Vec<&str> = words_in(t, 0, t.len()).iter().map(|w| w.text).collect();
        assert_eq!(w, vec!["killing", "1,200", "people", "3.5", "km", "away"]);
    }
}
