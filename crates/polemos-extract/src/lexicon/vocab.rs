//! [`Vocab`]: the word classes of the lexicon compiled for the rules, one field per class.
//!
//! This is the one place that says which class files the rules read: a field here, the file
//! of the same name in `data/lexicon/`, and the rules that use the field.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::Weekday;
use polemos_core::{ActorCategory, Certainty, Modality, SubEventType};

use super::word_list::Phrase;
use super::{Lexicon, PhraseList, PhraseMatcher, WordClass, WordList};
use crate::casualties::{Harm, VictimGroup};
use crate::dates::DateExpr;
use crate::fold::fold_key;
use crate::words::{is_adverb, word_map, WordMap};
use crate::ResourceError;

/// The first actor the codebook gives events of a type (`codebook_actors`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodebookActor {
    pub name: String,
    pub category: ActorCategory,
    pub when: CodebookWhen,
}

/// When a [`CodebookActor`] is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodebookWhen {
    /// Always, replacing any agent found (protesters, rioters).
    Always,
    /// Only where no agent was found.
    Unnamed,
    /// Only where the text leaves the agent untold: none found, and no active verb's subject
    /// that went unrecognised ("three activists were detained"; not "it had detained two
    /// suspects", whose "it" names someone).
    Untold,
    /// Never: the type keeps the agent the text gives, or none.
    Never,
}

/// The lexicon's classes as the rules read them.
#[derive(Debug, Clone)]
pub(crate) struct Vocab {
    /// Words making the name after them a region ("central Syria").
    pub compass_words: WordList,
    /// Words before a country's name making it a place ("in Syria").
    pub place_words: WordList,
    /// Nouns right after a named actor that belong to its mention ("IS militants").
    pub member_nouns: WordList,
    /// Words before a generic force noun leaving its owner unknown ("unidentified").
    pub unknown_owner_words: WordList,
    /// Words after an actor making it a description of a place ("rebel-held").
    pub control_words: WordList,
    /// Words after an actor making it the one another is tied to ("Iran-backed").
    pub affiliation_words: WordList,
    /// What may stand between a generic term and the name it introduces ("of the").
    pub of_gaps: PhraseList,

    // Counts (numbers).
    /// Number words 1 to 19 ("twelve") and their values.
    pub number_units: Vec<(Box<str>, u32)>,
    /// Number words for the tens ("twenty") and their values.
    pub number_tens: Vec<(Box<str>, u32)>,
    /// Words before a number that qualify it ("at least").
    pub count_modifiers: PhraseList,
    /// Vague quantities as word sequences, longest first, with their conservative counts.
    pub vague_quantities: Vec<(Phrase, u32)>,
    /// The words a count may open with besides digits: modifiers, vague quantities, number
    /// words, "between", "a", "an".
    pub count_first_words: WordList,

