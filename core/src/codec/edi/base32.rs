//! RFC 4648 base32 with padding, for the `B32` payload encoding. Hand-written (a few dozen
//! lines) rather than a new dependency.
//!
//! One encoder; two decoders, because the two readers have always accepted different
//! inputs and that behaviour is kept: X12 requires canonical padded text
//! ([`decode_padded`]), EDIFACT accepts missing padding ([`decode_lenient`]).

const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Encodes with padding.
pub(crate) fn encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(5) * 8);
    for block in data.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..block.len()].copy_from_slice(block);
        let n = buf.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        let symbols = (block.len() * 8).div_ceil(5);
        for i in 0..8 {
            if i < symbols {
                let idx = ((n >> (35 - i * 5)) & 31) as usize;
                out.push(ALPHABET[idx] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes canonical text: upper case, padded to a multiple of 8; `None` when malformed.
pub(crate) fn decode_padded(text: &str) -> Option<Vec<u8>> {
    let b = text.as_bytes();
    if b.len() % 8 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(b.len() / 8 * 5);
    for block in b.chunks(8) {
        let symbols = block.iter().take_while(|&&c| c != b'=').count();
        if block[symbols..].iter().any(|&c| c != b'=') {
            return None;
        }
        let bytes = match symbols {
            8 => 5,
            7 => 4,
            5 => 3,
            4 => 2,
            2 => 1,
            _ => return None,
        };
        let mut n = 0u64;
        for (i, &c) in block.iter().enumerate() {
            let v = if i < symbols {
                ALPHABET.iter().position(|&s| s == c)? as u64
            } else {
                0
            };
            n = (n << 5) | v;
        }
        for i in 0..bytes {
            out.push((n >> (32 - i * 8)) as u8);
        }
    }
    Some(out)
}

/// Decodes with padding optional; `None` only on a character outside the alphabet.
pub(crate) fn decode_lenient(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let mut acc: u64 = 0;
    let mut bits = 0u32;
    for b in text.trim_end_matches('=').bytes() {
        let v = ALPHABET.iter().position(|&x| x == b)? as u64;
        acc = (acc << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "MY======"),
            ("fo", "MZXQ===="),
            ("foo", "MZXW6==="),
            ("foob", "MZXW6YQ="),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI======"),
        ] {
            assert_eq!(encode(plain.as_bytes()), enc);
            assert_eq!(decode_padded(enc).unwrap(), plain.as_bytes());
            assert_eq!(decode_lenient(enc).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn padded_is_strict_lenient_is_not() {
        assert_eq!(decode_padded("MZXW6==="), Some(b"foo".to_vec()));
        assert_eq!(decode_padded("MZ=W6==="), None);
        assert_eq!(decode_padded("abc"), None);
        assert_eq!(decode_padded("MZXW6"), None);
        assert_eq!(decode_lenient("MZXW6"), Some(b"foo".to_vec()));
        assert_eq!(decode_lenient("abc"), None);
    }
}
