//! Consent rules (spec-model §4.3 consent table, §5.2), conformance level 3.
//!
//! This module holds the vector-backed presence rule `CONSENT_RECORD_REQUIRED` (TC-011); the
//! per-jurisdiction rules of the consent family are added here by the consent work.

use super::{Ctx, ptr};
use crate::message::MessageType;
use crate::report::{Issue, Level};

/// Runs the consent rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::Lead || ctx.opts.level < 3 {
        return;
    }
    if super::lead_fields::has_pii(ctx.body) && !ctx.body.contains_key("consentRecord") {
        issues.push(
            Issue::new(
                Level::Error,
                "CONSENT_RECORD_REQUIRED",
                "lead.consentRecord",
                ptr("/lex/payload/lead", &["consentRecord"]),
                "the lead carries customer PII (email, phone or address) but no consentRecord",
            )
            .suggestion(
                "Include a consentRecord block when customer PII is present (LEX_CONSENT_MODEL)",
            ),
        );
    }
}
