//! `lex_receiver` and `lex_receipt`: the stateful receiving side.

use crate::boundary::{Out, bytes, ffi_fn, handle, index, lex_status};
use crate::error::lex_error;
use crate::message::lex_message;
use crate::options::{lex_validate_options, validate_opts};
use crate::report::lex_report;
use crate::types::{lex_buf, lex_str};
use lex_core::api::{self, ExpiryAction, Outcome, Receipt, Receiver};
use lex_core::{Message, Report};
use std::sync::Arc;

/// A receiving endpoint with an in-memory store: idempotency by `messageId`, the stored
/// status of each lead (for transition checks), TTL, duplicate customers.
/// Internally synchronised: any number of threads may call `lex_receiver_receive*` on the
/// same receiver at once (one `messageId` is processed at most once). Release with
/// `lex_receiver_free` once no call is running.
pub struct lex_receiver {
    inner: Receiver,
}

/// What happened to a received message.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum lex_outcome {
    /// Valid and processed; acknowledged RECEIVED/PROCESSED.
    LEX_OUTCOME_ACCEPTED = 0,
    /// Invalid; acknowledged REJECTED.
    LEX_OUTCOME_REJECTED = 1,
    /// Expired (TTL): not processed, no acknowledgment.
    LEX_OUTCOME_DEAD_LETTER = 2,
}

/// The result of receiving one message. Immutable and shareable; release with
/// `lex_receipt_free`. The message, report and ack taken out of it are new handles.
pub struct lex_receipt {
    message: Arc<Message>,
    report: Arc<Report>,
    ack: Option<Arc<Message>>,
    duplicate: bool,
    outcome: Outcome,
    http_status: u16,
    duplicate_of_lead: Option<String>,
    routing: Option<ExpiryAction>,
    dead_letter_reason: Option<String>,
    retry_attempt: Option<u32>,
    fingerprint: Option<String>,
}

impl lex_receipt {
    fn boxed(r: Receipt) -> *mut lex_receipt {
        Box::into_raw(Box::new(lex_receipt {
            message: Arc::new(r.message),
            report: Arc::new(r.report),
            ack: r.ack.map(Arc::new),
            duplicate: r.duplicate,
            outcome: r.outcome,
            http_status: r.http_status,
            duplicate_of_lead: r.duplicate_of_lead,
            routing: r.routing,
            dead_letter_reason: r.dead_letter_reason,
            retry_attempt: r.retry_attempt,
            fingerprint: r.fingerprint,
        }))
    }

    /// The core receipt again (the message, report and ack are cloned: only for encoding).
    fn to_core(&self) -> Receipt {
        Receipt {
            message: Message::clone(&self.message),
            report: Report::clone(&self.report),
            ack: self.ack.as_deref().cloned(),
            duplicate: self.duplicate,
            outcome: self.outcome,
            http_status: self.http_status,
            duplicate_of_lead: self.duplicate_of_lead.clone(),
            routing: self.routing,
            dead_letter_reason: self.dead_letter_reason.clone(),
            retry_attempt: self.retry_attempt,
            fingerprint: self.fingerprint.clone(),
        }
    }
}

impl lex_outcome {
    fn of(o: Outcome) -> lex_outcome {
        match o {
            Outcome::Accepted => lex_outcome::LEX_OUTCOME_ACCEPTED,
            Outcome::Rejected => lex_outcome::LEX_OUTCOME_REJECTED,
            Outcome::DeadLetter => lex_outcome::LEX_OUTCOME_DEAD_LETTER,
        }
    }
}

/// The receipts of one input, in order. Release with `lex_receipt_list_free`.
pub struct lex_receipt_list {
    items: Vec<Receipt>,
}

/// Creates a receiver validating with `opts` (copied; NULL: defaults). Free with
/// `lex_receiver_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receiver_new(
    opts: *const lex_validate_options,
    out: *mut *mut lex_receiver,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let o = unsafe { validate_opts(opts) };
        out.set(Box::into_raw(Box::new(lex_receiver {
            inner: Receiver::new(o),
        })))
    })
}

/// Releases a receiver and its store. NULL is accepted and does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receiver_free(rx: *mut lex_receiver) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(rx) }
}

/// Reads, validates and records one message (any format, detected). A second message with
/// the same `messageId` returns the first receipt with `duplicate` set. Errors:
/// unreadable input (`LEX_STATUS_PARSE_ERROR`, ...), an interchange with several messages
/// (`LEX_STATUS_INVALID_ARGUMENT`: use `lex_receiver_receive_all`). Free the receipt with
/// `lex_receipt_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receiver_receive(
    rx: *const lex_receiver,
    input: *const u8,
    input_len: usize,
    out: *mut *mut lex_receipt,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY (both): per the contract.
        let rx = unsafe { handle(rx, "rx")? };
        let input = unsafe { bytes(input, input_len, "input")? };
        let r = rx.inner.receive(input)?;
        out.set(lex_receipt::boxed(r))
    })
}

/// Receives an already-read message (the message handle stays the caller's).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receiver_receive_message(
    rx: *const lex_receiver,
    msg: *const lex_message,
    out: *mut *mut lex_receipt,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY (both): per the contract.
        let rx = unsafe { handle(rx, "rx")? };
        let m = unsafe { handle(msg, "msg")? };
        let r = rx.inner.receive_message(Message::clone(&m.inner));
        out.set(lex_receipt::boxed(r))
    })
}

