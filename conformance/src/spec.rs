//! Where the upstream LEX 1.0 standard is: the folder named by `LEX_SPEC_DIR`, else
//! `../shared/spec/lex-1.0` next to the workspace root. Vectors that read an upstream file
//! name it with `specFile` (a path relative to that folder), and are skipped, with the
//! reason, when the folder is absent.

use lex_core::Value;
use std::path::{Path, PathBuf};

/// The environment variable naming the folder of the upstream standard.
pub const SPEC_DIR_VAR: &str = "LEX_SPEC_DIR";

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

/// The file named by a vector's `specFile` (relative to [`spec_dir`]), when it has one.
pub(crate) fn spec_file_of(vector: &Value) -> Option<&str> {
    vector.get("specFile")?.as_str()
}

/// Why `vector` cannot run here (it names a `specFile` and the standard is absent).
pub(crate) fn missing_for(vector: &Value) -> Option<String> {
    spec_path(spec_file_of(vector)?).err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_file_is_read_from_the_vector() {
        let v = lex_core::api::value_from_json(
            br#"{"specFile":"examples/x12-lead.txt"}"#,
            &lex_core::api::Limits::default(),
        )
        .expect("json");
        assert_eq!(spec_file_of(&v), Some("examples/x12-lead.txt"));
    }
}
