//! Test-only hooks, compiled with the `debug-hooks` feature (never in installed builds).

use crate::boundary::{ffi_fn, lex_status};
use crate::error::lex_error;

/// Panics inside the library on purpose. Returns `LEX_STATUS_PANIC` (with an
/// `INTERNAL_ERROR` error object) instead of aborting the process: the proof that no panic
/// crosses the boundary. Only in builds with the `debug-hooks` feature.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lex_debug_force_panic(err: *mut *mut lex_error) -> lex_status {
    ffi_fn(err, || panic!("lex_debug_force_panic was called"))
}
