//! Validation results: [`Report`] and [`Issue`].

pub(crate) mod combine;

use crate::error::{Error, Result};
use crate::value::{Map, Value};
use std::fmt;

/// Severity of an [`Issue`]. `Critical` and `Error` make a message invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// The message cannot be processed at all (envelope-level failure).
    Critical,
    /// The message violates a rule and is invalid.
    Error,
    /// Worth knowing; the message stays valid.
    Warning,
    /// Informational only; the message stays valid.
    Info,
}

impl Level {
    /// `"CRITICAL"`, `"ERROR"`, `"WARNING"` or `"INFO"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Critical => "CRITICAL",
            Level::Error => "ERROR",
            Level::Warning => "WARNING",
            Level::Info => "INFO",
        }
    }

    /// Parses the upper-case name.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "CRITICAL" => Some(Level::Critical),
            "ERROR" => Some(Level::Error),
            "WARNING" => Some(Level::Warning),
            "INFO" => Some(Level::Info),
            _ => None,
        }
    }

    /// True for `Critical` and `Error`.
    pub fn is_failure(self) -> bool {
        matches!(self, Level::Critical | Level::Error)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Severity.
    pub level: Level,
    /// Stable code, e.g. `REQUIRED_FIELD_MISSING`.
    pub code: String,
    /// The field string the LEX conformance vectors use for this rule, else the dotted path.
    pub field: String,
    /// RFC 6901 pointer from the message root, e.g. `/lex/payload/lead/customer/emailAddress`.
    pub pointer: String,
    /// Human-readable explanation (may change between versions).
    pub message: String,
    /// Published rule id (`DG-007`, `FIN-003`, ...) when the rule has one.
    pub rule_id: Option<String>,
    /// The offending value.
    pub rejected_value: Option<Value>,
    /// The allowed values for an enum violation.
    pub allowed_values: Option<Vec<String>>,
    /// The constraint that was violated, in words (`maximum 84 months`).
    pub constraint: Option<String>,
    /// A numeric threshold the value was compared with.
    pub threshold: Option<Value>,
    /// For transition issues: the status the lead was in.
    pub from_status: Option<String>,
    /// For transition issues: the status the message moves to.
    pub to_status: Option<String>,
    /// How to fix it.
    pub suggestion: Option<String>,
}

impl Issue {
    /// A new issue with the required fields; extras are set with the builder methods.
    pub fn new(
        level: Level,
        code: impl Into<String>,
        field: impl Into<String>,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Issue {
        Issue {
            level,
            code: code.into(),
            field: field.into(),
            pointer: pointer.into(),
            message: message.into(),
            rule_id: None,
            rejected_value: None,
            allowed_values: None,
            constraint: None,
            threshold: None,
            from_status: None,
            to_status: None,
            suggestion: None,
        }
    }

    /// Sets `rejected_value`.
    pub fn rejected(mut self, v: Value) -> Issue {
        self.rejected_value = Some(v);
        self
    }

    /// Sets `allowed_values`.
    pub fn allowed<S: AsRef<str>>(mut self, values: &[S]) -> Issue {
        self.allowed_values = Some(values.iter().map(|s| s.as_ref().to_string()).collect());
        self
    }

    /// Sets `constraint`.
    pub fn constraint(mut self, c: impl Into<String>) -> Issue {
        self.constraint = Some(c.into());
        self
    }

    /// Sets `threshold`.
    pub fn threshold(mut self, t: Value) -> Issue {
        self.threshold = Some(t);
        self
    }

    /// Sets `from_status` and `to_status`.
    pub fn transition(mut self, from: impl Into<String>, to: impl Into<String>) -> Issue {
        self.from_status = Some(from.into());
        self.to_status = Some(to.into());
        self
    }

    /// Sets `suggestion`.
    pub fn suggestion(mut self, s: impl Into<String>) -> Issue {
        self.suggestion = Some(s.into());
        self
    }

    /// Sets `rule_id`.
    pub fn rule(mut self, id: impl Into<String>) -> Issue {
        self.rule_id = Some(id.into());
        self
    }

    /// The issue as a JSON object (camelCase keys; absent extras are omitted).
    pub fn to_value(&self) -> Value {
        let mut m = Map::default();
        m.insert("level".into(), self.level.as_str().into());
        m.insert("code".into(), self.code.as_str().into());
        m.insert("field".into(), self.field.as_str().into());
        m.insert("pointer".into(), self.pointer.as_str().into());
        m.insert("message".into(), self.message.as_str().into());
        if let Some(r) = &self.rule_id {
            m.insert("ruleId".into(), r.as_str().into());
        }
        if let Some(v) = &self.rejected_value {
            m.insert("rejectedValue".into(), v.clone());
        }
        if let Some(a) = &self.allowed_values {
            m.insert(
                "allowedValues".into(),
                Value::Array(a.iter().map(|s| s.as_str().into()).collect()),
            );
        }
        if let Some(c) = &self.constraint {
            m.insert("constraint".into(), c.as_str().into());
        }
        if let Some(t) = &self.threshold {
            m.insert("threshold".into(), t.clone());
        }
        if let Some(f) = &self.from_status {
            m.insert("fromStatus".into(), f.as_str().into());
        }
        if let Some(t) = &self.to_status {
            m.insert("toStatus".into(), t.as_str().into());
        }
        if let Some(s) = &self.suggestion {
            m.insert("suggestion".into(), s.as_str().into());
        }
        Value::Object(m)
    }

    /// The inverse of [`Issue::to_value`]: an issue object as a report in JSON carries it.
    /// `level` and `code` are required (`INVALID_ARGUMENT` otherwise); the other members
    /// default to empty or absent.
    pub fn from_value(v: &Value) -> Result<Issue> {
        let text = |key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
        let level = text("level")
            .and_then(|l| Level::parse(&l))
            .ok_or_else(|| {
                Error::invalid_argument(
                    "every report issue needs a level (CRITICAL, ERROR, WARNING, INFO)",
                )
            })?;
        let code = text("code")
            .ok_or_else(|| Error::invalid_argument("every report issue needs a code"))?;
        let mut i = Issue::new(
            level,
            code,
            text("field").unwrap_or_default(),
            text("pointer").unwrap_or_default(),
            text("message").unwrap_or_default(),
        );
        i.rule_id = text("ruleId");
        i.rejected_value = v.get("rejectedValue").cloned();
        i.allowed_values = v.get("allowedValues").and_then(Value::as_array).map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        });
        i.constraint = text("constraint");
        i.threshold = v.get("threshold").cloned();
        i.from_status = text("fromStatus");
        i.to_status = text("toStatus");
        i.suggestion = text("suggestion");
        Ok(i)
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}: {}",
            self.level, self.code, self.pointer, self.message
        )
    }
}

