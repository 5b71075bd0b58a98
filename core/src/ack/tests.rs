use super::*;
use crate::options::ReadOptions;
use crate::validate::{ValidateOptions, validate};
use time::macros::datetime;

fn parse(text: &str) -> Message {
    crate::api::parse(text.as_bytes(), None, &ReadOptions::default()).unwrap()
}

const LEAD: &str = r#"{"lex":{"header":{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000001","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"PORTAL-001","receiverId":"DEALER-001"},"payload":{"lead":{"leadId":"LEAD-0000-1","status":"CART","source":"CART","customer":{"firstName":"A","lastName":"B","emailAddress":"a@b.io","phoneNumber":"+14155550100"},"desiredProduct":{"productType":"VEHICLE_NEW"},"metadata":{}}},"extensions":[{"namespace":"acme.fleet.x","version":"1.0.0","producer":"ACME-1","producedAt":"2026-04-03T10:00:00Z","data":{"n":1.10}}]}}"#;

fn opts() -> BuildOptions {
    BuildOptions {
        now: Some(datetime!(2026-04-03 12:00 UTC)),
        message_id: Some("0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10".into()),
    }
}

fn vopts() -> ValidateOptions {
    ValidateOptions {
        now: Some(datetime!(2026-04-03 12:00 UTC)),
        ..ValidateOptions::default()
    }
}

/// The schema constraints of an ACKNOWLEDGMENT, checked independently of the engine.
fn assert_schema_clean(ack: &Message) {
    let h = ack.header();
    let id = h.message_id().unwrap();
    let hex = |s: &str| s.bytes().all(|b| b.is_ascii_hexdigit());
    let parts: Vec<&str> = id.split('-').collect();
    assert_eq!(
        parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
        [8, 4, 4, 4, 12]
    );
    assert!(parts.iter().all(|p| hex(p)));
    assert_eq!(h.message_type(), Some("ACKNOWLEDGMENT"));
    assert_eq!(h.version(), Some("1.0"));
    for party in [h.sender_id().unwrap(), h.receiver_id().unwrap()] {
        assert!((3..=50).contains(&party.len()), "{party}");
    }
    let body = ack.body().unwrap();
    let ack_id = body.get("acknowledgmentId").unwrap().as_str().unwrap();
    assert!((10..=50).contains(&ack_id.chars().count()), "{ack_id}");
    assert!(body.get("correlationId").unwrap().as_str().is_some());
    assert!(ACK_STATUSES.contains(&body.get("status").unwrap().as_str().unwrap()));
    assert!(
        crate::datetime::parse_timestamp(body.get("timestamp").unwrap().as_str().unwrap())
            .is_some()
    );
    if let Some(t) = body.get("originalMessageType") {
        assert!(["LEAD", "ASSET", "SUBSCRIPTION", "LEAD_CLOSURE"].contains(&t.as_str().unwrap()));
    }
    let report = validate(ack, &vopts());
    assert!(report.valid, "{:?}", report.errors);
}

#[test]
fn a_valid_lead_is_received() {
    let m = parse(LEAD);
    let report = validate(&m, &vopts());
    let ack = acknowledge_with(&m, Some(&report), None, &opts()).unwrap();
    assert_eq!(
        ack.to_json(false),
        r#"{"lex":{"header":{"messageId":"0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10","messageType":"ACKNOWLEDGMENT","version":"1.0","timestamp":"2026-04-03T12:00:00Z","senderId":"DEALER-001","receiverId":"PORTAL-001","correlationId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000001"},"payload":{"acknowledgment":{"acknowledgmentId":"ACK-0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10","correlationId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000001","originalMessageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000001","originalMessageType":"LEAD","status":"RECEIVED","timestamp":"2026-04-03T12:00:00Z","validationResults":{"isValid":true,"schemaValidation":{"passed":true,"errors":[]},"businessRuleValidation":{"passed":true,"violations":[]}}}}}}"#
    );
    assert_schema_clean(&ack);
    // The original is untouched (passthrough of its extension, number lexeme included).
    assert_eq!(m.to_json(false), LEAD);
}

