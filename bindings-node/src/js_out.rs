//! Core trees and reports → JavaScript values, built directly through N-API.
//!
//! A report without issues used to cross the boundary as JSON text that `index.js` parsed
//! again; building its three properties here skips writing and re-reading that text. The
//! values are exactly what `JSON.parse` of the canonical JSON text gives:
//! same keys in the same order, numbers as the `f64` nearest their lexeme, `__proto__` an
//! own data property as `JSON.parse` makes it (never the prototype setter).

use lex_core::{Report, Value};
use napi::bindgen_prelude::{ToNapiValue, TypeName};
use napi::{Error, Status, ValueType, sys};
use std::ptr;

fn check(status: sys::napi_status, what: &str) -> napi::Result<()> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(Error::new(
            Status::GenericFailure,
            format!("could not create a JavaScript {what}"),
        ))
    }
}

/// A JavaScript string holding `s`.
///
/// # Safety
/// `env` must be the live environment of the current call.
unsafe fn string(env: sys::napi_env, s: &str) -> napi::Result<sys::napi_value> {
    let mut out = ptr::null_mut();
    let len = isize::try_from(s.len())
        .map_err(|_| Error::new(Status::GenericFailure, "string too long"))?;
    // SAFETY: `s` is valid UTF-8 of `len` bytes; `out` is a valid out-pointer.
    check(
        unsafe { sys::napi_create_string_utf8(env, s.as_ptr().cast(), len, &mut out) },
        "string",
    )?;
    Ok(out)
}

/// The JavaScript value of a tree node.
///
/// # Safety
/// `env` must be the live environment of the current call.
pub(crate) unsafe fn value(env: sys::napi_env, v: &Value) -> napi::Result<sys::napi_value> {
    let mut out = ptr::null_mut();
    // SAFETY (every call below): `env` is live, `out` and the arguments are valid for the call.
    match v {
        Value::Null => check(unsafe { sys::napi_get_null(env, &mut out) }, "null")?,
        Value::Bool(b) => check(
            unsafe { sys::napi_get_boolean(env, *b, &mut out) },
            "boolean",
        )?,
        Value::Number(n) => {
            // The lexeme is valid JSON, so it parses; out-of-range values become ±Infinity,
            // as `JSON.parse` makes them.
            let f = n.lexeme().parse::<f64>().unwrap_or(f64::NAN);
            check(
                unsafe { sys::napi_create_double(env, f, &mut out) },
                "number",
            )?;
        }
        Value::String(s) => out = unsafe { string(env, s) }?,
        Value::Array(items) => {
            check(
                unsafe { sys::napi_create_array_with_length(env, items.len(), &mut out) },
                "array",
            )?;
            for (i, item) in items.iter().enumerate() {
                let i = u32::try_from(i)
                    .map_err(|_| Error::new(Status::GenericFailure, "array too long"))?;
                let item = unsafe { value(env, item) }?;
                check(unsafe { sys::napi_set_element(env, out, i, item) }, "array")?;
            }
        }
        Value::Object(map) => {
            check(unsafe { sys::napi_create_object(env, &mut out) }, "object")?;
            for (k, item) in map {
                let key = unsafe { string(env, k) }?;
                let item = unsafe { value(env, item) }?;
                if k == "__proto__" {
                    let desc = sys::napi_property_descriptor {
                        utf8name: ptr::null(),
                        name: key,
                        method: None,
                        getter: None,
                        setter: None,
                        value: item,
                        attributes: sys::PropertyAttributes::writable
                            | sys::PropertyAttributes::enumerable
                            | sys::PropertyAttributes::configurable,
                        data: ptr::null_mut(),
                    };
                    check(
                        unsafe { sys::napi_define_properties(env, out, 1, &desc) },
                        "object",
                    )?;
                } else {
                    check(
                        unsafe { sys::napi_set_property(env, out, key, item) },
                        "object",
                    )?;
                }
            }
        }
    }
    Ok(out)
}

/// A validation report returned to JavaScript: a plain object
/// (`{ valid, errors: [], warnings: [] }`) when it holds no issue, else its canonical JSON text,
/// which `lib/report.js` reads lazily: `valid` from the text's first member at once, the issue
/// lists with `JSON.parse` on first access (`JSON.parse` builds many small strings and objects
/// faster than N-API calls do: an issue with its `allowedValues` list is dozens of calls).
pub struct JsReport(pub Report);

impl ToNapiValue for JsReport {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        let report = val.0;
        if report.errors.is_empty() && report.warnings.is_empty() {
            // SAFETY: napi-rs calls this with the live environment of the current call.
            unsafe { value(env, &report.to_value()) }
        } else {
            // SAFETY: as above.
            unsafe { string(env, &report.to_json(false)) }
        }
    }
}

impl TypeName for JsReport {
    fn type_name() -> &'static str {
        "Report"
    }

    fn value_type() -> ValueType {
        // An object, or the JSON text of one.
        ValueType::Unknown
    }
}
