//! Acknowledgments: the ACKNOWLEDGMENT message answering a received message.
//!
//! Status per decisions.md: a valid LEAD, ASSET or SUBSCRIPTION → `RECEIVED`, a valid
//! LEAD_CLOSURE → `PROCESSED`, an invalid message → `REJECTED` with the report's issues
//! carried in `validationResults` (schema-layer issues under `schemaValidation.errors`, rule
//! issues under `businessRuleValidation.violations`, each with the extra `code` and `level`).

use crate::build::{BuildOptions, new_uuid};
use crate::datetime::format_timestamp;
use crate::error::{Error, Result};
use crate::format::Format;
use crate::message::{Message, MessageType};
use crate::report::{Issue, Level, Report};
use crate::value::{Map, Value};

/// The eight acknowledgment statuses of the schema.
pub const ACK_STATUSES: [&str; 8] = [
    "RECEIVED",
    "PROCESSING",
    "VALIDATED",
    "STORED",
    "PROCESSED",
    "REJECTED",
    "FAILED",
    "DUPLICATE",
];

/// Codes produced by the structural (schema) layer; everything else is a business rule.
const SCHEMA_CODES: [&str; 7] = [
    "REQUIRED_FIELD_MISSING",
    "INVALID_TYPE",
    "INVALID_FORMAT",
    "INVALID_ENUM_VALUE",
    "INVALID_LENGTH",
    "VALUE_OUT_OF_RANGE",
    "UNKNOWN_FIELD",
];

/// Normalises the legacy acknowledgment vocabularies (`ACCEPTED`, `ERROR`, `DEFERRED`).
pub fn canonical_ack_status(s: &str) -> Option<&'static str> {
    match s {
        "ACCEPTED" => Some("RECEIVED"),
        "ERROR" => Some("FAILED"),
        "DEFERRED" => Some("PROCESSING"),
        other => ACK_STATUSES.iter().copied().find(|x| *x == other),
    }
}

/// The status an acknowledgment of `msg` gets given its report.
pub fn default_status(msg: &Message, report: Option<&Report>) -> &'static str {
    if report.is_some_and(|r| !r.valid) {
        return "REJECTED";
    }
    match msg.message_type() {
        Some(MessageType::LeadClosure) => "PROCESSED",
        _ => "RECEIVED",
    }
}

/// Builds the ACKNOWLEDGMENT for `msg`. `status` overrides the default (legacy spellings are
/// accepted and normalised); `report` supplies `validationResults`.
pub fn acknowledge(
    msg: &Message,
    report: Option<&Report>,
    status: Option<&str>,
) -> Result<Message> {
    acknowledge_with(msg, report, status, &BuildOptions::default())
}

fn issue_severity(level: Level) -> &'static str {
    match level {
        Level::Critical | Level::Error => "ERROR",
        Level::Warning => "WARNING",
        Level::Info => "INFO",
    }
}

fn validation_results(report: &Report) -> Value {
    let mut schema_errors = Vec::new();
    let mut violations = Vec::new();
    let mut schema_passed = true;
    let mut rules_passed = true;
    let all: Vec<&Issue> = report.issues().collect();
    for i in all {
        let mut m = Map::default();
        if SCHEMA_CODES.contains(&i.code.as_str()) {
            schema_passed &= !i.level.is_failure();
            m.insert("field".into(), i.field.as_str().into());
            m.insert(
                "error".into(),
                Value::String(format!("{}: {}", i.code, i.message)),
            );
            if let Some(s) = &i.suggestion {
                m.insert("suggestion".into(), s.as_str().into());
            }
            m.insert("code".into(), i.code.as_str().into());
            m.insert("level".into(), i.level.as_str().into());
            schema_errors.push(Value::Object(m));
        } else {
            rules_passed &= !i.level.is_failure();
            m.insert(
                "rule".into(),
                i.rule_id.clone().unwrap_or_else(|| i.code.clone()).into(),
            );
            m.insert("violation".into(), i.message.as_str().into());
            m.insert("severity".into(), issue_severity(i.level).into());
            m.insert("field".into(), i.field.as_str().into());
            m.insert("code".into(), i.code.as_str().into());
            m.insert("level".into(), i.level.as_str().into());
            violations.push(Value::Object(m));
        }
    }
    let mut sv = Map::default();
    sv.insert("passed".into(), Value::Bool(schema_passed));
    sv.insert("errors".into(), Value::Array(schema_errors));
    let mut bv = Map::default();
    bv.insert("passed".into(), Value::Bool(rules_passed));
    bv.insert("violations".into(), Value::Array(violations));
    let mut vr = Map::default();
    vr.insert("isValid".into(), Value::Bool(report.valid));
    vr.insert("schemaValidation".into(), Value::Object(sv));
    vr.insert("businessRuleValidation".into(), Value::Object(bv));
    Value::Object(vr)
}

