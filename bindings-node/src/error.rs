//! Core errors and panics → N-API errors that `lib/errors.js` turns into typed classes.

use lex_core::api::{ErrorFamily, value_to_json};
use lex_core::{Error as LexError, ErrorKind, Map, Value};
use napi::Status;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

/// Prefix of the reason of every error this crate throws. What follows is a JSON record
/// `{code, kind, message, line?, column?, ...}`; `lib/errors.js` recognises the prefix and
/// builds the matching `LexError` subclass. Anything else that reaches JavaScript is an
/// N-API failure and is reported as `INTERNAL_ERROR` there.
pub(crate) const RECORD_PREFIX: &str = "\u{1}LEX";

/// The family of an error kind (decided by the core), which selects the JavaScript class.
fn family(kind: ErrorKind) -> &'static str {
    match kind.family() {
        ErrorFamily::Parse => "parse",
        ErrorFamily::Limit => "limit",
        ErrorFamily::Argument => "argument",
        ErrorFamily::Conversion => "conversion",
        ErrorFamily::Io => "io",
        ErrorFamily::Internal => "internal",
    }
}

fn int(v: u64) -> Value {
    Value::int(i64::try_from(v).unwrap_or(i64::MAX))
}

/// Converts a core error into the N-API error thrown to JavaScript.
pub(crate) fn to_napi(e: &LexError) -> napi::Error {
    let mut m = Map::default();
    m.insert("code".into(), e.code().into());
    m.insert("kind".into(), family(e.kind).into());
    m.insert("message".into(), e.message.as_str().into());
    let l = &e.location;
    let numbers = [
        ("line", l.line),
        ("column", l.column),
        ("offset", l.offset),
        ("segment", l.segment),
        ("element", l.element),
        ("component", l.component),
    ];
    for (key, v) in numbers {
        if let Some(v) = v {
            m.insert(key.into(), int(v));
        }
    }
    if let Some(s) = &l.segment_id {
        m.insert("segmentId".into(), s.as_str().into());
    }
    if let Some(p) = &l.path {
        m.insert("path".into(), p.as_str().into());
    }
    let record = value_to_json(&Value::Object(m), false);
    napi::Error::new(Status::GenericFailure, format!("{RECORD_PREFIX}{record}"))
}

/// Converts a core result.
pub(crate) fn lex<T>(r: lex_core::Result<T>) -> napi::Result<T> {
    r.map_err(|e| to_napi(&e))
}

/// An `INVALID_ARGUMENT` error.
pub(crate) fn bad_arg(message: impl Into<String>) -> napi::Error {
    to_napi(&LexError::invalid_argument(message))
}

/// The `INTERNAL_ERROR` a caught panic becomes.
pub(crate) fn panic_error(payload: &(dyn std::any::Any + Send)) -> LexError {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic payload".to_string());
    LexError::new(
        ErrorKind::Internal,
        format!("internal error (a bug in lex, please report it): {what}"),
    )
}

/// Silences the default panic hook, which would print the panic message (possibly message
/// data) and a backtrace on the host's stderr: the panic reaches JavaScript as an
/// `INTERNAL_ERROR` with its message instead. `LEX_PANIC_LOG=1` keeps the default hook for
/// debugging. The hook belongs to this addon's copy of the Rust runtime only.
fn quiet_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        if std::env::var_os("LEX_PANIC_LOG").is_none() {
            std::panic::set_hook(Box::new(|_| {}));
        }
    });
}

/// Runs `f`, turning a panic into an `INTERNAL_ERROR` instead of unwinding into N-API.
pub(crate) fn guard<T>(f: impl FnOnce() -> napi::Result<T>) -> napi::Result<T> {
    quiet_panics();
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => Err(to_napi(&panic_error(payload.as_ref()))),
    }
}

/// Runs core work on a worker thread, turning a panic into an `INTERNAL_ERROR` result.
pub(crate) fn guard_core<T>(f: impl FnOnce() -> lex_core::Result<T>) -> lex_core::Result<T> {
    quiet_panics();
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => Err(panic_error(payload.as_ref())),
    }
}
