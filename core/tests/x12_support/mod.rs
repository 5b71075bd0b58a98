//! Shared helpers of the X12 tests: a small generator of LEX messages of all five types
//! (until the shared generator lands) and upstream-file access.

#![allow(dead_code, clippy::unwrap_used)]

use lex_core::api::{ControlNumbers, WriteOptions, X12Profile as Profile};
use lex_core::{Format, Map, Message, Number, Value};
use proptest::prelude::*;
use std::path::PathBuf;

/// X12 through the façade, under the names the X12 tests use.
#[allow(dead_code)] // each test file uses a part
pub mod x12 {
    use lex_core::api::{self, ReadOptions, WriteOptions};
    #[allow(unused_imports)] // each test file uses a part
    pub use lex_core::api::{
        ControlNumbers, Counter, LineEnding, PayloadEncoding, X12Profile as Profile,
    };
    use lex_core::{Format, Message, Result, Value};

    /// Reads every 850 of an X12 interchange.
    pub fn read(input: &[u8], opts: &ReadOptions) -> Result<Vec<Message>> {
        api::parse_all(input, Some(Format::X12), opts)
    }

    /// The 997 answering `input`, written with `profile`.
    pub fn functional_ack(input: &[u8], read: &ReadOptions, profile: &Profile) -> Result<String> {
        let write = WriteOptions {
            x12: profile.clone(),
            ..WriteOptions::default()
        };
        api::x12_functional_ack_with(input, read, &write)
    }

    /// The 997s of an interchange, one tree per acknowledged group.
    pub fn read_functional_ack(input: &[u8], opts: &ReadOptions) -> Result<Vec<Value>> {
        match api::x12_read_functional_ack(input, opts)? {
            Value::Array(items) => Ok(items),
            other => Ok(vec![other]),
        }
    }
}

/// Writing through the façade, under the name the X12 tests use.
#[allow(dead_code)] // each test file uses a part
pub mod codec {
    pub use lex_core::api::WriteOptions;
    use lex_core::{Format, Message, Result, api};

    /// Writes messages in `format` (one X12 interchange for several).
    pub fn write(messages: &[Message], format: Format, opts: &WriteOptions) -> Result<String> {
        api::serialize_all(messages, format, opts)
    }
}

/// The repository root (the parent of `core/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Reads an upstream LEX file from the standard (`LEX_SPEC_DIR`, see `support::spec_dir`).
/// Tests call `support::spec_or_skip` first, so a missing standard skips instead of panicking.
pub fn upstream(rel: &str) -> Vec<u8> {
    let p = crate::support::spec_dir().join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// A fixed, reproducible write profile (clock and control numbers pinned).
pub fn fixed_options() -> WriteOptions {
    WriteOptions {
        x12: Profile {
            control_numbers: ControlNumbers::Fixed {
                interchange: 42,
                group: 7,
            },
            now: Some(time::macros::datetime!(2026-04-03 12:00 UTC)),
            ..Profile::default()
        },
        ..WriteOptions::default()
    }
}

/// Builds a message from JSON text.
pub fn msg(json: &str) -> Message {
    lex_core::api::parse(json.as_bytes(), Some(Format::Json), &Default::default()).unwrap()
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 ._-]{0,16}",
        ".{0,12}",
        "[ *~>^:\\\\\"{}]{0,6}",
        Just("  leading and trailing  ".to_string()),
        Just("Zoë Ørsted 😀 漢字".to_string()),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::int),
        prop_oneof![
            Just("15.0"),
            Just("1e3"),
            Just("-0.5E-7"),
            Just("9007199254740993.25")
        ]
        .prop_map(|s| Value::Number(Number::from_lexeme(s).unwrap())),
        text().prop_map(Value::String),
    ]
}

