//! What a protest is about: "students marched against the killing of a classmate", "a human
//! chain protesting rape". The killing and the rape are the protest's grievance, told after a
//! grievance cue (the lexicon's `grievance_cues`) that follows the protest in its sentence:
//! they neither lead the document nor become the protest's violence.

use polemos_core::{Event, EventType};

use crate::fold::Folded;
use crate::lexicon::Vocab;

/// How many words before a trigger a grievance cue is looked for: "against the killing of a
/// student by police".
const GRIEVANCE_REACH: usize = 6;

/// The protests of a document: (sentence, end of the trigger), sorted.
pub struct Protests(Vec<(u32, usize)>);

impl Protests {
    pub fn of<'a>(events: impl Iterator<Item = &'a Event>) -> Protests {
        let mut found: Vec<(u32, usize)> = events
            .filter(|e| e.event_type() == EventType::Protests)
            .map(|e| (e.sentence, e.trigger_span.end))
            .collect();
        found.sort_unstable();
        Protests(found)
    }

    /// Whether `e` is what a protest earlier in its sentence is about: a grievance cue among
    /// the last words before its trigger, after the protest's.
    pub fn names_grievance(&self, v: &Vocab, folded: &Folded, e: &Event) -> bool {
        if e.event_type() == EventType::Protests {
            return false;
        }
        let from = self.0.partition_point(|&(s, _)| s < e.sentence);
        let Some(&(_, protest_end)) = self
            .0
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&(s, _)| s == e.sentence)
            .find(|&&(_, end)| end <= e.trigger_span.start)
        else {
            return false;
        };
        let start = folded.folded_offset(protest_end);
        let end = folded.folded_offset(e.trigger_span.start);
        folded
            .words_iter(start, end)
            .rev()
            .take(GRIEVANCE_REACH)
            .any(|w| v.grievance_cues.contains(w.text))
    }
}
