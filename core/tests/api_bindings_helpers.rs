//! The façade helpers the bindings use for the forwarding decision and receipts as JSON.

use lex_core::api;
use lex_core::api::ValidateOptions;
use time::macros::datetime;

const GOVERNED: &str = r#"{"lex":{"header":{"messageId":"m-gov","messageType":"LEAD","version":"1.0",
"timestamp":"2020-01-01T09:00:00Z","senderId":"S","receiverId":"DEALER-A"},"payload":{"lead":{}},
"dataGovernance":{"forwardingPolicy":"RESTRICTED","allowedRecipients":["DEALER-B"],"auditRequired":true,
"declaredAt":"2020-01-01T00:00:00Z","retentionPolicy":{"maxRetentionDays":30}}}}"#;

#[test]
fn may_forward_with_uses_the_clock_of_the_options() {
    let m = api::parse(GOVERNED.as_bytes(), None, &Default::default()).unwrap();
    let at = |now| ValidateOptions {
        now,
        ..ValidateOptions::default()
    };
    let d = api::may_forward_with(&m, "DEALER-B", &at(Some(datetime!(2020-01-10 0:00 UTC))));
    assert_eq!(
        d,
        api::may_forward_at(&m, "DEALER-B", datetime!(2020-01-10 0:00 UTC))
    );
    assert!(d.allowed);
    assert_eq!(d.code, "FORWARD_ALLOWED_RECIPIENT");
    assert_eq!(
        api::forward_decision_json(&d),
        r#"{"allowed":true,"code":"FORWARD_ALLOWED_RECIPIENT","policy":"RESTRICTED","reason":"DEALER-B is listed in allowedRecipients","auditRequired":true,"retainUntil":"2020-01-31T00:00:00Z"}"#
    );
    let late = api::may_forward_with(&m, "DEALER-B", &at(Some(datetime!(2020-02-01 0:00 UTC))));
    assert_eq!(late.code, "FORWARD_RETENTION_EXPIRED");
    // No clock: the system clock, years after the end of the retention period.
    assert_eq!(
        api::may_forward_with(&m, "DEALER-B", &at(None)).code,
        "FORWARD_RETENTION_EXPIRED"
    );
}

#[test]
fn receipt_json_is_the_receipt_value() {
    let rx = api::Receiver::new(ValidateOptions {
        now: Some(datetime!(2026-05-04 10:00 UTC)),
        ..ValidateOptions::default()
    });
    let expired = br#"{"lex":{"header":{"messageId":"m-exp","messageType":"LEAD","version":"1.0",
"timestamp":"2026-05-04T09:00:00Z","senderId":"S","receiverId":"R",
"ttl":{"expiresAt":"2026-05-04T09:30:00Z","onExpiry":"DISCARD"}},"payload":{"lead":{}}}}"#;
    let r = rx.receive(expired).unwrap();
    let compact = api::receipt_json(&r, false);
    assert!(
        compact.starts_with(
            r#"{"messageId":"m-exp","outcome":"DEAD_LETTER","duplicate":false,"httpStatus":410,"valid":false,"routing":"DISCARD","deadLetterReason":"TTL_EXPIRED","report":{"valid":false,"#
        ),
        "{compact}"
    );
    assert!(!compact.contains('\n'));
    assert!(api::receipt_json(&r, true).starts_with("{\n"));
}
