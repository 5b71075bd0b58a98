//! The LEX 1.0 standard's files for the tests that read them at run time: from
//! `LEX_SPEC_DIR`, else `../shared/spec/lex-1.0` from the repository root. When neither
//! exists the caller skips its cases after one line saying so.

#![allow(dead_code)] // each test file uses part of it

use std::path::PathBuf;

/// The repository root (the parent of `core/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The standard's directory, or `None` (with one line saying so) when it is absent.
pub fn spec_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("LEX_SPEC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/spec/lex-1.0"));
    if dir.join("examples").is_dir() {
        Some(dir)
    } else {
        println!(
            "skipping the standard's examples: {} not found (set LEX_SPEC_DIR)",
            dir.display()
        );
        None
    }
}
