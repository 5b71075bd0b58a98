//! Issue 25, defect 5: members beside `lex` (the standard's scenario files annotate each
//! message with `_phase`) have one lossless policy in all four formats, and every document
//! the standard publishes (each example in all four formats, each scenario message, each
//! conformance vector's input) converts from any format to any other and back unchanged
//! (same tree, same key order, no warning on reading our own output).
//!
//! The standard is read at run time from `LEX_SPEC_DIR` (default `../shared/spec/lex-1.0`
//! from the repository root); without it the standard's part is skipped with one line.

#![allow(clippy::unwrap_used)] // test code

use lex_core::api::ReadOptions;
use lex_core::api::WriteOptions;
use lex_core::{Format, Message, Value, api};
use std::path::{Path, PathBuf};

mod support;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Every message the standard publishes: each example file read tolerantly, and each
/// `{_phase, lex}` entry of the scenario files' `messages` arrays as it stands.
fn standard_messages(dir: &Path) -> Vec<(String, Message)> {
    let mut paths = Vec::new();
    files(&dir.join("examples"), &mut paths);
    let mut out = Vec::new();
    for p in paths {
        let name = p.strip_prefix(dir).unwrap().display().to_string();
        let bytes = std::fs::read(&p).unwrap();
        let Ok(root) = lex_core::api::value_from_json(&bytes, &Default::default()) else {
            for (k, m) in api::parse_all(&bytes, None, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .into_iter()
                .enumerate()
            {
                out.push((format!("{name}#{}", k + 1), m));
            }
            continue;
        };
        if root.get("lex").is_some() {
            out.push((name, Message::from_value(root, Format::Json).unwrap()));
        } else if let Some(Value::Array(messages)) = root.get("messages") {
            for (k, m) in messages.iter().enumerate() {
                let msg = Message::from_value(m.clone(), Format::Json)
                    .unwrap_or_else(|e| panic!("{name} messages[{k}]: {e}"));
                out.push((format!("{name} messages[{k}]"), msg));
            }
        }
        // Other JSON files (the asset catalogue) hold no LEX message.
    }
    // The conformance vectors' inputs (invalid ones included: conversion keeps them as
    // they are).
    let mut vectors = Vec::new();
    files(&dir.join("tests/conformance"), &mut vectors);
    for p in vectors {
        let name = p.strip_prefix(dir).unwrap().display().to_string();
        let root = lex_core::api::value_from_json(&std::fs::read(&p).unwrap(), &Default::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let inputs = match root.get("input") {
            Some(Value::Array(items)) => items.clone(),
            Some(v) => vec![v.clone()],
            None => Vec::new(),
        };
        for (k, input) in inputs.into_iter().enumerate() {
            if input.get("lex").is_some() {
                let msg = Message::from_value(input, Format::Json)
                    .unwrap_or_else(|e| panic!("{name} input {k}: {e}"));
                out.push((format!("{name} input {k}"), msg));
            }
        }
    }
    out
}

fn write(m: &Message, to: Format) -> String {
    api::serialize(m, to, &WriteOptions::default()).unwrap_or_else(|e| panic!("write {to}: {e}"))
}

fn read_own(text: &str, format: Format, what: &str) -> Message {
    let m = api::parse(text.as_bytes(), Some(format), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{what}: reading our own {format}: {e}\n{text}"));
    assert!(
        m.read_issues().is_empty(),
        "{what}: reading our own {format} warned: {:?}",
        m.read_issues()
    );
    m
}

/// Writes `m` in every format, converts each to every other, reads back and compares the
/// tree and its JSON text (key order included) with the original.
fn assert_any_to_any(name: &str, m: &Message) -> usize {
    let want = m.to_json(false);
    let mut paths = 0;
    for from in Format::ALL {
        let src = write(m, from);
        let back = read_own(&src, from, &format!("{name} as {from}"));
        assert_eq!(back.root(), m.root(), "{name}: {from} itself");
        assert_eq!(
            back.to_json(false),
            want,
            "{name}: {from} itself (key order)"
        );
        for to in Format::ALL {
            let out = api::convert(
                src.as_bytes(),
                to,
                Some(from),
                &ReadOptions::default(),
                &WriteOptions::default(),
            )
            .unwrap_or_else(|e| panic!("{name}: {from} -> {to}: {e}"));
            let back = read_own(&out, to, &format!("{name}: {from} -> {to}"));
            assert_eq!(back.to_json(false), want, "{name}: {from} -> {to}");
            paths += 1;
        }
    }
    paths
}

#[test]
fn members_beside_lex_survive_every_format() {
    let m = api::parse(
        br#"{"_phase":"DISCOVERY","lex":{"header":{"messageType":"LEAD","senderId":"S","receiverId":"R"},"payload":{"lead":{}}},"z":{"a":[1,null,true,"x>?>"]},"w":"\u0001"}"#,
        Some(Format::Json),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_any_to_any("inline", &m);
    let xml = write(&m, Format::Xml);
    assert!(
        xml.contains(r#"<?lex-members {"_phase":"DISCOVERY"}?>"#),
        "{xml}"
    );
    assert!(xml.contains("\\u003e?\\u003e"), "{xml}");
    // Canonical output: strict reading accepts it too.
    let strict = lex_core::api::ReadOptions {
        mode: lex_core::api::ReadMode::Strict,
        ..ReadOptions::default()
    };
    let back = api::parse(xml.as_bytes(), Some(Format::Xml), &strict).unwrap();
    assert_eq!(back.to_json(false), m.to_json(false));
}

#[test]
fn a_damaged_members_instruction_is_an_error() {
    for bad in [
        r#"<?lex-members [1]?><lex/>"#,
        r#"<?lex-members {"a":?><lex/>"#,
        r#"<?lex-members {"lex":1}?><lex/>"#,
        r#"<?lex-members {"a":1}?><lex/><?lex-members {"a":2}?>"#,
        r#"<lex><?lex-members {"a":1}?></lex>"#,
    ] {
        let e = api::parse(bad.as_bytes(), Some(Format::Xml), &ReadOptions::default())
            .map(|_| ())
            .expect_err(bad);
        assert!(e.message.contains("lex-members"), "{bad}: {e}");
    }
}

#[test]
fn every_standard_document_converts_any_to_any_losslessly() {
    let Some(dir) = support::spec_or_skip("standard_examples_any_to_any") else {
        return;
    };
    let messages = standard_messages(&dir);
    assert!(
        messages.len() > 60,
        "only {} messages found",
        messages.len()
    );
    assert!(
        messages
            .iter()
            .any(|(_, m)| m.root().get("_phase").is_some()),
        "the scenario files' _phase members are part of the corpus"
    );
    let mut paths = 0;
    for (name, m) in &messages {
        paths += assert_any_to_any(name, m);
    }
    println!(
        "{} standard messages, {paths} conversion paths",
        messages.len()
    );
}
