//! Command-line arguments.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use polemos_export::Format;

/// Turn news articles about armed conflict into geocoded, ACLED-coded event data.
#[derive(Debug, Parser)]
#[command(name = "polemos", version, propagate_version = true)]
#[command(after_help = "Examples:\n  \
    polemos extract articles/ -o out\n  \
    polemos extract 'scrapes/*.html' news.csv --text-column body -o out --format csv\n  \
    polemos extract articles/ -o out --format acled\n  \
    polemos extract articles/ -o out --format ucdp\n  \
    polemos explain articles/idlib.txt\n  \
    polemos explain \"Russian warplanes struck Jisr al-Shughur, killing 9 civilians.\"\n  \
    polemos gazetteer import SY.txt admin1CodesASCII.txt -o syria.tsv.zst\n  \
    polemos lexicon export my-lexicon\n  \
    polemos train acled_export.csv --text notes --label sub_event_type -o acled.polemos\n  \
    polemos extract articles/ -o out --model acled.polemos\n  \
    polemos schema events\n\n\
    Exit codes: 0 success, 1 failure (message on stderr), 2 invalid arguments.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract documents, sentences, mentions, events, furniture and incidents tables from files.
    Extract(ExtractArgs),
    /// Show one document with its mentions highlighted and its events with their rules.
    #[command(after_help = "Examples:\n  \
        polemos explain examples/corpus/03_deir_ezzor_checkpoint_attack.txt\n  \
        polemos explain examples/corpus --doc-id examples/corpus/wire.jsonl:2\n  \
        polemos explain \"Clashes in Daraa killed 3 fighters.\" --color never")]
    Explain(ExplainArgs),
    /// Print the output tables and their columns (see docs/schema.md for details).
    Schema(SchemaArgs),
    /// Build gazetteer files for `extract --gazetteer`.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Work with the dictionaries and word classes polemos reads (`extract --lexicon`).
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    /// Learn an event-type model from labelled texts (an ACLED export's notes and sub-event
    /// types, or any table of texts and labels), cross-validate it and write it for
    /// `extract --model`.
    #[command(after_help = "Examples:\n  \
        polemos train acled_export.csv --text notes --label sub_event_type -o acled.polemos\n  \
        polemos train coded.jsonl --text body --label category -o mine.polemos --folds 10\n  \
        polemos extract articles/ -o out --model acled.polemos\n\n\
        The model types each event the rules find from the event's sentence and its neighbours\n\
        and, unless trained with --no-rules, the rules' reading of the event (its type and\n\
        trigger rule), which the rules give every training text first. With ACLED sub-event\n\
        types as labels it replaces the rules' sub-event type where its probability reaches\n\
        --threshold; with other labels it only fills model_label.")]
    Train(TrainArgs),
}

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// A CSV (an ACLED export as downloaded), TSV or JSON Lines file of labelled texts.
    #[arg(value_name = "LABELLED")]
    pub input: PathBuf,

    /// Column holding the texts.
    #[arg(long, value_name = "NAME", default_value = "notes")]
    pub text: String,

    /// Column holding the labels.
    #[arg(long, value_name = "NAME", default_value = "sub_event_type")]
    pub label: String,

    /// The model file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Folds of cross-validation run before training on everything (0: none).
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub folds: usize,

    /// The model's name in the events' `rule` column [default: the output file's stem].
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Probability from which the model's sub-event type replaces the rules' one [default: 0.3
    /// for a model that reads the rules, 0.5 with --no-rules].
    #[arg(long, value_name = "P", value_parser = probability)]
    pub threshold: Option<f32>,

    /// Passes over the texts while training.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub epochs: u32,

    /// Learn from the words alone: without the rules' reading of each text (the type of the
    /// event they find in it), from which a model learns when the rules are to be trusted.
    #[arg(long)]
    pub no_rules: bool,

    /// Read the training texts with the places of this gazetteer file added, as `extract
    /// --gazetteer` will read articles with the model.
    #[arg(long, value_name = "FILE", conflicts_with = "no_rules")]
    pub gazetteer: Option<PathBuf>,

    /// Read the training texts with the dictionaries and word classes of this folder added,
    /// as `extract --lexicon` will read articles with the model: the model learns what the
    /// rules you extract with make of each text.
    #[arg(long, value_name = "DIR", conflicts_with = "no_rules")]
    pub lexicon: Option<PathBuf>,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

fn probability(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("{s:?} is not a probability between 0 and 1")),
    }
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Write the built-in dictionaries and word classes into a folder, to edit and pass to
    /// `extract --lexicon`.
    #[command(after_help = "Example:\n  \
        polemos lexicon export my-lexicon\n  \
        polemos extract articles/ -o out --lexicon my-lexicon")]
    Export(LexiconExportArgs),
}

