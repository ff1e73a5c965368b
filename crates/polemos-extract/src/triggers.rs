//! The trigger lexicon: words and phrases that report violence, typed in ACLED, CAMEO and PLOVER.

use polemos_core::{Span, SubEventType};

use crate::context::{next_words, previous_words, sentence_of};
use crate::fold::Folded;
use crate::joint::Keyed;
use crate::lexicon::Vocab;
use crate::matcher::{DictMatcher, Hit};
use crate::tsv::parse_rows;
use crate::ResourceError;

/// Part of speech of a trigger, which decides where its arguments stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerPos {
    Verb,
    Noun,
    /// A find of the dead ("bodies were found", "found dead"): who found them is no party to
    /// the violence, so the words around name neither its agent nor its target.
    Discovery,
}

/// The sub-event type a trigger reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerType {
    Fixed(SubEventType),
    /// A change of territory: typed by who took it.
    Territory,
}

impl TriggerType {
    /// The sub-event type to compare kinds by; a change of territory is a battle either way.
    pub fn kind(self) -> SubEventType {
        match self {
            TriggerType::Fixed(kind) => kind,
            TriggerType::Territory => SubEventType::GovernmentRegainsTerritory,
        }
    }
}

/// One trigger family of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub id: String,
    pub pos: TriggerPos,
    pub sub_event_type: TriggerType,
    pub if_civilians: Option<SubEventType>,
    pub method: Option<String>,
    pub cameo: Option<String>,
    pub plover: Option<String>,
    pub fallback: bool,
    pub generic: bool,
    /// Only a trigger when ground follows as its object ("took al-Malah farms", "captured the
    /// town"; not "captured two thieves").
    pub needs_place: bool,
    /// Only a trigger when the claim it presses follows in its sentence (`protest_causes`:
    /// "blocked the highway demanding ..."; not "soldiers blocked access to the valley").
    pub needs_cause: bool,
}

/// A trigger found in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerMatch {
    pub sentence: u32,
    pub span: Span,
    /// Folded byte range, for looking at the words around it.
    pub folded: (usize, usize),
    pub trigger: usize,
}

/// The trigger lexicon with its matcher.
#[derive(Debug, Clone)]
pub struct TriggerLexicon {
    triggers: Vec<Trigger>,
    matcher: DictMatcher<usize>,
}

impl TriggerLexicon {
    /// Loads the lexicon from the TSV format of `data/triggers/triggers.tsv`.
    pub fn from_tsv(file: &str, text: &str) -> Result<Self, ResourceError> {
        let mut header = Vec::new();
        let rows = parse_rows(
            file,
            text,
            &mut header,
            &[
                "id",
                "patterns",
                "pos",
                "sub_event_type",
                "if_civilians",
                "method",
                "cameo",
                "plover",
            ],
        )?;
        let mut triggers = Vec::with_capacity(rows.len());
        let mut patterns = Vec::new();
        for row in &rows {
            let sub = row.require("sub_event_type")?;
            let sub_event_type = if sub == "territory" {
                TriggerType::Territory
            } else {
                TriggerType::Fixed(
                    SubEventType::parse(sub)
                        .ok_or_else(|| row.error(format!("unknown sub_event_type `{sub}`")))?,
                )
            };
            let if_civilians = match row.get("if_civilians") {
                "" => None,
                s => Some(
                    SubEventType::parse(s)
                        .ok_or_else(|| row.error(format!("unknown if_civilians `{s}`")))?,
                ),
            };
            let pos = match row.require("pos")? {
                "verb" => TriggerPos::Verb,
                "noun" => TriggerPos::Noun,
                "discovery" => TriggerPos::Discovery,
                other => return Err(row.error(format!("unknown pos `{other}`"))),
            };
            let opt = |c: &str| Some(row.get(c)).filter(|s| !s.is_empty()).map(String::from);
            let id = triggers.len();
            for p in row.list("patterns") {
                patterns.push((p.to_string(), id));
            }
            triggers.push(Trigger {
                id: row.require("id")?.to_string(),
                pos,
                sub_event_type,
                if_civilians,
                method: opt("method"),
                cameo: opt("cameo"),
                plover: opt("plover"),
                fallback: row.get("fallback") == "yes",
                generic: row.get("generic") == "yes",
                needs_place: row.get("needs_place") == "yes",
                needs_cause: row.get("needs_cause") == "yes",
            });
        }
        Ok(TriggerLexicon {
            triggers,
            matcher: DictMatcher::new(patterns)?,
        })
    }

