//! Option builders: `lex_validate_options` (validation and reading) and
//! `lex_build_options` (new messages and acknowledgments).

use crate::boundary::lex_status;
use crate::boundary::{Out, Res, ffi_fn, handle, handle_mut, invalid, opt_text, text};
use crate::error::lex_error;
use crate::types::{mode_arg, policy_arg};
use lex_core::api::BuildOptions;
use lex_core::api::ReadOptions;
use lex_core::api::ValidateOptions;
use time::OffsetDateTime;

/// Options for validation, and the read settings (mode and limits) of every function that
/// reads input. Defaults: level 2, system clock, tolerant mode, default transition policy,
/// no previous status, no INFO issues, default limits.
///
/// Created with `lex_validate_options_new`, released with `lex_validate_options_free`.
/// Not synchronised: do not call a setter while another thread uses the same object. Functions
/// that take it copy what they need, so it may be changed or freed after they return.
pub struct lex_validate_options {
    pub(crate) inner: ValidateOptions,
}

/// Options for `lex_message_new` and `lex_message_acknowledge`: a fixed clock and message id
/// instead of the system clock and a fresh UUID v4 (for reproducible output).
/// Created with `lex_build_options_new`, released with `lex_build_options_free`; same thread
/// rules as `lex_validate_options`.
pub struct lex_build_options {
    pub(crate) inner: BuildOptions,
}

/// The validate options behind a possibly-NULL pointer (NULL: defaults).
///
/// # Safety
/// NULL or a live handle.
pub(crate) unsafe fn validate_opts(p: *const lex_validate_options) -> ValidateOptions {
    // SAFETY: per the contract.
    unsafe { p.as_ref() }.map_or_else(ValidateOptions::default, |o| o.inner.clone())
}

/// The read options (mode, limits) of a possibly-NULL validate options pointer.
///
/// # Safety
/// NULL or a live handle.
pub(crate) unsafe fn read_opts(p: *const lex_validate_options) -> ReadOptions {
    // SAFETY: per the contract.
    let v = unsafe { p.as_ref() }.map(|o| &o.inner);
    v.map_or_else(ReadOptions::default, |o| ReadOptions {
        mode: o.mode,
        limits: o.limits,
    })
}

/// The build options behind a possibly-NULL pointer.
///
/// # Safety
/// NULL or a live handle.
pub(crate) unsafe fn build_opts(p: *const lex_build_options) -> BuildOptions {
    // SAFETY: per the contract.
    unsafe { p.as_ref() }.map_or_else(BuildOptions::default, |o| o.inner.clone())
}

fn parse_now(s: &str) -> Res<OffsetDateTime> {
    lex_core::api::parse_timestamp(s)
        .ok_or_else(|| invalid(format!("\"{s}\" is not an RFC 3339 date-time")))
}

fn unix_ms(ms: i64) -> Res<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map_err(|_| invalid(format!("{ms} ms is outside the supported date range")))
}

/// Creates validate options with the defaults. Free with `lex_validate_options_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_new(
    out: *mut *mut lex_validate_options,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        out.set(Box::into_raw(Box::new(lex_validate_options {
            inner: ValidateOptions::default(),
        })))
    })
}

/// Releases validate options. NULL is accepted and does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_free(opts: *mut lex_validate_options) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(opts) }
}

/// Applies a change to validate options: the shared shape of the setters.
unsafe fn set(
    opts: *mut lex_validate_options,
    err: *mut *mut lex_error,
    f: impl FnOnce(&mut ValidateOptions) -> Res,
) -> lex_status {
    ffi_fn(err, || {
        // SAFETY: per the contract.
        let o = unsafe { handle_mut(opts, "opts")? };
        let mut next = o.inner.clone();
        f(&mut next)?;
        o.inner = next;
        Ok(())
    })
}

/// Sets the conformance level (1, 2 or 3; default 2). Other values: INVALID_ARGUMENT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_level(
    opts: *mut lex_validate_options,
    level: u8,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set(opts, err, |o| {
            let level = lex_core::api::parse_level(i64::from(level))?;
            o.level = level;
            Ok(())
        })
    }
}

/// Fixes the clock to an RFC 3339 date-time (e.g. `2026-04-03T12:00:00Z`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_now_rfc3339(
    opts: *mut lex_validate_options,
    now: *const u8,
    now_len: usize,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set(opts, err, |o| {
            o.now = Some(parse_now(text(now, now_len, "now")?)?);
            Ok(())
        })
    }
}

/// Fixes the clock to milliseconds since the Unix epoch (UTC).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_now_unix_ms(
    opts: *mut lex_validate_options,
    unix_ms_since_epoch: i64,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set(opts, err, |o| {
            o.now = Some(unix_ms(unix_ms_since_epoch)?);
            Ok(())
        })
    }
}

/// Goes back to the system clock (read at each call).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_clear_now(
    opts: *mut lex_validate_options,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set(opts, err, |o| {
            o.now = None;
            Ok(())
        })
    }
}

/// Sets the read mode: a `lex_read_mode` value (tolerant or strict).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_mode(
    opts: *mut lex_validate_options,
    mode: i32,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set(opts, err, |o| {
            o.mode = mode_arg(mode)?;
            Ok(())
        })
    }
}

