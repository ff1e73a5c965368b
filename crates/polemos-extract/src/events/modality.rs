//! Whether the text says an event happened: negated ("did not manage to get inside"), planned
//! ("is preparing to storm"), hypothetical ("could attack") or asserted.

use polemos_core::Modality;

use crate::fold::Folded;
use crate::triggers::TriggerMatch;

/// How many words before the trigger a cue may stand.
const WINDOW: usize = 6;

/// Cues, as word sequences, with the modality they give. Longer cues come first so that "did
/// not manage to" wins over "not".
const CUES: &[(&[&str], Modality)] = &[
    (&["did", "not", "manage", "to"], Modality::Negated),
    (&["failed", "to"], Modality::Negated),
    (&["fail", "to"], Modality::Negated),
    (&["fails", "to"], Modality::Negated),
    (&["unable", "to"], Modality::Negated),
    (&["did", "not"], Modality::Negated),
    (&["didnt"], Modality::Negated),
    (&["could", "not"], Modality::Negated),
    (&["couldnt"], Modality::Negated),
    (&["was", "not"], Modality::Negated),
    (&["were", "not"], Modality::Negated),
    (&["have", "not"], Modality::Negated),
    (&["has", "not"], Modality::Negated),
    (&["never"], Modality::Negated),
    (&["no"], Modality::Negated),
    (&["preparing", "to"], Modality::Planned),
    (&["prepares", "to"], Modality::Planned),
    (&["prepare", "to"], Modality::Planned),
    (&["preparing", "for"], Modality::Planned),
    (&["preparation", "for"], Modality::Planned),
    (&["plans", "to"], Modality::Planned),
    (&["plan", "to"], Modality::Planned),
    (&["planning"], Modality::Planned),
    (&["planned"], Modality::Planned),
    (&["expected", "to"], Modality::Planned),
    (&["set", "to"], Modality::Planned),
    (&["poised", "to"], Modality::Planned),
    (&["ready", "to"], Modality::Planned),
    (&["aims", "to"], Modality::Planned),
    (&["aim", "to"], Modality::Planned),
    (&["threatened", "to"], Modality::Planned),
    (&["threatens", "to"], Modality::Planned),
    (&["vowed", "to"], Modality::Planned),
    (&["vows", "to"], Modality::Planned),
    (&["intends", "to"], Modality::Planned),
    (&["about", "to"], Modality::Planned),
    (&["going", "to"], Modality::Planned),
    (&["will"], Modality::Planned),
    // Strikes asked for, approved or authorised have not happened yet: "asked Congress to
    // approve air strikes", "calls for air strikes".
    (&["approve"], Modality::Planned),
    (&["approved"], Modality::Planned),
    (&["approving"], Modality::Planned),
    (&["authorize"], Modality::Planned),
    (&["authorise"], Modality::Planned),
    (&["authorized"], Modality::Planned),
    (&["authorised"], Modality::Planned),
    (&["authorizing"], Modality::Planned),
    (&["authorising"], Modality::Planned),
    (&["approval", "for"], Modality::Planned),
    (&["authorization", "for"], Modality::Planned),
    (&["authorisation", "for"], Modality::Planned),
    (&["calls", "for"], Modality::Planned),
    (&["called", "for"], Modality::Planned),
    (&["calling", "for"], Modality::Planned),
    // "warns against new strikes", "the threat of air strikes": what is feared.
    (&["warns", "against"], Modality::Hypothetical),
    (&["warned", "against"], Modality::Hypothetical),
    (&["warning", "against"], Modality::Hypothetical),
    (&["threat", "of"], Modality::Hypothetical),
    (&["possible"], Modality::Hypothetical),
    (&["potential"], Modality::Hypothetical),
    (&["future"], Modality::Planned),
    (&["would"], Modality::Hypothetical),
    (&["could"], Modality::Hypothetical),
    (&["might"], Modality::Hypothetical),
    (&["may"], Modality::Hypothetical),
    (&["if"], Modality::Hypothetical),
    (&["unless"], Modality::Hypothetical),
];

