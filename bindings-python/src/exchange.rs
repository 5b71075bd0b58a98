//! Exchange helpers of the façade: forwarding decisions, duplicate closures, EDIFACT CONTRL.

use crate::errors::{self, run};
use crate::input::Input;
use crate::message::Message;
use crate::options;
use crate::tree;
use lex_core::api;
use lex_core::api::BuildOptions;
use lex_core::api::{Limits as CoreLimits, ReadOptions};
use pyo3::prelude::*;
use std::borrow::Cow;

/// May a message be routed to a recipient? `bool(decision)` is `allowed`.
#[pyclass(frozen, module = "lex", name = "ForwardDecision")]
pub struct ForwardDecision {
    inner: api::ForwardDecision,
}

#[pymethods]
impl ForwardDecision {
    /// True when the message may be routed to the recipient.
    #[getter]
    fn allowed(&self) -> bool {
        self.inner.allowed
    }

    /// The stable reason code (`FORWARD_OPEN`, `FORWARD_LOCKED`, ...).
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code
    }

    /// The published rule behind the decision (`DG-007`, ...), when there is one.
    #[getter]
    fn rule_id(&self) -> Option<&'static str> {
        self.inner.rule_id
    }

    /// The declared `forwardingPolicy`, None without a governance block.
    #[getter]
    fn policy(&self) -> Option<&str> {
        self.inner.policy.as_deref()
    }

    /// Human-readable explanation (may change between versions).
    #[getter]
    fn reason(&self) -> &str {
        &self.inner.reason
    }

    /// True when the forwarder should log the forwarding event.
    #[getter]
    fn audit_required(&self) -> bool {
        self.inner.audit_required
    }

    /// The end of the retention period (RFC 3339), when declared.
    #[getter]
    fn retain_until(&self) -> Option<&str> {
        self.inner.retain_until.as_deref()
    }

    fn __bool__(&self) -> bool {
        self.inner.allowed
    }

    fn __repr__(&self) -> String {
        format!(
            "ForwardDecision(allowed={}, code={:?})",
            if self.inner.allowed { "True" } else { "False" },
            self.inner.code
        )
    }
}

fn read_message<'a>(input: Input<'a>) -> lex_core::Result<Cow<'a, lex_core::Message>> {
    input.message(None, &ReadOptions::default())
}

/// The forwarding decision of `lex.dataGovernance` for `recipient` (a LEX organisation id);
/// `now` fixes the clock of the retention check.
#[pyfunction]
#[pyo3(signature = (message, recipient, *, now=None))]
pub fn may_forward(
    py: Python<'_>,
    message: &Bound<'_, PyAny>,
    recipient: &str,
    now: Option<&Bound<'_, PyAny>>,
) -> PyResult<ForwardDecision> {
    let now = options::now(py, now)?;
    let input = Input::extract(message, &CoreLimits::default())?;
    run(py, || {
        let msg = read_message(input)?;
        Ok(match now {
            Some(t) => api::may_forward_at(&msg, recipient, t),
            None => api::may_forward(&msg, recipient),
        })
    })
    .map(|inner| ForwardDecision { inner })
}

/// The LEAD_CLOSURE (`closureStatus: DUPLICATE`) that answers a duplicate lead whose
/// customer already belongs to `canonical_lead_id`.
#[pyfunction]
#[pyo3(signature = (duplicate, canonical_lead_id, *, message_id=None, now=None))]
pub fn duplicate_closure(
    py: Python<'_>,
    duplicate: &Bound<'_, PyAny>,
    canonical_lead_id: &str,
    message_id: Option<String>,
    now: Option<&Bound<'_, PyAny>>,
) -> PyResult<Message> {
    let build = BuildOptions {
        now: options::now(py, now)?,
        message_id,
    };
    let input = Input::extract(duplicate, &CoreLimits::default())?;
    run(py, || {
        let msg = read_message(input)?;
        api::duplicate_closure(&msg, canonical_lead_id, &build)
    })
    .map(Message::new)
}

/// The EDIFACT CONTRL interchange (syntax report) answering a received EDIFACT interchange.
#[pyfunction]
pub fn edifact_contrl(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<String> {
    match Input::extract(data, &CoreLimits::default())? {
        Input::Bytes(b) => run(py, || api::edifact_contrl(&b)),
        _ => Err(errors::argument(
            py,
            "edifact_contrl() takes EDIFACT text (str or bytes)",
        )),
    }
}

/// Reads an EDIFACT CONTRL interchange: one dict per CONTRL message (`interchangeReference`,
/// `action`, `accepted`, `messages`).
#[pyfunction]
pub fn edifact_contrl_read<'py>(
    py: Python<'py>,
    data: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let value = match Input::extract(data, &CoreLimits::default())? {
        Input::Bytes(b) => run(py, || api::edifact_contrl_read(&b))?,
        _ => {
            return Err(errors::argument(
                py,
                "edifact_contrl_read() takes EDIFACT text (str or bytes)",
            ));
        }
    };
    tree::to_py(py, &value)
}

/// Text input (str or bytes) for the EDI acknowledgment functions.
fn edi_text<'a>(
    py: Python<'_>,
    data: &'a Bound<'_, PyAny>,
    limits: &CoreLimits,
    what: &str,
) -> PyResult<Cow<'a, [u8]>> {
    match Input::extract(data, limits)? {
        Input::Bytes(b) => Ok(b),
        _ => Err(errors::argument(
            py,
            format!("{what}() takes EDI text (str or bytes)"),
        )),
    }
}

/// The X12 997 functional acknowledgment answering a received X12 interchange.
#[pyfunction]
#[pyo3(signature = (data, *, strict=false, limits=None))]
pub fn x12_functional_ack(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    strict: bool,
    limits: Option<&options::Limits>,
) -> PyResult<String> {
    let read = options::read(strict, limits);
    let b = edi_text(py, data, &read.limits, "x12_functional_ack")?;
    run(py, || {
        api::x12_functional_ack_with(&b, &read, &lex_core::api::WriteOptions::default())
    })
}

/// Reads the 997 functional acknowledgments of an X12 interchange: one dict per
/// acknowledged group (`functionalId`, `groupControlNumber`, `status`, `sets`, ...).
#[pyfunction]
#[pyo3(signature = (data, *, strict=false, limits=None))]
pub fn x12_read_functional_ack<'py>(
    py: Python<'py>,
    data: &Bound<'_, PyAny>,
    strict: bool,
    limits: Option<&options::Limits>,
) -> PyResult<Bound<'py, PyAny>> {
    let read: ReadOptions = options::read(strict, limits);
    let b = edi_text(py, data, &read.limits, "x12_read_functional_ack")?;
    let value = run(py, || api::x12_read_functional_ack(&b, &read))?;
    tree::to_py(py, &value)
}