#[derive(Debug, Args)]
pub struct LexiconExportArgs {
    /// The folder to write (created if missing).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Overwrite files already in the folder.
    #[arg(long)]
    pub force: bool,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Convert GeoNames dump files (a country file such as SY.txt or allCountries.txt, and
    /// optionally admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.txt) into a
    /// gazetteer file.
    #[command(after_help = "Example:\n  \
        polemos gazetteer import geonames/SY.txt geonames/admin1CodesASCII.txt -o syria.tsv.zst\n  \
        polemos extract articles/ -o out --gazetteer syria.tsv.zst")]
    Import(GazetteerImportArgs),
}

#[derive(Debug, Args)]
pub struct GazetteerImportArgs {
    /// GeoNames files or directories holding them.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// The gazetteer file to write; zstd-compressed when it ends in .zst.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A file, directory or glob pattern; anything else is explained as the text itself.
    #[arg(value_name = "FILE_OR_TEXT")]
    pub input: String,

    /// The document to show [default: the first with events].
    #[arg(long, value_name = "ID")]
    pub doc_id: Option<String>,

    /// Colour the output: auto (when stdout is a terminal and NO_COLOR is unset), always,
    /// never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Worker threads [default: one per core].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Add the dictionaries and word classes of a folder (as `polemos lexicon export` writes
    /// them) to the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,

    /// Read each event with a trained event-type model (from `polemos train`) beside the rules.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories (read recursively) or glob patterns: .txt, .md, .html, .csv,
    /// .jsonl, .warc.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Directory to write the tables into (created if missing; existing tables are replaced).
    #[arg(short, long, value_name = "OUT_DIR")]
    pub output: PathBuf,

    /// Output file format.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Parquet)]
    pub format: FormatArg,

    /// With `--format geojson`, `acled` or `ucdp`: write the events the text does not assert
    /// too (negated, planned, denied, hypothetical), told apart by their modality column; by
    /// default these views hold only what the text says happened.
    #[arg(long)]
    pub all_events: bool,

    /// Go on when some inputs cannot be read (missing, no permission): the others are read,
    /// and each unreadable one is an error row. Without it, such an input stops the run
    /// before anything is written.
    #[arg(long)]
    pub keep_going: bool,

    /// Worker threads [default: one per core].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Column holding the text, in CSV and JSONL inputs.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_column: String,

    /// Column holding the document id, in CSV and JSONL inputs [default: file and line].
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,

    /// Column holding the publication date (YYYY-MM-DD), in CSV and JSONL inputs.
    #[arg(long, value_name = "NAME")]
    pub date_column: Option<String>,

    /// Column holding the title, in CSV and JSONL inputs.
    #[arg(long, value_name = "NAME")]
    pub title_column: Option<String>,

    /// Column holding the URL, in CSV and JSONL inputs.
    #[arg(long, value_name = "NAME")]
    pub url_column: Option<String>,

    /// Keep pages holding several stories (live blogs, digests) as one document.
    #[arg(long)]
    pub no_split: bool,

    /// Add the places of a gazetteer file (from `polemos gazetteer import`) to the built-in
    /// gazetteer.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,

    /// Add the dictionaries and word classes of a folder (as `polemos lexicon export` writes
    /// them) to the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,

    /// Read each event with a trained event-type model (from `polemos train`) beside the
    /// rules: its label and probability fill model_label and model_probability, and where it
    /// is confident its sub-event type replaces the rules' one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,

    /// Print nothing but errors: no progress bar, warnings or summary.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print only this table.
    #[arg(value_parser = ["documents", "sentences", "mentions", "events", "furniture", "incidents"])]
    pub table: Option<String>,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Apache Parquet, zstd-compressed (all five tables).
    Parquet,
    /// Arrow IPC files, `.arrow` (all five tables).
    #[value(alias = "ipc", alias = "feather")]
    Arrow,
    /// CSV with a header row; nulls are empty fields (all five tables).
    Csv,
    /// JSON Lines, one object per row (all five tables).
    Jsonl,
    /// events.geojson: the events as GeoJSON Point features.
    Geojson,
    /// acled.csv: the events with ACLED's column names and codes.
    Acled,
    /// ucdp.csv: the lethal violent events with UCDP GED's columns and codes.
    Ucdp,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Parquet => Format::Parquet,
            FormatArg::Arrow => Format::Arrow,
            FormatArg::Csv => Format::Csv,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Geojson => Format::Geojson,
            FormatArg::Acled => Format::Acled,
            FormatArg::Ucdp => Format::Ucdp,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_export_format_is_offered() {
        let offered: Vec<Format> = FormatArg::value_variants()
            .iter()
            .map(|&f| Format::from(f))
            .collect();
        assert_eq!(offered, Format::ALL);
        for f in FormatArg::value_variants() {
            let name = f.to_possible_value().map(|v| v.get_name().to_string());
            assert_eq!(name.as_deref(), Some(Format::from(*f).name()));
        }
    }

    #[test]
    fn schema_tables_match_export() {
        let names: Vec<_> = polemos_export::Table::ALL
            .iter()
            .map(|t| t.name())
            .collect();
        let cmd = Cli::command();
        let schema = cmd.find_subcommand("schema").unwrap();
        let arg = schema
            .get_arguments()
            .find(|a| a.get_id() == "table")
            .unwrap();
        let values: Vec<_> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect();
        assert_eq!(values, names);
    }
}
