//! The boundary every entry point goes through: status codes, panic catching, argument
//! checks and output writing.

use crate::error::lex_error;
use lex_core::api::ErrorFamily;
use lex_core::{Error, ErrorKind};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// True while this thread runs the body of an entry point.
    static IN_LEX: Cell<bool> = const { Cell::new(false) };
}

/// Installs (once) a panic hook that stays silent for panics inside lex calls — they are
/// reported through the status and the `lex_error`, not printed into the host's stderr — and
/// defers to the previous hook for every other panic of the process.
fn quiet_panics_inside_lex() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_LEX.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// The result of every fallible function. The numeric values are part of the ABI and never
/// change; new statuses get new numbers. The precise reason is the stable code string of the
/// `lex_error` (`SYNTAX_ERROR`, `DEPTH_LIMIT_EXCEEDED`, ...).
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum lex_status {
    /// Success: the outputs were written.
    LEX_STATUS_OK = 0,
    /// An operation error that fits none of the statuses below (see the error's code).
    LEX_STATUS_ERROR = 1,
    /// The input could not be read: empty, not UTF-8, malformed, not a LEX message, unknown
    /// format, forbidden construct, broken EDI envelope or payload block.
    LEX_STATUS_PARSE_ERROR = 2,
    /// The input exceeds a configured limit (size, depth, token length, node count).
    LEX_STATUS_LIMIT_EXCEEDED = 3,
    /// An argument was invalid (unknown enum value, index out of range, string argument not
    /// UTF-8, unknown status or message type, ...).
    LEX_STATUS_INVALID_ARGUMENT = 4,
    /// A required pointer argument was NULL.
    LEX_STATUS_NULL_POINTER = 5,
    /// The message cannot be written in the requested format.
    LEX_STATUS_UNREPRESENTABLE = 6,
    /// An internal invariant failed (a bug in lex).
    LEX_STATUS_INTERNAL = 7,
    /// A panic was caught inside the library (a bug in lex). The process is intact; the
    /// handles passed to the call are still valid.
    LEX_STATUS_PANIC = 255,
}

impl lex_status {
    /// Every status, for tests and documentation.
    pub const ALL: [lex_status; 9] = [
        lex_status::LEX_STATUS_OK,
        lex_status::LEX_STATUS_ERROR,
        lex_status::LEX_STATUS_PARSE_ERROR,
        lex_status::LEX_STATUS_LIMIT_EXCEEDED,
        lex_status::LEX_STATUS_INVALID_ARGUMENT,
        lex_status::LEX_STATUS_NULL_POINTER,
        lex_status::LEX_STATUS_UNREPRESENTABLE,
        lex_status::LEX_STATUS_INTERNAL,
        lex_status::LEX_STATUS_PANIC,
    ];

    /// The C name of the status, e.g. `"LEX_STATUS_PARSE_ERROR"`.
    pub fn name(self) -> &'static str {
        match self {
            lex_status::LEX_STATUS_OK => "LEX_STATUS_OK",
            lex_status::LEX_STATUS_ERROR => "LEX_STATUS_ERROR",
            lex_status::LEX_STATUS_PARSE_ERROR => "LEX_STATUS_PARSE_ERROR",
            lex_status::LEX_STATUS_LIMIT_EXCEEDED => "LEX_STATUS_LIMIT_EXCEEDED",
            lex_status::LEX_STATUS_INVALID_ARGUMENT => "LEX_STATUS_INVALID_ARGUMENT",
            lex_status::LEX_STATUS_NULL_POINTER => "LEX_STATUS_NULL_POINTER",
            lex_status::LEX_STATUS_UNREPRESENTABLE => "LEX_STATUS_UNREPRESENTABLE",
            lex_status::LEX_STATUS_INTERNAL => "LEX_STATUS_INTERNAL",
            lex_status::LEX_STATUS_PANIC => "LEX_STATUS_PANIC",
        }
    }

    /// The status for a core error kind.
    pub(crate) fn of_kind(kind: ErrorKind) -> lex_status {
        // The core decides the family; C keeps its historical status names.
        match kind.family() {
            ErrorFamily::Parse => lex_status::LEX_STATUS_PARSE_ERROR,
            ErrorFamily::Limit => lex_status::LEX_STATUS_LIMIT_EXCEEDED,
            ErrorFamily::Argument => lex_status::LEX_STATUS_INVALID_ARGUMENT,
            ErrorFamily::Conversion => lex_status::LEX_STATUS_UNREPRESENTABLE,
            ErrorFamily::Io => lex_status::LEX_STATUS_ERROR,
            ErrorFamily::Internal => lex_status::LEX_STATUS_INTERNAL,
        }
    }
}

