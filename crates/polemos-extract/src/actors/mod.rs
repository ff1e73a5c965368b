//! The actor dictionary: who is named in the text, as canonical actors with ACLED categories.

mod demonyms;
mod load;

pub(crate) use demonyms::keep_modifying_demonyms;
pub use load::ActorFiles;

use std::collections::HashMap;

use polemos_core::{ActorCategory, ActorRef, Span};

use crate::context::{next_words, previous_words, sentence_of};
use crate::fold::{fold_key, Folded};
use crate::joint::Keyed;
use crate::lexicon::Vocab;
use crate::matcher::{letters_equal, DictMatcher, Hit};

/// How far (folded bytes) before a generic mention ("the jihadists", "terrorists") a group's
/// name resolves it: about two sentences. Further back, the article may have moved on, and
/// the word stays generic (state media call every armed opponent "terrorists").
const NAMED_BEFORE: usize = 400;
/// How far after: "terrorists of the so-called Islamic State" names them in the same breath.
const NAMED_AFTER: usize = 80;

/// An actor of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub category: ActorCategory,
    pub country: Option<String>,
    /// A party, a party's youth or student wing, a union or a movement (kind `party` in the
    /// tables): an armed side only in what its members do; its members harmed are civilians.
    pub party: bool,
}

/// Where a country's forces are named by a template ("Police Forces of {country}"), the
/// placeholder the country's name replaces.
pub const COUNTRY_PLACEHOLDER: &str = "{country}";

/// The key of the national forces of an unknown country.
const UNKNOWN_COUNTRY: &str = "";

/// A template's name with the placeholder and the words joining it left out: "Police Forces
/// of {country}" is "Police Forces".
fn without_placeholder(template: &str) -> String {
    let words: Vec<&str> = template.split_whitespace().collect();
    let at = words.iter().position(|w| w.contains(COUNTRY_PLACEHOLDER));
    let keep = match at {
        // "of {country}": the joining word goes too.
        Some(i) if i > 0 && words[i - 1].chars().all(char::is_lowercase) => &words[..i - 1],
        Some(i) => &words[..i],
        None => &words[..],
    };
    keep.join(" ")
}

/// The forces each state template names for the country `code` called `name`, in template
/// order: "Police Forces of Kenya"; for the unknown country, the templates without the
/// placeholder ("Police Forces").
fn national_actors<'t>(
    templates: &'t [String],
    code: &'t str,
    name: &'t str,
) -> impl Iterator<Item = Actor> + 't {
    templates.iter().map(move |template| {
        if code == UNKNOWN_COUNTRY {
            Actor {
                name: without_placeholder(template),
                category: ActorCategory::StateForces,
                country: None,
                party: false,
            }
        } else {
            Actor {
                name: template.replace(COUNTRY_PLACEHOLDER, name),
                category: ActorCategory::StateForces,
                country: Some(code.to_string()),
                party: false,
            }
        }
    })
}

/// How a generic term is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Resolve {
    /// The state forces of the article's country: the dictionary's own state actor of that
    /// country, else the forces the row's name template (an index into `templates`) names.
    State(Option<usize>),
    /// The first of these actors the article names, else the row's own actor, if any.
    FirstNamed(Vec<String>, Option<usize>),
}

/// What an alias stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum AliasTarget {
    Named(usize),
    Generic(Resolve),
    /// A state's bare demonym ("Russian"): an actor only as the modifier of an event noun
    /// ("Russian air strikes"), which the pipeline checks once triggers are known.
    Demonym(usize),
    /// A country's name or capital ("Kenya", "Nairobi"): an actor only before a force noun
    /// ("Kenya police") or after "by"; before an event noun it says where ("Nigeria attack").
    CountryName(usize),
    /// A noun that names armed men after a demonym or a name ("Kenyan troops", "Pokot
    /// raiders"); alone, nothing.
    Noun(NounClass),
    /// A name that is no actor but holds actor words ("Syrian National Coalition").
    NotActor,
}