/// Arbitrary JSON (small and shallow), for extension data and unknown fields.
pub fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 16, 4, |inner| {
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

fn obj(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Map::default();
    for (k, v) in pairs {
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}

fn s(v: String) -> Value {
    Value::String(v)
}

const STATUSES: [&str; 5] = ["EXPRESSED_INTEREST", "SHOPPING", "ORDER", "RECEIVED", "WON"];
const TYPES: [&str; 5] = [
    "LEAD",
    "ASSET",
    "ACKNOWLEDGMENT",
    "SUBSCRIPTION",
    "LEAD_CLOSURE",
];

/// One LEX message of any of the five types, with odd strings, numbers and extension data.
pub fn message() -> impl Strategy<Value = Message> {
    (
        0usize..5,
        (text(), text(), text(), text()),
        (0usize..5, any::<u32>(), json(), json()),
        (any::<bool>(), any::<bool>(), 2000i32..2100),
    )
        .prop_map(
            |(t, (id, sender, receiver, name), (st, n, extra, ext), (opt, trade, year))| {
                let mtype = TYPES[t];
                let uuid = format!("5f0c6a52-3d1e-4b8a-9c41-{:012x}", n);
                let header = obj(vec![
                    ("messageId", s(uuid)),
                    ("messageType", s(mtype.into())),
                    ("version", s("1.0".into())),
                    ("timestamp", s(format!("{year}-05-04T09:30:00.25+02:00"))),
                    ("senderId", s(sender)),
                    ("receiverId", s(receiver)),
                ]);
                let status = s(STATUSES[st].into());
                let body = match mtype {
                    "LEAD" => {
                        let mut product = vec![
                            ("make", s(name.clone())),
                            ("model", s(id.clone())),
                            ("year", Value::int(i64::from(year))),
                        ];
                        if opt {
                            product.push((
                                "installedOptions",
                                Value::Array(vec![obj(vec![
                                    ("name", s(name.clone())),
                                    ("partNumber", s(id.clone())),
                                    (
                                        "estimatedValue",
                                        Value::Number(Number::from_lexeme("3900.50").unwrap()),
                                    ),
                                ])]),
                            ));
                        }
                        let mut lead = vec![
                            ("leadId", s(id.clone())),
                            ("status", status),
                            ("source", s("RETAILER_WEBSITE".into())),
                            (
                                "customer",
                                obj(vec![
                                    ("firstName", s(name.clone())),
                                    ("lastName", s(format!("{name} Smith"))),
                                    ("emailAddress", s(format!("{id}@example.com"))),
                                    ("phoneNumber", s("+13125559876".into())),
                                    (
                                        "address",
                                        obj(vec![
                                            ("street1", s(name.clone())),
                                            ("city", s(id.clone())),
                                            ("state", s("IL".into())),
                                            ("postalCode", s("62701".into())),
                                            ("countryCode", s("US".into())),
                                        ]),
                                    ),
                                ]),
                            ),
                            ("desiredProduct", obj(product)),
                            ("unknownField", extra),
                        ];
                        if trade {
                            lead.push((
                                "tradeIn",
                                obj(vec![
                                    ("tradeInYear", Value::int(2018)),
                                    ("tradeInMake", s(name.clone())),
                                ]),
                            ));
                        }
                        ("lead", obj(lead))
                    }
                    "ASSET" => (
                        "asset",
                        obj(vec![
                            ("assetId", s(id.clone())),
                            ("status", status),
                            ("manufacturer", s(name.clone())),
                            ("model", s(id.clone())),
                            ("year", Value::int(i64::from(year))),
                            ("pricing", extra),
                        ]),
                    ),
                    "ACKNOWLEDGMENT" => (
                        "acknowledgment",
                        obj(vec![
                            ("acknowledgmentId", s(id.clone())),
                            ("correlationId", s(name.clone())),
                            ("originalMessageId", s(name.clone())),
                            ("status", status),
                            ("timestamp", s("2026-05-04T09:30:00Z".into())),
                            ("validationResults", extra),
                        ]),
                    ),
                    "SUBSCRIPTION" => (
                        "subscription",
                        obj(vec![
                            ("subscriptionId", s(id.clone())),
                            ("subscriberId", s(name.clone())),
                            ("status", status),
                            ("eventTypes", Value::Array(vec![s("LEAD_CREATED".into())])),
                            ("filters", extra),
                        ]),
                    ),
                    _ => (
                        "leadClosure",
                        obj(vec![
                            ("originalLeadId", s(id.clone())),
                            ("closureStatus", status),
                            ("leadCreatedDate", s("2026-01-01T00:00:00Z".into())),
                            ("leadClosureDate", s("2026-02-01T00:00:00Z".into())),
                            (
                                "purchasedProduct",
                                obj(vec![("make", s(name.clone())), ("model", extra)]),
                            ),
                        ]),
                    ),
                };
                let ext = obj(vec![
                    ("namespace", s("acme.na.crm".into())),
                    ("version", s("1.0.0".into())),
                    ("producer", s("acme".into())),
                    ("producedAt", s("2026-05-04T09:30:00Z".into())),
                    ("data", ext),
                ]);
                let root = obj(vec![(
                    "lex",
                    obj(vec![
                        ("header", header),
                        ("payload", obj(vec![body])),
                        ("extensions", Value::Array(vec![ext])),
                    ]),
                )]);
                Message::from_value(root, Format::Json).unwrap()
            },
        )
}