/// A failed call: the status to return and the error to hand out.
pub(crate) struct Fail {
    pub status: lex_status,
    pub error: Error,
}

impl From<Error> for Fail {
    fn from(error: Error) -> Fail {
        Fail {
            status: lex_status::of_kind(error.kind),
            error,
        }
    }
}

/// The result type of an entry point body.
pub(crate) type Res<T = ()> = Result<T, Fail>;

/// An `INVALID_ARGUMENT` failure.
pub(crate) fn invalid(message: impl Into<String>) -> Fail {
    Fail::from(Error::invalid_argument(message))
}

/// Runs an entry point body: catches panics, and on failure hands the error to `err` (when
/// the caller asked for it) and returns its status.
pub(crate) fn ffi_fn(err: *mut *mut lex_error, body: impl FnOnce() -> Res) -> lex_status {
    quiet_panics_inside_lex();
    let outer = IN_LEX.with(|f| f.replace(true));
    let result = catch_unwind(AssertUnwindSafe(body));
    IN_LEX.with(|f| f.set(outer));
    let fail = match result {
        Ok(Ok(())) => return lex_status::LEX_STATUS_OK,
        Ok(Err(fail)) => fail,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic payload".to_string());
            Fail {
                status: lex_status::LEX_STATUS_PANIC,
                error: Error::new(ErrorKind::Internal, format!("panic inside lex: {what}")),
            }
        }
    };
    if !err.is_null() {
        // Building the error object cannot panic in practice; guard it anyway so that nothing
        // unwinds into C.
        let boxed = catch_unwind(AssertUnwindSafe(|| {
            lex_error::boxed(fail.status, fail.error)
        }));
        if let Ok(ptr) = boxed {
            // SAFETY: `err` is non-NULL and, per the contract, points to writable storage.
            unsafe { err.write(ptr) };
        }
    }
    fail.status
}

/// A NULL-pointer failure naming the argument.
pub(crate) fn null(name: &str) -> Fail {
    Fail {
        status: lex_status::LEX_STATUS_NULL_POINTER,
        error: Error::invalid_argument(format!("argument `{name}` is NULL")),
    }
}

/// Borrows an input byte view. `(NULL, 0)` is the empty input; `(NULL, n>0)` is an error.
///
/// # Safety
/// `ptr` must be NULL or valid for reads of `len` bytes for the duration of the call.
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize, name: &str) -> Res<&'a [u8]> {
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(null(name)) };
    }
    // SAFETY: non-NULL and valid for `len` bytes per the contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Borrows a UTF-8 string argument.
