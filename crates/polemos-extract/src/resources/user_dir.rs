//! A researcher's own folder of data files ([`Resources::from_dir`]), and the built-in files
//! written out to start one from ([`Resources::export_builtin`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{ResourceError, Resources};
use crate::actors::ActorFiles;
use crate::lexicon::REPLACE_MARKER;
use crate::{ActorDictionary, Lexicon, SourceDictionary, TriggerLexicon};

impl Resources {
    /// The embedded resources extended with a user's folder of data files, laid out as
    /// `polemos lexicon export` writes them: `actors.tsv`, `force_nouns.txt`, `triggers.tsv`,
    /// `sources.tsv` and the lexicon's class files (`harm_words.tsv`, `stop_names.txt` ...),
    /// any of them. Each file's rows are added to the built-in ones, or replace them when its
    /// first line is [`REPLACE_MARKER`]; a file must have the built-in file's columns, and a
    /// file of another name is an error (a misspelt name would otherwise change nothing).
    /// Every file used is recorded in the provenance with its hash. The gazetteer is rebuilt
    /// when the folder changes the names it leaves out or guards (`stop_names`,
    /// `guarded_place_names`, `name_articles`).
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Resources, ResourceError> {
        let dir = dir.as_ref();
        let mut resources = Resources::embedded()?;
        let files = user_files(dir)?;
        let mut rebuild_gazetteer = false;
        // The actor dictionary's files the folder holds, merged with the built-in ones.
        let mut actor_files: HashMap<&str, Merged> = HashMap::new();
        for (path, name, text) in &files {
            let table = DICTIONARIES.iter().find(|(file, _, _)| file == name);
            match table {
                Some(&(file, builtin, "actors")) => {
                    actor_files.insert(file, merge(name, builtin, path, text)?);
                }
                Some(&("triggers.tsv", builtin, _)) => {
                    let merged = merge(name, builtin, path, text)?;
                    resources.triggers = TriggerLexicon::from_tsv(name, &merged.text)
                        .map_err(|e| merged.locate(e))?;
                }
                Some(&("sources.tsv", builtin, _)) => {
                    let merged = merge(name, builtin, path, text)?;
                    resources.sources = SourceDictionary::from_tsv(name, &merged.text)
                        .map_err(|e| merged.locate(e))?;
                }
                _ => {
                    resources
                        .lexicon
                        .extend(name, text)
                        .map_err(|e| at_path(e, path))?;
                    rebuild_gazetteer |= GAZETTEER_CLASSES.iter().any(|c| name.starts_with(c));
                }
            }
        }
        if !actor_files.is_empty() {
            resources.actors = user_actors(&actor_files)?;
        }
        if rebuild_gazetteer {
            resources.gazetteer = resources.gazetteer.rebuilt_with(&resources.lexicon)?;
        }
        for (path, name, text) in &files {
            let resource = DICTIONARIES
                .iter()
                .find(|(file, _, _)| file == name)
                .map_or("lexicon", |(_, _, resource)| resource);
            resources.add_provenance(resource, &path.display().to_string(), text.as_bytes());
        }
        Ok(resources)
    }

