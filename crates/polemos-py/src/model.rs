//! Trained event-type models in Python: `_core.train` and the `_core.Model` it returns
//! (wrapped by `polemos.Model`).

use std::path::PathBuf;
use std::sync::Arc;

use polemos_engine::{rules_readings, UserResources};
use polemos_extract::classify::{
    cross_validate, default_threshold, train as train_model, ModelInfo, RulesReading, TrainOptions,
    TypeModel,
};
use pyo3::prelude::*;

use crate::detached;
use crate::errors::{from_model, input_error};

/// A trained event-type model (see `polemos.train`).
#[derive(Debug)]
#[pyclass(frozen, module = "polemos._core", name = "Model")]
pub struct PyModel {
    pub(crate) model: Arc<TypeModel>,
}

#[pymethods]
impl PyModel {
    /// Reads a model file written by `Model.save` or `polemos train`.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyModel> {
        let model = detached(py, move || TypeModel::load(&path).map_err(from_model))?;
        Ok(PyModel {
            model: Arc::new(model),
        })
    }

    /// Writes the model file.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let model = Arc::clone(&self.model);
        detached(py, move || model.save(&path).map_err(from_model))
    }

    #[getter]
    fn name(&self) -> String {
        self.model.info().name.clone()
    }

    #[getter]
    fn text_column(&self) -> String {
        self.model.info().text_column.clone()
    }

    #[getter]
    fn label_column(&self) -> String {
        self.model.info().label_column.clone()
    }

    #[getter]
    fn labels(&self) -> Vec<String> {
        self.model.labels().to_vec()
    }

    #[getter]
    fn n_examples(&self) -> u32 {
        self.model.info().n_examples
    }

    #[getter]
    fn n_features(&self) -> usize {
        self.model.n_features()
    }

    #[getter]
    fn threshold(&self) -> f32 {
        self.model.info().threshold
    }

    /// Whether the labels are ACLED sub-event types, so that the model may retype events.
    #[getter]
    fn types_sub_events(&self) -> bool {
        self.model.types_sub_events()
    }

    /// Whether the model was trained with the rules' reading of each text.
    #[getter]
    fn reads_rules(&self) -> bool {
        self.model.reads_rules()
    }

    /// Accuracy of each cross-validation fold, or None when none was run.
    #[getter]
    fn cv_fold_accuracy(&self) -> Option<Vec<f32>> {
        let cv = self.model.info().cross_validation.as_ref()?;
        Some(cv.fold_accuracy.clone())
    }

    /// Cross-validated accuracy over all held-out texts, or None.
    #[getter]
    fn cv_accuracy(&self) -> Option<f32> {
        Some(self.model.info().cross_validation.as_ref()?.accuracy())
    }

    /// Cross-validated accuracy on the ACLED event type, when the labels are sub-event types.
    #[getter]
    fn cv_event_type_accuracy(&self) -> Option<f32> {
        let cv = self.model.info().cross_validation.as_ref()?;
        cv.event_type_accuracy(self.model.labels())
    }

    /// Held-out counts by gold label (rows) and predicted label (columns), or None.
    #[getter]
    fn cv_confusion(&self) -> Option<Vec<Vec<u32>>> {
        let cv = self.model.info().cross_validation.as_ref()?;
        Some(cv.confusion.clone())
    }

    /// The cross-validation report as `polemos train` prints it, or None.
    fn report(&self) -> Option<String> {
        let cv = self.model.info().cross_validation.as_ref()?;
        Some(cv.render(self.model.labels()))
    }

    /// The model's label and probability for each text.
    fn predict(&self, py: Python<'_>, texts: Vec<String>) -> PyResult<(Vec<String>, Vec<f32>)> {
        let model = Arc::clone(&self.model);
        detached(py, move || {
            Ok(texts
                .iter()
                .map(|t| {
                    let p = model.predict(t);
                    (p.label.to_string(), p.probability)
                })
                .unzip())
        })
    }

    fn __repr__(&self) -> String {
        let info = self.model.info();
        let cv = info
            .cross_validation
            .as_ref()
            .map(|cv| format!(", cross-validated accuracy {:.1}%", cv.accuracy() * 100.0))
            .unwrap_or_default();
        format!(
            "<polemos.Model {:?}: {} labels of {:?} from {} texts{cv}>",
            info.name,
            self.model.labels().len(),
            info.label_column,
            info.n_examples,
        )
    }
}

/// Trains a model on `texts` labelled `labels`, after `folds`-fold cross-validation (0:
/// none), with the rules' reading of each text where `rules` (the embedded resources' rules,
/// with the user's `gazetteer` file and `lexicon` folder added where given).
/// Runs on `threads` workers (the texts' readings and the folds in parallel).
#[pyfunction]
#[pyo3(signature = (
    texts, labels, *, name, text_column, label_column, folds=5, threshold=None, epochs=10,
    rules=true, threads=None, gazetteer=None, lexicon=None
))]
// One parameter per Python keyword argument: the signature is the Python API.
#[allow(clippy::too_many_arguments)]
pub(crate) fn train(
    py: Python<'_>,
    texts: Vec<String>,
    labels: Vec<String>,
    name: String,
    text_column: String,
    label_column: String,
    folds: usize,
    threshold: Option<f32>,
    epochs: u32,
    rules: bool,
    threads: Option<i64>,
    gazetteer: Option<PathBuf>,
    lexicon: Option<PathBuf>,
) -> PyResult<PyModel> {
    let resources = UserResources {
        gazetteer,
        lexicon,
        model: None,
    };
    let threshold = threshold.unwrap_or_else(|| default_threshold(rules));
    if !(0.0..=1.0).contains(&threshold) {
        return Err(input_error(format!(
            "threshold must be a probability between 0 and 1, not {threshold}"
        )));
    }
    let threads = crate::thread_count(threads)?;
    let model = detached(py, move || {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.map_or(0, std::num::NonZeroUsize::get))
            .build()
            .map_err(|e| crate::errors::polemos_error(e.to_string()))?;
        pool.install(|| {
            let options = TrainOptions {
                epochs,
                ..TrainOptions::default()
            };
            let readings: Option<Vec<RulesReading>> = if rules {
                Some(
                    rules_readings(&resources, &texts)
                        .map_err(|e| crate::errors::user_resources_error(&resources, e))?,
                )
            } else {
                None
            };
            let readings = readings.as_deref();
            let cross_validation = match folds {
                0 => None,
                k => Some(
                    cross_validate(&texts, &labels, readings, k, &options)
                        .map_err(from_model)?
                        .1,
                ),
            };
            let info = ModelInfo {
                name,
                text_column,
                label_column,
                n_examples: 0,
                threshold,
                cross_validation,
            };
            train_model(&texts, &labels, readings, info, &options).map_err(from_model)
        })
    })?;
    Ok(PyModel {
        model: Arc::new(model),
    })
}
