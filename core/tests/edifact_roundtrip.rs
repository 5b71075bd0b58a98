//! EDIFACT writer: round trips (JSON → EDIFACT → JSON is the identical tree), goldens,
//! envelope counts, release-character escaping, charsets and the repeat limit.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod support;

use lex_core::api::EdifactProfile as Profile;
use lex_core::api::WriteOptions;
use lex_core::api::{Limits, ReadMode, ReadOptions};
use lex_core::{Format, Map, Message, Value, api};
use proptest::prelude::*;

fn msg(json: &str) -> Message {
    api::parse(json.as_bytes(), Some(Format::Json), &ReadOptions::default()).unwrap()
}

fn example() -> Message {
    msg(&std::fs::read_to_string("../examples/lead.json").unwrap())
}

fn fixed_profile() -> WriteOptions {
    WriteOptions {
        edifact: Profile {
            control_reference: Some("000000001".into()),
            ..Profile::default()
        },
        ..WriteOptions::default()
    }
}

fn read(text: &str, mode: ReadMode) -> lex_core::Result<Vec<Message>> {
    api::parse_all(
        text.as_bytes(),
        Some(Format::Edifact),
        &ReadOptions {
            mode,
            ..ReadOptions::default()
        },
    )
}

fn segments(text: &str) -> Vec<String> {
    // Splits on unreleased terminators (test helper; the reader has the real tokenizer).
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '?' => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '\'' => out.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    out
}

fn check_golden(name: &str, actual: &str) {
    let path = format!("tests/golden/edifact/{name}");
    if support::bless() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        actual, expected,
        "golden {path} differs (LEX_BLESS=1 rewrites it)"
    );
}

#[test]
fn golden_single_lead() {
    let out = api::serialize(&example(), Format::Edifact, &fixed_profile()).unwrap();
    check_golden("lead.edi", &out);
    let back = read(&out, ReadMode::Strict).unwrap();
    assert_eq!(back[0].root(), example().root());
    assert!(back[0].read_issues().is_empty());
}

#[test]
fn golden_two_messages_unoa_base32() {
    let a = example();
    let mut v = a.root().clone();
    let h = v.get_mut("lex").unwrap().get_mut("header").unwrap();
    h.as_object_mut().unwrap().insert(
        "messageId".into(),
        "0b9d7c1e-2f4a-4c3b-8d5e-6f7a8b9c0d1e".into(),
    );
    let b = Message::from_value(v, Format::Json).unwrap();
    let opts = WriteOptions {
        pretty: false,
        edifact: Profile {
            syntax_identifier: "UNOA".into(),
            control_reference: Some("42".into()),
            test_indicator: true,
            application_reference: Some("ORDERS".into()),
            ..Profile::default()
        },
        ..WriteOptions::default()
    };
    let out = api::serialize_all(&[a.clone(), b.clone()], Format::Edifact, &opts).unwrap();
    check_golden("two-messages-unoa.edi", &out);
    assert!(out.contains(
        "UNB+UNOA:3+PORTAL-NORTHWIND:ZZZ+DEALER-CONTOSO-017:ZZZ+260504:0930+42++ORDERS++++1'"
    ));
    assert!(
        out.contains("NAD+BY+++AMARA OKAFOR'"),
        "UNOA core view is upper case"
    );
    assert!(out.contains("+LXP1:B32:"));
    assert!(out.ends_with("UNZ+2+42'"));
    let back = read(&out, ReadMode::Strict).unwrap();
    assert_eq!(back.len(), 2);
    assert_eq!(back[0].root(), a.root());
    assert_eq!(back[1].root(), b.root());
}

#[test]
fn counts_and_references_are_computed() {
    let out = api::serialize_all(
        &[example(), example(), example()],
        Format::Edifact,
        &fixed_profile(),
    )
    .unwrap();
    assert!(out.starts_with("UNA:+.? '\nUNB+"));
    let segs = segments(&out);
    let unh: Vec<usize> = segs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.starts_with("UNH+"))
        .map(|(i, _)| i)
        .collect();
    let unt: Vec<usize> = segs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.starts_with("UNT+"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(unh.len(), 3);
    for (n, (&h, &t)) in unh.iter().zip(&unt).enumerate() {
        assert_eq!(segs[h], format!("UNH+{}+ORDERS:D:96A:UN:LEX10", n + 1));
        assert_eq!(segs[t], format!("UNT+{}+{}", t - h + 1, n + 1));
        assert!(segs[h..t].iter().any(|s| s == "UNS+S"));
        assert!(segs[h..t].iter().any(|s| s == "CNT+2:1"));
    }
    assert_eq!(segs.last().unwrap(), "UNZ+3+000000001");
}

#[test]
fn default_control_reference_is_reproducible() {
    let a = api::serialize(&example(), Format::Edifact, &WriteOptions::default()).unwrap();
    let b = api::serialize(&example(), Format::Edifact, &WriteOptions::default()).unwrap();
    assert_eq!(a, b);
    let unb = segments(&a)[1].clone();
    let r = unb.rsplit('+').next().unwrap();
    assert_eq!(r.len(), 9);
    assert!(r.bytes().all(|b| b.is_ascii_digit()));
}

