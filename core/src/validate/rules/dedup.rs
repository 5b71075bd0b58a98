//! Deduplication signal rules (LEX_DEDUPLICATION §2–3, issue 24 item 7), level 3 — the tier
//! where LEX_CONFORMANCE §1 puts "sends `customerFingerprint`". The two about a present fingerprint are WARNINGs: the
//! fingerprint is a sender's signal that the receiver weighs (sender-signals,
//! receiver-decides), so a wrong one must be visible but does not make the lead unprocessable.
//!
//! * `CUSTOMER_FINGERPRINT_MISSING` (INFO, decision D35 in `docs/decisions.md`): personal contact data (email or phone) without
//!   `deduplication.customerFingerprint` (required "when PII present").
//! * `FINGERPRINT_VERSION_UNKNOWN`: a `fingerprintVersion` other than [`FINGERPRINT_VERSIONS`].
//! * `CUSTOMER_FINGERPRINT_MISMATCH`: a well-formed fingerprint (version `SHA256_V1` or
//!   absent) that is not the one computed from the customer's email, phone and last name
//!   ([`crate::dedup::fingerprint`]); a malformed one is `INVALID_FINGERPRINT_FORMAT` instead.

use super::{Ctx, get_obj, get_str, pointer_join};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::Value;

/// The fingerprint algorithm versions the standard defines.
pub const FINGERPRINT_VERSIONS: [&str; 1] = ["SHA256_V1"];

const BASE: &str = "/lex/payload/lead/deduplication";

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::Lead || ctx.opts.level < 3 {
        return;
    }
    let dedup = get_obj(ctx.body, "deduplication");
    let given = dedup.and_then(|d| d.get("customerFingerprint"));
    let computed = ctx.msg.fingerprint();
    let Some(given) = given.filter(|v| !v.is_null()) else {
        if computed.is_some() {
            // INFO, not WARNING: the published level-3 vectors (TC-011, TC-013…015, TC-020)
            // carry PII without a fingerprint and expect no warning (decision D35, docs/decisions.md).
            issues.push(super::issue_at(
                Level::Info,
                "CUSTOMER_FINGERPRINT_MISSING",
                pointer_join(BASE, &["customerFingerprint"]),
                "the lead carries the customer's email or phone but no deduplication.customerFingerprint",
            ));
        }
        return;
    };
    let version = dedup.and_then(|d| get_str(d, "fingerprintVersion"));
    if let Some(v) = version.filter(|v| !FINGERPRINT_VERSIONS.contains(v)) {
        issues.push(
            super::issue_at(
                Level::Warning,
                "FINGERPRINT_VERSION_UNKNOWN",
                pointer_join(BASE, &["fingerprintVersion"]),
                format!("unknown fingerprintVersion {v} (known: SHA256_V1)"),
            )
            .rejected(Value::from(v))
            .allowed(&FINGERPRINT_VERSIONS),
        );
        return;
    }
    let (Some(text), Some(expected)) = (given.as_str(), computed) else {
        return;
    };
    if crate::dedup::is_fingerprint(text) && text != expected {
        issues.push(
            super::issue_at(
                Level::Warning,
                "CUSTOMER_FINGERPRINT_MISMATCH",
                pointer_join(BASE, &["customerFingerprint"]),
                "customerFingerprint is not the SHA256_V1 fingerprint of the customer's email, phone and last name",
            )
            .rejected(Value::from(text)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::api::{ReadOptions, ValidateOptions, parse, validate};

    fn codes(text: &str, level: u8) -> Vec<(String, crate::report::Level)> {
        let msg = parse(text.as_bytes(), None, &ReadOptions::default()).unwrap();
        let opts = ValidateOptions {
            level,
            include_info: true,
            ..ValidateOptions::default()
        };
        validate(&msg, &opts)
            .issues()
            .filter(|i| i.code.starts_with("CUSTOMER_FINGERPRINT"))
            .map(|i| (i.code.clone(), i.level))
            .collect()
    }

    #[test]
    fn a_missing_fingerprint_is_info_at_level_3_only() {
        let lead = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/lead.json"
        ))
        .unwrap();
        assert_eq!(
            codes(&lead, 3),
            vec![(
                "CUSTOMER_FINGERPRINT_MISSING".to_string(),
                crate::report::Level::Info
            )]
        );
        assert!(codes(&lead, 2).is_empty());
    }
}
