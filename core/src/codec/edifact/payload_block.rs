//! The payload block (wire-formats.md §5.2): the complete JSON-EDI message carried in header
//! `FTX+ZZZ++LXH` / `FTX+ZZZ++LXD` segments, with its length and SHA-256.
//!
//! Carried text: `J` = compact JSON, every non-ASCII character as `\uXXXX` and every space
//! that touches another space as `\u0020` (so no data component ever has to begin or end
//! with a space: translators trim those); `B32` = RFC 4648 base32 of the UTF-8 compact JSON,
//! for UNOA/UNOB partners. Length and hash are over the carried text after un-escaping.

use super::envelope::Segment;
use super::tokenizer::Delimiters;
use crate::codec::edi::{PAYLOAD_FORMAT, base32};
use crate::codec::json_write;
use crate::dedup::sha256_hex;
use crate::value::Value;
use std::fmt::Write as _;

/// Characters per data component (4440 is an..70), release characters included.
pub const COMPONENT_MAX: usize = 70;
/// Components per data record (C108 has five 4440).
pub const COMPONENTS: usize = 5;
/// Header FTX segments allowed by ORDERS D.96A (the LXH record is one of them).
pub const MAX_HEADER_FTX: usize = 99;

/// How the JSON text is carried (one enum for both EDI codecs).
pub use crate::codec::edi::PayloadEncoding as Encoding;

/// The carried text for `root`.
pub fn carried_text(root: &Value, enc: Encoding) -> String {
    let json = json_write::to_string(root, false);
    match enc {
        Encoding::Base32 => base32::encode(json.as_bytes()),
        Encoding::Json => {
            let bytes = json.as_bytes();
            let mut out = String::with_capacity(json.len() + json.len() / 16);
            for (i, c) in json.char_indices() {
                // A space is one byte and no byte of a multi-byte character is a space, so
                // the neighbouring characters can be looked at as bytes.
                let space_run = c == ' '
                    && ((i > 0 && bytes.get(i - 1) == Some(&b' '))
                        || bytes.get(i + 1) == Some(&b' '));
                if space_run {
                    out.push_str("\\u0020");
                } else if c.is_ascii() && !c.is_ascii_control() {
                    out.push(c);
                } else {
                    // Non-ASCII, and DEL (U+007F), which JSON allows raw but no EDIFACT
                    // repertoire does, travel as \u escapes.
                    let mut buf = [0u16; 2];
                    for unit in c.encode_utf16(&mut buf) {
                        let _ = write!(out, "\\u{unit:04x}");
                    }
                }
            }
            out
        }
    }
}

/// The FTX segments (escaped, without terminators): the header record, then the data records.
pub fn segments(text: &str, enc: Encoding, d: &Delimiters) -> Vec<String> {
    let c = d.component as char;
    let e = d.element as char;
    // Upper-case hex with base32: UNOA has no lower-case letters (readers ignore the case).
    let hash = match enc {
        Encoding::Json => sha256_hex(text.as_bytes()),
        Encoding::Base32 => sha256_hex(text.as_bytes()).to_ascii_uppercase(),
    };
    let mut out = vec![format!(
        "FTX{e}ZZZ{e}{e}LXH{e}{PAYLOAD_FORMAT}{c}{}{c}{}{c}{hash}",
        enc.code(),
        text.len(),
    )];
    for record in chunks(text, d).chunks(COMPONENTS) {
        let mut seg = String::with_capacity(16 + COMPONENTS * (COMPONENT_MAX + 1));
        for part in ["FTX", "ZZZ", "", "LXD"] {
            seg.push_str(part);
            seg.push(e);
        }
        for (k, component) in record.iter().enumerate() {
            if k > 0 {
                seg.push(c);
            }
            seg.push_str(component);
        }
        out.push(seg);
    }
    out
}

/// Splits the text into escaped components of at most [`COMPONENT_MAX`] characters that
/// neither begin nor end with a space and never split a release pair.
fn chunks(text: &str, d: &Delimiters) -> Vec<String> {
    // The carried text is ASCII (J escapes everything else, B32 is an alphabet), so one
    // byte is one character; each unit is that byte plus its release character if needed.
    let bytes = text.as_bytes();
    let width = |b: u8| if d.is_service(b) { 2 } else { 1 };
    let mut out = Vec::new();
    let mut a = 0;
    while a < bytes.len() {
        let mut k = a;
        let mut used = 0;
        while k < bytes.len() && used + width(bytes[k]) <= COMPONENT_MAX {
            used += width(bytes[k]);
            k += 1;
        }
        while k < bytes.len() && k > a + 1 && (bytes[k - 1] == b' ' || bytes[k] == b' ') {
            k -= 1;
        }
        let mut chunk = String::with_capacity(used);
        for &b in &bytes[a..k] {
            if d.is_service(b) {
                chunk.push(d.release as char);
            }
            chunk.push(b as char);
        }
        out.push(chunk);
        a = k;
    }
    out
}

/// A payload block found in a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block<'a> {
    /// The LXH header segment.
    pub header: &'a Segment,
    /// The data segments, in order.
    pub data: Vec<&'a Segment>,
}

/// Finds the payload block in a message body.
pub fn find(body: &[Segment]) -> Option<Block<'_>> {
    let is_ftx =
        |s: &Segment, kind: &str| s.tag == "FTX" && s.comp(1, 1) == "ZZZ" && s.comp(3, 1) == kind;
    let header = body.iter().find(|s| is_ftx(s, "LXH"))?;
    let data = body.iter().filter(|s| is_ftx(s, "LXD")).collect();
    Some(Block { header, data })
}

/// Checks the block and returns the JSON bytes, or what is wrong (with the element).
pub fn decode(block: &Block<'_>) -> Result<Vec<u8>, (String, usize)> {
    let h = block.header;
    if h.comp(4, 1) != PAYLOAD_FORMAT {
        return Err((
            format!("payload format {:?} is not {PAYLOAD_FORMAT}", h.comp(4, 1)),
            4,
        ));
    }
    let enc = match h.comp(4, 2) {
        "J" => Encoding::Json,
        "B32" => Encoding::Base32,
        other => return Err((format!("payload encoding {other:?} is not J or B32"), 4)),
    };
    let text: String = block.data.iter().flat_map(|s| s.element(4)).collect();
    let declared_len = h.comp(4, 3);
    if declared_len != text.len().to_string() {
        return Err((
            format!(
                "payload length is {}, the header declares {declared_len:?}",
                text.len()
            ),
            4,
        ));
    }
    let hash = sha256_hex(text.as_bytes());
    if !h.comp(4, 4).eq_ignore_ascii_case(&hash) {
        return Err((
            format!(
                "payload SHA-256 is {hash}, the header declares {:?}",
                h.comp(4, 4)
            ),
            4,
        ));
    }
    match enc {
        Encoding::Json => Ok(text.into_bytes()),
        Encoding::Base32 => {
            base32::decode_lenient(&text).ok_or_else(|| ("payload is not valid base32".into(), 4))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_respect_width_spaces_and_release_pairs() {
        let d = Delimiters::default();
        let text = format!("{}{}", "a:".repeat(40), "b c d".repeat(30));
        for c in chunks(&text, &d) {
            assert!(c.len() <= COMPONENT_MAX, "{c}");
            assert!(!c.starts_with(' ') && !c.ends_with(' '), "{c:?}");
            assert!(!c.ends_with('?') || c.ends_with("??"), "{c:?}");
        }
    }
}
