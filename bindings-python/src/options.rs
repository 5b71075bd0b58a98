//! Python arguments → core options (formats, modes, policies, the clock, limits).

use crate::errors;
use lex_core::Format;
use lex_core::api::TransitionPolicy;
use lex_core::api::ValidateOptions;
use lex_core::api::{Limits as CoreLimits, ReadMode, ReadOptions};
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
        max_input_bytes: Option<usize>,
        max_depth: Option<usize>,
        max_string_bytes: Option<usize>,
        max_number_chars: Option<usize>,
        max_nodes: Option<usize>,
    ) -> Self {
        let d = CoreLimits::default();
        Limits {
            inner: CoreLimits {
                max_input_bytes: max_input_bytes.unwrap_or(d.max_input_bytes),
                max_depth: max_depth.unwrap_or(d.max_depth),
                max_string_bytes: max_string_bytes.unwrap_or(d.max_string_bytes),
                max_number_chars: max_number_chars.unwrap_or(d.max_number_chars),
                max_nodes: max_nodes.unwrap_or(d.max_nodes),
            },
        }
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

/// A format name (`json`, `xml`, `x12`, `edifact`; aliases as in the core).
pub fn format(py: Python<'_>, name: &str) -> PyResult<Format> {
    Format::parse(name).ok_or_else(|| {
        errors::argument(
            py,
            format!("unknown format \"{name}\" (expected json, xml, x12 or edifact)"),
        )
    })
}

/// An optional format name.
pub fn opt_format(py: Python<'_>, name: Option<&str>) -> PyResult<Option<Format>> {
    name.map(|n| format(py, n)).transpose()
}

/// A transition policy name (`default`, `strict-table`).
pub fn policy(py: Python<'_>, name: &str) -> PyResult<TransitionPolicy> {
    TransitionPolicy::parse(name).ok_or_else(|| {
        errors::argument(
            py,
            format!("unknown transition policy \"{name}\" (expected default or strict-table)"),
        )
    })
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
    pub level: i64,
    pub now: Option<&'a Bound<'py, PyAny>>,
    pub strict: bool,
    pub policy: &'a str,
    pub previous_status: Option<String>,
    pub include_info: bool,
    pub limits: Option<&'a Limits>,
}

impl ValidateArgs<'_, '_> {
    /// The core options these arguments describe.
    pub fn build(self, py: Python<'_>) -> PyResult<ValidateOptions> {
        let level = u8::try_from(self.level)
            .ok()
            .filter(|l| (1..=3).contains(l))
            .ok_or_else(|| {
                errors::argument(py, format!("level must be 1, 2 or 3, not {}", self.level))
            })?;
        Ok(ValidateOptions {
            level,
            now: now(py, self.now)?,
            mode: mode(self.strict),
            policy: policy(py, self.policy)?,
            previous_status: self.previous_status,
            include_info: self.include_info,
            limits: limits(self.limits),
        })
    }
}
