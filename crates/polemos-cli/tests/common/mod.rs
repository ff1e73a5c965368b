//! Running the `polemos` binary, for the command's end-to-end tests.

use std::process::{Command, Output};

/// Runs `polemos` with `args` and returns what it did.
pub fn polemos(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .output()
        .expect("the polemos binary runs")
}

/// What a run printed on stderr.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
