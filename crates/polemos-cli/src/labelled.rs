//! Reading labelled texts for `polemos train`: a CSV (an ACLED export as downloaded), TSV or
//! JSON Lines file with a text column and a label column.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::CliError;

/// Texts and their labels, and how many rows were left out for lacking either.
#[derive(Debug, Default)]
pub struct Labelled {
    pub texts: Vec<String>,
    pub labels: Vec<String>,
    pub skipped: usize,
}

impl Labelled {
    fn push(&mut self, text: Option<&str>, label: Option<&str>) {
        match (text.map(str::trim), label.map(str::trim)) {
            (Some(t), Some(l)) if !t.is_empty() && !l.is_empty() => {
                self.texts.push(t.to_string());
                self.labels.push(l.to_string());
            }
            _ => self.skipped += 1,
        }
    }
}

/// Reads the `text` and `label` columns of `path`: JSON Lines for `.jsonl`/`.ndjson`, TSV for
/// `.tsv`, CSV otherwise.
pub fn read_labelled(path: &Path, text: &str, label: &str) -> Result<Labelled, CliError> {
    let io = |e: std::io::Error| CliError::Labelled(format!("{}: {e}", path.display()));
    let file = File::open(path).map_err(io)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if ext == "jsonl" || ext == "ndjson" {
        return read_jsonl(path, BufReader::new(file), text, label);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if ext == "tsv" { b'\t' } else { b',' })
        .flexible(true)
        .from_reader(BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| CliError::Labelled(format!("{}: {e}", path.display())))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| {
                CliError::Labelled(format!(
                    "{} has no column {name:?}; its columns are {}",
                    path.display(),
                    headers.iter().collect::<Vec<_>>().join(", ")
                ))
            })
    };
    let (t, l) = (column(text)?, column(label)?);
    let mut out = Labelled::default();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            CliError::Labelled(format!("{}: record {}: {e}", path.display(), i + 1))
        })?;
        out.push(record.get(t), record.get(l));
    }
    Ok(out)
}

fn read_jsonl(
    path: &Path,
    reader: impl BufRead,
    text: &str,
    label: &str,
) -> Result<Labelled, CliError> {
    let mut out = Labelled::default();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| CliError::Labelled(format!("{}: {e}", path.display())))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| CliError::Labelled(format!("{}: line {}: {e}", path.display(), i + 1)))?;
        out.push(
            value.get(text).and_then(|v| v.as_str()),
            value.get(label).and_then(|v| v.as_str()),
        );
    }
    Ok(out)
}
