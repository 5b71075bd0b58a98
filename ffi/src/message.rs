//! `lex_message` and `lex_message_list`: reading, accessors, encoders; plus the byte-input
//! operations `lex_input_convert` and `lex_input_detect`.

use crate::boundary::{Out, Res, bytes, ffi_fn, handle, index, lex_status, text};
use crate::error::lex_error;
use crate::options::{lex_validate_options, read_opts, validate_opts};
use crate::report::lex_report;
use crate::types::{format_arg, lex_buf, lex_format, lex_str};
use lex_core::api::WriteOptions;
use lex_core::{Format, Message, Report, api};
use std::sync::Arc;

/// One LEX message (the canonical tree plus the warnings found while reading it).
/// Immutable: it may be shared by any number of threads and read concurrently.
/// Owned by the caller: release with `lex_message_free`. Strings borrowed from it stay
/// valid until then.
pub struct lex_message {
    pub(crate) inner: Arc<Message>,
}

impl lex_message {
    pub(crate) fn boxed(m: Arc<Message>) -> *mut lex_message {
        Box::into_raw(Box::new(lex_message { inner: m }))
    }
}

/// The messages of one input (an X12/EDIFACT interchange may hold several), in order.
/// Immutable and shareable like `lex_message`; release with `lex_message_list_free`.
pub struct lex_message_list {
    items: Vec<Arc<Message>>,
}

fn write_opts(pretty: bool) -> WriteOptions {
    WriteOptions {
        pretty,
        ..WriteOptions::default()
    }
}

/// Reads exactly one message. `format` is a `lex_format` (`LEX_FORMAT_AUTO` detects it);
/// `opts` supplies the read mode and limits (NULL: defaults). An interchange with several
/// messages is `LEX_STATUS_INVALID_ARGUMENT` (use `lex_message_list_parse`).
/// Errors: `LEX_STATUS_PARSE_ERROR` / `LEX_STATUS_LIMIT_EXCEEDED` with a located error.
/// On success `*out` is a new message to free with `lex_message_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_parse(
    input: *const u8,
    input_len: usize,
    format: i32,
    opts: *const lex_validate_options,
    out: *mut *mut lex_message,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(input, input_len, "input")? };
        let format = format_arg(format, true)?;
        // SAFETY: per the contract.
        let read = unsafe { read_opts(opts) };
        let m = api::parse(input, format, &read)?;
        out.set(lex_message::boxed(Arc::new(m)))
    })
}

/// Builds a message from JSON text (the native-value constructor: the tree of
/// `{"lex": {...}}`), normalising aliases (each an `ALIAS_NORMALIZED` read warning).
/// Default limits apply. Errors: `LEX_STATUS_PARSE_ERROR` (not JSON, not a LEX envelope,
/// conflicting aliases), `LEX_STATUS_LIMIT_EXCEEDED`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_from_json(
    json: *const u8,
    json_len: usize,
    out: *mut *mut lex_message,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(json, json_len, "json")? };
        let value = lex_core::api::value_from_json(input, &Default::default())?;
        let m = api::from_value(value)?;
        out.set(lex_message::boxed(Arc::new(m)))
    })
}

/// Releases a message. NULL is accepted and does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_free(msg: *mut lex_message) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(msg) }
}

/// Reads a message property that cannot fail beyond NULL checks.
unsafe fn get<T>(
    msg: *const lex_message,
    out: *mut T,
    f: impl FnOnce(&Message) -> T,
) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let m = unsafe { handle(msg, "msg")? };
        out.set(f(&m.inner))
    })
}

/// `lex.header.messageType` as written (`{NULL, 0}` when absent or not a string).
/// Borrowed from `msg`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_type(
    msg: *const lex_message,
    out: *mut lex_str,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(msg, out, |m| lex_str::of_opt(m.message_type_str())) }
}

/// `lex.header.messageId` (`{NULL, 0}` when absent). Borrowed from `msg`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_id(msg: *const lex_message, out: *mut lex_str) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(msg, out, |m| lex_str::of_opt(m.message_id())) }
}

/// The format the message was read from (`LEX_FORMAT_JSON` for built messages).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_source_format(
    msg: *const lex_message,
    out: *mut lex_format,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(msg, out, |m| lex_format::of(m.source_format())) }
}

/// The canonical JSON-EDI text of the message (the native value as JSON). Free with
/// `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_to_json(
    msg: *const lex_message,
    pretty: bool,
    out: *mut lex_buf,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(msg, out, |m| lex_buf::from_string(m.to_json(pretty))) }
}

/// The JSON text of the value at an RFC 6901 pointer from the message root (e.g.
/// `/lex/payload/lead/status` gives `"ORDER"` with its quotes), or `{NULL, 0}` when nothing
/// is there. Free with `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_get_json(
    msg: *const lex_message,
    pointer: *const u8,
    pointer_len: usize,
    out: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let m = unsafe { handle(msg, "msg")? };
        // SAFETY: per the contract.
        let p = unsafe { text(pointer, pointer_len, "pointer")? };
        let v = m.inner.pointer(p);
        out.set(lex_buf::from_opt(
            v.map(|v| lex_core::api::value_to_json(v, false)),
        ))
    })
}

