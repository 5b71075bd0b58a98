//! Exchange operations: the X12 997 and EDIFACT CONTRL acknowledgments, the duplicate-lead
//! closure and the forwarding decision (`lex_forward_decision` with accessors).

use crate::boundary::{Out, bytes, ffi_fn, handle, lex_status, text};
use crate::error::lex_error;
use crate::message::lex_message;
use crate::options::{
    build_opts, lex_build_options, lex_validate_options, read_opts, validate_opts,
};
use crate::types::{lex_buf, lex_str};
use lex_core::api;
use lex_core::api::WriteOptions;
use std::sync::Arc;

/// Whether a message may be routed to a recipient (the decision of `lex.dataGovernance`).
/// Immutable; release with `lex_forward_decision_free`. Strings borrowed from it stay valid
/// until then.
pub struct lex_forward_decision {
    inner: api::ForwardDecision,
}

/// The X12 997 functional acknowledgment answering a received X12 interchange (tolerant
/// reading unless `opts` says strict; `opts` also gives the limits; NULL: defaults). Free the
/// text with `lex_buf_free`. Errors: `LEX_STATUS_PARSE_ERROR` when the input has no readable
/// ISA/GS envelope, `LEX_STATUS_LIMIT_EXCEEDED`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_input_x12_functional_ack(
    input: *const u8,
    input_len: usize,
    opts: *const lex_validate_options,
    out: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(input, input_len, "input")? };
        // SAFETY: per the contract.
        let read = unsafe { read_opts(opts) };
        let s = api::x12_functional_ack_with(input, &read, &WriteOptions::default())?;
        out.set(lex_buf::from_string(s))
    })
}

/// Reads the 997 functional acknowledgments of an X12 interchange as compact JSON text: an
/// array with one object per acknowledged group (`functionalId`, `groupControlNumber`,
/// `status`, `sets`, ...). `opts` gives the read mode and limits (NULL: defaults). Free with
/// `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_input_x12_read_functional_ack(
    input: *const u8,
    input_len: usize,
    opts: *const lex_validate_options,
    out_json: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out_json, "out_json")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(input, input_len, "input")? };
        // SAFETY: per the contract.
        let read = unsafe { read_opts(opts) };
        let v = api::x12_read_functional_ack(input, &read)?;
        out.set(lex_buf::from_string(api::value_to_json(&v, false)))
    })
}

/// The EDIFACT CONTRL interchange (syntax report) answering a received EDIFACT interchange.
/// Free the text with `lex_buf_free`. Errors: `LEX_STATUS_PARSE_ERROR` without a readable UNB.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_input_edifact_contrl(
    input: *const u8,
    input_len: usize,
    out: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(input, input_len, "input")? };
        out.set(lex_buf::from_string(api::edifact_contrl(input)?))
    })
}

/// Reads an EDIFACT CONTRL interchange as compact JSON text: an array with one object per
/// CONTRL message (`interchangeReference`, `action`, `accepted`, `messages`). Free with
/// `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_input_edifact_contrl_read(
    input: *const u8,
    input_len: usize,
    out_json: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out_json, "out_json")?;
        // SAFETY: per the contract.
        let input = unsafe { bytes(input, input_len, "input")? };
        let v = api::edifact_contrl_read(input)?;
        out.set(lex_buf::from_string(api::value_to_json(&v, false)))
    })
}

/// The LEAD_CLOSURE (`closureStatus: DUPLICATE`) answering `msg`, a duplicate lead whose
/// customer already belongs to the lead `canonical_lead_id`. `opts` gives the clock and the
/// messageId of the closure (NULL: system clock, fresh UUID). Free `*out` with
/// `lex_message_free`. Errors: `LEX_STATUS_INVALID_ARGUMENT` (not a LEAD, empty id).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_duplicate_closure(
    msg: *const lex_message,
    canonical_lead_id: *const u8,
    canonical_lead_id_len: usize,
    opts: *const lex_build_options,
    out: *mut *mut lex_message,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let m = unsafe { handle(msg, "msg")? };
        // SAFETY: per the contract.
        let id = unsafe {
            text(
                canonical_lead_id,
                canonical_lead_id_len,
                "canonical_lead_id",
            )?
        };
        // SAFETY: per the contract.
        let o = unsafe { build_opts(opts) };
        let closure = api::duplicate_closure(&m.inner, id, &o)?;
        out.set(lex_message::boxed(Arc::new(closure)))
    })
}