/// Which owners a noun names the armed men of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NounClass {
    /// A state's forces (`force_nouns.txt`).
    Force,
    /// A community's militia (`militia_nouns.txt`).
    Militia,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Alias {
    target: AliasTarget,
    /// For all-capitals aliases ("IS"), the exact letters the text must show.
    exact: Option<String>,
}

/// An actor named in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMatch {
    pub sentence: u32,
    pub actor: ActorRef,
    /// Whether the text used a generic term ("troops") resolved by context.
    pub generic: bool,
    /// Whether it is a bare demonym, an actor only when it modifies an event noun.
    pub demonym: bool,
    /// Whether the actor is a party or the like ([`Actor::party`]).
    pub party: bool,
    pub rule: &'static str,
}

/// The actor dictionary with its matcher.
#[derive(Debug, Clone)]
pub struct ActorDictionary {
    actors: Vec<Actor>,
    matcher: DictMatcher<Alias>,
    /// Name templates of generic state rows ("Military Forces of {country}").
    templates: Vec<String>,
    /// Per country without a state actor of its own, the actor each template names for it
    /// (see [`ActorDictionary::add_national_forces`]).
    national: HashMap<String, Vec<usize>>,
    /// Per country, its own state actor: the row of kind `state` that stands for its forces
    /// ("Syrian government forces"), which its generic terms resolve to instead of the
    /// templates' forces. Named units ("Rapid Action Battalion") are not.
    own_states: HashMap<String, usize>,
    /// Each actor's position by name.
    names: HashMap<String, usize>,
    /// The country (ISO code) of each demonym of the country table ("Russian", "Russians",
    /// "American"), by folded text.
    country_demonyms: HashMap<String, String>,
}

