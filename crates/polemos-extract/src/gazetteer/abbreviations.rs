//! Abbreviations that name places only as written: "U.S.", "UK", "D.C.", "Ky.", "W.Va.".
//!
//! Their name keys ("us", "uk", "ky") are ordinary words or too short to match safely, so a
//! gazetteer name that is an abbreviation ([`is_exact_form`]) stands for its place only where
//! the text writes it the same way, capitals and final dot included: "U.S." and "US" are the
//! United States, "us" is not; "Ky." is Kentucky, "Ky" is not. The name index holds such a
//! name's key (so the text search finds it) and, apart, its written form
//! ([`super::index::IndexBuilder::add_exact`]); [`resolve`] swaps each candidate for the
//! places of its written form.

use super::index::{Candidate, NameIndex, MIN_KEY_LEN};
use crate::lexicon::Vocab;

/// Words on either side of an all-capital abbreviation looked at (within its sentence): when
/// every one of them is in capitals too, the text is a headline or a shout in capitals
/// ("HELP US NOW"), where "US" is a word.
const CAPITALS_CONTEXT: usize = 2;

/// Whether a gazetteer name is an abbreviation, matched only as written: one word of at least
/// two ASCII letters that ends with a dot ("U.S.", "Ky.", "Calif.") or, where its key is
/// shorter than [`MIN_KEY_LEN`], is written in capitals ("US", "UK").
pub(super) fn is_exact_form(name: &str, key: &str) -> bool {
    if !name.is_ascii() || name.bytes().any(|b| b.is_ascii_whitespace()) {
        return false;
    }
    let mut letters = name.bytes().filter(u8::is_ascii_alphabetic);
    if letters.clone().count() < 2 {
        return false;
    }
    name.ends_with('.') || (key.len() < MIN_KEY_LEN && letters.all(|b| b.is_ascii_uppercase()))
}

/// Whether a name as written in text is an abbreviation ("U.S.", "UK", "NSW"): one word that
/// ends with a dot or is written in capitals, whatever its key.
pub(super) fn is_abbreviation(written: &str) -> bool {
    is_exact_form(written, "")
}

/// Resolves abbreviations among candidates found in `text`: a candidate written as some
/// place's abbreviation takes the places of that written form (its span grown by the final
/// dot); one whose key only abbreviations have, written otherwise ("us"), is dropped.
pub(super) fn resolve(index: &NameIndex, text: &str, candidates: &mut Vec<Candidate>) {
    candidates.retain_mut(|c| {
        if let Some((key, end)) = written_form(index, text, c) {
            c.key = key;
            c.orig_end = end;
            return true;
        }
        !index.values(c.key).is_empty()
    });
}

/// Whether the name at `start..end` of `text` is an abbreviation ([`is_exact_form`]) that
/// modifies the word after it, as news writes them most ("U.S. officials", "US-backed
/// forces", "UK Foreign Office"): there it says whose, like a demonym, not where. One that
/// ends its phrase ("in the U.S.", "the US and Russia", "the UK on Monday": punctuation or one
/// of the `phrase_end_words` follows, `next` being the folded next word) is a place.
pub(super) fn modifies_next_word(
    v: &Vocab,
    text: &str,
    start: usize,
    end: usize,
    next: &str,
) -> bool {
    let Some(name) = text.get(start..end) else {
        return false;
    };
    if !is_abbreviation(name) {
        return false;
    }
    match text.as_bytes().get(end..).unwrap_or_default() {
        [b'-', next, ..] => next.is_ascii_alphabetic(),
        [b' ', first, ..] => first.is_ascii_alphabetic() && !v.phrase_end_words.contains(next),
        _ => false,
    }
}

/// The key of the abbreviation written at a candidate, and where it ends. Only a candidate
/// whose name key some abbreviation has is looked at: a written form keys as the text it
/// matches ("Ky." and "Ky" are both "ky"), and most candidates ("Aleppo." ending a sentence)
/// need no lookup of their form.
fn written_form(index: &NameIndex, text: &str, c: &Candidate) -> Option<(usize, usize)> {
    if !index.has_exact_forms(c.key) {
        return None;
    }
    let bytes = text.as_bytes();
    if bytes.get(c.orig_end) == Some(&b'.') {
        let with_dot = text.get(c.orig_start..c.orig_end + 1)?;
        if let Some(key) = index.exact_key(with_dot) {
            return Some((key, c.orig_end + 1));
        }
    }
    let span = text.get(c.orig_start..c.orig_end)?;
    let capitals = span.bytes().all(|b| b.is_ascii_uppercase() || b == b'.');
    if !capitals || span.len() > 2 * MIN_KEY_LEN || in_capitals(bytes, c) {
        return None;
    }
    index.exact_key(span).map(|key| (key, c.orig_end))
}

/// Whether the words around a candidate (up to [`CAPITALS_CONTEXT`] on each side, not past
/// sentence punctuation) are all written in capitals, and there is at least one.
fn in_capitals(bytes: &[u8], c: &Candidate) -> bool {
    let mut words = 0;
    let mut all_capitals = true;
    let mut look = |word: &[u8]| {
        words += 1;
        all_capitals &= !word.iter().any(u8::is_ascii_lowercase);
    };
    let mut at = c.orig_start;
    for _ in 0..CAPITALS_CONTEXT {
        let Some((start, end)) = word_before(bytes, at) else {
            break;
        };
        look(&bytes[start..end]);
        at = start;
    }
    let mut at = c.orig_end;
    for _ in 0..CAPITALS_CONTEXT {
        let Some((start, end)) = word_after(bytes, at) else {
            break;
        };
        look(&bytes[start..end]);
        at = end;
    }
    words > 0 && all_capitals
}

/// Whether a byte may stand between two words of one sentence.
fn joins_words(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'-' | b'/' | b',' | b'\'' | b'"')
}

/// The word ending before `at`, skipping what joins words; none past sentence punctuation.
fn word_before(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut end = at;
    while end > 0 && joins_words(bytes[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
        start -= 1;
    }
    (start < end).then_some((start, end))
}

/// The word starting after `at`, skipping what joins words; none past sentence punctuation.
fn word_after(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut start = at;
    while start < bytes.len() && joins_words(bytes[start]) {
        start += 1;
    }
    let mut end = start;
    while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    (start < end).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_dotted_or_short_capitals() {
        for name in ["U.S.", "US", "UK", "Ky.", "W.Va.", "Calif.", "D.C."] {
            let key = super::super::name_key::name_key(name);
            assert!(is_exact_form(name, &key), "{name} ({key})");
        }
        for name in ["USA", "Us", "Aleppo", "St. Louis", "A.", "Idlib"] {
            let key = super::super::name_key::name_key(name);
            assert!(!is_exact_form(name, &key), "{name} ({key})");
        }
    }
}
