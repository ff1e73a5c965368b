//! `polemos gazetteer import`: GeoNames dump files to a gazetteer file for `--gazetteer`.

use polemos_extract::Gazetteer;

use crate::args::GazetteerImportArgs;
use crate::CliError;

pub fn import(args: &GazetteerImportArgs) -> Result<(), CliError> {
    let n = Gazetteer::import_geonames(&args.inputs, &args.output)
        .map_err(polemos_engine::EngineError::from)?;
    if !args.quiet {
        eprintln!("polemos: {n} places -> {}", args.output.display());
    }
    Ok(())
}
