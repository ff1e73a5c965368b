/// Errors loading resources (gazetteer, actor dictionary, trigger lexicon).
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The dictionaries extraction uses.
#[derive(Debug, Clone)]
pub struct Resources {}

impl Resources {
    /// The resources embedded in the library.
    pub fn embedded() -> Result<Resources, ResourceError> {
        Ok(Resources {})
    }
}
