//! The exception hierarchy, and the mapping from Rust errors to it.
//!
//! `PolemosError` is the base of every error polemos raises on purpose, so callers can catch
//! one class; the subclasses say whose fault it was: the inputs (`InputError`, also a
//! `ValueError`), the bundled dictionaries, a `gazetteer=` file or a `lexicon=` folder
//! (`ResourceError`) or the output location (`ExportError`, also an `OSError`). An input path
//! that cannot be opened raises `InputFileNotFoundError` (a `FileNotFoundError`),
//! `InputPermissionError` (a `PermissionError`) or `UnreadableInputError` (an `OSError`), with
//! `errno`, `strerror` and `filename` set, as Python's own I/O errors and polars' are; all three
//! are `InputError`s too.
//!
//! `create_exception!` makes classes of one base; these need two (`except ValueError` and
//! `except polemos.PolemosError` must both catch a bad input), so they are made once per
//! interpreter with Python's `type()`.

use std::path::Path;

use polemos_engine::{EngineError, UserResources};
use polemos_export::ExportError as RustExportError;
use polemos_extract::classify::ModelError;
use polemos_extract::ResourceError as RustResourceError;
use polemos_parse::ReadError;
use pyo3::exceptions::{
    PyException, PyFileNotFoundError, PyOSError, PyPermissionError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use pyo3::PyErrArguments;

/// The exception classes of `polemos`, in the order they are made (each after its bases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Polemos,
    Input,
    Resource,
    Export,
    Unreadable,
    NotFound,
    Permission,
}

impl Class {
    pub(crate) const ALL: [Class; 7] = [
        Class::Polemos,
        Class::Input,
        Class::Resource,
        Class::Export,
        Class::Unreadable,
        Class::NotFound,
        Class::Permission,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Class::Polemos => "PolemosError",
            Class::Input => "InputError",
            Class::Resource => "ResourceError",
            Class::Export => "ExportError",
            Class::Unreadable => "UnreadableInputError",
            Class::NotFound => "InputFileNotFoundError",
            Class::Permission => "InputPermissionError",
        }
    }

    fn doc(self) -> &'static str {
        match self {
            Class::Polemos => "Base class of the errors polemos raises.",
            Class::Input => {
                "Invalid inputs: no file matches, a bad glob pattern, mismatched lengths, a bad \
                 date. Also a ValueError."
            }
            Class::Resource => {
                "The bundled gazetteer or dictionaries, a `gazetteer=` file or a `lexicon=` \
                 folder could not be loaded."
            }
            Class::Export => "The output tables could not be written. Also an OSError.",
            Class::Unreadable => {
                "An input path that cannot be opened (errno, strerror and filename are set). \
                 Also an OSError."
            }
            Class::NotFound => "An input path that does not exist. Also a FileNotFoundError.",
            Class::Permission => "An input path polemos may not open. Also a PermissionError.",
        }
    }

    /// The bases, Python's own I/O class first: `OSError` must lead the method resolution
    /// order for `OSError(errno, strerror, filename)` to set its attributes.
    fn bases<'py>(self, py: Python<'py>, made: &[Py<PyType>]) -> Vec<Bound<'py, PyType>> {
        let ours = |c: Class| made[c as usize].bind(py).clone();
        match self {
            Class::Polemos => vec![py.get_type::<PyException>()],
            Class::Input => vec![ours(Class::Polemos), py.get_type::<PyValueError>()],
            Class::Resource => vec![ours(Class::Polemos)],
            Class::Export => vec![py.get_type::<PyOSError>(), ours(Class::Polemos)],
            Class::Unreadable => vec![py.get_type::<PyOSError>(), ours(Class::Input)],
            Class::NotFound => vec![
                py.get_type::<PyFileNotFoundError>(),
                ours(Class::Unreadable),
            ],
            Class::Permission => vec![py.get_type::<PyPermissionError>(), ours(Class::Unreadable)],
        }
    }
}

static CLASSES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