impl ActorDictionary {
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// Adds, for every country (ISO code, name) with no forces in the dictionary yet (its
    /// own state actor, or those the country table made), the forces each generic state row's
    /// template names ("Police Forces of Kenya"), so that "the police" and "troops" resolve in
    /// any country the gazetteer knows.
    pub fn add_national_forces<'a>(
        &mut self,
        countries: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) {
        for (code, name) in countries {
            if self.national.contains_key(code) || self.own_state_of(code).is_some() {
                continue;
            }
            let first = self.actors.len();
            for actor in national_actors(&self.templates, code, name) {
                self.names
                    .entry(actor.name.clone())
                    .or_insert(self.actors.len());
                self.actors.push(actor);
            }
            self.national
                .insert(code.to_string(), (first..self.actors.len()).collect());
        }
    }

    /// The dictionary's own state actor of `country` (not one of the national forces added).
    fn own_state_of(&self, country: &str) -> Option<usize> {
        self.own_states.get(country).copied()
    }

    /// The state forces of `country` a generic row resolves to: the dictionary's own state
    /// actor, else the forces its template names.
    fn state_of(&self, country: Option<&str>, template: Option<usize>) -> Option<usize> {
        match self.national.get(country.unwrap_or(UNKNOWN_COUNTRY)) {
            Some(ids) => template.and_then(|t| ids.get(t).copied()),
            None => country.and_then(|c| self.own_state_of(c)),
        }
    }

    /// The alias a hit on `key`, written as `written`, stands for: of the aliases whose
    /// letters fit (an all-capitals alias needs capitals), one that names an actor of the
    /// document's `country` where several do ("Fulani" in Nigeria and in Mali), a noun only
    /// where nothing else fits.
    fn chosen_alias(&self, key: usize, written: &str, country: Option<&str>) -> Option<&Alias> {
        let fitting = || {
            self.matcher
                .values(key)
                .iter()
                .filter(|a| a.exact.as_ref().is_none_or(|e| letters_equal(written, e)))
        };
        let own_country = |a: &Alias| match a.target {
            AliasTarget::Named(id)
            | AliasTarget::Demonym(id)
            | AliasTarget::CountryName(id)
            | AliasTarget::Generic(Resolve::FirstNamed(_, Some(id))) => {
                self.actors[id].country.as_deref()
            }
            _ => None,
        };
        let of_country = |a: &&Alias| country.is_some() && own_country(a) == country;
        // A generic word whose own actor belongs to another country than the document's
        // ("rebels" as Syria's rebels) stands for nothing there: a worldwide sense, if the
        // dictionary has one, or no actor ("opposition" in Bangladesh is no armed group).
        let generic_elsewhere = |a: &&Alias| {
            matches!(a.target, AliasTarget::Generic(_))
                && country.is_some()
                && own_country(a).is_some_and(|c| Some(c) != country)
        };
        let not_noun = |a: &&Alias| !matches!(a.target, AliasTarget::Noun(_));
        let usable = || fitting().filter(|a| !generic_elsewhere(a));
        usable()
            .filter(not_noun)
            .find(of_country)
            .or_else(|| usable().find(not_noun))
            .or_else(|| usable().next())
    }

    /// The original spans of `hits` that name a group, a community or a people ("Taliban",
    /// "al-Shabab", "Maasai", "Somali"), not a country or its capital. A place name the
    /// gazetteer shares with them is no place there unless the text places it
    /// ([`crate::gazetteer::geocode_document`]).
    pub(crate) fn names_not_places(&self, text: &str, folded: &Folded, hits: &[Hit]) -> Vec<Span> {
        hits.iter()
            .filter_map(|hit| {
                let span = folded.original_span(hit.start, hit.end);
                let written = span.slice(text);
                let fitting = self
                    .matcher
                    .values(hit.key)
                    .iter()
                    .filter(|a| a.exact.as_ref().is_none_or(|e| letters_equal(written, e)));
                let mut names = false;
                for a in fitting {
                    match a.target {
                        AliasTarget::CountryName(_) => return None,
                        AliasTarget::Named(_) | AliasTarget::Demonym(_) | AliasTarget::NotActor => {
                            names = true;
                        }
                        AliasTarget::Generic(_) | AliasTarget::Noun(_) => {}
                    }
                }
                names.then_some(span)
            })
            .collect()
    }

    /// The spans of `hits` written as a country's demonym ("Russian", "Palestinians"), with
    /// the country's ISO code: the country is named there, as a modifier or a people, not as
    /// a place events happen in.
    pub(crate) fn country_demonyms<'a>(
        &'a self,
        text: &str,
        folded: &Folded,
        hits: &[Hit],
    ) -> Vec<(Span, &'a str)> {
        hits.iter()
            .filter_map(|hit| {
                let span = folded.original_span(hit.start, hit.end);
                let written = span.slice(text);
                // Written as the table writes it where it asks ("US", not "us").
                let as_demonym = self.matcher.values(hit.key).iter().any(|a| {
                    matches!(a.target, AliasTarget::Demonym(_))
                        && a.exact.as_ref().is_none_or(|e| letters_equal(written, e))
                });
                if !as_demonym {
                    return None;
                }
                let iso = self.country_demonyms.get(&fold_key(written))?;
                Some((span, iso.as_str()))
            })
            .collect()
    }

    fn by_name(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }

    fn reference(&self, id: usize, span: Span) -> Option<ActorRef> {
        self.actors.get(id).map(|a| ActorRef {
            name: a.name.clone(),
            category: a.category,
            country: a.country.clone(),
            span,
        })
    }

    /// Finds the actors named in a document's sentences. `country` is the country the article
    /// is about, used to resolve "the army" and the like.
    pub fn find(
        &self,
        text: &str,
        folded: &Folded,
        sentences: &[polemos_core::Sentence],
        country: Option<&str>,
    ) -> Vec<ActorMatch> {
        let hits = self.matcher.find(folded);
        self.find_from_hits(Vocab::embedded(), text, folded, hits, sentences, country)
    }

    /// The dictionary's matcher, for walking it with others ([`crate::joint::JointMatcher`]).
    pub(crate) fn keyed(&self) -> &dyn Keyed {
        &self.matcher
    }

    /// [`ActorDictionary::find`] from the hits of its matcher, found beforehand.
    pub(crate) fn find_from_hits(
        &self,
        vocab: &Vocab,
        text: &str,
        folded: &Folded,
        hits: Vec<Hit>,
        sentences: &[polemos_core::Sentence],
        country: Option<&str>,
    ) -> Vec<ActorMatch> {
        struct Raw<'a> {
            start: usize,
            end: usize,
            key: usize,
            alias: &'a Alias,
        }
        let mut raws: Vec<Raw<'_>> = Vec::new();
        for hit in hits {
            let span = folded.original_span(hit.start, hit.end);
            let written = span.slice(text);
            let Some(alias) = self.chosen_alias(hit.key, written, country) else {
                continue;
            };
            raws.push(Raw {
                start: hit.start,
                end: hit.end,
                key: hit.key,
                alias,
            });
        }
        // Where each group is named, to resolve "the jihadists" to the group named just before.
        let named_at: Vec<(usize, usize)> = raws
            .iter()
            .filter_map(|r| match r.alias.target {
                AliasTarget::Named(id) => Some((r.start, id)),
                _ => None,
            })
            .collect();
        let named_near = |id: usize, at: usize| {
            named_at.iter().any(|&(start, n)| {
                n == id && start <= at + NAMED_AFTER && at <= start + NAMED_BEFORE
            })
        };
        // "Kenyan troops", "Kenya police", "Pokot raiders": the owner named right before a
        // noun of armed men; the forces or militia it names. For a state, the forces of the
        // template the noun is a generic term of ("police": Police Forces of Kenya), else its
        // army. A state's demonym before another country's named actor ("Syrian Popular
        // Defence Forces") names its own forces of that name, not the foreign namesake.
        let owned_noun = |owner: usize, next: Option<&Raw<'_>>| {
            let next = next?;
            let owner_actor = self.actors.get(owner)?;
            let values = self.matcher.values(next.key);
            let has =
                |class: NounClass| values.iter().any(|a| a.target == AliasTarget::Noun(class));
            if owner_actor.category == ActorCategory::IdentityMilitia {
                return has(NounClass::Militia).then_some(owner);
            }
            let foreign_namesake = match next.alias.target {
                // A state unit's or a militia's name used for another country's ("National
                // Guard"); an insurgency named by its theatre ("Pakistani Taliban") is not.
                AliasTarget::Named(id) => self.actors.get(id).is_some_and(|a| {
                    matches!(
                        a.category,
                        ActorCategory::StateForces | ActorCategory::PoliticalMilitia
                    ) && a.country.is_some()
                        && a.country != owner_actor.country
                }),
                _ => false,
            };
            if !has(NounClass::Force) && !foreign_namesake {
                return None;
            }
            let template = values.iter().find_map(|a| match a.target {
                AliasTarget::Generic(Resolve::State(Some(t))) => Some(t),
                _ => None,
            });
            match template {
                Some(t) => self.state_of(owner_actor.country.as_deref(), Some(t)),
                None => Some(owner),
            }
        };

        let mut out: Vec<ActorMatch> = Vec::with_capacity(raws.len());
        let mut i = 0;
        while i < raws.len() {
            let raw = &raws[i];
            i += 1;
            let mut end = raw.end;
            let mut demonym = false;
            let (id, generic, rule) = match &raw.alias.target {
                AliasTarget::Named(id) => (Some(*id), false, "actor:name"),
                AliasTarget::Demonym(owner) | AliasTarget::CountryName(owner) => {
                    if let Some(id) = owned_noun(
                        *owner,
                        raws.get(i)
                            .filter(|n| folded.text.get(raw.end..n.start) == Some(" ")),
                    ) {
                        end = raws[i].end;
                        i += 1;
                        (Some(id), false, "actor:demonym-noun")
                    } else if matches!(raw.alias.target, AliasTarget::Demonym(_)) {
                        demonym = true;
                        (Some(*owner), false, "actor:demonym")
                    } else if demonyms::named_after_by(folded, raw.start) {
                        // "strikes carried out by Nigeria"
                        (Some(*owner), false, "actor:country-name")
                    } else {
                        (None, false, "actor:country-name")
                    }
                }
                AliasTarget::Noun(_) | AliasTarget::NotActor => (None, false, "actor:not-actor"),
                // "Unidentified warplanes": the text says it does not know whose.
                AliasTarget::Generic(Resolve::State(_))
                    if previous_words(folded, raw.start, 1)
                        .first()
                        .is_some_and(|w| vocab.unknown_owner_words.contains(w)) =>
                {
                    (None, true, "actor:generic-state")
                }
                AliasTarget::Generic(Resolve::State(template)) => (
                    self.state_of(country, *template),
                    true,
                    "actor:generic-state",
                ),
                AliasTarget::Generic(Resolve::FirstNamed(names, own)) => (
                    names
                        .iter()
                        .filter_map(|n| self.by_name(n))
                        .find(|&id| named_near(id, raw.start))
                        .or(*own),
                    true,
                    "actor:generic-context",
                ),
            };
            let Some(mut id) = id else { continue };
            let mut rule = rule;
            // "Terrorists of the so-called Jaish al-Islam": the generic word names the group.
            if generic {
                if let Some(next) = raws.get(i) {
                    let gap = folded.text.get(raw.end..next.start).unwrap_or("");
                    if let (AliasTarget::Named(named_id), true) =
                        (&next.alias.target, is_of_gap(vocab, gap))
                    {
                        id = *named_id;
                        end = next.end;
                        rule = "actor:generic-of-name";
                        i += 1;
                    }
                }
            }
            // "anti-government protests", "anti-Assad rebels": the actor is what others
            // oppose, never the one acting.
            if previous_words(folded, raw.start, 1)
                .first()
                .is_some_and(|w| *w == "anti")
            {
                continue;
            }
            // "rebel-held", "IS-controlled": the actor describes a place, it does not act;
            // "al-Qaeda-affiliated", "Iran-backed": another actor, tied to it, does.
            // The affiliation joined by a hyphen: in "forces backed by the coalition" the
            // forces act.
            let hyphened = text
                .get(folded.original_span(raw.start, raw.end).end..)
                .is_some_and(|rest| rest.starts_with('-'));
            if next_words(folded, raw.end, 1).first().is_some_and(|w| {
                vocab.control_words.contains(w) || (hyphened && vocab.affiliation_words.contains(w))
            }) {
                continue;
            }
            // "ISIS kills 50 in central Syria attack": after a compass word the state's name is
            // a region, where the attack happened, not who made it.
            if demonym
                && previous_words(folded, raw.start, 1)
                    .first()
                    .is_some_and(|w| vocab.compass_words.contains(w))
            {
                continue;
            }
            // "Syria terrorists", "Saudi jihadists": a nationality of the members, not the
            // state's forces; the member noun stands as its own (generic) mention.
            if demonym
                && next_words(folded, end, 1)
                    .first()
                    .is_some_and(|w| vocab.member_nouns.contains(w))
            {
                continue;
            }
            // "Islamic State militants": a member noun right after a name joins the mention,
            // and a generic mention it would have produced is skipped.
            if !generic {
                if let Some(word) = next_words(folded, end, 1).first() {
                    let gap = &folded.text[end..];
                    if vocab.member_nouns.contains(word) && gap.starts_with(' ') {
                        end += 1 + word.len();
                        while raws.get(i).is_some_and(|r| r.start < end) {
                            i += 1;
                        }
                    }
                }
            }
            let span = folded.original_span(raw.start, end);
            let Some(sentence) = sentence_of(sentences, span) else {
                continue;
            };
            if let Some(actor) = self.reference(id, span) {
                out.push(ActorMatch {
                    sentence,
                    actor,
                    generic,
                    demonym,
                    party: self.actors.get(id).is_some_and(|a| a.party),
                    rule,
                });
            }
        }
        out
    }
}

