//! Python arguments → core options (formats, modes, policies, the clock, limits).

use crate::args::{self, FormatArg, LevelArg, PolicyArg};
use crate::errors;
use lex_core::Format;
use lex_core::api::{Limits as CoreLimits, ReadMode, ReadOptions, ValidateOptions};
use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyString};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Resource limits for reading untrusted input. Every argument defaults to the core's default.
#[pyclass(frozen, module = "lex", name = "Limits")]
#[derive(Clone)]
pub struct Limits {
    pub(crate) inner: CoreLimits,
}

#[pymethods]
impl Limits {
    #[new]
    #[pyo3(signature = (*, max_input_bytes=None, max_depth=None, max_string_bytes=None, max_number_chars=None, max_nodes=None))]
    fn new(
        max_input_bytes: Option<&Bound<'_, PyAny>>,
        max_depth: Option<&Bound<'_, PyAny>>,
        max_string_bytes: Option<&Bound<'_, PyAny>>,
        max_number_chars: Option<&Bound<'_, PyAny>>,
        max_nodes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let d = CoreLimits::default();
        let get = |v: Option<&Bound<'_, PyAny>>, name: &str, default: usize| {
            v.map_or(Ok(default), |v| args::limit(v, name))
        };
        Ok(Limits {
            inner: CoreLimits {
                max_input_bytes: get(max_input_bytes, "max_input_bytes", d.max_input_bytes)?,
                max_depth: get(max_depth, "max_depth", d.max_depth)?,
                max_string_bytes: get(max_string_bytes, "max_string_bytes", d.max_string_bytes)?,
                max_number_chars: get(max_number_chars, "max_number_chars", d.max_number_chars)?,
                max_nodes: get(max_nodes, "max_nodes", d.max_nodes)?,
            },
        })
    }

    /// Largest accepted input, in bytes.
    #[getter]
    fn max_input_bytes(&self) -> usize {
        self.inner.max_input_bytes
    }

    /// Deepest accepted nesting.
    #[getter]
    fn max_depth(&self) -> usize {
        self.inner.max_depth
    }

    /// Longest accepted string or EDI element, in bytes.
    #[getter]
    fn max_string_bytes(&self) -> usize {
        self.inner.max_string_bytes
    }

    /// Longest accepted number lexeme, in characters.
    #[getter]
    fn max_number_chars(&self) -> usize {
        self.inner.max_number_chars
    }

    /// Most values in one input.
    #[getter]
    fn max_nodes(&self) -> usize {
        self.inner.max_nodes
    }

    fn __repr__(&self) -> String {
        let l = &self.inner;
        format!(
            "Limits(max_input_bytes={}, max_depth={}, max_string_bytes={}, max_number_chars={}, max_nodes={})",
            l.max_input_bytes, l.max_depth, l.max_string_bytes, l.max_number_chars, l.max_nodes
        )
    }

    fn __eq__(&self, other: &Bound<'_, Limits>) -> bool {
        other.get().inner == self.inner
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.hash(&mut h);
        h.finish()
    }
}

/// The limits to use: the given ones or the defaults.
pub fn limits(l: Option<&Limits>) -> CoreLimits {
    l.map(|l| l.inner).unwrap_or_default()
}

/// An optional format argument.
pub fn opt_format(format: Option<FormatArg>) -> Option<Format> {
    format.map(|f| f.0)
}

/// Tolerant or strict reading.
pub fn mode(strict: bool) -> ReadMode {
    if strict {
        ReadMode::Strict
    } else {
        ReadMode::Tolerant
    }
}

/// Read options from the common keyword arguments.
pub fn read(strict: bool, l: Option<&Limits>) -> ReadOptions {
    ReadOptions {
        mode: mode(strict),
        limits: limits(l),
    }
}

/// The clock: an aware `datetime` or an RFC 3339 string; `None` means the system clock.
pub fn now(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<OffsetDateTime>> {
    let Some(value) = value else {
        return Ok(None);
    };
    let text = if value.is_instance_of::<PyDateTime>() {
        if value.getattr("tzinfo")?.is_none() {
            return Err(errors::argument(
                py,
                "now must be a timezone-aware datetime (e.g. datetime.now(timezone.utc))",
            ));
        }
        value.call_method0("isoformat")?.extract::<String>()?
    } else if let Ok(s) = value.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else {
        return Err(errors::argument(
            py,
            "now must be a datetime or an RFC 3339 string",
        ));
    };
    OffsetDateTime::parse(&text, &Rfc3339)
        .map(Some)
        .map_err(|e| {
            errors::argument(
                py,
                format!("now \"{text}\" is not an RFC 3339 timestamp: {e}"),
            )
        })
}

/// The keyword arguments shared by `validate` and `Receiver`.
pub struct ValidateArgs<'a, 'py> {
    pub level: LevelArg,
    pub now: Option<&'a Bound<'py, PyAny>>,
    pub strict: bool,
    pub policy: PolicyArg,
    pub previous_status: Option<String>,
    pub include_info: bool,
    pub limits: Option<&'a Limits>,
}

impl ValidateArgs<'_, '_> {
    /// The core options these arguments describe.
    pub fn build(self, py: Python<'_>) -> PyResult<ValidateOptions> {
        Ok(ValidateOptions {
            level: self.level.0,
            now: now(py, self.now)?,
            mode: mode(self.strict),
            policy: self.policy.0,
            previous_status: self.previous_status,
            include_info: self.include_info,
            limits: limits(self.limits),
        })
    }
}
