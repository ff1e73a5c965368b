//! Building the actor dictionary from its data files: the actor tables (`actors.tsv`,
//! `armed_groups.tsv`), the country table (`countries.tsv`), the community table
//! (`communities.tsv`) and the two noun lists that, after a country's or a community's name,
//! name its armed men (`force_nouns.txt`, `militia_nouns.txt`).

use std::collections::{HashMap, HashSet};

use polemos_core::ActorCategory;

use super::{
    Actor, ActorDictionary, Alias, AliasTarget, NounClass, Resolve, COUNTRY_PLACEHOLDER,
    UNKNOWN_COUNTRY,
};
use crate::fold::fold_key;
use crate::matcher::{exact_form, DictMatcher};
use crate::tsv::parse_rows;
use crate::ResourceError;

/// The texts of the actor dictionary's data files, each with the name errors report it by.
#[derive(Debug, Clone, Copy)]
pub struct ActorFiles<'a> {
    /// Tables of actors, all with the columns of `actors.tsv`, read in order.
    pub tables: &'a [(&'a str, &'a str)],
    /// The country table (`countries.tsv`).
    pub countries: (&'a str, &'a str),
    /// The community table (`communities.tsv`).
    pub communities: (&'a str, &'a str),
    /// Nouns naming a state's forces after its demonym (`force_nouns.txt`).
    pub force_nouns: &'a str,
    /// Nouns naming a community's armed men after its name (`militia_nouns.txt`).
    pub militia_nouns: &'a str,
}

/// The columns of an actor table.
const ACTOR_COLUMNS: [&str; 7] = [
    "name",
    "category",
    "country",
    "kind",
    "demonyms",
    "aliases",
    "resolves_to",
];
const COUNTRY_COLUMNS: [&str; 5] = ["iso2", "name", "demonyms", "capitals", "other_names"];
const COMMUNITY_COLUMNS: [&str; 3] = ["name", "country", "forms"];

/// The name of the identity militia a community's armed members are coded as.
fn community_militia(name: &str) -> String {
    format!("{name} communal militia")
}

fn words(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[derive(Default)]
struct Builder {
    actors: Vec<Actor>,
    templates: Vec<String>,
    aliases: Vec<(String, Alias)>,
    national: HashMap<String, Vec<usize>>,
    own_states: HashMap<String, usize>,
    /// Each actor's position by name.
    names: HashMap<String, usize>,
    /// The country (ISO code) of each demonym of the country table, by folded text.
    country_demonyms: HashMap<String, String>,
    /// Folded alias texts already given to some actor, by target actor, so that a table that
    /// repeats a name (a country's demonym also in its own state row) adds it once.
    seen: HashSet<(String, Option<usize>)>,
}

impl Builder {
    fn push_alias(&mut self, text: &str, target: AliasTarget) {
        let id = match &target {
            AliasTarget::Named(id) | AliasTarget::Demonym(id) | AliasTarget::CountryName(id) => {
                Some(*id)
            }
            _ => None,
        };
        if id.is_some() && !self.seen.insert((fold_key(text), id)) {
            return;
        }
        let exact = exact_form(text);
        self.aliases
            .push((text.to_string(), Alias { target, exact }));
    }

    fn actor_id(
        &mut self,
        name: &str,
        category: ActorCategory,
        country: Option<String>,
        party: bool,
    ) -> usize {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        self.actors.push(Actor {
            name: name.to_string(),
            category,
            country,
            party,
        });
        self.names.insert(name.to_string(), self.actors.len() - 1);
        self.actors.len() - 1
    }

    /// The rows of one actor table.
    fn actor_table(&mut self, file: &str, text: &str) -> Result<(), ResourceError> {
        let mut header = Vec::new();
        for row in parse_rows(file, text, &mut header, &ACTOR_COLUMNS)? {
            let category_name = row.require("category")?;
            let category = ActorCategory::parse(category_name)
                .ok_or_else(|| row.error(format!("unknown category `{category_name}`")))?;
            let name = row.get("name");
            let template = name.contains(COUNTRY_PLACEHOLDER);
            let country = Some(row.get("country"))
                .filter(|c| !c.is_empty())
                .map(String::from);
            let kind = row.require("kind")?;
            let party = kind == "party";
            let own = (!name.is_empty() && !template)
                .then(|| self.actor_id(name, category, country, party));
            match kind {
                "named" | "state" | "party" => {
                    let id = own.ok_or_else(|| row.error("named actor without a name".into()))?;
                    if let (Some(c), "state") = (&self.actors[id].country, kind) {
                        self.own_states.entry(c.clone()).or_insert(id);
                    }
                    for a in row.list("aliases").chain(std::iter::once(name)) {
                        self.push_alias(a, AliasTarget::Named(id));
                    }
                    for demonym in row.list("demonyms") {
                        self.push_alias(demonym, AliasTarget::Demonym(id));
                    }
                }
                "generic" => {
                    let resolves = row.require("resolves_to")?;
                    let resolve = if resolves == "state" {
                        Resolve::State(template.then(|| {
                            self.templates.push(name.to_string());
                            self.templates.len() - 1
                        }))
                    } else if template {
                        return Err(row.error(format!(
                            "a name with {COUNTRY_PLACEHOLDER} is a template for \"state\" rows only"
                        )));
                    } else {
                        Resolve::FirstNamed(
                            row.list("resolves_to").map(String::from).collect(),
                            own,
                        )
                    };
                    for a in row.list("aliases") {
                        self.push_alias(a, AliasTarget::Generic(resolve.clone()));
                    }
                }
                "not_actor" => {
                    for a in row.list("aliases") {
                        self.push_alias(a, AliasTarget::NotActor);
                    }
                }
                other => return Err(row.error(format!("unknown kind `{other}`"))),
            }
        }
        Ok(())
    }

    /// The forces each state template names for `code` ("Police Forces of Kenya"); their ids
    /// in template order.
    fn national_forces(&mut self, code: &str, name: &str) -> Vec<usize> {
        let made: Vec<Actor> = super::national_actors(&self.templates, code, name).collect();
        let ids: Vec<usize> = made
            .into_iter()
            .map(|a| self.actor_id(&a.name, a.category, a.country, false))
            .collect();
        self.national.insert(code.to_string(), ids.clone());
        ids
    }

    /// Every country of the table: its forces (its own state row's, else those the templates
    /// name), and its demonyms ("Kenyan") and names ("Kenya", "Nairobi") standing for them.
    fn countries(&mut self, file: &str, text: &str) -> Result<(), ResourceError> {
        let mut header = Vec::new();
        for row in parse_rows(file, text, &mut header, &COUNTRY_COLUMNS)? {
            let code = row.require("iso2")?;
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(row.error(format!("`{code}` is not an ISO 3166-1 alpha-2 code")));
            }
            let name = row.require("name")?;
            let forces = match self.own_states.get(code).copied() {
                Some(own) => Some(own),
                None => self.national_forces(code, name).first().copied(),
            };
            for demonym in row.list("demonyms") {
                self.country_demonyms
                    .entry(fold_key(demonym))
                    .or_insert_with(|| code.to_string());
            }
            let Some(forces) = forces else { continue };
            for demonym in row.list("demonyms") {
                self.push_alias(demonym, AliasTarget::Demonym(forces));
            }
            let names = std::iter::once(name)
                .chain(row.list("other_names"))
                .chain(row.list("capitals"));
            for n in names {
                self.push_alias(n, AliasTarget::CountryName(forces));
            }
        }
        Ok(())
    }

    /// Every community of the table: its militia, and its names and forms standing for it
    /// where they modify an event or a militia noun. A form some country or named actor
    /// already holds ("Somali") stays theirs.
    fn communities(&mut self, file: &str, text: &str) -> Result<(), ResourceError> {
        let taken: HashSet<String> = self.seen.iter().map(|(text, _)| text.clone()).collect();
        let mut header = Vec::new();
        for row in parse_rows(file, text, &mut header, &COMMUNITY_COLUMNS)? {
            let name = row.require("name")?;
            let country = Some(row.get("country"))
                .filter(|c| !c.is_empty())
                .map(String::from);
            let militia = community_militia(name);
            let id = self.actor_id(&militia, ActorCategory::IdentityMilitia, country, false);
            for form in std::iter::once(name).chain(row.list("forms")) {
                if !taken.contains(&fold_key(form)) {
                    self.push_alias(form, AliasTarget::Demonym(id));
                }
            }
        }
        Ok(())
    }
}

