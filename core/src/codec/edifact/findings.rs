//! Reader findings: a warning in tolerant mode, an error in strict mode.
//!
//! Every deviation the EDIFACT reader notices goes through [`Findings::note`]. Tolerant
//! reading collects them (they become warning [`Issue`]s on the message); strict reading
//! stops at the first one with an [`Error`] of the given kind at the finding's location.
//! Findings that are syntax errors in the sense of ISO 9735 carry their service code 0085,
//! which is what a CONTRL reports.

use crate::error::{Error, ErrorKind, Location, Result};
use crate::normalize::pointer_to_field;
use crate::options::ReadMode;
use crate::report::{Issue, Level};

/// Stable warning codes of the EDIFACT reader.
pub mod codes {
    /// The UNA service string advice is malformed; the defaults were used.
    pub const UNA_INVALID: &str = "EDI_UNA_INVALID";
    /// A segment could not be tokenised cleanly (missing terminator, dangling release, ...).
    pub const SYNTAX: &str = "EDI_SYNTAX";
    /// The syntax identifier or version is not one of the UN/ECE levels.
    pub const SYNTAX_ID: &str = "EDI_SYNTAX_IDENTIFIER";
    /// A character outside the declared repertoire, or bytes not valid in it.
    pub const CHARSET: &str = "EDI_CHARSET";
    /// A control count (UNT, UNZ, CNT) differs from what was received.
    pub const COUNT: &str = "EDI_COUNT_MISMATCH";
    /// A control reference (UNT/UNH, UNZ/UNB) differs.
    pub const REFERENCE: &str = "EDI_REFERENCE_MISMATCH";
    /// A mandatory segment is missing (UNS, UNT, UNZ).
    pub const MISSING: &str = "EDI_SEGMENT_MISSING";
    /// A segment is where it does not belong.
    pub const POSITION: &str = "EDI_SEGMENT_POSITION";
    /// A value breaks its element's format (length, date, code).
    pub const VALUE: &str = "EDI_VALUE_INVALID";
    /// The message is not ORDERS D.96A.
    pub const MESSAGE_TYPE: &str = "EDI_MESSAGE_TYPE";
    /// The message has no LEX payload block: it was mapped from the core segments.
    pub const PAYLOAD_MISSING: &str = "PAYLOAD_MISSING";
    /// The payload block is unusable (length, hash, encoding); the core view was mapped.
    pub const PAYLOAD_INVALID: &str = "PAYLOAD_INVALID";
    /// The core view disagrees with the payload block.
    pub const VIEW_MISMATCH: &str = "VIEW_MISMATCH";
    /// A value was mapped by a heuristic (shifted elements, name split, repaired phone).
    pub const HEURISTIC: &str = "EDI_HEURISTIC_MAPPING";
    /// A required value was synthesised (message id, version).
    pub const SYNTHESIZED: &str = "EDI_SYNTHESIZED_VALUE";
    /// The message type was inferred.
    pub const TYPE_INFERRED: &str = "EDI_TYPE_INFERRED";
    /// Segments that could not be mapped were kept in the `lexedi.edi.unmapped` extension.
    pub const UNMAPPED: &str = "EDI_UNMAPPED_SEGMENTS";
}

/// One deviation found while reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable code (see [`codes`]).
    pub code: &'static str,
    /// Human-readable explanation.
    pub message: String,
    /// Where in the interchange.
    pub location: Location,
    /// The LEX field concerned, as an RFC 6901 pointer, when there is one.
    pub pointer: Option<String>,
    /// ISO 9735 syntax error code (0085) when the finding is a syntax error.
    pub syntax_error: Option<u8>,
}

impl Finding {
    /// The warning issue for a message.
    pub fn to_issue(&self) -> Issue {
        let (field, pointer) = match &self.pointer {
            Some(p) => (pointer_to_field(p), p.clone()),
            None => (format!("edifact {}", self.location), String::new()),
        };
        let text = if self.location.is_empty() {
            self.message.clone()
        } else {
            format!("{} ({})", self.message, self.location)
        };
        Issue::new(Level::Warning, self.code, field, pointer, text)
    }
}

/// Collects findings (tolerant) or fails on the first (strict).
#[derive(Debug)]
pub struct Findings {
    mode: ReadMode,
    /// What was found so far, in order.
    pub list: Vec<Finding>,
}

impl Findings {
    /// A new collector for `mode`.
    pub fn new(mode: ReadMode) -> Findings {
        Findings {
            mode,
            list: Vec::new(),
        }
    }

    /// Records a finding; in strict mode returns it as an error of `kind` instead.
    pub fn note(&mut self, kind: ErrorKind, finding: Finding) -> Result<()> {
        if self.mode == ReadMode::Strict {
            let mut loc = finding.location;
            if loc.path.is_none() {
                loc.path = finding.pointer;
            }
            return Err(Error::at(
                kind,
                format!("{} [{}]", finding.message, finding.code),
                loc,
            ));
        }
        self.list.push(finding);
        Ok(())
    }

    /// Shorthand for an envelope or syntax finding with a 0085 code.
    pub fn syntax(
        &mut self,
        kind: ErrorKind,
        code: &'static str,
        syntax_error: Option<u8>,
        message: impl Into<String>,
        location: Location,
    ) -> Result<()> {
        self.note(
            kind,
            Finding {
                code,
                message: message.into(),
                location,
                pointer: None,
                syntax_error,
            },
        )
    }

    /// Shorthand for a mapping finding about a LEX field.
    pub fn mapping(
        &mut self,
        code: &'static str,
        pointer: &str,
        message: impl Into<String>,
        location: Location,
    ) -> Result<()> {
        self.note(
            ErrorKind::Envelope,
            Finding {
                code,
                message: message.into(),
                location,
                pointer: Some(pointer.to_string()),
                syntax_error: None,
            },
        )
    }
}
