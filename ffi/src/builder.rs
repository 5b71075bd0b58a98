//! New messages and acknowledgments.

use crate::boundary::{Out, bytes, ffi_fn, handle, invalid, lex_status, opt_text, text};
use crate::error::lex_error;
use crate::message::lex_message;
use crate::options::{build_opts, lex_build_options};
use crate::report::lex_report;
use lex_core::{MessageType, api};
use std::sync::Arc;

/// Wraps a payload body in a new envelope: `message_type` is one of the five wire names
/// (`LEAD`, `ASSET`, `ACKNOWLEDGMENT`, `SUBSCRIPTION`, `LEAD_CLOSURE`); `payload_json` is
/// the JSON object that goes under `lex.payload.<key>` (or an object that already has the
/// `<key>` member). The header gets a UUID v4 `messageId`, the current UTC `timestamp` and
/// `version` `1.0`, unless `opts` (NULL: defaults) fixes the clock or the id.
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` (unknown type, payload not an object),
/// `LEX_STATUS_PARSE_ERROR` (payload not JSON). Free the message with `lex_message_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_new(
    message_type: *const u8,
    message_type_len: usize,
    payload_json: *const u8,
    payload_json_len: usize,
    sender_id: *const u8,
    sender_id_len: usize,
    receiver_id: *const u8,
    receiver_id_len: usize,
    opts: *const lex_build_options,
    out: *mut *mut lex_message,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY (all four): per the contract.
        let t = unsafe { text(message_type, message_type_len, "message_type")? };
        let payload = unsafe { bytes(payload_json, payload_json_len, "payload_json")? };
        let sender = unsafe { text(sender_id, sender_id_len, "sender_id")? };
        let receiver = unsafe { text(receiver_id, receiver_id_len, "receiver_id")? };
        let mtype = MessageType::parse(t).ok_or_else(|| {
            invalid(format!(
                "\"{t}\" is not a message type (expected one of {})",
                api::MESSAGE_TYPES.join(", ")
            ))
        })?;
        let value = lex_core::api::value_from_json(payload, &Default::default())?;
        // SAFETY: per the contract.
        let o = unsafe { build_opts(opts) };
        let m = api::new_message_with(mtype, value, sender, receiver, &o)?;
        out.set(lex_message::boxed(Arc::new(m)))
    })
}

/// Builds the ACKNOWLEDGMENT answering `msg`. `report` (NULL: none) supplies
/// `validationResults` and makes an invalid message `REJECTED`; `status` (NULL: the default
/// — `RECEIVED`, `PROCESSED` for a LEAD_CLOSURE, `REJECTED` when the report is invalid)
/// overrides it (legacy `ACCEPTED`/`ERROR`/`DEFERRED` are normalised); `opts` (NULL:
/// defaults) fixes the clock and the ACK's own `messageId`.
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` for an unknown status or when `msg` is itself an
/// acknowledgment. Free the message with `lex_message_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_acknowledge(
    msg: *const lex_message,
    report: *const lex_report,
    status: *const u8,
    status_len: usize,
    opts: *const lex_build_options,
    out: *mut *mut lex_message,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let m = unsafe { handle(msg, "msg")? };
        // SAFETY: NULL or a live handle.
        let r = unsafe { report.as_ref() }.map(|r| Arc::clone(r.arc()));
        // SAFETY: per the contract.
        let status = unsafe { opt_text(status, status_len, "status")? };
        // SAFETY: per the contract.
        let o = unsafe { build_opts(opts) };
        let ack = api::acknowledge_with(&m.inner, r.as_deref(), status, &o)?;
        out.set(lex_message::boxed(Arc::new(ack)))
    })
}
