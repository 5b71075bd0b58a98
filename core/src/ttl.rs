//! Message expiry (`header.ttl`, transport-resilience document §TTL), one function for
//! `validate`, the Receiver and the exchange server (through [`crate::api::ttl_issues`]).
//!
//! * The basis of `maxAgeSeconds` is `retryContext.originalTimestamp` when present, else
//!   `timestamp`: a retransmission must not renew its own TTL (exchange.md reading C12).
//! * `expiresAt` wins when present: the message is expired once it is in the past
//!   (`MESSAGE_TTL_EXPIRED` at `ttl.expiresAt`); without it, once basis + `maxAgeSeconds` is
//!   (`MESSAGE_TTL_EXPIRED` at `ttl.maxAgeSeconds`). Both are CRITICAL: the message must not be
//!   processed.
//! * With both present, an `expiresAt` more than [`TTL_TOLERANCE_SECONDS`] away from basis +
//!   `maxAgeSeconds` (the document defines it as calculated from them) is the WARNING
//!   `TTL_EXPIRES_AT_INCONSISTENT` (issue 24 item 7).

use crate::datetime::{format_timestamp, parse_timestamp};
use crate::report::{Issue, Level};
use crate::value::{Map, Value};
use time::{Duration, OffsetDateTime};

/// How far `expiresAt` may lie from basis + `maxAgeSeconds` before it is inconsistent.
pub const TTL_TOLERANCE_SECONDS: i64 = 1;

/// The instant `maxAgeSeconds` counts from: `retryContext.originalTimestamp` when present and
/// readable, else `timestamp`.
pub fn expiry_basis(header: &Map) -> Option<OffsetDateTime> {
    let original = header
        .get("retryContext")
        .and_then(|r| r.get("originalTimestamp"))
        .and_then(Value::as_str)
        .and_then(parse_timestamp);
    original.or_else(|| {
        header
            .get("timestamp")
            .and_then(Value::as_str)
            .and_then(parse_timestamp)
    })
}

/// basis + `ttl.maxAgeSeconds`, when both are known (and the sum is representable).
pub fn max_age_deadline(header: &Map) -> Option<OffsetDateTime> {
    let max_age = header.get("ttl")?.get("maxAgeSeconds")?.as_i64()?;
    expiry_basis(header)?.checked_add(Duration::seconds(max_age))
}

/// The instant the message expires: `ttl.expiresAt` when present and readable, else
/// [`max_age_deadline`]; `None` when the message carries no usable TTL.
pub fn expires_at(header: &Map) -> Option<OffsetDateTime> {
    header
        .get("ttl")
        .and_then(|t| t.get("expiresAt"))
        .and_then(Value::as_str)
        .and_then(parse_timestamp)
        .or_else(|| max_age_deadline(header))
}

/// The TTL findings for a header at `now` (see the module documentation).
pub fn ttl_issues(header: &Map, now: OffsetDateTime) -> Vec<Issue> {
    let mut issues = Vec::new();
    let Some(ttl) = header.get("ttl").and_then(Value::as_object) else {
        return issues;
    };
    let expires_text = ttl.get("expiresAt").and_then(Value::as_str);
    let expires = expires_text.and_then(parse_timestamp);
    let deadline = max_age_deadline(header);
    if let (Some(text), Some(at), Some(dl)) = (expires_text, expires, deadline) {
        if (at - dl).whole_seconds().abs() > TTL_TOLERANCE_SECONDS {
            issues.push(
                Issue::new(
                    Level::Warning,
                    "TTL_EXPIRES_AT_INCONSISTENT",
                    "lex.header.ttl.expiresAt",
                    "/lex/header/ttl/expiresAt",
                    format!(
                        "expiresAt {text} is not the basis (retryContext.originalTimestamp, else timestamp) + maxAgeSeconds = {}",
                        format_timestamp(dl)
                    ),
                )
                .rejected(Value::from(text)),
            );
        }
    }
    match (expires_text, expires) {
        (Some(text), Some(at)) => {
            if at < now {
                issues.insert(
                    0,
                    Issue::new(
                        Level::Critical,
                        "MESSAGE_TTL_EXPIRED",
                        "lex.header.ttl.expiresAt",
                        "/lex/header/ttl/expiresAt",
                        format!("the message expired at {text}; it must not be processed"),
                    )
                    .rejected(Value::from(text)),
                );
            }
        }
        (Some(_), None) => {}
        (None, _) => {
            if let (Some(dl), Some(max_age)) =
                (deadline, ttl.get("maxAgeSeconds").and_then(Value::as_i64))
            {
                if dl < now {
                    issues.insert(
                        0,
                        Issue::new(
                            Level::Critical,
                            "MESSAGE_TTL_EXPIRED",
                            "lex.header.ttl.maxAgeSeconds",
                            "/lex/header/ttl/maxAgeSeconds",
                            format!(
                                "the message expired at {} (basis + maxAgeSeconds); it must not be processed",
                                format_timestamp(dl)
                            ),
                        )
                        .rejected(Value::int(max_age)),
                    );
                }
            }
        }
    }
    issues
}
