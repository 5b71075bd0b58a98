//! Property tests: any message (and any JSON content under `lex`) survives
//! JSON → XML → JSON unchanged, in pretty and compact output, read tolerantly and strictly.
//!
//! The number of cases is `PROPTEST_CASES` (default 1000); `make stress` raises it.

// Test helpers (outside #[test] functions) may unwrap too.
#![allow(clippy::unwrap_used)]

mod support;

use lex_core::api::WriteOptions;
use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Format, Map, Message, Value, api, testgen};
use proptest::prelude::*;

/// Reads every message of `input` in `format`, through the façade.
fn read(input: &[u8], format: Format, opts: &ReadOptions) -> lex_core::Result<Vec<Message>> {
    lex_core::api::parse_all(input, Some(format), opts)
}

/// Writes messages in `format`, through the façade.
fn write(messages: &[Message], format: Format, opts: &WriteOptions) -> lex_core::Result<String> {
    lex_core::api::serialize_all(messages, format, opts)
}

fn cases() -> u32 {
    support::cases(1000)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn opts(mode: ReadMode) -> ReadOptions {
    ReadOptions {
        mode,
        ..ReadOptions::default()
    }
}

/// Writes `msg` as XML and reads it back in both modes; both must give the same tree with
/// no warning.
fn assert_round_trip(msg: &Message, pretty: bool) -> Result<(), TestCaseError> {
    let wopts = WriteOptions {
        pretty,
        ..WriteOptions::default()
    };
    let xml = write(std::slice::from_ref(msg), Format::Xml, &wopts)
        .map_err(|e| TestCaseError::fail(format!("write failed: {e}")))?;
    for mode in [ReadMode::Tolerant, ReadMode::Strict] {
        let back = read(xml.as_bytes(), Format::Xml, &opts(mode))
            .map_err(|e| TestCaseError::fail(format!("{mode:?} read failed: {e}\n{xml}")))?;
        prop_assert_eq!(back.len(), 1);
        prop_assert_eq!(back[0].root(), msg.root(), "{:?}\n{}", mode, xml);
        prop_assert!(
            back[0].read_issues().is_empty(),
            "{:?}",
            back[0].read_issues()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_messages_round_trip(tree in testgen::message(), pretty in any::<bool>()) {
        let msg = Message::from_value(tree.clone(), Format::Json).unwrap();
        prop_assert_eq!(msg.root(), &tree);
        assert_round_trip(&msg, pretty)?;
        // The same through the façade, as text: JSON → XML → JSON is the canonical JSON.
        let json = msg.to_json(false);
        let read = ReadOptions::default();
        let compact = WriteOptions { pretty: false, ..WriteOptions::default() };
        let xml = api::convert(json.as_bytes(), Format::Xml, None, &read, &compact).unwrap();
        let again = api::convert(xml.as_bytes(), Format::Json, None, &read, &compact).unwrap();
        prop_assert_eq!(again, json);
    }

    #[test]
    fn any_content_under_lex_round_trips(
        members in proptest::collection::vec((testgen::odd_key(), testgen::json_value(5)), 0..6),
        pretty in any::<bool>(),
    ) {
        let lex: Map = members.into_iter().collect();
        let mut root = Map::default();
        root.insert("lex".into(), Value::Object(lex));
        let msg = Message::from_value(Value::Object(root), Format::Json).unwrap();
        assert_round_trip(&msg, pretty)?;
    }
}

proptest! {
    #![proptest_config(config())]

    /// Damaged documents (bytes replaced, inserted or cut) are read or refused, never a
    /// panic, in both modes.
    #[test]
    fn damaged_documents_never_panic(
        tree in testgen::message(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<u8>()), 1..6),
    ) {
        let msg = Message::from_value(tree, Format::Json).unwrap();
        let mut bytes = write(std::slice::from_ref(&msg), Format::Xml, &WriteOptions::default())
            .unwrap()
            .into_bytes();
        for (at, op, byte) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            let markup = b"<>&;/=\"'!?[]-_t"[byte as usize % 15];
            match op {
                0 if i < bytes.len() => bytes[i] = markup,
                1 => bytes.insert(i, markup),
                _ => bytes.truncate(i),
            }
        }
        for mode in [ReadMode::Tolerant, ReadMode::Strict] {
            if let Err(e) = read(&bytes, Format::Xml, &opts(mode)) {
                prop_assert!(e.location.offset.is_some() || e.code() == "NOT_A_LEX_MESSAGE", "{e}");
            }
        }
    }
}
