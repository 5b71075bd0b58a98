//! Options shared by the readers, the writers and validation.

/// How liberally input is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ReadMode {
    /// Best effort: recoverable deviations (aliases, envelope count mismatches, foreign EDI
    /// layouts) are normalised and reported as warnings. The default.
    #[default]
    Tolerant,
    /// The same findings are errors: only canonical input is valid.
    Strict,
}

impl ReadMode {
    /// Parses `tolerant` / `strict` (case-insensitive).
    pub fn parse(s: &str) -> Option<ReadMode> {
        match s.to_ascii_lowercase().as_str() {
            "tolerant" => Some(ReadMode::Tolerant),
            "strict" => Some(ReadMode::Strict),
            _ => None,
        }
    }

    /// `"tolerant"` or `"strict"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReadMode::Tolerant => "tolerant",
            ReadMode::Strict => "strict",
        }
    }
}

/// Resource limits applied by every reader. Untrusted input never exceeds them: a reader
/// stops with a limit error (`SIZE_LIMIT_EXCEEDED`, `DEPTH_LIMIT_EXCEEDED`,
/// `TOKEN_LIMIT_EXCEEDED`, `COUNT_LIMIT_EXCEEDED`) instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Largest accepted input, in bytes. Default 64 MiB.
    pub max_input_bytes: usize,
    /// Deepest accepted nesting of arrays/objects/elements. Default 128.
    pub max_depth: usize,
    /// Longest accepted string value or EDI element, in bytes. Default 16 MiB.
    pub max_string_bytes: usize,
    /// Longest accepted number lexeme, in characters. Default 256.
    pub max_number_chars: usize,
    /// Most values (JSON nodes, XML elements, EDI segments) in one input. Default 4,000,000.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_depth: 128,
            max_string_bytes: 16 * 1024 * 1024,
            max_number_chars: 256,
            max_nodes: 4_000_000,
        }
    }
}

/// Options for reading any format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Tolerant (default) or strict reading.
    pub mode: ReadMode,
    /// Resource limits.
    pub limits: Limits,
}
