//! Plain data types shared by the entry points: byte views, owned buffers and enums.

use crate::boundary::{Res, invalid};
use lex_core::Format;
use lex_core::Level;
use lex_core::api::ReadMode;
use lex_core::api::{Transition, TransitionPolicy};

/// A borrowed UTF-8 string: `len` bytes at `ptr`, NOT NUL-terminated. Never freed by the
/// caller. Valid as long as the object it was read from (static strings: forever).
/// An absent optional value is `{NULL, 0}`; an empty string has a non-NULL `ptr`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct lex_str {
    /// First byte, or NULL when the value is absent.
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

impl lex_str {
    /// A view of `s` (the caller guarantees `s` outlives the view).
    pub(crate) fn of(s: &str) -> lex_str {
        lex_str {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    /// A view of an optional string.
    pub(crate) fn of_opt(s: Option<&str>) -> lex_str {
        s.map_or(
            lex_str {
                ptr: std::ptr::null(),
                len: 0,
            },
            lex_str::of,
        )
    }
}

/// An owned UTF-8 text produced by lex: `len` bytes at `ptr`, followed by a NUL byte that is
/// not counted in `len` (so `ptr` can be printed with `%s`). Release it with
/// `lex_buf_free`, never with `free()`. `{NULL, 0}` means "no value" where documented.
#[repr(C)]
#[derive(Debug)]
pub struct lex_buf {
    /// First byte, or NULL.
    pub ptr: *mut u8,
    /// Length in bytes, without the trailing NUL.
    pub len: usize,
}

impl lex_buf {
    /// Moves a string into a buffer (appending the NUL).
    pub(crate) fn from_string(s: String) -> lex_buf {
        let mut bytes = s.into_bytes();
        let len = bytes.len();
        bytes.push(0);
        let boxed: Box<[u8]> = bytes.into_boxed_slice();
        lex_buf {
            ptr: Box::into_raw(boxed).cast::<u8>(),
            len,
        }
    }

    /// An optional string: `None` is `{NULL, 0}`.
    pub(crate) fn from_opt(s: Option<String>) -> lex_buf {
        s.map_or(
            lex_buf {
                ptr: std::ptr::null_mut(),
                len: 0,
            },
            lex_buf::from_string,
        )
    }
}

/// Releases a buffer produced by lex and resets it to `{NULL, 0}`. NULL and `{NULL, 0}` are
/// accepted and do nothing. Freeing the same buffer twice through the same `lex_buf` is safe
/// (the first call resets it); freeing a copy of an already freed buffer is not.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_buf_free(buf: *mut lex_buf) {
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: NULL or a valid lex_buf per the contract.
        let Some(b) = (unsafe { buf.as_mut() }) else {
            return;
        };
        if !b.ptr.is_null() {
            let whole = std::ptr::slice_from_raw_parts_mut(b.ptr, b.len + 1);
            // SAFETY: allocated by `from_string` as a boxed slice of `len + 1` bytes.
            drop(unsafe { Box::from_raw(whole) });
        }
        b.ptr = std::ptr::null_mut();
        b.len = 0;
    });
}

/// A wire format. Passed to functions as `int32_t`; `LEX_FORMAT_AUTO` means "detect from the
/// content" where a function accepts it.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum lex_format {
    /// Detect the format from the first bytes of the input.
    LEX_FORMAT_AUTO = 0,
    /// JSON-EDI.
    LEX_FORMAT_JSON = 1,
    /// XML-EDI.
    LEX_FORMAT_XML = 2,
    /// ANSI X12 850.
    LEX_FORMAT_X12 = 3,
    /// UN/EDIFACT ORDERS.
    LEX_FORMAT_EDIFACT = 4,
}

impl lex_format {
    pub(crate) fn of(f: Format) -> lex_format {
        match f {
            Format::Json => lex_format::LEX_FORMAT_JSON,
            Format::Xml => lex_format::LEX_FORMAT_XML,
            Format::X12 => lex_format::LEX_FORMAT_X12,
            Format::Edifact => lex_format::LEX_FORMAT_EDIFACT,
        }
    }
}

