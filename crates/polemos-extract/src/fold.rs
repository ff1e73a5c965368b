//! Folding text into a matching form, with a map back to the original byte offsets.
//!
//! Dictionaries are matched on folded text so that "Deir Ez-Zor", "deir ez zor" and
//! "Deir Ez Zor" meet, and "U.S.-led" meets "US-led". Every folded byte remembers which
//! original character it came from, so matches map back to exact spans of the original.

use std::cell::OnceCell;

use polemos_core::Span;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::words::{word_spans_into, words_in, Word};

/// Text in matching form with its offset map.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// Lowercase, diacritics removed, apostrophes dropped, dashes and whitespace runs as one
    /// space, dots of single-letter abbreviations dropped.
    pub text: String,
    /// For each byte of `text`, the start of the original character it came from.
    starts: Vec<u32>,
    /// For each byte of `text`, the end of the original character it came from.
    ends: Vec<u32>,
    /// The words of the whole of `text` ([`words_in`]), made on first use: every sentence is
    /// looked at word by word by several stages.
    words: OnceCell<Vec<(u32, u32)>>,
    /// The offsets where a whole-word match may start ([`Folded::word_starts`]), made on first
    /// use: several dictionaries are matched on the same text.
    word_starts: OnceCell<Vec<u32>>,
}

/// Apostrophes and the marks transliterations write for ayn and hamza ("Daʻesh", "Raʼs"). One
/// definition for the folded text and the gazetteer's name keys, so both read a name alike.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{02BC}'
            | '\u{02BB}'
            | '\u{02BF}'
            | '\u{02BE}'
            | '`'
            | '\u{00B4}'
    )
}

/// Hyphens, dashes and the minus sign.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

