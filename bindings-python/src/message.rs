//! `lex.Message`: one immutable LEX message.

use crate::errors::{self, run};
use crate::report::Issue;
use crate::tree;
use lex_core::Format;
use lex_core::api;
use lex_core::api::WriteOptions;
use pyo3::prelude::*;

/// One LEX message (the canonical tree plus what reading it found). Immutable and safe to
/// share between threads.
#[pyclass(frozen, module = "lex", name = "Message")]
pub struct Message {
    pub(crate) inner: lex_core::Message,
}

impl Message {
    /// Wraps a core message.
    pub fn new(inner: lex_core::Message) -> Message {
        Message { inner }
    }

    fn write(&self, py: Python<'_>, format: Format, pretty: bool) -> PyResult<String> {
        let opts = WriteOptions {
            pretty,
            ..WriteOptions::default()
        };
        let msg = &self.inner;
        run(py, || api::serialize(msg, format, &opts))
    }
}

#[pymethods]
impl Message {
    /// `lex.header.messageType` as written, or None.
    #[getter]
    fn message_type(&self) -> Option<&str> {
        self.inner.message_type_str()
    }

    /// `lex.header.messageId`, or None.
    #[getter]
    fn message_id(&self) -> Option<&str> {
        self.inner.message_id()
    }

    /// The format the message was read from (`json` for dicts and built messages).
    #[getter]
    fn source_format(&self) -> &'static str {
        self.inner.source_format().as_str()
    }

    /// Warnings found while reading (aliases rewritten, EDI envelope findings, ...).
    #[getter]
    fn read_issues(&self) -> Vec<Issue> {
        self.inner
            .read_issues()
            .iter()
            .cloned()
            .map(Issue::new)
            .collect()
    }

    /// The customer fingerprint of a LEAD (None for other types or without email and phone).
    fn fingerprint(&self, py: Python<'_>) -> PyResult<Option<String>> {
        let msg = &self.inner;
        errors::run_held(py, || Ok(api::message_fingerprint(msg)))
    }

    /// The whole tree `{"lex": {...}}` as plain Python objects (key order kept).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        tree::to_py(py, self.inner.root())
    }

    /// Canonical JSON-EDI text.
    #[pyo3(signature = (pretty=true))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        self.write(py, Format::Json, pretty)
    }

    /// XML-EDI text.
    #[pyo3(signature = (pretty=true))]
    fn to_xml(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        self.write(py, Format::Xml, pretty)
    }

    /// An ANSI X12 850 interchange holding this message.
    #[pyo3(signature = (pretty=true))]
    fn to_x12(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        self.write(py, Format::X12, pretty)
    }

    /// A UN/EDIFACT ORDERS interchange holding this message.
    #[pyo3(signature = (pretty=true))]
    fn to_edifact(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        self.write(py, Format::Edifact, pretty)
    }

    fn __repr__(&self) -> String {
        format!(
            "<lex.Message {} {}>",
            self.inner.message_type_str().unwrap_or("?"),
            self.inner.message_id().unwrap_or("(no messageId)")
        )
    }

    /// Two messages are equal when their trees are equal (key order and number text included).
    /// (Defining equality leaves the class unhashable, as for Python's own mutable values.)
    fn __eq__(&self, other: &Bound<'_, Message>) -> bool {
        other.get().inner.root() == self.inner.root()
    }
}
