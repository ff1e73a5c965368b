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
    polemos schema events")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract documents, sentences, mentions, events and furniture tables from files.
    Extract(ExtractArgs),
    /// Print the output tables and their columns (see docs/schema.md for details).
    Schema(SchemaArgs),
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

    /// Print nothing but errors: no progress bar, warnings or summary.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print only this table.
    #[arg(value_parser = ["documents", "sentences", "mentions", "events", "furniture"])]
    pub table: Option<String>,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Apache Parquet, zstd-compressed.
    Parquet,
    /// CSV with a header row; nulls are empty fields.
    Csv,
    /// JSON Lines, one object per row.
    Jsonl,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Parquet => Format::Parquet,
            FormatArg::Csv => Format::Csv,
            FormatArg::Jsonl => Format::Jsonl,
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
