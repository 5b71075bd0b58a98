//! The core's argument checks for callers whose own types are wider than the C setters take
//! (a C# `int` level, a `long` limit): the same ranges and error texts as every binding.

use crate::boundary::{Out, ffi_fn, lex_status, text};
use crate::error::lex_error;
use lex_core::api;

/// Checks a conformance level (1, 2 or 3) given as any integer; on success `*out` is the
/// level. Errors: `LEX_STATUS_INVALID_ARGUMENT` ("level must be 1, 2 or 3, not N").
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_parse_level(
    level: i64,
    out: *mut u8,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        out.set(api::parse_level(level)?)
    })
}

/// Checks a resource limit named `name` (UTF-8, e.g. `max_depth`): a positive integer. On
/// success `*out` is the limit. Errors: `LEX_STATUS_INVALID_ARGUMENT` ("limit NAME must be a
/// positive integer, not N").
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_parse_limit(
    name: *const u8,
    name_len: usize,
    value: i64,
    out: *mut usize,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        let name = unsafe { text(name, name_len, "name")? };
        out.set(api::parse_limit(name, value)?)
    })
}
