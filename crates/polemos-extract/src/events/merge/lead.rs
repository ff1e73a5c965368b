//! Choosing a document's lead event.

use polemos_core::{Event, Modality};

use super::{first_evidence, is_violent, OPENING};
use crate::events::grievance::Protests;
use crate::events::protests::ARREST_AT_PROTEST;
use crate::fold::Folded;
use crate::lexicon::Vocab;

/// How many words may stand between a background cue and the trigger it governs: the cue
/// heads a short phrase ("a day after dozens of children were killed in airstrikes").
const BACKGROUND_REACH: usize = 7;
/// How far before a trigger a background cue is looked for.
const BACKGROUND_WINDOW: usize = 100;

/// Whether the event's anchoring report is told as background to another event of its
/// sentence.
fn is_background(v: &Vocab, text: &str, e: &Event) -> bool {
    let end = e.trigger_span.start.min(text.len());
    let mut start = end.saturating_sub(BACKGROUND_WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = text.get(start..end).unwrap_or("");
    // Only the trigger's own sentence.
    let before = before
        .rfind(['.', '!', '?', '\n'])
        .map_or(before, |i| &before[i + 1..]);
    // Compared without folding, as lowercase ASCII words: this runs for every event.
    let words: Vec<&str> = before
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).any(|i| {
        v.background_cues.word_seqs().any(|cue| {
            words.len() >= i + cue.len()
                && words.len() - (i + cue.len()) <= BACKGROUND_REACH
                && cue
                    .iter()
                    .zip(&words[i..])
                    .all(|(c, w)| w.eq_ignore_ascii_case(c))
        })
    })
}

/// Marks the lead event: the one the headline and opening report. What the text asserts
/// happened comes before what it plans, supposes or denies: a headline "Moscow warns against
/// new US missile strikes" or an opening "a move that could avert possible US strikes" does
/// not lead an article about the chemical attack it recalls. Then events the headline
/// reports, political violence before developments, events of the opening sentences, events
/// told as news before those recalled as background ("a day after ..."), then events with a
/// death toll, then those with a specific method, then the earliest. What a protest is about
/// ("marched against the killing of a student") leads before nothing but the unasserted, nor
/// do arrests at a protest, which are its intervention.
pub fn choose_lead(
    v: &Vocab,
    text: &str,
    folded: &Folded,
    events: &mut [Event],
    headline: Option<u32>,
) {
    let first_body = headline.map_or(0, |h| h + 1);
    let protests = Protests::of(events.iter());
    let lead = events
        .iter()
        .enumerate()
        .max_by_key(|(_, e)| {
            (
                e.modality == Modality::Asserted,
                !protests.names_grievance(v, folded, e),
                !e.rule.contains(ARREST_AT_PROTEST),
                headline.is_some_and(|h| e.evidence.contains(&h)),
                is_violent(e),
                first_evidence(e) < first_body + OPENING,
                !is_background(v, text, e),
                e.casualties.killed.is_some(),
                e.method.is_some(),
                std::cmp::Reverse(first_evidence(e)),
            )
        })
        .map(|(i, _)| i);
    if let Some(i) = lead {
        events[i].is_lead = true;
    }
}
