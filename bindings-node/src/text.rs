//! A JavaScript string argument read as UTF-8 bytes in one N-API call.
//!
//! napi-rs's `String` asks V8 for the UTF-8 length first (a scan of the whole string), then
//! copies; `Buffer.from(text)` in JavaScript does the same and allocates an `ArrayBuffer`.
//! A string of `n` UTF-16 units is at most `3n` bytes of UTF-8 (a surrogate pair is 2 units →
//! 4 bytes; a lone surrogate becomes U+FFFD, 3 bytes, as `Buffer.from` makes it), so a short
//! string is copied once into a buffer of that size. Long strings keep the exact two-call path,
//! so the over-allocation stays bounded by [`ONE_PASS_MAX_UNITS`].

use napi::bindgen_prelude::FromNapiValue;
use napi::{Error, Status, sys};
use std::ptr;

/// Strings up to this many UTF-16 units take the one-pass path (≤ 3 MiB buffer).
const ONE_PASS_MAX_UNITS: usize = 1 << 20;

/// The UTF-8 bytes of a JavaScript string.
pub struct Text(pub Vec<u8>);

fn failed(what: &str) -> Error {
    Error::new(
        Status::StringExpected,
        format!("expected a string ({what})"),
    )
}

/// Copies the string into `buf` (capacity `cap` including the NUL); the bytes written.
///
/// # Safety
/// `env` and `value` must be live handles of the current call; `buf` holds `cap` bytes.
unsafe fn write(
    env: sys::napi_env,
    value: sys::napi_value,
    buf: *mut u8,
    cap: usize,
) -> napi::Result<usize> {
    let mut written = 0usize;
    // SAFETY: the caller guarantees `buf` has `cap` writable bytes.
    let status =
        unsafe { sys::napi_get_value_string_utf8(env, value, buf.cast(), cap, &mut written) };
    if status != sys::Status::napi_ok {
        return Err(failed("copy"));
    }
    Ok(written)
}

impl FromNapiValue for Text {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> napi::Result<Self> {
        let mut units = 0usize;
        // SAFETY: a null buffer asks for the length only (UTF-16 units: O(1) in V8); this also
        // fails with `napi_string_expected` on a non-string.
        let status =
            unsafe { sys::napi_get_value_string_utf16(env, value, ptr::null_mut(), 0, &mut units) };
        if status != sys::Status::napi_ok {
            return Err(failed("length"));
        }
        let cap = if units <= ONE_PASS_MAX_UNITS {
            units * 3 + 1
        } else {
            let mut exact = 0usize;
            // SAFETY: as above, a null buffer asks for the UTF-8 length only.
            let status = unsafe {
                sys::napi_get_value_string_utf8(env, value, ptr::null_mut(), 0, &mut exact)
            };
            if status != sys::Status::napi_ok {
                return Err(failed("length"));
            }
            exact + 1
        };
        let mut bytes: Vec<u8> = Vec::with_capacity(cap);
        // SAFETY: `bytes` has `cap` bytes of capacity; N-API writes at most `cap` (including
        // the NUL) and reports how many bytes before the NUL it wrote, which are initialised.
        let written = unsafe { write(env, value, bytes.as_mut_ptr(), cap) }?;
        // SAFETY: see above; `written < cap`.
        unsafe { bytes.set_len(written.min(cap.saturating_sub(1))) };
        Ok(Text(bytes))
    }
}

/// Bytes of the stack buffer of [`Short`].
const SHORT_BYTES: usize = 64;

/// A short JavaScript string argument (a status, a code): copied into a stack buffer in one
/// N-API call, without a heap allocation; longer strings are read as a [`Text`].
pub enum Short {
    /// Fits the stack buffer (`len` bytes used).
    Inline([u8; SHORT_BYTES], usize),
    /// Did not fit.
    Heap(Vec<u8>),
}

impl Short {
    /// The UTF-8 bytes (N-API writes valid UTF-8, but a truncated copy is never kept).
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Short::Inline(buf, len) => buf.get(..*len).unwrap_or_default(),
            Short::Heap(v) => v,
        }
    }

    /// The string (invalid UTF-8 cannot come from N-API; it would read as empty).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl FromNapiValue for Short {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> napi::Result<Self> {
        let mut buf = [0u8; SHORT_BYTES];
        // SAFETY: `buf` has `SHORT_BYTES` writable bytes.
        let written = unsafe { write(env, value, buf.as_mut_ptr(), SHORT_BYTES) }?;
        // A string that filled the buffer may have been cut (N-API stops at a character
        // boundary): read it whole instead.
        if written + 4 < SHORT_BYTES {
            Ok(Short::Inline(buf, written))
        } else {
            // SAFETY: same handles, passed through.
            Ok(Short::Heap(unsafe { Text::from_napi_value(env, value) }?.0))
        }
    }
}
