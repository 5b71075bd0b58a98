//! Property-test generators of LEX messages (cargo feature `testgen`).
//!
//! The strategies here produce message trees (`{"lex": {...}}` as a [`Value`]) for all five
//! message types, with optional blocks present or absent and arbitrary extension data in
//! the places where LEX allows it: `lex.extensions[].data`, unknown members of the header
//! and of the payload body, and `metadata.customFields`. Arbitrary data deliberately
//! includes what breaks naive codecs: keys that are not identifiers (spaces, `:`, empty,
//! control characters, unicode, `xml…`, `item`, `t`, `_`), strings with control
//! characters, CR/CRLF, `]]>`, entity-like text, numeric-looking and whitespace-only
//! strings, U+FFFE/U+FFFF, big and precise number lexemes (`15.0`, `-0`, `1E+300`,
//! 40-digit integers), empty arrays and objects, null, and nested arrays.
//!
//! Generated trees are already canonical for [`crate::Message::from_value`]: they use the
//! schema spellings (no alias is ever generated), so building a message from one adds no
//! warning and leaves the tree unchanged. That makes the strategies usable for any round
//! trip: `tree → format X → tree` must give back exactly the generated tree.
//!
//! ```
//! use lex_core::testgen;
//! use proptest::strategy::{Strategy, ValueTree};
//! use proptest::test_runner::TestRunner;
//! let mut runner = TestRunner::deterministic();
//! let tree = testgen::message().new_tree(&mut runner).unwrap().current();
//! let msg = lex_core::Message::from_value(tree.clone(), lex_core::Format::Json).unwrap();
//! assert_eq!(msg.root(), &tree);
//! assert!(msg.read_issues().is_empty());
//! ```
//!
//! Use it from a test crate with `lex-core = { path = "…", features = ["testgen"] }` as a
//! dev-dependency; the case count is up to the caller's `ProptestConfig`.

use crate::lifecycle::STATUSES;
use crate::message::MessageType;
use crate::value::{Map, Number, Value};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;

/// Keys the alias normalisation would rewrite; never generated as extra members.
const ALIASES: [&str; 22] = [
    "email",
    "phone",
    "desiredVehicle",
    "desiredAsset",
    "closure",
    "lexVersion",
    "LEX",
    "alx",
    "leadId",
    "closedAt",
    "closureDate",
    "outcome",
    "processedAt",
    "receivedAt",
    "createdAt",
    "updatedAt",
    "interestedInFinancing",
    "preferredLoanTerm",
    "qualityTier",
    "country",
    "platform",
    "leadTimestamp",
];

/// Characters that stress text encodings: XML-illegal controls, CR, markup, non-BMP, BOM,
/// U+FFFE/U+FFFF, combining marks, line/paragraph separators.
const NASTY: &[char] = &[
    '\u{0}', '\u{1}', '\u{8}', '\u{b}', '\u{c}', '\u{1f}', '\t', '\n', '\r', ' ', '<', '>', '&',
    '"', '\'', ';', ']', '\\', '/', ':', '\u{7f}', '\u{85}', '\u{a0}', '\u{feff}', '\u{fffe}',
    '\u{ffff}', '\u{2028}', '\u{2029}', '\u{301}', 'é', 'ß', '日', '😀',
];

fn nasty_char() -> BoxedStrategy<char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => proptest::sample::select(NASTY),
        1 => any::<char>(),
    ]
    .boxed()
}

/// Arbitrary strings, biased towards the cases codecs get wrong.
pub fn odd_string() -> BoxedStrategy<String> {
    prop_oneof![
        3 => vec(nasty_char(), 0..12).prop_map(|c| c.into_iter().collect()),
        1 => proptest::sample::select(&[
            "", " ", "  \n\t ", "2026", "-0", "1e5", "true", "false", "null", "]]>", "&amp;",
            "<x/>", "\r\n", "a\rb", "  padded  ", "015", "1.", "item", "t",
        ][..])
        .prop_map(str::to_string),
        2 => "[A-Za-z0-9 .,_-]{0,16}",
    ]
    .boxed()
}

