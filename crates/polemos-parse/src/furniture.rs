//! Page furniture: the share widgets, comment forms, adverts, captions, disclaimers and
//! related-story lists that scrapers leave around an article.
//!
//! Furniture is recognised line by line from the `furniture_lines` class of `data/lexicon/`
//! (data, so that new sites mean new rows, not new code) and the share-widget and stub words,
//! plus one structural rule for the tail of a page: after a
//! "Related" or comments marker, or as a run of short headline-like lines after the last body
//! paragraph, everything is teaser links rather than article text.

use polemos_core::{Furniture, FurnitureKind, Span};

use crate::lines::{ends_with_terminal, last_significant, word_count, Line};
use crate::vocab::vocab;

use FurnitureKind::*;

/// Lines longer than this are never furniture by the line tables (articles' paragraphs).
const MAX_FURNITURE_LINE: usize = 400;

/// Unclassified lines after a tail marker must be at most this long to count as teasers.
const MAX_TEASER_LINE: usize = 160;

/// The longest line taken for a teaser headline in a trailing list without a marker.
const MAX_TRAILING_HEADLINE: usize = 120;

/// Classifies one (trimmed) line by the tables and patterns.
pub(crate) fn classify_line(line: &str) -> Option<FurnitureKind> {
    if line.is_empty() || line.len() > MAX_FURNITURE_LINE {
        return None;
    }
    let mut buf = [0u8; MAX_FURNITURE_LINE];
    let lower = ascii_lower(line, &mut buf);
    let exact = lower.trim_end_matches([':', ' ']);
    let v = vocab();
    if let Some(k) = v.furniture_exact.get(exact) {
        return Some(*k);
    }
    // The first byte turns away most prefixes at once (no prefix is empty).
    let first = lower.as_bytes().first();
    if let Some((_, k)) = v
        .furniture_prefix
        .iter()
        .find(|(p, _)| p.as_bytes().first() == first && lower.starts_with(p.as_str()))
    {
        return Some(*k);
    }
    if let Some((_, k)) = v
        .furniture_contains
        .iter()
        .find(|(p, _)| lower.contains(p.as_str()))
    {
        return Some(*k);
    }
    if !line.chars().any(char::is_alphanumeric) {
        return Some(Other);
    }
    if line.len() <= 80 {
        if let Some(k) = widget_kind(lower) {
            return Some(k);
        }
        if is_stub(lower) || is_tag_line(line) {
            return Some(Other);
        }
        if is_byline(line) {
            return Some(Byline);
        }
    }
    None
}

/// `s` lower-cased in ASCII into `buf` (which is at least as long); non-ASCII bytes are kept,
/// so the result is valid UTF-8.
fn ascii_lower<'a>(s: &str, buf: &'a mut [u8; MAX_FURNITURE_LINE]) -> &'a str {
    let n = s.len().min(MAX_FURNITURE_LINE);
    let out = &mut buf[..n];
    out.copy_from_slice(&s.as_bytes()[..n]);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or("")
}

fn words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '·')
        .filter(|w| !w.is_empty())
}

/// Share widgets ("Share Tweet Email") and counters ("0 0 vote", "12 Comments").
fn widget_kind(lower: &str) -> Option<FurnitureKind> {
    let mut all_share = true;
    let mut counter_ok = true;
    let (mut digits, mut counter_words, mut n) = (0, 0, 0);
    let mut comment_word = false;
    for w in words(lower) {
        n += 1;
        let w = w.trim_end_matches([':', '.']);
        if !vocab().share_widget_words.contains(w) {
            all_share = false;
        }
        if w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty() {
            digits += 1;
        } else if vocab().counter_words.contains(w) {
            counter_words += 1;
            comment_word |= w.starts_with("comment") || w.starts_with("repl");
        } else {
            counter_ok = false;
        }
    }
    if n == 0 || n > 12 {
        return None;
    }
    // A share list needs a real share word, not just "on" or "this".
    if all_share && words(lower).any(|w| !vocab().share_filler_words.contains(w)) {
        return Some(Share);
    }
    if counter_ok && digits > 0 && counter_words > 0 {
        return Some(if comment_word { Comments } else { Share });
    }
    None
}

