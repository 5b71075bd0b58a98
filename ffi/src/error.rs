//! `lex_error`: the error object a failed call can hand back, and its accessors.

use crate::boundary::{Out, Res, ffi_fn, handle, lex_status};
use crate::types::lex_str;
use lex_core::Error;

/// Why a call failed: a stable code string (`SYNTAX_ERROR`, `INVALID_ARGUMENT`, ...), a
/// human message (may change between versions) and, for input errors, a location.
///
/// Produced by any fallible function when its last argument (`lex_error **err`) is not
/// NULL and the call fails; `*err` is left untouched on success, so initialise it to NULL.
/// Owned by the caller: release with `lex_error_free`. Immutable; may be read from any
/// thread.
pub struct lex_error {
    status: lex_status,
    error: Error,
}

impl lex_error {
    pub(crate) fn boxed(status: lex_status, error: Error) -> *mut lex_error {
        Box::into_raw(Box::new(lex_error { status, error }))
    }

    /// The wrapped core error.
    #[cfg(test)]
    pub(crate) fn error(&self) -> &Error {
        &self.error
    }
}

/// Where an error was found. Numbers are -1 when unknown; strings are `{NULL, 0}` when
/// unknown and are borrowed from the `lex_error` (valid until it is freed).
/// Text formats fill `line`, `column` (1-based, in characters) and `offset` (0-based, in
/// bytes); EDI formats fill `segment` (1-based ordinal), `segment_id` (the tag), `element`
/// and `component` (1-based); `path` is an RFC 6901 pointer into the message tree.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct lex_location {
    /// 1-based line, or -1.
    pub line: i64,
    /// 1-based column in characters, or -1.
    pub column: i64,
    /// 0-based byte offset, or -1.
    pub offset: i64,
    /// 1-based EDI segment ordinal, or -1.
    pub segment: i64,
    /// 1-based EDI element position, or -1.
    pub element: i64,
    /// 1-based EDI component position, or -1.
    pub component: i64,
    /// EDI segment tag (`ISA`, `UNH`, ...), or `{NULL, 0}`.
    pub segment_id: lex_str,
    /// JSON pointer into the message tree, or `{NULL, 0}`.
    pub path: lex_str,
}

fn num(v: Option<u64>) -> i64 {
    v.and_then(|n| i64::try_from(n).ok()).unwrap_or(-1)
}

/// Releases an error. NULL is accepted and does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_error_free(err: *mut lex_error) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(err) }
}

/// Reads a field of an error: the shared shape of the accessors below.
unsafe fn read<T>(e: *const lex_error, out: *mut T, f: impl FnOnce(&lex_error) -> T) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || -> Res {
        let out = Out::new(out, "out")?;
        // SAFETY: NULL or a live handle per the contract.
        let e = unsafe { handle(e, "err")? };
        out.set(f(e))
    })
}

/// The status the failed call returned. Errors: `LEX_STATUS_NULL_POINTER` when `err` or
/// `out` is NULL (accessors of `lex_error` never produce an error object themselves).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_error_status(
    err: *const lex_error,
    out: *mut lex_status,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { read(err, out, |e| e.status) }
}

/// The stable code, e.g. `SYNTAX_ERROR`, `DEPTH_LIMIT_EXCEEDED`, `INVALID_ARGUMENT`,
/// `INTERNAL_ERROR` (after a panic). Borrowed from `err`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_error_code(err: *const lex_error, out: *mut lex_str) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { read(err, out, |e| lex_str::of(e.error.code())) }
}

/// The human-readable message (without the location). Borrowed from `err`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_error_message(err: *const lex_error, out: *mut lex_str) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { read(err, out, |e| lex_str::of(&e.error.message)) }
}

/// Where the error was found (see `lex_location`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_error_location(
    err: *const lex_error,
    out: *mut lex_location,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        read(err, out, |e| {
            let l = &e.error.location;
            lex_location {
                line: num(l.line),
                column: num(l.column),
                offset: num(l.offset),
                segment: num(l.segment),
                element: num(l.element),
                component: num(l.component),
                segment_id: lex_str::of_opt(l.segment_id.as_deref()),
                path: lex_str::of_opt(l.path.as_deref()),
            }
        })
    }
}

/// The whole error as one line of text: `CODE: message (location)`. Free with
/// `lex_buf_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_error_to_string(
    err: *const lex_error,
    out: *mut crate::types::lex_buf,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        read(err, out, |e| {
            crate::types::lex_buf::from_string(e.error.to_string())
        })
    }
}

/// The C name of a status (`"LEX_STATUS_PARSE_ERROR"`), static. An unknown number gives
/// `LEX_STATUS_INVALID_ARGUMENT`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_status_name(status: i32, out: *mut lex_str) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || {
        let out = Out::new(out, "out")?;
        let s = lex_status::ALL
            .into_iter()
            .find(|s| *s as i32 == status)
            .ok_or_else(|| crate::boundary::invalid(format!("{status} is not a lex_status")))?;
        out.set(lex_str::of(s.name()))
    })
}