/// Sets the transition policy: a `lex_policy` value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_policy(
    opts: *mut lex_validate_options,
    policy: i32,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set(opts, err, |o| {
            o.policy = policy_arg(policy)?;
            Ok(())
        })
    }
}

/// Sets the lead's stored (previous) status, which takes precedence over `leadHistory[]`.
/// A NULL `status` clears it. The value is passed to validation as given.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_previous_status(
    opts: *mut lex_validate_options,
    status: *const u8,
    status_len: usize,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set(opts, err, |o| {
            o.previous_status = opt_text(status, status_len, "status")?.map(str::to_string);
            Ok(())
        })
    }
}

/// Reports INFO issues too (default false).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_include_info(
    opts: *mut lex_validate_options,
    include_info: bool,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set(opts, err, |o| {
            o.include_info = include_info;
            Ok(())
        })
    }
}

/// Sets one limit; 0 is rejected (it would refuse every input).
unsafe fn set_limit(
    opts: *mut lex_validate_options,
    value: usize,
    err: *mut *mut lex_error,
    what: &str,
    field: impl FnOnce(&mut lex_core::api::Limits) -> &mut usize,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set(opts, err, |o| {
            let value = i64::try_from(value).unwrap_or(i64::MAX);
            *field(&mut o.limits) = lex_core::api::parse_limit(what, value)?;
            Ok(())
        })
    }
}

/// Largest accepted input in bytes (default 64 MiB). 0 is INVALID_ARGUMENT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_max_input_bytes(
    opts: *mut lex_validate_options,
    value: usize,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set_limit(opts, value, err, "max_input_bytes", |l| {
            &mut l.max_input_bytes
        })
    }
}

/// Deepest accepted nesting (default 128). 0 is INVALID_ARGUMENT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_max_depth(
    opts: *mut lex_validate_options,
    value: usize,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { set_limit(opts, value, err, "max_depth", |l| &mut l.max_depth) }
}

/// Longest accepted string or EDI element in bytes (default 16 MiB). 0 is INVALID_ARGUMENT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_max_string_bytes(
    opts: *mut lex_validate_options,
    value: usize,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set_limit(opts, value, err, "max_string_bytes", |l| {
            &mut l.max_string_bytes
        })
    }
}

/// Longest accepted number lexeme in characters (default 256). 0 is INVALID_ARGUMENT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_max_number_chars(
    opts: *mut lex_validate_options,
    value: usize,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set_limit(opts, value, err, "max_number_chars", |l| {
            &mut l.max_number_chars
        })
    }
}

/// Most values (JSON nodes, XML elements, EDI segments) in one input (default 4,000,000). 0 is INVALID_ARGUMENT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_set_max_nodes(
    opts: *mut lex_validate_options,
    value: usize,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe { set_limit(opts, value, err, "max_nodes", |l| &mut l.max_nodes) }
}

/// Reads the conformance level in force.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_validate_options_level(
    opts: *const lex_validate_options,
    out: *mut u8,
) -> lex_status {
    ffi_fn(std::ptr::null_mut(), || {
        let out = Out::new(out, "out")?;
        // SAFETY: per the contract.
        out.set(unsafe { handle(opts, "opts")? }.inner.level)
    })
}

/// Creates build options (system clock, fresh UUIDs). Free with `lex_build_options_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_build_options_new(
    out: *mut *mut lex_build_options,
    err: *mut *mut lex_error,
) -> lex_status {
    ffi_fn(err, || {
        let out = Out::new(out, "out")?;
        out.set(Box::into_raw(Box::new(lex_build_options {
            inner: BuildOptions::default(),
        })))
    })
}

/// Releases build options. NULL is accepted and does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_build_options_free(opts: *mut lex_build_options) {
    // SAFETY: forwarded contract.
    unsafe { crate::boundary::free_box(opts) }
}

unsafe fn set_build(
    opts: *mut lex_build_options,
    err: *mut *mut lex_error,
    f: impl FnOnce(&mut BuildOptions) -> Res,
) -> lex_status {
    ffi_fn(err, || {
        // SAFETY: per the contract.
        let o = unsafe { handle_mut(opts, "opts")? };
        let mut next = o.inner.clone();
        f(&mut next)?;
        o.inner = next;
        Ok(())
    })
}

/// Fixes the clock for the header timestamp to an RFC 3339 date-time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_build_options_set_now_rfc3339(
    opts: *mut lex_build_options,
    now: *const u8,
    now_len: usize,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set_build(opts, err, |o| {
            o.now = Some(parse_now(text(now, now_len, "now")?)?);
            Ok(())
        })
    }
}

/// Fixes the clock to milliseconds since the Unix epoch (UTC).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_build_options_set_now_unix_ms(
    opts: *mut lex_build_options,
    unix_ms_since_epoch: i64,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set_build(opts, err, |o| {
            o.now = Some(unix_ms(unix_ms_since_epoch)?);
            Ok(())
        })
    }
}

/// Fixes the `messageId` of the built message (NULL: a fresh UUID v4 again).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_build_options_set_message_id(
    opts: *mut lex_build_options,
    message_id: *const u8,
    message_id_len: usize,
    err: *mut *mut lex_error,
) -> lex_status {
    // SAFETY: forwarded contract.
    unsafe {
        set_build(opts, err, |o| {
            o.message_id = opt_text(message_id, message_id_len, "message_id")?.map(str::to_string);
            Ok(())
        })
    }
}
