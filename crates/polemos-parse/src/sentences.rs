//! Sentence splitting for news text.
//!
//! News copy is full of full stops that do not end sentences (titles, initials, "U.S.",
//! "a.m.", decimals, months), while scraped or exported text may have lost its punctuation
//! and capitalisation. The splitter works on one stretch of text that no sentence may cross
//! (a paragraph, or a line that stands on its own) and only splits after terminal
//! punctuation followed by whitespace.

use polemos_core::Span;

use crate::lines::trim_span;
use crate::vocab::vocab;

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' | '_')
}

/// Opening quotes and brackets that may precede a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '*' | '_' | '-' | '–' | '—'
    )
}

/// Splits `text[start..end]` into sentence spans (trimmed, non-empty), appending to `out`.
/// `start` and `end` must be char boundaries. In `caseless` text ([`is_caseless`]: written or
/// exported in lower case, "police opened fire. two were killed.") a lower-case word after a
/// full stop starts a sentence too.
pub(crate) fn split_into(
    text: &str,
    start: usize,
    end: usize,
    caseless: bool,
    out: &mut Vec<Span>,
) {
    let Some(region) = text.get(start..end) else {
        return;
    };
    let b = region.as_bytes();
    let mut sent_start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let is_ellipsis = c == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6);
        if !(c == b'.' || c == b'!' || c == b'?' || is_ellipsis) {
            i += 1;
            continue;
        }
        // The run of terminators ("...", "?!", "…").
        let term_start = i;
        let mut dots = 0;
        let mut other = 0;
        loop {
            match b.get(i) {
                Some(b'.') => {
                    dots += 1;
                    i += 1;
                }
                Some(b'!') | Some(b'?') => {
                    other += 1;
                    i += 1;
                }
                Some(0xE2) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) => {
                    dots += 3;
                    i += 3;
                }
                _ => break,
            }
        }
        // Closing quotes and brackets.
        let mut k = i;
        while let Some(ch) = region.get(k..).and_then(|r| r.chars().next()) {
            if is_closer(ch) {
                k += ch.len_utf8();
            } else {
                break;
            }
        }
        let after = region.get(k..).unwrap_or("");
        let Some(next_ws) = after.chars().next() else {
            break; // End of region: the last sentence is pushed below.
        };
        if !next_ws.is_whitespace() {
            continue;
        }
        let next_word = after
            .trim_start()
            .trim_start_matches(is_opener)
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .unwrap_or("");
        let next_char = next_word.chars().next();
        let next_lower = !caseless && next_char.is_some_and(char::is_lowercase);
        let before = region.get(sent_start..term_start).unwrap_or("");
        let boundary = if dots == 1 && other == 0 {
            period_ends_sentence(before, next_word, next_char, next_lower, caseless)
        } else {
            !next_lower
        };
        if boundary {
            push_bounded(text, start + sent_start, start + k, out);
            sent_start = k;
        }
        i = k;
    }
    push_bounded(text, start + sent_start, end, out);
}

/// Whether `text` is written in lower case: under one letter in 200 a capital (English news
/// runs to about one in 25; a lower-cased text keeps only a few capitals, in a byline or a
/// link's words).
pub(crate) fn is_caseless(text: &str) -> bool {
    let (mut letters, mut capitals) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        capitals += usize::from(c.is_uppercase());
    }
    letters >= 200 && capitals * 200 < letters
}

/// The longest a sentence may be, in bytes. News sentences run to a few hundred; text that
/// has lost its punctuation (a table, a transcript, a hostile input) would otherwise make one
/// sentence of a whole document, and the work done per sentence grows with the square of its
/// length.
pub(crate) const MAX_SENTENCE_BYTES: usize = 3_000;

/// Pushes `text[start..end]`, trimmed, as a sentence, or as several where it is longer than
/// [`MAX_SENTENCE_BYTES`]: each cut at the last white space before the limit (at the limit
/// where a piece has none).
fn push_bounded(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let mut from = start;
    while end - from > MAX_SENTENCE_BYTES {
        let mut limit = from + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let mut cut = text[from..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |at| from + at)
            .max(from + 1);
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let line = trim_span(text, from, cut);
        if line.start < line.end {
            out.push(Span::new(line.start, line.end));
        }
        from = cut;
    }
    let line = trim_span(text, from, end);
    if line.start < line.end {
        out.push(Span::new(line.start, line.end));
    }
}