    // Casualties.
    /// Nouns naming victims after a count, with the group each counts in.
    pub victim_groups: WordMap<VictimGroup>,
    /// Places whose attack harms civilians ("attacked the village", "a market").
    pub civilian_places: WordList,
    /// Places whose attack meets an armed side ("attacked an army post").
    pub armed_places: WordList,
    /// Verbs before a count saying they were killed ("killing 12").
    pub killed_before_count: WordList,
    /// Verbs before a count saying they were hurt ("wounding 20").
    pub injured_before_count: WordList,
    /// Words after a count and its group saying they were killed ("were killed").
    pub killed_after_count: WordList,
    /// Auxiliaries of a singular passive before a verb of killing ("was", "has been").
    pub singular_passives: PhraseList,
    /// Verbs of killing of more than a participle ("shot dead", "hacked to death").
    pub death_phrases: PhraseList,
    /// Particles making a verb of killing another verb ("killed off").
    pub not_death_particles: WordList,
    /// Verbs saying their subject died ("died", "succumbed").
    pub dying_verbs: WordList,
    /// Pronouns naming one person ("he", "she").
    pub singular_pronouns: WordList,
    /// Nouns of people in the plural not ending in -s ("people").
    pub plural_nouns: WordList,
    /// Killing participles also said of things ("executed").
    pub ambiguous_killings: WordList,
    /// Verbs putting someone "to death" without killing ("sentenced").
    pub not_killing_verbs: WordList,
    /// Sub-event types that record no fatalities (ACLED's codebook).
    pub deathless_sub_event_types: Vec<SubEventType>,
    /// Words after a count and its group saying they were hurt ("were wounded").
    pub injured_after_count: WordList,
    /// A count's own verb, whose "when"/"in"/"by" phrase names what killed them.
    pub count_verbs: WordList,
    /// Words saying that an event's subject died or was hurt ("killed in clashes").
    pub victim_verbs: WordList,
    /// Words no victim phrase runs across ("in", "by").
    pub victim_phrase_ends: WordList,
    /// Words between a count's group and its harm word ("were", "reportedly").
    pub harm_auxiliaries: WordList,
    /// Nouns naming the dead themselves ("fatalities", "bodies"): a count of them is of the
    /// killed.
    pub dead_nouns: WordList,
    /// An injury the counted people got: its verb ("sustained"), the wound ("injuries") and
    /// what denies it between them ("no").
    pub injury_verbs: WordList,
    pub injury_wounds: WordList,
    pub injury_denials: WordList,
    /// Phrases making a sentence's counts war-wide totals ("since the war").
    pub total_cues: PhraseList,
    /// Words before a count making it part of one already given ("including").
    pub subset_cues: WordList,
    /// Words after "killing N" that make N no people ("km").
    pub not_people_after_count: WordList,
    /// Words before a number making it a year ("in 2011").
    pub year_prepositions: WordList,
    /// Units of time that, before "after", date something earlier ("days after").
    pub time_units: WordList,
    /// Words making the members of an "of" phrase civilians ("family").
    pub family_words: WordList,
    /// Nouns of killing whose "of" phrase counts the dead ("the execution of 17 men").
    pub killing_nouns: WordList,
    /// Verbs and prepositions putting a figure on a death toll ("rose to"), in order.
    pub toll_verbs: PhraseList,
    /// Words after a count's verb introducing what killed them ("when", "in").
    pub cause_links: WordList,
    /// Words between a count's verb and that link ("instantly").
    pub after_harm_verb: WordList,

    // Roles.
    /// Words opening a clause of their own ("despite", "as", "said").
    pub clause_words: WordList,
    /// Words setting a clause against the one before ("while", "meanwhile").
    pub contrast_words: WordList,
    /// Auxiliaries making the participle after them passive ("were").
    pub passive_auxiliaries: WordList,
    /// Adverbs between a passive's auxiliary and its participle ("also").
    pub passive_adverbs: WordList,
    /// Two words making the verb trigger after them befall its subject ("came under").
    pub subjection_phrases: PhraseList,
    /// Words joining a verb to one before it that shares its subject ("and").
    pub verb_coordinators: WordList,
    /// Participles before "by" describing a place, not an action ("held").
    pub state_participles: WordList,
    /// Participles before "by" making it a supporter ("backed").
    pub support_participles: WordList,
    /// Prepositions tying a death to its cause ("killed in clashes").
    pub cause_prepositions: WordList,
    /// Words opening a relative clause ("which").
    pub relative_words: WordList,
    /// Aircraft that are shot down ("chopper").
    pub downable_aircraft: WordList,
    /// Verbs of blame, whose object did what follows ("accused").
    pub accuse_verbs: WordList,
    /// Words hedging the agent after "by" ("suspected").
    pub agent_hedges: WordList,
    /// Words before the actor after an event noun making it the side fought ("with").
    pub opponent_prepositions: WordList,
    /// Triggers that down an aircraft named before them ("shot down").
    pub downing_words: PhraseList,

    // Events.
    /// Words between two weapons saying one carried the other ("containing").
    pub carry_words: WordList,
    /// Ground a territory verb takes as its object ("town", "positions").
    pub ground_nouns: WordList,
    /// Words between a territory verb and the ground it took ("control of the").
    pub ground_object_gaps: WordList,
    /// Countries (lower-case ISO codes) whose place names match by the transliteration key.
    pub key_countries: WordList,
    /// Titles and given names: a name right after one is a person's ("Norbert Zongo").
    pub person_name_words: WordList,
    /// Words for administrative units only some countries have ("upazila"), with those
    /// countries (upper-case ISO codes).
    pub country_cue_words: WordMap<Box<[Box<str>]>>,
    /// Nouns naming aircraft, as the end of an agent's name ("warplanes", "su 24").
    pub aircraft_words: PhraseList,
    /// Words after "as" making it no conjunction ("as well as").
    pub as_not_clause_after: WordList,
    /// Words before "as" making it no conjunction ("such as").
    pub as_not_clause_before: WordList,

