//! Small helpers for looking at the words around a match in folded text.

use polemos_core::{Sentence, Span};

use crate::fold::Folded;

/// Index of the sentence containing `span`, if any.
pub fn sentence_of(sentences: &[Sentence], span: Span) -> Option<u32> {
    let i = sentences.partition_point(|s| s.span.end <= span.start);
    sentences
        .get(i)
        .filter(|s| s.span.contains(span))
        .map(|s| s.index)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Up to `n` words right before folded offset `at`, nearest first.
pub fn previous_words(folded: &Folded, at: usize, n: usize) -> Vec<&str> {
    let head = folded.text.get(..at).unwrap_or("");
    head.split(|c: char| !is_word_char(c))
        .rev()
        .filter(|w| !w.is_empty())
        .take(n)
        .collect()
}

/// Up to `n` words right after folded offset `at`, nearest first.
pub fn next_words(folded: &Folded, at: usize, n: usize) -> Vec<&str> {
    let tail = folded.text.get(at..).unwrap_or("");
    tail.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(n)
        .collect()
}

/// A set of word sequences that may stand right before a match ("outskirts of").
#[derive(Debug, Clone, Copy)]
pub struct Cue<'a> {
    phrases: &'a [&'a [&'a str]],
}

impl<'a> Cue<'a> {
    pub fn new(phrases: &'a [&'a [&'a str]]) -> Self {
        Cue { phrases }
    }

    /// Whether one of the phrases ends right before the match, allowing one article or
    /// adjective in between ("near the town of" is handled by callers passing enough words).
    /// `before` holds the preceding words nearest first.
    pub fn precedes(&self, before: &[&str]) -> bool {
        self.phrases.iter().any(|phrase| {
            let n = phrase.len();
            let ends_at = |skip: usize| {
                before.len() >= n + skip
                    && phrase
                        .iter()
                        .rev()
                        .zip(before[skip..].iter())
                        .all(|(p, w)| p == w)
            };
            ends_at(0) || (before.first().is_some_and(|w| *w == "the") && ends_at(1))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around() {
        let f = Folded::new("Clashes on the outskirts of Homs, officials said.");
        let at = f.text.find("homs").unwrap();
        assert_eq!(previous_words(&f, at, 3), vec!["of", "outskirts", "the"]);
        assert_eq!(next_words(&f, at + 4, 2), vec!["officials", "said"]);
        let cue = Cue::new(&[&["outskirts", "of"], &["near"]]);
        assert!(cue.precedes(&previous_words(&f, at, 3)));
        let at = f.text.find("the").unwrap();
        assert!(!cue.precedes(&previous_words(&f, at, 3)));
    }
}