/// The classes, made on first use: `type(name, bases, {"__doc__": ..., "__module__": "polemos"})`.
pub(crate) fn classes(py: Python<'_>) -> PyResult<&Vec<Py<PyType>>> {
    CLASSES.get_or_try_init(py, || {
        let type_ = py.get_type::<PyType>();
        let mut made: Vec<Py<PyType>> = Vec::with_capacity(Class::ALL.len());
        for class in Class::ALL {
            let namespace = PyDict::new(py);
            namespace.set_item("__doc__", class.doc())?;
            namespace.set_item("__module__", "polemos")?;
            let bases = PyTuple::new(py, class.bases(py, &made))?;
            let made_class = type_.call1((class.name(), bases, namespace))?;
            made.push(made_class.cast_into::<PyType>()?.unbind());
        }
        Ok(made)
    })
}

/// An error of `class` with `args` (a message, or `(errno, strerror, filename)`). Errors are
/// made where Rust runs without the GIL, so this attaches to the interpreter for the moment
/// it takes.
fn error<A>(class: Class, args: A) -> PyErr
where
    A: PyErrArguments + Send + Sync + 'static,
{
    Python::attach(|py| match classes(py) {
        Ok(made) => PyErr::from_type(made[class as usize].bind(py).clone(), args),
        Err(e) => e,
    })
}

pub(crate) fn polemos_error(message: impl Into<String>) -> PyErr {
    error(Class::Polemos, message.into())
}

pub(crate) fn resource_error(message: impl Into<String>) -> PyErr {
    error(Class::Resource, message.into())
}

pub(crate) fn export_error(message: impl Into<String>) -> PyErr {
    error(Class::Export, message.into())
}

/// An input path that cannot be opened: the class by the kind of failure, with `errno`,
/// `strerror` and `filename` set.
pub(crate) fn unreadable_input(path: &Path, e: &std::io::Error) -> PyErr {
    let class = match e.kind() {
        std::io::ErrorKind::NotFound => Class::NotFound,
        std::io::ErrorKind::PermissionDenied => Class::Permission,
        _ => Class::Unreadable,
    };
    let errno = e.raw_os_error().unwrap_or(0);
    let strerror = strerror(e);
    error(
        class,
        (errno, strerror, path.to_string_lossy().into_owned()),
    )
}

/// The message of an I/O error without Rust's " (os error N)" suffix, as Python writes it.
fn strerror(e: &std::io::Error) -> String {
    let message = e.to_string();
    match message.rfind(" (os error ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

pub(crate) fn input_error(message: impl Into<String>) -> PyErr {
    error(Class::Input, message.into())
}

pub(crate) fn from_read(e: ReadError) -> PyErr {
    input_error(e.to_string())
}

pub(crate) fn from_engine(e: EngineError) -> PyErr {
    match e {
        EngineError::Resources(e) => resource_error(e.to_string()),
        EngineError::Model(e) => from_model(e),
        e @ EngineError::ThreadPool { .. } => polemos_error(e.to_string()),
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
            resource_error(format!("cannot load {what}: {e}"))
        }
        e => from_engine(e),
    }
}

/// An error of `import_gazetteer`: the GeoNames files are its inputs, `output` its export.
pub(crate) fn from_import(e: RustResourceError, output: &Path) -> PyErr {
    match e {
        RustResourceError::Io { path, source } if Path::new(&path) == output => {
            export_error(format!("cannot write the gazetteer file {path}: {source}"))
        }
        e => input_error(format!("cannot import the GeoNames files: {e}")),
    }
}

/// A model file that cannot be read is a resource the run needs; bad training data is input.
pub(crate) fn from_model(e: ModelError) -> PyErr {
    match e {
        e @ ModelError::Training(_) => input_error(e.to_string()),
        e => resource_error(e.to_string()),
    }
}

pub(crate) fn from_export(e: RustExportError) -> PyErr {
    match e {
        e @ RustExportError::UnknownFormat(_) => input_error(e.to_string()),
        e => export_error(e.to_string()),
    }
}
