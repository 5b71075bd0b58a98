//! Golden files of the canonical form: every `core/tests/golden/xml/NAME.json` (a
//! project-written message) must write exactly `NAME.xml` (pretty) and `NAME.min.xml`
//! (compact), and both must read back — strictly, without a warning — to the same tree.
//!
//! `LEX_BLESS=1` writes the actual output as the golden file, missing or differing (review
//! the diff before committing).

// Test helpers (outside #[test] functions) may unwrap too.
#![allow(clippy::unwrap_used)]

mod support;

use lex_core::api::WriteOptions;
use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Format, Message};
use std::path::{Path, PathBuf};

/// Reads every message of `input` in `format`, through the façade.
fn read(input: &[u8], format: Format, opts: &ReadOptions) -> lex_core::Result<Vec<Message>> {
    lex_core::api::parse_all(input, Some(format), opts)
}

/// Writes messages in `format`, through the façade.
fn write(messages: &[Message], format: Format, opts: &WriteOptions) -> lex_core::Result<String> {
    lex_core::api::serialize_all(messages, format, opts)
}

fn golden_inputs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/xml");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn check(msg: &Message, expected_path: &Path, pretty: bool, bless: bool) -> Option<String> {
    let opts = WriteOptions {
        pretty,
        ..WriteOptions::default()
    };
    let xml = write(std::slice::from_ref(msg), Format::Xml, &opts).unwrap();
    let strict = ReadOptions {
        mode: ReadMode::Strict,
        ..ReadOptions::default()
    };
    let back = read(xml.as_bytes(), Format::Xml, &strict).unwrap();
    assert_eq!(back[0].root(), msg.root(), "{}", expected_path.display());
    assert!(back[0].read_issues().is_empty());
    match std::fs::read_to_string(expected_path) {
        Ok(expected) if expected == xml => None,
        _ if bless => {
            std::fs::write(expected_path, &xml).unwrap();
            None
        }
        Ok(expected) => Some(format!(
            "{} differs:\n--- expected\n{expected}\n--- actual\n{xml}",
            expected_path.display()
        )),
        Err(_) => Some(format!("{} is missing", expected_path.display())),
    }
}

#[test]
fn canonical_xml_matches_the_golden_files() {
    let bless = support::bless();
    let inputs = golden_inputs();
    assert!(inputs.len() >= 6, "golden inputs missing");
    let mut failures = Vec::new();
    for input in inputs {
        let bytes = std::fs::read(&input).unwrap();
        let msg = lex_core::api::parse(&bytes, Some(Format::Json), &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        assert!(msg.read_issues().is_empty(), "{}", input.display());
        failures.extend(check(&msg, &input.with_extension("xml"), true, bless));
        failures.extend(check(&msg, &input.with_extension("min.xml"), false, bless));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_golden_xml_also_converts_back_to_the_original_json() {
    for input in golden_inputs() {
        let json = std::fs::read(&input).unwrap();
        let xml = std::fs::read(input.with_extension("xml")).unwrap();
        let compact = WriteOptions {
            pretty: false,
            ..WriteOptions::default()
        };
        let read = ReadOptions::default();
        let from_json = lex_core::api::convert(&json, Format::Json, None, &read, &compact);
        let from_xml = lex_core::api::convert(&xml, Format::Json, None, &read, &compact);
        assert_eq!(from_xml.unwrap(), from_json.unwrap(), "{}", input.display());
    }
}

#[test]
fn members_beside_lex_are_carried_in_a_processing_instruction() {
    // Issue 25 defect 5: XML-EDI carries them as X12/EDIFACT do (was UNREPRESENTABLE).
    let msg = lex_core::api::parse(
        br#"{"lex":{"header":{}},"other":1}"#,
        Some(Format::Json),
        &ReadOptions::default(),
    )
    .unwrap();
    let xml = write(
        std::slice::from_ref(&msg),
        Format::Xml,
        &WriteOptions::default(),
    )
    .unwrap();
    assert!(
        xml.ends_with("</lex>\n<?lex-members {\"other\":1}?>\n"),
        "{xml}"
    );
    let back =
        lex_core::api::parse(xml.as_bytes(), Some(Format::Xml), &ReadOptions::default()).unwrap();
    assert_eq!(back.root(), msg.root());
}