/// Whether a single full stop ends the sentence, given the text of the sentence so far and
/// the next word.
fn period_ends_sentence(
    before: &str,
    next_word: &str,
    next_char: Option<char>,
    next_lower: bool,
    caseless: bool,
) -> bool {
    // " . " as in punctuation-stripped exports: always a boundary.
    if before.ends_with(char::is_whitespace) || before.is_empty() {
        return true;
    }
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(is_opener);
    if word.is_empty() {
        return true;
    }
    let next_digit = next_char.is_some_and(|c| c.is_ascii_digit());
    if vocab().never_final_abbreviations.contains(word) {
        return false;
    }
    // "dr." in lower-cased text is the list's "Dr".
    if caseless
        && vocab()
            .never_final_abbreviations
            .contains_ignoring_case(word.as_bytes())
    {
        return false;
    }
    if vocab().before_number_abbreviations.contains(word) && next_digit {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next();
    // An initial: "Ashton B. Carter".
    if first.is_some_and(char::is_uppercase) && chars.next().is_none() {
        return next_lower;
    }
    // Initialisms with inner dots: "U.S", "a.m", "p.m".
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        let is_time = word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m");
        if is_time {
            return next_char.is_some_and(char::is_uppercase);
        }
        return vocab().sentence_starters.contains(next_word);
    }
    !next_lower
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_into(text, 0, text.len(), is_caseless(text), &mut out);
        out.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            split("One here. Two here! Three? "),
            ["One here.", "Two here!", "Three?"]
        );
        assert_eq!(split("  "), Vec::<&str>::new());
        assert_eq!(split("No terminal"), ["No terminal"]);
    }

    #[test]
    fn abbreviations() {
        assert_eq!(
            split("Lt. Col. Ahmed met Gen. Salim and Dr. Haddad. They spoke."),
            [
                "Lt. Col. Ahmed met Gen. Salim and Dr. Haddad.",
                "They spoke."
            ]
        );
        assert_eq!(
            split("U.S. Defense Secretary Ashton B. Carter spoke at 9 a.m. on Jan. 5 in the U.S. The talks ended."),
            [
                "U.S. Defense Secretary Ashton B. Carter spoke at 9 a.m. on Jan. 5 in the U.S.",
                "The talks ended."
            ]
        );
        assert_eq!(
            split("The U.N. Security Council met. It voted No. 5 on the list."),
            [
                "The U.N. Security Council met.",
                "It voted No. 5 on the list."
            ]
        );
        assert_eq!(
            split("Rebels vs. troops, etc. were there."),
            ["Rebels vs. troops, etc. were there."]
        );
        assert_eq!(
            split("It started at 5 p.m. The shelling lasted."),
            ["It started at 5 p.m.", "The shelling lasted."]
        );
    }

    #[test]
    fn numbers_and_ellipses() {
        assert_eq!(
            split("Inflation hit 3.5 percent. Prices rose."),
            ["Inflation hit 3.5 percent.", "Prices rose."]
        );
        assert_eq!(
            split("He paused... then went on. Then… Silence."),
            ["He paused... then went on.", "Then…", "Silence."]
        );
    }

    #[test]
    fn quotes() {
        assert_eq!(
            split("“We could not pull anyone out,” he said. “The planes kept circling.” Next came rain."),
            ["“We could not pull anyone out,” he said.", "“The planes kept circling.”", "Next came rain."]
        );
        assert_eq!(
            split("\"Why?\" he asked. Nobody knew."),
            ["\"Why?\" he asked.", "Nobody knew."]
        );
        assert_eq!(
            split("He called it a “freeze”. The talks went on."),
            ["He called it a “freeze”.", "The talks went on."]
        );
    }

    #[test]
    fn stripped_punctuation() {
        assert_eq!(
            split("Explosion rocks down town Damascus . An explosion inside a bus killed six people the monitor said . officials said"),
            [
                "Explosion rocks down town Damascus .",
                "An explosion inside a bus killed six people the monitor said .",
                "officials said"
            ]
        );
    }

    #[test]
    fn lower_cased_text_splits_at_full_stops() {
        let text = "ahmedabad: police opened fire on a mob in the old city on tuesday. two \
                    people were killed and five injured, officials said. curfew was imposed \
                    in three areas of the city. the army was called in late at night. dr. \
                    shah said the wounded were taken to the civil hospital.";
        assert!(is_caseless(text));
        let got = split(text);
        assert_eq!(got.len(), 5, "{got:#?}");
        assert!(got[1].starts_with("two people"), "{got:#?}");
        assert!(got[3].starts_with("the army"), "{got:#?}");
        assert!(got[4].starts_with("dr. shah said"), "{got:#?}");
        // In text with capitals, a lower-case word after a full stop goes on the sentence.
        let text = "Police opened fire on a mob in the Old City. The army was called in at \
                    11 p.m. on Tuesday, officials said.";
        assert!(!is_caseless(text));
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn sentences_without_end_are_cut_at_the_limit_on_white_space() {
        let text = "killed ".repeat(2_000);
        let mut out = Vec::new();
        split_into(&text, 0, text.len(), is_caseless(&text), &mut out);
        assert!(out.len() >= 4, "{}", out.len());
        assert!(out.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        assert!(out.iter().all(|s| s.slice(&text).starts_with("killed")));
        assert!(out.iter().all(|s| s.slice(&text).ends_with("killed")));
        let total: usize = out
            .iter()
            .map(|s| s.slice(&text).matches("killed").count())
            .sum();
        assert_eq!(total, 2_000);
        // No white space at all: cut at the limit, on a character boundary.
        let text = "é".repeat(4_000);
        let mut out = Vec::new();
        split_into(&text, 0, text.len(), is_caseless(&text), &mut out);
        assert_eq!(out.iter().map(|s| s.len()).sum::<usize>(), text.len());
    }
}
