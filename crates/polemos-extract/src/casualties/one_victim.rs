//! One victim the text names without a number: "a local leader was hacked to death", "the
//! driver was shot dead", "he was killed on the spot", "the baby later died".
//!
//! A singular auxiliary right before a verb of killing (the lexicon's `singular_passives` and
//! `death_phrases`, or the killing participles of `harm_words`) says that one person died,
//! whoever the subject is: a name, a title, a pronoun or a long noun phrase ("a leader of the
//! party's youth wing"), unless it is denied ("no one was killed"), told in a relative clause
//! ("a woman who was killed"), or the verb is another one ("killed off", the lexicon's
//! `not_death_particles`). A participle also said of things (`ambiguous_killings`: "the plan
//! was executed") needs a person in its subject. A verb of dying (`dying_verbs`) counts one
//! after a pronoun (`singular_pronouns`) or "the" and a victim's noun not in the plural
//! (`plural_nouns`: "the people died"); a person named with "a" and "to death" after them
//! counts one ("beat a youth to death").

use super::find::VictimGroup;
use crate::lexicon::Vocab;
use crate::words::Word;

/// How many words before the auxiliary are looked at for the victim's group ("a Syrian
/// soldier was killed", "a leader of the rebel group Ahrar al-Sham was killed").
const GROUP_REACH: usize = 8;