    /// The lexicon embedded in the library.
    pub fn embedded() -> Result<Self, ResourceError> {
        TriggerLexicon::from_tsv("data/triggers/triggers.tsv", crate::data::TRIGGERS)
    }

    pub fn get(&self, id: usize) -> Option<&Trigger> {
        self.triggers.get(id)
    }

    /// The first family of sub-event type `kind`: the codes an event retyped so takes.
    pub fn family_of(&self, kind: SubEventType) -> Option<&Trigger> {
        self.triggers
            .iter()
            .find(|t| t.sub_event_type == TriggerType::Fixed(kind))
    }

    /// The looting verb family marked fallback and generic, which captures of goods are read
    /// as: beside a killing, such a capture is part of the attack.
    fn capture_of_goods_family(&self) -> Option<usize> {
        self.triggers.iter().position(|t| {
            t.sub_event_type == TriggerType::Fixed(SubEventType::LootingPropertyDestruction)
                && t.pos == TriggerPos::Verb
                && t.fallback
                && t.generic
        })
    }

    /// The index of the family of peaceful protests, which strikes of workers join.
    fn protest_family(&self) -> Option<usize> {
        self.triggers.iter().position(|t| {
            t.sub_event_type == TriggerType::Fixed(SubEventType::PeacefulProtest)
                && t.pos == TriggerPos::Noun
        })
    }

    pub fn len(&self) -> usize {
        self.triggers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.triggers.is_empty()
    }

    /// Chooses among the families a phrase belongs to: words that are both noun and verb
    /// ("attack", "shelling") read as nouns after a determiner or preposition ("an attack",
    /// "in attack") or where no object follows ("ISIS kills 50 in central Syria attack."), as
    /// verbs otherwise; else the first family listed wins.
    fn choose(
        &self,
        v: &Vocab,
        folded: &Folded,
        start: usize,
        end: usize,
        families: &[usize],
    ) -> Option<usize> {
        let first = *families.first()?;
        let wanted = if previous_words(folded, start, 1)
            .first()
            .is_some_and(|w| v.noun_context.contains(w))
            || takes_no_object(folded, end)
        {
            TriggerPos::Noun
        } else {
            TriggerPos::Verb
        };
        Some(
            families
                .iter()
                .copied()
                .find(|&f| self.triggers.get(f).is_some_and(|t| t.pos == wanted))
                .unwrap_or(first),
        )
    }

    /// Finds triggers in a document's sentences.
    pub fn find(&self, folded: &Folded, sentences: &[polemos_core::Sentence]) -> Vec<TriggerMatch> {
        self.find_from_hits(
            Vocab::embedded(),
            folded,
            self.matcher.find(folded),
            sentences,
        )
    }

    /// The lexicon's matcher, for walking it with others ([`crate::joint::JointMatcher`]).
    pub(crate) fn keyed(&self) -> &dyn Keyed {
        &self.matcher
    }

    /// [`TriggerLexicon::find`] from the hits of its matcher, found beforehand.
    pub(crate) fn find_from_hits(
        &self,
        v: &Vocab,
        folded: &Folded,
        hits: Vec<Hit>,
        sentences: &[polemos_core::Sentence],
    ) -> Vec<TriggerMatch> {
        hits.into_iter()
            .filter_map(|hit| {
                let span = folded.original_span(hit.start, hit.end);
                let sentence = sentence_of(sentences, span)?;
                let mut trigger =
                    self.choose(v, folded, hit.start, hit.end, self.matcher.values(hit.key))?;
                // "Teachers began an unlimited strike": a protest, not an air strike.
                if work_stoppage(v, folded, (hit.start, hit.end)) {
                    if let Some(protest) = self.protest_family() {
                        trigger = protest;
                    }
                }
                // Where the trigger's sentence ends, in folded bytes: looked up only for the
                // families that read the words after them.
                let sentence_end = || {
                    sentences
                        .get(sentence as usize)
                        .filter(|s| s.index == sentence)
                        .map_or(hit.end, |s| folded.folded_offset(s.span.end))
                };
                let family = self.triggers.get(trigger)?;
                if family.needs_cause
                    && !folded
                        .words_iter(hit.end, sentence_end())
                        .any(|w| v.protest_causes.contains(w.text))
                {
                    return None;
                }
                // What a capture verb took: ground is territory, goods are loot ("militants
                // seized nine goats"), other things no event of their own.
                if family.sub_event_type == TriggerType::Territory {
                    match taken(v, folded, hit.end, sentence_end()) {
                        Taken::Loot => trigger = self.capture_of_goods_family().unwrap_or(trigger),
                        Taken::Thing => return None,
                        Taken::Other => {}
                    }
                }
                if self.triggers.get(trigger)?.pos == TriggerPos::Noun
                    && names_a_thing(v, folded, hit.end)
                {
                    return None;
                }
                if names_membership(v, folded, hit.start, hit.end)
                    || shows_something(v, folded, hit.start, hit.end)
                    || weapons_held_not_used(v, folded, hit.start, hit.end)
                    || snipers_doing_nothing(v, folded, hit.start, hit.end)
                {
                    return None;
                }
                Some(TriggerMatch {
                    sentence,
                    span,
                    folded: (hit.start, hit.end),
                    trigger,
                })
            })
            .collect()
    }
}

