//! Versions and the constant lists (lead statuses, message types, acknowledgment statuses).

use crate::boundary::{Out, ffi_fn, index, lex_status};
use crate::error::lex_error;
use crate::types::lex_str;
use lex_core::api;

/// Major version of the C ABI. It changes only when a released signature or behaviour
/// changes incompatibly (which we avoid: new functions get new names, e.g. `_v2`). The
/// shared object's soname is `liblex.so.<major>` (kept in step by `ffi/build.rs`).
pub const LEX_ABI_VERSION_MAJOR: u32 = 1;
/// Minor version of the C ABI: incremented when functions are added.
pub const LEX_ABI_VERSION_MINOR: u32 = 2;

/// The ABI version of the loaded library: `(MAJOR << 16) | MINOR`. Wrappers compare the
/// major with `LEX_ABI_VERSION_MAJOR` from the header they were built with, and refuse to run
/// on a mismatch. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn lex_abi_version() -> u32 {
    (LEX_ABI_VERSION_MAJOR << 16) | LEX_ABI_VERSION_MINOR
}

/// The toolkit version (e.g. `0.1.0`), static. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn lex_version() -> lex_str {
    lex_str::of(api::VERSION)
}

/// The LEX standard version this toolkit writes into `header.version` (`1.0`), static.
/// Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn lex_spec_version() -> lex_str {
    lex_str::of(api::LEX_VERSION)
}

fn list_count(list: &'static [&'static str], out: *mut usize) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || {
        Out::new(out, "out")?.set(list.len())
    })
}

fn list_get(
    list: &'static [&'static str],
    what: &str,
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        let i = index(i, list.len(), what)?;
        out.set(lex_str::of(list[i]))
    })
}

/// The number of the 15 lead statuses, in journey order (CART ... ARCHIVED).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_statuses_count(out: *mut usize) -> lex_status {
    list_count(&api::STATUSES, out)
}

/// Entry `i` (0-based) of the 15 lead statuses, in journey order (CART ... ARCHIVED); static. Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is
/// out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_statuses_get(
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    list_get(&api::STATUSES, "statuses", i, out, err)
}

/// The number of the 5 message types (LEAD, ASSET, ACKNOWLEDGMENT, SUBSCRIPTION, LEAD_CLOSURE).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_types_count(out: *mut usize) -> lex_status {
    list_count(&api::MESSAGE_TYPES, out)
}

/// Entry `i` (0-based) of the 5 message types (LEAD, ASSET, ACKNOWLEDGMENT, SUBSCRIPTION, LEAD_CLOSURE); static. Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is
/// out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_message_types_get(
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    list_get(&api::MESSAGE_TYPES, "message types", i, out, err)
}

/// The number of the 8 acknowledgment statuses (RECEIVED ... DUPLICATE).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_ack_statuses_count(out: *mut usize) -> lex_status {
    list_count(&api::ACK_STATUSES, out)
}

/// Entry `i` (0-based) of the 8 acknowledgment statuses (RECEIVED ... DUPLICATE); static. Errors: `LEX_STATUS_INVALID_ARGUMENT` when `i` is
/// out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_ack_statuses_get(
    i: usize,
    out: *mut lex_str,
    err: *mut *mut lex_error,
) -> lex_status {
    list_get(&api::ACK_STATUSES, "ack statuses", i, out, err)
}
