//! Casualty counts in sentences: "killing 12 soldiers", "at least 15 people were killed", "left
//! 9 dead".

use polemos_core::{Sentence, Span};

use super::one_victim::{denied, killing_verb, single_deaths, single_dying, single_put_to_death};
use crate::fold::Folded;
use crate::lexicon::{Vocab, WordList};
use crate::numbers::read_count;
use crate::words::{is_adverb, Word};

/// Who the dead were, as far as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VictimGroup {
    Civilians,
    Children,
    Women,
    Combatants,
    People,
}

impl VictimGroup {
    /// The group named as [`VictimGroup::as_str`] writes it (as `victim_groups.tsv` does).
    pub(crate) fn parse(name: &str) -> Option<VictimGroup> {
        [
            VictimGroup::Civilians,
            VictimGroup::Children,
            VictimGroup::Women,
            VictimGroup::Combatants,
            VictimGroup::People,
        ]
        .into_iter()
        .find(|g| g.as_str() == name)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            VictimGroup::Civilians => "civilians",
            VictimGroup::Children => "children",
            VictimGroup::Women => "women",
            VictimGroup::Combatants => "combatants",
            VictimGroup::People => "people",
        }
    }
}

/// The largest toll read as one event's: larger counts are a war's or a year's totals ("more
/// than 170,000 people have been killed in the three-year conflict"). The deadliest single
/// events of the wars polemos codes (Ghouta 2013, Halabja 1988) stay well below it.
const MAX_EVENT_TOLL: u32 = 10_000;

/// Whether the sentence counts from a month or a year on ("600 Syrians have been killed in
/// coalition air strikes since September 2014", "520 strikes since 21 May have killed 229"):
/// a running total, not one event's toll. "Since Wednesday" can still be one battle's.
fn counts_since_a_date(words: &[Word<'_>]) -> bool {
    let is_month =
        |w: Option<&Word<'_>>| w.is_some_and(|w| polemos_parse::month_number(w.text).is_some());
    let is_year = |w: Option<&Word<'_>>| {
        w.is_some_and(|w| {
            w.text.len() == 4
                && w.text.bytes().all(|b| b.is_ascii_digit())
                && (w.text.starts_with("19") || w.text.starts_with("20"))
        })
    };
    let is_day = |w: Option<&Word<'_>>| {
        w.is_some_and(|w| {
            (1..=2).contains(&w.text.len()) && w.text.bytes().all(|b| b.is_ascii_digit())
        })
    };
    words.iter().enumerate().any(|(i, w)| {
        w.text == "since"
            && (is_month(words.get(i + 1))
                || is_year(words.get(i + 1))
                || (is_day(words.get(i + 1)) && is_month(words.get(i + 2))))
    })
}

/// Whether a count is of the dead or the injured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Harm {
    Killed,
    Injured,
}

impl Harm {
    pub fn as_str(&self) -> &'static str {
        match self {
            Harm::Killed => "killed",
            Harm::Injured => "injured",
        }
    }

    fn other(&self) -> Harm {
        match self {
            Harm::Killed => Harm::Injured,
            Harm::Injured => Harm::Killed,
        }
    }

    /// Whether `w` is a verb that, before a count, says what happened to it ("killing 12",
    /// "wounding 20").
    fn is_verb_before(&self, v: &Vocab, w: &str) -> bool {
        match self {
            Harm::Killed => v.killed_before_count.contains(w),
            Harm::Injured => v.injured_before_count.contains(w),
        }
    }

    /// Words that, after a count, say what happened to it ("12 soldiers were killed").
    fn words_after<'v>(&self, v: &'v Vocab) -> &'v WordList {
        match self {
            Harm::Killed => &v.killed_after_count,
            Harm::Injured => &v.injured_after_count,
        }
    }
}

/// A casualty count found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Casualty {
    pub sentence: u32,
    pub harm: Harm,
    pub span: Span,
    pub count: u32,
    pub group: VictimGroup,
    /// Part of a count already given ("including five children"), not to be added to it.
    pub subset: bool,
    /// A vague quantity ("dozens", "several"), not a number the text gives.
    pub vague: bool,
    pub rule: &'static str,
}