/// How many words after a capture trigger what it took is looked for in: "seized his
/// livestock", "seized forty head of cattle".
const OBJECT_REACH: usize = 4;

/// What a capture verb took, by the words after it.
enum Taken {
    /// Goods, animals, vehicles (`looted_things`).
    Loot,
    /// Other things that are no ground (`seized_things`).
    Thing,
    /// Ground, people, or nothing the lexicon knows.
    Other,
}

/// What the capture trigger ending at folded `end` took: the first of `looted_things` or
/// `seized_things` among the [`OBJECT_REACH`] words after it, before `sentence_end`.
fn taken(v: &Vocab, folded: &Folded, end: usize, sentence_end: usize) -> Taken {
    for w in folded.words_iter(end, sentence_end).take(OBJECT_REACH) {
        if v.looted_things.contains(w.text) {
            return Taken::Loot;
        }
        if v.seized_things.contains(w.text) {
            return Taken::Thing;
        }
    }
    Taken::Other
}

/// How many words on each side of a strike a labour cue may stand.
const LABOUR_REACH: usize = 4;

/// Whether the event word at folded `(start, end)` is a strike of workers: one of
/// `work_stoppage_words` right after "on" or with a labour cue within [`LABOUR_REACH`] words
/// ("went on strike", "a general strike", "teachers began an unlimited strike over salaries";
/// not "workers dig out the dead after a regime strike on Aleppo").
fn work_stoppage(v: &Vocab, folded: &Folded, (start, end): (usize, usize)) -> bool {
    let word = folded.text.get(start..end).unwrap_or("");
    if !v.work_stoppage_words.contains(word) {
        return false;
    }
    let before = previous_words(folded, start, LABOUR_REACH);
    let after = next_words(folded, end, LABOUR_REACH);
    before.first() == Some(&"on")
        || before
            .iter()
            .chain(after.iter())
            .any(|w| *w != "on" && v.labour_cues.contains(w))
}

/// Whether a word ends its sentence or is followed by "on": "attack" there is the noun ("in
/// central Syria attack.", "the rebel attack on Hama"), as a verb it would take an object.
fn takes_no_object(folded: &Folded, end: usize) -> bool {
    let tail = folded.text.get(end..).unwrap_or("");
    let rest = tail.trim_start_matches(' ');
    rest.is_empty()
        || rest.starts_with(['.', '!', '?'])
        || next_words(folded, end, 1).first() == Some(&"on") && rest.starts_with("on ")
}

/// Whether a noun trigger only modifies the noun after it ("raid on Syria chemical attack
/// town").
fn names_a_thing(v: &Vocab, folded: &Folded, end: usize) -> bool {
    next_words(folded, end, 1)
        .first()
        .is_some_and(|w| v.described_nouns.contains(w))
}

/// Whether "fighting" says whose side someone is on rather than reports a battle: "jihadists
/// fighting for the Nusra Front", "militias fighting alongside the army".
fn names_membership(v: &Vocab, folded: &Folded, start: usize, end: usize) -> bool {
    folded.text.get(start..end) == Some("fighting")
        && next_words(folded, end, 1)
            .first()
            .is_some_and(|w| v.membership_words.contains(w))
}

/// Whether "demonstration" means a showing: "a demonstration of the fragile state of the
/// zones", "a demonstration of its power"; a protest is "a demonstration against", "of
/// thousands".
fn shows_something(v: &Vocab, folded: &Folded, start: usize, end: usize) -> bool {
    let next = next_words(folded, end, 2);
    folded.text.get(start..end) == Some("demonstration")
        && next.first() == Some(&"of")
        && next.get(1).is_some_and(|w| v.showing_words.contains(w))
}

