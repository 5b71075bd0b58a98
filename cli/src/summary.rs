//! The end-of-batch summary: counts by validity and by issue code.

use crate::exit;
use lex_core::api::value_to_json;
use lex_core::{Map, Report, Value};
use std::collections::BTreeMap;

/// Running totals over a batch.
#[derive(Default)]
pub struct Summary {
    /// Messages read and validated.
    pub messages: u64,
    /// Of those, valid.
    pub valid: u64,
    /// Of those, invalid.
    pub invalid: u64,
    /// Inputs that could not be read.
    pub unreadable: u64,
    /// Issue count by code (errors and warnings).
    pub by_code: BTreeMap<String, u64>,
    /// Unreadable-input count by error code.
    pub errors_by_code: BTreeMap<String, u64>,
}

impl Summary {
    /// Counts one report.
    pub fn add_report(&mut self, r: &Report) {
        self.messages += 1;
        if r.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        for i in r.issues() {
            *self.by_code.entry(i.code.clone()).or_default() += 1;
        }
    }

    /// Counts one unreadable input.
    pub fn add_error(&mut self, code: &str) {
        self.unreadable += 1;
        *self.errors_by_code.entry(code.to_string()).or_default() += 1;
    }

    /// The exit code: 2 if anything was unreadable, else 1 if anything was invalid, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.unreadable > 0 {
            exit::UNREADABLE
        } else if self.invalid > 0 {
            exit::INVALID
        } else {
            exit::OK
        }
    }

    /// Human-readable lines.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "summary: {} message(s): {} valid, {} invalid; {} unreadable input(s)\n",
            self.messages, self.valid, self.invalid, self.unreadable
        );
        for (code, n) in &self.by_code {
            s.push_str(&format!("  {n:>8}  {code}\n"));
        }
        for (code, n) in &self.errors_by_code {
            s.push_str(&format!("  {n:>8}  {code} (unreadable)\n"));
        }
        s
    }

    /// One JSON object `{"summary": {...}}`.
    pub fn to_json(&self) -> String {
        let counts = |m: &BTreeMap<String, u64>| {
            Value::Object(
                m.iter()
                    .map(|(k, v)| (k.clone(), Value::int(*v as i64)))
                    .collect::<Map>(),
            )
        };
        let mut s = Map::default();
        s.insert("messages".into(), Value::int(self.messages as i64));
        s.insert("valid".into(), Value::int(self.valid as i64));
        s.insert("invalid".into(), Value::int(self.invalid as i64));
        s.insert("unreadable".into(), Value::int(self.unreadable as i64));
        s.insert("byCode".into(), counts(&self.by_code));
        s.insert("unreadableByCode".into(), counts(&self.errors_by_code));
        let mut root = Map::default();
        root.insert("summary".into(), Value::Object(s));
        value_to_json(&Value::Object(root), false)
    }
}
