//! What a protest is about: "students marched against the killing of a classmate", "a human
//! chain protesting rape". The killing and the rape are the protest's grievance, told after a
//! grievance cue (the lexicon's `grievance_cues`) that follows the protest in its sentence:
//! they neither lead the document nor become the protest's violence.

use polemos_core::{Event, EventType, Span};

use crate::by_sentence::Grouped;
use crate::fold::Folded;
use crate::lexicon::Vocab;

/// How many words before a trigger a grievance cue is looked for: "against the killing of a
/// student by police".
const GRIEVANCE_REACH: usize = 6;

/// The protests of a document: where each protest's trigger ends, grouped by sentence.
pub struct Protests {
    ends: Vec<usize>,
    by_sentence: Grouped,
}

impl Protests {
    pub fn of<'a>(events: impl Iterator<Item = &'a Event>) -> Protests {
        let (sentences, ends): (Vec<u32>, Vec<usize>) = events
            .filter(|e| e.event_type() == EventType::Protests)
            .map(|e| (e.sentence, e.trigger_span.end))
            .unzip();
        Protests {
            ends,
            by_sentence: Grouped::new(&sentences),
        }
    }

    /// Whether `e` is what a protest earlier in its sentence is about: a grievance cue among
    /// the last words before its trigger, after the first protest's.
    pub fn names_grievance(&self, v: &Vocab, folded: &Folded, e: &Event) -> bool {
        if e.event_type() == EventType::Protests {
            return false;
        }
        let Some(protest_end) = self
            .by_sentence
            .of(&self.ends, e.sentence)
            .copied()
            .filter(|&end| end <= e.trigger_span.start)
            .min()
        else {
            return false;
        };
        cue_right_before(v, folded, protest_end, e.trigger_span.start)
    }
}

/// Whether a grievance cue stands among the last [`GRIEVANCE_REACH`] words of original bytes
/// `[from, to)`.
fn cue_right_before(v: &Vocab, folded: &Folded, from: usize, to: usize) -> bool {
    let start = folded.folded_offset(from);
    let end = folded.folded_offset(to);
    folded
        .words_iter(start, end)
        .rev()
        .take(GRIEVANCE_REACH)
        .any(|w| v.grievance_cues.contains(w.text))
}

/// Whether the words at `at`, after `protest`'s trigger in its sentence, tell what the protest
/// is about: a grievance cue among the last words before them ("marched against the killing
/// of a teacher", "protesting the death of a student in custody").
pub fn told_as_grievance(v: &Vocab, folded: &Folded, protest: &Event, at: Span) -> bool {
    if at.start < protest.trigger_span.end || !protest.sentence_span.contains(at) {
        return false;
    }
    cue_right_before(v, folded, protest.trigger_span.end, at.start)
}