/// Words that, right before "to" and the trigger, make the trigger an aim, not a fact: "an
/// offensive to recapture the road", "mounted an attack to recapture the road", "buses waiting
/// to enter Aleppo", "trying to storm".
const AIM_WORDS: &[&str] = &[
    "offensive",
    "counteroffensive",
    "attack",
    "assault",
    "counterattack",
    "push",
    "bid",
    "attempt",
    "attempts",
    "attempting",
    "attempted",
    "trying",
    "tried",
    "seeking",
    "sought",
    "waiting",
    "campaign",
    "operation",
    "drive",
    "effort",
    "efforts",
    "order",
];

/// Phrases that look like cues but are not ("not only", "no fewer than").
const NOT_CUES: &[&[&str]] = &[
    &["not", "only"],
    &["no", "fewer"],
    &["no", "less"],
    &["no", "more"],
];

/// Words before "if" that make it ask a question, not set a condition: in "it was unclear if
/// the strike was carried out by Syrian planes", the strike happened.
const QUESTION_WORDS: &[&str] = &[
    "unclear",
    "clear",
    "know",
    "known",
    "sure",
    "asked",
    "confirm",
    "determine",
    "certain",
];

/// The modality of the event whose trigger is `t`, from cues in its clause before the trigger;
/// the clause starts at folded offset `clause_start` ([`super::roles::Clauses::clause`]).
pub fn modality(folded: &Folded, clause_start: usize, t: &TriggerMatch) -> Modality {
    let (ts, _) = t.folded;
    // The last WINDOW words before the trigger, kept on the stack.
    let mut last = [""; WINDOW];
    let mut n = 0;
    for w in folded.words_iter(clause_start, ts) {
        last[n % WINDOW] = w.text;
        n += 1;
    }
    let mut window = [""; WINDOW];
    let len = n.min(WINDOW);
    for (k, slot) in window.iter_mut().take(len).enumerate() {
        *slot = last[(n - len + k) % WINDOW];
    }
    let texts = &window[..len];
    if let [.., aim, "to"] = texts {
        if AIM_WORDS.contains(aim) {
            return Modality::Planned;
        }
    }
    let mut found: Option<(usize, Modality)> = None;
    for start in 0..texts.len() {
        let rest = &texts[start..];
        if NOT_CUES.iter().any(|c| rest.starts_with(c)) {
            continue;
        }
        if rest.first() == Some(&"if") && start > 0 && QUESTION_WORDS.contains(&texts[start - 1]) {
            continue;
        }
        if let Some((_, m)) = CUES.iter().find(|(cue, _)| rest.starts_with(cue)) {
            // The cue nearest the trigger decides ("failed to ... will").
            found = Some((start, *m));
        }
    }
    found.map_or(Modality::Asserted, |(_, m)| m)
}

/// Words that close the noun phrase of a subject before its verb could come.
const PHRASE_BREAKS: &[&str] = &[
    "which", "that", "who", "where", "when", "and", "but", "said",
];
/// How many words after an event noun its verb may come when the noun heads the subject ("The
/// fall of Kobane to the ISIS group would mark ...").
const SUBJECT_REACH: usize = 8;

/// The modality of an event noun that heads its clause's subject, from the modal of the
/// clause's verb after it: "The fall of Kobane to the ISIS group would mark a major victory"
/// is hypothetical. Asserted when the noun does not open its clause (only "the", "a", "an" may
/// stand before it) or no modal follows before a relative clause or another clause starts.
pub fn subject_modality(folded: &Folded, clause: (usize, usize), t: &TriggerMatch) -> Modality {
    let (ts, te) = t.folded;
    if !folded
        .words_iter(clause.0, ts)
        .all(|w| matches!(w.text, "the" | "a" | "an"))
    {
        return Modality::Asserted;
    }
    for w in folded.words_iter(te, clause.1).take(SUBJECT_REACH) {
        if PHRASE_BREAKS.contains(&w.text) {
            break;
        }
        match w.text {
            "would" | "could" | "might" | "may" => return Modality::Hypothetical,
            "will" => return Modality::Planned,
            _ => {}
        }
    }
    Modality::Asserted
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
        let bounds = super::super::roles::boundaries(&f, sentence);
        let clause = super::super::roles::clauses(&f, sentence, &bounds, t.folded).clause;
        modality(&f, clause.0, &t)
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
