//! `lex.Receiver` and `lex.Receipt`: the stateful receiving side.

use crate::args::{LevelArg, PolicyArg};
use crate::errors::run;
use crate::input::Input;
use crate::message::Message;
use crate::options::{Limits, ValidateArgs};
use crate::report::Report;
use lex_core::api;
use lex_core::api::TransitionPolicy;
use pyo3::prelude::*;

/// What happened to one received message. Immutable.
#[pyclass(frozen, module = "lex", name = "Receipt")]
pub struct Receipt {
    message: Py<Message>,
    report: Py<Report>,
    ack: Option<Py<Message>>,
    duplicate: bool,
    outcome: &'static str,
    http_status: u16,
    duplicate_of_lead: Option<String>,
    routing: Option<&'static str>,
    dead_letter_reason: Option<String>,
    retry_attempt: Option<u32>,
    fingerprint: Option<String>,
    ack_status: Option<String>,
    value: lex_core::Value,
}

impl Receipt {
    fn new(py: Python<'_>, r: api::Receipt) -> PyResult<Receipt> {
        let value = r.to_value();
        let ack_status = r.ack_status().map(str::to_string);
        Ok(Receipt {
            routing: r.routing.map(|a| a.as_str()),
            dead_letter_reason: r.dead_letter_reason,
            retry_attempt: r.retry_attempt,
            fingerprint: r.fingerprint,
            ack_status,
            value,
            message: Py::new(py, Message::new(r.message))?,
            report: Py::new(py, Report::new(r.report))?,
            ack: r.ack.map(|a| Py::new(py, Message::new(a))).transpose()?,
            duplicate: r.duplicate,
            outcome: r.outcome.as_str(),
            http_status: r.http_status,
            duplicate_of_lead: r.duplicate_of_lead,
        })
    }
}

#[pymethods]
impl Receipt {
    /// The message as read.
    #[getter]
    fn message(&self, py: Python<'_>) -> Py<Message> {
        self.message.clone_ref(py)
    }

    /// Its validation report.
    #[getter]
    fn report(&self, py: Python<'_>) -> Py<Report> {
        self.report.clone_ref(py)
    }

    /// The acknowledgment to send back (None for a dead-lettered message).
    #[getter]
    fn ack(&self, py: Python<'_>) -> Option<Py<Message>> {
        self.ack.as_ref().map(|a| a.clone_ref(py))
    }

    /// True when this messageId was received before (the first receipt is returned again).
    #[getter]
    fn duplicate(&self) -> bool {
        self.duplicate
    }

    /// `ACCEPTED`, `REJECTED` or `DEAD_LETTER`.
    #[getter]
    fn outcome(&self) -> &'static str {
        self.outcome
    }

    /// The recommended HTTP status (200, 410, 422).
    #[getter]
    fn http_status(&self) -> u16 {
        self.http_status
    }

    /// The leadId of another active lead with the same customer fingerprint, if any.
    #[getter]
    fn duplicate_of_lead(&self) -> Option<&str> {
        self.duplicate_of_lead.as_deref()
    }

    /// For a dead-lettered message: where it goes (`DLQ`, `DISCARD`, `RETURN`).
    #[getter]
    fn routing(&self) -> Option<&'static str> {
        self.routing
    }

    /// For a dead-lettered message: the LEX failure category (`TTL_EXPIRED`).
    #[getter]
    fn dead_letter_reason(&self) -> Option<&str> {
        self.dead_letter_reason.as_deref()
    }

    /// `retryContext.attemptNumber` of the first delivery that was processed.
    #[getter]
    fn retry_attempt(&self) -> Option<u32> {
        self.retry_attempt
    }

    /// The customer fingerprint used for duplicate detection (LEAD only).
    #[getter]
    fn fingerprint(&self) -> Option<&str> {
        self.fingerprint.as_deref()
    }

    /// The status of the acknowledgment, when there is one.
    #[getter]
    fn ack_status(&self) -> Option<&str> {
        self.ack_status.as_deref()
    }

    /// The receipt as a dict (the JSON form the core writes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::tree::to_py(py, &self.value)
    }

    fn __repr__(&self) -> String {
        format!(
            "Receipt(outcome={:?}, http_status={}, duplicate={}, message_id={:?})",
            self.outcome,
            self.http_status,
            if self.duplicate { "True" } else { "False" },
            self.message.get().inner.message_id().unwrap_or_default(),
        )
    }
}

/// A receiving endpoint: validates each message, remembers messageIds (a repeat returns the
/// first receipt with `duplicate=True`), stored lead statuses and customer fingerprints, and
/// builds the acknowledgment. Safe to share between threads.
#[pyclass(frozen, module = "lex", name = "Receiver")]
pub struct Receiver {
    inner: api::Receiver,
}

#[pymethods]
impl Receiver {
    #[new]
    #[pyo3(signature = (*, level=LevelArg(2), now=None, strict=false, policy=PolicyArg(TransitionPolicy::Default), include_info=false, limits=None),
    text_signature = "(*, level=2, now=None, strict=False, policy='default', include_info=False, limits=None)")]
    fn new(
        py: Python<'_>,
        level: LevelArg,
        now: Option<&Bound<'_, PyAny>>,
        strict: bool,
        policy: PolicyArg,
        include_info: bool,
        limits: Option<&Limits>,
    ) -> PyResult<Receiver> {
        let options = ValidateArgs {
            level,
            now,
            strict,
            policy,
            previous_status: None,
            include_info,
            limits,
        }
        .build(py)?;
        Ok(Receiver {
            inner: api::Receiver::new(options),
        })
    }

    /// Receives one message (str, bytes, dict or Message; an EDI interchange must hold one).
    fn receive(&self, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Receipt> {
        let limits = self.inner.options().limits;
        let receipt = match Input::extract(data, &limits)? {
            Input::Bytes(b) => run(py, || self.inner.receive(&b))?,
            other => {
                let read = lex_core::api::ReadOptions::default();
                let msg = run(py, || other.message(None, &read).map(|m| m.into_owned()))?;
                run(py, || Ok(self.inner.receive_message(msg)))?
            }
        };
        Receipt::new(py, receipt)
    }

    /// Receives every message of an input, in order.
    fn receive_all(&self, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Vec<Receipt>> {
        let limits = self.inner.options().limits;
        let receipts = match Input::extract(data, &limits)? {
            Input::Bytes(b) => run(py, || self.inner.receive_all(&b))?,
            other => {
                let read = lex_core::api::ReadOptions::default();
                let msg = run(py, || other.message(None, &read).map(|m| m.into_owned()))?;
                vec![run(py, || Ok(self.inner.receive_message(msg)))?]
            }
        };
        receipts.into_iter().map(|r| Receipt::new(py, r)).collect()
    }

    fn __repr__(&self) -> String {
        let o = self.inner.options();
        format!(
            "Receiver(level={}, policy={:?})",
            o.level,
            o.policy.as_str()
        )
    }
}
