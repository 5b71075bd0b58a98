//! The module-level functions of `lex`: each one maps a function of `lex_core::api`.

use crate::args::{FormatArg, LevelArg, MessageTypeArg, PolicyArg};
use crate::errors::{self, run, run_held};
use crate::input::Input;
use crate::message::Message;
use crate::options::{self, Limits, ValidateArgs};
use crate::report::Report;
use crate::statuses;
use crate::tree;
use lex_core::api;
use lex_core::api::Limits as CoreLimits;
use lex_core::api::{BuildOptions, TransitionPolicy, WriteOptions};
use pyo3::prelude::*;
use pyo3::types::PyString;
use std::borrow::Cow;

/// Reads exactly one message (format detected when not given).
#[pyfunction]
#[pyo3(signature = (data, format=None, *, strict=false, limits=None))]
pub fn parse(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format: Option<FormatArg>,
    strict: bool,
    limits: Option<&Limits>,
) -> PyResult<Message> {
    let format = options::opt_format(format);
    let read = options::read(strict, limits);
    let input = Input::extract(data, &read.limits)?;
    run(py, || input.message(format, &read).map(Cow::into_owned)).map(Message::new)
}

/// Reads every message of the input (an X12 or EDIFACT interchange may hold several).
#[pyfunction]
#[pyo3(signature = (data, format=None, *, strict=false, limits=None))]
pub fn parse_all(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format: Option<FormatArg>,
    strict: bool,
    limits: Option<&Limits>,
) -> PyResult<Vec<Message>> {
    let format = options::opt_format(format);
    let read = options::read(strict, limits);
    let input = Input::extract(data, &read.limits)?;
    let all = run(py, || input.messages(format, &read))?;
    Ok(all.into_iter().map(Message::new).collect())
}

/// Validates a message (text, dict or Message) and returns its report. Unreadable input
/// raises; everything wrong with a readable message is in the report.
#[pyfunction]
#[pyo3(signature = (data, format=None, *, level=LevelArg(2), now=None, strict=false, policy=PolicyArg(TransitionPolicy::Default), previous_status=None, include_info=false, limits=None),
    text_signature = "(data, format=None, *, level=2, now=None, strict=False, policy='default', previous_status=None, include_info=False, limits=None)")]
#[allow(clippy::too_many_arguments)]
pub fn validate(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format: Option<FormatArg>,
    level: LevelArg,
    now: Option<&Bound<'_, PyAny>>,
    strict: bool,
    policy: PolicyArg,
    previous_status: Option<String>,
    include_info: bool,
    limits: Option<&Limits>,
) -> PyResult<Report> {
    let format = options::opt_format(format);
    let opts = ValidateArgs {
        level,
        now,
        strict,
        policy,
        previous_status,
        include_info,
        limits,
    }
    .build(py)?;
    let input = Input::extract(data, &opts.limits)?;
    let report = run(py, || match input {
        Input::Bytes(b) => api::validate_input(&b, format, &opts),
        other => {
            let read = options::read(false, None);
            let msg = other.message(None, &read)?;
            Ok(api::validate(&msg, &opts))
        }
    })?;
    Ok(Report::new(report))
}

/// Converts a message to another format (`json`, `xml`, `x12`, `edifact`). Every message of
/// an EDI interchange is converted; JSON and XML targets take exactly one.
#[pyfunction]
#[pyo3(signature = (data, to, from_format=None, *, pretty=true, strict=false, limits=None))]
pub fn convert(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    to: FormatArg,
    from_format: Option<FormatArg>,
    pretty: bool,
    strict: bool,
    limits: Option<&Limits>,
) -> PyResult<String> {
    let to = to.0;
    let from = options::opt_format(from_format);
    let read = options::read(strict, limits);
    let write = WriteOptions {
        pretty,
        ..WriteOptions::default()
    };
    let input = Input::extract(data, &read.limits)?;
    run(py, || match input {
        Input::Bytes(b) => api::convert(&b, to, from, &read, &write),
        other => {
            let msg = other.message(None, &read)?;
            api::serialize(&msg, to, &write)
        }
    })
}

/// The format of a text from its first bytes (`json`, `xml`, `x12`, `edifact`), or None.
#[pyfunction]
pub fn detect(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    match Input::extract(data, &CoreLimits::default())? {
        Input::Bytes(b) => run_held(py, || Ok(api::detect(&b).map(|f| f.as_str()))),
        _ => Err(errors::argument(py, "detect() takes text (str or bytes)")),
    }
}

