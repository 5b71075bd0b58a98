//! AI summary privacy rules (LEX_AI_INSIGHTS §6 "Privacy", issue 24 item 8), level 3 like the
//! other AI rules. The document's MUST and REQUIRES have no rule id, so the codes are lex's own:
//!
//! * `AI_SUMMARY_CONTAINS_PII` (ERROR, "MUST NOT contain full PII"): the
//!   `conversationInsights.summary` contains the customer's email address, phone number (its
//!   last [`PHONE_DIGITS`] digits, whatever the punctuation) or full name (first and last name
//!   together), compared case-insensitively.
//! * `AI_SUMMARY_WITHOUT_ANALYTICS_CONSENT` (WARNING, "REQUIRES consent flags"): a summary while
//!   `dataGovernance.analyticsAllowed` is `false`.

use super::{Ctx, get_obj, get_str};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::Value;

/// How many trailing digits of the customer's phone number identify it in a summary.
pub const PHONE_DIGITS: usize = 7;

const SUMMARY: &str = "/lex/payload/lead/aiInsights/conversationInsights/summary";

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::Lead || ctx.opts.level < 3 {
        return;
    }
    let Some(summary) = get_obj(ctx.body, "aiInsights")
        .and_then(|ai| get_obj(ai, "conversationInsights"))
        .and_then(|c| get_str(c, "summary"))
    else {
        return;
    };
    let found = pii_in(ctx, summary);
    if !found.is_empty() {
        issues.push(
            super::issue_at(
                Level::Error,
                "AI_SUMMARY_CONTAINS_PII",
                SUMMARY.to_string(),
                format!(
                    "the AI summary contains the customer's {}; summaries must be redacted",
                    found.join(", ")
                ),
            )
            .rejected(Value::from(found.join(","))),
        );
    }
    let analytics = ctx
        .msg
        .lex()
        .get("dataGovernance")
        .and_then(|g| g.get("analyticsAllowed"))
        .and_then(Value::as_bool);
    if analytics == Some(false) {
        issues.push(super::issue_at(
            Level::Warning,
            "AI_SUMMARY_WITHOUT_ANALYTICS_CONSENT",
            SUMMARY.to_string(),
            "an AI summary of the customer interaction while dataGovernance.analyticsAllowed is false",
        ));
    }
}

/// Which of the customer's identifiers (`email`, `phone`, `full name`) appear in `summary`.
fn pii_in(ctx: &Ctx<'_>, summary: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    let Some(customer) = get_obj(ctx.body, "customer") else {
        return found;
    };
    let text = summary.to_lowercase();
    let nonblank = |k: &str| {
        get_str(customer, k)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    if nonblank("emailAddress").is_some_and(|e| text.contains(&e.to_lowercase())) {
        found.push("email");
    }
    if let Some(phone) = nonblank("phoneNumber") {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let in_text: String = summary.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= PHONE_DIGITS && in_text.contains(&digits[digits.len() - PHONE_DIGITS..])
        {
            found.push("phone");
        }
    }
    if let (Some(first), Some(last)) = (nonblank("firstName"), nonblank("lastName")) {
        let full = format!("{} {}", first.to_lowercase(), last.to_lowercase());
        if text.contains(&full) {
            found.push("full name");
        }
    }
    found
}
