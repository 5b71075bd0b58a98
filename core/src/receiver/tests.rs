use super::*;
use crate::validate::ValidateOptions;
use std::sync::atomic::{AtomicUsize, Ordering};
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-04-03 12:00 UTC);

fn opts_at(now: OffsetDateTime) -> ValidateOptions {
    ValidateOptions {
        now: Some(now),
        ..ValidateOptions::default()
    }
}

fn lead(n: u32, lead_id: &str, status: &str, customer: &str, header_extra: &str) -> Vec<u8> {
    format!(
        r#"{{"lex":{{"header":{{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-{n:012}","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"PORTAL-001","receiverId":"DEALER-001"{header_extra}}},"payload":{{"lead":{{"leadId":"{lead_id}","status":"{status}","source":"RETAILER_WEBSITE","customer":{customer},"desiredProduct":{{"productType":"VEHICLE_NEW"}},"metadata":{{"createdDate":"2026-04-01T10:00:00Z"}}}}}}}}}}"#
    )
    .into_bytes()
}

const JANE: &str = r#"{"firstName":"Jane","lastName":"Smith","emailAddress":"jane.smith@example.com","phoneNumber":"+14155551234"}"#;
const JANE_AGAIN: &str = r#"{"firstName":"Jane","lastName":" SMITH ","emailAddress":"Jane.Smith@Example.com","phoneNumber":"(415) 555-1234"}"#;
const BOB: &str = r#"{"firstName":"Bob","lastName":"Ode","emailAddress":"bob@example.com","phoneNumber":"+442079460958"}"#;

/// A store that counts how often lead statuses are written.
#[derive(Default)]
struct Counting {
    inner: MemoryStore,
    writes: AtomicUsize,
}

impl ReceiverStore for Counting {
    fn receipt(&self, id: &str) -> Option<Receipt> {
        self.inner.receipt(id)
    }
    fn put_receipt(&self, id: &str, r: &Receipt) {
        self.inner.put_receipt(id, r);
    }
    fn lead_status(&self, id: &str) -> Option<String> {
        self.inner.lead_status(id)
    }
    fn set_lead_status(&self, id: &str, s: &str) {
        self.writes.fetch_add(1, Ordering::SeqCst);
        self.inner.set_lead_status(id, s);
    }
    fn fingerprint_owner(&self, fp: &str) -> Option<String> {
        self.inner.fingerprint_owner(fp)
    }
    fn put_fingerprint(&self, fp: &str, id: &str) {
        self.inner.put_fingerprint(fp, id);
    }
}

#[test]
fn a_repeat_returns_the_original_receipt_and_is_not_processed_again() {
    let store = Arc::new(Counting::default());
    let rx = Receiver::with_store(opts_at(NOW), store.clone());
    let first = rx
        .receive(&lead(1, "LEAD-0000-1", "EXPRESSED_INTEREST", JANE, ""))
        .unwrap();
    assert_eq!(
        (
            first.outcome,
            first.duplicate,
            first.http_status,
            first.ack_status()
        ),
        (Outcome::Accepted, false, 200, Some("RECEIVED"))
    );
    // A retransmission, now with a retryContext and even a changed body: same receipt.
    let retry = r#","retryContext":{"originalTimestamp":"2026-04-03T10:00:00Z","attemptNumber":2}"#;
    let again = rx
        .receive(&lead(1, "LEAD-0000-1", "ORDER", JANE, retry))
        .unwrap();
    assert!(again.duplicate);
    assert_eq!(again.ack, first.ack);
    assert_eq!(again.message, first.message);
    assert_eq!(again.report, first.report);
    assert_eq!(store.writes.load(Ordering::SeqCst), 1);
    assert_eq!(
        rx.lead_status("LEAD-0000-1").as_deref(),
        Some("EXPRESSED_INTEREST")
    );
}

