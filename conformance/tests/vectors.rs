//! Runs every shared vector under `tests/vectors/` and, when the upstream standard is
//! present (`LEX_SPEC_DIR`), the public LEX conformance vectors.

use lex_conformance::{Outcome, run_dir, spec_path};
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
    for o in outcomes.iter().filter(|o| o.skipped.is_some()) {
        eprintln!("{}: {}", o.id, o.skipped.as_deref().unwrap_or(""));
    }
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
    let dir = match spec_path("tests/conformance") {
        Ok(d) => d,
        Err(skip) => {
            eprintln!("public conformance vectors: {skip}");
            return;
        }
    };
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
