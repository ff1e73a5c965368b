//! `polemos lexicon export`: the built-in dictionaries and word classes into a folder, for a
//! researcher to edit and pass to `extract --lexicon`.

use polemos_extract::Resources;

use crate::args::LexiconExportArgs;
use crate::CliError;

pub fn export(args: &LexiconExportArgs) -> Result<(), CliError> {
    let written = Resources::export_builtin(&args.dir, args.force)
        .map_err(polemos_engine::EngineError::from)?;
    if !args.quiet {
        eprintln!(
            "polemos: {} files -> {} (see its README.md; use with --lexicon {})",
            written.len(),
            args.dir.display(),
            args.dir.display()
        );
    }
    Ok(())
}
