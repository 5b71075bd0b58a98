//! Native handles: boxed core objects owned by Java wrappers (freed by a `Cleaner`).

use crate::guard::JResult;

/// Moves `v` to the heap and returns its address as a Java `long`.
pub fn into_handle<T>(v: T) -> i64 {
    Box::into_raw(Box::new(v)) as i64
}

/// Borrows the object behind a handle.
///
/// Java wrappers keep the handle alive for as long as the wrapper is reachable and only free
/// it from their `Cleaner` (or an explicit close guarded by a lock), so a non-zero handle
/// always points to a live `T`.
pub fn borrow<'a, T>(handle: i64, what: &str) -> JResult<&'a T> {
    if handle == 0 {
        return Err(lex_core::api::closed_handle(what).into());
    }
    // SAFETY: see above: non-zero handles come from `into_handle::<T>` and are live.
    Ok(unsafe { &*(handle as *const T) })
}

/// Frees the object behind a handle (no-op for 0).
pub fn free<T>(handle: i64) {
    if handle != 0 {
        // SAFETY: the handle came from `into_handle::<T>` and is freed exactly once by the
        // Java wrapper's cleaner.
        drop(unsafe { Box::from_raw(handle as *mut T) });
    }
}
