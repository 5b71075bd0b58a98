//! CLI tests for `lexedi ack`, `fingerprint`, `new` and `receive`.

#![allow(clippy::unwrap_used)] // test helpers may unwrap, like the tests themselves

use std::path::PathBuf;
use std::process::{Command, Output};

fn lexedi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lexedi"))
        .args(args)
        .output()
        .expect("run lexedi")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A scratch file unique to this test process.
fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lexedi-lifecycle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn lead(n: u32, lead_id: &str, status: &str, header_extra: &str) -> String {
    format!(
        r#"{{"lex":{{"header":{{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-{n:012}","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"PORTAL-001","receiverId":"DEALER-001"{header_extra}}},"payload":{{"lead":{{"leadId":"{lead_id}","status":"{status}","source":"RETAILER_WEBSITE","customer":{{"firstName":"Jane","lastName":"Smith","emailAddress":"jane.smith@example.com","phoneNumber":"+14155551234"}},"desiredProduct":{{"productType":"VEHICLE_NEW"}},"metadata":{{"createdDate":"2026-04-01T10:00:00Z"}}}}}}}}}}"#
    )
}

#[test]
fn fingerprint_prints_the_hash() {
    let o = lexedi(&[
        "fingerprint",
        "--email",
        " Jane.Smith@Example.com ",
        "--phone",
        "+1 (415) 555-1234",
        "--last-name",
        " Smith ",
        "--show-input",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "e2e4f6dbeafc638514584d10d630e5e3739f574308b20ae1cc80681e9e39d1d1\njane.smith@example.com|4155551234|smith\n"
    );
    let o = lexedi(&["fingerprint", "--last-name", "Smith"]);
    assert_eq!(o.status.code(), Some(64), "a usage error (issue 25)");
    assert!(String::from_utf8_lossy(&o.stderr).contains("INVALID_ARGUMENT"));
}

#[test]
fn ack_writes_the_acknowledgment() {
    let f = scratch("ack-lead.json", &lead(1, "LEAD-0000-1", "CART", ""));
    let o = lexedi(&[
        "ack",
        f.to_str().unwrap(),
        "--now",
        "2026-04-03T12:00:00Z",
        "--message-id",
        "0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10",
        "--no-validate",
        "--compact",
    ]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(
        stdout(&o),
        "{\"lex\":{\"header\":{\"messageId\":\"0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10\",\"messageType\":\"ACKNOWLEDGMENT\",\"version\":\"1.0\",\"timestamp\":\"2026-04-03T12:00:00Z\",\"senderId\":\"DEALER-001\",\"receiverId\":\"PORTAL-001\",\"correlationId\":\"a1b2c3d4-e5f6-4a7b-8c9d-000000000001\"},\"payload\":{\"acknowledgment\":{\"acknowledgmentId\":\"ACK-0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10\",\"correlationId\":\"a1b2c3d4-e5f6-4a7b-8c9d-000000000001\",\"originalMessageId\":\"a1b2c3d4-e5f6-4a7b-8c9d-000000000001\",\"originalMessageType\":\"LEAD\",\"status\":\"RECEIVED\",\"timestamp\":\"2026-04-03T12:00:00Z\"}}}}\n"
    );
    // Validated with a clock before the message: TIMESTAMP_IN_FUTURE → REJECTED.
    let o = lexedi(&[
        "ack",
        f.to_str().unwrap(),
        "--now",
        "2026-04-01T00:00:00Z",
        "--compact",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("\"status\":\"REJECTED\""));
    assert!(stdout(&o).contains("\"code\":\"TIMESTAMP_IN_FUTURE\""));
    let o = lexedi(&["ack", f.to_str().unwrap(), "--status", "NOPE"]);
    assert_eq!(o.status.code(), Some(64), "a bad flag value (issue 25)");
    assert!(String::from_utf8_lossy(&o.stderr).contains("INVALID_ARGUMENT"));
    let o = lexedi(&["ack", "does-not-exist.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("IO_ERROR"));
}

#[test]
fn new_wraps_a_payload() {
    let p = scratch(
        "payload.json",
        r#"{"leadId":"LEAD-0000-9","status":"CART","source":"CART","customer":{"firstName":"A","lastName":"B","emailAddress":"a@b.io","phoneNumber":"+14155550100"},"desiredProduct":{"productType":"VEHICLE_NEW"},"metadata":{}}"#,
    );
    let o = lexedi(&[
        "new",
        "--type",
        "LEAD",
        "--payload",
        p.to_str().unwrap(),
        "--from",
        "PORTAL-001",
        "--to",
        "DEALER-001",
        "--now",
        "2026-04-03T12:00:00Z",
        "--message-id",
        "0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10",
        "--compact",
    ]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(stdout(&o).starts_with(
        "{\"lex\":{\"header\":{\"messageId\":\"0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10\",\"messageType\":\"LEAD\",\"version\":\"1.0\",\"timestamp\":\"2026-04-03T12:00:00Z\",\"senderId\":\"PORTAL-001\",\"receiverId\":\"DEALER-001\"},\"payload\":{\"lead\":{\"leadId\":\"LEAD-0000-9\""
    ));
    // Without --message-id a fresh UUID; the result validates.
    let o = lexedi(&[
        "new",
        "--type",
        "lead",
        "--payload",
        p.to_str().unwrap(),
        "--from",
        "PORTAL-001",
        "--to",
        "DEALER-001",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = scratch("new-out.json", &stdout(&o));
    let v = lexedi(&["validate", out.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0), "{v:?}");
    // An invalid payload is refused with the issues listed.
    let bad = scratch(
        "bad-payload.json",
        r#"{"customer":{"email":"a@x.io","emailAddress":"b@x.io"}}"#,
    );
    let o = lexedi(&[
        "new",
        "--type",
        "LEAD",
        "--payload",
        bad.to_str().unwrap(),
        "--from",
        "PORTAL-001",
        "--to",
        "DEALER-001",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(
        err.contains("INVALID_ARGUMENT") && err.contains("CONFLICTING_ALIASES"),
        "{err}"
    );
    let o = lexedi(&[
        "new",
        "--type",
        "INQUIRY",
        "--payload",
        p.to_str().unwrap(),
        "--from",
        "A-1",
        "--to",
        "B-1",
    ]);
    assert_eq!(
        o.status.code(),
        Some(64),
        "a bad --type is a usage error (issue 25)"
    );
}

#[test]
fn receive_runs_one_receiver_over_the_sequence() {
    let a = scratch("r1.json", &lead(11, "LEAD-0000-R", "DELIVERED", ""));
    let b = scratch("r2.json", &lead(12, "LEAD-0000-R", "IN_NEGOTIATION", ""));
    let ttl = r#","ttl":{"expiresAt":"2026-04-03T11:00:00Z","onExpiry":"DLQ"}"#;
    let c = scratch("r3.json", &lead(13, "LEAD-0000-T", "CART", ttl));
    let args = [
        "receive",
        a.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        c.to_str().unwrap(),
        "--now",
        "2026-04-03T12:00:00Z",
    ];
    let o = lexedi(&args);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].ends_with("a1b2c3d4-e5f6-4a7b-8c9d-000000000011 ACCEPTED 200 ack=RECEIVED"),
        "{text}"
    );
    assert!(
        lines[1].ends_with("ACCEPTED 200 ack=RECEIVED replay"),
        "{text}"
    );
    assert!(lines[2].ends_with("REJECTED 422 ack=REJECTED"), "{text}");
    assert!(
        text.contains("  ERROR INVALID_STATUS_TRANSITION lead.status"),
        "{text}"
    );
    assert!(lines[3].ends_with("DEAD_LETTER 410 routing=DLQ"), "{text}");
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let o = lexedi(&json_args);
    let out = stdout(&o);
    let first = out.lines().next().unwrap();
    assert!(first.contains("\"outcome\":\"ACCEPTED\",\"duplicate\":false,\"httpStatus\":200,\"valid\":true,\"ackStatus\":\"RECEIVED\""), "{first}");
    assert!(
        out.lines()
            .nth(3)
            .unwrap()
            .contains("\"routing\":\"DLQ\",\"deadLetterReason\":\"TTL_EXPIRED\"")
    );
    let o = lexedi(&["receive", "missing.json"]);
    assert_eq!(o.status.code(), Some(2));
}