    // Merging and the lead.
    /// Words before a trigger telling its event as one more of its kind ("also").
    pub another_cues: WordList,
    /// Words before a trigger recalling earlier events ("previous").
    pub recall_cues: WordList,
    /// Words before a generic trigger pointing back to an event reported ("claimed the").
    pub claim_cues: PhraseList,
    /// Words after which an event is background to another ("a day after").
    pub background_cues: PhraseList,
    /// Words after which a protest names what it is about ("rallied against").
    pub grievance_cues: WordList,

    // Modality.
    /// Cues before a trigger as word sequences with the modality they give, in file order.
    pub modality_cues: Vec<(Phrase, Modality)>,
    /// Phrases that look like modality cues but are not ("not only").
    pub not_modality_cues: PhraseList,
    /// The first words of the modality cues and of the phrases that look like them.
    pub modality_cue_first_words: WordList,
    /// Words before "to" and the trigger making it an aim ("an offensive to").
    pub aim_words: WordList,
    /// Words before "if" making it a question ("unclear if").
    pub question_words: WordList,
    /// Words closing a subject's noun phrase before its verb ("which").
    pub subject_phrase_breaks: WordList,
    /// Modals after a subject event noun with the modality they give ("would").
    pub subject_modals: WordMap<Modality>,

    // Crowd violence.
    /// Nouns naming an unorganised crowd ("activists", "a mob").
    pub crowd_nouns: WordList,
    /// Words saying a crowd was demonstrating ("protest", "rally").
    pub demonstration_words: WordList,
    /// Words saying that people who fought bore arms ("an armed clash", "guns").
    pub armed_crowd_cues: WordList,

    /// Words telling that the authorities stepped in against a protest ("tear gas").
    pub intervention_cues: PhraseMatcher,
    /// Words telling that demonstrators used violence ("pelted stones", "burned tyres").
    pub violent_protest_cues: PhraseMatcher,
    /// Words before a weapon telling that it was kept from use ("recovered", "defused").
    pub disruption_cues: WordList,
    /// Words after a verb of violence telling that its sides did it to each other.
    pub reciprocal_words: PhraseList,

    // The codebook's actors.
    /// Per folded event type, the first actor the codebook gives its events.
    pub codebook_actors: Vec<(Box<str>, CodebookActor)>,
    /// The second actor the codebook gives events of a type where the text names none
    /// (`codebook_second_actors`: the civilians of violence against civilians).
    pub codebook_second_actors: Vec<(Box<str>, CodebookActor)>,

    // Filling from the article.
    /// Words saying the article does not know who flew its strikes ("unclear who").
    pub unknown_agent_cues: PhraseMatcher,

    // Attribution and certainty.
    /// Reporting verbs and the class each gives its report ("told": "said").
    pub report_verbs: WordMap<&'static str>,
    /// Certainty cues, one automaton pattern each (whole words are checked by the rule).
    pub certainty_cues: AhoCorasick,
    /// The certainty each pattern of `certainty_cues` gives.
    pub certainty_of_cue: Vec<Certainty>,

    // Dates.
    /// Reporting verbs whose neighbouring date dates the report ("reported on Sunday").
    pub report_verbs_dating_reports: WordList,
    /// Relative date expressions as word sequences, in order, with what they mean.
    pub relative_dates: Vec<(Phrase, DateExpr)>,
    /// Names of the days of the week.
    pub weekday_names: WordMap<Weekday>,
    /// Parts of a day keeping a weekday's date ("Thursday night").
    pub day_parts: WordList,
    /// Words before a bare month's name making it a date ("in March").
    pub month_prepositions: WordList,
    /// Words making a month or year the bound of a period ("since").
    pub period_starts: WordList,
    /// The words a relative date or a weekday may start with.
    pub date_first_words: WordList,