/// The `acknowledgmentId` for an ACK whose `messageId` is `id`: `ACK-<id>` when that is
/// 10–50 characters long (the schema's bounds; always so for a UUID), else `ACK-` and the
/// first 32 hex digits of SHA-256 of `id`.
pub fn acknowledgment_id(id: &str) -> String {
    let plain = format!("ACK-{id}");
    if (10..=50).contains(&plain.chars().count()) {
        plain
    } else {
        let hex = crate::dedup::sha256_hex(id.as_bytes());
        format!("ACK-{}", &hex[..32])
    }
}

/// A sender/receiver id for the ACK header: the original one when it has the schema's 3–50
/// characters, else `UNKNOWN` (so the ACK itself stays valid).
fn party(id: Option<&str>) -> &str {
    id.filter(|s| (3..=50).contains(&s.chars().count()))
        .unwrap_or("UNKNOWN")
}

/// [`acknowledge`] with an injectable clock and ids (`opts.message_id` is the ACK's
/// `messageId`; the `acknowledgmentId` is derived from it).
pub fn acknowledge_with(
    msg: &Message,
    report: Option<&Report>,
    status: Option<&str>,
    opts: &BuildOptions,
) -> Result<Message> {
    if msg.message_type() == Some(MessageType::Acknowledgment) {
        return Err(Error::invalid_argument(
            "acknowledgments are not acknowledged (originalMessageType has no ACKNOWLEDGMENT)",
        ));
    }
    let status = match status {
        Some(s) => canonical_ack_status(s).ok_or_else(|| {
            Error::invalid_argument(format!(
                "\"{s}\" is not an acknowledgment status (expected one of {})",
                ACK_STATUSES.join(", ")
            ))
        })?,
        None => default_status(msg, report),
    };
    let header = msg.header();
    let original_id = header.message_id().unwrap_or("").to_string();
    let now = crate::datetime::now_or_system(opts.now);
    let ts = format_timestamp(now);
    let ack_message_id = opts.message_id.clone().unwrap_or_else(new_uuid);

    let mut body = Map::default();
    body.insert(
        "acknowledgmentId".into(),
        Value::String(acknowledgment_id(&ack_message_id)),
    );
    body.insert("correlationId".into(), Value::String(original_id.clone()));
    body.insert(
        "originalMessageId".into(),
        Value::String(original_id.clone()),
    );
    if let Some(t) = msg.message_type() {
        body.insert("originalMessageType".into(), t.as_str().into());
    }
    body.insert("status".into(), status.into());
    if status == "REJECTED" {
        if let Some(r) = report {
            let n = r.errors.len();
            body.insert(
                "statusReason".into(),
                Value::String(format!("validation failed with {n} error(s)")),
            );
        }
    }
    body.insert("timestamp".into(), Value::String(ts.clone()));
    if let Some(r) = report {
        body.insert("validationResults".into(), validation_results(r));
    }

    let mut h = Map::default();
    h.insert("messageId".into(), Value::String(ack_message_id));
    h.insert("messageType".into(), "ACKNOWLEDGMENT".into());
    h.insert("version".into(), crate::build::LEX_VERSION.into());
    h.insert("timestamp".into(), Value::String(ts));
    h.insert("senderId".into(), party(header.receiver_id()).into());
    h.insert("receiverId".into(), party(header.sender_id()).into());
    h.insert("correlationId".into(), Value::String(original_id));
    let mut payload = Map::default();
    payload.insert("acknowledgment".into(), Value::Object(body));
    let mut lex = Map::default();
    lex.insert("header".into(), Value::Object(h));
    lex.insert("payload".into(), Value::Object(payload));
    let mut root = Map::default();
    root.insert("lex".into(), Value::Object(lex));
    Message::from_value(Value::Object(root), Format::Json)
}

#[cfg(test)]
mod tests;