fn group_at(v: &Vocab, words: &[Word<'_>], i: usize) -> Option<(VictimGroup, usize)> {
    // Allow up to three adjectives, qualifiers or names: "12 Syrian soldiers", "five more
    // civilians", "7 Nusra Front field commanders".
    let mut k = i;
    let mut looked = 0;
    while looked < 4 {
        // "two 12-year-old boys": an age is no count.
        k += age_words(words.get(k..).unwrap_or_default());
        let w = words.get(k)?;
        if let Some(mut g) = v.victim_groups.get(w.text) {
            // "two civilian workers", "three child soldiers": a singular noun right before a
            // plural one modifies it, and the plural heads the group ("several women children
            // and elderly men" is a list).
            let mut k = k;
            // Only the two words side by side: in "19 people, activists said", a comma parts them.
            if let Some(h) = words.get(k + 1).filter(|n| {
                n.start == words[k].end + 1
                    && !words[k].text.ends_with('s')
                    && n.text.ends_with('s')
            }) {
                if let Some(hg) = v.victim_groups.get(h.text) {
                    g = hg;
                    k += 1;
                }
            }
            // "seven members of the Tuareg community", "12 members of one family": members of
            // a family, a community or a tribe are civilians.
            let group = if family_of_phrase(v, words, k + 1) {
                VictimGroup::Civilians
            } else {
                *g
            };
            return Some((group, k));
        }
        // Another count ("... 2014 six people were killed"), a verb ("38 injured in terrorist
        // attacks") or a preposition ends the phrase.
        if read_count(v, &words[k..]).is_some()
            || v.killed_after_count.contains(w.text)
            || v.injured_after_count.contains(w.text)
            || v.victim_phrase_ends.contains(w.text)
        {
            return None;
        }
        if w.text.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        k += 1;
        looked += 1;
    }
    None
}

/// Finds killed counts in each sentence of `text`, which `folded` folds.
pub(crate) fn find_casualties(
    v: &Vocab,
    text: &str,
    folded: &Folded,
    sentences: &[Sentence],
) -> Vec<Casualty> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    for s in sentences {
        let fs = folded.folded_offset(s.span.start);
        let fe = folded.folded_offset(s.span.end);
        let sentence_text = folded.text.get(fs..fe).unwrap_or("");
        // Folded text shows "of the war-torn city" as "of the war torn city": no total.
        let before_dash = |end: usize| {
            let at = folded.original_span(fs + end, fs + end + 1).start;
            end < sentence_text.len() && text.as_bytes().get(at) == Some(&b'-')
        };
        if v.total_cues
            .occurs_in(sentence_text, |end| !before_dash(end))
        {
            continue;
        }
        folded.words_into(fs, fe, &mut words);
        if counts_since_a_date(&words) {
            continue;
        }
        let mut i = 0;
        let mut found_in_sentence = false;
        let first_of_sentence = out.len();
        while i < words.len() {
            let mut found = find_at(v, &words, i);
            // "..., including five children": a breakdown of the count just given.
            if found.is_none() && found_in_sentence && v.subset_cues.contains(words[i].text) {
                found = read_victims(v, &words[i + 1..]).and_then(|c| {
                    let (g, k) = group_at(v, &words, i + 1 + c.words)?;
                    let harm = out.last().map_or(Harm::Killed, |c: &Casualty| c.harm);
                    Some((c.value, i + 1, k, g, "casualty:subset", harm))
                });
            }
            let Some((count, first, last, group, rule, harm)) = found else {
                i += 1;
                continue;
            };
            // "... just days after dozens of aid workers were killed": another, earlier
            // event's toll; it is no count of this sentence's events. And a count no single
            // event reaches is a war's total, whatever words surround it.
            // "No one was killed": "one" denied is no count.
            let no_one = words[first].text == "one" && denied(&words, first + 1);
            if no_one || follows_earlier_event(v, &words, first) || count > MAX_EVENT_TOLL {
                i = last + 1;
                continue;
            }
            let subset = first
                .checked_sub(1)
                .and_then(|p| words.get(p))
                .is_some_and(|w| v.subset_cues.contains(w.text))
                || words
                    .get(last + 1..last + 4)
                    .is_some_and(|ws| ws.iter().map(|w| w.text).eq(["among", "the", "dead"]));
            out.push(Casualty {
                sentence: s.index,
                harm,
                span: folded.original_span(words[first].start, words[last].end),
                count,
                group,
                subset,
                vague: read_count(v, &words[first..]).is_some_and(|c| c.vague),
                rule,
            });
            found_in_sentence = true;
            i = last + 1;
            // "killed four SDF fighters and three rebels": counts joined by "and" add up.
            while words.get(i).is_some_and(|w| w.text == "and") {
                let Some((count, k, group, vague)) =
                    read_victims(v, &words[i + 1..]).and_then(|c| {
                        let (g, k) = group_at(v, &words, i + 1 + c.words)?;
                        Some((c.value, k, g, c.vague))
                    })
                else {
                    break;
                };
                // A count joined to a breakdown is part of the breakdown ("including five
                // children and two women").
                let (harm, subset) = out
                    .last()
                    .map_or((Harm::Killed, false), |c| (c.harm, c.subset));
                out.push(Casualty {
                    sentence: s.index,
                    harm,
                    span: folded.original_span(words[i + 1].start, words[k].end),
                    count,
                    group,
                    subset,
                    vague,
                    rule: "casualty:coordinated",
                });
                i = k + 1;
            }
        }
        // "A local leader was hacked to death": one victim, with no number to count (an
        // injured count beside it is no count of the dead: "a man was shot dead and two
        // others sustained bullet wounds").
        if !out[first_of_sentence..]
            .iter()
            .any(|c| c.harm == Harm::Killed)
        {
            let deaths = single_deaths(v, &words)
                .into_iter()
                .chain(single_dying(v, &words))
                .chain(single_put_to_death(v, &words));
            for (first, last, group) in deaths {
                out.push(Casualty {
                    sentence: s.index,
                    harm: Harm::Killed,
                    span: folded.original_span(words[first].start, words[last].end),
                    count: 1,
                    group,
                    subset: false,
                    vague: false,
                    rule: "casualty:one-victim",
                });
            }
        }
    }
    out
}

