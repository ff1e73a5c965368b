//! The exception hierarchy, and the mapping from Rust errors to it.
//!
//! `PolemosError` is the base of every error polemos raises on purpose, so callers can catch
//! one class; the subclasses say whose fault it was: the inputs (`InputError`), the bundled
//! dictionaries (`ResourceError`) or the output location (`ExportError`).

use polemos_cli::engine::EngineError;
use polemos_export::ExportError as RustExportError;
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
    "The bundled gazetteer or dictionaries could not be loaded."
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
        e @ EngineError::ThreadPool { .. } => PolemosError::new_err(e.to_string()),
    }
}

pub(crate) fn from_export(e: RustExportError) -> PyErr {
    match e {
        e @ RustExportError::UnknownFormat(_) => InputError::new_err(e.to_string()),
        e => ExportError::new_err(e.to_string()),
    }
}
