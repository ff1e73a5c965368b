//! Running the `polemos` binary, for the command's end-to-end tests.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `polemos` with `args` and returns what it did.
pub fn polemos(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .output()
        .expect("the polemos binary runs")
}

/// Runs `polemos extract INPUT -o OUT_DIR --format csv`, the run most tests read back.
pub fn extract_csv(input: &Path, out_dir: &Path) -> Output {
    polemos(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "--format",
        "csv",
    ])
}

/// What a run printed on stderr.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The documents table's rows as (doc_id, status, error or warning), from a CSV output.
pub fn documents(out_dir: &Path) -> Vec<(String, String, String)> {
    let text = fs::read_to_string(out_dir.join("documents.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, status, error, warning) = (col("doc_id"), col("status"), col("error"), col("warning"));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let note = format!("{}{}", &r[error], &r[warning]);
            (r[id].to_string(), r[status].to_string(), note)
        })
        .collect()
}
