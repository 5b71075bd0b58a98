//! The authoritative payload block (wire-formats §5.2): the complete canonical JSON-EDI
//! message carried in `MTX` segments after `N9*ZZ*LEX-PAYLOAD`, with a header record
//! `LXP1;<encoding>;<length>;<sha256>` computed over the carried text.

use super::tokenizer::Delimiters;
use crate::codec::edi::{PAYLOAD_FORMAT, PayloadEncoding, base32};
use crate::codec::{json_read, json_write};
use crate::dedup::sha256_hex;
use crate::error::{Error, ErrorKind, Result};
use crate::options::Limits;
use crate::value::Value;

/// The `N9` reference identification that opens a payload loop.
pub const N9_LABEL: &str = "LEX-PAYLOAD";

/// A payload ready to write: the header record and the data chunks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encoded {
    /// `LXP1;J;<len>;<sha256>`.
    pub header: String,
    /// The carried text split in chunks; none starts or ends with a space.
    pub chunks: Vec<String>,
}

/// Encodes `root` for the given delimiters.
///
/// `J`: compact JSON where every non-ASCII character and every delimiter is written as a
/// `\uXXXX` escape (compact JSON has such characters only inside strings, since the profile
/// refuses delimiters that JSON uses outside strings), and a space that would fall on the
/// first or last position of a chunk is written `\u0020` (translators trim element edges).
/// `B32`: RFC 4648 base32 of the UTF-8 JSON text.
pub fn encode(root: &Value, d: &Delimiters, chunk: usize, enc: PayloadEncoding) -> Encoded {
    let json = json_write::to_string(root, false);
    let chunk = chunk.max(1);
    let (code, text) = match enc {
        PayloadEncoding::Json => {
            let mut out = String::with_capacity(json.len() + 16);
            for c in json.chars() {
                let at = out.len() % chunk;
                if !c.is_ascii() {
                    let mut buf = [0u16; 2];
                    for unit in c.encode_utf16(&mut buf) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                } else if d.contains(c) || (c == ' ' && (at == 0 || at == chunk - 1)) {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    out.push(c);
                }
            }
            (PayloadEncoding::Json.code(), out)
        }
        PayloadEncoding::Base32 => (
            PayloadEncoding::Base32.code(),
            base32::encode(json.as_bytes()),
        ),
    };
    let header = format!(
        "{PAYLOAD_FORMAT};{code};{};{}",
        text.len(),
        sha256_hex(text.as_bytes())
    );
    // The carried text is ASCII, so byte chunks are character chunks.
    let chunks = text
        .as_bytes()
        .chunks(chunk)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    Encoded { header, chunks }
}

/// Checks the header record against the carried text and decodes the JSON message tree.
/// Every failure is a `PAYLOAD_INTEGRITY` error whose message says what is wrong, except a
/// limit exceeded while parsing the JSON, which keeps its limit code.
pub fn decode(header: &str, text: &str, limits: &Limits) -> Result<Value> {
    let bad = |m: String| Error::new(ErrorKind::PayloadIntegrity, m);
    let parts: Vec<&str> = header.split(';').collect();
    let [tag, enc, len, sha] = parts.as_slice() else {
        return Err(bad(format!(
            "the payload header {header:?} is not LXP1;<encoding>;<length>;<sha256>"
        )));
    };
    if *tag != PAYLOAD_FORMAT {
        return Err(bad(format!(
            "unknown payload format {tag:?} (expected LXP1)"
        )));
    }
    let declared: usize = len
        .parse()
        .map_err(|_| bad(format!("the payload length {len:?} is not a number")))?;
    if declared != text.len() {
        return Err(bad(format!(
            "the payload header declares {declared} characters, the block carries {}",
            text.len()
        )));
    }
    let actual = sha256_hex(text.as_bytes());
    if !sha.eq_ignore_ascii_case(&actual) {
        return Err(bad(format!(
            "the payload SHA-256 is {actual}, the header declares {sha}"
        )));
    }
    let json: Vec<u8> = match *enc {
        "J" => text.as_bytes().to_vec(),
        "B32" => base32::decode_padded(text)
            .ok_or_else(|| bad("the B32 payload is not valid base32".to_string()))?,
        other => return Err(bad(format!("unknown payload encoding {other:?}"))),
    };
    json_read::parse(&json, limits).map_err(|e| {
        if e.kind.is_limit() {
            return e;
        }
        bad(format!(
            "the payload is not a JSON message: {} {}",
            e.code(),
            e.message
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_encoding_escapes_and_chunk_edges() {
        let v = json_read::parse(
            "{\"a\":\"x*y~z>w^ é😀\",\"b\":\"     \"}".as_bytes(),
            &Limits::default(),
        )
        .unwrap();
        let e = encode(&v, &Delimiters::default(), 7, PayloadEncoding::Json);
        let text: String = e.chunks.concat();
        assert!(text.starts_with(r#"{"a":"x\u002ay\u007ez\u003ew\u005e"#));
        assert!(text.contains(r"\u00e9\ud83d\ude00"));
        for c in &e.chunks {
            assert!(!c.starts_with(' ') && !c.ends_with(' '), "{c:?}");
            assert!(c.len() <= 7);
        }
        assert_eq!(decode(&e.header, &text, &Limits::default()).unwrap(), v);
        let b = encode(&v, &Delimiters::default(), 64, PayloadEncoding::Base32);
        assert!(b.header.starts_with("LXP1;B32;"));
        assert_eq!(
            decode(&b.header, &b.chunks.concat(), &Limits::default()).unwrap(),
            v
        );
    }

    #[test]
    fn integrity_failures() {
        let v = json_read::parse(b"{\"lex\":{}}", &Limits::default()).unwrap();
        let e = encode(&v, &Delimiters::default(), 264, PayloadEncoding::Json);
        let text = e.chunks.concat();
        let lim = Limits::default();
        let err = decode(&e.header, &text.replace("lex", "lez"), &lim).unwrap_err();
        assert_eq!(err.code(), "PAYLOAD_INTEGRITY");
        assert!(err.message.contains("SHA-256"));
        let err = decode(&e.header, &text[1..], &lim).unwrap_err();
        assert!(err.message.contains("declares 10 characters"));
        assert!(decode("LXP2;J;1;00", "x", &lim).is_err());
        assert!(decode("LXP1;J", "x", &lim).is_err());
    }
}