/// The customer fingerprint: SHA-256 of normalised email, phone and last name (64 hex).
#[pyfunction]
#[pyo3(signature = (email="", phone="", last_name=""))]
pub fn fingerprint(py: Python<'_>, email: &str, phone: &str, last_name: &str) -> PyResult<String> {
    run_held(py, || Ok(api::fingerprint(email, phone, last_name)))
}

/// Builds the ACKNOWLEDGMENT answering `message`. `status` overrides the default (RECEIVED,
/// PROCESSED for a LEAD_CLOSURE, REJECTED when `report` is invalid); `report` fills
/// `validationResults`.
#[pyfunction]
#[pyo3(signature = (message, status=None, report=None, *, message_id=None, now=None))]
pub fn acknowledge(
    py: Python<'_>,
    message: &Bound<'_, PyAny>,
    status: Option<&str>,
    report: Option<&Report>,
    message_id: Option<String>,
    now: Option<&Bound<'_, PyAny>>,
) -> PyResult<Message> {
    let build = BuildOptions {
        now: options::now(py, now)?,
        message_id,
    };
    let read = options::read(false, None);
    let input = Input::extract(message, &read.limits)?;
    let report = report.map(|r| &r.inner);
    run(py, || {
        let msg = input.message(None, &read)?;
        api::acknowledge_with(&msg, report, status, &build)
    })
    .map(Message::new)
}

/// Wraps a payload body in a new envelope: a UUID v4 messageId, the current UTC timestamp
/// and version 1.0 (both can be fixed with `message_id` and `now`).
#[pyfunction]
#[pyo3(signature = (message_type, payload, sender_id, receiver_id, *, message_id=None, now=None))]
pub fn new_message(
    py: Python<'_>,
    message_type: MessageTypeArg,
    payload: &Bound<'_, PyAny>,
    sender_id: &str,
    receiver_id: &str,
    message_id: Option<String>,
    now: Option<&Bound<'_, PyAny>>,
) -> PyResult<Message> {
    let mtype = message_type.0;
    let build = BuildOptions {
        now: options::now(py, now)?,
        message_id,
    };
    let payload = tree::to_value(payload, &CoreLimits::default())?;
    run(py, || {
        api::new_message_with(mtype, payload, sender_id, receiver_id, &build)
    })
    .map(Message::new)
}

/// True when a lead may move from `from_status` to `to_status` under the default policy.
#[pyfunction]
pub fn transition_allowed(
    py: Python<'_>,
    from_status: &Bound<'_, PyString>,
    to_status: &Bound<'_, PyString>,
) -> PyResult<bool> {
    let (from_status, to_status) = (statuses::text(from_status)?, statuses::text(to_status)?);
    run_held(py, || api::transition_allowed(&from_status, &to_status))
}

/// The verdict on a transition: `allowed`, `unlisted` (allowed with a warning) or `forbidden`.
#[pyfunction]
#[pyo3(signature = (from_status, to_status, policy=PolicyArg(TransitionPolicy::Default)), text_signature = "(from_status, to_status, policy='default')")]
pub fn check_transition(
    py: Python<'_>,
    from_status: &Bound<'_, PyString>,
    to_status: &Bound<'_, PyString>,
    policy: PolicyArg,
) -> PyResult<&'static str> {
    let policy = policy.0;
    let (from_status, to_status) = (statuses::text(from_status)?, statuses::text(to_status)?);
    run_held(py, || {
        api::check_transition(&from_status, &to_status, policy).map(|t| t.as_str())
    })
}

/// Panics inside the core boundary; tests use it to prove that a panic surfaces as
/// `lex.InternalError`. Only in debug builds.
#[cfg(debug_assertions)]
#[pyfunction]
pub fn _debug_panic(py: Python<'_>) -> PyResult<()> {
    run(py, || -> lex_core::Result<()> {
        panic!("deliberate panic from lex._native._debug_panic")
    })
}

/// Writes several messages in one document: one X12 or EDIFACT interchange (JSON and XML
/// take exactly one message).
#[pyfunction]
#[pyo3(signature = (messages, to, *, pretty=false))]
pub fn serialize_all(
    py: Python<'_>,
    messages: &Bound<'_, PyAny>,
    to: FormatArg,
    pretty: bool,
) -> PyResult<String> {
    let wrong = || {
        errors::to_py(
            py,
            &api::wrong_type("messages", "an iterable of lex.Message"),
        )
    };
    let mut all = Vec::new();
    for item in messages.try_iter().map_err(|_| wrong())? {
        let item = item?;
        let m = item.cast::<Message>().map_err(|_| wrong())?;
        all.push(m.get().inner.clone());
    }
    let write = WriteOptions {
        pretty,
        ..WriteOptions::default()
    };
    run(py, || api::serialize_all(&all, to.0, &write))
}