    // Triggers.
    /// Words after which a noun-or-verb trigger is the noun ("an attack").
    pub noun_context: WordList,
    /// Nouns an event noun before them only describes ("the chemical attack town").
    pub described_nouns: WordList,
    /// Words after "fighting" naming a side, not a battle ("fighting for").
    pub membership_words: WordList,
    /// Event words that, told of work, are a strike of workers ("strike").
    pub work_stoppage_words: WordList,
    /// Words telling that a strike is one of workers ("workers", "general").
    pub labour_cues: WordList,
    /// Things capture verbs take that are neither territory nor loot ("weapons", "house"):
    /// such a capture is no trigger.
    pub seized_things: WordList,
    /// Goods, animals and vehicles whose capture is looting ("livestock", "carts").
    pub looted_things: WordList,
    /// Words telling that an act pressed a claim ("demanding"): a blockade is then a protest.
    pub protest_causes: WordList,
    /// Words after "demonstration of" making it a showing ("of its power").
    pub showing_words: WordList,
    /// Trigger phrases naming a weapon ("chemical weapons").
    pub weapon_names: PhraseList,
    /// Nouns after a weapon's name making it a stock or a deal ("agreement").
    pub stock_nouns: WordList,
    /// Words before a weapon's name disposing of it ("eliminate").
    pub disposal_words: WordList,
    /// Words near "sniper(s)" saying they shot someone ("killed").
    pub sniper_harm_words: WordList,
    /// Trigger words naming snipers ("snipers").
    pub sniper_words: WordList,

    // Places.
    /// Words after a name making it the province ("Idlib province").
    pub province_words: WordList,
    /// Words after a name making it the area around the city ("countryside").
    pub around_words: WordList,
    /// Words after a name making it the city ("Aleppo city").
    pub city_words: WordList,
    /// Words after a name making it a place of that kind ("Madison Township"), not a person's
    /// given name before a surname.
    pub place_kind_words: WordList,
    /// Words after a name making it a news outlet ("al-Mayadeen TV").
    pub media_words: WordList,
    /// Words after a capital's name making it its government ("Ankara says").
    pub metonym_next: WordList,
    /// Words before a capital's name making it its government ("accused Moscow").
    pub metonym_before: WordList,
    /// Words after a place's abbreviation ending its phrase ("the U.S. on Monday"): before
    /// any other, the abbreviation modifies the word ("U.S. officials").
    pub phrase_end_words: WordList,
    /// Words before a name placing the event near it ("outskirts of").
    pub near_cues: PhraseList,
    /// Prepositions licensing a guarded name as a place ("in Bab").
    pub place_prepositions: WordList,
    /// Names never matched as places ("mayor").
    pub stop_names: PhraseList,
    /// Places' names that are common words, matched only after a place preposition.
    pub guarded_place_names: PhraseList,
    /// Arabic articles a proper name may start with in lower case before a dash ("al").
    pub name_articles: WordList,
}

impl Vocab {
    /// Compiles the classes of `lexicon`; an error names a class that is missing or whose
    /// entries do not fit its use (a phrase where single words are read, say).
    #[cfg(test)]
    pub(crate) fn new(lexicon: &Lexicon) -> Result<Vocab, ResourceError> {
        Vocab::from_classes(&lexicon.classes)
    }