/// Arbitrary object keys: identifiers and everything that is not one.
pub fn odd_key() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[a-z][A-Za-z0-9]{0,10}",
        1 => proptest::sample::select(&[
            "", "_", "item", "t", "k", "kj", "xmlns", "xml", "XmlThing", "a b", "a:b", "1st",
            "-x", "é", "Header", "Payload", "version", "lex", "__proto__", "$ref", "a/b~c",
        ][..])
        .prop_map(str::to_string),
        2 => vec(nasty_char(), 0..8).prop_map(|c| c.into_iter().collect()),
    ]
    .boxed()
}

/// Arbitrary JSON number lexemes: integers of any length, fractions, exponents, `-0`.
pub fn number() -> BoxedStrategy<Number> {
    prop_oneof![
        any::<i64>().prop_map(Number::from),
        "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?"
            .prop_filter_map("not a JSON number", |s| Number::from_lexeme(&s)),
        proptest::sample::select(&["15.0", "-0", "0.0", "1E+300", "1e-7", "0.1"][..])
            .prop_filter_map("not a JSON number", Number::from_lexeme),
    ]
    .boxed()
}

/// Arbitrary JSON values nested up to `depth` levels, with odd keys and strings.
pub fn json_value(depth: u32) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        odd_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 48, 5, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..5).prop_map(Value::Array),
            vec((odd_key(), inner), 0..5).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Any of the five message types.
pub fn message_type() -> BoxedStrategy<MessageType> {
    proptest::sample::select(&MessageType::ALL[..]).boxed()
}

/// A message of any of the five types.
pub fn message() -> BoxedStrategy<Value> {
    message_type().prop_flat_map(message_of).boxed()
}

fn word() -> BoxedStrategy<String> {
    "[A-Za-z][A-Za-z0-9 '&.-]{0,14}".boxed()
}

fn ident(prefix: &'static str) -> BoxedStrategy<String> {
    "[A-Z0-9-]{1,12}"
        .prop_map(move |s| format!("{prefix}-{s}"))
        .boxed()
}

fn timestamp() -> BoxedStrategy<String> {
    (2020u32..2031, 1u32..13, 1u32..29, 0u32..24, 0u32..60)
        .prop_map(|(y, mo, d, h, mi)| format!("{y}-{mo:02}-{d:02}T{h:02}:{mi:02}:00Z"))
        .boxed()
}

fn status() -> BoxedStrategy<String> {
    proptest::sample::select(&STATUSES[..])
        .prop_map(str::to_string)
        .boxed()
}

/// Extra members with arbitrary names and data (never an alias spelling).
fn extras() -> BoxedStrategy<Vec<(String, Value)>> {
    vec(
        (odd_key(), json_value(3))
            .prop_filter("alias key", |(k, _)| !ALIASES.contains(&k.as_str())),
        0..3,
    )
    .boxed()
}

/// Builds an object from required members, optional members and extras (first wins).
fn obj(members: Vec<(&str, Option<Value>)>, extra: Vec<(String, Value)>) -> Value {
    let mut m = Map::default();
    for (k, v) in members {
        if let Some(v) = v {
            m.insert(k.to_string(), v);
        }
    }
    for (k, v) in extra {
        m.entry(k).or_insert(v);
    }
    Value::Object(m)
}

fn s(v: String) -> Option<Value> {
    Some(Value::String(v))
}

fn header(mtype: MessageType) -> BoxedStrategy<Value> {
    (
        "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
        timestamp(),
        ident("SENDER"),
        ident("RECEIVER"),
        option::of(ident("CORR")),
        extras(),
    )
        .prop_map(move |(id, ts, from, to, corr, extra)| {
            obj(
                vec![
                    ("messageId", s(id)),
                    ("messageType", s(mtype.as_str().to_string())),
                    ("version", s("1.0".into())),
                    ("timestamp", s(ts)),
                    ("senderId", s(from)),
                    ("receiverId", s(to)),
                    ("correlationId", corr.map(Value::String)),
                ],
                extra,
            )
        })
        .boxed()
}

