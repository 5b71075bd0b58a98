//! Option objects passed from JavaScript, and their translation into core options.
//!
//! `index.js` normalises the friendly spellings (`level: "L2"`, `now: Date`) before calling
//! the native layer, so these structs take one spelling each.

use crate::error::{bad_arg, lex};
use lex_core::Format;
use lex_core::api;
use lex_core::api::{
    Limits, ReadMode, ReadOptions, TransitionPolicy, ValidateOptions, WriteOptions,
};
use napi_derive::napi;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Resource limits; absent fields keep the core defaults.
#[napi(object)]
#[derive(Clone, Default)]
pub struct LimitsArgs {
    /// Largest accepted input, in bytes.
    pub max_input_bytes: Option<f64>,
    /// Deepest accepted nesting.
    pub max_depth: Option<f64>,
    /// Longest accepted string value or EDI element, in bytes.
    pub max_string_bytes: Option<f64>,
    /// Longest accepted number lexeme.
    pub max_number_chars: Option<f64>,
    /// Most values in one input.
    pub max_nodes: Option<f64>,
}

/// Options for reading (`parse`, `parseAll`, reading plain objects).
#[napi(object)]
#[derive(Clone, Default)]
pub struct ReadArgs {
    /// `json`, `xml`, `x12` or `edifact`; absent means detect from content.
    pub format: Option<String>,
    /// `tolerant` (default) or `strict`.
    pub mode: Option<String>,
    /// Resource limits.
    pub limits: Option<LimitsArgs>,
}

/// Options for validation (and for a `Receiver`).
#[napi(object)]
#[derive(Clone, Default)]
pub struct ValidateArgs {
    /// Format of byte input; absent means detect.
    pub format: Option<String>,
    /// Conformance level 1, 2 or 3.
    pub level: Option<f64>,
    /// The clock, RFC 3339.
    pub now: Option<String>,
    /// `tolerant` (default) or `strict`.
    pub mode: Option<String>,
    /// `default` or `strict-table`.
    pub policy: Option<String>,
    /// The lead's stored status.
    pub previous_status: Option<String>,
    /// Report INFO issues too.
    pub include_info: Option<bool>,
    /// Resource limits for reading.
    pub limits: Option<LimitsArgs>,
}

/// Options for writing and converting.
#[napi(object)]
#[derive(Clone, Default)]
pub struct WriteArgs {
    /// Source format of byte input; absent means detect.
    pub from: Option<String>,
    /// Pretty output (default false).
    pub pretty: Option<bool>,
    /// `tolerant` (default) or `strict` reading.
    pub mode: Option<String>,
    /// Resource limits for reading.
    pub limits: Option<LimitsArgs>,
}

/// Options for `acknowledge` and `newMessage`.
#[napi(object)]
#[derive(Clone, Default)]
pub struct BuildArgs {
    /// Acknowledgment status override (legacy spellings accepted).
    pub status: Option<String>,
    /// The report to carry, as the JSON text of a report object.
    pub report_json: Option<String>,
    /// The clock, RFC 3339.
    pub now: Option<String>,
    /// The new message's id.
    pub message_id: Option<String>,
}

fn size(v: Option<f64>, default: usize, name: &str) -> napi::Result<usize> {
    match v {
        None => Ok(default),
        // Integral numbers go to the core's range check; anything else is not an integer.
        Some(f) if f.is_finite() && f.fract() == 0.0 => lex(api::parse_limit(name, f as i64)),
        Some(_) => lex(Err(api::wrong_type(name, "an integer"))),
    }
}

/// Core limits from the JavaScript object.
pub(crate) fn limits(a: Option<&LimitsArgs>) -> napi::Result<Limits> {
    let d = Limits::default();
    let Some(a) = a else { return Ok(d) };
    Ok(Limits {
        max_input_bytes: size(a.max_input_bytes, d.max_input_bytes, "maxInputBytes")?,
        max_depth: size(a.max_depth, d.max_depth, "maxDepth")?,
        max_string_bytes: size(a.max_string_bytes, d.max_string_bytes, "maxStringBytes")?,
        max_number_chars: size(a.max_number_chars, d.max_number_chars, "maxNumberChars")?,
        max_nodes: size(a.max_nodes, d.max_nodes, "maxNodes")?,
    })
}

/// A format name, `None` when absent.
pub(crate) fn format(name: Option<&str>) -> napi::Result<Option<Format>> {
    name.map(|s| lex(api::parse_format(s))).transpose()
}

/// A required format name.
pub(crate) fn required_format(name: &str) -> napi::Result<Format> {
    lex(api::parse_format(name))
}

fn mode(name: Option<&str>) -> napi::Result<ReadMode> {
    name.map_or(Ok(ReadMode::default()), |s| lex(api::parse_read_mode(s)))
}

/// A transition policy name (default when absent).
pub(crate) fn policy(name: Option<&str>) -> napi::Result<TransitionPolicy> {
    name.map_or(Ok(TransitionPolicy::default()), |s| {
        lex(api::parse_policy(s))
    })
}

/// A conformance level (2 when absent); a non-integer number is a wrong type.
fn level(v: Option<f64>) -> napi::Result<u8> {
    match v {
        None => Ok(2),
        Some(f) if f.is_finite() && f.fract() == 0.0 => lex(api::parse_level(f as i64)),
        Some(_) => lex(Err(api::wrong_type("level", "an integer"))),
    }
}

/// An RFC 3339 instant.
pub(crate) fn now(s: Option<&str>) -> napi::Result<Option<OffsetDateTime>> {
    s.map(|s| {
        OffsetDateTime::parse(s, &Rfc3339)
            .map_err(|_| bad_arg(format!("now must be an RFC 3339 date-time, got \"{s}\"")))
    })
    .transpose()
}

/// Core read options.
pub(crate) fn read(a: Option<&ReadArgs>) -> napi::Result<(Option<Format>, ReadOptions)> {
    let a = a.cloned().unwrap_or_default();
    Ok((
        format(a.format.as_deref())?,
        ReadOptions {
            mode: mode(a.mode.as_deref())?,
            limits: limits(a.limits.as_ref())?,
        },
    ))
}

/// Core validation options (and the byte-input format).
pub(crate) fn validate(
    a: Option<&ValidateArgs>,
) -> napi::Result<(Option<Format>, ValidateOptions)> {
    let a = a.cloned().unwrap_or_default();
    let level = level(a.level)?;
    Ok((
        format(a.format.as_deref())?,
        ValidateOptions {
            level,
            now: now(a.now.as_deref())?,
            mode: mode(a.mode.as_deref())?,
            policy: policy(a.policy.as_deref())?,
            previous_status: a.previous_status,
            include_info: a.include_info.unwrap_or(false),
            limits: limits(a.limits.as_ref())?,
        },
    ))
}

/// Core read and write options for conversion, plus the source format.
pub(crate) fn write(
    a: Option<&WriteArgs>,
) -> napi::Result<(Option<Format>, ReadOptions, WriteOptions)> {
    let a = a.cloned().unwrap_or_default();
    Ok((
        format(a.from.as_deref())?,
        ReadOptions {
            mode: mode(a.mode.as_deref())?,
            limits: limits(a.limits.as_ref())?,
        },
        WriteOptions {
            pretty: a.pretty.unwrap_or(false),
            ..WriteOptions::default()
        },
    ))
}
