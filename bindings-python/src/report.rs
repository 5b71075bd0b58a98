//! `lex.Report` and `lex.Issue`: validation results.

use crate::tree;
use pyo3::prelude::*;

/// One finding about a message.
#[pyclass(frozen, module = "lex", name = "Issue")]
pub struct Issue {
    inner: lex_core::Issue,
}

impl Issue {
    /// Wraps a core issue.
    pub fn new(inner: lex_core::Issue) -> Issue {
        Issue { inner }
    }
}

fn opt_value<'py>(
    py: Python<'py>,
    v: Option<&lex_core::Value>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    v.map(|v| tree::to_py(py, v)).transpose()
}

#[pymethods]
impl Issue {
    /// `CRITICAL`, `ERROR`, `WARNING` or `INFO`.
    #[getter]
    fn level(&self) -> &'static str {
        self.inner.level.as_str()
    }

    /// The stable code, e.g. `REQUIRED_FIELD_MISSING`.
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }

    /// The field, as the LEX conformance vectors name it (else the dotted path).
    #[getter]
    fn field(&self) -> &str {
        &self.inner.field
    }

    /// RFC 6901 pointer from the message root.
    #[getter]
    fn pointer(&self) -> &str {
        &self.inner.pointer
    }

    /// Human-readable explanation (may change between versions; compare codes instead).
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The published rule id (`DG-007`, ...), when the rule has one.
    #[getter]
    fn rule_id(&self) -> Option<&str> {
        self.inner.rule_id.as_deref()
    }

    /// The offending value.
    #[getter]
    fn rejected_value<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        opt_value(py, self.inner.rejected_value.as_ref())
    }

    /// The allowed values of an enum violation.
    #[getter]
    fn allowed_values(&self) -> Option<Vec<String>> {
        self.inner.allowed_values.clone()
    }

    /// The violated constraint, in words.
    #[getter]
    fn constraint(&self) -> Option<&str> {
        self.inner.constraint.as_deref()
    }

    /// The threshold the value was compared with.
    #[getter]
    fn threshold<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        opt_value(py, self.inner.threshold.as_ref())
    }

    /// For transition issues: the status the lead was in.
    #[getter]
    #[allow(clippy::wrong_self_convention)] // the name is the Python attribute's, not a constructor
    fn from_status(&self) -> Option<&str> {
        self.inner.from_status.as_deref()
    }

    /// For transition issues: the status the message moves to.
    #[getter]
    fn to_status(&self) -> Option<&str> {
        self.inner.to_status.as_deref()
    }

    /// How to fix it.
    #[getter]
    fn suggestion(&self) -> Option<&str> {
        self.inner.suggestion.as_deref()
    }

    /// The issue as a dict with the camelCase keys of the JSON report.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        tree::to_py(py, &self.inner.to_value())
    }

    fn __repr__(&self) -> String {
        format!(
            "Issue(level={:?}, code={:?}, field={:?}, pointer={:?})",
            self.inner.level.as_str(),
            self.inner.code,
            self.inner.field,
            self.inner.pointer
        )
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __eq__(&self, other: &Bound<'_, Issue>) -> bool {
        other.get().inner == self.inner
    }
}

/// The result of validating a message. `bool(report)` is its validity.
#[pyclass(frozen, module = "lex", name = "Report")]
pub struct Report {
    pub(crate) inner: lex_core::Report,
}

impl Report {
    /// Wraps a core report.
    pub fn new(inner: lex_core::Report) -> Report {
        Report { inner }
    }
}

fn issues(list: &[lex_core::Issue]) -> Vec<Issue> {
    list.iter().cloned().map(Issue::new).collect()
}

#[pymethods]
impl Report {
    /// True when there is no CRITICAL or ERROR issue.
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }

    /// CRITICAL and ERROR issues.
    #[getter]
    fn errors(&self) -> Vec<Issue> {
        issues(&self.inner.errors)
    }

    /// WARNING (and, when asked for, INFO) issues.
    #[getter]
    fn warnings(&self) -> Vec<Issue> {
        issues(&self.inner.warnings)
    }

    /// Every issue, errors first.
    #[getter]
    fn issues(&self) -> Vec<Issue> {
        self.inner.issues().cloned().map(Issue::new).collect()
    }

    /// The recommended HTTP status: 200 valid, 410 TTL expired, 422 invalid.
    #[getter]
    fn http_status(&self) -> u16 {
        self.inner.http_status()
    }

    /// True when some issue has this code.
    fn has_code(&self, code: &str) -> bool {
        self.inner.has_code(code)
    }

    /// `{"valid": ..., "errors": [...], "warnings": [...]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        tree::to_py(py, &self.inner.to_value())
    }

    /// The report as JSON text.
    #[pyo3(signature = (pretty=true))]
    fn to_json(&self, pretty: bool) -> String {
        self.inner.to_json(pretty)
    }

    fn __bool__(&self) -> bool {
        self.inner.valid
    }

    fn __repr__(&self) -> String {
        let codes: Vec<&str> = self.inner.errors.iter().map(|i| i.code.as_str()).collect();
        format!(
            "Report(valid={}, errors={:?}, warnings={})",
            if self.inner.valid { "True" } else { "False" },
            codes,
            self.inner.warnings.len()
        )
    }

    fn __eq__(&self, other: &Bound<'_, Report>) -> bool {
        other.get().inner == self.inner
    }
}