impl ActorDictionary {
    /// Builds the dictionary from its data files.
    pub fn from_files(files: &ActorFiles<'_>) -> Result<Self, ResourceError> {
        let mut b = Builder::default();
        for (file, text) in files.tables {
            b.actor_table(file, text)?;
        }
        // Every actor a generic row may resolve to must exist.
        for (_, a) in &b.aliases {
            if let AliasTarget::Generic(Resolve::FirstNamed(names, _)) = &a.target {
                if let Some(n) = names.iter().find(|n| !b.names.contains_key(n.as_str())) {
                    return Err(ResourceError::Parse {
                        file: files.tables.first().map_or("", |t| t.0).to_string(),
                        line: 0,
                        message: format!("resolves_to names unknown actor `{n}`"),
                    });
                }
            }
        }
        b.national_forces(UNKNOWN_COUNTRY, UNKNOWN_COUNTRY);
        b.countries(files.countries.0, files.countries.1)?;
        b.communities(files.communities.0, files.communities.1)?;
        for noun in words(files.force_nouns) {
            b.push_alias(noun, AliasTarget::Noun(NounClass::Force));
        }
        for noun in words(files.militia_nouns) {
            b.push_alias(noun, AliasTarget::Noun(NounClass::Militia));
        }
        Ok(ActorDictionary {
            actors: b.actors,
            matcher: DictMatcher::new(b.aliases)?,
            templates: b.templates,
            national: b.national,
            own_states: b.own_states,
            names: b.names,
            country_demonyms: b.country_demonyms,
        })
    }

    /// The dictionary embedded in the library.
    pub fn embedded() -> Result<Self, ResourceError> {
        ActorDictionary::from_files(&ActorFiles::embedded())
    }
}

impl ActorFiles<'static> {
    /// The files embedded in the library.
    pub fn embedded() -> Self {
        use crate::data;
        ActorFiles {
            tables: &[
                ("data/actors/actors.tsv", data::ACTORS),
                ("data/actors/armed_groups.tsv", data::ARMED_GROUPS),
            ],
            countries: ("data/actors/countries.tsv", data::COUNTRIES),
            communities: ("data/actors/communities.tsv", data::COMMUNITIES),
            force_nouns: data::FORCE_NOUNS,
            militia_nouns: data::MILITIA_NOUNS,
        }
    }
}
