//! Finding the headline of a story.
//!
//! The headline is the first line that is not furniture when it looks like one (short, no
//! full stop, set off by a blank line), or the repeat of a metadata title at the start of the
//! text. A one-line text ending in a full stop is a sentence, never a headline.

use polemos_core::FurnitureKind;

use crate::lines::{ends_with_terminal, last_significant, word_count, Line};
use crate::normalize::loose_find;

/// Longest line (in bytes) taken for a headline.
const MAX_HEADLINE_BYTES: usize = 200;
/// Most words in a headline.
const MAX_HEADLINE_WORDS: usize = 30;
/// How far into the first body line a repeated metadata title is looked for (exports put a
/// date, an agency or a site name before it).
const TITLE_WINDOW: usize = 300;
/// Fewest words of a metadata title looked for in the text (short titles match by chance).
const MIN_TITLE_WORDS: usize = 3;
/// Longest line that may precede a repeated title without being a sentence.
const MAX_LABEL_BYTES: usize = 100;
/// How many leading non-furniture lines are searched for a repeated title or a headline.
const LEADING_LINES: usize = 3;

/// Where the headline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Headline {
    /// Index of the line holding it.
    pub line: usize,
    /// The headline itself (without Markdown `#` markers).
    pub start: usize,
    pub end: usize,
    /// Whether the rest of the line after `end` is body text (a title repeated inline).
    pub inline: bool,
}

/// Whether a line reads like a headline: short, starting like a title, with no sentence-final
/// full stop, colon, semicolon or comma.
pub(crate) fn is_headline_like(s: &str) -> bool {
    let s = strip_heading_marks(s);
    !s.is_empty()
        && s.len() <= MAX_HEADLINE_BYTES
        && (2..=MAX_HEADLINE_WORDS).contains(&word_count(s))
        && !matches!(
            last_significant(s),
            Some('.' | ':' | ';' | ',' | '…') | None
        )
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"“‘'«".contains(c))
        && s.chars().any(char::is_alphabetic)
}

/// `s` without Markdown heading markers ("# Title" -> "Title").
pub(crate) fn strip_heading_marks(s: &str) -> &str {
    let t = s.trim_start_matches('#');
    if t.len() < s.len() && (t.starts_with(' ') || t.is_empty()) {
        t.trim_start()
    } else {
        s
    }
}

/// Finds the headline. `skip[i]` is true for lines that cannot hold it (furniture and date
/// lines).
pub(crate) fn find(
    text: &str,
    lines: &[Line],
    kinds: &[Option<FurnitureKind>],
    skip: &[bool],
    title: Option<&str>,
) -> Option<Headline> {
    let leading: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && kinds[i].is_none() && !skip[i])
        .take(LEADING_LINES)
        .collect();
    let has_body_after = |i: usize| {
        lines[i + 1..]
            .iter()
            .zip(&kinds[i + 1..])
            .any(|(l, k)| !l.is_blank() && k.is_none())
    };

    if let Some(title) = title.filter(|t| word_count(t) >= MIN_TITLE_WORDS) {
        for &i in &leading {
            let line = lines[i];
            let s = line.text(text);
            let window = TITLE_WINDOW.min(s.len());
            let found = loose_find(s, title.trim(), window)
                // Text before the title on its line must not hold a sentence: then the match
                // is inside the body.
                .filter(|&(a, _)| !has_sentence_end(s.get(..a).unwrap_or("")));
            if let Some((a, b)) = found {
                let end = extend_over_stop(s, b);
                let inline = !s.get(end..).unwrap_or("").trim().is_empty();
                if !inline && !has_body_after(i) && a == 0 {
                    // The text is only the title.
                    return None;
                }
                return Some(Headline {
                    line: i,
                    start: line.start + a,
                    end: line.start + end,
                    inline,
                });
            }
            // Lines before the repeated title may only be short labels (a site name).
            if s.len() > MAX_LABEL_BYTES || ends_with_terminal(s) {
                break;
            }
        }
    }

    let &first = leading.first()?;
    let line = lines[first];
    let s = line.text(text);
    let followed_by_blank = lines.get(first + 1).is_some_and(Line::is_blank);
    if followed_by_blank && has_body_after(first) && is_headline_like(s) {
        let stripped = strip_heading_marks(s);
        let start = line.end - stripped.len();
        return Some(Headline {
            line: first,
            start,
            end: line.end,
            inline: false,
        });
    }
    None
}

/// Whether `s` holds a sentence end (terminal punctuation followed by a space).
fn has_sentence_end(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
}

/// Extends a match ending at `b` over a following full stop (possibly after spaces, as in
/// punctuation-stripped exports: "Damascus . An explosion").
fn extend_over_stop(s: &str, b: usize) -> usize {
    let rest = s.get(b..).unwrap_or("");
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let lead = rest.len() - trimmed.len();
    let stop = trimmed
        .char_indices()
        .take_while(|(_, c)| matches!(c, '.' | '!' | '?' | '…'))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    match stop {
        Some(n) => b + lead + n,
        None => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::lines;

    fn headline(text: &str, title: Option<&str>) -> Option<String> {
        let ls = lines(text);
        let kinds = crate::furniture::detect(text, &ls);
        let skip = vec![false; ls.len()];
        find(text, &ls, &kinds, &skip, title).map(|h| text[h.start..h.end].to_string())
    }

    #[test]
    fn first_line() {
        assert_eq!(
            headline(
                "Shelling kills 15 in Idlib\n\nThe army shelled the town.",
                None
            )
            .as_deref(),
            Some("Shelling kills 15 in Idlib")
        );
        assert_eq!(
            headline("# Air strikes hit Douma\n\nBody text here.", None).as_deref(),
            Some("Air strikes hit Douma")
        );
        assert_eq!(
            headline(
                "Share\nTweet\n\nWhy did the army retreat?\n\nBody text here.",
                None
            )
            .as_deref(),
            Some("Why did the army retreat?")
        );
    }

    #[test]
    fn sentences_are_not_headlines() {
        let one = "Islamic State militants attacked the airbase in Deir ez-Zor on Saturday, killing 12 soldiers.";
        assert_eq!(headline(one, None), None);
        assert_eq!(headline("Rebels retreat from Daraa", None), None);
        assert_eq!(headline("The army said:\n\nIt advanced.", None), None);
        assert_eq!(headline("Rebels retreat\nThe army advanced.", None), None);
    }

    #[test]
    fn repeated_title() {
        let t = "Fri 07 Apr 2017 at 0914 Homs governor says attack caused deaths. A missile hit.";
        assert_eq!(
            headline(t, Some("Homs governor says attack caused deaths")).as_deref(),
            Some("Homs governor says attack caused deaths.")
        );
        let t = "Explosion rocks Damascus . An explosion killed six.";
        assert_eq!(
            headline(t, Some("Explosion rocks Damascus")).as_deref(),
            Some("Explosion rocks Damascus .")
        );
        // Inside a body sentence is not a repeat.
        let t = "Shells hit the town. Homs governor says attack caused deaths, officials said.";
        assert_eq!(
            headline(t, Some("Homs governor says attack caused deaths")),
            None
        );
        // Not repeated: fall back to the first-line rule.
        assert_eq!(
            headline("PALMYRA - Troops advanced.", Some("Army takes Palmyra")),
            None
        );
    }
}
