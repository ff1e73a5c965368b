//! Splitting a page that holds several stories into one document per story.
//!
//! Live blogs and scraped index pages put several stories on one page. A wrong split cuts an
//! article in two and a missed one merges events from different days, but subheads, captions
//! and teaser lists look a lot like headlines, so a boundary needs a headline-like line set
//! off by blank lines, followed by a real body paragraph, after a body paragraph of the
//! previous story, and some evidence that a new story starts there (a date line under it,
//! page furniture or extra blank lines above it, a page-top echo of it, or a long Title Case
//! headline).

use polemos_core::{Document, FurnitureKind};

use crate::dateline::date_line;
use crate::headline::is_headline_like;
use crate::lines::{ends_with_terminal, lines, word_count, Line};
use crate::normalize::loose_eq;

/// Fewest words in a story headline (subheads are shorter).
const MIN_HEADLINE_WORDS: usize = 4;
/// Most words in a story headline.
const MAX_HEADLINE_WORDS: usize = 25;
/// Longest story headline in bytes.
const MAX_HEADLINE_BYTES: usize = 150;
/// Fewest words of a body paragraph.
const MIN_BODY_WORDS: usize = 8;
/// Fewest words for a Title Case headline to count as evidence on its own.
const MIN_TITLE_CASE_WORDS: usize = 8;
/// Evidence needed for a boundary.
const MIN_SCORE: u32 = 1;

/// Splits a page into stories. A page with one story comes back as it was; later stories get
/// ids `page_id#2`, `page_id#3`, ... and their byte offset in the page.
pub fn split_stories(doc: Document) -> Vec<Document> {
    if !doc.is_ok() {
        return vec![doc];
    }
    let starts = story_starts(&doc.text);
    if starts.len() < 2 {
        return vec![doc];
    }
    let text = &doc.text;
    let mut out = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = match starts.get(k + 1) {
            Some(&next) => start + text.get(start..next).unwrap_or("").trim_end().len(),
            None => text.len(),
        };
        let story_text = text.get(start..end).unwrap_or("").to_string();
        let mut story = Document::from_text(
            if k == 0 {
                doc.page_id.clone()
            } else {
                format!("{}#{}", doc.page_id, k + 1)
            },
            story_text,
        );
        story.page_id = doc.page_id.clone();
        story.story_index = k as u32;
        story.page_offset = doc.page_offset + start;
        story.source = doc.source.clone();
        story.format = doc.format.clone();
        story.encoding = doc.encoding.clone();
        story.url = doc.url.clone();
        story.published = doc.published;
        story.published_source = doc.published_source;
        if k == 0 {
            story.title = doc.title.clone();
        }
        out.push(story);
    }
    out
}

/// Byte offsets where stories start (the first is where the first story starts, normally 0).
pub(crate) fn story_starts(text: &str) -> Vec<usize> {
    let ls = lines(text);
    let kinds = crate::furniture::detect(text, &ls);
    let is_furniture = |i: usize| kinds.get(i).is_some_and(Option::is_some);
    let is_body_para = |i: usize| {
        let s = ls[i].text(text);
        !is_furniture(i) && ends_with_terminal(s) && word_count(s) >= MIN_BODY_WORDS
    };

    // The first content line, which may echo a later headline ("LATEST: ...").
    let first = (0..ls.len()).find(|&i| !ls[i].is_blank() && !is_furniture(i));
    let echo = first.map(|i| strip_label(ls[i].text(text)));

    let mut starts = vec![0];
    let mut body_seen = false;
    let mut echo_used = false;
    let mut i = 0;
    while i < ls.len() {
        let line = ls[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        let s = line.text(text);
        let single_line_para =
            (i == 0 || ls[i - 1].is_blank()) && ls.get(i + 1).is_some_and(Line::is_blank);
        if body_seen && single_line_para && Some(i) != first && is_candidate(s) && !is_furniture(i)
        {
            if let Some(next_body) = next_body_line(text, &ls, &kinds, i) {
                if is_body_para(next_body) {
                    let mut score = 0;
                    let date_under = next_content(&ls, &kinds, i)
                        .is_some_and(|j| date_line(ls[j].text(text)).is_some());
                    if date_under {
                        score += 2;
                    }
                    if let Some(p) = prev_content(&ls, i) {
                        if kinds[p].is_some_and(|k| {
                            !matches!(k, FurnitureKind::Caption | FurnitureKind::Byline)
                        }) {
                            score += 1;
                        }
                    }
                    if i >= 2 && ls[i - 1].is_blank() && ls[i - 2].is_blank() {
                        score += 1;
                    }
                    let echoed = echo.is_some_and(|e| loose_eq(e, s));
                    if echoed {
                        score += 2;
                    }
                    if word_count(s) >= MIN_TITLE_CASE_WORDS && is_title_case(s) {
                        score += 1;
                    }
                    if score >= MIN_SCORE {
                        if echoed && !echo_used && starts.len() == 1 {
                            // The page opens with a teaser of this story: the first story
                            // starts after it.
                            if let Some(f) = first {
                                if let Some(n) = (f + 1..ls.len()).find(|&j| !ls[j].is_blank()) {
                                    starts[0] = ls[n].start;
                                }
                            }
                            echo_used = true;
                        }
                        starts.push(line.start);
                        body_seen = false;
                        i += 1;
                        continue;
                    }
                }
            }
        }
        if is_body_para(i) {
            body_seen = true;
        }
        i += 1;
    }
    starts
}

/// A line that could be a story headline.
fn is_candidate(s: &str) -> bool {
    is_headline_like(s)
        && s.len() <= MAX_HEADLINE_BYTES
        && (MIN_HEADLINE_WORDS..=MAX_HEADLINE_WORDS).contains(&word_count(s))
        && !s.ends_with('!')
        && date_line(s).is_none()
}

/// Most words of more than three letters start with a capital.
fn is_title_case(s: &str) -> bool {
    let long: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() > 3)
        .collect();
    let caps = long
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    long.len() >= 3 && caps * 10 >= long.len() * 8
}