#[test]
fn release_characters_everywhere_and_lengths_in_core_view() {
    let long = "X".repeat(60);
    let m = msg(&format!(
        r#"{{"lex":{{"header":{{"messageId":"id?+:'*1","messageType":"LEAD","version":"1.0","timestamp":"2026-05-04T09:30:00+02:00","senderId":"S?ND+ER:1'","receiverId":"R"}},"payload":{{"lead":{{"leadId":"{long}","status":"ORDER","customer":{{"firstName":"Zoë","lastName":"O'Brien+Co","emailAddress":"a?b@x.io","phoneNumber":"+1 (312) 555"}}}}}}}}}}"#
    ));
    let out = api::serialize(&m, Format::Edifact, &fixed_profile()).unwrap();
    assert!(
        out.contains("UNB+UNOC:3+S??ND?+ER?:1?':ZZZ+R:ZZZ+260504:0730+000000001'"),
        "{out}"
    );
    assert!(out.contains(&format!("BGM+220:::LEAD+{}+9'", "X".repeat(35))));
    assert!(out.contains("DTM+137:20260504073000:204'"));
    assert!(out.contains("NAD+BY+++Zoe O?'Brien?+Co'"));
    assert!(out.contains("COM+a??b@x.io:EM'"));
    assert!(out.contains("COM+?+1 (312) 555:TE'"));
    for s in segments(&out)
        .iter()
        .filter(|s| s.starts_with("FTX+ZZZ++LXD+"))
    {
        let data = &s["FTX+ZZZ++LXD+".len()..];
        let mut comps = Vec::new();
        let mut cur = String::new();
        let mut it = data.chars();
        while let Some(c) = it.next() {
            if c == '?' {
                cur.push(c);
                cur.push(it.next().unwrap());
            } else if c == ':' {
                comps.push(std::mem::take(&mut cur));
            } else {
                cur.push(c);
            }
        }
        comps.push(cur);
        assert!(comps.len() <= 5);
        for c in comps {
            assert!(c.chars().count() <= 70, "{c}");
            assert!(!c.starts_with(' ') && !c.ends_with(' '));
        }
    }
    let back = read(&out, ReadMode::Strict).unwrap();
    assert_eq!(back[0].root(), m.root());
}

#[test]
fn payload_beyond_repeat_limit_is_unrepresentable() {
    let big = "y".repeat(40_000);
    let m = msg(&format!(
        r#"{{"lex":{{"header":{{"messageId":"m","messageType":"LEAD","senderId":"S","receiverId":"R"}},"payload":{{"lead":{{"note":"{big}"}}}}}}}}"#
    ));
    let e = api::serialize(&m, Format::Edifact, &WriteOptions::default()).unwrap_err();
    assert_eq!(e.code(), "UNREPRESENTABLE");
    assert!(
        e.message.contains("needs 116 header FTX segments"),
        "{}",
        e.message
    );
    assert!(e.message.contains("allows 99"), "{}", e.message);
    assert!(e.message.contains("40"), "{}", e.message);
    let allowed = WriteOptions {
        edifact: Profile {
            allow_exceeding_repeats: true,
            ..Profile::default()
        },
        ..WriteOptions::default()
    };
    let out = api::serialize(&m, Format::Edifact, &allowed).unwrap();
    assert_eq!(read(&out, ReadMode::Strict).unwrap()[0].root(), m.root());
}