/// Scraper residue: a few template words around commas ("in ,", ", ,", "by , in").
fn is_stub(lower: &str) -> bool {
    lower.len() <= 24
        && lower.contains([',', '|'])
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| vocab().stub_words.contains(w))
}

/// Image alt-text or tag residue: one to four lower-case words with no punctuation at all
/// ("syrian army"). Real sentences start with a capital or end with punctuation.
fn is_tag_line(line: &str) -> bool {
    let n = word_count(line);
    (1..=4).contains(&n)
        && line.chars().next().is_some_and(char::is_lowercase)
        && line
            .chars()
            .all(|c| c.is_lowercase() || c == ' ' || c == '-' || c.is_ascii_digit())
}

/// "By Rania Haddad, contributing columnist": a short "By" line naming a person.
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    rest.chars().next().is_some_and(char::is_uppercase)
        && word_count(rest) <= 10
        && !ends_with_terminal(line)
        // "By Sunday, the army had ..." is prose: bylines name people, not weekdays or months.
        && !rest.split_whitespace().next().is_some_and(|w| {
            crate::date::parse_date(&format!("{} 1 2000", w.trim_end_matches(','))).is_some()
                || matches!(
                    w.trim_end_matches(','),
                    "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday"
                        | "Sunday" | "Then" | "Now" | "Late" | "Early" | "The"
                )
        })
}

/// Whether a line is a short teaser headline: no sentence-final punctuation or colon.
pub(crate) fn is_teaser_headline(line: &str) -> bool {
    !line.is_empty()
        && line.len() <= MAX_TRAILING_HEADLINE
        && !matches!(
            last_significant(line),
            Some('.' | ':' | ';' | ',' | '!' | '?' | '…')
        )
        && line.chars().next().is_some_and(|c| !c.is_lowercase())
        && line.chars().any(char::is_alphabetic)
}

/// Finds the furniture lines of a text. `lines` must come from [`crate::lines::lines`] on the
/// same text. Returns one entry per furniture line, in text order, and the per-line kinds.
pub(crate) fn detect(text: &str, lines: &[Line]) -> Vec<Option<FurnitureKind>> {
    let mut kinds: Vec<Option<FurnitureKind>> = lines
        .iter()
        .map(|l| {
            if l.is_blank() {
                None
            } else {
                classify_line(l.text(text))
            }
        })
        .collect();
    mark_tail_after_marker(text, lines, &mut kinds);
    mark_trailing_headlines(text, lines, &mut kinds);
    kinds
}

/// Turns per-line kinds into furniture spans.
pub(crate) fn spans(lines: &[Line], kinds: &[Option<FurnitureKind>]) -> Vec<Furniture> {
    lines
        .iter()
        .zip(kinds)
        .filter_map(|(l, k)| {
            k.map(|kind| Furniture {
                span: Span::new(l.start, l.end),
                kind,
            })
        })
        .collect()
}

/// After the earliest "Related"/comments marker from which the rest of the page is short
/// lines, every line is furniture.
fn mark_tail_after_marker(text: &str, lines: &[Line], kinds: &mut [Option<FurnitureKind>]) {
    let mut marker = None;
    let mut sentences_after = 0;
    for (i, line) in lines.iter().enumerate().rev() {
        if line.is_blank() {
            continue;
        }
        match kinds[i] {
            Some(Related | Comments) => marker = Some(i),
            Some(_) => {}
            None => {
                let s = line.text(text);
                if s.len() > MAX_TEASER_LINE {
                    break;
                }
                if ends_with_terminal(s) && word_count(s) >= 8 {
                    sentences_after += 1;
                    if sentences_after > 1 {
                        break;
                    }
                }
            }
        }
    }
    let Some(m) = marker else { return };
    // The marker must not be the first content of the text (then there is no article).
    if !lines[..m]
        .iter()
        .zip(kinds.iter())
        .any(|(l, k)| !l.is_blank() && k.is_none())
    {
        return;
    }
    for i in m + 1..lines.len() {
        if !lines[i].is_blank() && kinds[i].is_none() {
            kinds[i] = Some(Related);
        }
    }
}