/// Receives every message of an input in order. Free the list with
/// `lex_receipt_list_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receiver_receive_all(
    rx: *const lex_receiver,
    input: *const u8,
    input_len: usize,
    out: *mut *mut lex_receipt_list,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY (both): per the contract.
        let rx = unsafe { handle(rx, "rx")? };
        let input = unsafe { bytes(input, input_len, "input")? };
        let items = rx.inner.receive_all(input)?;
        out.set(Box::into_raw(Box::new(lex_receipt_list { items })))
    })
}

/// The number of receipts in the list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_list_count(
    list: *const lex_receipt_list,
    out: *mut usize,
) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        out.set(unsafe { handle(list, "list")? }.items.len())
    })
}

/// Receipt `i` as a new handle (free with `lex_receipt_free`). Errors:
/// `LEX_STATUS_INVALID_ARGUMENT` when `i` is out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_list_get(
    list: *const lex_receipt_list,
    i: usize,
    out: *mut *mut lex_receipt,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let l = unsafe { handle(list, "list")? };
        let i = index(i, l.items.len(), "the list")?;
        out.set(lex_receipt::boxed(l.items[i].clone()))
    })
}

/// Releases a receipt list. NULL is accepted and does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_list_free(list: *mut lex_receipt_list) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(list) }
}

/// Releases a receipt. NULL is accepted and does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_free(receipt: *mut lex_receipt) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(receipt) }
}

/// Reads a receipt property.
unsafe fn get<T>(
    r: *const lex_receipt,
    out: *mut T,
    f: impl FnOnce(&lex_receipt) -> T,
) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        out.set(f(unsafe { handle(r, "receipt")? }))
    })
}

/// The message as read (a new handle: free with `lex_message_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_message(
    receipt: *const lex_receipt,
    out: *mut *mut lex_message,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(receipt, out, |r| lex_message::boxed(Arc::clone(&r.message))) }
}

/// Its validation report (a new handle: free with `lex_report_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_report(
    receipt: *const lex_receipt,
    out: *mut *mut lex_report,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(receipt, out, |r| lex_report::boxed(Arc::clone(&r.report))) }
}

/// The acknowledgment to send back (a new handle: free with `lex_message_free`), or NULL
/// written to `*out` for a dead-lettered message.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_ack(
    receipt: *const lex_receipt,
    out: *mut *mut lex_message,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        get(receipt, out, |r| {
            r.ack
                .as_ref()
                .map_or(std::ptr::null_mut(), |a| lex_message::boxed(Arc::clone(a)))
        })
    }
}

/// True when this `messageId` had been received before (nothing was processed again).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_duplicate(
    receipt: *const lex_receipt,
    out: *mut bool,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(receipt, out, |r| r.duplicate) }
}

/// What happened to the message.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_outcome(
    receipt: *const lex_receipt,
    out: *mut lex_outcome,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(receipt, out, |r| lex_outcome::of(r.outcome)) }
}

/// The recommended HTTP status (200, 410, 422).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_http_status(
    receipt: *const lex_receipt,
    out: *mut u16,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { get(receipt, out, |r| r.http_status) }
}

/// The `leadId` of another active lead with the same customer fingerprint, or `{NULL, 0}`.
/// Borrowed from the receipt.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_duplicate_of_lead(
    receipt: *const lex_receipt,
    out: *mut lex_str,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        get(receipt, out, |r| {
            lex_str::of_opt(r.duplicate_of_lead.as_deref())
        })
    }
}

/// Where a dead-lettered message goes (`header.ttl.onExpiry`, default `DLQ`): `DLQ`,
/// `DISCARD` or `RETURN` (static text), or `{NULL, 0}` when the message was not
/// dead-lettered. Errors: `LEX_STATUS_NULL_POINTER` when `receipt` or `out` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_routing(
    receipt: *const lex_receipt,
    out: *mut lex_str,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        get(receipt, out, |r| {
            lex_str::of_opt(r.routing.map(ExpiryAction::as_str))
        })
    }
}

/// The LEX failure category of a dead-lettered message (`TTL_EXPIRED`), or `{NULL, 0}` when
/// the message was not dead-lettered. Borrowed from the receipt. Errors:
/// `LEX_STATUS_NULL_POINTER` when `receipt` or `out` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_dead_letter_reason(
    receipt: *const lex_receipt,
    out: *mut lex_str,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        get(receipt, out, |r| {
            lex_str::of_opt(r.dead_letter_reason.as_deref())
        })
    }
}

/// The receipt as JSON text `{messageId?, outcome, duplicate, httpStatus, valid, ackStatus?,
/// duplicateOfLead?, routing?, deadLetterReason?, retryAttempt?, fingerprint?, report, ack?}`
/// (absent values omitted; `report` as `lex_report_to_json`, `ack` the acknowledgment tree).
/// Free with `lex_buf_free`. Errors: `LEX_STATUS_NULL_POINTER` when `receipt` or `out` is
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_receipt_to_json(
    receipt: *const lex_receipt,
    pretty: bool,
    out: *mut lex_buf,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        get(receipt, out, |r| {
            lex_buf::from_string(api::receipt_json(&r.to_core(), pretty))
        })
    }
}
