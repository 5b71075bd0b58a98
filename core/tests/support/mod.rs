//! Settings every integration test of lex-core reads the same way: where the upstream
//! standard is (`LEX_SPEC_DIR`), how many generated cases to run (`PROPTEST_CASES`) and
//! whether to re-bless goldens (`LEX_BLESS`). The Makefile header documents all three.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root (the parent of `core/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The upstream LEX 1.0 standard: `$LEX_SPEC_DIR`, else `../shared/spec/lex-1.0` beside the
/// repository (what the Makefile's `SPEC_DIR` defaults to).
pub fn spec_dir() -> PathBuf {
    match std::env::var_os("LEX_SPEC_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => repo_root().join("../shared/spec/lex-1.0"),
    }
}

/// The upstream standard when present; when absent, prints one line naming the test that
/// skips its upstream cases and returns `None`.
pub fn spec_or_skip(test: &str) -> Option<PathBuf> {
    let dir = spec_dir();
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "LEX_SPEC_DIR {} not found: {test} skips its upstream cases",
            dir.display()
        );
        None
    }
}

/// The number of generated cases of a property test: `$PROPTEST_CASES`, else `default`
/// (the count `make test` runs; `make stress` raises it).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// True when `LEX_BLESS` is set: golden tests write the actual output instead of comparing.
pub fn bless() -> bool {
    std::env::var_os("LEX_BLESS").is_some()
}