impl Folded {
    /// Folds `original`.
    pub fn new(original: &str) -> Folded {
        let mut out = Folded {
            text: String::with_capacity(original.len()),
            starts: Vec::with_capacity(original.len()),
            ends: Vec::with_capacity(original.len()),
            words: OnceCell::new(),
            word_starts: OnceCell::new(),
        };
        // Two previous original characters, to recognise single-letter abbreviations.
        let mut prev: Option<char> = None;
        let mut prev2: Option<char> = None;
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Most text: a run of ASCII letters and digits, each lowercased, and the single
            // spaces between such words, which fold to themselves (a space after a letter or
            // digit is never dropped).
            if bytes[i].is_ascii_alphanumeric() {
                let run = i;
                i += 1;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || (bytes[i] == b' ' && bytes[i - 1] != b' '))
                {
                    i += 1;
                }
                // The run is copied and lowercased as a whole, and its offsets are ranges:
                // each byte maps to itself. `prev` and `prev2` end as its last two characters,
                // as stepping through it would leave them.
                let at = out.text.len();
                out.text.push_str(&original[run..i]);
                out.text[at..].make_ascii_lowercase();
                out.starts.extend(run as u32..i as u32);
                out.ends.extend(run as u32 + 1..i as u32 + 1);
                prev2 = if i - run >= 2 {
                    Some(char::from(bytes[i - 2]))
                } else {
                    prev
                };
                prev = Some(char::from(bytes[i - 1]));
                continue;
            }
            // Spaces and punctuation are ASCII: no need to decode them.
            let c = if bytes[i].is_ascii() {
                char::from(bytes[i])
            } else {
                let Some(c) = original.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                c
            };
            let end = i + c.len_utf8();
            if is_apostrophe(c) && prev.is_some_and(char::is_alphabetic) {
                // A possessive "'s" at the end of a word goes entirely: "the Syrian military's
                // positions" meets "Syrian military".
                let mut ahead = original[end..].chars();
                if ahead.next() == Some('s') && !ahead.next().is_some_and(char::is_alphanumeric) {
                    i = end + 1;
                    prev2 = prev;
                    prev = Some('s');
                    continue;
                }
            }
            if c.is_whitespace() || is_dash(c) {
                if !out.text.ends_with(' ') && !out.text.is_empty() {
                    out.push(' ', i, end);
                }
            } else if is_apostrophe(c) {
                // Dropped: "Dar'a" meets "Dara", "Assad's" meets "Assads".
            } else if c == '.'
                && prev.is_some_and(char::is_alphabetic)
                && !prev2.is_some_and(char::is_alphabetic)
            {
                // "U.S." folds to "us"; "Aleppo." keeps its full stop.
            } else if c.is_ascii() {
                out.push(c.to_ascii_lowercase(), i, end);
            } else {
                let mut any = false;
                decompose_canonical(c, |d| {
                    if !is_combining_mark(d) {
                        for l in d.to_lowercase() {
                            out.push(l, i, end);
                            any = true;
                        }
                    }
                });
                if !any && !is_combining_mark(c) {
                    out.push(c, i, end);
                }
            }
            prev2 = prev;
            prev = Some(c);
            i = end;
        }
        out
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(start as u32);
            self.ends.push(end as u32);
        }
    }

    /// The original span covered by folded bytes `[start, end)`.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        if start >= end || end > self.starts.len() {
            return Span::new(0, 0);
        }
        Span::new(self.starts[start] as usize, self.ends[end - 1] as usize)
    }

    /// The folded byte offset of the first folded byte at or after original offset `orig`.
    pub fn folded_offset(&self, orig: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < orig)
    }

    /// The words of folded bytes `[start, end)`: exactly [`words_in`]`(&self.text, start,
    /// end)`, taken from the words of the whole text, which are made once.
    pub fn words(&self, start: usize, end: usize) -> Vec<Word<'_>> {
        self.words_iter(start, end).collect()
    }

    /// [`Folded::words`] into `out`, which is cleared first: stages that look at every
    /// sentence word by word reuse one buffer instead of allocating one per sentence.
    pub fn words_into<'a>(&'a self, start: usize, end: usize, out: &mut Vec<Word<'a>>) {
        out.clear();
        out.extend(self.words_iter(start, end));
    }

    /// [`Folded::words`] one at a time, without collecting them.
    pub fn words_iter(&self, start: usize, end: usize) -> WordsIter<'_> {
        let end = end.min(self.text.len());
        if start >= end {
            return WordsIter::Spans(&self.text, [].iter());
        }
        let spans = self.words.get_or_init(|| {
            let mut spans = Vec::with_capacity(self.text.len() / 5);
            word_spans_into(&self.text, 0, self.text.len(), &mut spans);
            spans
        });
        let first = spans.partition_point(|&(_, e)| (e as usize) <= start);
        let last = spans.partition_point(|&(s, _)| (s as usize) < end);
        let spans = spans.get(first..last).unwrap_or(&[]);
        // A word of the whole text cut by the range reads differently inside it.
        let cut = spans.first().is_some_and(|&(s, _)| (s as usize) < start)
            || spans.last().is_some_and(|&(_, e)| (e as usize) > end);
        if cut {
            return WordsIter::Cut(words_in(&self.text, start, end).into_iter());
        }
        WordsIter::Spans(&self.text, spans.iter())
    }

    /// Every offset of `text` that no word byte precedes (0 and those after a byte that is not
    /// a word byte, see [`Folded::is_word_bounded`]), in order.
    pub fn word_starts(&self) -> &[u32] {
        self.word_starts.get_or_init(|| {
            let bytes = self.text.as_bytes();
            // Written without a branch per byte (word and non-word bytes alternate too
            // irregularly to predict): every offset is stored, and the count only moves past
            // those that follow a non-word byte.
            let mut out = vec![0u32; bytes.len() + 1];
            let mut n = usize::from(!bytes.is_empty());
            for (i, &b) in bytes.iter().enumerate().take(bytes.len().saturating_sub(1)) {
                out[n] = i as u32 + 1;
                n += usize::from(!is_word_byte(b));
            }
            out.truncate(n);
            out
        })
    }

    /// Whether folded bytes `[start, end)` stand as whole words.
    pub fn is_word_bounded(&self, start: usize, end: usize) -> bool {
        let bytes = self.text.as_bytes();
        let before = start == 0 || !is_word_byte(bytes[start - 1]);
        let after = end >= bytes.len() || !is_word_byte(bytes[end]);
        before && after
    }
}

