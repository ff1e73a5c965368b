//! Whether the text says an event happened: negated ("did not manage to get inside"), planned
//! ("is preparing to storm"), hypothetical ("could attack") or asserted.

use polemos_core::Modality;

use crate::fold::Folded;
use crate::lexicon::Vocab;
use crate::triggers::TriggerMatch;

/// How many words before the trigger a cue may stand.
const WINDOW: usize = 6;

/// The modality of the event whose trigger is `t`, from cues in its clause before the trigger;
/// the clause starts at folded offset `clause_start` ([`super::roles::Clauses::clause`]).
pub fn modality(v: &Vocab, folded: &Folded, clause_start: usize, t: &TriggerMatch) -> Modality {
    let (ts, _) = t.folded;
    // The last WINDOW words before the trigger, kept on the stack, read from the trigger
    // back (a clause may be a whole document's worth of words).
    // One word more than the cues may start at, to see what stands before the first.
    let mut window = [""; WINDOW + 1];
    let mut len = 0;
    for w in folded.words_iter(clause_start, ts).rev().take(WINDOW + 1) {
        window[WINDOW - len] = w.text;
        len += 1;
    }
    let before_window = (len > WINDOW).then(|| window[0]);
    let texts = &window[WINDOW + 1 - len.min(WINDOW)..];
    if let [.., aim, "to"] = texts {
        if v.aim_words.contains(aim) {
            return Modality::Planned;
        }
    }
    let mut found: Option<(usize, Modality)> = None;
    for start in 0..texts.len() {
        // Most words open no cue, nor a phrase that looks like one.
        if !v.modality_cue_first_words.contains(texts[start]) {
            continue;
        }
        let rest = &texts[start..];
        // "On 17 May 2022", "May 3": the month, not the modal.
        let previous = start
            .checked_sub(1)
            .map_or(before_window, |i| texts.get(i).copied());
        if texts[start] == "may"
            && [previous, rest.get(1).copied()]
                .into_iter()
                .flatten()
                .any(is_number)
        {
            continue;
        }
        if v.not_modality_cues
            .word_seqs()
            .any(|c| starts_with(rest, c))
        {
            continue;
        }
        if rest.first() == Some(&"if") && start > 0 && v.question_words.contains(texts[start - 1]) {
            continue;
        }
        if let Some((_, m)) = v
            .modality_cues
            .iter()
            .find(|(cue, _)| starts_with(rest, cue))
        {
            // The cue nearest the trigger decides ("failed to ... will").
            found = Some((start, *m));
        }
    }
    found.map_or(Modality::Asserted, |(_, m)| m)
}

/// Whether a folded word is written in digits ("17", "2022", "3rd" is not).
fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// How many words after an event noun its verb may come when the noun heads the subject ("The
/// fall of Kobane to the ISIS group would mark ...").
const SUBJECT_REACH: usize = 8;

/// The modality of an event noun that heads its clause's subject, from the modal of the
/// clause's verb after it: "The fall of Kobane to the ISIS group would mark a major victory"
/// is hypothetical. Asserted when the noun does not open its clause (only "the", "a", "an" may
/// stand before it) or no modal follows before a relative clause or another clause starts.
pub fn subject_modality(
    v: &Vocab,
    folded: &Folded,
    clause: (usize, usize),
    t: &TriggerMatch,
) -> Modality {
    let (ts, te) = t.folded;
    if !folded
        .words_iter(clause.0, ts)
        .all(|w| matches!(w.text, "the" | "a" | "an"))
    {
        return Modality::Asserted;
    }
    for w in folded.words_iter(te, clause.1).take(SUBJECT_REACH) {
        if v.subject_phrase_breaks.contains(w.text) {
            break;
        }
        if let Some(m) = v.subject_modals.get(w.text) {
            return *m;
        }
    }
    Modality::Asserted
}

/// Whether the words `texts` start with the words of `cue`.
fn starts_with(texts: &[&str], cue: &[Box<str>]) -> bool {
    texts.len() >= cue.len() && cue.iter().zip(texts).all(|(c, t)| **c == **t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_core::Span;

    fn modality_of(text: &str, trigger: &str) -> Modality {
        let f = Folded::new(text);
        let start = f.text.find(trigger).unwrap();
        let t = TriggerMatch {
            sentence: 0,
            span: Span::new(start, start + trigger.len()),
            folded: (start, start + trigger.len()),
            trigger: 0,
        };
        let sentence = (0, f.text.len());
        let bounds =
            super::super::roles::boundaries(crate::lexicon::Vocab::embedded(), &f, sentence);
        let clause = super::super::roles::clauses(sentence, &bounds, t.folded).clause;
        modality(crate::lexicon::Vocab::embedded(), &f, clause.0, &t)
    }

    #[test]
    fn the_month_of_may_is_no_modal() {
        for text in [
            "on 17 may 2022 russian forces shelled the town",
            "on may 3 russian forces shelled the town",
            "17 may russian forces shelled the town",
        ] {
            assert_eq!(modality_of(text, "shelled"), Modality::Asserted, "{text}");
        }
        assert_eq!(
            modality_of("the militants may attack the town", "attack"),
            Modality::Hypothetical
        );
    }

    #[test]
    fn cues_before_the_trigger() {
        assert_eq!(
            modality_of(
                "the jihadists attacked but did not manage to get inside the base",
                "get inside"
            ),
            Modality::Negated
        );
        assert_eq!(
            modality_of(
                "the jihadists attacked but did not manage to get inside",
                "attacked"
            ),
            Modality::Asserted
        );
        assert_eq!(
            modality_of("rebels failed to enter the district", "enter"),
            Modality::Negated
        );
        assert_eq!(
            modality_of("the army is preparing to storm the city", "storm"),
            Modality::Planned
        );
        assert_eq!(
            modality_of("troops will storm militants centres", "storm"),
            Modality::Planned
        );
        assert_eq!(
            modality_of("the strike could hit the dam", "hit"),
            Modality::Hypothetical
        );
        assert_eq!(
            modality_of("not only troops but rebels attacked", "attacked"),
            Modality::Asserted
        );
        assert_eq!(
            modality_of("in preparation for a fresh assault", "assault"),
            Modality::Planned
        );
        assert_eq!(
            modality_of("a counter offensive to recapture the road", "recapture"),
            Modality::Planned
        );
        assert_eq!(
            modality_of("buses waiting to enter the city", "enter"),
            Modality::Planned
        );
        // Only right before the trigger: "an offensive to the north, seizing".
        assert_eq!(
            modality_of(
                "an offensive to the north seizing three villages",
                "seizing"
            ),
            Modality::Asserted
        );
        assert_eq!(
            modality_of("the army managed to recapture the road", "recapture"),
            Modality::Asserted
        );
        assert_eq!(
            modality_of(
                "Obama asked Congress to approve air strikes on Syria",
                "air strikes"
            ),
            Modality::Planned
        );
        assert_eq!(
            modality_of(
                "Moscow warns against new US missile strikes",
                "missile strikes"
            ),
            Modality::Hypothetical
        );
        assert_eq!(
            modality_of(
                "a backer of action including possible strikes against Assad",
                "strikes"
            ),
            Modality::Hypothetical
        );
        assert_eq!(
            modality_of(
                "it was unclear if the strike was carried out by Syrian planes",
                "strike"
            ),
            Modality::Asserted
        );
    }
}
