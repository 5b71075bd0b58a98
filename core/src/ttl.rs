//! Message expiry and the retransmission-stable content hash of an exchange.
//!
//! - Expiry (reading C12 of the exchange design): `header.ttl.expiresAt` when present wins;
//!   otherwise `basis + ttl.maxAgeSeconds`, where the basis is
//!   `header.retryContext.originalTimestamp` when present, else `header.timestamp`, so a
//!   retransmission that stamps a new `timestamp` does not renew its lifetime. A message
//!   without `ttl` never expires (reading C11).
//! - The content hash (reading C13) excludes `header.timestamp` and `header.retryContext`,
//!   which a sender changes on every retry.

use crate::datetime::{format_timestamp, parse_timestamp as parse_datetime};
use crate::dedup::sha256_hex;
use crate::message::Message;
use crate::report::{Issue, Level};
use crate::value::Value;
use time::{Duration, OffsetDateTime};

/// When `message` expires: `ttl.expiresAt`, else the basis (`retryContext.originalTimestamp`,
/// else `timestamp`) plus `ttl.maxAgeSeconds`. `None` when the header has no usable `ttl`.
pub fn ttl_expires_at(message: &Message) -> Option<OffsetDateTime> {
    let header = message.header();
    let ttl = header.ttl()?;
    if let Some(at) = ttl.get("expiresAt").and_then(Value::as_str) {
        return parse_datetime(at);
    }
    let max_age = ttl.get("maxAgeSeconds")?.as_i64()?;
    let basis = header
        .retry_context()
        .and_then(|r| r.get("originalTimestamp"))
        .and_then(Value::as_str)
        .or_else(|| header.timestamp())?;
    parse_datetime(basis)?.checked_add(Duration::seconds(max_age))
}

/// `MESSAGE_TTL_EXPIRED` (critical, HTTP 410) when `message` expired before `now`.
pub fn ttl_expiry(message: &Message, now: OffsetDateTime) -> Option<Issue> {
    let expires = ttl_expires_at(message)?;
    if expires >= now {
        return None;
    }
    let ttl = message.header().ttl()?;
    let issue = match ttl.get("expiresAt").and_then(Value::as_str) {
        Some(at) => Issue::new(
            Level::Critical,
            "MESSAGE_TTL_EXPIRED",
            "lex.header.ttl.expiresAt",
            "/lex/header/ttl/expiresAt",
            format!("the message expired at {at}; it must not be processed"),
        )
        .rejected(Value::from(at)),
        None => Issue::new(
            Level::Critical,
            "MESSAGE_TTL_EXPIRED",
            "lex.header.ttl.maxAgeSeconds",
            "/lex/header/ttl/maxAgeSeconds",
            format!(
                "the message expired at {} (original timestamp + maxAgeSeconds); it must not be processed",
                format_timestamp(expires)
            ),
        )
        .rejected(ttl.get("maxAgeSeconds").cloned().unwrap_or(Value::Null)),
    };
    Some(issue)
}

/// SHA-256 (lowercase hex) of the message's compact JSON without `header.timestamp` and
/// `header.retryContext`: equal for a message and its retransmissions.
pub fn content_hash(message: &Message) -> String {
    let mut root = message.root().clone();
    if let Some(h) = root
        .get_mut("lex")
        .and_then(|l| l.get_mut("header"))
        .and_then(Value::as_object_mut)
    {
        h.shift_remove("timestamp");
        h.shift_remove("retryContext");
    }
    let text = crate::codec::json_write::to_string(&root, false);
    sha256_hex(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Format;

    fn msg(header_extra: &str) -> Message {
        let text = format!(
            r#"{{"lex":{{"header":{{"messageId":"m1","messageType":"LEAD","timestamp":"2026-01-01T10:00:00Z"{header_extra}}},"payload":{{}}}}}}"#
        );
        crate::api::parse(text.as_bytes(), Some(Format::Json), &Default::default())
            .expect("test message parses")
    }

    fn at(s: &str) -> OffsetDateTime {
        parse_datetime(s).expect("test time parses")
    }

    #[test]
    fn no_ttl_never_expires() {
        assert_eq!(ttl_expires_at(&msg("")), None);
        assert!(ttl_expiry(&msg(""), at("2030-01-01T00:00:00Z")).is_none());
    }

    #[test]
    fn max_age_counts_from_original_timestamp() {
        let m = msg(
            r#","ttl":{"maxAgeSeconds":600},"retryContext":{"attemptNumber":2,"originalTimestamp":"2026-01-01T09:55:00Z"}"#,
        );
        assert_eq!(ttl_expires_at(&m), Some(at("2026-01-01T10:05:00Z")));
        assert!(ttl_expiry(&m, at("2026-01-01T10:04:59Z")).is_none());
        let issue = ttl_expiry(&m, at("2026-01-01T10:05:01Z")).expect("expired");
        assert_eq!(issue.code, "MESSAGE_TTL_EXPIRED");
        assert_eq!(issue.field, "lex.header.ttl.maxAgeSeconds");
    }

    #[test]
    fn expires_at_wins() {
        let m = msg(r#","ttl":{"maxAgeSeconds":99999,"expiresAt":"2026-01-01T10:00:30Z"}"#);
        assert_eq!(ttl_expires_at(&m), Some(at("2026-01-01T10:00:30Z")));
        let issue = ttl_expiry(&m, at("2026-01-01T10:01:00Z")).expect("expired");
        assert_eq!(issue.field, "lex.header.ttl.expiresAt");
    }

    #[test]
    fn content_hash_ignores_timestamp_and_retry_context() {
        let a = msg("");
        let b = msg(r#","retryContext":{"attemptNumber":3}"#);
        assert_eq!(content_hash(&a), content_hash(&b));
        let c = msg(r#","senderId":"OTHER""#);
        assert_ne!(content_hash(&a), content_hash(&c));
    }
}