#[test]
fn concurrent_copies_are_processed_once() {
    let store = Arc::new(Counting::default());
    let rx = Arc::new(Receiver::with_store(opts_at(NOW), store.clone()));
    let input = lead(2, "LEAD-0000-2", "CART", JANE, "");
    let receipts: Vec<Receipt> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let rx = rx.clone();
                let input = input.clone();
                s.spawn(move || rx.receive(&input).unwrap())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(receipts.iter().filter(|r| !r.duplicate).count(), 1);
    let ack_id = receipts[0]
        .ack
        .as_ref()
        .unwrap()
        .message_id()
        .unwrap()
        .to_string();
    assert!(
        receipts
            .iter()
            .all(|r| r.ack.as_ref().unwrap().message_id() == Some(ack_id.as_str()))
    );
    assert_eq!(store.writes.load(Ordering::SeqCst), 1);
}

#[test]
fn the_stored_status_is_the_previous_status() {
    let rx = Receiver::new(opts_at(NOW));
    assert_eq!(
        rx.receive(&lead(3, "LEAD-0000-3", "DELIVERED", JANE, ""))
            .unwrap()
            .outcome,
        Outcome::Accepted
    );
    let back = rx
        .receive(&lead(4, "LEAD-0000-3", "IN_NEGOTIATION", JANE, ""))
        .unwrap();
    assert_eq!(
        (back.outcome, back.http_status, back.ack_status()),
        (Outcome::Rejected, 422, Some("REJECTED"))
    );
    let issue = back
        .report
        .errors
        .iter()
        .find(|i| i.code == "INVALID_STATUS_TRANSITION")
        .unwrap();
    assert_eq!(
        (issue.from_status.as_deref(), issue.to_status.as_deref()),
        (Some("DELIVERED"), Some("IN_NEGOTIATION"))
    );
    // A rejected update does not change the stored status.
    assert_eq!(rx.lead_status("LEAD-0000-3").as_deref(), Some("DELIVERED"));
    let archived = rx
        .receive(&lead(5, "LEAD-0000-3", "ARCHIVED", JANE, ""))
        .unwrap();
    assert_eq!(archived.outcome, Outcome::Accepted);
    assert_eq!(rx.lead_status("LEAD-0000-3").as_deref(), Some("ARCHIVED"));
}

