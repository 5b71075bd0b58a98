//! Operation errors: the input could not be read, a limit was exceeded, an argument was bad.
//!
//! An [`Error`] means the operation could not be done. It is distinct from a
//! [`crate::Report`], which says what is wrong with a message that *was* read. Every error
//! carries a stable string code (see [`ErrorKind::code`]) and, for input errors, a
//! [`Location`]. The message text may change between versions; the codes never do.

use std::fmt;

/// Where in the input an error was found. Every field is optional: text formats fill
/// `line`/`column`/`offset`, EDI formats fill `segment` (1-based ordinal), `segment_id`,
/// `element` and `component`; `path` is a JSON pointer into the message tree when known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: Option<u64>,
    /// 1-based column, counted in Unicode scalar values.
    pub column: Option<u64>,
    /// 0-based byte offset into the input.
    pub offset: Option<u64>,
    /// 1-based ordinal of the EDI segment within the interchange.
    pub segment: Option<u64>,
    /// The EDI segment tag (`ISA`, `N9`, `UNH`, ...).
    pub segment_id: Option<String>,
    /// 1-based EDI element position within the segment.
    pub element: Option<u64>,
    /// 1-based EDI component position within the element.
    pub component: Option<u64>,
    /// RFC 6901 pointer into the message tree.
    pub path: Option<String>,
}

impl Location {
    /// A text location from a byte offset into `input` (line and column are computed).
    pub fn at_offset(input: &[u8], offset: usize) -> Location {
        let offset = offset.min(input.len());
        let before = &input[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        // Count characters, not bytes: continuation bytes (10xxxxxx) do not start a character.
        let column = input[line_start..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count() as u64
            + 1;
        Location {
            line: Some(line),
            column: Some(column),
            offset: Some(offset as u64),
            ..Location::default()
        }
    }

    /// An EDI location: segment ordinal and tag, optionally element and component.
    pub fn segment(
        ordinal: usize,
        tag: &str,
        element: Option<usize>,
        component: Option<usize>,
    ) -> Location {
        Location {
            segment: Some(ordinal as u64),
            segment_id: Some(tag.to_string()),
            element: element.map(|e| e as u64),
            component: component.map(|c| c as u64),
            ..Location::default()
        }
    }

    /// A location inside the message tree.
    pub fn path(pointer: impl Into<String>) -> Location {
        Location {
            path: Some(pointer.into()),
            ..Location::default()
        }
    }

    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Location::default()
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let (Some(l), Some(c)) = (self.line, self.column) {
            parts.push(format!("line {l}, column {c}"));
        }
        if let Some(o) = self.offset {
            parts.push(format!("byte {o}"));
        }
        if let Some(s) = self.segment {
            let tag = self.segment_id.as_deref().unwrap_or("?");
            let mut p = format!("segment {s} ({tag})");
            if let Some(e) = self.element {
                p.push_str(&format!(", element {e}"));
            }
            if let Some(c) = self.component {
                p.push_str(&format!(", component {c}"));
            }
            parts.push(p);
        }
        if let Some(p) = &self.path {
            // The empty pointer is the message root; say so rather than print "at ".
            parts.push(if p.is_empty() {
                "at the message root".to_string()
            } else {
                format!("at {p}")
            });
        }
        f.write_str(&parts.join(", "))
    }
}

/// The kind of an [`Error`]; each has a stable string code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or whitespace only.
    EmptyInput,
    /// The input is not valid UTF-8 (or not valid in the declared character set).
    InvalidEncoding,
    /// The input is not well-formed in its format.
    Syntax,
    /// An object has the same key twice.
    DuplicateKey,
    /// Nesting deeper than the configured limit.
    DepthLimit,
    /// Input larger than the configured limit.
    SizeLimit,
    /// A single token (number, string, element, segment) longer than its limit.
    TokenLimit,
    /// More values, elements or segments than the configured limit.
    CountLimit,
    /// The top-level value is not a LEX envelope (not an object, or no `lex` member).
    NotAMessage,
    /// The format could not be detected from the content.
    UnknownFormat,
    /// A DTD, entity declaration or external entity was found (XML); never processed.
    ForbiddenConstruct,
    /// EDI envelope is broken beyond what tolerant reading can recover.
    Envelope,
    /// The embedded EDI payload block is inconsistent (length or SHA-256 mismatch).
    PayloadIntegrity,
    /// The message cannot be written in the target format (e.g. a repeat limit).
    Unrepresentable,
    /// An argument from the caller is invalid.
    InvalidArgument,
    /// I/O failed (CLI and file helpers only).
    Io,
    /// A bug: an internal invariant failed or a panic was caught at a boundary.
    Internal,
}