/// Whether `gap`, the folded text between a generic term and a name, is one of the
/// `of_gaps` ("terrorists of the so-called Jaish al-Islam"), spaces on both sides included.
fn is_of_gap(vocab: &Vocab, gap: &str) -> bool {
    gap.len() > 2
        && gap.starts_with(' ')
        && gap.ends_with(' ')
        && vocab.of_gaps.texts().any(|p| p == &gap[1..gap.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_core::Sentence;

    fn find(text: &str, country: Option<&str>) -> Vec<(String, String)> {
        let d = ActorDictionary::embedded().unwrap();
        let f = Folded::new(text);
        let s = vec![Sentence::covering(text)];
        d.find(text, &f, &s, country)
            .into_iter()
            .map(|m| (m.actor.span.slice(text).to_string(), m.actor.name))
            .collect()
    }

    #[test]
    fn names_aliases_and_members() {
        let got = find(
            "Islamic State militants attacked the base, killing 12 soldiers.",
            Some("SY"),
        );
        assert_eq!(
            got,
            vec![
                (
                    "Islamic State militants".to_string(),
                    "Islamic State".to_string()
                ),
                (
                    "soldiers".to_string(),
                    "Syrian government forces".to_string()
                ),
            ]
        );
        let got = find("ISIS and Daesh, the SDF and YPG, Russian warplanes.", None);
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Islamic State",
                "Islamic State",
                "Syrian Democratic Forces",
                "Syrian Democratic Forces",
                "Russian forces"
            ]
        );
    }

    #[test]
    fn generic_words_introducing_a_name() {
        let got = find(
            "Terrorists of the so-called Jaish al-Islam fired rockets.",
            Some("SY"),
        );
        assert_eq!(
            got[0],
            (
                "Terrorists of the so-called Jaish al-Islam".to_string(),
                "Jaish al-Islam".to_string()
            )
        );
    }

    #[test]
    fn bare_demonyms_are_marked() {
        let d = ActorDictionary::embedded().unwrap();
        let text = "Syrian air strikes hit the town.";
        let f = Folded::new(text);
        let s = vec![Sentence::covering(text)];
        let got = d.find(text, &f, &s, None);
        assert_eq!(got.len(), 1);
        assert!(got[0].demonym);
        assert_eq!(got[0].actor.name, "Syrian government forces");
    }

    #[test]
    fn names_holding_actor_words_are_not_actors() {
        let got = find(
            "The Syrian National Coalition condemned the coalition air strikes.",
            Some("SY"),
        );
        assert_eq!(
            got,
            vec![("coalition".to_string(), "US-led coalition".to_string())]
        );
    }

    #[test]
    fn opposed_actors_do_not_act() {
        let got = find(
            "Anti-government protests spread as the anti-regime coalition struck Raqqa.",
            Some("SY"),
        );
        assert_eq!(
            got,
            vec![("coalition".to_string(), "US-led coalition".to_string())]
        );
    }

    #[test]
    fn capitals_only_acronyms() {
        assert!(find("This is what it is.", None).is_empty());
        let got = find("IS fighters left.", None);
        assert_eq!(got[0].1, "Islamic State");
    }

    #[test]
    fn names_as_comma_stripped_exports_write_them() {
        // Exports that strip apostrophes write "Peoples Protection Units".
        for (text, name) in [
            (
                "Kurdish Peoples Protection Units attacked Raqqa.",
                "Syrian Democratic Forces",
            ),
            (
                "Syrian Armed Forces shelled Raqqa.",
                "Syrian government forces",
            ),
            ("The Southern Front attacked Daraa.", "Syrian rebels"),
            (
                "National Defence Forces attacked Daraa.",
                "National Defence Forces",
            ),
            (
                "Fateh al-Sham Front fighters attacked Idlib.",
                "Hayat Tahrir al-Sham",
            ),
        ] {
            let got = find(text, None);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, name, "{text}");
        }
    }

    #[test]
    fn generic_terms_resolve_by_context() {
        assert_eq!(find("Troops advanced.", None)[0].1, "Military Forces");
        assert_eq!(find("Troops advanced.", Some("IQ"))[0].1, "Iraqi forces");
        assert_eq!(
            find("The jihadists of ISIS attacked.", None)[0].1,
            "Islamic State"
        );
        assert_eq!(
            find("Gunmen attacked.", None)[0].1,
            "Unidentified armed group"
        );
    }

    #[test]
    fn every_category_and_country_parses() {
        let d = ActorDictionary::embedded().unwrap();
        assert!(d.actors().len() >= 15);
        assert!(d.actors().iter().any(|a| a.name == "US-led coalition"));
    }
}
