//! Captive finance rules (CF-001…CF-012, spec-model §4.3), level 3, for the `captiveFinance`
//! block of a LEAD or a LEAD_CLOSURE — except the anti-capture guardrails CF-001, CF-008 and
//! CF-009 ([`GUARDRAILS`]), which the captive-finance document calls mandatory without a level
//! and therefore run at every conformance level (issue 24 item 1). `null` sub-blocks count as
//! absent (I-40).

use super::intelligence::items;
use super::{
    CENT, Ctx, body_ptr, by_id, get_datetime, get_f64, get_obj, get_str, has, pointer_join,
};
use crate::lifecycle::status_index;
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::Value;

/// The rules of this family that run at every conformance level (the rest need level 3).
pub const GUARDRAILS: [&str; 3] = ["CF-001", "CF-008", "CF-009"];

/// Runs the rules: all of them at level 3, only [`GUARDRAILS`] below.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    let mut found = Vec::new();
    check_all(ctx, &mut found);
    super::keep_for_level(ctx, &GUARDRAILS, found, issues);
}

/// Every rule of the family, regardless of level.
fn check_all(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    let is_lead = ctx.mtype == MessageType::Lead;
    if !(is_lead || ctx.mtype == MessageType::LeadClosure) {
        return;
    }
    let Some(cf) = get_obj(ctx.body, "captiveFinance") else {
        return;
    };
    let base = pointer_join(&body_ptr(ctx), &["captiveFinance"]);
    if is_lead && cf.get("bindingCommitment").and_then(Value::as_bool) == Some(true) {
        issues.push(by_id(
            Level::Error,
            "CF-001",
            pointer_join(&base, &["bindingCommitment"]),
            "a captive offer in a LEAD cannot be a binding commitment",
        ));
    }
    for (id, key) in [
        ("CF-002", "snapshotTimestamp"),
        ("CF-003", "captiveOrg"),
        ("CF-004", "programId"),
        ("CF-005", "evaluatedBy"),
        ("CF-006", "evaluatedAt"),
        ("CF-007", "disclaimer"),
    ] {
        if !has(cf, key) {
            issues.push(by_id(
                Level::Error,
                id,
                pointer_join(&base, &[key]),
                format!("captiveFinance needs {key}"),
            ));
        }
    }
    for (id, structure, block) in [
        ("CF-008", "RETAIL_FINANCE", "retailFinance"),
        ("CF-009", "LEASE", "leaseTerms"),
    ] {
        if get_str(cf, "dealStructure") == Some(structure) && !has(cf, block) {
            issues.push(by_id(
                Level::Error,
                id,
                pointer_join(&base, &[block]),
                format!("a {structure} deal needs {block}"),
            ));
        }
    }
    if let (Some(exp), Some(hdr)) = (
        get_datetime(cf, "programExpiresAt"),
        ctx.msg
            .header()
            .timestamp()
            .and_then(crate::datetime::parse_timestamp),
    ) {
        if exp < hdr {
            issues.push(by_id(
                Level::Warning,
                "CF-010",
                pointer_join(&base, &["programExpiresAt"]),
                "the program had expired when the message was sent",
            ));
        }
    }
    if let Some(total) = get_f64(cf, "appliedIncentivesTotal") {
        let sum: f64 = items(cf, "bonusIncentives")
            .iter()
            .filter_map(|(_, b)| get_f64(b, "amount"))
            .sum();
        if (total - sum).abs() > CENT {
            issues.push(
                by_id(
                    Level::Warning,
                    "CF-011",
                    pointer_join(&base, &["appliedIncentivesTotal"]),
                    format!("appliedIncentivesTotal {total} differs from the sum of bonusIncentives {sum:.2}"),
                )
                .threshold(super::number_value(sum)),
            );
        }
    }
    if is_lead {
        let neg = status_index("IN_NEGOTIATION").unwrap_or(9);
        if get_str(ctx.body, "status")
            .and_then(status_index)
            .is_some_and(|i| i < neg)
        {
            issues.push(by_id(
                Level::Info,
                "CF-012",
                base,
                "a captive offer on a lead before IN_NEGOTIATION",
            ));
        }
    }
}
