//! Folding text into a matching form, with a map back to the original byte offsets.
//!
//! Dictionaries are matched on folded text so that "Deir Ez-Zor", "deir ez zor" and
//! "Deir Ez Zor" meet, and "U.S.-led" meets "US-led". Every folded byte remembers which
//! original character it came from, so matches map back to exact spans of the original.

use polemos_core::Span;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

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
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BF}' | '\u{02BE}' | '`' | '\u{00B4}'
    )
}

fn is_dash(c: char) -> bool {
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
        };
        // Two previous original characters, to recognise single-letter abbreviations.
        let mut prev: Option<char> = None;
        let mut prev2: Option<char> = None;
        let mut chars = original.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let end = i + c.len_utf8();
            if is_apostrophe(c) && prev.is_some_and(char::is_alphabetic) {
                // A possessive "'s" at the end of a word goes entirely: "the Syrian military's
                // positions" meets "Syrian military".
                let mut ahead = chars.clone();
                if let Some((_, 's')) = ahead.next() {
                    if !ahead.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
                        chars.next();
                        prev2 = prev;
                        prev = Some('s');
                        continue;
                    }
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

    /// Whether folded bytes `[start, end)` stand as whole words.
    pub fn is_word_bounded(&self, start: usize, end: usize) -> bool {
        let bytes = self.text.as_bytes();
        let before = start == 0 || !is_word_byte(bytes[start - 1]);
        let after = end >= bytes.len() || !is_word_byte(bytes[end]);
        before && after
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
    fn word_bounds() {
        let f = Folded::new("Hamas in Hama");
        let i = f.text.find("hama").unwrap();
        assert!(!f.is_word_bounded(i, i + 4));
        let j = f.text.rfind("hama").unwrap();
        assert!(f.is_word_bounded(j, j + 4));
    }
}
