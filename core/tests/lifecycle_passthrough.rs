//! Passthrough (NS-RULE-4/5): extensions with unknown namespaces, unknown members and exact
//! number lexemes survive every lifecycle operation byte for byte.

#![allow(clippy::unwrap_used)] // test helpers may unwrap, like the tests themselves

use lex_core::api::BuildOptions;
use lex_core::api::ValidateOptions;
use lex_core::api::WriteOptions;
use lex_core::api::{Limits, ReadOptions};
use lex_core::{Format, MessageType, Value, api};
use time::macros::datetime;

const INPUT: &str = r#"{"lex":{"header":{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000777","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"PORTAL-001","receiverId":"DEALER-001","x-trace":{"hops":[1,2.50,-0.0,1e3]}},"payload":{"lead":{"leadId":"LEAD-PT-0001","status":"EXPRESSED_INTEREST","source":"RETAILER_WEBSITE","customer":{"firstName":"Zoë","lastName":"Østergård","emailAddress":"zoe@example.no","phoneNumber":"+4722334455","loyalty":{"tier":"GOLD"}},"desiredProduct":{"productType":"VEHICLE_NEW","trim":"Ultimate"},"consentRecord":{"gdpr":{"legalBasis":"CONSENT"}},"metadata":{"createdDate":"2026-04-01T10:00:00Z","countryCode":"NO"},"extensions":{"legacy.object.form":{"k":"v"}},"zzz":null}},"extensions":[{"namespace":"acme.fleet.pricing","version":"2.1.0-rc.1+build.9","producer":"ACME-FLEET-001","producedAt":"2026-04-03T09:00:00Z","data":{"discount":1.50,"big":123456789012345678901234567890,"regions":["DE","AT"],"nested":{"z":null,"a":true,"e":"é\n\"q\"\u0001"}}},{"namespace":"vendor.unknown.thing","version":"9.0.0","producer":"VENDOR-9","producedAt":"2026-04-03T09:00:01Z","data":null},{"namespace":"lex.core.ev","version":"3.0.0","producer":"ORG-EV-1","producedAt":"2026-04-03T09:00:02Z","schemaUri":"lex://registry/extensions/lex.core.ev/3.0.0","data":[{"kWh":77.40}]}],"dataGovernance":{"dataOwner":"PORTAL-001","forwardingPolicy":"OPEN","analyticsAllowed":true,"trainingDataAllowed":false,"declaredAt":"2026-03-28T09:00:00Z","declaredBy":"PORTAL-001"}}}"#;

fn vopts(level: u8) -> ValidateOptions {
    ValidateOptions {
        level,
        now: Some(datetime!(2026-04-03 12:00 UTC)),
        ..ValidateOptions::default()
    }
}

fn canonical(text: &str) -> String {
    api::parse(text.as_bytes(), None, &ReadOptions::default())
        .unwrap()
        .to_json(false)
}

#[test]
fn convert_json_to_json_is_byte_identical() {
    let compact = WriteOptions {
        pretty: false,
        ..WriteOptions::default()
    };
    let out = api::convert(
        INPUT.as_bytes(),
        Format::Json,
        None,
        &ReadOptions::default(),
        &compact,
    )
    .unwrap();
    // The input is canonical compact JSON: the output is the input, byte for byte.
    assert_eq!(out, INPUT);
    assert_eq!(canonical(INPUT), INPUT);
    // And converting the output again changes nothing.
    let again = api::convert(
        out.as_bytes(),
        Format::Json,
        None,
        &ReadOptions::default(),
        &compact,
    )
    .unwrap();
    assert_eq!(again, out);
    for lexeme in [
        "2.50",
        "-0.0",
        "1e3",
        "123456789012345678901234567890",
        "77.40",
    ] {
        assert!(out.contains(lexeme), "{lexeme}");
    }
}

#[test]
fn validation_acknowledgment_and_forwarding_leave_the_message_untouched() {
    let reference = canonical(INPUT);
    let msg = api::parse(INPUT.as_bytes(), None, &ReadOptions::default()).unwrap();
    for level in 1..=3 {
        let report = api::validate(&msg, &vopts(level));
        // Unknown namespaces never invalidate; lex.core.ev@3 is only ahead of the registry.
        assert!(
            report.issues().all(|i| !i.code.starts_with("EXT_RESERVED")),
            "{report:?}"
        );
        // The extension and governance families run inside validation.
        assert!(report.issues().all(|i| !i.level.is_failure()), "{report:?}");
        let ack = api::acknowledge_with(
            &msg,
            Some(&report),
            None,
            &BuildOptions {
                now: Some(datetime!(2026-04-03 12:00 UTC)),
                message_id: Some("0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10".into()),
            },
        )
        .unwrap();
        assert_eq!(
            ack.body().unwrap().get("status").and_then(Value::as_str),
            Some("RECEIVED")
        );
        assert!(api::may_forward(&msg, "ANY-ORG-001").allowed);
        assert_eq!(msg.to_json(false), reference);
    }
    // Re-validating the converted text gives the same report.
    let converted = api::parse(reference.as_bytes(), None, &ReadOptions::default()).unwrap();
    assert_eq!(
        api::validate(&converted, &vopts(3)),
        api::validate(&msg, &vopts(3))
    );
    let ext = lex_core::api::extension_namespaces(&msg);
    assert_eq!(
        ext,
        ["acme.fleet.pricing", "vendor.unknown.thing", "lex.core.ev"]
    );
}

#[test]
fn the_receiver_keeps_the_message_byte_for_byte() {
    let reference = canonical(INPUT);
    let rx = api::Receiver::new(vopts(2));
    let r = rx.receive(INPUT.as_bytes()).unwrap();
    assert_eq!(r.outcome, api::Outcome::Accepted);
    assert_eq!(r.message.to_json(false), reference);
    let replay = rx.receive(reference.as_bytes()).unwrap();
    assert!(replay.duplicate);
    assert_eq!(replay.message.to_json(false), reference);
}

#[test]
fn new_message_keeps_unknown_payload_members() {
    let body_text = r#"{"leadId":"LEAD-PT-0002","status":"CART","source":"CART","customer":{"firstName":"A","lastName":"B","emailAddress":"a@b.io","phoneNumber":"+14155550100","x":{"n":1.0}},"desiredProduct":{"productType":"VEHICLE_NEW"},"metadata":{},"vendorBlock":[1.10,{"deep":[null]}]}"#;
    let body = lex_core::api::value_from_json(body_text.as_bytes(), &Limits::default()).unwrap();
    let msg = api::new_message_with(
        MessageType::Lead,
        body,
        "PORTAL-001",
        "DEALER-001",
        &BuildOptions {
            now: Some(datetime!(2026-04-03 12:00 UTC)),
            message_id: Some("0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10".into()),
        },
    )
    .unwrap();
    let lead = msg.pointer("/lex/payload/lead").unwrap();
    assert_eq!(lex_core::api::value_to_json(lead, false), body_text);
}
