//! Core errors → Python exceptions, and the panic boundary.
//!
//! The exception classes are declared in Python (`python/lex/_errors.py`) so that they carry
//! ordinary attributes and docstrings; this module imports them once and raises them. Every
//! call into the core goes through [`run`] or [`guarded`], so a Rust panic becomes
//! `lex.InternalError` (code `INTERNAL_ERROR`) instead of pyo3's `PanicException`, which
//! derives from `BaseException` and escapes `except Exception`.

use lex_core::api::ErrorFamily;
use lex_core::{Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The Python exception class for an error kind: the core decides the family
/// (`ErrorKind::family`), this names its class.
fn class_name(kind: ErrorKind) -> &'static str {
    match kind.family() {
        ErrorFamily::Parse => "ParseError",
        ErrorFamily::Limit => "LimitError",
        ErrorFamily::Argument => "ArgumentError",
        ErrorFamily::Conversion => "ConversionError",
        ErrorFamily::Io => "IoError",
        ErrorFamily::Internal => "InternalError",
    }
}

static ERRORS_MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn exception_class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyType>> {
    let module = ERRORS_MODULE.get_or_try_init(py, || {
        PyModule::import(py, "lex._errors").map(Bound::unbind)
    })?;
    Ok(module.bind(py).getattr(name)?.cast_into::<PyType>()?)
}

fn build(py: Python<'_>, err: &Error) -> PyResult<PyErr> {
    let class = exception_class(py, class_name(err.kind))?;
    let loc = &err.location;
    let kwargs = PyDict::new(py);
    kwargs.set_item("line", loc.line)?;
    kwargs.set_item("column", loc.column)?;
    kwargs.set_item("offset", loc.offset)?;
    kwargs.set_item("segment", loc.segment)?;
    kwargs.set_item("segment_id", loc.segment_id.as_deref())?;
    kwargs.set_item("element", loc.element)?;
    kwargs.set_item("component", loc.component)?;
    kwargs.set_item("path", loc.path.as_deref())?;
    kwargs.set_item("location", loc.to_string())?;
    let exc = class.call((err.code(), err.message.as_str()), Some(&kwargs))?;
    Ok(PyErr::from_value(exc))
}

/// The Python exception for a core error (a `lex.LexError` subclass).
pub fn to_py(py: Python<'_>, err: &Error) -> PyErr {
    // If even building the exception fails (the package is broken), raise that failure.
    build(py, err).unwrap_or_else(|e| e)
}

/// An `INVALID_ARGUMENT` error as a Python `lex.ArgumentError`.
pub fn argument(py: Python<'_>, message: impl Into<String>) -> PyErr {
    to_py(py, &Error::invalid_argument(message))
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "unknown panic"
    }
}

/// Runs `f`, turning a panic into an `INTERNAL_ERROR`.
pub fn guarded<T>(f: impl FnOnce() -> lex_core::Result<T>) -> lex_core::Result<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(Error::new(
            ErrorKind::Internal,
            format!(
                "internal error (a bug in lex, please report it): {}",
                panic_text(payload.as_ref())
            ),
        )),
    }
}

/// Runs core work with the GIL released and panics caught; core errors become exceptions.
///
/// Releasing the GIL costs well under a microsecond, far less than reading or validating a
/// message, so every call that reads, validates or writes a message releases it: other Python
/// threads run while the core works.
pub fn run<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: FnOnce() -> lex_core::Result<T> + Send,
    T: Send,
{
    py.detach(|| guarded(f)).map_err(|e| to_py(py, &e))
}

/// Runs tiny core work (a table lookup, one hash) with the GIL held: releasing it would cost
/// more than the work. Panics are still caught.
pub fn run_held<T>(py: Python<'_>, f: impl FnOnce() -> lex_core::Result<T>) -> PyResult<T> {
    guarded(f).map_err(|e| to_py(py, &e))
}