/// May `msg` be routed to `recipient` (a LEX organisation id, compared exactly)? The
/// decision of `lex.dataGovernance` as compact JSON text `{"allowed":..,"code":..,
/// "ruleId"?:..,"policy"?:..,"reason":..,"auditRequired":..,"retainUntil"?:..}`: `code` is a
/// stable `FORWARD_*` code, `reason` human text that may change. The retention check uses the
/// clock of `opts` (NULL, or no clock set: the system clock); nothing else of `opts` is used.
/// An empty recipient (`(NULL, 0)` included) is a denial (`FORWARD_INVALID_RECIPIENT`), not an
/// error. Free `*out_json` with `lex_buf_free`. Errors: `LEX_STATUS_NULL_POINTER` (`msg`,
/// `out_json`, or `recipient` NULL with a length), `LEX_STATUS_INVALID_ARGUMENT` (`recipient`
/// not UTF-8).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_may_forward(
    msg: *const lex_message,
    recipient: *const u8,
    recipient_len: usize,
    opts: *const lex_validate_options,
    out_json: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out_json, "out_json")?;
        // SAFETY: per the contract.
        let m = unsafe { handle(msg, "msg")? };
        // SAFETY: per the contract.
        let recipient = unsafe { text(recipient, recipient_len, "recipient")? };
        // SAFETY: per the contract.
        let o = unsafe { validate_opts(opts) };
        let d = api::may_forward_with(&m.inner, recipient, &o);
        out.set(lex_buf::from_string(api::forward_decision_json(&d)))
    })
}

/// Writes the message in `format` (a `lex_format`, not AUTO). Errors:
/// `LEX_STATUS_UNREPRESENTABLE` when the message cannot be written in that format.
/// Free the text with `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_serialize(
    msg: *const lex_message,
    format: i32,
    pretty: bool,
    out: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let m = unsafe { handle(msg, "msg")? };
        let format = required_format(format)?;
        let s = api::serialize(&m.inner, format, &write_opts(pretty))?;
        out.set(lex_buf::from_string(s))
    })
}

fn required_format(v: i32) -> Res<Format> {
    format_arg(v, false)?.ok_or_else(|| crate::boundary::invalid("a target format is required"))
}

/// The customer fingerprint of a LEAD (64 lower-case hex characters), or `{NULL, 0}` when
/// the message is not a LEAD or has neither email nor phone. Free with `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_fingerprint(
    msg: *const lex_message,
    out: *mut lex_buf,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(msg, out, |m| lex_buf::from_opt(api::message_fingerprint(m))) }
}

/// The warnings found while reading the message (aliases, BOM, EDI envelope findings), as a
/// report (valid unless a reader recorded an error). Free with `lex_report_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_read_issues(
    msg: *const lex_message,
    out: *mut *mut lex_report,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        get(msg, out, |m| {
            lex_report::boxed(Arc::new(Report::from_issues(m.read_issues().to_vec())))
        })
    }
}

/// Reads every message of the input, in order (`format` and `opts` as for
/// `lex_message_parse`). Free the list with `lex_message_list_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_list_parse(
    input: *const u8,
    input_len: usize,
    format: i32,
    opts: *const lex_validate_options,
    out: *mut *mut lex_message_list,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(input, input_len, "input")? };
        let format = format_arg(format, true)?;
        // SAFETY: per the contract.
        let read = unsafe { read_opts(opts) };
        let items = api::parse_all(input, format, &read)?
            .into_iter()
            .map(Arc::new)
            .collect();
        out.set(Box::into_raw(Box::new(lex_message_list { items })))
    })
}

/// Releases a list (messages taken out of it with `lex_message_list_get` stay valid).
/// NULL is accepted and does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_list_free(list: *mut lex_message_list) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(list) }
}

/// The number of messages in the list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_list_count(
    list: *const lex_message_list,
    out: *mut usize,
) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        out.set(unsafe { handle(list, "list")? }.items.len())
    })
}

/// Message `i` (0-based) as a new handle sharing the same immutable data. Free it with
/// `lex_message_free`. Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_list_get(
    list: *const lex_message_list,
    i: usize,
    out: *mut *mut lex_message,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let l = unsafe { handle(list, "list")? };
        let i = index(i, l.items.len(), "the list")?;
        out.set(lex_message::boxed(Arc::clone(&l.items[i])))
    })
}

/// Writes every message of the list in one document (one X12/EDIFACT interchange; JSON
/// and XML need exactly one message). Free the text with `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_list_serialize(
    list: *const lex_message_list,
    format: i32,
    pretty: bool,
    out: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let l = unsafe { handle(list, "list")? };
        let format = required_format(format)?;
        let msgs: Vec<Message> = l.items.iter().map(|m| Message::clone(m)).collect();
        let s = api::serialize_all(&msgs, format, &write_opts(pretty))?;
        out.set(lex_buf::from_string(s))
    })
}

/// Converts input in any format (`from` a `lex_format`, AUTO detects) to `to` (not AUTO).
/// Every message of an interchange is converted; JSON and XML targets need exactly one.
/// `opts` supplies read mode and limits (NULL: defaults). Free the text with `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_input_convert(
    input: *const u8,
    input_len: usize,
    to: i32,
    from: i32,
    pretty: bool,
    opts: *const lex_validate_options,
    out: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(input, input_len, "input")? };
        let to = required_format(to)?;
        let from = format_arg(from, true)?;
        // SAFETY: per the contract.
        let read = unsafe { read_opts(opts) };
        let s = api::convert(input, to, from, &read, &write_opts(pretty))?;
        out.set(lex_buf::from_string(s))
    })
}

/// Detects the format of the input from its first bytes; `LEX_FORMAT_AUTO` when nothing
/// matches (that is not an error).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_input_detect(
    input: *const u8,
    input_len: usize,
    out: *mut lex_format,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(input, input_len, "input")? };
        out.set(api::detect(input).map_or(lex_format::LEX_FORMAT_AUTO, lex_format::of))
    })
}