/// The result of validating one message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// True iff no issue is `Critical` or `Error`.
    pub valid: bool,
    /// `Critical` and `Error` issues, in evaluation order.
    pub errors: Vec<Issue>,
    /// `Warning` (and, when requested, `Info`) issues, in evaluation order.
    pub warnings: Vec<Issue>,
}

impl Report {
    /// Builds a report from issues, splitting them by level and computing `valid`.
    pub fn from_issues(issues: Vec<Issue>) -> Report {
        let (errors, warnings): (Vec<Issue>, Vec<Issue>) =
            issues.into_iter().partition(|i| i.level.is_failure());
        Report {
            valid: errors.is_empty(),
            errors,
            warnings,
        }
    }

    /// All issues, errors first.
    pub fn issues(&self) -> impl Iterator<Item = &Issue> {
        self.errors.iter().chain(self.warnings.iter())
    }

    /// True when some issue has this code.
    pub fn has_code(&self, code: &str) -> bool {
        self.issues().any(|i| i.code == code)
    }

    /// The HTTP status recommended for this outcome: 200 valid, 410 TTL expired, 422 invalid.
    pub fn http_status(&self) -> u16 {
        if self.valid {
            200
        } else if self.errors.iter().any(|i| i.code == "MESSAGE_TTL_EXPIRED") {
            410
        } else {
            422
        }
    }

    /// The report as a JSON object `{valid, errors, warnings}`.
    pub fn to_value(&self) -> Value {
        let mut m = Map::default();
        m.insert("valid".into(), Value::Bool(self.valid));
        m.insert(
            "errors".into(),
            Value::Array(self.errors.iter().map(Issue::to_value).collect()),
        );
        m.insert(
            "warnings".into(),
            Value::Array(self.warnings.iter().map(Issue::to_value).collect()),
        );
        Value::Object(m)
    }

    /// The inverse of [`Report::to_value`]: `{valid, errors, warnings}` back into a report
    /// (a binding hands a report object back to the core, e.g. for an acknowledgment).
    /// Absent or `null` lists are empty; an absent `valid` means "no errors".
    pub fn from_value(v: &Value) -> Result<Report> {
        let issues = |key: &str| -> Result<Vec<Issue>> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(Vec::new()),
                Some(Value::Array(items)) => items.iter().map(Issue::from_value).collect(),
                Some(_) => Err(Error::invalid_argument(format!(
                    "report.{key} must be an array of issues"
                ))),
            }
        };
        let errors = issues("errors")?;
        let warnings = issues("warnings")?;
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

    /// The report as JSON text.
    pub fn to_json(&self, pretty: bool) -> String {
        crate::codec::json_write::to_string(&self.to_value(), pretty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_value_inverts_to_value() {
        let r = Report::from_issues(vec![
            Issue::new(Level::Error, "E", "f", "/f", "m")
                .rule("DG-001")
                .allowed(&["A", "B"])
                .transition("NEW", "SOLD"),
            Issue::new(Level::Warning, "W", "", "", "").threshold(Value::int(3)),
        ]);
        assert_eq!(Report::from_value(&r.to_value()).unwrap(), r);
    }

    #[test]
    fn from_value_requires_level_and_code_and_arrays() {
        let bad = |text: &str| {
            let v = crate::api::value_from_json(text.as_bytes(), &Default::default()).unwrap();
            Report::from_value(&v).unwrap_err().message
        };
        assert!(bad(r#"{"errors":[{"code":"X"}]}"#).contains("needs a level"));
        assert!(bad(r#"{"errors":[{"level":"ERROR"}]}"#).contains("needs a code"));
        assert!(bad(r#"{"warnings":1}"#).contains("must be an array"));
    }
}