    /// Compiles `classes` (a lexicon's, by name).
    pub(super) fn from_classes(
        classes: &BTreeMap<String, WordClass>,
    ) -> Result<Vocab, ResourceError> {
        let c = Classes(classes);
        Ok(Vocab {
            compass_words: c.words("compass_words")?,
            place_words: c.words("place_words")?,
            member_nouns: c.words("member_nouns")?,
            unknown_owner_words: c.words("unknown_owner_words")?,
            control_words: c.words("control_words")?,
            affiliation_words: c.words("affiliation_words")?,
            of_gaps: c.phrases("of_gaps")?,
            number_units: c.number_words("unit")?,
            number_tens: c.number_words("ten")?,
            count_modifiers: c.phrases("count_modifiers")?,
            vague_quantities: c.vague_quantities()?,
            count_first_words: WordList::default(),
            victim_groups: c.map("victim_groups", "group", VictimGroup::parse)?,
            civilian_places: c.words("civilian_places")?,
            armed_places: c.words("armed_places")?,
            killed_before_count: c.harm_words(Harm::Killed, "before_count")?,
            injured_before_count: c.harm_words(Harm::Injured, "before_count")?,
            killed_after_count: c.harm_words(Harm::Killed, "after_count")?,
            singular_passives: c.phrases("singular_passives")?,
            death_phrases: c.phrases("death_phrases")?,
            not_death_particles: c.words("not_death_particles")?,
            dying_verbs: c.words("dying_verbs")?,
            singular_pronouns: c.words("singular_pronouns")?,
            plural_nouns: c.words("plural_nouns")?,
            ambiguous_killings: c.words("ambiguous_killings")?,
            not_killing_verbs: c.words("not_killing_verbs")?,
            deathless_sub_event_types: c.sub_event_types("deathless_sub_event_types")?,
            injured_after_count: c.harm_words(Harm::Injured, "after_count")?,
            count_verbs: c.flagged("harm_words", "count_verb")?,
            victim_verbs: c.flagged("harm_words", "victim_verb")?,
            victim_phrase_ends: c.words("victim_phrase_ends")?,
            harm_auxiliaries: c.words("harm_auxiliaries")?,
            dead_nouns: c.words("dead_nouns")?,
            injury_verbs: c.flagged("injury_words", "verb")?,
            injury_wounds: c.flagged("injury_words", "wound")?,
            injury_denials: c.flagged("injury_words", "denial")?,
            total_cues: c.phrases("total_cues")?,
            subset_cues: c.words("subset_cues")?,
            not_people_after_count: c.words("not_people_after_count")?,
            year_prepositions: c.words("year_prepositions")?,
            time_units: c.words("time_units")?,
            family_words: c.words("family_words")?,
            killing_nouns: c.words("killing_nouns")?,
            toll_verbs: c.phrases("toll_verbs")?,
            cause_links: c.words("cause_links")?,
            after_harm_verb: c.words("after_harm_verb")?,
            clause_words: c.words("clause_words")?,
            contrast_words: c.words("contrast_words")?,
            passive_auxiliaries: c.words("passive_auxiliaries")?,
            passive_adverbs: c.words("passive_adverbs")?,
            subjection_phrases: c.phrases("subjection_phrases")?,
            verb_coordinators: c.words("verb_coordinators")?,
            state_participles: c.words("state_participles")?,
            support_participles: c.words("support_participles")?,
            cause_prepositions: c.words("cause_prepositions")?,
            relative_words: c.words("relative_words")?,
            downable_aircraft: c.words("downable_aircraft")?,
            accuse_verbs: c.words("accuse_verbs")?,
            agent_hedges: c.words("agent_hedges")?,
            opponent_prepositions: c.words("opponent_prepositions")?,
            downing_words: c.phrases("downing_words")?,
            carry_words: c.words("carry_words")?,
            ground_nouns: c.words("ground_nouns")?,
            ground_object_gaps: c.words("ground_object_gaps")?,
            key_countries: c.words("key_countries")?,
            person_name_words: c.words("person_name_words")?,
            country_cue_words: word_map(
                c.pairs("country_cue_words", "countries", |v| {
                    let codes: Box<[Box<str>]> = v
                        .split_whitespace()
                        .map(|c| c.to_ascii_uppercase().into_boxed_str())
                        .collect();
                    (!codes.is_empty()).then_some(codes)
                })?
                .iter()
                .map(|(w, codes)| (&**w, codes.clone())),
            ),
            aircraft_words: c.phrases("aircraft_words")?,
            as_not_clause_after: c.words("as_not_clause_after")?,
            as_not_clause_before: c.words("as_not_clause_before")?,
            another_cues: c.words("another_cues")?,
            recall_cues: c.words("recall_cues")?,
            claim_cues: c.phrases("claim_cues")?,
            background_cues: c.phrases("background_cues")?,
            grievance_cues: c.words("grievance_cues")?,
            modality_cues: c
                .pairs("modality_cues", "modality", parse_modality)?
                .into_iter()
                .map(|(cue, m)| (cue.split(' ').map(Box::from).collect(), m))
                .collect(),
            not_modality_cues: c.phrases("not_modality_cues")?,
            modality_cue_first_words: WordList::default(),
            aim_words: c.words("aim_words")?,
            question_words: c.words("question_words")?,
            subject_phrase_breaks: c.words("subject_phrase_breaks")?,
            subject_modals: c.map("subject_modals", "modality", parse_modality)?,
            crowd_nouns: c.words("crowd_nouns")?,
            demonstration_words: c.words("demonstration_words")?,
            armed_crowd_cues: c.words("armed_crowd_cues")?,
            intervention_cues: c.matcher("intervention_cues")?,
            violent_protest_cues: c.matcher("violent_protest_cues")?,
            disruption_cues: c.words("disruption_cues")?,
            reciprocal_words: c.phrases("reciprocal_words")?,
            codebook_actors: c.codebook_actors("codebook_actors")?,
            codebook_second_actors: c.codebook_actors("codebook_second_actors")?,
            unknown_agent_cues: c.matcher("unknown_agent_cues")?,
            report_verbs: c.map("report_verbs", "class", reporting_class)?,
            certainty_cues: c.automaton("certainty_cues")?,
            certainty_of_cue: c
                .pairs("certainty_cues", "certainty", parse_certainty)?
                .into_iter()
                .map(|(_, certainty)| certainty)
                .collect(),
            report_verbs_dating_reports: c.flagged("report_verbs", "dates_report")?,
            relative_dates: c.relative_dates()?,
            weekday_names: c.map("weekday_names", "weekday", |d| d.parse::<Weekday>().ok())?,
            day_parts: c.words("day_parts")?,
            month_prepositions: c.words("month_prepositions")?,
            period_starts: c.words("period_starts")?,
            date_first_words: WordList::default(),
            noun_context: c.words("noun_context")?,
            described_nouns: c.words("described_nouns")?,
            membership_words: c.words("membership_words")?,
            work_stoppage_words: c.words("work_stoppage_words")?,
            labour_cues: c.words("labour_cues")?,
            seized_things: c.words("seized_things")?,
            looted_things: c.words("looted_things")?,
            protest_causes: c.words("protest_causes")?,
            showing_words: c.words("showing_words")?,
            weapon_names: c.phrases("weapon_names")?,
            stock_nouns: c.words("stock_nouns")?,
            disposal_words: c.words("disposal_words")?,
            sniper_harm_words: c.words("sniper_harm_words")?,
            sniper_words: c.words("sniper_words")?,
            province_words: c.words("province_words")?,
            around_words: c.words("around_words")?,
            city_words: c.words("city_words")?,
            place_kind_words: c.words("place_kind_words")?,
            media_words: c.words("media_words")?,
            metonym_next: c.words("metonym_next")?,
            metonym_before: c.words("metonym_before")?,
            phrase_end_words: c.words("phrase_end_words")?,
            near_cues: c.phrases("near_cues")?,
            place_prepositions: c.words("place_prepositions")?,
            stop_names: c.phrases("stop_names")?,
            guarded_place_names: c.phrases("guarded_place_names")?,
            name_articles: c.words("name_articles")?,
        }
        .with_first_words())
    }

