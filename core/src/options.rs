//! Options shared by the readers, the writers and validation.

use crate::error::{Error, ErrorKind, Location, Result};

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

impl Limits {
    /// `SIZE_LIMIT_EXCEEDED` when `input` is longer than `max_input_bytes`, located at the
    /// first byte past the limit. Every reader checks this first, before looking at the input.
    pub fn check_input_size(&self, input: &[u8]) -> Result<()> {
        if input.len() <= self.max_input_bytes {
            return Ok(());
        }
        Err(Error::at(
            ErrorKind::SizeLimit,
            format!(
                "input is {} bytes, more than the limit of {} bytes",
                input.len(),
                self.max_input_bytes
            ),
            Location::at_offset(input, self.max_input_bytes),
        ))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;
    use crate::api;

    /// Every reader refuses an oversized input the same way: one code, one message, located at
    /// the first byte past the limit.
    #[test]
    fn every_reader_refuses_an_oversized_input_alike() {
        let opts = ReadOptions {
            limits: Limits {
                max_input_bytes: 8,
                ..Limits::default()
            },
            ..ReadOptions::default()
        };
        let inputs: [(Format, &[u8]); 4] = [
            (Format::Json, b"{\"lex\": {}}"),
            (Format::Xml, b"<lex><header/></lex>"),
            (Format::X12, b"ISA*00*          *00*"),
            (Format::Edifact, b"UNA:+.? 'UNB+UNOC:3'"),
        ];
        for (format, input) in inputs {
            let err = api::parse_all(input, Some(format), &opts).unwrap_err();
            assert_eq!(err.kind, ErrorKind::SizeLimit, "{format:?}");
            assert_eq!(
                err.message,
                format!(
                    "input is {} bytes, more than the limit of 8 bytes",
                    input.len()
                ),
                "{format:?}"
            );
            assert_eq!(err.location.offset, Some(8), "{format:?}");
            assert_eq!(err.location.column, Some(9), "{format:?}");
        }
        assert!(Limits::default().check_input_size(&[0; 16]).is_ok());
    }
}