/// Whether the words right before word `aux` (a subject's auxiliary) deny that anyone died
/// ("no one was killed", "nobody was hurt").
pub(super) fn denied(words: &[Word<'_>], aux: usize) -> bool {
    let before = |back: usize| aux.checked_sub(back).and_then(|i| words.get(i));
    let last = before(1).map_or("", |w| w.text);
    matches!(last, "nobody" | "none" | "noone" | "nothing")
        || (last == "one" && before(2).is_some_and(|w| w.text == "no"))
}

/// The group of a word of the victim's noun phrase: its own in the lexicon's `victim_groups`,
/// or, for a modifier in the singular ("leader of the rebel group"), its plural's fighters.
fn group_of(v: &Vocab, word: &str) -> Option<VictimGroup> {
    v.victim_groups.get(word).copied().or_else(|| {
        let plural = format!("{word}s");
        v.victim_groups
            .get(plural.as_str())
            .copied()
            .filter(|&g| g == VictimGroup::Combatants)
    })
}

/// The length in words of a verb of killing at the start of `words`: a killing participle of
/// the lexicon's `harm_words` ("killed", "executed") or a phrase of `death_phrases` ("shot
/// dead", "hacked to death"); 0 where there is none.
pub(super) fn killing_verb(v: &Vocab, words: &[Word<'_>]) -> usize {
    let phrase = v.death_phrases.longest_at(words);
    let participle = usize::from(
        words
            .first()
            .is_some_and(|w| v.killed_after_count.contains(w.text)),
    );
    phrase.max(participle)
}

/// Each single death of a sentence's `words`: (first word, last word, the victim's group), from
/// the auxiliary to the end of the verb of killing.
pub(super) fn single_deaths(v: &Vocab, words: &[Word<'_>]) -> Vec<(usize, usize, VictimGroup)> {
    let mut out = Vec::new();
    for k in 1..words.len() {
        let verb = killing_verb(v, &words[k..]);
        // "the group was killed off": wiped out, no count of one.
        let particle = words
            .get(k + verb)
            .is_some_and(|w| v.not_death_particles.contains(w.text));
        if verb == 0 || particle {
            continue;
        }
        // "was brutally killed": adverbs may stand between the auxiliary and the verb.
        let mut at = k;
        while at > 0 && v.inside_verb_group(words[at - 1].text) {
            at -= 1;
        }
        let before: Vec<&str> = words[..at].iter().rev().take(3).map(|w| w.text).collect();
        let aux_words = v.singular_passives.longest_ending(&before);
        if aux_words == 0 {
            continue;
        }
        let aux = at - aux_words;
        // "the plan was executed": a verb also said of things needs a person as its subject.
        let subject = &words[aux.saturating_sub(GROUP_REACH)..aux];
        let person = subject
            .iter()
            .any(|w| v.singular_pronouns.contains(w.text) || v.victim_groups.get(w.text).is_some());
        if verb == 1 && v.ambiguous_killings.contains(words[k].text) && !person {
            continue;
        }
        // "justice for a woman who was killed in 2021": a relative clause describes someone,
        // often a death the sentence's event only recalls (a protest's grievance). Not one
        // opened further back ("the raid in which the MP was killed"), which tells the
        // death itself.
        let relative = aux
            .checked_sub(1)
            .is_some_and(|i| v.relative_words.contains(words[i].text));
        if denied(words, aux) || relative {
            continue;
        }
        // "a leader of the rebel group Ahrar al-Sham was killed": a fighter anywhere in the
        // subject makes the victim one; else the group nearest the verb.
        let groups: Vec<VictimGroup> = subject
            .iter()
            .rev()
            .filter_map(|w| group_of(v, w.text))
            .collect();
        let group = if groups.contains(&VictimGroup::Combatants) {
            VictimGroup::Combatants
        } else {
            groups.first().copied().unwrap_or(VictimGroup::People)
        };
        out.push((aux, k + verb - 1, group));
    }
    out
}

/// How many words may stand between "the" and the victim's noun ("the 14-year-old boy").
const THE_REACH: usize = 3;

/// Each single death told by a verb of dying after one person named in the singular: a
/// pronoun ("he died"), or "the" and a victim's noun not in the plural ("the driver later
/// died", "the baby died in hospital"). (first word, last word, the victim's group).
pub(super) fn single_dying(v: &Vocab, words: &[Word<'_>]) -> Vec<(usize, usize, VictimGroup)> {
    let mut out = Vec::new();
    for k in 1..words.len() {
        // "the violence had just died down": another verb.
        let particle = words
            .get(k + 1)
            .is_some_and(|w| v.not_death_particles.contains(w.text));
        if !v.dying_verbs.contains(words[k].text) || particle {
            continue;
        }
        let mut at = k;
        while at > 0 && v.inside_verb_group(words[at - 1].text) {
            at -= 1;
        }
        let Some(subject) = at.checked_sub(1) else {
            continue;
        };
        let noun = words[subject].text;
        if v.singular_pronouns.contains(noun) {
            out.push((subject, k, VictimGroup::People));
            continue;
        }
        let Some(group) = v.victim_groups.get(noun).copied() else {
            continue;
        };
        // "the driver", "the 14-year-old boy"; not "the state where more people died".
        let the = (1..=THE_REACH + 1)
            .filter_map(|back| subject.checked_sub(back))
            .take_while(|&i| !v.relative_words.contains(words[i].text))
            .find(|&i| words[i].text == "the");
        let plural = noun.ends_with('s') || v.plural_nouns.contains(noun);
        match the {
            Some(first) if !plural => out.push((first, k, group)),
            _ => {}
        }
    }
    out
}

/// How many words may stand between "a"/"an" and "to death" ("beat a suspected cattle thief
/// to death").
const TO_DEATH_REACH: usize = 6;

/// Each single death told by a verb, one person named with "a"/"an" and "to death" after
/// them ("beat a youth to death", "stabbed an old man to death"), unless the verb puts no
/// one to death (`not_killing_verbs`: "sentenced a man to death"). (first word, last word,
/// the victim's group).
pub(super) fn single_put_to_death(
    v: &Vocab,
    words: &[Word<'_>],
) -> Vec<(usize, usize, VictimGroup)> {
    let mut out = Vec::new();
    for a in 1..words.len() {
        if !matches!(words[a].text, "a" | "an") || v.not_killing_verbs.contains(words[a - 1].text) {
            continue;
        }
        let Some(to) = (a + 2..=(a + 1 + TO_DEATH_REACH).min(words.len().saturating_sub(2)))
            .find(|&i| words[i].text == "to" && words[i + 1].text == "death")
        else {
            continue;
        };
        let group = words[a + 1..to]
            .iter()
            .find_map(|w| group_of(v, w.text))
            .unwrap_or(VictimGroup::People);
        out.push((a, to + 1, group));
    }
    out
}