#[test]
fn expired_messages_are_dead_lettered_per_on_expiry() {
    let rx = Receiver::new(opts_at(NOW));
    let dlq =
        r#","ttl":{"maxAgeSeconds":3600,"expiresAt":"2026-04-03T11:00:00Z","onExpiry":"DLQ"}"#;
    let r = rx
        .receive(&lead(6, "LEAD-0000-6", "CART", JANE, dlq))
        .unwrap();
    assert_eq!(
        (
            r.outcome,
            r.http_status,
            r.routing,
            r.dead_letter_reason.as_deref(),
            r.ack.is_none()
        ),
        (
            Outcome::DeadLetter,
            410,
            Some(ExpiryAction::Dlq),
            Some("TTL_EXPIRED"),
            true
        )
    );
    assert_eq!(rx.lead_status("LEAD-0000-6"), None);
    let dlq_env = r
        .dead_letter_envelope(&BuildOptions {
            now: Some(NOW),
            message_id: Some("0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10".into()),
        })
        .unwrap();
    let d = dlq_env.get("dlq").unwrap();
    assert_eq!(
        d.get("failureCategory").and_then(Value::as_str),
        Some("TTL_EXPIRED")
    );
    assert_eq!(
        d.get("originalMessageId").and_then(Value::as_str),
        Some("a1b2c3d4-e5f6-4a7b-8c9d-000000000006")
    );
    assert_eq!(d.get("originalMessage"), Some(r.message.root()));
    assert_eq!(d.get("attemptCount").and_then(Value::as_i64), Some(1));
    assert_eq!(
        d.get("enqueuedAt").and_then(Value::as_str),
        Some("2026-04-03T12:00:00Z")
    );
    assert!(
        d.get("failureReason")
            .and_then(Value::as_str)
            .unwrap()
            .starts_with("MESSAGE_TTL_EXPIRED: ")
    );
    let discard = r#","ttl":{"expiresAt":"2026-04-03T11:00:00Z","onExpiry":"DISCARD"}"#;
    let r = rx
        .receive(&lead(7, "LEAD-0000-7", "CART", JANE, discard))
        .unwrap();
    assert_eq!(
        (r.routing, r.ack.is_none()),
        (Some(ExpiryAction::Discard), true)
    );
    let ret = r#","ttl":{"expiresAt":"2026-04-03T11:00:00Z","onExpiry":"RETURN"}"#;
    let r = rx
        .receive(&lead(8, "LEAD-0000-8", "CART", JANE, ret))
        .unwrap();
    assert_eq!(
        (r.routing, r.ack_status()),
        (Some(ExpiryAction::Return), Some("REJECTED"))
    );
    // Only maxAgeSeconds: timestamp 10:00 + 3600 s is before 12:00; no onExpiry → DLQ.
    let age = r#","ttl":{"maxAgeSeconds":3600}"#;
    let r = rx
        .receive(&lead(9, "LEAD-0000-9", "CART", JANE, age))
        .unwrap();
    assert_eq!(
        (r.outcome, r.routing, r.http_status),
        (Outcome::DeadLetter, Some(ExpiryAction::Dlq), 410)
    );
    assert_eq!(r.report.errors[0].field, "lex.header.ttl.maxAgeSeconds");
    let fresh = r#","ttl":{"maxAgeSeconds":86400}"#;
    assert_eq!(
        rx.receive(&lead(10, "LEAD-0000-10", "CART", JANE, fresh))
            .unwrap()
            .outcome,
        Outcome::Accepted
    );
    // A retransmission counts from retryContext.originalTimestamp (C12): a day-long TTL that
    // started the day before has run out although the new timestamp is fresh.
    let retried = r#","ttl":{"maxAgeSeconds":86400},"retryContext":{"originalTimestamp":"2026-04-02T10:00:00Z","attemptNumber":4}"#;
    let r = rx
        .receive(&lead(13, "LEAD-0000-13", "CART", JANE, retried))
        .unwrap();
    assert_eq!(
        (r.outcome, r.report.errors[0].field.as_str()),
        (Outcome::DeadLetter, "lex.header.ttl.maxAgeSeconds")
    );
}

#[test]
fn retry_context_never_causes_rejection() {
    let rx = Receiver::new(opts_at(NOW));
    let retry = r#","retryContext":{"originalTimestamp":"2026-04-03T09:50:00Z","attemptNumber":3,"maxAttempts":6,"lastFailureReason":"HTTP_503_SERVICE_UNAVAILABLE"}"#;
    let r = rx
        .receive(&lead(11, "LEAD-0000-11", "EXPRESSED_INTEREST", BOB, retry))
        .unwrap();
    assert_eq!(
        (r.outcome, r.retry_attempt, r.http_status),
        (Outcome::Accepted, Some(3), 200)
    );
    assert!(r.report.valid);
}

