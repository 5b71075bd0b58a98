//! Deduplication: the customer fingerprint of LEX_DEDUPLICATION §2.
//!
//! `sha256_hex(lower(trim(email)) + "|" + last10(digits(phone)) + "|" + strip_diacritics(lower(trim(lastName))))`,
//! 64 lower-case hex characters. Diacritics are stripped by Unicode NFD decomposition and
//! removal of combining marks (no transliteration: `ß`, `ø` stay). A missing component is the
//! empty string.

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The normalised string that is hashed: `email|phone10|lastname`.
pub fn fingerprint_input(email: &str, phone: &str, last_name: &str) -> String {
    let e = email.trim().to_lowercase();
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let p = if digits.len() > 10 {
        digits[digits.len() - 10..].to_string()
    } else {
        digits
    };
    let n: String = last_name
        .trim()
        .to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect();
    format!("{e}|{p}|{n}")
}

/// The customer fingerprint: 64 lower-case hex characters of SHA-256.
pub fn fingerprint(email: &str, phone: &str, last_name: &str) -> String {
    sha256_hex(fingerprint_input(email, phone, last_name).as_bytes())
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// True for a well-formed fingerprint (`^[a-f0-9]{64}$`).
pub fn is_fingerprint(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_examples() {
        assert_eq!(
            fingerprint(" Jane.Smith@Example.com ", "+1 (415) 555-1234", " Smith "),
            "e2e4f6dbeafc638514584d10d630e5e3739f574308b20ae1cc80681e9e39d1d1"
        );
        assert_eq!(
            fingerprint("eva.mueller@example.com", "+4915551234567", "Müller"),
            "c7da5d8fcd691500e11b03dc7c565d6ab6f50f1878d001c36d741c9efee87b5f"
        );
        assert_eq!(
            fingerprint("carlos.rivera@example.com", "+13055550167", "Rivera"),
            "f1aaf625472c0a3e82f52e90ddafa63dc37b52b10787e5d204966860a11aec60"
        );
        assert_eq!(fingerprint_input("", "123", "Øster"), "|123|øster");
        assert!(is_fingerprint(&fingerprint("a", "b", "c")));
        assert!(!is_fingerprint(&fingerprint("a", "b", "c").to_uppercase()));
    }
}
