//! Where the upstream LEX 1.0 standard is: the folder named by `LEX_SPEC_DIR`, else
//! `../shared/spec/lex-1.0` next to the workspace root. Vectors that read an upstream file
//! (an `inputFile` whose path runs through `spec/lex-1.0/`) read it from that folder, and
//! are skipped, with the reason, when the folder is absent.

use lex_core::Value;
use std::path::{Path, PathBuf};

/// The environment variable naming the folder of the upstream standard.
pub const SPEC_DIR_VAR: &str = "LEX_SPEC_DIR";

/// The marker of an upstream path inside a vector's `inputFile`.
const SPEC_MARKER: &str = "spec/lex-1.0/";

/// The folder of the upstream standard: `$LEX_SPEC_DIR` when set and non-empty, else
/// `../shared/spec/lex-1.0` relative to the workspace root. The folder may not exist.
pub fn spec_dir() -> PathBuf {
    match std::env::var_os(SPEC_DIR_VAR) {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/spec/lex-1.0"),
    }
}

/// A file of the upstream standard (`rel` relative to its folder), or `Err` with the one
/// line to print when the folder is absent.
pub fn spec_path(rel: &str) -> Result<PathBuf, String> {
    let dir = spec_dir();
    if dir.is_dir() {
        Ok(dir.join(rel))
    } else {
        Err(format!(
            "the upstream LEX standard is not at {} (set {SPEC_DIR_VAR}): skipped",
            dir.display()
        ))
    }
}

/// The part of `inputFile` below the standard's folder, when it names an upstream file.
fn upstream_tail(input_file: &str) -> Option<&str> {
    let at = input_file.find(SPEC_MARKER)?;
    Some(&input_file[at + SPEC_MARKER.len()..])
}

/// Resolves a vector's `inputFile`: an upstream file under [`spec_dir`], anything else
/// relative to the vector's folder.
pub(crate) fn resolve_input_file(dir: &Path, input_file: &str) -> PathBuf {
    match upstream_tail(input_file) {
        Some(tail) => spec_dir().join(tail),
        None => dir.join(input_file),
    }
}

/// Why `vector` cannot run here (it reads an upstream file and the standard is absent).
pub(crate) fn missing_for(vector: &Value) -> Option<String> {
    let tail = upstream_tail(vector.get("inputFile")?.as_str()?)?;
    spec_path(tail).err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upstream_paths_are_recognised() {
        assert_eq!(
            upstream_tail("../../../../shared/spec/lex-1.0/examples/x12-lead.txt"),
            Some("examples/x12-lead.txt")
        );
        assert_eq!(upstream_tail("fixtures/a.txt"), None);
        assert_eq!(
            resolve_input_file(Path::new("/v"), "fixtures/a.txt"),
            Path::new("/v/fixtures/a.txt")
        );
    }
}
