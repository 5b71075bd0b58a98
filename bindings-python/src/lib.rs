//! Python bindings for lex-core: the native module `lex._native`, re-exported by the pure
//! Python package `lex` (see `python/lex/__init__.py`).
//!
//! Every function here only translates between Python and `lex_core::api`; all behaviour
//! lives in the core. Objects are immutable (`#[pyclass(frozen)]`) and therefore safe to
//! share between threads; core work runs with the GIL released and inside a panic boundary.

/// mimalloc serves the extension's own (Rust-side) allocations: reading a message allocates one
/// small block per key and value, and glibc's malloc/free took ~20 % of `validate` in `perf`.
/// Python objects stay on Python's allocator; every block allocated here is freed here.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod errors;
mod exchange;
mod functions;
mod input;
mod message;
mod options;
mod receiver;
mod report;
mod statuses;
mod tree;

use lex_core::{ErrorKind, Format, api};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

fn tuple<'py>(py: Python<'py>, items: &[&str]) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(py, items)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<message::Message>()?;
    m.add_class::<report::Report>()?;
    m.add_class::<report::Issue>()?;
    m.add_class::<receiver::Receiver>()?;
    m.add_class::<receiver::Receipt>()?;
    m.add_class::<options::Limits>()?;
    m.add_class::<exchange::ForwardDecision>()?;

    m.add_function(wrap_pyfunction!(functions::parse, m)?)?;
    m.add_function(wrap_pyfunction!(functions::parse_all, m)?)?;
    m.add_function(wrap_pyfunction!(functions::validate, m)?)?;
    m.add_function(wrap_pyfunction!(functions::convert, m)?)?;
    m.add_function(wrap_pyfunction!(functions::detect, m)?)?;
    m.add_function(wrap_pyfunction!(functions::fingerprint, m)?)?;
    m.add_function(wrap_pyfunction!(functions::acknowledge, m)?)?;
    m.add_function(wrap_pyfunction!(functions::new_message, m)?)?;
    m.add_function(wrap_pyfunction!(functions::transition_allowed, m)?)?;
    m.add_function(wrap_pyfunction!(functions::check_transition, m)?)?;
    m.add_function(wrap_pyfunction!(exchange::may_forward, m)?)?;
    m.add_function(wrap_pyfunction!(exchange::duplicate_closure, m)?)?;
    m.add_function(wrap_pyfunction!(exchange::edifact_contrl, m)?)?;
    m.add_function(wrap_pyfunction!(exchange::edifact_contrl_read, m)?)?;
    m.add_function(wrap_pyfunction!(exchange::x12_functional_ack, m)?)?;
    m.add_function(wrap_pyfunction!(exchange::x12_read_functional_ack, m)?)?;
    m.add_function(wrap_pyfunction!(functions::serialize_all, m)?)?;
    #[cfg(debug_assertions)]
    m.add_function(wrap_pyfunction!(functions::_debug_panic, m)?)?;

    m.add("VERSION", api::VERSION)?;
    m.add("LEX_VERSION", api::LEX_VERSION)?;
    m.add("STATUSES", PyTuple::new(py, statuses::interned(py))?)?;
    m.add("MESSAGE_TYPES", tuple(py, &api::MESSAGE_TYPES)?)?;
    m.add("ACK_STATUSES", tuple(py, &api::ACK_STATUSES)?)?;
    let formats: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
    m.add("FORMATS", tuple(py, &formats)?)?;
    let codes: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
    m.add("ERROR_CODES", tuple(py, &codes)?)?;
    Ok(())
}
