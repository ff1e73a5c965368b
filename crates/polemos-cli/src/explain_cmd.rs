//! `polemos explain`: one document's mentions and events, coloured in the terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use polemos_core::Document;
use polemos_parse::{read_paths, ReadOptions};

use crate::args::{ColorChoice, ExplainArgs};
use crate::CliError;
use polemos_engine::{Engine, UserResources};
use polemos_export::explain::{render_ansi, Explanation};

pub fn explain(args: &ExplainArgs) -> Result<(), CliError> {
    let docs = documents(&args.input)?;
    let user = UserResources {
        gazetteer: None,
        lexicon: args.lexicon.clone(),
        model: args.model.clone(),
    };
    let engine = Engine::with_user_resources(args.threads, &user)?;
    let tables = engine.extract(docs, |_| {});
    let explanation = Explanation::from_tables(&tables, args.doc_id.as_deref())?;
    let colour = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match out
        .write_all(render_ansi(&explanation, colour).as_bytes())
        .and_then(|()| out.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result.map_err(CliError::Stdout),
    }
}

/// A file, directory or glob pattern when the argument names one; otherwise the argument is
/// the text itself (`polemos explain "Clashes in Daraa killed 3."`).
fn documents(input: &str) -> Result<Vec<Document>, CliError> {
    let path = Path::new(input);
    let looks_like_path = path.exists() || (input.contains(['*', '?']) && !input.contains('\n'));
    if !looks_like_path {
        return Ok(vec![Document::from_text("input[0]", input)]);
    }
    let docs = read_paths(&[PathBuf::from(input)], &ReadOptions::default())?;
    if docs.is_empty() {
        return Err(CliError::NoDocuments(input.to_string()));
    }
    Ok(docs)
}