/// Converts a format argument; `auto_ok` says whether `LEX_FORMAT_AUTO` is accepted.
pub(crate) fn format_arg(v: i32, auto_ok: bool) -> Res<Option<Format>> {
    match v {
        0 if auto_ok => Ok(None),
        1 => Ok(Some(Format::Json)),
        2 => Ok(Some(Format::Xml)),
        3 => Ok(Some(Format::X12)),
        4 => Ok(Some(Format::Edifact)),
        _ => Err(invalid(format!(
            "{v} is not a lex_format{}",
            if auto_ok {
                ""
            } else {
                " usable here (AUTO is not)"
            }
        ))),
    }
}

/// How liberally input is read. Passed as `int32_t`.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum lex_read_mode {
    /// Normalisations are warnings (the default).
    LEX_READ_MODE_TOLERANT = 0,
    /// Normalisations are errors: only canonical input is valid.
    LEX_READ_MODE_STRICT = 1,
}

pub(crate) fn mode_arg(v: i32) -> Res<ReadMode> {
    match v {
        0 => Ok(ReadMode::Tolerant),
        1 => Ok(ReadMode::Strict),
        _ => Err(invalid(format!("{v} is not a lex_read_mode"))),
    }
}

/// Which status-transition rules apply. Passed as `int32_t`.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum lex_policy {
    /// The project's default matrix.
    LEX_POLICY_DEFAULT = 0,
    /// Only the published table, self-transitions and moves to ARCHIVED.
    LEX_POLICY_STRICT_TABLE = 1,
}

pub(crate) fn policy_arg(v: i32) -> Res<TransitionPolicy> {
    match v {
        0 => Ok(TransitionPolicy::Default),
        1 => Ok(TransitionPolicy::StrictTable),
        _ => Err(invalid(format!("{v} is not a lex_policy"))),
    }
}

/// Severity of a report issue. CRITICAL and ERROR make a message invalid.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum lex_level {
    /// The message cannot be processed at all.
    LEX_LEVEL_CRITICAL = 0,
    /// A rule is violated; the message is invalid.
    LEX_LEVEL_ERROR = 1,
    /// Worth knowing; the message stays valid.
    LEX_LEVEL_WARNING = 2,
    /// Informational (only when requested).
    LEX_LEVEL_INFO = 3,
}

impl lex_level {
    pub(crate) fn of(l: Level) -> lex_level {
        match l {
            Level::Critical => lex_level::LEX_LEVEL_CRITICAL,
            Level::Error => lex_level::LEX_LEVEL_ERROR,
            Level::Warning => lex_level::LEX_LEVEL_WARNING,
            Level::Info => lex_level::LEX_LEVEL_INFO,
        }
    }
}

/// The verdict on a status transition.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum lex_transition {
    /// Allowed.
    LEX_TRANSITION_ALLOWED = 0,
    /// Allowed with a STATUS_TRANSITION_UNLISTED warning.
    LEX_TRANSITION_UNLISTED = 1,
    /// Forbidden: an INVALID_STATUS_TRANSITION error.
    LEX_TRANSITION_FORBIDDEN = 2,
}

impl lex_transition {
    pub(crate) fn of(t: Transition) -> lex_transition {
        match t {
            Transition::Allowed => lex_transition::LEX_TRANSITION_ALLOWED,
            Transition::Unlisted => lex_transition::LEX_TRANSITION_UNLISTED,
            Transition::Forbidden => lex_transition::LEX_TRANSITION_FORBIDDEN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_round_trip_and_reset() {
        let mut b = lex_buf::from_string("héllo".to_string());
        assert_eq!(b.len, 6);
        // SAFETY: just built with len + 1 bytes.
        let all = unsafe { std::slice::from_raw_parts(b.ptr, b.len + 1) };
        assert_eq!(all, "héllo\0".as_bytes());
        // SAFETY: a buffer from this library.
        unsafe { lex_buf_free(&mut b) };
        assert!(b.ptr.is_null());
        // SAFETY: freeing a reset buffer and NULL are no-ops.
        unsafe { lex_buf_free(&mut b) };
        unsafe { lex_buf_free(std::ptr::null_mut()) };
    }

    #[test]
    fn enum_arguments_reject_unknown_numbers() {
        assert_eq!(format_arg(0, true).ok().flatten(), None);
        assert!(format_arg(0, false).is_err());
        assert_eq!(format_arg(4, false).ok().flatten(), Some(Format::Edifact));
        assert!(format_arg(5, true).is_err());
        assert!(format_arg(-1, true).is_err());
        assert!(mode_arg(2).is_err());
        assert!(policy_arg(7).is_err());
    }
}
