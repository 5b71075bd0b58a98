//! Reader findings: what tolerant mode reports as warnings and strict mode as errors.

use crate::error::{Error, ErrorKind, Location};
use crate::report::{Issue, Level};

/// Warning / error codes of the X12 reader (stable). The names are shared with the EDIFACT
/// reader where the concept is the same.
pub mod codes {
    /// The ISA is not exactly 106 fixed-width characters (read with the fallback).
    pub const ISA_WIDTH: &str = "X12_ISA_WIDTH";
    /// A control count (SE01, CTT01, GE01, IEA01) differs from the actual count.
    pub const COUNT_MISMATCH: &str = "EDI_COUNT_MISMATCH";
    /// A trailer control number differs from its header (SE02/ST02, GE02/GS06, IEA02/ISA13).
    pub const CONTROL_MISMATCH: &str = "EDI_REFERENCE_MISMATCH";
    /// A trailer (SE, GE, IEA) or header (GS) is missing.
    pub const ENVELOPE_INCOMPLETE: &str = "EDI_SEGMENT_MISSING";
    /// A segment is where it does not belong (outside a transaction set, after the IEA).
    pub const POSITION: &str = "EDI_SEGMENT_POSITION";
    /// ISA12 / GS08 is not version 005010.
    pub const VERSION: &str = "EDI_SYNTAX_IDENTIFIER";
    /// A value breaks its element's rules (GS01 not PO, ISA13 not 9 digits, ISA15 not P/T).
    pub const CODE_UNKNOWN: &str = "EDI_VALUE_INVALID";
    /// A transaction set is not an 850 (a 997 is skipped by the message reader).
    pub const MESSAGE_TYPE: &str = "EDI_MESSAGE_TYPE";
    /// The input is not UTF-8 and was read as ISO 8859-1.
    pub const CHARSET: &str = "EDI_CHARSET";
    /// No LEX payload block: the message was mapped best-effort from the core segments.
    pub const PAYLOAD_MISSING: &str = "PAYLOAD_MISSING";
    /// The payload block is unreadable (length, SHA-256, header or JSON).
    pub const PAYLOAD_INVALID: &str = "PAYLOAD_INVALID";
    /// The core view disagrees with the authoritative payload block.
    pub const VIEW_MISMATCH: &str = "VIEW_MISMATCH";
    /// A value was derived heuristically (name split, status found in a non-standard place).
    pub const HEURISTIC: &str = "EDI_HEURISTIC_MAPPING";
    /// A required value was synthesised (messageId, timestamp, version, sender, receiver).
    pub const SYNTHESIZED: &str = "EDI_SYNTHESIZED_VALUE";
    /// The message type was inferred (an 850 without a `LEX-MESSAGE-TYPE` label is a LEAD).
    pub const TYPE_INFERRED: &str = "EDI_TYPE_INFERRED";
    /// Segments that could not be mapped were kept in the `lexedi.edi.unmapped` extension.
    pub const UNMAPPED: &str = "EDI_UNMAPPED_SEGMENTS";
}

/// One finding of the reader, with its position in the interchange.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable code (see [`codes`]).
    pub code: &'static str,
    /// The error kind used when strict mode turns the finding into an error.
    pub kind: ErrorKind,
    /// The EDI position (`SE01`) or the LEX field the finding is about.
    pub field: String,
    /// RFC 6901 pointer into the message when the finding is about a LEX field.
    pub pointer: String,
    /// Human-readable explanation.
    pub message: String,
    /// Where in the interchange.
    pub location: Location,
}

impl Finding {
    /// An envelope finding (`ENVELOPE_ERROR` in strict mode).
    pub fn envelope(
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
        location: Location,
    ) -> Finding {
        Finding {
            code,
            kind: ErrorKind::Envelope,
            field: field.into(),
            pointer: String::new(),
            message: message.into(),
            location,
        }
    }

    /// A mapping finding about a LEX field.
    pub fn mapping(
        code: &'static str,
        pointer: &str,
        message: impl Into<String>,
        location: Location,
    ) -> Finding {
        Finding {
            code,
            kind: ErrorKind::Envelope,
            field: crate::normalize::pointer_to_field(pointer),
            pointer: pointer.to_string(),
            message: message.into(),
            location,
        }
    }

    /// The finding as a warning issue (the location is part of the text).
    pub fn to_issue(&self) -> Issue {
        let text = if self.location.is_empty() {
            self.message.clone()
        } else {
            format!("{} ({})", self.message, self.location)
        };
        Issue::new(
            Level::Warning,
            self.code,
            self.field.as_str(),
            self.pointer.as_str(),
            text,
        )
    }
}

/// The strict-mode error for a list of findings: the first finding's kind and location, and
/// every reason in the message.
pub fn strict_error(findings: &[Finding]) -> Error {
    let Some(first) = findings.first() else {
        return Error::new(ErrorKind::Internal, "strict error without findings");
    };
    let reasons: Vec<String> = findings
        .iter()
        .map(|f| {
            if f.location.is_empty() {
                format!("{}: {}", f.code, f.message)
            } else {
                format!("{}: {} ({})", f.code, f.message, f.location)
            }
        })
        .collect();
    Error::at(
        first.kind,
        format!(
            "strict mode: the interchange is not canonical: {}",
            reasons.join("; ")
        ),
        first.location.clone(),
    )
}
