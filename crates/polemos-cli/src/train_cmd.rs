//! `polemos train`: learn an event-type model from labelled texts, cross-validate it, write it.

use std::io::Write;

use polemos_engine::{rules_readings, UserResources};
use polemos_extract::classify::{
    cross_validate, default_threshold, train, ModelInfo, TrainOptions,
};

use crate::args::TrainArgs;
use crate::labelled::read_labelled;
use crate::CliError;

pub fn run(args: &TrainArgs) -> Result<(), CliError> {
    let data = read_labelled(&args.input, &args.text, &args.label)?;
    let say = |line: String| {
        if !args.quiet {
            eprintln!("{line}");
        }
    };
    let mut labels = data.labels.clone();
    labels.sort_unstable();
    labels.dedup();
    say(format!(
        "{} labelled texts, {} labels, from {}{}",
        data.texts.len(),
        labels.len(),
        args.input.display(),
        if data.skipped > 0 {
            format!(" ({} rows without text or label left out)", data.skipped)
        } else {
            String::new()
        }
    ));
    let options = TrainOptions {
        epochs: args.epochs,
        ..TrainOptions::default()
    };
    let readings = if args.no_rules {
        None
    } else {
        let started = std::time::Instant::now();
        let resources = UserResources {
            gazetteer: args.gazetteer.clone(),
            lexicon: args.lexicon.clone(),
            model: None,
        };
        let readings = rules_readings(&resources, &data.texts)?;
        say(format!(
            "read the texts with the rules in {:.1} s",
            started.elapsed().as_secs_f64()
        ));
        Some(readings)
    };
    let readings = readings.as_deref();
    let cross_validation = if args.folds > 0 {
        let (labels, cv) =
            cross_validate(&data.texts, &data.labels, readings, args.folds, &options)?;
        let report = cv.render(&labels);
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        if !args.quiet {
            out.write_all(report.as_bytes())
                .and_then(|()| out.flush())
                .map_err(CliError::Stdout)?;
        }
        Some(cv)
    } else {
        None
    };
    let name = args.name.clone().unwrap_or_else(|| {
        args.output
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "model".into())
    });
    let info = ModelInfo {
        name,
        text_column: args.text.clone(),
        label_column: args.label.clone(),
        n_examples: 0,
        threshold: args
            .threshold
            .unwrap_or_else(|| default_threshold(readings.is_some())),
        cross_validation,
    };
    let started = std::time::Instant::now();
    let model = train(&data.texts, &data.labels, readings, info, &options)?;
    model.save(&args.output)?;
    say(format!(
        "trained on {} texts in {:.1} s: {} features, {} labels{}; wrote {}",
        model.info().n_examples,
        started.elapsed().as_secs_f64(),
        model.n_features(),
        model.labels().len(),
        if model.types_sub_events() {
            format!(
                " (ACLED sub-event types: retypes events from probability {}{})",
                model.info().threshold,
                if model.reads_rules() {
                    ", reading the rules' type of each"
                } else {
                    ""
                }
            )
        } else {
            " (not ACLED sub-event types: events keep the rules' types, the model's label is \
             in model_label)"
                .to_string()
        },
        args.output.display()
    ));
    Ok(())
}
