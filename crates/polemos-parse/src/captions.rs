//! Inline photo captions: "Casualties as terrorists shell Aleppo city (archive) A bomb exploded
//! in Aleppo's Salaheddin district on Wednesday ...".
//!
//! Flattened pages glue a photo's caption to the sentence after it. The caption often reports
//! an older event (the picture is from the archive), so left in place it reads as the lead.
//! Captions that end in a marker such as "(archive)" or "(file photo)" are recognised by the
//! marker, when it stands within the first [`MAX_CAPTION_WORDS`] words of a sentence.

/// Markers that end a caption, compared without regard to ASCII case.
const MARKERS: &[&str] = &[
    "(archive)",
    "(archive photo)",
    "(file)",
    "(file photo)",
    "(file image)",
    "(illustration)",
    "(illustrative photo)",
    "(stock photo)",
];

/// Captions are a short line; a marker further into a sentence belongs to its prose.
const MAX_CAPTION_WORDS: usize = 25;

/// Where a caption at the start of `sentence` ends: the offset of the first byte after it, or
/// `None` when the sentence does not start with a marked caption or nothing follows it.
pub(crate) fn caption_end(sentence: &str) -> Option<usize> {
    let lower = sentence.to_ascii_lowercase();
    let (at, marker) = MARKERS
        .iter()
        .filter_map(|m| lower.find(m).map(|at| (at, m)))
        .min_by_key(|&(at, _)| at)?;
    let end = at + marker.len();
    let words_before = sentence[..at].split_whitespace().count();
    let rest = sentence[end..].trim_start();
    ((1..=MAX_CAPTION_WORDS).contains(&words_before) && !rest.is_empty())
        .then(|| sentence.len() - rest.len())
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
    fn prose_is_not_a_caption() {
        assert_eq!(body("A bomb exploded in Aleppo on Wednesday."), None);
        // A marker alone, or ending the sentence, leaves nothing to keep apart.
        assert_eq!(body("(archive) A bomb exploded."), None);
        assert_eq!(body("Smoke over Raqqa (archive)"), None);
        let long = format!("{} (archive) and more.", "word ".repeat(30));
        assert_eq!(body(&long), None);
    }
}