/// A run of at least two short headline-like lines at the very end, after a body line, is a
/// list of related-story links.
fn mark_trailing_headlines(text: &str, lines: &[Line], kinds: &mut [Option<FurnitureKind>]) {
    let mut teasers = Vec::new();
    let mut found_body = false;
    for (i, line) in lines.iter().enumerate().rev() {
        if line.is_blank() || kinds[i].is_some() {
            continue;
        }
        if is_teaser_headline(line.text(text)) {
            teasers.push(i);
        } else {
            found_body = true;
            break;
        }
    }
    if found_body && teasers.len() >= 2 {
        for i in teasers {
            kinds[i] = Some(Related);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::lines;

    fn kinds_of(text: &str) -> Vec<(String, FurnitureKind)> {
        let ls = lines(text);
        let ks = detect(text, &ls);
        ls.iter()
            .zip(ks)
            .filter_map(|(l, k)| k.map(|k| (l.text(text).to_string(), k)))
            .collect()
    }

    #[test]
    fn no_prefix_is_empty() {
        // `classify_line` compares first bytes before prefixes.
        assert!(vocab().furniture_prefix.iter().all(|(p, _)| !p.is_empty()));
    }

    #[test]
    fn line_tables() {
        for (line, kind) in [
            ("Share", Share),
            ("Tweet", Share),
            ("Share on Facebook Share on Twitter", Share),
            ("0 0 vote", Share),
            ("3 Comments", Comments),
            ("Article Rating", Share),
            ("Leave a Reply", Comments),
            ("Your email address will not be published. Required fields are marked *", Comments),
            ("Notify of", Comments),
            ("Inline Feedbacks", Comments),
            ("View all comments", Comments),
            ("What do you think?", Comments),
            ("Advertisement", Advertisement),
            ("Read more of our coverage", Related),
            ("More on this story", Related),
            ("Help us grow. Support The Daily Dispatch on Patreon!", Appeal),
            (
                "The statements, views and opinions expressed in this column are solely those of the author.",
                Disclaimer,
            ),
            ("We use cookies to improve your experience. Accept | Learn more", Cookie),
            ("Photo caption: Soldiers at a checkpoint. File photo", Caption),
            ("File photo", Caption),
            ("Photo: Smoke over the town. (Handout)", Caption),
            ("Last updated: Mon 3 Apr 2017 10:00", Other),
            ("in ,", Other),
            (", ,", Other),
            ("* * *", Other),
            ("By Samir Khoury, staff writer", Byline),
            ("syrian army", Other),
        ] {
            assert_eq!(classify_line(line), Some(kind), "{line:?}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for line in [
            "Share prices fell in Damascus on Monday.",
            "By Sunday, the army had retaken the hill.",
            "Rebels said the photo was taken in March.",
            "In Homs, three people were killed.",
            "Syrian forces inside the airbase:",
            "Reply from the ministry came two days later.",
            "Homs",
        ] {
            assert_eq!(classify_line(line), None, "{line:?}");
        }
    }

    #[test]
    fn related_tail_after_marker() {
        let t = "Head line here\n\nThe army shelled the town on Monday, killing three people.\n\n\
                 Related\nFirst Teaser Headline\nSecond teaser about the war\n\n\
                 Leave a Reply\nName *\n";
        let k = kinds_of(t);
        let related: Vec<_> = k
            .iter()
            .filter(|(_, k)| *k == Related)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(
            related,
            [
                "Related",
                "First Teaser Headline",
                "Second teaser about the war"
            ]
        );
        assert!(k.iter().any(|(s, k)| s == "Name *" && *k == Comments));
        assert!(!k.iter().any(|(s, _)| s.starts_with("The army")));
    }

    #[test]
    fn trailing_headline_list_without_marker() {
        let t = "Head\n\nThe army shelled the town on Monday, killing three people.\n\n\
                 Opinion divided on the talks\n\nAnother Teaser Headline Here\n";
        let k = kinds_of(t);
        assert_eq!(k.len(), 2);
        assert!(k.iter().all(|(_, k)| *k == Related));
        // One trailing short line is not a list.
        let t =
            "Head\n\nThe army shelled the town on Monday.\n\nSyrian forces inside the airbase\n";
        assert!(kinds_of(t).is_empty());
        // No body: nothing is a tail.
        assert!(kinds_of("One Headline\n\nTwo Headline\n").is_empty());
    }
}
