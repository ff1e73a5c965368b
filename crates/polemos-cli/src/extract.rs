//! `polemos extract`: read inputs, run the pipeline, write the tables.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use polemos_export::{write_tables_with_metadata, Format};
use polemos_parse::{read_paths, ReadOptions};

use crate::args::ExtractArgs;
use crate::engine::Engine;
use crate::summary::Summary;
use crate::CliError;

/// Unreadable documents named in warnings; the rest are counted.
const MAX_WARNINGS: usize = 10;

pub fn extract(args: &ExtractArgs) -> Result<(), CliError> {
    let options = ReadOptions {
        text_column: args.text_column.clone(),
        id_column: args.id_column.clone(),
        date_column: args.date_column.clone(),
        title_column: args.title_column.clone(),
        url_column: args.url_column.clone(),
        split_stories: !args.no_split,
    };
    let docs = read_paths(&args.inputs, &options)?;
    if docs.is_empty() {
        return Err(CliError::NoDocuments(describe_inputs(&args.inputs)));
    }
    let engine = match &args.gazetteer {
        Some(path) => Engine::with_gazetteer(args.threads, path)?,
        None => Engine::new(args.threads)?,
    };

    let bar = progress_bar(docs.len(), args.quiet);
    let tables = engine.extract(docs, |n| bar.inc(n as u64));
    bar.finish_and_clear();

    let format = Format::from(args.format);
    write_tables_with_metadata(&tables, &args.output, format, &engine.file_metadata())?;

    if !args.quiet {
        let summary = Summary::of(&tables);
        warn_failed(&summary);
        eprintln!(
            "polemos: {} -> {} ({format})",
            summary.counts(),
            display_dir(&args.output)
        );
    }
    Ok(())
}

/// A bar on stderr, hidden when stderr is not a terminal (logs, pipes, CI) or with `--quiet`.
fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} documents ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn warn_failed(summary: &Summary) {
    for (id, error) in summary.failed.iter().take(MAX_WARNINGS) {
        eprintln!("polemos: warning: {id}: {error}");
    }
    if summary.failed.len() > MAX_WARNINGS {
        eprintln!(
            "polemos: warning: ... and {} more documents with errors (see documents.status)",
            summary.failed.len() - MAX_WARNINGS
        );
    }
}

/// `out/` for `out`: marks the path as a directory in the summary line.
fn display_dir(dir: &Path) -> String {
    let s = dir.display().to_string();
    if s.ends_with(std::path::MAIN_SEPARATOR) || s.ends_with('/') {
        s
    } else {
        format!("{s}/")
    }
}

fn describe_inputs(inputs: &[std::path::PathBuf]) -> String {
    inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