fn customer() -> BoxedStrategy<Value> {
    (
        word(),
        word(),
        option::of("[a-z]{1,8}@[a-z]{1,8}\\.(com|io|de)"),
        option::of("\\+1[0-9]{10}"),
        option::of((word(), word(), "[0-9]{5}", "(US|DE|FR|JP)")),
        extras(),
    )
        .prop_map(|(first, last, email, phone, address, extra)| {
            let address = address.map(|(street, city, zip, cc)| {
                obj(
                    vec![
                        ("street", s(street)),
                        ("city", s(city)),
                        ("postalCode", s(zip)),
                        ("countryCode", s(cc)),
                    ],
                    vec![],
                )
            });
            obj(
                vec![
                    ("firstName", s(first)),
                    ("lastName", s(last)),
                    ("emailAddress", email.map(Value::String)),
                    ("phoneNumber", phone.map(Value::String)),
                    ("address", address),
                ],
                extra,
            )
        })
        .boxed()
}

fn product() -> BoxedStrategy<Value> {
    (
        word(),
        word(),
        1990i64..2031,
        vec(word(), 0..4),
        option::of(number()),
    )
        .prop_map(|(make, model, year, features, budget)| {
            obj(
                vec![
                    ("productType", s("VEHICLE".into())),
                    ("make", s(make)),
                    ("model", s(model)),
                    ("year", Some(Value::int(year))),
                    (
                        "features",
                        Some(Value::Array(
                            features.into_iter().map(Value::String).collect(),
                        )),
                    ),
                    ("budgetMax", budget.map(Value::Number)),
                ],
                vec![],
            )
        })
        .boxed()
}

fn lead() -> BoxedStrategy<Value> {
    (
        (ident("LEAD"), status(), customer(), option::of(product())),
        option::of((any::<bool>(), number())),
        option::of(json_value(4)),
        option::of(vec((status(), timestamp()), 0..3)),
        extras(),
    )
        .prop_map(|((id, st, cust, prod), fin, custom, history, extra)| {
            let financing = fin.map(|(needs, down)| {
                obj(
                    vec![
                        ("needsFinancing", Some(Value::Bool(needs))),
                        ("downPaymentCapacity", Some(Value::Number(down))),
                    ],
                    vec![],
                )
            });
            let metadata = custom.map(|c| obj(vec![("customFields", Some(c))], vec![]));
            let history = history.map(|h| {
                let mut prev = Value::Null;
                let entries = h
                    .into_iter()
                    .enumerate()
                    .map(|(i, (next, ts))| {
                        let e = obj(
                            vec![
                                ("version", Some(Value::int(i as i64 + 1))),
                                ("previousStatus", Some(prev.clone())),
                                ("newStatus", s(next.clone())),
                                ("timestamp", s(ts)),
                            ],
                            vec![],
                        );
                        prev = Value::String(next);
                        e
                    })
                    .collect();
                Value::Array(entries)
            });
            obj(
                vec![
                    ("leadId", s(id)),
                    ("status", s(st)),
                    ("customer", Some(cust)),
                    ("desiredProduct", prod),
                    ("financing", financing),
                    ("metadata", metadata),
                    ("leadHistory", history),
                ],
                extra,
            )
        })
        .boxed()
}

fn asset() -> BoxedStrategy<Value> {
    (
        ident("ASSET"),
        product(),
        option::of((number(), "(USD|EUR)")),
        extras(),
    )
        .prop_map(|(id, prod, price, extra)| {
            let price = price.map(|(amount, cur)| {
                obj(
                    vec![
                        ("amount", Some(Value::Number(amount))),
                        ("currency", s(cur)),
                    ],
                    vec![],
                )
            });
            let mut m = vec![("assetId", s(id)), ("assetClass", s("VEHICLE".into()))];
            m.push(("product", Some(prod)));
            m.push(("price", price));
            obj(m, extra)
        })
        .boxed()
}

