//! The resources extraction reads (gazetteer, dictionaries, lexicon), where they came from, and
//! the errors loading them.

mod user_dir;

use crate::{ActorDictionary, Gazetteer, Lexicon, SourceDictionary, TriggerLexicon};

/// Errors loading resources (gazetteer, actor dictionary, trigger lexicon).
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("cannot build the dictionary matcher: {0}")]
    Matcher(String),
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The dictionaries extraction uses. Loaded once and shared by every thread.
#[derive(Debug, Clone)]
pub struct Resources {
    pub gazetteer: Gazetteer,
    pub actors: ActorDictionary,
    pub triggers: TriggerLexicon,
    pub sources: SourceDictionary,
    /// The word classes the rules share (`data/lexicon/`).
    pub lexicon: Lexicon,
    /// Where each resource came from: `(resource, origin)`, origin being `embedded <polemos
    /// version> fnv1a64:<hash of the data files>` or `<path> fnv1a64:<hash of the file>` for
    /// data a user added. Written into output files, so a result says what produced it.
    pub provenance: Vec<(String, String)>,
}

impl Resources {
    /// The resources embedded in the library.
    pub fn embedded() -> Result<Resources, ResourceError> {
        Ok(Resources {
            gazetteer: Gazetteer::embedded()?,
            actors: ActorDictionary::embedded()?,
            triggers: TriggerLexicon::embedded()?,
            sources: SourceDictionary::embedded()?,
            lexicon: Lexicon::embedded()?,
            provenance: embedded_provenance(),
        })
    }

    /// The provenance as one line: `gazetteer=embedded 0.1.0 fnv1a64:…; actors=…`.
    pub fn describe(&self) -> String {
        self.provenance
            .iter()
            .map(|(name, origin)| format!("{name}={origin}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Records that `name` was extended with the data in `bytes` read from `path`.
    pub fn add_provenance(&mut self, name: &str, path: &str, bytes: &[u8]) {
        let origin = format!("{path} fnv1a64:{:016x}", crate::data::fnv1a64(&[bytes]));
        self.provenance.push((name.to_string(), origin));
    }
}

/// The provenance of the embedded resources: one entry per resource, hashing its data files.
fn embedded_provenance() -> Vec<(String, String)> {
    let lexicon = Lexicon::embedded_files()
        .iter()
        .map(|(_, text)| ("lexicon", text.as_bytes()));
    let all: Vec<(&str, &[u8])> = crate::data::ALL.iter().copied().chain(lexicon).collect();
    let mut names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let files: Vec<&[u8]> = all
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, bytes)| *bytes)
                .collect();
            let origin = format!(
                "embedded {} fnv1a64:{:016x}",
                polemos_core::VERSION,
                crate::data::fnv1a64(&files)
            );
            (name.to_string(), origin)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provenance_names_every_resource_with_a_stable_hash() {
        let r = Resources::embedded().unwrap();
        let names: Vec<&str> = r.provenance.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["gazetteer", "actors", "triggers", "sources", "lexicon"]
        );
        assert!(
            r.describe().starts_with("gazetteer=embedded "),
            "{}",
            r.describe()
        );
        assert_eq!(r.describe(), Resources::embedded().unwrap().describe());
        let mut extended = r.clone();
        extended.add_provenance("gazetteer", "syria.tsv.zst", b"x");
        assert!(extended
            .describe()
            .ends_with("gazetteer=syria.tsv.zst fnv1a64:af63f54c86021707"));
    }
}
