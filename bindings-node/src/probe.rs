//! Debug builds only: exports that panic on purpose, so the test suite can prove that a
//! panic inside the native code becomes a `LexError` and never aborts the Node process.
//! They do not exist in release builds (`npm install` builds release).

use crate::error::{guard, guard_core, to_napi};
use napi::bindgen_prelude::AsyncTask;
use napi::{Env, Task};
use napi_derive::napi;

/// Panics inside the usual guard.
#[napi(catch_unwind)]
pub fn debug_panic(message: String) -> napi::Result<()> {
    guard(|| panic!("{message}"))
}

/// Panics with only the `#[napi(catch_unwind)]` attribute between it and N-API.
#[napi(catch_unwind)]
pub fn debug_panic_unguarded(message: String) -> napi::Result<()> {
    panic!("{message}")
}

/// A task whose work panics on the thread pool.
pub struct PanicTask(String);

impl Task for PanicTask {
    type Output = lex_core::Result<()>;
    type JsValue = ();

    fn compute(&mut self) -> napi::Result<Self::Output> {
        let m = self.0.clone();
        Ok(guard_core(|| panic!("{m}")))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<()> {
        output.map_err(|e| to_napi(&e))
    }
}

/// Panics on the libuv thread pool.
#[napi(catch_unwind, ts_return_type = "Promise<void>")]
pub fn debug_panic_async(message: String) -> napi::Result<AsyncTask<PanicTask>> {
    guard(|| Ok(AsyncTask::new(PanicTask(message))))
}