#[test]
fn statuses_follow_decisions() {
    let closure = parse(
        r#"{"lex":{"header":{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000016","messageType":"LEAD_CLOSURE","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"DEALER-001","receiverId":"PORTAL-001"},"payload":{"leadClosure":{"originalLeadId":"L-1","closureStatus":"WON","leadCreatedDate":"2026-04-01T10:00:00Z","leadClosureDate":"2026-04-03T09:00:00Z"}}}}"#,
    );
    let r = validate(&closure, &vopts());
    let ack = acknowledge_with(&closure, Some(&r), None, &opts()).unwrap();
    assert_eq!(
        ack.body().unwrap().get("status").unwrap().as_str(),
        Some("PROCESSED")
    );
    assert_schema_clean(&ack);
    let lead = parse(LEAD);
    for (given, expected) in [
        ("ACCEPTED", "RECEIVED"),
        ("ERROR", "FAILED"),
        ("DEFERRED", "PROCESSING"),
        ("STORED", "STORED"),
    ] {
        let ack = acknowledge_with(&lead, None, Some(given), &opts()).unwrap();
        assert_eq!(
            ack.body().unwrap().get("status").unwrap().as_str(),
            Some(expected)
        );
        assert!(ack.body().unwrap().get("validationResults").is_none());
    }
    assert_eq!(
        acknowledge(&lead, None, Some("OK")).unwrap_err().code(),
        "INVALID_ARGUMENT"
    );
    let ack = acknowledge(&lead, None, None).unwrap();
    assert_eq!(
        acknowledge(&ack, None, None).unwrap_err().code(),
        "INVALID_ARGUMENT"
    );
}

#[test]
fn an_invalid_message_is_rejected_with_its_issues() {
    // An unknown messageType (CRITICAL, schema layer) and a conflicting alias (rule layer).
    let m = parse(
        r#"{"lex":{"header":{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000003","messageType":"INQUIRY","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"P","receiverId":"DEALER-001"},"payload":{"lead":{"customer":{"email":"a@x.io","emailAddress":"b@x.io"}}}}}"#,
    );
    let report = validate(&m, &vopts());
    assert!(!report.valid);
    let ack = acknowledge_with(&m, Some(&report), None, &opts()).unwrap();
    assert_schema_clean(&ack);
    let b = ack.body().unwrap();
    assert_eq!(b.get("status").unwrap().as_str(), Some("REJECTED"));
    assert!(b.get("originalMessageType").is_none());
    assert_eq!(
        b.get("statusReason").unwrap().as_str(),
        Some(format!("validation failed with {} error(s)", report.errors.len()).as_str())
    );
    // The sender id "P" is too short for the schema: the ACK goes to UNKNOWN.
    assert_eq!(ack.header().receiver_id(), Some("UNKNOWN"));
    let vr = b.get("validationResults").unwrap();
    assert_eq!(vr.get("isValid"), Some(&Value::Bool(false)));
    let schema = vr
        .pointer("/schemaValidation/errors")
        .unwrap()
        .as_array()
        .unwrap();
    let rules = vr
        .pointer("/businessRuleValidation/violations")
        .unwrap()
        .as_array()
        .unwrap();
    let carried: Vec<&str> = schema
        .iter()
        .chain(rules)
        .map(|i| i.get("code").unwrap().as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = report.issues().map(|i| i.code.as_str()).collect();
    let mut got = carried.clone();
    expected.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, expected);
    let enum_item = schema
        .iter()
        .find(|i| i.get("code").unwrap().as_str() == Some("INVALID_ENUM_VALUE"))
        .unwrap();
    assert_eq!(
        enum_item.get("field").unwrap().as_str(),
        Some("lex.header.messageType")
    );
    assert_eq!(enum_item.get("level").unwrap().as_str(), Some("CRITICAL"));
    assert_eq!(
        vr.pointer("/schemaValidation/passed"),
        Some(&Value::Bool(false))
    );
    let alias = rules
        .iter()
        .find(|i| i.get("code").unwrap().as_str() == Some("CONFLICTING_ALIASES"))
        .unwrap();
    assert_eq!(alias.get("severity").unwrap().as_str(), Some("ERROR"));
    assert_eq!(
        alias.get("rule").unwrap().as_str(),
        Some("CONFLICTING_ALIASES")
    );
}

#[test]
fn acknowledgment_ids_respect_the_schema_length() {
    assert_eq!(
        acknowledgment_id("0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10").len(),
        40
    );
    assert_eq!(acknowledgment_id("abcdef"), "ACK-abcdef");
    let short = acknowledgment_id("x");
    assert_eq!(
        short,
        format!("ACK-{}", &crate::dedup::sha256_hex(b"x")[..32])
    );
    let long = acknowledgment_id(&"y".repeat(60));
    assert_eq!(long.len(), 36);
}