/// May `msg` be routed to `recipient`? Like `lex_message_may_forward`, but the decision is a
/// handle with accessors (`lex_forward_decision_allowed`, `_code`, ...) instead of JSON text.
/// Free `*out` with `lex_forward_decision_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_forward_decision(
    msg: *const lex_message,
    recipient: *const u8,
    recipient_len: usize,
    opts: *const lex_validate_options,
    out: *mut *mut lex_forward_decision,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let m = unsafe { handle(msg, "msg")? };
        // SAFETY: per the contract.
        let recipient = unsafe { text(recipient, recipient_len, "recipient")? };
        // SAFETY: per the contract.
        let o = unsafe { validate_opts(opts) };
        let inner = api::may_forward_with(&m.inner, recipient, &o);
        out.set(Box::into_raw(Box::new(lex_forward_decision { inner })))
    })
}

/// Releases a forwarding decision. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_forward_decision_free(decision: *mut lex_forward_decision) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(decision) }
}

/// Reads a decision property (only NULL checks can fail).
unsafe fn get<T>(
    d: *const lex_forward_decision,
    out: *mut T,
    f: impl FnOnce(&api::ForwardDecision) -> T,
) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let d = unsafe { handle(d, "decision")? };
        out.set(f(&d.inner))
    })
}

/// True when the message may be routed to the recipient.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_forward_decision_allowed(
    decision: *const lex_forward_decision,
    out: *mut bool,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(decision, out, |d| d.allowed) }
}

/// The stable reason code (`FORWARD_OPEN`, `FORWARD_LOCKED`, ...). Borrowed from `decision`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_forward_decision_code(
    decision: *const lex_forward_decision,
    out: *mut lex_str,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(decision, out, |d| lex_str::of(d.code)) }
}

/// The published rule behind the decision (`DG-007`, ...), `{NULL, 0}` when none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_forward_decision_rule_id(
    decision: *const lex_forward_decision,
    out: *mut lex_str,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(decision, out, |d| lex_str::of_opt(d.rule_id)) }
}

/// The declared `forwardingPolicy`, `{NULL, 0}` without a governance block.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_forward_decision_policy(
    decision: *const lex_forward_decision,
    out: *mut lex_str,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(decision, out, |d| lex_str::of_opt(d.policy.as_deref())) }
}

/// A human-readable explanation (may change between versions; never match on it).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_forward_decision_reason(
    decision: *const lex_forward_decision,
    out: *mut lex_str,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(decision, out, |d| lex_str::of(&d.reason)) }
}

/// True when the forwarder should log the forwarding event (`auditRequired`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_forward_decision_audit_required(
    decision: *const lex_forward_decision,
    out: *mut bool,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(decision, out, |d| d.audit_required) }
}

/// The end of the retention period (RFC 3339), `{NULL, 0}` when not declared.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_forward_decision_retain_until(
    decision: *const lex_forward_decision,
    out: *mut lex_str,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        get(decision, out, |d| {
            lex_str::of_opt(d.retain_until.as_deref())
        })
    }
}

/// Writes `count` messages (an array of handles, e.g. built or parsed one by one) in one
/// document: one X12/EDIFACT interchange; JSON and XML need exactly one message. Free the
/// text with `lex_buf_free`. Errors: `LEX_STATUS_NULL_POINTER` (`msgs` NULL with a count, or
/// a NULL entry), `LEX_STATUS_UNREPRESENTABLE`, `LEX_STATUS_INVALID_ARGUMENT`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_serialize_all(
    msgs: *const *const lex_message,
    count: usize,
    format: i32,
    pretty: bool,
    out: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        let handles: &[*const lex_message] = if count == 0 {
            &[]
        } else if msgs.is_null() {
            return Err(crate::boundary::null("msgs"));
        } else {
            // SAFETY: per the contract, `msgs` points at `count` handles.
            unsafe { std::slice::from_raw_parts(msgs, count) }
        };
        let mut messages = Vec::with_capacity(handles.len());
        for &h in handles {
            // SAFETY: per the contract.
            messages.push(lex_core::Message::clone(
                &unsafe { handle(h, "msgs[i]")? }.inner,
            ));
        }
        let format = crate::types::format_arg(format, false)?
            .ok_or_else(|| crate::boundary::invalid("a target format is required"))?;
        let opts = WriteOptions {
            pretty,
            ..WriteOptions::default()
        };
        out.set(lex_buf::from_string(api::serialize_all(
            &messages, format, &opts,
        )?))
    })
}

/// The decision as compact JSON text (the same object `lex_message_may_forward` returns).
/// Free with `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_forward_decision_to_json(
    decision: *const lex_forward_decision,
    out: *mut lex_buf,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        get(decision, out, |d| {
            lex_buf::from_string(api::forward_decision_json(d))
        })
    }
}
