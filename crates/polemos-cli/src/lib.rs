//! The `polemos` command, as a library.
//!
//! [`run`] parses arguments and runs a command, returning the process exit code; `main.rs` and
//! the Python package's `polemos` console script both call it, so the command behaves the same
//! however it is installed. The chunked, parallel extraction it runs is `polemos-engine`'s, and the
//! explain view is `polemos-export`'s, both shared with the Python bindings.
//!
//! Exit codes: 0 when the run completed (documents that could not be read are error rows in
//! `documents`, not failures), 1 when a failure stopped it (no input matched, resources could
//! not be loaded, the output could not be written), 2 for usage errors.

mod args;
mod error;
mod explain_cmd;
mod extract;
mod gazetteer_cmd;
mod labelled;
mod lexicon_cmd;
mod schema_cmd;
mod summary;
mod train_cmd;

use std::ffi::OsString;
use std::io::Write;
use std::panic::{self, AssertUnwindSafe};

use clap::Parser;

pub use args::{
    Cli, ColorChoice, Command, ExplainArgs, ExtractArgs, FormatArg, GazetteerCommand,
    GazetteerImportArgs, LexiconCommand, LexiconExportArgs, SchemaArgs, TrainArgs,
};
pub use error::CliError;
pub use summary::Summary;

/// The run completed.
pub const EXIT_OK: i32 = 0;
/// A failure stopped the run.
pub const EXIT_FAILURE: i32 = 1;
/// The arguments were invalid.
pub const EXIT_USAGE: i32 = 2;

/// The run was interrupted (Ctrl-C, SIGTERM, SIGHUP): 128 + SIGINT, as shells report it.
pub const EXIT_INTERRUPTED: i32 = 130;

/// Makes Ctrl-C, SIGTERM and SIGHUP end the process at once with [`EXIT_INTERRUPTED`], after
/// removing the temporary files of the output being written (finished files stay as they
/// were). For the `polemos` program only: a library caller keeps its own signal handling.
/// Installing it twice does nothing more.
pub fn exit_cleanly_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        let removed = polemos_export::remove_temporary_files();
        eprintln!(
            "polemos: interrupted; {removed} unfinished output file{} removed",
            if removed == 1 { "" } else { "s" }
        );
        std::process::exit(EXIT_INTERRUPTED);
    });
}

/// Runs the command line `args` (program name first, as in `std::env::args_os()`) and returns
/// the exit code. Errors are printed on stderr; this never panics.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are "errors" that print on stdout and exit 0.
            let _ = e.print();
            return e.exit_code();
        }
    };
    match panic::catch_unwind(AssertUnwindSafe(|| execute(&cli))) {
        Ok(Ok(())) => EXIT_OK,
        Ok(Err(e)) => {
            eprintln!("polemos: error: {e}");
            EXIT_FAILURE
        }
        Err(payload) => {
            let message = polemos_engine::panic_message(payload.as_ref());
            eprintln!("polemos: internal error: {message} (please report this with the input)");
            EXIT_FAILURE
        }
    }
}

fn execute(cli: &Cli) -> Result<(), CliError> {
    match &cli.command {
        Command::Extract(args) => extract::extract(args),
        Command::Explain(args) => explain_cmd::explain(args),
        Command::Gazetteer(GazetteerCommand::Import(args)) => gazetteer_cmd::import(args),
        Command::Lexicon(LexiconCommand::Export(args)) => lexicon_cmd::export(args),
        Command::Train(args) => train_cmd::run(args),
        Command::Schema(args) => {
            let only = args.table.as_deref().and_then(polemos_export::Table::parse);
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match schema_cmd::print_schema(&mut out, only).and_then(|()| out.flush()) {
                // `polemos schema | head` closing the pipe early is not a failure.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                result => result.map_err(CliError::Stdout),
            }
        }
    }
}
