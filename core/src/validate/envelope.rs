//! Envelope checks, in the order the published conformance runner evaluates them:
//! header present; `messageType` enum, future `timestamp`, expired TTL (all evaluated, then
//! stop if any failed); payload key for the declared type present (stop if not).

use crate::datetime::{FUTURE_SKEW_SECONDS, beyond_skew, parse_timestamp};
use crate::message::{MESSAGE_TYPES, Message, MessageType};
use crate::report::{Issue, Level};
use crate::value::{Map, Value};
use time::OffsetDateTime;

/// Runs the envelope checks. Returns the message type and payload body when the message
/// may go on to the type-specific rules.
pub fn check<'a>(
    msg: &'a Message,
    now: OffsetDateTime,
    issues: &mut Vec<Issue>,
) -> Option<(MessageType, &'a Map)> {
    let lex = msg.lex();
    let Some(header) = lex.get("header").and_then(Value::as_object) else {
        issues.push(Issue::new(
            Level::Critical,
            "REQUIRED_FIELD_MISSING",
            "lex.header",
            "/lex/header",
            "the message has no header",
        ));
        return None;
    };

    let before = issues.iter().filter(|i| i.level.is_failure()).count();

    let mtype = match header.get("messageType") {
        Some(Value::String(s)) => match MessageType::parse(s) {
            Some(t) => Some(t),
            None => {
                issues.push(
                    Issue::new(
                        Level::Critical,
                        "INVALID_ENUM_VALUE",
                        "lex.header.messageType",
                        "/lex/header/messageType",
                        format!("\"{s}\" is not a LEX message type"),
                    )
                    .rejected(Value::String(s.clone()))
                    .allowed(&MESSAGE_TYPES),
                );
                None
            }
        },
        Some(other) => {
            issues.push(
                Issue::new(
                    Level::Critical,
                    "INVALID_ENUM_VALUE",
                    "lex.header.messageType",
                    "/lex/header/messageType",
                    format!("messageType must be a string, not {}", other.type_name()),
                )
                .rejected(other.clone())
                .allowed(&MESSAGE_TYPES),
            );
            None
        }
        None => {
            issues.push(Issue::new(
                Level::Critical,
                "REQUIRED_FIELD_MISSING",
                "lex.header.messageType",
                "/lex/header/messageType",
                "the header has no messageType",
            ));
            None
        }
    };

    if let Some(ts) = header.get("timestamp").and_then(Value::as_str) {
        if let Some(t) = parse_timestamp(ts) {
            if beyond_skew(t, now) {
                issues.push(
                    Issue::new(
                        Level::Critical,
                        "TIMESTAMP_IN_FUTURE",
                        "lex.header.timestamp",
                        "/lex/header/timestamp",
                        format!(
                            "timestamp {ts} is more than {FUTURE_SKEW_SECONDS} s in the future"
                        ),
                    )
                    .rejected(Value::from(ts)),
                );
            }
        }
    }

    issues.extend(crate::ttl::ttl_issues(header, now));

    if issues.iter().filter(|i| i.level.is_failure()).count() > before {
        return None;
    }
    let mtype = mtype?;
    let key = mtype.payload_key();
    let body = lex
        .get("payload")
        .and_then(|p| p.get(key))
        .and_then(Value::as_object);
    match body {
        Some(b) => Some((mtype, b)),
        None => {
            issues.push(Issue::new(
                Level::Critical,
                "REQUIRED_FIELD_MISSING",
                format!("payload.{key}"),
                format!("/lex/payload/{key}"),
                format!("a {} message needs lex.payload.{key}", mtype.as_str()),
            ));
            None
        }
    }
}
