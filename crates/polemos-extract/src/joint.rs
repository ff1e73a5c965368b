//! Several whole-word dictionaries matched in one walk over the text.
//!
//! The actor, trigger and source dictionaries are each matched with [`DictMatcher::find`]:
//! every word start whose first two bytes open some key is walked through the dictionary's
//! automaton. Many starts open keys of all three ("the", "syrian", "state"), so walking them
//! once through an automaton of all the keys, and sharing out the matches, does the common work
//! once. Each dictionary still gets exactly the hits of its own [`DictMatcher::find`].

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::Anchored;
use std::collections::HashMap;

use crate::fold::Folded;
use crate::matcher::{is_word_byte, key_automaton, DictMatcher, Hit};
use crate::ResourceError;

/// The dictionaries one walk serves at most (a bit each in a `u8` mask).
const MAX_DICTIONARIES: usize = 8;

/// One anchored automaton over the keys of several dictionaries.
#[derive(Debug, Clone)]
pub struct JointMatcher {
    automaton: DFA,
    /// Per dictionary, its [`DictMatcher::openings`].
    openings: Vec<Vec<u64>>,
    /// Per pattern of `automaton`: the dictionaries that have the key, with its index there.
    owners: Vec<Vec<(u8, usize)>>,
}

impl JointMatcher {
    /// An automaton over the keys of `dictionaries` (at most eight), whose hits
    /// [`JointMatcher::find`] gives back in the same order.
    pub fn new(dictionaries: &[&dyn Keyed]) -> Result<Self, ResourceError> {
        assert!(dictionaries.len() <= MAX_DICTIONARIES);
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut keys: Vec<&str> = Vec::new();
        let mut owners: Vec<Vec<(u8, usize)>> = Vec::new();
        for (d, dict) in dictionaries.iter().enumerate() {
            for (k, key) in dict.keys().iter().enumerate() {
                let pid = *index.entry(key.as_str()).or_insert_with(|| {
                    keys.push(key);
                    owners.push(Vec::new());
                    keys.len() - 1
                });
                owners[pid].push((d as u8, k));
            }
        }
        // Built as each dictionary's own automaton is.
        let automaton = key_automaton(&keys)?;
        Ok(JointMatcher {
            automaton,
            openings: dictionaries.iter().map(|d| d.openings().to_vec()).collect(),
            owners,
        })
    }

    /// The hits of each dictionary: for dictionary `d`, exactly what its own
    /// [`DictMatcher::find`] gives. Scanning left to right, each dictionary takes the longest
    /// of its keys at each word start at or after the end of its previous hit.
    pub fn find(&self, folded: &Folded) -> Vec<Vec<Hit>> {
        let n = self.openings.len();
        let mut chosen: Vec<Vec<Hit>> = vec![Vec::new(); n];
        let dfa = &self.automaton;
        let Ok(start_state) = dfa.start_state(Anchored::Yes) else {
            return chosen;
        };
        let bytes = folded.text.as_bytes();
        let mut taken_to = [0usize; MAX_DICTIONARIES];
        let mut best: [Option<(usize, usize)>; MAX_DICTIONARIES] = [None; MAX_DICTIONARIES];
        for &p in folded.word_starts() {
            let p = p as usize;
            // See `DictMatcher::find` for the two-byte filter.
            let bit =
                usize::from(bytes[p]) << 8 | usize::from(bytes.get(p + 1).copied().unwrap_or(0));
            let mut open = 0u8;
            for (d, openings) in self.openings.iter().enumerate() {
                if p >= taken_to[d] && openings[bit >> 6] >> (bit & 63) & 1 == 1 {
                    open |= 1 << d;
                }
            }
            if open == 0 {
                continue;
            }
            best[..n].fill(None);
            let mut sid = start_state;
            for (q, &c) in bytes.iter().enumerate().skip(p) {
                sid = dfa.next_state(Anchored::Yes, sid, c);
                if dfa.is_dead(sid) {
                    break;
                }
                if !dfa.is_match(sid) {
                    continue;
                }
                let end = q + 1;
                if bytes.get(end).is_some_and(|&b| is_word_byte(b)) {
                    continue;
                }
                // Only the key as long as the walk, not keys that are suffixes of it.
                for i in 0..dfa.match_len(sid) {
                    let pid = dfa.match_pattern(sid, i);
                    if dfa.pattern_len(pid) != end - p {
                        continue;
                    }
                    for &(d, key) in &self.owners[pid.as_usize()] {
                        if open >> d & 1 == 1 {
                            best[usize::from(d)] = Some((end, key));
                        }
                    }
                }
            }
            for (d, hits) in chosen.iter_mut().enumerate() {
                if let Some((end, key)) = best[d] {
                    hits.push(Hit { start: p, end, key });
                    taken_to[d] = end;
                }
            }
        }
        chosen
    }
}

/// A dictionary a [`JointMatcher`] can walk: its folded keys and two-byte filter.
pub trait Keyed {
    fn keys(&self) -> &[String];
    fn openings(&self) -> &[u64];
}

impl<V: Clone> Keyed for DictMatcher<V> {
    fn keys(&self) -> &[String] {
        DictMatcher::keys(self)
    }

    fn openings(&self) -> &[u64] {
        DictMatcher::openings(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_hits_as_each_dictionary_alone() {
        let a = DictMatcher::new(
            ["Islamic State", "State", "the army", "army", "IS", "Hama"]
                .iter()
                .map(|k| (k.to_string(), ())),
        )
        .unwrap();
        let b = DictMatcher::new(
            [
                "air strikes",
                "air strike",
                "strike",
                "the army shelled",
                "shelled",
                "state",
            ]
            .iter()
            .map(|k| (k.to_string(), ())),
        )
        .unwrap();
        let c = DictMatcher::new(
            [
                "SANA",
                "the Syrian Observatory",
                "Syrian",
                "state news agency SANA",
            ]
            .iter()
            .map(|k| (k.to_string(), ())),
        )
        .unwrap();
        let joint = JointMatcher::new(&[&a, &b, &c]).unwrap();
        let texts = [
            "Islamic State militants attacked; the army shelled Hama after air strikes.",
            "state news agency SANA said the Syrian Observatory reported the strike",
            "the armyshelled state-run air strikes, IS and Islamic States",
            "",
            "a",
            "State",
        ];
        for text in texts {
            let f = Folded::new(text);
            let all = joint.find(&f);
            assert_eq!(all[0], a.find(&f), "{text}");
            assert_eq!(all[1], b.find(&f), "{text}");
            assert_eq!(all[2], c.find(&f), "{text}");
        }
    }
}
