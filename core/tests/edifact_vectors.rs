//! Runs the shared vectors of `tests/vectors/edifact/` (operations `parse` and `convert`
//! of tests/vectors/README.md) against the Rust core.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use lex_core::api::WriteOptions;
use lex_core::api::{Limits, ReadMode, ReadOptions};
use lex_core::{Error, Format, Value, api};
use std::path::Path;

fn field<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key)
}

fn text(v: &Value, key: &str) -> Option<String> {
    field(v, key).and_then(Value::as_str).map(str::to_string)
}

fn input_bytes(v: &Value, dir: &Path) -> Vec<u8> {
    if let Some(t) = text(v, "inputText") {
        return t.into_bytes();
    }
    if let Some(f) = text(v, "inputFile") {
        return std::fs::read(dir.join(f)).unwrap();
    }
    lex_core::api::value_to_json(field(v, "input").unwrap(), false).into_bytes()
}

fn check_error(id: &str, e: &Error, want: &Value) {
    assert_eq!(Some(e.code().to_string()), text(want, "code"), "{id}: {e}");
    let loc = &e.location;
    for (key, actual) in [
        ("segment", loc.segment),
        ("element", loc.element),
        ("component", loc.component),
        ("line", loc.line),
        ("column", loc.column),
        ("offset", loc.offset),
    ] {
        if let Some(w) = field(want, key) {
            assert_eq!(actual.map(|a| a as i64), w.as_i64(), "{id}: {key} ({e})");
        }
    }
    if let Some(tag) = text(want, "segmentId") {
        assert_eq!(loc.segment_id.as_deref(), Some(tag.as_str()), "{id}");
    }
}

fn run(path: &Path) {
    let raw = std::fs::read(path).unwrap();
    let v = lex_core::api::value_from_json(&raw, &Limits::default()).unwrap();
    let id = text(&v, "id").unwrap();
    let dir = path.parent().unwrap();
    let format = text(&v, "format").and_then(|f| Format::parse(&f));
    let mode = text(&v, "mode")
        .and_then(|m| ReadMode::parse(&m))
        .unwrap_or_default();
    let read = ReadOptions {
        mode,
        ..ReadOptions::default()
    };
    let expected = field(&v, "expected").unwrap();
    let input = input_bytes(&v, dir);
    match text(&v, "operation").as_deref() {
        Some("parse") => {
            let result = api::parse_all(&input, format, &read);
            if let Some(want) = field(expected, "error") {
                check_error(&id, &result.expect_err(&id), want);
                return;
            }
            let msgs = result.unwrap_or_else(|e| panic!("{id}: {e}"));
            if let Some(n) = field(expected, "messages") {
                assert_eq!(Some(msgs.len() as i64), n.as_i64(), "{id}");
            }
            if let Some(tree) = field(expected, "tree") {
                assert_eq!(msgs[0].root(), tree, "{id}: {}", msgs[0].to_json(false));
            }
            if let Some(w) = field(expected, "warnings").and_then(Value::as_array) {
                let want: Vec<&str> = w.iter().filter_map(Value::as_str).collect();
                let got: Vec<&str> = msgs[0]
                    .read_issues()
                    .iter()
                    .map(|i| i.code.as_str())
                    .collect();
                assert_eq!(got, want, "{id}");
            }
        }
        Some("convert") => {
            let to = Format::parse(&text(&v, "to").unwrap()).unwrap();
            let from = text(&v, "from").and_then(|f| Format::parse(&f)).or(format);
            let write = WriteOptions {
                pretty: field(&v, "pretty")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                ..WriteOptions::default()
            };
            let result = api::convert(&input, to, from, &read, &write);
            if let Some(want) = field(expected, "error") {
                check_error(&id, &result.expect_err(&id), want);
                return;
            }
            let out = result.unwrap_or_else(|e| panic!("{id}: {e}"));
            if let Some(o) = text(expected, "output") {
                assert_eq!(out, o, "{id}");
            }
            if field(expected, "roundTrip") == Some(&Value::Bool(true)) {
                let before = api::parse_all(&input, from, &read).unwrap();
                let after = api::parse_all(out.as_bytes(), Some(to), &read).unwrap();
                assert_eq!(before.len(), after.len(), "{id}");
                for (a, b) in before.iter().zip(&after) {
                    assert_eq!(a.root(), b.root(), "{id}");
                }
            }
        }
        other => panic!("{id}: operation {other:?} is not run here"),
    }
}

#[test]
fn edifact_vectors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/edifact");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "{} vectors", paths.len());
    for p in &paths {
        run(p);
    }
}
