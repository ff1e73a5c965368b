//! The compiled forms of word classes that rules test words and phrases against.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::words::{filter_bit, Word, WordHasher};

/// A phrase of a class as its sequence of words.
pub(crate) type Phrase = Vec<Box<str>>;

/// Lists up to this long are searched in order; longer ones through a hash set.
const LINEAR_MAX: usize = 12;

/// The single-word entries of a class, in file order, for membership tests on folded words.
/// Rules test most words of a text against some class, and most words are in none: a bit
/// table on each word's first two bytes and length turns those away before any comparison.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordList {
    words: Vec<Box<str>>,
    set: HashSet<Box<str>, BuildHasherDefault<WordHasher>>,
    filter: [u64; 8],
}

impl WordList {
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordList {
        let words: Vec<Box<str>> = words.into_iter().map(Box::from).collect();
        let set = if words.len() > LINEAR_MAX {
            words.iter().cloned().collect()
        } else {
            HashSet::default()
        };
        let mut filter = [0u64; 8];
        for w in &words {
            let bit = filter_bit(w) & 511;
            filter[bit >> 6] |= 1 << (bit & 63);
        }
        WordList { words, set, filter }
    }

    /// Whether `word` is one of the entries.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let bit = filter_bit(word) & 511;
        if self.filter[bit >> 6] >> (bit & 63) & 1 == 0 {
            return false;
        }
        if self.words.len() > LINEAR_MAX {
            self.set.contains(word)
        } else {
            self.words.iter().any(|w| &**w == word)
        }
    }

    /// The entries, in file order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.words.iter().map(|w| &**w)
    }
}

/// The entries of a class that may be several words ("at least", "since the war"), in file
/// order: each as written and as its sequence of words.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseList {
    texts: Vec<Box<str>>,
    words: Vec<Vec<Box<str>>>,
    /// All the phrases in one automaton, for finding any of them in a text; built the first
    /// time it is needed (most classes are read word by word and never need it).
    automaton: OnceLock<Option<AhoCorasick>>,
}

impl PhraseList {
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseList {
        let texts: Vec<Box<str>> = phrases.into_iter().map(Box::from).collect();
        let words = texts
            .iter()
            .map(|t| t.split(' ').map(Box::from).collect())
            .collect();
        PhraseList {
            texts,
            words,
            automaton: OnceLock::new(),
        }
    }

    /// Whether `haystack` contains any of the phrases as whole words: "of the war" is in "the
    /// toll of the war rose" but not in "of the war-torn city". `ends_word` vets each match's
    /// end offset further (folded text shows "war-torn" as "war torn": the caller can look at
    /// the original).
    pub(crate) fn occurs_in(&self, haystack: &str, ends_word: impl Fn(usize) -> bool) -> bool {
        let bytes = haystack.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80;
        let whole = |start: usize, end: usize| {
            (start == 0 || !word_byte(bytes[start - 1]))
                && bytes.get(end).is_none_or(|b| !word_byte(*b))
                && ends_word(end)
        };
        let automaton = self
            .automaton
            .get_or_init(|| AhoCorasick::new(self.texts.iter().map(|t| t.as_bytes())).ok());
        match automaton {
            Some(ac) => ac
                .find_overlapping_iter(haystack)
                .any(|m| whole(m.start(), m.end())),
            None => self.texts.iter().any(|n| {
                haystack
                    .match_indices(&**n)
                    .any(|(at, _)| whole(at, at + n.len()))
            }),
        }
    }

    /// The phrases as written (words joined by single spaces).
    pub(crate) fn texts(&self) -> impl Iterator<Item = &str> + '_ {
        self.texts.iter().map(|t| &**t)
    }

    /// The phrases as word sequences.
    pub(crate) fn word_seqs(&self) -> impl Iterator<Item = &[Box<str>]> + '_ {
        self.words.iter().map(Vec::as_slice)
    }

    /// Whether one of the phrases ends right before a match, allowing one "the" in between
    /// ("near the town of" is handled by callers passing enough words). `before` holds the
    /// preceding words, nearest first.
    pub(crate) fn precedes(&self, before: &[&str]) -> bool {
        self.longest_ending(before) > 0
            || (before.first().is_some_and(|w| *w == "the")
                && self.longest_ending(&before[1..]) > 0)
    }

    /// The length in words of the longest phrase that ends right before a match, 0 if none;
    /// `before` holds the preceding words, nearest first.
    pub(crate) fn longest_ending(&self, before: &[&str]) -> usize {
        self.words
            .iter()
            .filter(|phrase| {
                before.len() >= phrase.len()
                    && phrase.iter().rev().zip(before).all(|(p, w)| **p == **w)
            })
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }

    /// The length in words of the longest phrase `words` start with, 0 if none.
    pub(crate) fn longest_at(&self, words: &[Word<'_>]) -> usize {
        self.words
            .iter()
            .filter(|phrase| {
                words.len() >= phrase.len() && phrase.iter().zip(words).all(|(p, w)| **p == *w.text)
            })
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }
}

/// Phrases looked for anywhere in a stretch of original text, ASCII case aside ("Unidentified
/// warplanes"), with one automaton.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMatcher {
    automaton: AhoCorasick,
}

impl PhraseMatcher {
    pub(crate) fn new<'a>(
        phrases: impl IntoIterator<Item = &'a str>,
    ) -> Result<PhraseMatcher, aho_corasick::BuildError> {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(phrases)?;
        Ok(PhraseMatcher { automaton })
    }

    /// Whether any of the phrases occurs in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.automaton.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words() {
        let cues = PhraseList::new(["since the war", "in total", "of the war", "war"]);
        let none = PhraseList::new([]);
        for (text, expected) in [
            ("", false),
            ("killed since the war began", true),
            ("in total, 5", true),
            ("war", true),
            ("in tota", false),
            ("the toll of the war.", true),
            ("of the war-torn city", false),
            ("in totality", false),
            ("postwar", false),
            ("warplanes", false),
        ] {
            assert_eq!(cues.occurs_in(text, |_| true), expected, "{text}");
            assert!(!none.occurs_in(text, |_| true));
        }
    }

    #[test]
    fn phrases_preceding_a_match() {
        let cue = PhraseList::new(["outskirts of", "near"]);
        assert!(cue.precedes(&["of", "outskirts", "the"]));
        assert!(cue.precedes(&["the", "near"]));
        assert!(!cue.precedes(&["on", "clashes"]));
        assert!(!cue.precedes(&["of"]));
    }

    #[test]
    fn word_lists_short_and_long_answer_alike() {
        let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        for n in [0, 3, 12, 13, 40] {
            let list = WordList::new(words[..n].iter().map(String::as_str));
            for (i, w) in words.iter().enumerate() {
                assert_eq!(list.contains(w), i < n, "{n} {w}");
            }
            assert!(!list.contains(""));
        }
    }
}
