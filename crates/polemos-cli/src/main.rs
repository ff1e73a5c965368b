use std::process::ExitCode;

/// mimalloc rather than the system allocator: with glibc's, the memory of a long run grew with
/// the corpus (heap fragmentation), see `mimalloc` in the workspace manifest.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    polemos_cli::exit_cleanly_on_interrupt();
    let code = polemos_cli::run(std::env::args_os());
    // Interrupted while writing: the signal handler is removing the unfinished files and ends
    // the process with its own code; a write that failed because of it is no failure.
    if polemos_export::temporary_files_removed() {
        return ExitCode::from(polemos_cli::EXIT_INTERRUPTED as u8);
    }
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