/// Whether a weapon's name is held, dealt with or disposed of in the text rather than used:
/// "a plan to eliminate Syria's chemical weapons", "the chemical weapons agreement".
fn weapons_held_not_used(v: &Vocab, folded: &Folded, start: usize, end: usize) -> bool {
    let named = folded.text.get(start..end).unwrap_or("");
    if !v.weapon_names.texts().any(|w| w == named) {
        return false;
    }
    let after = next_words(folded, end, 1);
    let before = previous_words(folded, start, 3);
    after.first().is_some_and(|w| v.stock_nouns.contains(w))
        || before.iter().any(|w| v.disposal_words.contains(w))
}

/// How many words either side of "sniper(s)" the harm may stand.
const SNIPER_REACH: usize = 4;

/// Whether "sniper(s)" names only the gunmen, not a shooting: "areas exposed to the regime's
/// snipers" reports none.
fn snipers_doing_nothing(v: &Vocab, folded: &Folded, start: usize, end: usize) -> bool {
    if !folded
        .text
        .get(start..end)
        .is_some_and(|w| v.sniper_words.contains(w))
    {
        return false;
    }
    let near = |w: &&str| v.sniper_harm_words.contains(w);
    !(previous_words(folded, start, SNIPER_REACH).iter().any(near)
        || next_words(folded, end, SNIPER_REACH).iter().any(near))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The triggers the embedded lexicon finds in `text`, as written and by rule id.
    fn found(text: &str) -> Vec<(String, String)> {
        let lex = TriggerLexicon::embedded().unwrap();
        let f = Folded::new(text);
        let s = vec![polemos_core::Sentence::covering(text)];
        lex.find(&f, &s)
            .iter()
            .map(|m| {
                (
                    m.span.slice(text).to_string(),
                    lex.get(m.trigger).unwrap().id.clone(),
                )
            })
            .collect()
    }

    fn written(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn a_strike_of_workers_is_a_protest() {
        let id_of = |text: &str, word: &str| {
            found(text)
                .into_iter()
                .find(|(w, _)| w == word)
                .map(|(_, id)| id)
        };
        for text in [
            "Teachers began an unlimited strike over unpaid salaries.",
            "Dock workers began a strike in Mombasa.",
            "Transporters began a strike across the province.",
        ] {
            assert_eq!(
                id_of(text, "strike").as_deref(),
                Some("protest.noun"),
                "{text}"
            );
        }
        // Workers named far from it leave an air strike an air strike.
        let text = "Workers dug out the dead on Tuesday after the regime strike on Aleppo.";
        assert_eq!(id_of(text, "strike").as_deref(), Some("strike.noun"));
    }

    #[test]
    fn lexicon_loads_and_types() {
        assert!(TriggerLexicon::embedded().unwrap().len() > 25);
        let found = found("Warplanes carried out air strikes; a car bomb exploded.");
        assert_eq!(
            found
                .iter()
                .map(|(w, id)| (w.as_str(), id.as_str()))
                .collect::<Vec<_>>(),
            vec![
                ("air strikes", "airstrike.noun"),
                ("car bomb", "carbomb.noun"),
                ("exploded", "explosion.verb")
            ]
        );
    }

    #[test]
    fn weapons_held_are_no_attack() {
        assert!(written("A plan to eliminate Syria's chemical weapons was agreed.").is_empty());
        assert!(written("It set terms for the destruction of its chemical weapons.").is_empty());
        assert_eq!(
            written("Rebels must abide by the chemical weapons agreement."),
            vec!["agreement"]
        );
        assert_eq!(
            written("The regime used chemical weapons in Ghouta."),
            vec!["chemical weapons"]
        );
    }

    #[test]
    fn snipers_are_a_shooting_only_when_they_shoot() {
        assert!(
            found("Residents stay away from areas exposed to the regime's snipers.").is_empty()
        );
        assert!(found("A boy was killed by a sniper in Daraa.")
            .iter()
            .any(|(_, id)| id == "shooting.noun"));
    }

    #[test]
    fn bad_type_is_an_error() {
        let tsv = "id\tpatterns\tpos\tsub_event_type\tif_civilians\tmethod\tcameo\tplover\nx\ty\tverb\tNope\t\t\t\t\n";
        assert!(TriggerLexicon::from_tsv("t", tsv).is_err());
    }
}
