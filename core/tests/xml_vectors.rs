//! Runs the shared XML vectors of `tests/vectors/xml/` (format: `tests/vectors/README.md`):
//! the `parse` operation for every variant, strict rejection and attack, and the `convert`
//! operation for round trips.
//!
//! With `LEX_BLESS=1`, a vector without `expected` gets the actual result written into it
//! (for authoring; review the diff). Without it, a vector without `expected` fails.

// Test helpers (outside #[test] functions) may unwrap too.
#![allow(clippy::unwrap_used)]

mod support;

use lex_core::api::WriteOptions;
use lex_core::api::{Limits, ReadMode, ReadOptions};
use lex_core::{Format, Map, Value, api};
use std::path::{Path, PathBuf};

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/xml");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn int(v: Option<u64>) -> Value {
    v.map_or(Value::Null, |n| Value::int(n as i64))
}

fn input_bytes(v: &Value, path: &Path) -> Vec<u8> {
    if let Some(t) = v.get("inputText").and_then(Value::as_str) {
        return t.as_bytes().to_vec();
    }
    let file = v
        .get("inputFile")
        .and_then(Value::as_str)
        .expect("inputText or inputFile");
    std::fs::read(path.parent().unwrap().join(file)).unwrap()
}

fn run_parse(v: &Value, path: &Path) -> Value {
    let mode = v
        .get("mode")
        .and_then(Value::as_str)
        .and_then(ReadMode::parse)
        .unwrap_or_default();
    let format = v
        .get("format")
        .and_then(Value::as_str)
        .and_then(Format::parse);
    let opts = ReadOptions {
        mode,
        ..ReadOptions::default()
    };
    let mut out = Map::default();
    match api::parse_all(&input_bytes(v, path), format, &opts) {
        Ok(msgs) => {
            out.insert("messages".into(), Value::int(msgs.len() as i64));
            if let [m] = msgs.as_slice() {
                out.insert("tree".into(), m.root().clone());
                let codes = m.read_issues().iter().map(|i| Value::from(i.code.as_str()));
                out.insert("warnings".into(), Value::Array(codes.collect()));
            }
        }
        Err(e) => {
            let mut err = Map::default();
            err.insert("code".into(), e.code().into());
            err.insert("line".into(), int(e.location.line));
            err.insert("column".into(), int(e.location.column));
            err.insert("offset".into(), int(e.location.offset));
            out.insert("error".into(), Value::Object(err));
        }
    }
    Value::Object(out)
}

fn run_convert(v: &Value) -> Value {
    let input = lex_core::api::value_to_json(v.get("input").expect("input"), false);
    let to = Format::parse(v.get("to").and_then(Value::as_str).unwrap()).unwrap();
    let pretty = v.get("pretty").and_then(Value::as_bool).unwrap_or(false);
    let wopts = WriteOptions {
        pretty,
        ..WriteOptions::default()
    };
    let read = ReadOptions::default();
    let mut out = Map::default();
    match api::convert(input.as_bytes(), to, None, &read, &wopts) {
        Ok(text) => {
            let original = api::parse(input.as_bytes(), None, &read).unwrap();
            let back = api::parse(text.as_bytes(), Some(to), &read).unwrap();
            out.insert(
                "roundTrip".into(),
                Value::Bool(back.root() == original.root()),
            );
        }
        Err(e) => {
            let mut err = Map::default();
            err.insert("code".into(), e.code().into());
            out.insert("error".into(), Value::Object(err));
        }
    }
    Value::Object(out)
}

/// Every key of `expected` must equal the same key of `actual` (recursively for `error`).
fn matches(expected: &Value, actual: &Value) -> bool {
    let (Some(e), Some(a)) = (expected.as_object(), actual.as_object()) else {
        return expected == actual;
    };
    e.iter().all(|(k, ev)| match (k.as_str(), a.get(k)) {
        ("error", Some(av)) => matches(ev, av),
        (_, Some(av)) => ev == av,
        (_, None) => false,
    })
}

#[test]
fn xml_vectors() {
    let bless = support::bless();
    let files = vector_files();
    assert!(
        files.len() >= 40,
        "expected the XML vectors, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in files {
        let text = std::fs::read(&path).unwrap();
        let v = lex_core::api::value_from_json(&text, &Limits::default()).unwrap();
        let actual = match v.get("operation").and_then(Value::as_str) {
            Some("parse") => run_parse(&v, &path),
            Some("convert") => run_convert(&v),
            other => panic!("{}: unsupported operation {other:?}", path.display()),
        };
        match v.get("expected") {
            Some(expected) if matches(expected, &actual) => {}
            Some(expected) => failures.push(format!(
                "{}:\n  expected {}\n  actual   {}",
                path.display(),
                lex_core::api::value_to_json(expected, false),
                lex_core::api::value_to_json(&actual, false)
            )),
            None if bless => {
                let mut v = v.clone();
                if let Some(m) = v.as_object_mut() {
                    m.insert("expected".into(), actual);
                }
                std::fs::write(&path, lex_core::api::value_to_json(&v, true) + "\n").unwrap();
            }
            None => failures.push(format!("{}: no expected result", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
