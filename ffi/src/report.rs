//! `lex_report`: validation and the report accessors (JSON and field by field).

use crate::boundary::{Out, bytes, ffi_fn, handle, index, lex_status, text};
use crate::error::lex_error;
use crate::message::lex_message;
use crate::options::{lex_validate_options, validate_opts};
use crate::types::{format_arg, lex_buf, lex_level, lex_str};
use lex_core::{Issue, Report, api};
use std::sync::Arc;

/// The result of validating one message: `valid`, then the issues, errors (CRITICAL and
/// ERROR) first and warnings (WARNING, INFO) after, each in evaluation order. Issue `i`
/// below indexes that combined sequence.
/// Immutable: shareable across threads. Release with `lex_report_free`; strings borrowed
/// from it stay valid until then.
pub struct lex_report {
    inner: Arc<Report>,
}

impl lex_report {
    pub(crate) fn boxed(r: Arc<Report>) -> *mut lex_report {
        Box::into_raw(Box::new(lex_report { inner: r }))
    }

    pub(crate) fn arc(&self) -> &Arc<Report> {
        &self.inner
    }
}

/// Validates a message (`opts` NULL: defaults). Findings are in the report; a report is
/// always produced for a valid handle. Free it with `lex_report_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_validate(
    msg: *const lex_message,
    opts: *const lex_validate_options,
    out: *mut *mut lex_report,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let m = unsafe { handle(msg, "msg")? };
        // SAFETY: per the contract.
        let o = unsafe { validate_opts(opts) };
        out.set(lex_report::boxed(Arc::new(api::validate(&m.inner, &o))))
    })
}

/// Reads and validates one message from bytes (`format` a `lex_format`, AUTO detects).
/// Unreadable input is an error status with a located `lex_error`; readable input always
/// gives a report. Free it with `lex_report_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_input_validate(
    input: *const u8,
    input_len: usize,
    format: i32,
    opts: *const lex_validate_options,
    out: *mut *mut lex_report,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(input, input_len, "input")? };
        let format = format_arg(format, true)?;
        // SAFETY: per the contract.
        let o = unsafe { validate_opts(opts) };
        let r = api::validate_input(input, format, &o)?;
        out.set(lex_report::boxed(Arc::new(r)))
    })
}

/// Releases a report. NULL is accepted and does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_free(report: *mut lex_report) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(report) }
}

/// Reads a report property.
unsafe fn get<T>(r: *const lex_report, out: *mut T, f: impl FnOnce(&Report) -> T) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let r = unsafe { handle(r, "report")? };
        out.set(f(&r.inner))
    })
}

/// True when no issue is CRITICAL or ERROR.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_valid(report: *const lex_report, out: *mut bool) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(report, out, |r| r.valid) }
}

/// The recommended HTTP status: 200 valid, 410 TTL expired, 422 invalid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_http_status(
    report: *const lex_report,
    out: *mut u16,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(report, out, |r| r.http_status()) }
}

/// The number of errors (CRITICAL and ERROR issues).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_error_count(
    report: *const lex_report,
    out: *mut usize,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(report, out, |r| r.errors.len()) }
}

/// The number of warnings (WARNING and INFO issues).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_warning_count(
    report: *const lex_report,
    out: *mut usize,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(report, out, |r| r.warnings.len()) }
}

/// The number of issues (errors + warnings).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_count(
    report: *const lex_report,
    out: *mut usize,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(report, out, |r| r.errors.len() + r.warnings.len()) }
}

/// True when some issue has this code (e.g. `MESSAGE_TTL_EXPIRED`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_has_code(
    report: *const lex_report,
    code: *const u8,
    code_len: usize,
    out: *mut bool,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let r = unsafe { handle(report, "report")? };
        // SAFETY: per the contract.
        let code = unsafe { text(code, code_len, "code")? };
        out.set(r.inner.has_code(code))
    })
}

/// The report as JSON text `{"valid":..,"errors":[..],"warnings":[..]}` with every issue
/// field (camelCase; absent extras omitted). Free with `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_to_json(
    report: *const lex_report,
    pretty: bool,
    out: *mut lex_buf,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(report, out, |r| lex_buf::from_string(r.to_json(pretty))) }
}

/// Reads a field of issue `i`: the shared shape of the issue accessors.
unsafe fn issue<T>(
    report: *const lex_report,
    i: usize,
    out: *mut T,
    err: *mut *mut lex_error,
    f: impl FnOnce(&Issue) -> T,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let r = unsafe { handle(report, "report")? };
        let n = r.inner.errors.len() + r.inner.warnings.len();
        let i = index(i, n, "the report")?;
        let Some(issue) = r.inner.issues().nth(i) else {
            return Err(crate::boundary::invalid("issue index out of range"));
        };
        out.set(f(issue))
    })
}

/// The level of issue `i`. Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_level(
    report: *const lex_report,
    i: usize,
    out: *mut lex_level,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { issue(report, i, out, err, |x| lex_level::of(x.level)) }
}

/// The stable code of issue `i` (e.g. `REQUIRED_FIELD_MISSING`).
///
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_code(
    report: *const lex_report,
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { issue(report, i, out, err, |x| lex_str::of(&x.code)) }
}

/// The field of issue `i` as the LEX conformance vectors name it (e.g. `lead.status`).
///
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_field(
    report: *const lex_report,
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { issue(report, i, out, err, |x| lex_str::of(&x.field)) }
}

/// The RFC 6901 pointer of issue `i` (e.g. `/lex/payload/lead/status`).
///
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_pointer(
    report: *const lex_report,
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { issue(report, i, out, err, |x| lex_str::of(&x.pointer)) }
}

/// The human-readable message of issue `i` (may change between versions).
///
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_message(
    report: *const lex_report,
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { issue(report, i, out, err, |x| lex_str::of(&x.message)) }
}

/// The published rule id of issue `i` (`DG-007`, ...), or `{NULL, 0}`.
///
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_rule_id(
    report: *const lex_report,
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        issue(report, i, out, err, |x| {
            lex_str::of_opt(x.rule_id.as_deref())
        })
    }
}

/// For a transition issue: the status the lead was in, or `{NULL, 0}`.
///
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_from_status(
    report: *const lex_report,
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        issue(report, i, out, err, |x| {
            lex_str::of_opt(x.from_status.as_deref())
        })
    }
}

/// For a transition issue: the status the message moves to, or `{NULL, 0}`.
///
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_to_status(
    report: *const lex_report,
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        issue(report, i, out, err, |x| {
            lex_str::of_opt(x.to_status.as_deref())
        })
    }
}

/// How to fix issue `i`, or `{NULL, 0}`.
///
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_suggestion(
    report: *const lex_report,
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        issue(report, i, out, err, |x| {
            lex_str::of_opt(x.suggestion.as_deref())
        })
    }
}

/// Issue `i` as a JSON object with every field (including `rejectedValue`,
/// `allowedValues`, `threshold`, `constraint` when present). Free with `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_report_issue_to_json(
    report: *const lex_report,
    i: usize,
    out: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        issue(report, i, out, err, |x| {
            lex_buf::from_string(lex_core::api::value_to_json(&x.to_value(), false))
        })
    }
}
