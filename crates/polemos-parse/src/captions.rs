//! Inline photo captions: "Casualties as terrorists shell Aleppo city (archive) A bomb exploded
//! in Aleppo's Salaheddin district on Wednesday ...".
//!
//! Flattened pages glue a photo's caption to the sentence after it. The caption often reports
//! an older event (the picture is from the archive), so left in place it reads as the lead.
//! Captions that end in a marker such as "(archive)", "(file photo)" or an agency credit ("(AP
//! Photo/Hassan Ammar)") are recognised by the marker, when it stands within the first
//! [`MAX_CAPTION_WORDS`] words of a sentence, or [`MAX_DESCRIBED_WORDS`] when the caption says
//! it describes a picture ("In this photo taken on June 8 provided by ..."). The markers, credits
//! and descriptions are the classes `caption_markers`, `caption_credits` and
//! `caption_descriptions` of `data/lexicon/`.

use crate::vocab::vocab;

/// Captions are a short line; a marker further into a sentence belongs to its prose.
const MAX_CAPTION_WORDS: usize = 25;

/// How long a caption that says "In this photo ..." may run.
const MAX_DESCRIBED_WORDS: usize = 70;

/// Where a caption at the start of `sentence` ends: the offset of the first byte after it, or
/// `None` when the sentence does not start with a marked caption or nothing follows it.
pub(crate) fn caption_end(sentence: &str) -> Option<usize> {
    // Every marker and credit is parenthesised: most sentences are done here.
    if !sentence.contains('(') {
        return None;
    }
    let lower = sentence.to_ascii_lowercase();
    let v = vocab();
    let marked = v
        .caption_markers
        .iter()
        .filter_map(|m| lower.find(m).map(|at| (at, at + m.len())));
    let credited = v.caption_credits.iter().filter_map(|c| {
        let at = lower.find(c)?;
        let close = lower[at..].find(')')?;
        Some((at, at + close + 1))
    });
    let (at, end) = marked.chain(credited).min_by_key(|&(at, _)| at)?;
    let words_before = sentence[..at].split_whitespace().count();
    let most = if v
        .caption_descriptions
        .iter()
        .any(|d| lower[..at].contains(d))
    {
        MAX_DESCRIBED_WORDS
    } else {
        MAX_CAPTION_WORDS
    };
    let rest = sentence[end..].trim_start();
    ((1..=most).contains(&words_before) && !rest.is_empty()).then(|| sentence.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(s: &str) -> Option<&str> {
        caption_end(s).map(|i| &s[i..])
    }

    #[test]
    fn a_marked_caption_is_cut() {
        let s = "Casualties as militants shell Aleppo city (archive) A bomb exploded in Aleppo.";
        assert_eq!(body(s), Some("A bomb exploded in Aleppo."));
        let s = "Smoke rises over Raqqa (File Photo) Coalition jets struck the city on Monday.";
        assert_eq!(body(s), Some("Coalition jets struck the city on Monday."));
    }

    #[test]
    fn a_credited_caption_is_cut() {
        let s = "Smoke rises over Raqqa (AP Photo/Hassan Ammar) Jets struck the city on Monday.";
        assert_eq!(body(s), Some("Jets struck the city on Monday."));
        // A picture described at length: "In this photo ..." runs past the usual caption.
        let s = format!(
            "In this photo taken on June 8 {} shows rescuers in Aleppo (AP photo) BEIRUT Air \
             strikes on a market in Idlib killed 21 civilians on Sunday.",
            "provided by a rescue group and authenticated by reporters ".repeat(3)
        );
        assert_eq!(
            body(&s),
            Some("BEIRUT Air strikes on a market in Idlib killed 21 civilians on Sunday.")
        );
        // Without "in this photo", so long a stretch is prose.
        let s = format!("{} (AP photo) and more.", "word ".repeat(40));
        assert_eq!(body(&s), None);
    }

    #[test]
    fn prose_is_not_a_caption() {
        assert_eq!(body("A bomb exploded in Aleppo on Wednesday."), None);
        // A marker alone, or ending the sentence, leaves nothing to keep apart.
        assert_eq!(body("(archive) A bomb exploded."), None);
        assert_eq!(body("Smoke over Raqqa (archive)"), None);
        let long = format!("{} (archive) and more.", "word ".repeat(30));
        assert_eq!(body(&long), None);
    }
}