#[test]
fn duplicate_customers_are_flagged_within_the_window() {
    let store: Arc<dyn ReceiverStore> = Arc::new(MemoryStore::default());
    let rx = Receiver::with_store(opts_at(NOW), store.clone());
    let a = rx
        .receive(&lead(12, "LEAD-0000-A", "EXPRESSED_INTEREST", JANE, ""))
        .unwrap();
    assert_eq!(a.duplicate_of_lead, None);
    assert_eq!(
        a.fingerprint.as_deref(),
        Some("e2e4f6dbeafc638514584d10d630e5e3739f574308b20ae1cc80681e9e39d1d1")
    );
    let b = rx
        .receive(&lead(13, "LEAD-0000-B", "SHOPPING", JANE_AGAIN, ""))
        .unwrap();
    assert_eq!(b.duplicate_of_lead.as_deref(), Some("LEAD-0000-A"));
    assert_eq!(
        (b.outcome, b.ack_status()),
        (Outcome::Accepted, Some("RECEIVED"))
    );
    // An update of the canonical lead itself is not a duplicate.
    let a2 = rx
        .receive(&lead(14, "LEAD-0000-A", "IN_NEGOTIATION", JANE, ""))
        .unwrap();
    assert_eq!(a2.duplicate_of_lead, None);
    // The suggested closure for L-B.
    let closure = b
        .duplicate_closure(&BuildOptions {
            now: Some(NOW),
            message_id: Some("0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10".into()),
        })
        .unwrap()
        .unwrap();
    assert_eq!(
        closure.to_json(false),
        r#"{"lex":{"header":{"messageId":"0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10","messageType":"LEAD_CLOSURE","version":"1.0","timestamp":"2026-04-03T12:00:00Z","senderId":"DEALER-001","receiverId":"PORTAL-001","correlationId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000013"},"payload":{"leadClosure":{"originalLeadId":"LEAD-0000-B","originalLeadSource":"RETAILER_WEBSITE","leadCreatedDate":"2026-04-01T10:00:00Z","leadClosureDate":"2026-04-03T12:00:00Z","leadLifecycleDays":2,"closureStatus":"DUPLICATE","closureReason":"DUPLICATE_LEAD","duplicateOfLeadId":"LEAD-0000-A"}}}}"#
    );
    assert!(a.duplicate_closure(&BuildOptions::default()).is_none());
    // Outside the window (the lead asks for 1 hour; two hours later) the customer is new.
    let later = Receiver::with_store(opts_at(NOW + Duration::hours(2)), store.clone());
    let short = r#"{"firstName":"Jane","lastName":"Smith","emailAddress":"jane.smith@example.com","phoneNumber":"+14155551234"},"deduplication":{"customerFingerprint":"e2e4f6dbeafc638514584d10d630e5e3739f574308b20ae1cc80681e9e39d1d1","deduplicationWindowHours":1}"#;
    let c = later
        .receive(&lead(15, "LEAD-0000-C", "CART", short, ""))
        .unwrap();
    assert_eq!(c.duplicate_of_lead, None);
    // L-C now owns the fingerprint; once it is archived, a new lead is not a duplicate.
    let d = later
        .receive(&lead(16, "LEAD-0000-D", "CART", JANE, ""))
        .unwrap();
    assert_eq!(d.duplicate_of_lead.as_deref(), Some("LEAD-0000-C"));
    later
        .receive(&lead(17, "LEAD-0000-C", "ARCHIVED", JANE, ""))
        .unwrap();
    let e = later
        .receive(&lead(18, "LEAD-0000-E", "CART", JANE, ""))
        .unwrap();
    assert_eq!(e.duplicate_of_lead, None);
}

#[test]
fn rejected_and_unreadable_input() {
    let rx = Receiver::new(opts_at(NOW));
    let bad = br#"{"lex":{"header":{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000099","messageType":"INQUIRY","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"PORTAL-001","receiverId":"DEALER-001"},"payload":{}}}"#;
    let r = rx.receive(bad).unwrap();
    assert_eq!(
        (r.outcome, r.http_status, r.ack_status()),
        (Outcome::Rejected, 422, Some("REJECTED"))
    );
    let again = rx.receive(bad).unwrap();
    assert!(again.duplicate);
    assert_eq!(again.ack, r.ack);
    assert_eq!(rx.receive(b"{\"lex\":").unwrap_err().code(), "SYNTAX_ERROR");
    let v = r.to_value();
    assert_eq!(v.get("outcome").and_then(Value::as_str), Some("REJECTED"));
    assert_eq!(v.get("httpStatus").and_then(Value::as_i64), Some(422));
    assert_eq!(v.get("ackStatus").and_then(Value::as_str), Some("REJECTED"));
    assert_eq!(
        v.get("messageId").and_then(Value::as_str),
        Some("a1b2c3d4-e5f6-4a7b-8c9d-000000000099")
    );
    assert_eq!(v.pointer("/report/valid"), Some(&Value::Bool(false)));
}
