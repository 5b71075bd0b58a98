//! Runs every shared vector under `tests/vectors/` and, when the upstream standard is
//! present (`LEX_SPEC_DIR`), the public LEX conformance vectors.

mod support;

use lex_core::vectors::{Outcome, run_dir};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn report(outcomes: &[Outcome]) -> Vec<String> {
    outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(|o| {
            format!(
                "{} [{}]: {}",
                o.id,
                o.operation,
                o.failure.as_deref().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn project_vectors_pass() {
    let dir = repo().join("tests/vectors");
    let outcomes = run_dir(&dir).expect("tests/vectors is readable");
    assert!(outcomes.len() >= 150, "only {} vectors", outcomes.len());
    let failed = report(&outcomes);
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn public_conformance_vectors_pass() {
    let Some(spec) = support::spec_or_skip("public_conformance_vectors_pass") else {
        return;
    };
    let dir = spec.join("tests/conformance");
    let outcomes = run_dir(&dir).expect("the conformance folder is readable");
    assert_eq!(outcomes.len(), 20);
    let failed = report(&outcomes);
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