    /// The first words of counts, dates and modality cues, which rules check each word against
    /// before reading further.
    fn with_first_words(mut self) -> Vocab {
        let modifiers = self.count_modifiers.word_seqs().filter_map(|m| m.first());
        let vague = self
            .vague_quantities
            .iter()
            .filter_map(|(seq, _)| seq.first());
        let numbers = self
            .number_units
            .iter()
            .chain(&self.number_tens)
            .map(|(w, _)| w);
        let words: Vec<&str> = modifiers
            .chain(vague)
            .chain(numbers)
            .map(|w| &**w)
            .chain(["between", "a", "an"])
            .collect();
        self.count_first_words = WordList::new(words);
        let relative = self
            .relative_dates
            .iter()
            .filter_map(|(seq, _)| seq.first());
        let weekdays = self.weekday_names.keys();
        let words: Vec<&str> = relative.map(|w| &**w).chain(weekdays).collect();
        self.date_first_words = WordList::new(words);
        let cues = self.modality_cues.iter().filter_map(|(cue, _)| cue.first());
        let not_cues = self.not_modality_cues.word_seqs().filter_map(|c| c.first());
        let words: Vec<&str> = cues.chain(not_cues).map(|w| &**w).collect();
        self.modality_cue_first_words = WordList::new(words);
        self
    }

    /// Whether folded word `w` may stand inside a verb group, between an auxiliary and its
    /// participle or before a verb: an adverb in -ly ("was brutally killed"), one of
    /// `passive_adverbs` ("was later executed", "were last night killed"), or a weekday or a
    /// part of the day of a time phrase ("was on Wednesday morning shot dead").
    pub(crate) fn inside_verb_group(&self, w: &str) -> bool {
        is_adverb(w)
            || self.passive_adverbs.contains(w)
            || self.weekday_names.get(w).is_some()
            || self.day_parts.contains(w)
    }

    /// The built-in lexicon's classes, for the public helpers that run one stage on its own
    /// (`ActorDictionary::find`) outside a pipeline.
    pub(crate) fn embedded() -> &'static Vocab {
        static EMBEDDED: OnceLock<Arc<Vocab>> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            let lexicon = Lexicon::embedded().expect("the built-in lexicon loads (lexicon tests)");
            lexicon.vocab().clone()
        })
    }
}

