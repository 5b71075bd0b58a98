//! The LEAD field rules pinned by the conformance vectors (spec-model §4.1 rules 6–10, 12),
//! applied at every conformance level like the published runner does.

use super::{Ctx, get_obj, get_str, pointer_join};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::Value;

/// Lead types that are follow-ups of an order and must name it (`parentOrderId`).
pub const POST_ORDER_TYPES: [&str; 5] = [
    "ACCESSORY",
    "POST_ORDER",
    "CROSS_SELL",
    "PROTECTION_PLAN",
    "RETAILER_INSTALLED_OPTION",
];

/// Lead types that usually follow an order (I-31): a missing parent is only a warning.
pub const SOFT_POST_ORDER_TYPES: [&str; 2] = ["SUBSCRIPTION", "SERVICE_UPGRADE"];

/// The loan term range in months (schema 12..84; the vector rule checks the maximum).
pub const LOAN_TERM_MONTHS: (i64, i64) = (12, 84);

const BASE: &str = "/lex/payload/lead";

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::Lead {
        return;
    }
    let lead = ctx.body;
    if let Some(c) = get_obj(lead, "customer") {
        customer(c, issues);
    }
    if let Some(f) = get_obj(lead, "financing") {
        if let Some(v) = f.get("loanTerm") {
            loan_term(v, issues);
        }
    }
    post_order(lead, issues);
    if let Some(d) = get_obj(lead, "deduplication") {
        fingerprint(d, issues);
    }
}

fn customer(c: &crate::value::Map, issues: &mut Vec<Issue>) {
    let first_missing = match c.get("firstName") {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    };
    if first_missing {
        issues.push(Issue::new(
            Level::Error,
            "REQUIRED_FIELD_MISSING",
            "payload.lead.customer.firstName",
            pointer_join(BASE, &["customer", "firstName"]),
            "the customer's firstName is missing or blank",
        ));
    }
    if let Some(e) = get_str(c, "emailAddress") {
        if !crate::validate::structural::is_email(e) {
            issues.push(
                Issue::new(
                    Level::Error,
                    "INVALID_EMAIL_FORMAT",
                    "customer.emailAddress",
                    pointer_join(BASE, &["customer", "emailAddress"]),
                    format!("\"{e}\" is not an email address"),
                )
                .rejected(Value::from(e)),
            );
        }
    }
    if let Some(p) = get_str(c, "phoneNumber") {
        if !phone_ok(p) {
            issues.push(
                Issue::new(
                    Level::Error,
                    "INVALID_PHONE_FORMAT",
                    "customer.phoneNumber",
                    pointer_join(BASE, &["customer", "phoneNumber"]),
                    format!("\"{p}\" is not a phone number (at least 7 digits with a leading +, else 10)"),
                )
                .rejected(Value::from(p))
                .suggestion("Phone numbers SHOULD be in E.164 format (e.g. +14155551234)"),
            );
        }
    }
}

/// The runner's phone rule: at least 7 digits, and at least 10 without a leading `+`.
pub fn phone_ok(p: &str) -> bool {
    let digits = p.bytes().filter(u8::is_ascii_digit).count();
    !(digits < 7 || (!p.starts_with('+') && digits < 10))
}

fn loan_term(v: &Value, issues: &mut Vec<Issue>) {
    let Some(n) = v.as_number().and_then(|n| n.as_f64()) else {
        return;
    };
    let (lo, hi) = LOAN_TERM_MONTHS;
    let (bad, constraint) = if n > hi as f64 {
        (true, format!("maximum {hi} months"))
    } else if n < lo as f64 {
        (true, format!("minimum {lo} months"))
    } else {
        (false, String::new())
    };
    if bad {
        issues.push(
            Issue::new(
                Level::Error,
                "LOAN_TERM_OUT_OF_RANGE",
                "financing.loanTerm",
                pointer_join(BASE, &["financing", "loanTerm"]),
                format!("a loan term of {} months is outside {lo}..{hi}", v_text(v)),
            )
            .rejected(v.clone())
            .constraint(constraint),
        );
    }
}

fn v_text(v: &Value) -> String {
    v.as_number()
        .map(|n| n.lexeme().to_string())
        .unwrap_or_default()
}

fn post_order(lead: &crate::value::Map, issues: &mut Vec<Issue>) {
    let Some(t) = get_str(lead, "leadType") else {
        return;
    };
    let level = if POST_ORDER_TYPES.contains(&t) {
        Level::Error
    } else if SOFT_POST_ORDER_TYPES.contains(&t) {
        Level::Warning
    } else {
        return;
    };
    let has_parent = lead.get("parentOrderId").is_some_and(Value::is_truthy);
    if !has_parent {
        issues.push(
            Issue::new(
                level,
                "POST_ORDER_REQUIRES_PARENT_ID",
                "lead.parentOrderId",
                pointer_join(BASE, &["parentOrderId"]),
                format!("a {t} lead must name its originating order in parentOrderId"),
            )
            .suggestion("Set lead.parentOrderId to the ID of the originating purchase order"),
        );
    }
}

/// 64 lower-case hex digits.
pub fn fingerprint_ok(f: &str) -> bool {
    f.len() == 64 && f.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn fingerprint(d: &crate::value::Map, issues: &mut Vec<Issue>) {
    let Some(v) = d.get("customerFingerprint") else {
        return;
    };
    if !v.is_truthy() {
        return;
    }
    let ok = v.as_str().is_some_and(fingerprint_ok);
    if !ok {
        issues.push(
            Issue::new(
                Level::Error,
                "INVALID_FINGERPRINT_FORMAT",
                "deduplication.customerFingerprint",
                pointer_join(BASE, &["deduplication", "customerFingerprint"]),
                "the customer fingerprint must be 64 lower-case hex digits (SHA-256)",
            )
            .rejected(v.clone())
            .constraint("Must be a 64-character lowercase hex string (SHA-256)"),
        );
    }
}