/// The words of a range of folded text, from [`Folded::words_iter`].
#[derive(Debug, Clone)]
pub enum WordsIter<'a> {
    /// Words of the whole text (the folded text and their byte ranges).
    Spans(&'a str, std::slice::Iter<'a, (u32, u32)>),
    /// A range cutting a word: tokenised on its own.
    Cut(std::vec::IntoIter<Word<'a>>),
}

/// The word of `text` at the span `(start, end)` of the word spans.
fn word_at(text: &str, (start, end): (u32, u32)) -> Option<Word<'_>> {
    let (start, end) = (start as usize, end as usize);
    Some(Word {
        text: text.get(start..end)?,
        start,
        end,
    })
}

impl<'a> Iterator for WordsIter<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        match self {
            WordsIter::Spans(text, spans) => spans.find_map(|&span| word_at(text, span)),
            WordsIter::Cut(words) => words.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            WordsIter::Spans(_, spans) => (0, Some(spans.len())),
            WordsIter::Cut(words) => words.size_hint(),
        }
    }
}

/// From the end: the last words of a long clause without walking all of it.
impl<'a> DoubleEndedIterator for WordsIter<'a> {
    fn next_back(&mut self) -> Option<Word<'a>> {
        match self {
            WordsIter::Spans(text, spans) => {
                spans.by_ref().rev().find_map(|&span| word_at(text, span))
            }
            WordsIter::Cut(words) => words.next_back(),
        }
    }
}

/// Letters, digits and any byte of a non-ASCII character count as word bytes.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Folds a dictionary key the same way as text.
pub fn fold_key(key: &str) -> String {
    Folded::new(key.trim()).text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_variants_together() {
        assert_eq!(fold_key("Deir Ez-Zor"), fold_key("deir ez zor"));
        assert_eq!(fold_key("U.S.-led coalition"), "us led coalition");
        assert_eq!(fold_key("Dar'a"), "dara");
        // The ayn marks of transliteration fold as the gazetteer's name keys read them.
        assert_eq!(fold_key("Daʻesh"), fold_key("Da'esh"));
        assert_eq!(fold_key("Daʿesh"), fold_key("Da'esh"));
        assert_eq!(
            fold_key("the Syrian military’s positions"),
            "the syrian military positions"
        );
        assert_eq!(fold_key("Assad's forces"), "assad forces");
        assert_eq!(fold_key("Ma'arrat"), "maarrat");
        assert_eq!(fold_key("Ḥamā"), "hama");
        assert_eq!(fold_key("Aleppo."), "aleppo.");
        assert_eq!(fold_key("Deir\u{a0}ez\u{2013}Zor"), "deir ez zor");
    }

    #[test]
    fn maps_back_to_original() {
        let text = "In Ḥamā, the U.S.-led strikes";
        let f = Folded::new(text);
        let start = f.text.find("hama").unwrap();
        let span = f.original_span(start, start + 4);
        assert_eq!(span.slice(text), "Ḥamā");
        let start = f.text.find("us led").unwrap();
        assert_eq!(f.original_span(start, start + 6).slice(text), "U.S.-led");
        assert_eq!(
            f.folded_offset(text.find("the").unwrap()),
            f.text.find("the").unwrap()
        );
    }

    #[test]
    fn words_of_ranges_as_words_in() {
        let text = "Killing 1,200 people, 3.5 km away; Ḥamā's  U.S.-led 12.5.6 x,1 end";
        let f = Folded::new(text);
        let n = f.text.len();
        for start in 0..=n + 1 {
            for end in start..=n + 1 {
                assert_eq!(
                    f.words(start, end),
                    words_in(&f.text, start, end),
                    "{start}..{end}"
                );
                assert_eq!(
                    f.words_iter(start, end).collect::<Vec<_>>(),
                    words_in(&f.text, start, end),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn word_bounds() {
        let f = Folded::new("Hamas in Hama");
        let i = f.text.find("hama").unwrap();
        assert!(!f.is_word_bounded(i, i + 4));
        let j = f.text.rfind("hama").unwrap();
        assert!(f.is_word_bounded(j, j + 4));
    }
}
