//! What the two EDI codecs (X12 850 and EDIFACT ORDERS) share: the payload block's format
//! tag and encodings, and base32.
//!
//! Both carry the complete canonical JSON-EDI message in a payload block whose header
//! record starts with [`PAYLOAD_FORMAT`] and names a [`PayloadEncoding`]; the segments that
//! carry it differ (`MTX` in X12, `FTX+ZZZ++LXH`/`LXD` in EDIFACT) and stay in each codec.

pub(crate) mod base32;

/// The payload block's format tag, first field of its header record.
pub(crate) const PAYLOAD_FORMAT: &str = "LXP1";

/// How the payload block carries the JSON text (wire-formats §5.2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PayloadEncoding {
    /// `J`: compact JSON, non-ASCII and delimiters escaped as `\uXXXX` (extended character set).
    #[default]
    Json,
    /// `B32`: RFC 4648 base32 of the UTF-8 JSON (partners limited to the basic character set).
    Base32,
}

impl PayloadEncoding {
    /// `J` or `B32`, as written in the header record.
    pub fn code(self) -> &'static str {
        match self {
            PayloadEncoding::Json => "J",
            PayloadEncoding::Base32 => "B32",
        }
    }
}
