//! Prints the full `Debug` form of every `DocumentExtraction` of the inputs, one document
//! after another: every field the pipeline produces, for checking that a speed change leaves
//! the output byte-identical (`cmp` the dumps before and after).
//!
//! `cargo run --release -p polemos-extract --example dump_debug -- examples/corpus > before.txt`
//!
//! CSV and JSONL inputs take the column flags of `polemos extract`: `--text-column`,
//! `--id-column`, `--date-column`, `--title-column`.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use polemos_extract::{Pipeline, Resources};
use polemos_parse::{read_paths, ReadOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut options = ReadOptions::default();
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--text-column" => options.text_column = value()?,
            "--id-column" => options.id_column = Some(value()?),
            "--date-column" => options.date_column = Some(value()?),
            "--title-column" => options.title_column = Some(value()?),
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    let docs = read_paths(&inputs, &options)?;
    let pipeline = Pipeline::new(Resources::embedded()?);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for x in pipeline.run(docs) {
        writeln!(out, "{x:#?}")?;
    }
    out.flush()?;
    Ok(())
}
