//! Inline tag lists: "Tags Aleppo Idlib Syria education children At least six children were
//! killed ...".
//!
//! Some sites print an article's topic tags between the standfirst and the body, and scrapers
//! that flatten the page glue the tag words onto the first body sentence with no punctuation
//! between them. Left there, the tags ("Idlib", "Russia", "Islamic State") read as places and
//! actors of the lead sentence. This module finds where the tags end and the sentence begins,
//! so that the tags become furniture and the sentence keeps only its own words.
//!
//! Tags are nouns and names; the body sentence starts like a sentence. The boundary is the
//! first word, after at least one tag, that either
//! - repeats the opening words of the standfirst or headline (sites often restate the
//!   standfirst as the first body sentence), or
//! - opens a sentence: a number ("At least 43", "Eleven", "Four"), a determiner ("The", "A"),
//!   or a capitalised word followed within three lower-case words by a verb or function word
//!   ("Russian and regime warplanes", "Anti-government activists say", "Syrian regime
//!   warplanes bombed").
//!
//! Tags themselves are noun phrases without such words ("human rights", "civil defence",
//! "Urum al-Kubra"), so a list is never cut inside. When no boundary shows within
//! [`MAX_TAG_WORDS`], the sentence is left whole: tags glued to a sentence cost less than a
//! lead sentence lost.

use crate::vocab::vocab;

/// The word that introduces a tag list at the start of a sentence.
const MARKER: &str = "Tags ";

/// Tag lists seen in practice hold up to about twenty words.
const MAX_TAG_WORDS: usize = 30;

/// How many lower-case words after a capitalised word are searched for a sentence word.
const SENTENCE_WORD_REACH: usize = 3;

/// Where a tag list at the start of `sentence` ends: `Some(offset)` of the first byte of the
/// body sentence, or `None` when the sentence does not start with a tag list or its end
/// cannot be found. `previous` is the sentence before it (the
/// standfirst) and `headline` the document's headline, either of which the body may repeat.
pub(crate) fn tag_list_end(
    sentence: &str,
    previous: Option<&str>,
    headline: Option<&str>,
) -> Option<usize> {
    let rest = sentence.strip_prefix(MARKER)?;
    let words = word_spans(rest, MARKER.len());
    // "Tags" alone, or "Tags were found", is not a tag list.
    let first = &sentence[words.first()?.0..words[0].1];
    if words.len() < 2 || vocab().tag_list_sentence_words.contains(first) {
        return None;
    }
    let repeats: Vec<Vec<String>> = [previous, headline]
        .into_iter()
        .flatten()
        .map(|s| opening_words(s, REPEAT_WORDS))
        .filter(|w| w.len() == REPEAT_WORDS)
        .collect();
    for i in 1..words.len().min(MAX_TAG_WORDS + 1) {
        let (start, _) = words[i];
        if starts_sentence(sentence, &words[i..])
            || repeats_opening(sentence, &words[i..], &repeats)
        {
            return Some(start);
        }
    }
    None
}

/// How many opening words of the standfirst or headline the body must repeat.
const REPEAT_WORDS: usize = 3;

fn word_spans(s: &str, offset: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(b) = start.take() {
                out.push((offset + b, offset + i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(b) = start {
        out.push((offset + b, offset + s.len()));
    }
    out
}

fn opening_words(s: &str, n: usize) -> Vec<String> {
    s.split_whitespace()
        .take(n)
        .map(|w| w.to_lowercase())
        .collect()
}

fn repeats_opening(sentence: &str, words: &[(usize, usize)], repeats: &[Vec<String>]) -> bool {
    repeats.iter().any(|opening| {
        words.len() >= opening.len()
            && words
                .iter()
                .zip(opening)
                .all(|(&(a, b), w)| sentence[a..b].to_lowercase() == *w)
    })
}

fn starts_sentence(sentence: &str, words: &[(usize, usize)]) -> bool {
    let word = |k: usize| words.get(k).map(|&(a, b)| &sentence[a..b]);
    let Some(first) = word(0) else {
        return false;
    };
    if vocab().tag_list_openers.contains(first) || first.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    if !first.starts_with(char::is_uppercase) {
        return false;
    }
    (1..=SENTENCE_WORD_REACH)
        .map_while(|k| word(k).filter(|w| w.starts_with(char::is_lowercase)))
        .any(|w| vocab().tag_list_sentence_words.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body<'a>(sentence: &'a str, previous: Option<&str>) -> Option<&'a str> {
        tag_list_end(sentence, previous, None).map(|i| &sentence[i..])
    }

    #[test]
    fn numbers_and_determiners_open_the_body() {
        let s = "Tags Aleppo Idlib Syria education children At least six children were killed.";
        assert_eq!(body(s, None), Some("At least six children were killed."));
        let s = "Tags Syria Aleppo human rights lifeless body Eleven children were killed.";
        assert_eq!(body(s, None), Some("Eleven children were killed."));
        let s = "Tags Syria Raqqa Daesh The Islamic State launched a counteroffensive.";
        assert_eq!(
            body(s, None),
            Some("The Islamic State launched a counteroffensive.")
        );
    }

    #[test]
    fn a_capitalised_word_before_a_verb_opens_the_body() {
        let s = "Tags White Helmets war crimes Urum al-Kubra Aleppo Russian and regime \
                 warplanes struck a convoy.";
        assert_eq!(
            body(s, None),
            Some("Russian and regime warplanes struck a convoy.")
        );
        let s = "Tags Qamishli Kurdish YPG Turkey Syrian regime Syrian regime warplanes bombed \
                 Kurdish positions.";
        assert_eq!(
            body(s, None),
            Some("Syrian regime warplanes bombed Kurdish positions.")
        );
        let s = "Tags Idlib Russia Syria Anti-government activists say airstrikes hit a market.";
        assert_eq!(
            body(s, None),
            Some("Anti-government activists say airstrikes hit a market.")
        );
    }

    #[test]
    fn a_repeated_standfirst_opens_the_body() {
        let standfirst = "Airstrikes hit opposition areas of Aleppo province on Friday.";
        let s = "Tags Aleppo civil defence UN Russia Airstrikes hit opposition areas of Aleppo \
                 province on Friday killing 18.";
        assert_eq!(
            body(s, Some(standfirst)),
            Some("Airstrikes hit opposition areas of Aleppo province on Friday killing 18.")
        );
    }

    #[test]
    fn tags_without_a_visible_body_are_left_alone() {
        let s = "Tags civilian casualties Syria Raqqa Community standardsDiscussion Comment via \
                 Facebook";
        assert_eq!(body(s, None), None);
    }

    #[test]
    fn not_a_tag_list() {
        assert_eq!(body("Tagged vehicles were seen near the base.", None), None);
        assert_eq!(body("Tags were found.", None), None);
        assert_eq!(body("Shelling hit Aleppo.", None), None);
    }
}
