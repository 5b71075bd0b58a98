//! The four wire formats and detection from content.

use std::fmt;

/// A LEX wire format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON-EDI.
    Json,
    /// XML-EDI.
    Xml,
    /// ANSI X12 850 (005010).
    X12,
    /// UN/EDIFACT ORDERS (D.96A).
    Edifact,
}

impl Format {
    /// Every format, in a fixed order.
    pub const ALL: [Format; 4] = [Format::Json, Format::Xml, Format::X12, Format::Edifact];

    /// `"json"`, `"xml"`, `"x12"` or `"edifact"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Xml => "xml",
            Format::X12 => "x12",
            Format::Edifact => "edifact",
        }
    }

    /// Parses a format name, case-insensitively (`json-edi`, `xml-edi` accepted too).
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "json" | "json-edi" => Some(Format::Json),
            "xml" | "xml-edi" => Some(Format::Xml),
            "x12" | "ansi" | "ansi-x12" => Some(Format::X12),
            "edifact" | "un/edifact" | "edi" => Some(Format::Edifact),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Detects the format from the first bytes: `{` JSON, `<` XML, `ISA` X12, `UNA`/`UNB`
/// EDIFACT. A UTF-8 byte-order mark and leading whitespace are skipped. Returns `None` when
/// nothing matches.
pub fn detect(input: &[u8]) -> Option<Format> {
    let s = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let start = s.iter().position(|b| !b.is_ascii_whitespace())?;
    let s = &s[start..];
    match s[0] {
        b'{' => Some(Format::Json),
        b'<' => Some(Format::Xml),
        _ if s.starts_with(b"ISA") => Some(Format::X12),
        _ if s.starts_with(b"UNA") || s.starts_with(b"UNB") => Some(Format::Edifact),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format() {
        assert_eq!(detect(b"\xEF\xBB\xBF  {\"lex\":{}}"), Some(Format::Json));
        assert_eq!(detect(b"<?xml version=\"1.0\"?><lex/>"), Some(Format::Xml));
        assert_eq!(detect(b"ISA*00*"), Some(Format::X12));
        assert_eq!(detect(b"UNA:+.? 'UNB+UNOC:3"), Some(Format::Edifact));
        assert_eq!(detect(b"\nUNB+UNOA:1"), Some(Format::Edifact));
        assert_eq!(detect(b"hello"), None);
        assert_eq!(detect(b"   "), None);
        assert_eq!(detect(b""), None);
    }

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.as_str()), Some(f));
        }
    }
}