type Found = (u32, usize, usize, VictimGroup, &'static str, Harm);

/// How many words after "a"/"an" the victim's noun may stand: "a former Awami League member",
/// "a Tanghin customary chief".
const SINGULAR_REACH: usize = 5;

/// A count of victims at the start of `words`: a number ([`read_count`]), or "a"/"an" before a
/// victim noun of the lexicon's victim_groups ("a woman", "a Syrian soldier"; only a singular
/// follows an article).
fn read_victims(v: &Vocab, words: &[Word<'_>]) -> Option<crate::numbers::Count> {
    victims_of(v, words, read_count(v, words))
}

/// [`read_victims`] from the count `words` open with (`read_count`), read once by a caller
/// that needs it too.
fn victims_of(
    v: &Vocab,
    words: &[Word<'_>],
    count: Option<crate::numbers::Count>,
) -> Option<crate::numbers::Count> {
    if let Some(count) = count {
        // "a 19-year-old youth": an age, not a count.
        return (age_words(words) == 0).then_some(count);
    }
    // Called at every word of every sentence: look for the noun only after an article.
    let article = words
        .first()
        .is_some_and(|w| w.text == "a" || w.text == "an");
    let age = words.get(1..).map_or(0, age_words);
    let singular = || {
        words
            .iter()
            .skip(1 + age)
            .take(SINGULAR_REACH)
            .take_while(|w| !v.victim_phrase_ends.contains(w.text))
            .any(|w| v.victim_groups.get(w.text).is_some())
    };
    (article && singular()).then_some(crate::numbers::Count {
        value: 1,
        words: 1 + age,
        vague: false,
    })
}

/// How many words an age opens `words` with: three for "19 year old" ("19-year-old" folds so),
/// else none.
fn age_words(words: &[Word<'_>]) -> usize {
    match words {
        [n, unit, old, ..]
            if n.text.bytes().all(|b| b.is_ascii_digit())
                && matches!(unit.text, "year" | "years")
                && old.text == "old" =>
        {
            3
        }
        _ => 0,
    }
}

/// Whether the word at `i` is part of a date, which no toll is: the year of "17 Mar 2014",
/// "March 2014", "October 19, 2019", "in 2011", or the day of "July 28" (a number of days
/// right after a month that has no day of its own: in "12 Sep. 4 killed" the 4 is a count) or
/// of "07 May" (right before a month).
fn is_part_of_date(v: &Vocab, words: &[Word<'_>], i: usize) -> bool {
    let Ok(n) = words[i].text.parse::<u32>() else {
        return false;
    };
    let word = |k: Option<usize>| k.map(|k| words[k].text);
    let is_month =
        |k: Option<usize>| word(k).is_some_and(|w| polemos_parse::month_number(w).is_some());
    let is_day = |k: Option<usize>| {
        word(k)
            .and_then(|w| w.parse::<u32>().ok())
            .is_some_and(|d| (1..=31).contains(&d))
    };
    let (one, two) = (i.checked_sub(1), i.checked_sub(2));
    match n {
        1900..=2100 => {
            is_month(one)
                || word(one).is_some_and(|w| v.year_prepositions.contains(w))
                || (is_day(one) && is_month(two))
        }
        // "May 7", and "7 May" ("07 May: residents killed two people").
        1..=31 => {
            (is_month(one) && !is_day(two)) || is_month(Some(i + 1).filter(|&k| k < words.len()))
        }
        _ => false,
    }
}

/// How many words back from a count "days after" may stand and still introduce it.
const EARLIER_REACH: usize = 7;

/// Whether the count at word `first` sits in a "days after ..." phrase, which recalls an
/// earlier event. A sentence that opens with the phrase ("Two days after the truce, strikes
/// killed 20") goes on to its own main clause, so only a phrase further in counts.
fn follows_earlier_event(v: &Vocab, words: &[Word<'_>], first: usize) -> bool {
    let from = first.saturating_sub(EARLIER_REACH);
    (from.max(3)..first)
        .any(|k| words[k].text == "after" && k > 0 && v.time_units.contains(words[k - 1].text))
}

/// The index of the first word after a breakdown that starts at `at` ("21 children", "women
/// and children", "a woman and a child", "five children and two women"), or None if no group
/// is named there.
fn skip_breakdown(v: &Vocab, words: &[Word<'_>], mut at: usize) -> Option<usize> {
    let mut end = None;
    loop {
        let from = read_count(v, &words[at.min(words.len())..]).map_or(at, |c| at + c.words);
        let Some((_, k)) = group_at(v, words, from) else {
            return end;
        };
        end = Some(k + 1);
        match words.get(k + 1) {
            Some(w) if w.text == "and" => at = k + 2,
            _ => return end,
        }
    }
}

/// How many words an "of" phrase after a victim group may run to its verb ("members of the
/// so-called Islamic State were killed").
const OF_PHRASE_REACH: usize = 5;

/// Where the verb of `harm` stands after an "of" phrase opening at `at` ("members of government
/// forces were killed"): None when no "of" opens there or no verb follows it closely.
fn of_phrase_before_verb(v: &Vocab, words: &[Word<'_>], at: usize, harm: Harm) -> Option<usize> {
    if words.get(at)?.text != "of" {
        return None;
    }
    for k in at + 1..(at + 1 + OF_PHRASE_REACH).min(words.len()) {
        let w = words[k].text;
        if v.harm_auxiliaries.contains(w) || harm.words_after(v).contains(w) {
            let verb = skip_auxiliaries(v, words, k);
            return words
                .get(verb)
                .is_some_and(|w| harm.words_after(v).contains(w.text))
                .then_some(k);
        }
        if v.victim_phrase_ends.contains(w) {
            return None;
        }
    }
    None
}

/// Whether an "of" phrase opening at `at` names a family, a community or a tribe (the
/// lexicon's `family_words`) before it ends: "members of the Foulse community".
fn family_of_phrase(v: &Vocab, words: &[Word<'_>], at: usize) -> bool {
    if words.get(at).is_none_or(|w| w.text != "of") {
        return false;
    }
    words
        .iter()
        .skip(at + 1)
        .take(OF_PHRASE_REACH)
        .take_while(|w| {
            !v.victim_phrase_ends.contains(w.text)
                && !v.harm_auxiliaries.contains(w.text)
                && !v.killed_after_count.contains(w.text)
                && !v.injured_after_count.contains(w.text)
        })
        .any(|w| v.family_words.contains(w.text))
}

/// The index of the first word from `at` that is not an auxiliary or an adverb ("were", "have
/// brutally been").
fn skip_auxiliaries(v: &Vocab, words: &[Word<'_>], mut at: usize) -> usize {
    while words
        .get(at)
        .is_some_and(|n| v.harm_auxiliaries.contains(n.text) || is_adverb(n.text))
    {
        at += 1;
    }
    at
}

fn find_at(v: &Vocab, words: &[Word<'_>], i: usize) -> Option<Found> {
    // The count starting here is read once for both harms and the dead's nouns: this runs
    // at every word.
    let count = read_count(v, &words[i..]);
    let here = victims_of(v, &words[i..], count);
    find_harm_at(v, words, i, Harm::Killed, here)
        .or_else(|| find_harm_at(v, words, i, Harm::Injured, here))
        .or_else(|| find_death_toll(v, words, i))
        .or_else(|| find_killing_of(v, words, i))
        .or_else(|| find_count_of_dead(v, words, i, count))
}

/// Words that may say whose the dead were between a count and its noun of the dead ("five
/// Taliban fatalities", "two civilian deaths").
const DEAD_NOUN_REACH: usize = 2;

/// "2 fatalities", "15 bodies found", "resulting in one fatality": a count of a noun that names
/// the dead themselves (the lexicon's `dead_nouns`) counts the killed, with no verb; a word
/// between them that names a victim group gives theirs ("two civilian deaths"). `count` is
/// the count at `i` (`read_count`).
fn find_count_of_dead(
    v: &Vocab,
    words: &[Word<'_>],
    i: usize,
    count: Option<crate::numbers::Count>,
) -> Option<Found> {
    let count = count?;
    let at = i + count.words;
    let mut group = VictimGroup::People;
    for k in at..=at + DEAD_NOUN_REACH {
        let w = words.get(k)?.text;
        if v.dead_nouns.contains(w) {
            return Some((
                count.value,
                i,
                k,
                group,
                "casualty:count-of-dead",
                Harm::Killed,
            ));
        }
        if v.victim_phrase_ends.contains(w) || read_count(v, &words[k..]).is_some() {
            return None;
        }
        if let Some(&g) = v.victim_groups.get(w) {
            group = g;
        }
    }
    None
}

/// "The execution of 17 young men", "the killing of 12 civilians": a killing noun, "of" and a
/// counted group of people; a bare figure ("the massacre of 2013") counts no one.
fn find_killing_of(v: &Vocab, words: &[Word<'_>], i: usize) -> Option<Found> {
    if !v.killing_nouns.contains(words[i].text) || words.get(i + 1)?.text != "of" {
        return None;
    }
    let count = read_victims(v, words.get(i + 2..)?)?;
    let (group, last) = group_at(v, words, i + 2 + count.words)?;
    Some((
        count.value,
        i + 2,
        last,
        group,
        "casualty:noun-of",
        Harm::Killed,
    ))
}

/// How many words may describe the event between "death toll" and its figure ("the death toll
/// from a bomb blast on a crowded bus convoy outside Aleppo reached 112").
const TOLL_REACH: usize = 30;

/// "The death toll from the blast rose to at least 112 people": the event's own updated toll.
/// A war-wide toll never gets here: sentences with a total cue ("of the war", "since 2011")
/// are skipped.
fn find_death_toll(v: &Vocab, words: &[Word<'_>], i: usize) -> Option<Found> {
    if words[i].text != "toll" || i == 0 || words[i - 1].text != "death" {
        return None;
    }
    let mut k = i + 1;
    while k < words.len() && k <= i + TOLL_REACH {
        if let Some(verb) = v.toll_verbs.word_seqs().find(|verb| {
            words
                .get(k..k + verb.len())
                .is_some_and(|ws| ws.iter().zip(verb.iter()).all(|(w, t)| w.text == &**t))
        }) {
            let at = k + verb.len();
            if let Some(count) = words.get(at..).and_then(|r| read_count(v, r)) {
                return Some(toll_at(v, words, at, count.value, at + count.words));
            }
        }
        if let Some(count) = read_count(v, &words[k..]) {
            // "in the past 24 hours": a span of time or distance, read past.
            if words
                .get(k + count.words)
                .is_some_and(|w| v.not_people_after_count.contains(w.text))
            {
                k += count.words + 1;
                continue;
            }
            // "Death toll from Aleppo bomb attack at least 112": a hedged figure is the toll;
            // a bare one belongs to something else ("the toll in 2016 was").
            let hedged = count.words > 1 && words[k].text.parse::<u32>().is_err();
            return hedged.then(|| toll_at(v, words, k, count.value, k + count.words));
        }
        k += 1;
    }
    None
}

fn toll_at(v: &Vocab, words: &[Word<'_>], first: usize, count: u32, end: usize) -> Found {
    match group_at(v, words, end) {
        Some((g, last)) => (count, first, last, g, "casualty:death-toll", Harm::Killed),
        None => (
            count,
            first,
            end - 1,
            VictimGroup::People,
            "casualty:death-toll",
            Harm::Killed,
        ),
    }
}

/// The count of `harm` at word `i`, if any; `here` is [`read_victims`] of `words[i..]`.
fn find_harm_at(
    v: &Vocab,
    words: &[Word<'_>],
    i: usize,
    harm: Harm,
    here: Option<crate::numbers::Count>,
) -> Option<Found> {
    let w = words[i].text;
    // "killing 12 soldiers", "killed at least 8 civilians", "killing one man".
    if harm.is_verb_before(v, w) {
        let count = read_victims(v, &words[i + 1..])?;
        let at = i + 1 + count.words;
        // "Three civilians killed, 12 others injured": the count after the verb is the
        // subject of the next harm, not the object of this one.
        let after_group = group_at(v, words, at).map_or(at, |(_, k)| k + 1);
        if words
            .get(skip_auxiliaries(v, words, after_group))
            .is_some_and(|n| harm.other().words_after(v).contains(n.text))
        {
            return None;
        }
        if let Some((g, k)) = group_at(v, words, at) {
            return Some((count.value, i + 1, k, g, "casualty:verb-count", harm));
        }
        // "killing 12", "kill eight White Helmets volunteers": the dead are people.
        if words
            .get(at)
            .is_none_or(|n| !v.not_people_after_count.contains(n.text))
        {
            return Some((
                count.value,
                i + 1,
                at - 1,
                VictimGroup::People,
                "casualty:verb-count",
                harm,
            ));
        }
        return None;
    }
    // "left 9 dead", "left 9 people dead".
    if w == "left" && harm == Harm::Killed {
        let count = read_victims(v, &words[i + 1..])?;
        let mut at = i + 1 + count.words;
        let mut group = VictimGroup::People;
        if let Some((g, k)) = group_at(v, words, at) {
            group = g;
            at = k + 1;
        }
        if words.get(at).is_some_and(|n| n.text == "dead") {
            return Some((
                count.value,
                i + 1,
                at - 1,
                group,
                "casualty:left-dead",
                harm,
            ));
        }
        return None;
    }
    // "12 soldiers were killed", "15 people died", "nine killed".
    if is_part_of_date(v, words, i) {
        return None;
    }
    let count = here?;
    let at = i + count.words;
    let (group, mut last, mut next) = match group_at(v, words, at) {
        Some((g, k)) => (g, k, k + 1),
        None => (VictimGroup::People, at - 1, at),
    };
    // "38 members of government forces were killed": the group's "of" phrase is part of the
    // victims, up to the verb.
    if let Some(end) = of_phrase_before_verb(v, words, next, harm) {
        last = end - 1;
        next = end;
    }
    // "53 civilians including 21 children perished": the breakdown sits before the verb.
    if words
        .get(next)
        .is_some_and(|n| v.subset_cues.contains(n.text))
    {
        next = skip_breakdown(v, words, next + 1).unwrap_or(next);
    }
    // "A child and a woman were killed", "12 soldiers and 5 civilians died": the verb follows
    // the last of the coordinated counts, which the caller reads as coordinated.
    if words.get(next).is_some_and(|w| w.text == "and") {
        next = skip_breakdown(v, words, next + 1).unwrap_or(next);
    }
    let mut next = skip_auxiliaries(v, words, next);
    // "Five children were among those killed", "two women were among the dead".
    if words.get(next).is_some_and(|w| w.text == "among")
        && words
            .get(next + 1)
            .is_some_and(|w| matches!(w.text, "those" | "the"))
    {
        next += 2;
    }
    // "were killed", and "were shot dead", "were hacked to death" (the lexicon's
    // death_phrases).
    let killed_so = harm == Harm::Killed && killing_verb(v, words.get(next..).unwrap_or(&[])) > 1;
    if killed_so
        || words
            .get(next)
            .is_some_and(|n| harm.words_after(v).contains(n.text))
    {
        // "five workers were also killed": more dead, not the toll told again.
        let more = words
            .get(last + 1..next)
            .is_some_and(|ws| ws.iter().any(|w| v.another_cues.contains(w.text)));
        let rule = if more {
            "casualty:count-more"
        } else {
            "casualty:count-verb"
        };
        return Some((count.value, i, last, group, rule, harm));
    }
    // "three others sustained serious injuries", "two men received bullet wounds".
    if harm == Harm::Injured && injury_got(v, words.get(next..).unwrap_or_default()) {
        return Some((count.value, i, last, group, "casualty:count-injury", harm));
    }
    None
}

/// Words that may name an injury's kind between its verb and the wound: "sustained severe
/// burn injuries".
const INJURY_KIND_REACH: usize = 3;

/// Whether `words` open with an injury the people before them got (the lexicon's
/// `injury_words`): a verb ("sustained", "suffered", "received"), at most
/// [`INJURY_KIND_REACH`] words of its kind, and the wound ("injuries", "wounds"). "Suffered no
/// injuries" tells none; a phrase that ends first ("received treatment in hospital") neither.
fn injury_got(v: &Vocab, words: &[Word<'_>]) -> bool {
    let Some((verb, rest)) = words.split_first() else {
        return false;
    };
    if !v.injury_verbs.contains(verb.text) {
        return false;
    }
    for w in rest.iter().take(INJURY_KIND_REACH + 1) {
        if v.injury_wounds.contains(w.text) {
            return true;
        }
        if v.injury_denials.contains(w.text) || v.victim_phrase_ends.contains(w.text) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(u32, &'static str, bool, String)> {
        find_all(text)
            .into_iter()
            .filter(|c| c.harm == Harm::Killed)
            .map(|c| {
                (
                    c.count,
                    c.group.as_str(),
                    c.subset,
                    c.span.slice(text).to_string(),
                )
            })
            .collect()
    }

    fn find_all(text: &str) -> Vec<Casualty> {
        let f = Folded::new(text);
        let s = vec![Sentence::covering(text)];
        find_casualties(Vocab::embedded(), text, &f, &s)
    }

    #[test]
    fn counts_since_a_month_or_year_are_running_totals() {
        assert!(
            find("600 people have been killed in air strikes since September 2014.").is_empty()
        );
        assert!(find("Strikes since 21 May have killed 229 civilians.").is_empty());
        assert!(find("Since 2012 more than 100 were killed in the town.").is_empty());
        // A battle's toll over days stands.
        assert_eq!(
            find("30 soldiers were killed in battles since Wednesday.").len(),
            1
        );
        // "since" before anything but a date leaves the toll standing.
        assert_eq!(
            find("30 soldiers were killed since the offensive began.").len(),
            1
        );
    }

    #[test]
    fn one_victim_named_without_a_number_counts_one() {
        for text in [
            "A local leader of the ruling party was hacked to death in the market.",
            "The drug trafficker was killed during the exchange of fire.",
            "He was reportedly shot dead on the spot.",
            "Jacob Mwangi, a lawyer, has been found murdered near his home.",
        ] {
            let got = find(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, 1, "{text}");
        }
        // A fighter anywhere in the subject makes the victim one.
        let got = find("Abu Khalid, leader of the rebel group, was killed in the ambush.");
        assert_eq!(got[0].1, "combatants");
        // Denied, recalled in a relative clause, or counted already: nothing more.
        assert!(find("No one was killed in the attack.").is_empty());
        assert!(find("Nobody was hurt or killed.").is_empty());
        assert!(find("Relatives of a woman who was killed last year held a vigil.").is_empty());
        // "to death" after one person named with "a".
        let got = find("Villagers beat a suspected cattle thief to death on Monday.");
        assert_eq!(
            (got[0].0, got[0].3.as_str()),
            (1, "a suspected cattle thief to death")
        );
        assert!(find("The court sentenced a former minister to death.").is_empty());
        // A count before "were shot dead" (the lexicon's death_phrases).
        let got = find("Two men were shot dead by gunmen in the market.");
        assert_eq!((got[0].0, got[0].3.as_str()), (2, "Two men"));
        // A clause opened further back tells the death itself.
        let got = find("Police are investigating the raid in which the MP was killed.");
        assert_eq!(got.len(), 1);
        assert!(find("The convoy was attacked near the bridge.").is_empty());
        // Dying, told of one person: a pronoun, or "the" and a noun not in the plural.
        for text in [
            "The driver later died in hospital.",
            "He died of his wounds on Monday.",
            "The 14-year-old boy succumbed to his injuries.",
        ] {
            assert_eq!(find(text).len(), 1, "{text}");
        }
        assert!(find("The soldiers died in the blast.").is_empty());
        assert!(find("The villagers died later.").is_empty());
        assert!(find("It is the town where more people died than anywhere else.").is_empty());
        assert!(find("The protests had just died down.").is_empty());
        // A verb also said of things needs a person as its subject.
        assert!(find("The plan has been executed.").is_empty());
        assert_eq!(find("The prisoner was executed at dawn.").len(), 1);
        let got = find("Two soldiers were killed and one was shot dead later.");
        assert_eq!(got.iter().map(|c| c.0).sum::<u32>(), 3, "{got:?}");
    }

    #[test]
    fn counts_among_the_dead() {
        let got = find("Five children were among those killed in the raids.");
        assert_eq!(got[0].0, 5);
        assert_eq!(got[0].1, "children");
        assert_eq!(find("Two women were among the dead.")[0].0, 2);
        assert!(find("Two women were among the crowd.").is_empty());
    }

    #[test]
    fn injured_counts() {
        let got =
            find_all("Shelling killed one man and wounded 20 others; 5 children were injured.");
        let injured: Vec<(u32, &str)> = got
            .iter()
            .filter(|c| c.harm == Harm::Injured)
            .map(|c| (c.count, c.group.as_str()))
            .collect();
        assert_eq!(injured, vec![(20, "people"), (5, "children")]);
        assert_eq!(
            find("Shelling killed one man and wounded 20 others.").len(),
            1
        );
    }

    #[test]
    fn a_count_of_the_dead_themselves_counts_the_killed() {
        assert_eq!(
            find("2 fatalities."),
            [(2, "people", false, "2 fatalities".into())]
        );
        assert_eq!(find("Fifteen bodies were found near the road.")[0].0, 15);
        assert_eq!(
            find("Police clashed with gunmen, resulting in one fatality.")[0].0,
            1
        );
        assert_eq!(
            find("The clashes caused two civilian deaths.")[0].1,
            "civilians"
        );
        // "The bodies of": its "of" phrase counts them.
        assert_eq!(find("The bodies of two men were found.")[0].0, 2);
        // A death sentence is no death.
        assert!(find("Two death sentences were handed down.").is_empty());
    }

    #[test]
    fn an_injury_the_counted_people_got_counts_them_injured() {
        let injured = |text: &str| -> Vec<u32> {
            find_all(text)
                .iter()
                .filter(|c| c.harm == Harm::Injured)
                .map(|c| c.count)
                .collect()
        };
        assert_eq!(injured("Three others sustained serious injuries."), [3]);
        assert_eq!(injured("Two men received bullet wounds in the raid."), [2]);
        assert_eq!(
            injured("Four villagers suffered severe burn injuries."),
            [4]
        );
        // Denied, or no wound after the verb: nothing.
        assert!(injured("Two soldiers suffered no injuries.").is_empty());
        assert!(injured("Five people received treatment in hospital.").is_empty());
        // The one dead beside them still counts.
        let got = find("A young man was shot dead and two others sustained bullet wounds.");
        assert_eq!(got.iter().map(|c| c.0).sum::<u32>(), 1, "{got:?}");
    }

    #[test]
    fn common_phrasings() {
        assert_eq!(find("IS attacked the base, killing 12 soldiers.")[0].0, 12);
        assert_eq!(
            find("IS attacked the base, killing 12 soldiers.")[0].3,
            "12 soldiers"
        );
        assert_eq!(
            find("At least 15 people were killed in the market.")[0].0,
            15
        );
        assert_eq!(
            find("At least 15 people were killed in the market.")[0].1,
            "people"
        );
        assert_eq!(find("The strike killed five children.")[0].1, "children");
        assert_eq!(
            find("Kurdish fighters kill 30 Daesh terrorist in Afrin.")[0].1,
            "combatants"
        );
        assert_eq!(
            find("The group executed at least 19 men at an oil field.")[0].0,
            19
        );
        assert_eq!(
            find("Three citizens were martyred in the bombing.")[0].1,
            "civilians"
        );
        assert_eq!(find("The blast left 9 dead.")[0].0, 9);
        assert_eq!(find("Dozens of civilians were reportedly killed.")[0].0, 12);
        let got = find("Strikes killed 14 civilians, including five children.");
        assert_eq!(got.len(), 2);
        assert!(got[1].2);
        assert_eq!(
            find("Air strikes kill eight White Helmets volunteers.")[0].0,
            8
        );
        assert_eq!(find("Regime air raids kill 42 near the capital.")[0].0, 42);
        let got = find("Ten children were among at least 48 people killed in the village.");
        assert_eq!((got[0].0, got[0].2), (48, false));
        let got = find("At least 10 people including women and children have been killed.");
        assert_eq!((got[0].0, got[0].1), (10, "people"));
        let got = find("At least 53 civilians including 21 children perished when strikes hit.");
        assert_eq!((got[0].0, got[0].1), (53, "civilians"));
        let got = find("Fighting killed at least four SDF fighters and three rebels.");
        assert_eq!(
            got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(),
            vec![(4, "combatants"), (3, "combatants")]
        );
    }

    #[test]
    fn the_day_of_a_date_is_no_count() {
        // "On July 28, gendarmes shot dead a suspect": 28 is the day, not 28 gendarmes.
        assert!(find("On July 28, gendarmes shot dead an unarmed suspect.")
            .iter()
            .all(|c| c.0 != 28));
        assert!(find("On March 3 police killed two protesters.")
            .iter()
            .all(|c| c.0 != 3));
        // The day before its month: "07 May: ..." counts no seven residents.
        let found = find("07 May: residents of the village killed two people.");
        assert!(found.iter().all(|c| c.0 != 7), "{found:?}");
        // A count that follows a day with a year between is still a count, and so is one
        // after a month that already has its day.
        let found = find("On 3 March 2021, 12 soldiers were killed.");
        assert!(found.iter().any(|c| c.0 == 12), "{found:?}");
        let found = find("12 Sep. 4 killed by armed men in the delta.");
        assert!(found.iter().any(|c| c.0 == 4), "{found:?}");
        // The year of "October 19, 2019", which follows the day.
        let found = find("On October 19, 2019, militants killed five people.");
        assert!(found.iter().all(|c| c.0 != 2019), "{found:?}");
        assert!(found.iter().any(|c| c.0 == 5), "{found:?}");
    }

    #[test]
    fn an_age_is_no_count() {
        let got = find("A 19-year-old student was shot dead in the market.");
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![1]);
        let got = find("Two 12-year-old boys were killed when the shell hit.");
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![2]);
        // Any victim noun counts one after "a": "a council member was killed".
        let got = find("Gunmen killed a council member in the town.");
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn traps_are_not_counts() {
        assert!(
            find("Since the war began in 2011, more than 400,000 people have been killed.")
                .is_empty()
        );
        assert!(find("The town, 10 kilometres from Aleppo, has 200,000 people.").is_empty());
        assert!(find("In 2015 the group was killed off.").is_empty());
        assert!(find("Twenty soldiers arrived.").is_empty());
        assert!(find("The blast was heard killing 3 km away.").is_empty());
        // Animals killed are no toll.
        assert!(find("Raiders killed 25 heads of cattle in the village.").is_empty());
        assert!(find("Gunmen shot dead 30 cows.").is_empty());
        let got = find("05-05-2016 Several Syrians Killed Injured in Homs Suicide Blasts.");
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![10]);
        let got = find("AFP Monday 17 Mar 2014 Six people were killed by a car bomb.");
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![6]);
        // A year after "in" is the subject's date, not the dead.
        let got = find("The bombing of the market in 2013 killed 30 people.");
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![30]);
        assert!(
            find("The uprising that began with protests in 2011 has killed 9 people.")
                .iter()
                .all(|g| g.0 != 2011)
        );
    }

    #[test]
    fn adverbs_inside_the_verb() {
        let got = find("Hundreds of Alawite civilians have brutally been killed in Latakia.");
        assert_eq!(
            got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(),
            vec![(100, "civilians")]
        );
        let got = find("Five civilians were deliberately shot dead.");
        assert_eq!(
            got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(),
            vec![(5, "civilians")]
        );
    }

    #[test]
    fn killings_of_a_counted_group() {
        let got = find("IS published a video showing the execution of 17 young men from Tibni.");
        assert_eq!(got, vec![(17, "people", false, "17 young men".to_string())]);
        let got = find("They condemned the killing of 12 civilians in Idlib.");
        assert_eq!(
            got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(),
            vec![(12, "civilians")]
        );
        assert!(find("The massacre of 2013 is remembered.").is_empty());
    }

    #[test]
    fn groups_with_an_of_phrase() {
        let got = find("38 members of government forces were killed in the blast.");
        assert_eq!(
            got,
            vec![(
                38,
                "combatants",
                false,
                "38 members of government forces".to_string()
            )]
        );
        let got = find("Twelve members of one family were killed in the raid.");
        assert_eq!(
            got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(),
            vec![(12, "civilians")]
        );
        // "of" then a place is no part of the victims' phrase.
        assert!(find("Five members of the council in Idlib were killed.").is_empty());
        // The count after its verb, too.
        let got = find("Gunmen killed seven members of the Tuareg community near Menaka.");
        assert_eq!(
            got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(),
            vec![(7, "civilians")]
        );
    }

    #[test]
    fn earlier_events_lend_no_toll() {
        assert!(find(
            "Four medics were wounded when a strike hit a clinic just days after dozens of \
             aid workers were killed."
        )
        .is_empty());
        assert!(find(
            "The evacuation resumed on Wednesday days after a bombing killed more than 120 \
             evacuees."
        )
        .is_empty());
        assert_eq!(
            find("Two days after the truce strikes killed 20 people in Idlib.")[0].0,
            20
        );
    }

    #[test]
    fn death_tolls() {
        let got = find(
            "The death toll from a bomb blast on a crowded bus convoy outside Aleppo \
             reached at least 112 people, the Observatory said.",
        );
        assert_eq!(
            got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(),
            vec![(112, "people")]
        );
        assert_eq!(
            find("Death toll from Aleppo bomb attack rises to 112.")[0].0,
            112
        );
        // A long description of the attacks, with a span of hours read past.
        let got = find(
            "The death toll from the shelling attacks launched by al-Nusra terrorists on \
             neighbourhoods in areas in Aleppo province in the past 24 hours has reached 20 \
             people.",
        );
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![20]);
        assert_eq!(
            find("Death toll from Aleppo bomb attack at least 112.")[0].0,
            112
        );
        assert!(find("The death toll in 2016 was lower.").is_empty());
        let got = find(
            "The death toll from the shelling attacks launched by terrorists on neighborhoods \
             in Aleppo province in the past 24 hours has reached 20 people.",
        );
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![20]);
        assert_eq!(
            find("The death toll rose to 51 civilians.")[0].1,
            "civilians"
        );
        assert!(find("The death toll of the war has reached 400,000.").is_empty());
        assert!(find("The death toll was not known.").is_empty());
    }

    #[test]
    fn coordinated_subjects() {
        let counts = |text: &str| -> Vec<(u32, &'static str)> {
            find(text).into_iter().map(|c| (c.0, c.1)).collect()
        };
        assert_eq!(
            counts("A child and a woman were killed and seven others were injured by rockets."),
            vec![(1, "children"), (1, "women")]
        );
        assert_eq!(
            counts("12 soldiers and 5 civilians died in the attack."),
            vec![(12, "combatants"), (5, "civilians")]
        );
        // No verb of harm after the coordination: no toll.
        assert!(counts("12 soldiers and 5 civilians fled the town.").is_empty());
    }

    #[test]
    fn tolls_no_event_reaches_are_war_totals() {
        assert!(
            find("More than 170,000 people have been killed in the three-year conflict.")
                .is_empty()
        );
        assert!(find_all("The conflict has injured 1.9 million others.").is_empty());
        assert_eq!(find("The chemical attack killed 1,400 people.")[0].0, 1400);
    }

    #[test]
    fn war_torn_is_no_war_total() {
        let got = find("Shelling left 11 people dead in several districts of the war-torn city.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, 11);
        assert!(
            find("Shelling has left 11,000 people dead in the city since the war began.")
                .is_empty()
        );
    }

    #[test]
    fn killed_then_injured_without_commas() {
        // Headlines and comma-stripped text: the second count is the injured, not the killed.
        for text in [
            "Eight Civilians Killed 14 Injured in Bombing in Damascus.",
            "Three civilians killed, 12 others injured in attacks on the city.",
            "Three killed over 70 injured in shelling of the city.",
            "3 Civilians Killed 38 Injured in Terrorist Rocket Attacks in Deir Ezzor.",
            "The death toll from the twin blasts rose to 8 and more than 115 wounded persons.",
            "Eight people including a woman and child were killed and 20 injured in the shelling.",
        ] {
            let got = find_all(text);
            let killed: Vec<u32> = got
                .iter()
                .filter(|c| c.harm == Harm::Killed && !c.subset)
                .map(|c| c.count)
                .collect();
            let injured: Vec<u32> = got
                .iter()
                .filter(|c| c.harm == Harm::Injured)
                .map(|c| c.count)
                .collect();
            assert_eq!(killed.len(), 1, "{text}: {got:?}");
            assert!(killed[0] <= 8, "{text}: {got:?}");
            assert!(killed[0] >= 1, "{text}: {got:?}");
            assert_eq!(injured.len(), 1, "{text}: {got:?}");
            assert!(injured[0] >= 12, "{text}: {got:?}");
        }
    }
}
