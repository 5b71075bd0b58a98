//! Node.js binding of the LEX 1.0 toolkit (napi-rs 3).
//!
//! This crate is the native half of the npm package `lex`; the public API is the JavaScript
//! layer in `index.js` / `index.d.ts`, which wraps what is exported here. Everything here only
//! translates between JavaScript values and [`lex_core::api`]: no behaviour lives in this crate.
//!
//! Rules every export follows:
//! - `#[napi(catch_unwind)]` on every exported function and method (a test greps for it), and
//!   the body runs inside [`error::guard`], so a panic becomes a `LexError` with code
//!   `INTERNAL_ERROR` instead of aborting the Node process. Async tasks catch panics in
//!   `compute` themselves (napi-rs does not).
//! - Core errors cross the boundary as [`error::to_napi`] records; `lib/errors.js` turns them
//!   into the typed JavaScript classes (`ParseError`, `LimitError`, `ArgumentError`).
//! - Plain message trees go out as canonical JSON text that the JavaScript layer parses
//!   (V8's `JSON.parse` is faster than building a large tree node by node through N-API);
//!   so do reports that hold issues. A report without issues is built as an object
//!   directly ([`js_out`]).

// napi-derive registers exports only outside `cfg(test)`, so a test build (which
// `cargo clippy --all-targets` makes) would see every export as dead code.
#![cfg_attr(test, allow(dead_code))]

/// mimalloc serves the addon's own (Rust-side) allocations: reading a message allocates one
/// small block per key and value, and glibc's malloc/free took ~20 % of `validate` in `perf`.
/// JavaScript memory is V8's and untouched; every block allocated here is freed here.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod error;
mod js_out;
mod js_value;
mod message;
mod ops;
#[cfg(debug_assertions)]
mod probe;
mod receiver;
mod report;
mod tasks;
mod text;
