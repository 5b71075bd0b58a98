//! Issue 25, defect 1: no input too short or too broken to be a message passes silently.
//!
//! Every proper prefix of a valid file of each format (the project's own example written in
//! all four formats, and the standard's examples when `LEX_SPEC_DIR` or
//! `../shared/spec/lex-1.0` is there) is read in-process. Each must be an error (the CLI's
//! exit 2) or carry a warning that names the damage (`EDI_SYNTAX` for a segment cut before
//! its terminator, `EDI_SEGMENT_MISSING` for a missing trailer) that the whole file does not
//! carry. Prefixes that only drop trailing whitespace are the whole document and are skipped.

#![allow(clippy::unwrap_used)] // test code

use lex_core::api::ReadOptions;
use lex_core::api::WriteOptions;
use lex_core::{Format, Message, api};
use std::collections::BTreeSet;
mod support;

use support::repo_root;

/// Codes that name truncation damage.
const DAMAGE: [&str; 2] = ["EDI_SYNTAX", "EDI_SEGMENT_MISSING"];

fn damage(messages: &[Message]) -> BTreeSet<(String, String)> {
    messages
        .iter()
        .flat_map(Message::read_issues)
        .filter(|i| DAMAGE.contains(&i.code.as_str()))
        .map(|i| (i.code.clone(), i.message.clone()))
        .collect()
}

/// Reads every proper prefix of `bytes` (format forced, as a user's `--from` would) and
/// returns a description of each prefix that passed silently.
fn silent_prefixes(name: &str, bytes: &[u8], format: Format) -> Vec<String> {
    let read = ReadOptions::default();
    let whole = api::parse_all(bytes, Some(format), &read)
        .unwrap_or_else(|e| panic!("{name}: the whole file must be readable: {e}"));
    let known = damage(&whole);
    let full = bytes.trim_ascii_end();
    let mut silent = Vec::new();
    for n in 0..bytes.len() {
        let prefix = &bytes[..n];
        if prefix.trim_ascii_end() == full {
            continue;
        }
        // Detection from content only looks at the first bytes: short prefixes are also
        // read without `--from`, as a user would run them.
        let detected = if n < 64 { Some(None) } else { None };
        for from in std::iter::once(Some(format)).chain(detected) {
            if let Ok(messages) = api::parse_all(prefix, from, &read) {
                if damage(&messages).is_subset(&known) {
                    let tail = String::from_utf8_lossy(&prefix[n.saturating_sub(24)..]);
                    silent.push(format!(
                        "{name}: the prefix of {n} bytes (…{tail:?}) read as {} message(s) with no damage warning",
                        messages.len()
                    ));
                }
            }
        }
    }
    silent
}

fn assert_none_silent(cases: Vec<(String, Vec<u8>, Format)>) {
    let silent: Vec<String> = cases
        .iter()
        .flat_map(|(name, bytes, format)| silent_prefixes(name, bytes, *format))
        .collect();
    assert!(
        silent.is_empty(),
        "{} silent prefix(es):\n{}",
        silent.len(),
        silent.join("\n")
    );
}

#[test]
fn every_prefix_of_the_example_in_each_format_is_an_error_or_warned() {
    let json = std::fs::read(repo_root().join("examples/lead.json")).unwrap();
    let message = api::parse(&json, Some(Format::Json), &ReadOptions::default()).unwrap();
    let mut cases = Vec::new();
    for format in [Format::Json, Format::Xml, Format::X12, Format::Edifact] {
        for pretty in [true, false] {
            let opts = WriteOptions {
                pretty,
                ..WriteOptions::default()
            };
            let text = api::serialize(&message, format, &opts).unwrap();
            cases.push((
                format!("lead.json as {format} (pretty {pretty})"),
                text.into_bytes(),
                format,
            ));
        }
    }
    assert_none_silent(cases);
}

#[test]
fn every_prefix_of_the_standards_examples_is_an_error_or_warned() {
    let Some(dir) = support::spec_or_skip("truncated_inputs") else {
        return;
    };
    let ex = dir.join("examples");
    let mut cases = Vec::new();
    let mut add = |rel: String, format: Format| {
        let bytes = std::fs::read(ex.join(&rel)).unwrap();
        cases.push((rel, bytes, format));
    };
    add("json-edi-lead.json".into(), Format::Json);
    add("xml-edi-lead.xml".into(), Format::Xml);
    add("x12-lead.txt".into(), Format::X12);
    add("edifact-lead.txt".into(), Format::Edifact);
    for industry in ["automotive", "heavy-equipment", "technology"] {
        let stem = industry.replace('-', "_");
        add(format!("{industry}/x12/{stem}_lead_x12.txt"), Format::X12);
        add(
            format!("{industry}/edifact/{stem}_lead_edifact.txt"),
            Format::Edifact,
        );
        add(
            format!("{industry}/xml/{stem}_lead_primary.xml"),
            Format::Xml,
        );
    }
    assert_none_silent(cases);
}

#[test]
fn a_service_string_advice_alone_is_an_error() {
    for text in [
        "UNA",
        "UNA:",
        "UNA:+",
        "UNA:+.",
        "UNA:+.?",
        "UNA:+.? ",
        "UNA:+.? '",
        "UNA:+.? '\n",
    ] {
        for from in [None, Some(Format::Edifact)] {
            let e = api::parse_all(text.as_bytes(), from, &ReadOptions::default())
                .map(|m| m.len())
                .expect_err(text);
            assert_eq!(e.code(), "ENVELOPE_ERROR", "{text:?}: {e}");
        }
    }
}

#[test]
fn an_x12_interchange_cut_before_its_final_terminator_is_warned() {
    let json = std::fs::read(repo_root().join("examples/lead.json")).unwrap();
    let message = api::parse(&json, Some(Format::Json), &ReadOptions::default()).unwrap();
    let text = api::serialize(&message, Format::X12, &WriteOptions::default()).unwrap();
    let cut = text.trim_end().strip_suffix('~').unwrap();
    let read = api::parse_all(cut.as_bytes(), None, &ReadOptions::default()).unwrap();
    let issue = read[0]
        .read_issues()
        .iter()
        .find(|i| i.code == "EDI_SYNTAX")
        .expect("a warning naming the missing terminator");
    assert!(
        issue.message.contains("no segment terminator"),
        "{}",
        issue.message
    );
    assert!(issue.message.contains("IEA"), "{}", issue.message);
}
