//! The audit table re-run by the project's own means (issue 24 item 9): every row of
//! `tests/coverage/rules.tsv` is either implemented — with a vector that carries its code and
//! one that must not — or has a numbered reading in `docs/decisions.md`, or is marked open.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every vector file's text, by vector id.
fn vectors(dir: &Path, out: &mut HashMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("vector folder readable") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            vectors(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("vector readable");
            let value = lex_core::api::value_from_json(text.as_bytes(), &Default::default())
                .expect("vector is JSON");
            if let Some(id) = value.get("id").and_then(|v| v.as_str()) {
                let expected = value
                    .get("expected")
                    .map(|e| lex_core::api::value_to_json(e, false))
                    .unwrap_or_default();
                out.insert(id.to_string(), expected);
            }
        }
    }
}

#[test]
fn every_audited_rule_is_implemented_explained_or_open() {
    let table = std::fs::read_to_string(repo().join("tests/coverage/rules.tsv")).unwrap();
    let decisions = std::fs::read_to_string(repo().join("docs/decisions.md")).unwrap();
    let mut by_id = HashMap::new();
    vectors(&repo().join("tests/vectors"), &mut by_id);
    let mut problems = Vec::new();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [rule, code, status, fires, quiet, _note] = cols[..] else {
            problems.push(format!("{line}: expected 6 tab-separated columns"));
            continue;
        };
        *counts.entry(status).or_default() += 1;
        let carries = |id: &str| {
            by_id
                .get(id)
                .map(|e| e.contains(&format!("\"code\":\"{code}\"")))
        };
        match status {
            "implemented" => {
                if carries(fires) != Some(true) {
                    problems.push(format!("{rule}: vector {fires} does not expect {code}"));
                }
                if carries(quiet) != Some(false) {
                    problems.push(format!("{rule}: vector {quiet} missing or expects {code}"));
                }
            }
            "reading" => {
                if !fires.starts_with('D') || !decisions.contains(&format!("**{fires}.")) {
                    problems.push(format!("{rule}: no decision {fires} in docs/decisions.md"));
                }
            }
            "open" => {}
            other => problems.push(format!("{rule}: unknown status {other}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    eprintln!("audited rules by status: {counts:?}");
}