    /// Writes the built-in data files a user's folder may hold ([`Resources::from_dir`]): the
    /// actor, trigger and source dictionaries and every lexicon class, each with its header
    /// saying what it is for, plus a `README.md`. Each file starts with [`REPLACE_MARKER`]:
    /// it is a whole copy, so a folder of edited copies replaces the built-in files it holds.
    /// Files already there are an error unless `overwrite`. Returns the paths written.
    pub fn export_builtin(
        dir: impl AsRef<Path>,
        overwrite: bool,
    ) -> Result<Vec<PathBuf>, ResourceError> {
        let dir = dir.as_ref();
        let io = |path: &Path, source| ResourceError::Io {
            path: path.display().to_string(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        let files: Vec<(&str, &str)> = DICTIONARIES
            .iter()
            .map(|(name, text, _)| (*name, *text))
            .chain(Lexicon::embedded_files().iter().copied())
            .chain([("README.md", EXPORT_README)])
            .collect();
        if !overwrite {
            if let Some((name, _)) = files.iter().find(|(name, _)| dir.join(name).exists()) {
                let path = dir.join(name);
                return Err(io(
                    &path,
                    std::io::Error::new(
                        std::io::ErrorKind::AlreadyExists,
                        "already exists (export into a new folder, or overwrite)",
                    ),
                ));
            }
        }
        let mut written = Vec::with_capacity(files.len());
        for (name, text) in files {
            let path = dir.join(name);
            let text = if name.ends_with(".md") {
                text.to_string()
            } else {
                format!("{REPLACE_MARKER}\n{text}")
            };
            std::fs::write(&path, text).map_err(|e| io(&path, e))?;
            written.push(path);
        }
        Ok(written)
    }
}

/// The dictionary files a user's folder may hold besides the lexicon's classes: (file name,
/// built-in text, resource it extends).
const DICTIONARIES: [(&str, &str, &str); 8] = [
    ("actors.tsv", crate::data::ACTORS, "actors"),
    ("armed_groups.tsv", crate::data::ARMED_GROUPS, "actors"),
    ("countries.tsv", crate::data::COUNTRIES, "actors"),
    ("communities.tsv", crate::data::COMMUNITIES, "actors"),
    ("force_nouns.txt", crate::data::FORCE_NOUNS, "actors"),
    ("militia_nouns.txt", crate::data::MILITIA_NOUNS, "actors"),
    ("triggers.tsv", crate::data::TRIGGERS, "triggers"),
    ("sources.tsv", crate::data::SOURCES, "sources"),
];

/// The actor dictionary from the built-in files with the user's `files` (by file name) merged
/// in; an error in a user's row names the user's file and line.
fn user_actors(files: &HashMap<&str, Merged>) -> Result<ActorDictionary, ResourceError> {
    let text = |file: &str| -> String {
        files.get(file).map(|m| m.text.clone()).unwrap_or_else(|| {
            DICTIONARIES
                .iter()
                .find(|(f, _, _)| *f == file)
                .map(|(_, t, _)| t.to_string())
                .unwrap_or_default()
        })
    };
    let (actors, groups) = (text("actors.tsv"), text("armed_groups.tsv"));
    let (countries, communities) = (text("countries.tsv"), text("communities.tsv"));
    let (force_nouns, militia_nouns) = (text("force_nouns.txt"), text("militia_nouns.txt"));
    let tables = [
        ("actors.tsv", actors.as_str()),
        ("armed_groups.tsv", groups.as_str()),
    ];
    ActorDictionary::from_files(&ActorFiles {
        tables: &tables,
        countries: ("countries.tsv", &countries),
        communities: ("communities.tsv", &communities),
        force_nouns: &force_nouns,
        militia_nouns: &militia_nouns,
    })
    .map_err(|e| match &e {
        ResourceError::Parse { file, .. } => match files.get(file.as_str()) {
            Some(merged) => merged.locate(e),
            None => e,
        },
        _ => e,
    })
}

/// What a folder written by [`Resources::export_builtin`] holds.
const EXPORT_README: &str = "\
# polemos data files

The dictionaries and word classes built into polemos, as `polemos lexicon export` wrote them.
Edit the files you want to change, delete the others, and pass the folder to polemos:
`polemos extract ... --lexicon DIR`, `polemos.extract(..., lexicon=\"DIR\")`, or
`Resources::from_dir(DIR)` in Rust.

Each file here starts with `#! replace`: it is a whole copy, and replaces the built-in file of
its name. A file without that first line adds its rows to the built-in ones instead, which
is the simpler way to add a few actors or words: a table with just its header line and your
rows. A table must keep its header line. Entries of the word classes are written in folded
form: lowercase, no accents, words separated by single spaces.

- `actors.tsv`, `armed_groups.tsv`: actors with their aliases, categories and countries.
- `countries.tsv`: every country's names, demonyms and capitals, standing for its forces.
- `communities.tsv`: communities whose armed members are coded as identity militias.
- `force_nouns.txt`, `militia_nouns.txt`: nouns that, after a country's or a community's name,
  name its forces or its militia (`Kenyan troops`, `Pokot raiders`).
- `triggers.tsv`: the words and phrases that report events, with their event types.
- `sources.tsv`: news agencies, monitors and officials that report.
- every other file: one word class the rules read; its first lines say what it is for.

See docs/lexicon.md in the polemos repository for worked examples.
";

/// The lexicon classes the gazetteer is built with (see `Gazetteer::rebuilt_with`).
const GAZETTEER_CLASSES: [&str; 4] = [
    "stop_names.",
    "guarded_place_names.",
    "name_articles.",
    "key_countries.",
];

/// The `.txt` and `.tsv` files directly in `dir`, in name order: (path, file name, text).
fn user_files(dir: &Path) -> Result<Vec<(PathBuf, String, String)>, ResourceError> {
    let io = |path: &Path, source| ResourceError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let path = entry.map_err(|e| io(dir, e))?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(String::from) else {
            continue;
        };
        if !(name.ends_with(".txt") || name.ends_with(".tsv")) || !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
        let text = String::from_utf8(bytes).map_err(|_| ResourceError::Parse {
            file: path.display().to_string(),
            line: 0,
            message: "not UTF-8".to_string(),
        })?;
        out.push((path, name, text));
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// `error` reported against the user's file at `path`.
fn at_path(error: ResourceError, path: &Path) -> ResourceError {
    match error {
        ResourceError::Parse { line, message, .. } => ResourceError::Parse {
            file: path.display().to_string(),
            line,
            message,
        },
        other => other,
    }
}

/// A built-in dictionary table with a user's rows appended (or, after [`REPLACE_MARKER`],
/// the user's rows alone), laid out so that an error's line number says where it is.
#[derive(Debug, Default)]
struct Merged {
    text: String,
    /// Lines of the built-in text before the user's (0 when replaced).
    builtin_lines: usize,
    user: Option<PathBuf>,
}

impl Merged {
    fn builtin(text: &str) -> Merged {
        Merged {
            text: text.to_string(),
            builtin_lines: text.lines().count(),
            user: None,
        }
    }

    /// A parse error of the merged text, pointing into the user's file when it is there.
    fn locate(&self, error: ResourceError) -> ResourceError {
        match (error, &self.user) {
            (ResourceError::Parse { line, message, .. }, Some(user))
                if line > self.builtin_lines =>
            {
                ResourceError::Parse {
                    file: user.display().to_string(),
                    line: line - self.builtin_lines,
                    message,
                }
            }
            (other, _) => other,
        }
    }
}

/// The built-in table `builtin` of file `name` with the user's file at `path` (its `text`)
/// merged in; a table's header must be the built-in one, or its first columns (a file written
/// before columns were added keeps working: what it leaves out is empty).
fn merge(name: &str, builtin: &str, path: &Path, text: &str) -> Result<Merged, ResourceError> {
    let user = Some(path.to_path_buf());
    if text
        .lines()
        .next()
        .is_some_and(|l| l.trim() == REPLACE_MARKER)
    {
        return Ok(Merged {
            text: text.to_string(),
            builtin_lines: 0,
            user,
        });
    }
    let mut user_text = text.to_string();
    if name.ends_with(".tsv") {
        let builtin_header = first_line(builtin).map(|(_, h)| h).unwrap_or_default();
        let Some((at, header)) = first_line(text) else {
            return Ok(Merged::builtin(builtin));
        };
        if !builtin_header.starts_with(&header) {
            return Err(ResourceError::Parse {
                file: path.display().to_string(),
                line: at + 1,
                message: format!(
                    "header {header:?} is neither the built-in {builtin_header:?} nor its first \
                     columns"
                ),
            });
        }
        // The header becomes a comment: line numbers stay those of the user's file.
        let lines: Vec<&str> = text.lines().collect();
        user_text = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == at { "#" } else { l })
            .collect::<Vec<_>>()
            .join("\n");
    }
    let builtin = builtin.trim_end_matches('\n');
    let builtin_lines = builtin.lines().count();
    Ok(Merged {
        text: format!("{builtin}\n{user_text}\n"),
        builtin_lines,
        user,
    })
}

/// The first line of a table that is no comment, with its index, split into fields.
fn first_line(text: &str) -> Option<(usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i, l.split('\t').map(str::trim).collect()))
}