/// A modality other than asserted, as the lexicon writes it.
fn parse_modality(name: &str) -> Option<Modality> {
    [Modality::Negated, Modality::Planned, Modality::Hypothetical]
        .into_iter()
        .find(|m| m.as_str() == name)
}

/// The reporting classes of `report_verbs` (the events table's `reporting_verb` values).
fn reporting_class(name: &str) -> Option<&'static str> {
    [
        "said",
        "reported",
        "claimed",
        "confirmed",
        "denied",
        "announced",
    ]
    .into_iter()
    .find(|c| *c == name)
}

/// The certainty a cue gives, as `certainty_cues` writes it.
fn parse_certainty(name: &str) -> Option<Certainty> {
    [Certainty::Denied, Certainty::Disputed, Certainty::Claimed]
        .into_iter()
        .find(|c| c.as_str() == name)
}

/// Reading classes out of a lexicon, with errors that name the class.
struct Classes<'a>(&'a BTreeMap<String, WordClass>);

impl<'a> Classes<'a> {
    /// `codebook_actors` or `codebook_second_actors` (class `name`): its rows as
    /// [`CodebookActor`]s, each column checked.
    fn codebook_actors(&self, name: &str) -> Result<Vec<(Box<str>, CodebookActor)>, ResourceError> {
        let actors = self.pairs(name, "actor", |a| (!a.is_empty()).then(|| a.to_string()))?;
        let categories = self.pairs(name, "category", ActorCategory::parse)?;
        let whens = self.pairs(name, "when", |w| match w {
            "always" => Some(CodebookWhen::Always),
            "unnamed" => Some(CodebookWhen::Unnamed),
            "untold" => Some(CodebookWhen::Untold),
            "never" => Some(CodebookWhen::Never),
            _ => None,
        })?;
        Ok(actors
            .into_iter()
            .zip(categories)
            .zip(whens)
            .map(|(((entry, name), (_, category)), (_, when))| {
                (
                    entry,
                    CodebookActor {
                        name,
                        category,
                        when,
                    },
                )
            })
            .collect())
    }