impl ErrorKind {
    /// The stable code of this kind, e.g. `"SYNTAX_ERROR"`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::EmptyInput => "EMPTY_INPUT",
            ErrorKind::InvalidEncoding => "INVALID_ENCODING",
            ErrorKind::Syntax => "SYNTAX_ERROR",
            ErrorKind::DuplicateKey => "DUPLICATE_KEY",
            ErrorKind::DepthLimit => "DEPTH_LIMIT_EXCEEDED",
            ErrorKind::SizeLimit => "SIZE_LIMIT_EXCEEDED",
            ErrorKind::TokenLimit => "TOKEN_LIMIT_EXCEEDED",
            ErrorKind::CountLimit => "COUNT_LIMIT_EXCEEDED",
            ErrorKind::NotAMessage => "NOT_A_LEX_MESSAGE",
            ErrorKind::UnknownFormat => "UNKNOWN_FORMAT",
            ErrorKind::ForbiddenConstruct => "FORBIDDEN_CONSTRUCT",
            ErrorKind::Envelope => "ENVELOPE_ERROR",
            ErrorKind::PayloadIntegrity => "PAYLOAD_INTEGRITY",
            ErrorKind::Unrepresentable => "UNREPRESENTABLE",
            ErrorKind::InvalidArgument => "INVALID_ARGUMENT",
            ErrorKind::Io => "IO_ERROR",
            ErrorKind::Internal => "INTERNAL_ERROR",
        }
    }

    /// True for the kinds that are about a configured limit.
    pub fn is_limit(self) -> bool {
        matches!(
            self,
            ErrorKind::DepthLimit
                | ErrorKind::SizeLimit
                | ErrorKind::TokenLimit
                | ErrorKind::CountLimit
        )
    }

    /// True for the kinds that are about unreadable input (a parse error).
    pub fn is_parse(self) -> bool {
        matches!(
            self,
            ErrorKind::EmptyInput
                | ErrorKind::InvalidEncoding
                | ErrorKind::Syntax
                | ErrorKind::DuplicateKey
                | ErrorKind::NotAMessage
                | ErrorKind::UnknownFormat
                | ErrorKind::ForbiddenConstruct
                | ErrorKind::Envelope
                | ErrorKind::PayloadIntegrity
        )
    }

    /// The family of this kind: which exception class a binding raises (see
    /// [`crate::args::ErrorFamily`]).
    pub fn family(self) -> crate::args::ErrorFamily {
        crate::args::ErrorFamily::of(self)
    }

    /// Every kind, for documentation and binding tables.
    pub const ALL: [ErrorKind; 17] = [
        ErrorKind::EmptyInput,
        ErrorKind::InvalidEncoding,
        ErrorKind::Syntax,
        ErrorKind::DuplicateKey,
        ErrorKind::DepthLimit,
        ErrorKind::SizeLimit,
        ErrorKind::TokenLimit,
        ErrorKind::CountLimit,
        ErrorKind::NotAMessage,
        ErrorKind::UnknownFormat,
        ErrorKind::ForbiddenConstruct,
        ErrorKind::Envelope,
        ErrorKind::PayloadIntegrity,
        ErrorKind::Unrepresentable,
        ErrorKind::InvalidArgument,
        ErrorKind::Io,
        ErrorKind::Internal,
    ];
}

/// An operation error with a stable code, a human message and an optional location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// What went wrong, as a stable kind.
    pub kind: ErrorKind,
    /// A human-readable explanation (may change between versions).
    pub message: String,
    /// Where in the input, when the error is about input (boxed to keep `Result` small).
    pub location: Box<Location>,
}

impl Error {
    /// A new error without a location.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            location: Box::default(),
        }
    }

    /// A new error at a location.
    pub fn at(kind: ErrorKind, message: impl Into<String>, location: Location) -> Error {
        Error {
            kind,
            message: message.into(),
            location: Box::new(location),
        }
    }

    /// The stable code, e.g. `"SYNTAX_ERROR"`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Shorthand for an [`ErrorKind::InvalidArgument`] error.
    pub fn invalid_argument(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidArgument, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message)?;
        if !self.location.is_empty() {
            write!(f, " ({})", self.location)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Result alias for operations of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_to_line_and_column_counts_characters() {
        let input = "ab\nçd{".as_bytes();
        let loc = Location::at_offset(input, input.len() - 1);
        assert_eq!(loc.line, Some(2));
        assert_eq!(loc.column, Some(3));
        assert_eq!(loc.offset, Some(6));
    }

    #[test]
    fn the_root_pointer_is_named() {
        assert_eq!(Location::path("").to_string(), "at the message root");
        assert_eq!(Location::path("/lex").to_string(), "at /lex");
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<_> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), ErrorKind::ALL.len());
    }
}
