use std::process::ExitCode;

fn main() -> ExitCode {
    polemos_cli::exit_cleanly_on_interrupt();
    let code = polemos_cli::run(std::env::args_os());
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
