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

/// A few words next to an offset, nearest first: a slice of `&str` kept inline (no allocation)
/// up to four words.
#[derive(Debug, Clone)]
pub enum NearWords<'a> {
    Inline(usize, [&'a str; 4]),
    Heap(Vec<&'a str>),
}

impl<'a> NearWords<'a> {
    fn with_capacity(n: usize) -> Self {
        if n <= 4 {
            NearWords::Inline(0, [""; 4])
        } else {
            NearWords::Heap(Vec::with_capacity(n))
        }
    }

    fn push(&mut self, w: &'a str) {
        match self {
            NearWords::Inline(len, items) if *len < items.len() => {
                items[*len] = w;
                *len += 1;
            }
            NearWords::Inline(len, items) => {
                let mut v = items[..*len].to_vec();
                v.push(w);
                *self = NearWords::Heap(v);
            }
            NearWords::Heap(v) => v.push(w),
        }
    }

    pub fn as_slice(&self) -> &[&'a str] {
        match self {
            NearWords::Inline(len, items) => &items[..*len],
            NearWords::Heap(v) => v,
        }
    }
}

impl<'a> std::ops::Deref for NearWords<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        self.as_slice()
    }
}

impl<'a, 'b> PartialEq<Vec<&'b str>> for NearWords<'a> {
    fn eq(&self, other: &Vec<&'b str>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

/// Up to `n` words right before folded offset `at`, nearest first.
pub fn previous_words(folded: &Folded, at: usize, n: usize) -> NearWords<'_> {
    let head = folded.text.get(..at).unwrap_or("");
    let mut out = NearWords::with_capacity(n);
    let mut found = 0;
    // End of the word being read, going backwards.
    let mut end = head.len();
    for (i, c) in head.char_indices().rev() {
        if found == n {
            return out;
        }
        if !is_word_char(c) {
            let after = i + c.len_utf8();
            if after < end {
                out.push(&head[after..end]);
                found += 1;
            }
            end = i;
        }
    }
    if found < n && end > 0 {
        out.push(&head[..end]);
    }
    out
}

/// Up to `n` words right after folded offset `at`, nearest first.
pub fn next_words(folded: &Folded, at: usize, n: usize) -> NearWords<'_> {
    let tail = folded.text.get(at..).unwrap_or("");
    let mut out = NearWords::with_capacity(n);
    let mut found = 0;
    // Start of the word being read.
    let mut start = 0;
    for (i, c) in tail.char_indices() {
        if found == n {
            return out;
        }
        if !is_word_char(c) {
            if start < i {
                out.push(&tail[start..i]);
                found += 1;
            }
            start = i + c.len_utf8();
        }
    }
    if found < n && start < tail.len() {
        out.push(&tail[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_as_split() {
        let text = "Clashes on the outskirts of Ḥamā's north, 12 km — away; (near) U.S.-led x";
        let f = Folded::new(text);
        for at in 0..=f.text.len() + 1 {
            for n in 0..7 {
                let head = f.text.get(..at).unwrap_or("");
                let before: Vec<&str> = head
                    .split(|c: char| !is_word_char(c))
                    .rev()
                    .filter(|w| !w.is_empty())
                    .take(n)
                    .collect();
                assert_eq!(previous_words(&f, at, n), before, "{at} {n}");
                let tail = f.text.get(at..).unwrap_or("");
                let after: Vec<&str> = tail
                    .split(|c: char| !is_word_char(c))
                    .filter(|w| !w.is_empty())
                    .take(n)
                    .collect();
                assert_eq!(next_words(&f, at, n), after, "{at} {n}");
            }
        }
    }

    #[test]
    fn words_around() {
        let f = Folded::new("Clashes on the outskirts of Homs, officials said.");
        let at = f.text.find("homs").unwrap();
        assert_eq!(previous_words(&f, at, 3), vec!["of", "outskirts", "the"]);
        assert_eq!(next_words(&f, at + 4, 2), vec!["officials", "said"]);
    }
}
