//! A report object coming back from JavaScript (for `acknowledge`) → the core `Report`.
//!
//! Reports leave the native layer as JSON text (`Report::to_json`) and come back the same
//! way, so this is the inverse of `Report::to_value`/`Issue::to_value`: pure translation.

use crate::error::{bad_arg, lex};
use lex_core::codec::json_read;
use lex_core::options::Limits;
use lex_core::{Issue, Level, Report, Value};

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn issue(v: &Value) -> napi::Result<Issue> {
    let level = text(v, "level")
        .and_then(|l| Level::parse(&l))
        .ok_or_else(|| {
            bad_arg("every report issue needs a level (CRITICAL, ERROR, WARNING, INFO)")
        })?;
    let code = text(v, "code").ok_or_else(|| bad_arg("every report issue needs a code"))?;
    let mut i = Issue::new(
        level,
        code,
        text(v, "field").unwrap_or_default(),
        text(v, "pointer").unwrap_or_default(),
        text(v, "message").unwrap_or_default(),
    );
    i.rule_id = text(v, "ruleId");
    i.rejected_value = v.get("rejectedValue").cloned();
    i.allowed_values = v.get("allowedValues").and_then(Value::as_array).map(|a| {
        a.iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect()
    });
    i.constraint = text(v, "constraint");
    i.threshold = v.get("threshold").cloned();
    i.from_status = text(v, "fromStatus");
    i.to_status = text(v, "toStatus");
    i.suggestion = text(v, "suggestion");
    Ok(i)
}

fn issues(v: &Value, key: &str) -> napi::Result<Vec<Issue>> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(issue).collect(),
        Some(_) => Err(bad_arg(format!("report.{key} must be an array of issues"))),
    }
}

/// Reads the JSON text of a report object.
pub(crate) fn from_json(json: &str) -> napi::Result<Report> {
    let v = lex(json_read::parse(json.as_bytes(), &Limits::default()))?;
    let errors = issues(&v, "errors")?;
    let warnings = issues(&v, "warnings")?;
    let valid = match v.get("valid") {
        Some(Value::Bool(b)) => *b,
        _ => errors.is_empty(),
    };
    Ok(Report {
        valid,
        errors,
        warnings,
    })
}
