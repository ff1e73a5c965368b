//! The exception hierarchy, and the mapping from Rust errors to it.
//!
//! `PolemosError` is the base of every error polemos raises on purpose, so callers can catch
//! one class; the subclasses say whose fault it was: the inputs (`InputError`), the bundled
//! dictionaries, a `gazetteer=` file or a `lexicon=` folder (`ResourceError`) or the output location (`ExportError`).

use std::path::Path;

use polemos_engine::{EngineError, UserResources};
use polemos_export::ExportError as RustExportError;
use polemos_extract::classify::ModelError;
use polemos_extract::ResourceError as RustResourceError;
use polemos_parse::ReadError;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::PyErr;

create_exception!(
    polemos,
    PolemosError,
    PyException,
    "Base class of the errors polemos raises."
);
create_exception!(
    polemos,
    InputError,
    PolemosError,
    "Invalid inputs: no file matches, a bad glob pattern, mismatched lengths, a bad date."
);
create_exception!(
    polemos,
    ResourceError,
    PolemosError,
    "The bundled gazetteer or dictionaries, a `gazetteer=` file or a `lexicon=` folder could not be loaded."
);
create_exception!(
    polemos,
    ExportError,
    PolemosError,
    "The output tables could not be written."
);

pub(crate) fn input_error(message: impl Into<String>) -> PyErr {
    InputError::new_err(message.into())
}

pub(crate) fn from_read(e: ReadError) -> PyErr {
    InputError::new_err(e.to_string())
}

pub(crate) fn from_engine(e: EngineError) -> PyErr {
    match e {
        EngineError::Resources(e) => ResourceError::new_err(e.to_string()),
        EngineError::Model(e) => from_model(e),
        e @ EngineError::ThreadPool { .. } => PolemosError::new_err(e.to_string()),
    }
}

/// A `gazetteer=` file or `lexicon=` folder that cannot be loaded.
pub(crate) fn user_resources_error(user: &UserResources, e: EngineError) -> PyErr {
    match e {
        EngineError::Resources(e) => {
            let what = match (&user.gazetteer, &user.lexicon) {
                (Some(file), None) => format!("the gazetteer file {}", file.display()),
                (None, Some(dir)) => format!("the lexicon folder {}", dir.display()),
                (Some(file), Some(dir)) => format!(
                    "the gazetteer file {} with the lexicon folder {}",
                    file.display(),
                    dir.display()
                ),
                (None, None) => "the built-in resources".to_string(),
            };
            ResourceError::new_err(format!("cannot load {what}: {e}"))
        }
        e => from_engine(e),
    }
}

/// An error of `import_gazetteer`: the GeoNames files are its inputs, `output` its export.
pub(crate) fn from_import(e: RustResourceError, output: &Path) -> PyErr {
    match e {
        RustResourceError::Io { path, source } if Path::new(&path) == output => {
            ExportError::new_err(format!("cannot write the gazetteer file {path}: {source}"))
        }
        e => InputError::new_err(format!("cannot import the GeoNames files: {e}")),
    }
}

/// A model file that cannot be read is a resource the run needs; bad training data is input.
pub(crate) fn from_model(e: ModelError) -> PyErr {
    match e {
        e @ ModelError::Training(_) => InputError::new_err(e.to_string()),
        e => ResourceError::new_err(e.to_string()),
    }
}

pub(crate) fn from_export(e: RustExportError) -> PyErr {
    match e {
        e @ RustExportError::UnknownFormat(_) => InputError::new_err(e.to_string()),
        e => ExportError::new_err(e.to_string()),
    }
}