fn acknowledgment() -> BoxedStrategy<Value> {
    (
        ident("MSG"),
        proptest::sample::select(&["RECEIVED", "PROCESSED", "REJECTED", "DUPLICATE"][..]),
        vec((word(), word()), 0..3),
        extras(),
    )
        .prop_map(|(orig, st, errors, extra)| {
            let errors = errors
                .into_iter()
                .map(|(code, msg)| obj(vec![("code", s(code)), ("message", s(msg))], vec![]))
                .collect();
            obj(
                vec![
                    ("originalMessageId", s(orig)),
                    ("status", s(st.to_string())),
                    ("errors", Some(Value::Array(errors))),
                ],
                extra,
            )
        })
        .boxed()
}

fn subscription() -> BoxedStrategy<Value> {
    (
        ident("SUB"),
        vec(status(), 0..4),
        option::of(any::<bool>()),
        extras(),
    )
        .prop_map(|(id, statuses, active, extra)| {
            let filters = obj(
                vec![(
                    "leadStatuses",
                    Some(Value::Array(
                        statuses.into_iter().map(Value::String).collect(),
                    )),
                )],
                vec![],
            );
            obj(
                vec![
                    ("subscriptionId", s(id)),
                    ("filters", Some(filters)),
                    ("active", active.map(Value::Bool)),
                ],
                extra,
            )
        })
        .boxed()
}

fn lead_closure() -> BoxedStrategy<Value> {
    (
        ident("LEAD"),
        proptest::sample::select(&["WON", "LOST", "ABANDONED"][..]),
        option::of(number()),
        timestamp(),
        extras(),
    )
        .prop_map(|(id, st, price, at, extra)| {
            obj(
                vec![
                    ("originalLeadId", s(id)),
                    ("closureStatus", s(st.to_string())),
                    ("finalPrice", price.map(Value::Number)),
                    ("leadClosureDate", s(at)),
                ],
                extra,
            )
        })
        .boxed()
}

fn extensions() -> BoxedStrategy<Value> {
    vec(
        (
            "[a-z]{2,6}\\.[a-z]{2,6}(\\.[a-z]{2,6})?",
            option::of("1\\.[0-9]"),
            json_value(5),
        ),
        0..3,
    )
    .prop_map(|items| {
        Value::Array(
            items
                .into_iter()
                .map(|(ns, ver, data)| {
                    obj(
                        vec![
                            ("namespace", s(ns)),
                            ("version", ver.map(Value::String)),
                            ("data", Some(data)),
                        ],
                        vec![],
                    )
                })
                .collect(),
        )
    })
    .boxed()
}

/// A message of the given type: a header, the type's payload body with optional blocks,
/// optional `extensions`, and (sometimes) a `lex.version` string before the header.
pub fn message_of(mtype: MessageType) -> BoxedStrategy<Value> {
    let body = match mtype {
        MessageType::Lead => lead(),
        MessageType::Asset => asset(),
        MessageType::Acknowledgment => acknowledgment(),
        MessageType::Subscription => subscription(),
        MessageType::LeadClosure => lead_closure(),
    };
    (
        header(mtype),
        body,
        option::of(extensions()),
        option::of(proptest::sample::select(&["1.0", "1.0.0"][..])),
        extras(),
    )
        .prop_map(move |(header, body, ext, lex_version, lex_extra)| {
            let payload = obj(vec![(mtype.payload_key(), Some(body))], vec![]);
            let lex = obj(
                vec![
                    ("version", lex_version.map(|v| Value::String(v.to_string()))),
                    ("header", Some(header)),
                    ("payload", Some(payload)),
                    ("extensions", ext),
                ],
                lex_extra,
            );
            obj(vec![("lex", Some(lex))], vec![])
        })
        .boxed()
}
