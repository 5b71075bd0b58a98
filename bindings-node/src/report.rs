//! A report object coming back from JavaScript (for `acknowledge`) → the core `Report`.
//!
//! Reports leave the native layer as JSON text (`Report::to_json`) and come back the same
//! way; the core's `Report::from_value` is the inverse of `Report::to_value`.

use crate::error::lex;
use lex_core::Report;
use lex_core::api::{self, Limits};

/// Reads the JSON text of a report object.
pub(crate) fn from_json(json: &str) -> napi::Result<Report> {
    let v = lex(api::value_from_json(json.as_bytes(), &Limits::default()))?;
    lex(Report::from_value(&v))
}
