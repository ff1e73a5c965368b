//! `polemos extract`: read inputs, run the pipeline, write the tables.
//!
//! The run streams, so that memory does not grow with the corpus: input files are listed first,
//! then read lazily a chunk of documents at a time (see [`next_chunk`]); each chunk is extracted
//! in parallel and its rows appended to the output files before the next chunk is read. The
//! small per-event summaries that incident linking needs are kept for the whole run, in
//! temporary files in the output folder beyond a few MiB (see [`IncidentLinker`]); the
//! incidents table is written last, a batch at a time.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use polemos_core::EventSummary;
use polemos_export::{incidents_table, ExportError, Format, Table, TablesWriter};
use polemos_extract::IncidentLinker;
use polemos_parse::{DocumentReader, ReadOptions};

use crate::args::ExtractArgs;
use crate::summary::Summary;
use crate::CliError;
use polemos_engine::{next_chunk, Engine, UserResources};

pub fn extract(args: &ExtractArgs) -> Result<(), CliError> {
    let options = ReadOptions {
        text_column: args.text_column.clone(),
        id_column: args.id_column.clone(),
        date_column: args.date_column.clone(),
        title_column: args.title_column.clone(),
        url_column: args.url_column.clone(),
        split_stories: !args.no_split,
    };
    let unreadable = polemos_parse::unreadable_inputs(&args.inputs);
    if !unreadable.is_empty() {
        let others = unreadable.len() < args.inputs.len();
        if !(args.keep_going && others) {
            let list: Vec<String> = unreadable
                .iter()
                .map(|(p, e)| format!("{}: {e}", p.display()))
                .collect();
            return Err(CliError::UnreadableInputs(list.join("; "), others));
        }
    }
    let mut reader = DocumentReader::new(&args.inputs, &options)?;
    // Reading up to the first documents before anything else: inputs that yield none fail
    // before the dictionaries are loaded or the output directory is touched.
    let mut chunk = next_chunk(&mut reader);
    if chunk.is_empty() {
        return Err(CliError::NoDocuments(describe_inputs(&args.inputs)));
    }
    let user = UserResources {
        gazetteer: args.gazetteer.clone(),
        lexicon: args.lexicon.clone(),
        model: args.model.clone(),
    };
    let engine = Engine::with_user_resources(args.threads, &user)?;
    let format = Format::from(args.format);
    let mut output = TablesWriter::create(&args.output, format, &engine.file_metadata())?
        .include_all_events(args.all_events);

    let bar = progress_bar(reader.n_files(), args.quiet);
    let mut summary = Summary::default();
    // What incident linking needs of each event, kept compactly for the whole run (events
    // without a date or a province never link and are not kept); GeoJSON and ACLED CSV write
    // no incidents.
    let link = format.writes(Table::Incidents);
    // Beyond a few MiB, the summaries wait in unnamed temporary files in the output folder.
    let mut linker = IncidentLinker::spilling_to(&args.output);
    while !chunk.is_empty() {
        let extractions = engine.extract_chunk(chunk);
        if link {
            for e in EventSummary::of(&extractions) {
                linker.push(&e);
            }
        }
        let tables = polemos_export::tables_from(extractions);
        summary.add(&tables);
        output.write_owned(tables)?;
        bar.set_position(reader.files_done() as u64);
        bar.set_message(summary.documents.to_string());
        chunk = next_chunk(&mut reader);
    }
    if link {
        // Incidents link events across every document of the run, once all are in.
        write_incidents(&mut linker, &mut output)?;
    }
    output.finish()?;
    bar.finish_and_clear();

    if !args.quiet {
        warn_failed(&summary);
        eprintln!(
            "polemos: {} -> {} ({format})",
            summary.counts(),
            display_dir(&args.output)
        );
    }
    Ok(())
}

/// Reports (events) of the incidents written per batch: the incidents of a large corpus are
/// never all in memory, and neither are the many reports of its largest incidents (tens of
/// thousands each, for a month-long campaign reported day after day).
const REPORTS_PER_BATCH: usize = 65_536;

/// Links the events kept by `linker` and appends the incidents to the output, a batch at a time.
fn write_incidents(linker: &mut IncidentLinker, output: &mut TablesWriter) -> Result<(), CliError> {
    let mut batch = Vec::new();
    let mut reports = 0;
    let mut written: Result<(), ExportError> = Ok(());
    let linked = linker.link_each(|incident| {
        if written.is_err() {
            // The output failed: the rest is not kept, the error is reported below.
            return;
        }
        reports += incident.event_ids.len();
        batch.push(incident);
        if reports >= REPORTS_PER_BATCH {
            written = output.write_table(Table::Incidents, &incidents_table(&batch));
            batch.clear();
            reports = 0;
        }
    });
    written?;
    linked.map_err(|e| CliError::Linking(e.to_string()))?;
    output.write_table(Table::Incidents, &incidents_table(&batch))?;
    Ok(())
}

/// A bar on stderr counting input files, with the documents read from them so far; hidden when
/// stderr is not a terminal (logs, pipes, CI) or with `--quiet`.
fn progress_bar(files: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files, {msg} documents \
         ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style);
    }
    bar.set_message("0");
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn warn_failed(summary: &Summary) {
    // Unreadable documents named in warnings; the rest are counted.
    for (id, error) in &summary.failed {
        eprintln!("polemos: warning: {id}: {error}");
    }
    if summary.errors > summary.failed.len() {
        eprintln!(
            "polemos: warning: ... and {} more documents with errors (see documents.status)",
            summary.errors - summary.failed.len()
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
