//! Deduplication: the customer fingerprint of LEX_DEDUPLICATION §2.
//!
//! `sha256_hex(lower(trim(email)) + "|" + last10(digits(phone)) + "|" + strip_diacritics(lower(trim(lastName))))`,
//! 64 lower-case hex characters. Diacritics are stripped by Unicode NFD decomposition and
//! removal of combining marks (no transliteration: `ß`, `ø` stay). A missing component is the
//! empty string.

use crate::build::{BuildOptions, new_message_with};
use crate::datetime::{format_timestamp, parse_timestamp};
use crate::error::{Error, Result};
use crate::format::Format;
use crate::message::{Message, MessageType};
use crate::value::{Map, Value};
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

impl Message {
    /// The customer fingerprint of a LEAD (from `customer.emailAddress`, `phoneNumber` and
    /// `lastName`); `None` for other types or when the lead has neither email nor phone.
    pub fn fingerprint(&self) -> Option<String> {
        let lead = self.lead()?;
        if lead.email().is_none() && lead.phone().is_none() {
            return None;
        }
        Some(fingerprint(
            lead.email().unwrap_or(""),
            lead.phone().unwrap_or(""),
            lead.last_name().unwrap_or(""),
        ))
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    // Hand-written hex (no `hex` crate needed for 32 bytes); avoids one `format!` per byte.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// True for a well-formed fingerprint (`^[a-f0-9]{64}$`).
pub fn is_fingerprint(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The LEAD_CLOSURE `DUPLICATE` a receiver sends for `duplicate` (a LEAD whose customer
/// is already handled by the lead `canonical_lead_id`), per LEX_DEDUPLICATION §4–6: from the
/// receiver of the duplicate back to its sender, `correlationId` = the duplicate's
/// `messageId`, `originalLeadId`, `closureStatus: DUPLICATE`, `closureReason:
/// DUPLICATE_LEAD`, `leadCreatedDate` (the lead's `metadata.createdDate`, else the header
/// timestamp), `leadClosureDate` (now), `leadLifecycleDays`, and `duplicateOfLeadId` — a
/// schema-permitted extra member, since the closure schema has no field for the canonical id.
pub fn duplicate_closure(
    duplicate: &Message,
    canonical_lead_id: &str,
    opts: &BuildOptions,
) -> Result<Message> {
    let lead = duplicate
        .lead()
        .ok_or_else(|| Error::invalid_argument("only a LEAD can be closed as a duplicate"))?;
    let lead_id = lead
        .lead_id()
        .ok_or_else(|| Error::invalid_argument("the duplicate lead has no leadId"))?;
    let now = crate::datetime::now_or_system(opts.now);
    let header = duplicate.header();
    let created = lead
        .raw()
        .get("metadata")
        .and_then(|m| m.get("createdDate"))
        .and_then(Value::as_str)
        .or(header.timestamp())
        .and_then(parse_timestamp)
        .unwrap_or(now);
    let mut body = Map::default();
    body.insert("originalLeadId".into(), lead_id.into());
    if let Some(src) = lead.raw().get("source").filter(|s| s.as_str().is_some()) {
        body.insert("originalLeadSource".into(), src.clone());
    }
    body.insert("leadCreatedDate".into(), format_timestamp(created).into());
    body.insert("leadClosureDate".into(), format_timestamp(now).into());
    let days = (now - created).whole_days();
    if days >= 0 {
        body.insert("leadLifecycleDays".into(), Value::int(days));
    }
    body.insert("closureStatus".into(), "DUPLICATE".into());
    body.insert("closureReason".into(), "DUPLICATE_LEAD".into());
    body.insert("duplicateOfLeadId".into(), canonical_lead_id.into());
    let opts = BuildOptions {
        now: Some(now),
        message_id: opts.message_id.clone(),
    };
    let closure = new_message_with(
        MessageType::LeadClosure,
        Value::Object(body),
        header.receiver_id().unwrap_or(""),
        header.sender_id().unwrap_or(""),
        &opts,
    )?;
    let Some(original_id) = header.message_id() else {
        return Ok(closure);
    };
    let mut root = closure.into_value();
    if let Some(h) = root
        .get_mut("lex")
        .and_then(|l| l.get_mut("header"))
        .and_then(Value::as_object_mut)
    {
        h.insert("correlationId".into(), original_id.into());
    }
    Message::from_value(root, Format::Json)
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
    #[test]
    fn accents_spaces_case_and_international_phones() {
        // Expected values computed independently (Python hashlib + unicodedata NFD).
        let same = |a: (&str, &str, &str), b: (&str, &str, &str)| {
            assert_eq!(fingerprint(a.0, a.1, a.2), fingerprint(b.0, b.1, b.2));
        };
        assert_eq!(
            fingerprint("jose.nunez@example.es", "+34 612 34 56 78", "Núñez"),
            "001c481c4ac7ff06b4ad02a96b0748b5f7f46f98f6f2bcbdd1d2477a24da06ac"
        );
        same(
            ("jose.nunez@example.es", "+34 612 34 56 78", "Núñez"),
            ("JOSE.NUNEZ@EXAMPLE.ES", "0034612345678", "NUNEZ"),
        );
        assert_eq!(
            fingerprint_input("francois@example.fr", "+33 1 23 45 67 89", "Lefèvre-Çelik"),
            "francois@example.fr|3123456789|lefevre-celik"
        );
        assert_eq!(
            fingerprint_input("k.strauss@example.de", "+49 (0)30 1234567", "Strauß"),
            "k.strauss@example.de|0301234567|strauß"
        );
        assert_eq!(
            fingerprint("priya@example.in", "+91-98765-43210", "Śarmā"),
            "d661f925ec3d562e39f08609460eb6b0846e8f3270aab7319501139e644cca8b"
        );
        assert_eq!(
            fingerprint_input("\u{a0}Tab@Example.COM\n", "  555-0100 ", "\tDe La Cruz "),
            "tab@example.com|5550100|de la cruz"
        );
        // Precomposed and decomposed diacritics give the same fingerprint.
        same(
            ("zoe@example.com", "+1 555 010 0100", "Zoë"),
            ("zoe@example.com", "+1 555 010 0100", "Zoe\u{308}"),
        );
        // Non-ASCII digits are not digits of a phone number.
        assert_eq!(fingerprint_input("", "+1 ٤١٥ 5551234", ""), "|15551234|");
    }

    #[test]
    fn message_fingerprint() {
        let m = crate::api::parse(
            br#"{"lex":{"header":{"messageType":"LEAD"},"payload":{"lead":{"customer":{"email":"Jane.Smith@Example.com","phone":"+1 (415) 555-1234","lastName":"Smith"}}}}}"#,
            None,
            &crate::options::ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(
            m.fingerprint().as_deref(),
            Some("e2e4f6dbeafc638514584d10d630e5e3739f574308b20ae1cc80681e9e39d1d1")
        );
        assert_eq!(crate::api::message_fingerprint(&m), m.fingerprint());
        let none = crate::api::parse(
            br#"{"lex":{"header":{"messageType":"LEAD"},"payload":{"lead":{"customer":{"lastName":"Smith"}}}}}"#,
            None,
            &crate::options::ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(none.fingerprint(), None);
    }
}