/// "LATEST: Headline" -> "Headline": an upper-case label before a colon.
fn strip_label(s: &str) -> &str {
    if let Some((label, rest)) = s.split_once(':') {
        if !label.is_empty()
            && label.len() <= 20
            && label.chars().all(|c| c.is_uppercase() || c == ' ')
        {
            return rest.trim_start();
        }
    }
    s
}

/// The next non-blank, non-furniture line after `i`.
fn next_content(ls: &[Line], kinds: &[Option<FurnitureKind>], i: usize) -> Option<usize> {
    (i + 1..ls.len()).find(|&j| !ls[j].is_blank() && kinds[j].is_none())
}

/// The next line after `i` that is body text (not furniture, not a date line).
fn next_body_line(
    text: &str,
    ls: &[Line],
    kinds: &[Option<FurnitureKind>],
    i: usize,
) -> Option<usize> {
    (i + 1..ls.len())
        .find(|&j| !ls[j].is_blank() && kinds[j].is_none() && date_line(ls[j].text(text)).is_none())
}

/// The previous non-blank line before `i`.
fn prev_content(ls: &[Line], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !ls[j].is_blank())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "The army shelled the town on Monday, killing three people, activists said.";

    fn split(text: &str) -> Vec<String> {
        split_stories(Document::from_text("p", text))
            .into_iter()
            .map(|d| d.text)
            .collect()
    }

    #[test]
    fn live_blog_with_date_lines() {
        let text = format!(
            "First story about shelling in Homs\n\nMon 3 Apr 2017\n\n{BODY}\n\nShare\nTweet\n\n\
             Second story about clashes near Daraa\n\nSun 2 Apr 2017\n\n{BODY}\n"
        );
        let docs = split_stories(Document::from_text("page", text.clone()));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "page");
        assert_eq!(docs[1].id, "page#2");
        assert_eq!(docs[1].page_id, "page");
        assert_eq!(docs[1].story_index, 1);
        assert!(docs[1].text.starts_with("Second story"));
        assert_eq!(&text[docs[1].page_offset..], docs[1].text);
        assert!(docs[0].text.ends_with("Tweet"));
    }

    #[test]
    fn subheads_and_captions_do_not_split() {
        let text = format!(
            "Army advances on Idlib town\n\n{BODY}\n\nSyrian forces inside the airbase:\n\n{BODY}\n\n\
             What happens next for Idlib\n\n{BODY}\n\nPhoto: Smoke rises over Idlib city\n\n{BODY}\n"
        );
        assert_eq!(split(&text).len(), 1);
    }

    #[test]
    fn related_lists_do_not_split() {
        let text = format!(
            "Army advances on Idlib town\n\n{BODY}\n\nRelated\nAid Convoy Reaches Besieged Towns After Weeks Of Delay\n\
             Turkish Border Camps Struggle With Winter Arrivals\n"
        );
        assert_eq!(split(&text).len(), 1);
    }

    #[test]
    fn echo_of_a_later_headline() {
        let text = format!(
            "LATEST: Government Forces Claim Advance Near The Northern City Of Aleppo\n\n{BODY}\n\n{BODY}\n\n\n\
             Government Forces Claim Advance Near The Northern City Of Aleppo\n\n{BODY}\n"
        );
        let docs = split_stories(Document::from_text("p", text.clone()));
        assert_eq!(docs.len(), 2);
        assert!(docs[0].text.starts_with("The army"));
        assert!(docs[0].page_offset > 0);
        assert!(docs[1].text.starts_with("Government Forces"));
    }

    #[test]
    fn long_title_case_headline_splits() {
        let text = format!(
            "Army advances on Idlib town\n\n{BODY}\n\n\
             Iran Hosts Deputy Envoy, Presses For Talks To Settle The Crisis\n\n{BODY}\n"
        );
        assert_eq!(split(&text).len(), 2);
    }
}
