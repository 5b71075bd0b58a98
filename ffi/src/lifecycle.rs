//! Lead-status transitions and the customer fingerprint.

use crate::boundary::{Out, ffi_fn, lex_status, text};
use crate::error::lex_error;
use crate::types::{lex_buf, lex_transition, policy_arg};
use lex_core::api;

/// The verdict on `from → to` under `policy` (a `lex_policy`). Errors:
/// `LEX_STATUS_INVALID_ARGUMENT` when either is not one of the 15 lead statuses.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_transition_check(
    from: *const u8,
    from_len: usize,
    to: *const u8,
    to_len: usize,
    policy: i32,
    out: *mut lex_transition,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY (both): per the contract.
        let from = unsafe { text(from, from_len, "from")? };
        let to = unsafe { text(to, to_len, "to")? };
        let policy = policy_arg(policy)?;
        out.set(lex_transition::of(api::check_transition(from, to, policy)?))
    })
}

/// True when `from → to` is allowed (possibly with a warning) under the default policy.
/// Errors: `LEX_STATUS_INVALID_ARGUMENT` for an unknown status.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_transition_allowed(
    from: *const u8,
    from_len: usize,
    to: *const u8,
    to_len: usize,
    out: *mut bool,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY (both): per the contract.
        let from = unsafe { text(from, from_len, "from")? };
        let to = unsafe { text(to, to_len, "to")? };
        out.set(api::transition_allowed(from, to)?)
    })
}

/// The customer fingerprint: SHA-256 (64 lower-case hex characters) of the normalised
/// `email|last 10 phone digits|last name without diacritics`. Missing parts are empty
/// strings (NULL with length 0 is accepted). Free with `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_fingerprint_compute(
    email: *const u8,
    email_len: usize,
    phone: *const u8,
    phone_len: usize,
    last_name: *const u8,
    last_name_len: usize,
    out: *mut lex_buf,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY (all three): per the contract.
        let e = unsafe { text(email, email_len, "email")? };
        let p = unsafe { text(phone, phone_len, "phone")? };
        let n = unsafe { text(last_name, last_name_len, "last_name")? };
        out.set(lex_buf::from_string(api::fingerprint(e, p, n)))
    })
}
