//! Comparing expected and actual issues (`tests/vectors/README.md`, operation `validate`).

use lex_core::api;
use lex_core::{Issue, Value};

/// Extra keys of an expected issue that are compared (the others — `suggestion`,
/// `constraint`, `note`, ... — are documentation).
pub const COMPARED_EXTRAS: [&str; 5] = [
    "rejectedValue",
    "allowedValues",
    "fromStatus",
    "toStatus",
    "threshold",
];

/// JSON equality where numbers compare by value (`96` equals `96.0`).
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(p), Some(q)) => p == q,
            _ => x.lexeme() == y.lexeme(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

fn matches(expected: &Value, actual: &Issue) -> bool {
    let field = |k: &str| expected.get(k).and_then(Value::as_str);
    if field("code") != Some(actual.code.as_str()) || field("level") != Some(actual.level.as_str())
    {
        return false;
    }
    if field("field").is_some_and(|f| f != actual.field) {
        return false;
    }
    if field("pointer").is_some_and(|p| p != actual.pointer) {
        return false;
    }
    let shown = actual.to_value();
    COMPARED_EXTRAS.iter().all(|k| match expected.get(k) {
        None => true,
        Some(want) => shown.get(k).is_some_and(|got| json_eq(want, got)),
    })
}

fn describe(i: &Issue) -> String {
    format!("{} {} {} ({})", i.level, i.code, i.field, i.pointer)
}

/// Compares one list: every expected issue must match a distinct actual issue, and every
/// actual issue must be expected or `tolerated(code, level)`. `Err` explains the difference.
pub fn compare_issues(
    what: &str,
    expected: &[Value],
    actual: &[Issue],
    tolerated: &dyn Fn(&str, &str) -> bool,
) -> Result<(), String> {
    let mut used = vec![false; actual.len()];
    let mut problems: Vec<String> = Vec::new();
    for e in expected {
        let found = actual
            .iter()
            .enumerate()
            .position(|(k, a)| !used[k] && matches(e, a));
        match found {
            Some(k) => used[k] = true,
            None => problems.push(format!("missing {what}: {}", api::value_to_json(e, false))),
        }
    }
    for (k, a) in actual.iter().enumerate() {
        if !used[k] && !tolerated(&a.code, a.level.as_str()) {
            problems.push(format!("unexpected {what}: {}", describe(a)));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
