//! Untrusted shapes never panic the lifecycle operations: arbitrary JSON in the consent
//! record, the governance block, the extensions and the TTL/retry header members.

#![allow(clippy::unwrap_used)] // test helpers may unwrap, like the tests themselves

mod support;

use lex_core::api::ValidateOptions;
use lex_core::api::{self as dedup};
use lex_core::{Map, Value, api};
use proptest::prelude::*;
use time::macros::datetime;

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::int),
        prop_oneof![
            Just("9223372036854775807"),
            Just("-1e309"),
            Just("0.5"),
            Just("-0")
        ]
        .prop_map(|l| Value::Number(lex_core::Number::from_lexeme(l).unwrap())),
        prop_oneof![
            Just("2026-04-03T12:00:00Z".to_string()),
            Just("9999-12-31T23:59:59Z".to_string()),
            Just("lex.core.x".to_string()),
            Just("RESTRICTED".to_string()),
            Just("DEALER-001".to_string()),
            ".{0,12}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("legalBasis"),
            Just("retentionPeriodDays"),
            Just("consentTimestamp"),
            Just("ipAddress"),
            Just("statesOptedOut"),
            Just("forwardingPolicy"),
            Just("allowedRecipients"),
            Just("blockedRecipients"),
            Just("declaredAt"),
            Just("retentionPolicy"),
            Just("maxRetentionDays"),
            Just("aiGovernance"),
            Just("retentionLimitDays"),
            Just("namespace"),
            Just("version"),
            Just("gdpr"),
            Just("tcpa"),
            Just("ccpa"),
            Just("expiresAt"),
            Just("maxAgeSeconds"),
            Just("attemptNumber"),
            Just("onExpiry"),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..5).prop_map(|kv| {
                let mut m = Map::default();
                for (k, v) in kv {
                    m.insert(k.to_string(), v);
                }
                Value::Object(m)
            }),
        ]
    })
}

fn message(
    consent: Value,
    governance: Value,
    extensions: Value,
    ttl: Value,
    retry: Value,
) -> Value {
    let text = r#"{"lex":{"header":{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000001","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"PORTAL-001","receiverId":"DEALER-001"},"payload":{"lead":{"leadId":"L-1","status":"CART","customer":{"lastName":"Ø","emailAddress":"a@b.io","address":{"countryCode":"US","state":"CA"}},"aiInsights":{},"deduplication":{"deduplicationWindowHours":720}}}}}"#;
    let mut root = lex_core::api::value_from_json(text.as_bytes(), &Default::default()).unwrap();
    let lex = root.get_mut("lex").unwrap().as_object_mut().unwrap();
    lex.insert("dataGovernance".into(), governance);
    lex.insert("extensions".into(), extensions);
    let header = lex.get_mut("header").unwrap().as_object_mut().unwrap();
    header.insert("ttl".into(), ttl);
    header.insert("retryContext".into(), retry);
    let lead = root.pointer("/lex/payload/lead").cloned().unwrap();
    let mut lead = lead.as_object().unwrap().clone();
    lead.insert("consentRecord".into(), consent);
    root.get_mut("lex")
        .unwrap()
        .get_mut("payload")
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert("lead".into(), Value::Object(lead));
    root
}

/// 192 cases in `make test`; `make stress-lifecycle` sets `PROPTEST_CASES`.
fn cases() -> u32 {
    support::cases(192)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn rule_families_and_receiver_never_panic(
        consent in json(), governance in json(), extensions in json(), ttl in json(), retry in json(),
        recipient in ".{0,10}",
    ) {
        let msg = api::from_value(message(consent, governance, extensions, ttl, retry)).unwrap();
        let now = datetime!(2026-04-03 12:00 UTC);
        // The rule families run inside validation; running it twice changes nothing.
        let level3 = ValidateOptions { level: 3, now: Some(now), include_info: true, ..ValidateOptions::default() };
        let once = api::validate(&msg, &level3);
        prop_assert_eq!(&api::validate(&msg, &level3), &once, "validation is deterministic");
        let _ = api::may_forward_at(&msg, &recipient, now);
        let rx = api::Receiver::new(ValidateOptions { level: 3, now: Some(now), ..ValidateOptions::default() });
        let r = rx.receive_message(msg.clone());
        prop_assert_eq!(&r.message, &msg);
        let _ = r.to_value();
        let _ = api::acknowledge(&msg, Some(&r.report), None).unwrap();
    }

    #[test]
    fn fingerprints_are_lower_hex_and_ignore_case_and_spaces(
        e in "[a-zA-Z0-9.@]{0,20}", p in ".{0,20}", n in "[a-zA-Z ]{0,12}",
    ) {
        let f = dedup::fingerprint(&e, &p, &n);
        prop_assert!(dedup::is_fingerprint(&f));
        let shouted = dedup::fingerprint(
            &format!("  {} ", e.to_ascii_uppercase()),
            &format!("({p})"),
            &format!("\t{}\n", n.to_ascii_uppercase()),
        );
        prop_assert_eq!(f, shouted);
    }
}
