//! Runs the shared vectors of `tests/vectors/x12/` (operations `parse` and `convert`, see
//! `tests/vectors/README.md`).

#![allow(clippy::unwrap_used)] // test helpers may unwrap

use lex_core::api::WriteOptions;
use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Format, Value, api};
use std::path::{Path, PathBuf};

mod support;

fn vectors() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/x12");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

fn parse_json(text: &[u8]) -> Value {
    lex_core::api::value_from_json(text, &Default::default()).unwrap()
}

fn input_bytes(v: &Value, path: &Path) -> Vec<u8> {
    if let Some(t) = v.get("inputText").and_then(Value::as_str) {
        return t.as_bytes().to_vec();
    }
    if let Some(f) = v.get("inputFile").and_then(Value::as_str) {
        return std::fs::read(path.parent().unwrap().join(f)).unwrap();
    }
    if let Some(f) = v.get("specFile").and_then(Value::as_str) {
        // The caller skips `specFile` vectors when the standard is absent.
        return std::fs::read(support::spec_dir().join(f)).unwrap();
    }
    let input = v
        .get("input")
        .expect("input, inputText, inputFile or specFile");
    lex_core::api::value_to_json(input, false).into_bytes()
}

fn format(v: &Value, key: &str) -> Option<Format> {
    v.get(key)
        .and_then(Value::as_str)
        .map(|s| Format::parse(s).unwrap())
}

fn read_opts(v: &Value) -> ReadOptions {
    let mode = v.get("mode").and_then(Value::as_str).unwrap_or("tolerant");
    ReadOptions {
        mode: ReadMode::parse(mode).unwrap(),
        ..ReadOptions::default()
    }
}

fn check_error(e: &lex_core::Error, want: &Value, id: &str) {
    let want = want.as_object().unwrap();
    assert_eq!(
        want.get("code").and_then(Value::as_str),
        Some(e.code()),
        "{id}: {e}"
    );
    let num = |k: &str| want.get(k).and_then(Value::as_i64).map(|n| n as u64);
    if let Some(s) = num("segment") {
        assert_eq!(e.location.segment, Some(s), "{id}: {e}");
    }
    if let Some(s) = want.get("segmentId").and_then(Value::as_str) {
        assert_eq!(e.location.segment_id.as_deref(), Some(s), "{id}: {e}");
    }
    if let Some(n) = num("element") {
        assert_eq!(e.location.element, Some(n), "{id}: {e}");
    }
    if let Some(n) = num("offset") {
        assert_eq!(e.location.offset, Some(n), "{id}: {e}");
    }
}

fn run_parse(v: &Value, path: &Path, id: &str) {
    let input = input_bytes(v, path);
    let expected = v.get("expected").unwrap();
    let result = api::parse_all(&input, format(v, "format"), &read_opts(v));
    if let Some(err) = expected.get("error") {
        let e = result
            .err()
            .unwrap_or_else(|| panic!("{id}: expected an error"));
        check_error(&e, err, id);
        return;
    }
    let msgs = result.unwrap_or_else(|e| panic!("{id}: {e}"));
    if let Some(n) = expected.get("messages").and_then(Value::as_i64) {
        assert_eq!(msgs.len() as i64, n, "{id}");
    }
    if let Some(tree) = expected.get("tree") {
        assert_eq!(msgs.len(), 1, "{id}");
        assert_eq!(msgs[0].root(), tree, "{id}");
    }
    if let Some(w) = expected.get("warnings").and_then(Value::as_array) {
        let want: Vec<&str> = w.iter().filter_map(Value::as_str).collect();
        let got: Vec<&str> = msgs[0]
            .read_issues()
            .iter()
            .map(|i| i.code.as_str())
            .collect();
        assert_eq!(got, want, "{id}");
    }
}

fn run_convert(v: &Value, path: &Path, id: &str) {
    let input = input_bytes(v, path);
    let to = format(v, "to").unwrap();
    let from = format(v, "from").or(if v.get("input").is_some() {
        Some(Format::Json)
    } else {
        None
    });
    let write = WriteOptions {
        pretty: v.get("pretty").and_then(Value::as_bool).unwrap_or(false),
        ..WriteOptions::default()
    };
    let expected = v.get("expected").unwrap();
    let result = api::convert(&input, to, from, &read_opts(v), &write);
    if let Some(err) = expected.get("error") {
        check_error(&result.err().unwrap(), err, id);
        return;
    }
    let out = result.unwrap_or_else(|e| panic!("{id}: {e}"));
    if let Some(o) = expected.get("output").and_then(Value::as_str) {
        assert_eq!(out, o, "{id}");
    }
    if expected.get("roundTrip") == Some(&Value::Bool(true)) {
        let before = api::parse_all(&input, from, &read_opts(v)).unwrap();
        let after = api::parse_all(out.as_bytes(), Some(to), &read_opts(v)).unwrap();
        assert_eq!(before.len(), after.len(), "{id}");
        for (a, b) in before.iter().zip(&after) {
            assert_eq!(a.root(), b.root(), "{id}");
        }
    }
}

#[test]
fn x12_vectors() {
    let all = vectors();
    assert!(all.len() >= 10, "expected the x12 vectors");
    let mut ids = std::collections::HashSet::new();
    for path in all {
        let v = parse_json(&std::fs::read(&path).unwrap());
        let id = v.get("id").and_then(Value::as_str).unwrap().to_string();
        assert!(ids.insert(id.clone()), "duplicate id {id}");
        if v.get("specFile").is_some() && support::spec_or_skip(&id).is_none() {
            continue;
        }
        match v.get("operation").and_then(Value::as_str) {
            Some("parse") => run_parse(&v, &path, &id),
            Some("convert") => run_convert(&v, &path, &id),
            other => panic!("{id}: unexpected operation {other:?}"),
        }
    }
}
