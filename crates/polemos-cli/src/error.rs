use polemos_export::ExportError;
use polemos_parse::ReadError;

use polemos_engine::EngineError;

/// A failure that stops a run (a document that cannot be read is an error row, not this).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("no documents found in {0}")]
    NoDocuments(String),
    /// Inputs that name nothing readable; with other inputs, `--keep-going` reads the rest.
    #[error("cannot read {0}{hint}", hint = if *.1 { " (the other inputs are read with --keep-going)" } else { "" })]
    UnreadableInputs(String, bool),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Explain(#[from] polemos_export::explain::ExplainError),
    #[error(transparent)]
    Model(#[from] polemos_extract::classify::ModelError),
    #[error("cannot read the labelled texts: {0}")]
    Labelled(String),
    #[error("cannot link incidents (temporary files in the output folder): {0}")]
    Linking(String),
    #[error("cannot write to standard output: {0}")]
    Stdout(#[source] std::io::Error),
}