    fn class(&self, name: &str) -> Result<&'a WordClass, ResourceError> {
        self.0.get(name).ok_or_else(|| ResourceError::Parse {
            file: format!("lexicon/{name}"),
            line: 0,
            message: format!("the lexicon has no class `{name}`, which the rules read"),
        })
    }

    fn error(class: &WordClass, message: String) -> ResourceError {
        ResourceError::Parse {
            file: class.origins().join(", "),
            line: 0,
            message: format!("class `{}`: {message}", class.name()),
        }
    }

    /// A class of single words.
    fn words(&self, name: &str) -> Result<WordList, ResourceError> {
        let class = self.class(name)?;
        if let Some(phrase) = class.entries().find(|e| e.contains(' ')) {
            return Err(Self::error(
                class,
                format!("`{phrase}` is several words; this class holds single words"),
            ));
        }
        Ok(WordList::new(class.entries()))
    }

    /// The words of a table class whose `flag` column says "yes".
    fn flagged(&self, name: &str, flag: &str) -> Result<WordList, ResourceError> {
        let class = self.class(name)?;
        if !class.columns().iter().any(|c| c == flag) {
            return Err(Self::error(class, format!("no column `{flag}`")));
        }
        if let Some(row) = class
            .rows()
            .iter()
            .find(|row| !matches!(class.field(row, flag), Some("yes" | "") | None))
        {
            return Err(Self::error(
                class,
                format!("`{}`: {flag} is \"yes\" or empty", row[0]),
            ));
        }
        let words = class
            .rows()
            .iter()
            .filter_map(|row| (class.field(row, flag) == Some("yes")).then_some(row[0].as_str()));
        Ok(WordList::new(words))
    }

    /// The `harm_words` flagged `flag` that say `harm`.
    fn harm_words(&self, harm: Harm, flag: &str) -> Result<WordList, ResourceError> {
        let class = self.class("harm_words")?;
        if let Some(row) = class
            .rows()
            .iter()
            .find(|row| !matches!(class.field(row, "harm"), Some("killed" | "injured")))
        {
            return Err(Self::error(
                class,
                format!("`{}`: harm is killed or injured", row[0]),
            ));
        }
        let flagged = self.flagged("harm_words", flag)?;
        let words = class.rows().iter().filter_map(|row| {
            let entry = row[0].as_str();
            (class.field(row, "harm") == Some(harm.as_str()) && flagged.contains(entry))
                .then_some(entry)
        });
        Ok(WordList::new(words))
    }

    /// The `number_words` of `kind` ("unit" or "ten") with their values.
    fn number_words(&self, kind: &str) -> Result<Vec<(Box<str>, u32)>, ResourceError> {
        let class = self.class("number_words")?;
        let all = self.pairs("number_words", "value", |v| v.parse::<u32>().ok())?;
        Ok(all
            .into_iter()
            .zip(class.rows())
            .filter(|(_, row)| class.field(row, "kind") == Some(kind))
            .map(|(pair, _)| pair)
            .collect())
    }

    /// The vague quantities as word sequences, longest first (stable), with their counts.
    fn vague_quantities(&self) -> Result<Vec<(Phrase, u32)>, ResourceError> {
        let pairs = self.pairs("vague_quantities", "count", |v| v.parse::<u32>().ok())?;
        let mut out: Vec<(Phrase, u32)> = pairs
            .into_iter()
            .map(|(entry, count)| (entry.split(' ').map(Box::from).collect(), count))
            .collect();
        out.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        Ok(out)
    }

    /// An automaton over the entries of a class, in file order (pattern `i` is entry `i`).
    fn automaton(&self, name: &str) -> Result<AhoCorasick, ResourceError> {
        let class = self.class(name)?;
        AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(class.entries())
            .map_err(|e| Self::error(class, e.to_string()))
    }

    /// The relative date expressions as word sequences with what they mean.
    fn relative_dates(&self) -> Result<Vec<(Phrase, DateExpr)>, ResourceError> {
        let class = self.class("relative_dates")?;
        class
            .rows()
            .iter()
            .map(|row| {
                let date = class.field(row, "date").unwrap_or_default();
                let days = class.field(row, "days").unwrap_or_default();
                let expr = match date {
                    "days_ago" => days.parse().ok().map(DateExpr::DaysAgo),
                    "last_week" => Some(DateExpr::LastWeek),
                    "this_week" => Some(DateExpr::ThisWeek),
                    "weekend" => Some(DateExpr::Weekend),
                    "last_month" => Some(DateExpr::LastMonth),
                    "this_month" => Some(DateExpr::ThisMonth),
                    _ => None,
                }
                .ok_or_else(|| Self::error(class, format!("`{}`: bad date `{date}`", row[0])))?;
                Ok((row[0].split(' ').map(Box::from).collect(), expr))
            })
            .collect()
    }

    /// A class of ACLED sub-event types, as ACLED writes them, folded.
    fn sub_event_types(&self, name: &str) -> Result<Vec<SubEventType>, ResourceError> {
        let class = self.class(name)?;
        class
            .entries()
            .map(|e| {
                SubEventType::ALL
                    .iter()
                    .copied()
                    .find(|t| fold_key(t.as_str()) == e)
                    .ok_or_else(|| Self::error(class, format!("`{e}` is no ACLED sub-event type")))
            })
            .collect()
    }

    /// A class of phrases looked for in original text, case aside.
    fn matcher(&self, name: &str) -> Result<PhraseMatcher, ResourceError> {
        let class = self.class(name)?;
        PhraseMatcher::new(class.entries()).map_err(|e| Self::error(class, e.to_string()))
    }

    /// A class of words or phrases.
    fn phrases(&self, name: &str) -> Result<PhraseList, ResourceError> {
        Ok(PhraseList::new(self.class(name)?.entries()))
    }

    /// The entries of a table class looked up by word, each with the value of `column` parsed
    /// by `parse` (the first entry of a word wins).
    fn map<T: Copy>(
        &self,
        name: &str,
        column: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<WordMap<T>, ResourceError> {
        let pairs = self.pairs(name, column, parse)?;
        Ok(word_map(pairs.iter().map(|(w, v)| (&**w, *v))))
    }

    /// The entries of a table class with the value of `column` parsed by `parse`.
    fn pairs<T>(
        &self,
        name: &str,
        column: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Vec<(Box<str>, T)>, ResourceError> {
        let class = self.class(name)?;
        class
            .rows()
            .iter()
            .map(|row| {
                let value = class.field(row, column).unwrap_or_default();
                parse(value)
                    .map(|v| (Box::from(row[0].as_str()), v))
                    .ok_or_else(|| {
                        Self::error(class, format!("`{}`: bad {column} `{value}`", row[0]))
                    })
            })
            .collect()
    }
}
