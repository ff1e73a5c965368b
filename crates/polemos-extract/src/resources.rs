use crate::{ActorDictionary, Gazetteer, SourceDictionary, TriggerLexicon};

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
}

impl Resources {
    /// The resources embedded in the library.
    pub fn embedded() -> Result<Resources, ResourceError> {
        Ok(Resources {
            gazetteer: Gazetteer::embedded()?,
            actors: ActorDictionary::embedded()?,
            triggers: TriggerLexicon::embedded()?,
            sources: SourceDictionary::embedded()?,
        })
    }
}
