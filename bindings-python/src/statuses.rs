//! The fifteen lead statuses as interned Python strings.
//!
//! CPython interns string literals that look like identifiers, so `transition_allowed("SHOPPING",
//! "ORDER")` passes the very objects held here: matching them by identity skips the UTF-8
//! extraction that `&str` arguments cost under the stable ABI. Any other string is read by value,
//! so the result never depends on which path was taken.

use lex_core::api::STATUSES;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;
use std::borrow::Cow;

static INTERNED: PyOnceLock<Vec<Py<PyString>>> = PyOnceLock::new();

/// The interned status names, in the core's order (`lex.STATUSES`).
pub fn interned(py: Python<'_>) -> &[Py<PyString>] {
    INTERNED.get_or_init(py, || {
        STATUSES
            .iter()
            .map(|name| PyString::intern(py, name).unbind())
            .collect()
    })
}

/// The text of a status argument: the core's own name when `s` is one of the interned names,
/// else the string's contents.
pub fn text<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    let ptr = s.as_ptr();
    let found = interned(s.py()).iter().position(|p| p.as_ptr() == ptr);
    match found.and_then(|i| STATUSES.get(i)) {
        Some(name) => Ok(Cow::Borrowed(name)),
        None => s.to_cow(),
    }
}
