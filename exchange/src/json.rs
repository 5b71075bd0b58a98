//! The core's [`lex_core::Value`] tree as `serde_json` values (the server answers with
//! serde_json; the core keeps its own tree so number lexemes survive).

use lex_core::{Issue, Report, Value};
use serde_json::Value as J;

/// Converts a core value. A number whose lexeme `serde_json` cannot hold exactly is kept
/// as the nearest `f64`, else as its lexeme string.
pub fn to_json(v: &Value) -> J {
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(n) => serde_json::from_str::<serde_json::Number>(n.lexeme())
            .map(J::Number)
            .unwrap_or_else(|_| J::String(n.lexeme().to_string())),
        Value::String(s) => J::String(s.clone()),
        Value::Array(a) => J::Array(a.iter().map(to_json).collect()),
        Value::Object(m) => J::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
    }
}

/// One validation issue in the shape of the standard's `ValidationIssue` (`level`, `field`,
/// `message`, `code`, `suggestion`) with the core's extra members.
pub fn issue(i: &Issue) -> J {
    to_json(&i.to_value())
}

/// The issues of a list.
pub fn issues(list: &[Issue]) -> J {
    J::Array(list.iter().map(issue).collect())
}

/// `{valid, errors, warnings}` of a report.
pub fn report(r: &Report) -> J {
    to_json(&r.to_value())
}