///
/// # Safety
/// As for [`bytes`].
pub(crate) unsafe fn text<'a>(ptr: *const u8, len: usize, name: &str) -> Res<&'a str> {
    // SAFETY: forwarded contract.
    let b = unsafe { bytes(ptr, len, name)? };
    std::str::from_utf8(b).map_err(|e| {
        invalid(format!(
            "argument `{name}` is not UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })
}

/// Borrows an optional UTF-8 string argument: a NULL pointer means "not given".
///
/// # Safety
/// As for [`bytes`].
pub(crate) unsafe fn opt_text<'a>(ptr: *const u8, len: usize, name: &str) -> Res<Option<&'a str>> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded contract.
    unsafe { text(ptr, len, name) }.map(Some)
}

/// Borrows a handle that must not be NULL.
///
/// # Safety
/// `ptr` must be NULL or a live handle of type `T` from this library.
pub(crate) unsafe fn handle<'a, T>(ptr: *const T, name: &str) -> Res<&'a T> {
    // SAFETY: non-NULL pointers are live handles per the contract.
    unsafe { ptr.as_ref() }.ok_or_else(|| null(name))
}

/// Borrows a handle for mutation.
///
/// # Safety
/// As for [`handle`], and no other thread uses the handle during the call.
pub(crate) unsafe fn handle_mut<'a, T>(ptr: *mut T, name: &str) -> Res<&'a mut T> {
    // SAFETY: as above.
    unsafe { ptr.as_mut() }.ok_or_else(|| null(name))
}

/// An output slot, checked for NULL before any work is done and written at the very end.
pub(crate) struct Out<T>(*mut T);

impl<T> Out<T> {
    /// Checks the slot.
    pub fn new(ptr: *mut T, name: &str) -> Res<Out<T>> {
        if ptr.is_null() {
            Err(null(name))
        } else {
            Ok(Out(ptr))
        }
    }

    /// Writes the value (without reading or dropping what was there).
    pub fn set(self, value: T) -> Res {
        // SAFETY: checked non-NULL in `new`; writable per the contract.
        unsafe { self.0.write(value) };
        Ok(())
    }
}

/// Releases a boxed handle (NULL: nothing). A panic in a destructor is swallowed: nothing
/// unwinds into C.
///
/// # Safety
/// NULL or a pointer from `Box::into_raw` that is not used afterwards.
pub(crate) unsafe fn free_box<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: per the contract.
        let _ = catch_unwind(AssertUnwindSafe(|| drop(unsafe { Box::from_raw(ptr) })));
    }
}

/// Converts an index argument, checking it against a length.
pub(crate) fn index(i: usize, len: usize, what: &str) -> Res<usize> {
    if i < len {
        Ok(i)
    } else {
        Err(invalid(format!(
            "index {i} is out of range ({what} has {len})"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_numbers_are_fixed_and_unique() {
        let numbers: Vec<i32> = lex_status::ALL.iter().map(|s| *s as i32).collect();
        assert_eq!(numbers, [0, 1, 2, 3, 4, 5, 6, 7, 255]);
        for s in lex_status::ALL {
            assert!(s.name().starts_with("LEX_STATUS_"));
        }
    }

    #[test]
    fn every_error_kind_maps_to_a_failure_status() {
        for kind in ErrorKind::ALL {
            let s = lex_status::of_kind(kind);
            assert_ne!(s, lex_status::LEX_STATUS_OK);
            assert_ne!(s, lex_status::LEX_STATUS_PANIC);
        }
        assert_eq!(
            lex_status::of_kind(ErrorKind::Syntax),
            lex_status::LEX_STATUS_PARSE_ERROR
        );
        assert_eq!(
            lex_status::of_kind(ErrorKind::DepthLimit),
            lex_status::LEX_STATUS_LIMIT_EXCEEDED
        );
        assert_eq!(
            lex_status::of_kind(ErrorKind::Io),
            lex_status::LEX_STATUS_ERROR
        );
    }

    #[test]
    fn a_panicking_body_returns_the_panic_status_and_an_error() {
        let mut err: *mut lex_error = std::ptr::null_mut();
        let status = ffi_fn(&mut err, || panic!("boom"));
        assert_eq!(status, lex_status::LEX_STATUS_PANIC);
        assert!(!err.is_null());
        // SAFETY: just produced by ffi_fn.
        let e = unsafe { Box::from_raw(err) };
        assert_eq!(e.error().code(), "INTERNAL_ERROR");
        assert!(e.error().message.contains("boom"));
    }
}