#[test]
fn profile_errors_are_invalid_arguments() {
    for (id, v) in [("IATB", "3"), ("UNOW", "3"), ("UNOC", "9")] {
        let o = WriteOptions {
            edifact: Profile {
                syntax_identifier: id.into(),
                syntax_version: v.into(),
                ..Profile::default()
            },
            ..WriteOptions::default()
        };
        assert_eq!(
            api::serialize(&example(), Format::Edifact, &o)
                .unwrap_err()
                .code(),
            "INVALID_ARGUMENT"
        );
    }
    // No header ids: the placeholder policy shared with X12 (issue 25 defect 4; see
    // envelope_placeholder_ids.rs), not an error.
    let no_ids = msg(r#"{"lex":{"header":{"messageType":"LEAD"},"payload":{"lead":{}}}}"#);
    let (text, warnings) = api::serialize_with_warnings(
        std::slice::from_ref(&no_ids),
        Format::Edifact,
        &WriteOptions::default(),
    )
    .unwrap();
    assert!(text.contains("+LEX:ZZZ+LEX:ZZZ+"), "{text}");
    assert_eq!(warnings.len(), 2);
    assert_eq!(
        api::serialize_all(&[], Format::Edifact, &WriteOptions::default())
            .unwrap_err()
            .code(),
        "INVALID_ARGUMENT"
    );
}

#[test]
fn syntax4_unow_keeps_unicode_in_core_view() {
    let m = msg(
        r#"{"lex":{"header":{"messageId":"m1","messageType":"LEAD","timestamp":"2026-01-02T03:04:05Z","senderId":"S","receiverId":"R"},"payload":{"lead":{"leadId":"L*1","customer":{"firstName":"Łukasz","lastName":"Żółw"}}}}}"#,
    );
    let o = WriteOptions {
        edifact: Profile {
            syntax_identifier: "UNOW".into(),
            syntax_version: "4".into(),
            ..Profile::default()
        },
        ..WriteOptions::default()
    };
    let out = api::serialize(&m, Format::Edifact, &o).unwrap();
    assert!(out.starts_with("UNA:+.?*'\nUNB+UNOW:4+S:ZZZ+R:ZZZ+20260102:0304+"));
    assert!(out.contains("BGM+220:::LEAD+L?*1+9'"));
    assert!(out.contains("NAD+BY+++Łukasz Żółw'"));
    assert_eq!(read(&out, ReadMode::Strict).unwrap()[0].root(), m.root());
}

// ---- generated round trips -------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("?".to_string()),
        Just("+".to_string()),
        Just(":".to_string()),
        Just("'".to_string()),
        Just("*".to_string()),
        Just("  ".to_string()),
        Just(" ".to_string()),
        Just("\\".to_string()),
        Just("\"".to_string()),
        Just("\n\t\u{1}".to_string()),
        Just("é€😀".to_string()),
        "[a-zA-Z0-9]{1,12}",
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just("15.0"),
        Just("-0"),
        Just("1e5"),
        Just("123456789012345678901234567890"),
        Just("0.000001"),
        Just("-12.5E-3"),
        Just("7"),
    ]
    .prop_map(|l| lex_core::api::value_from_json(l.as_bytes(), &Limits::default()).unwrap())
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..4).prop_map(|kv| {
                let mut m = Map::default();
                for (k, v) in kv {
                    m.insert(k, v);
                }
                Value::Object(m)
            }),
        ]
    })
}

fn lead_message() -> impl Strategy<Value = Message> {
    (
        text(),
        text(),
        text(),
        prop::sample::select(lex_core::api::STATUSES.to_vec()),
        json(),
        any::<bool>(),
    )
        .prop_map(|(id, first, last, status, ext, with_product)| {
            let mut customer = Map::default();
            customer.insert("firstName".into(), first.into());
            customer.insert("lastName".into(), last.clone().into());
            customer.insert("emailAddress".into(), format!("{last}@example.org").into());
            let mut lead = Map::default();
            lead.insert("leadId".into(), id.clone().into());
            lead.insert("status".into(), status.into());
            lead.insert("customer".into(), Value::Object(customer));
            if with_product {
                let mut p = Map::default();
                p.insert("model".into(), id.clone().into());
                p.insert("year".into(), Value::int(2026));
                lead.insert("desiredProduct".into(), Value::Object(p));
            }
            let mut header = Map::default();
            header.insert("messageId".into(), format!("id-{id}").into());
            header.insert("messageType".into(), "LEAD".into());
            header.insert("version".into(), "1.0".into());
            header.insert("timestamp".into(), "2026-05-04T09:30:00Z".into());
            header.insert("senderId".into(), "SENDER".into());
            header.insert("receiverId".into(), "RECEIVER".into());
            let mut ext_entry = Map::default();
            ext_entry.insert("namespace".into(), "acme.test.gen".into());
            ext_entry.insert("data".into(), ext);
            let mut payload = Map::default();
            payload.insert("lead".into(), Value::Object(lead));
            let mut lex = Map::default();
            lex.insert("header".into(), Value::Object(header));
            lex.insert("payload".into(), Value::Object(payload));
            lex.insert(
                "extensions".into(),
                Value::Array(vec![Value::Object(ext_entry)]),
            );
            let mut root = Map::default();
            root.insert("lex".into(), Value::Object(lex));
            Message::from_value(Value::Object(root), Format::Json).unwrap()
        })
}

proptest! {
    // 1,000 cases in `make test`; `make stress` raises it through PROPTEST_CASES.
    #![proptest_config(ProptestConfig::with_cases(support::cases(1000)))]

    #[test]
    fn json_edifact_json_is_identity(
        msgs in prop::collection::vec(lead_message(), 1..4),
        charset in prop::sample::select(vec![("UNOC", "3"), ("UNOA", "3"), ("UNOB", "2"), ("UNOW", "4"), ("UNOD", "3"), ("UNOY", "4")]),
        pretty in any::<bool>(),
    ) {
        let opts = WriteOptions {
            pretty,
            edifact: Profile {
                syntax_identifier: charset.0.into(),
                syntax_version: charset.1.into(),
                ..Profile::default()
            },
            ..WriteOptions::default()
        };
        let out = api::serialize_all(&msgs, Format::Edifact, &opts).unwrap();
        let back = read(&out, ReadMode::Strict).unwrap();
        prop_assert_eq!(back.len(), msgs.len());
        for (a, b) in msgs.iter().zip(&back) {
            prop_assert_eq!(a.root(), b.root());
        }
    }
}
