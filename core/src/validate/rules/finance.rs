//! Financial summary rules (FIN-001…FIN-011, spec-model §4.3), level 3, for the
//! `financialSummary` block of a LEAD or a LEAD_CLOSURE — except the anti-capture guardrail
//! FIN-003 ([`GUARDRAILS`]), which the financial-summary document makes mandatory without a
//! level and therefore runs at every conformance level (issue 24 item 1).

use super::intelligence::items;
use super::{
    CENT, Ctx, body_ptr, by_id, get_datetime, get_f64, get_obj, get_str, has, pointer_join,
};
use crate::lifecycle::status_index;
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::Value;

/// `calculatedAt` older than this many days before the header timestamp is stale (FIN-010).
pub const TAX_CALC_MAX_AGE_DAYS: i64 = 30;

/// The rules of this family that run at every conformance level (the rest need level 3).
pub const GUARDRAILS: [&str; 1] = ["FIN-003"];

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
    let Some(fs) = get_obj(ctx.body, "financialSummary") else {
        return;
    };
    let base = pointer_join(&body_ptr(ctx), &["financialSummary"]);
    if !has(fs, "currency") {
        issues.push(by_id(
            Level::Error,
            "FIN-001",
            pointer_join(&base, &["currency"]),
            "financialSummary needs a currency",
        ));
    }
    if is_lead {
        // Meaningful from IN_NEGOTIATION on (I-40: ORDER_CONFIRMED/IN_DELIVERY count as later).
        let neg = status_index("IN_NEGOTIATION").unwrap_or(9);
        if let Some(st) = get_str(ctx.body, "status") {
            if status_index(st).is_some_and(|i| i < neg) {
                issues.push(
                    super::issue_at(
                        Level::Warning,
                        "FINANCIAL_SUMMARY_PREMATURE",
                        base.clone(),
                        format!("a financial summary on a lead in status {st} (expected from IN_NEGOTIATION on)"),
                    )
                    .rejected(Value::from(st)),
                );
            }
        }
    }
    let tp = pointer_join(&base, &["taxesAndFees"]);
    if let Some(tf) = get_obj(fs, "taxesAndFees") {
        for (id, key, what) in [
            (
                "FIN-002",
                "calculatedBy",
                "who calculated the taxes (calculatedBy)",
            ),
            (
                "FIN-004",
                "calculatedAt",
                "when the taxes were calculated (calculatedAt)",
            ),
            ("FIN-006", "lineItems", "the tax and fee line items"),
        ] {
            if !tf.contains_key(key) {
                issues.push(by_id(
                    Level::Error,
                    id,
                    pointer_join(&tp, &[key]),
                    format!("taxesAndFees needs {what}"),
                ));
            }
        }
        let juris = tf.get("jurisdictionCodes").and_then(Value::as_array);
        if juris.is_none_or(|j| j.is_empty()) {
            issues.push(by_id(
                Level::Error,
                "FIN-005",
                pointer_join(&tp, &["jurisdictionCodes"]),
                "taxesAndFees needs at least one jurisdiction code",
            ));
        }
        let estimate = tf.get("isEstimate").and_then(Value::as_bool);
        if is_lead && estimate == Some(false) {
            issues.push(by_id(
                Level::Error,
                "FIN-003",
                pointer_join(&tp, &["isEstimate"]),
                "taxes in a LEAD are always an estimate (isEstimate must be true)",
            ));
        }
        if !is_lead && estimate == Some(true) {
            issues.push(by_id(
                Level::Info,
                "FIN-011",
                pointer_join(&tp, &["isEstimate"]),
                "the closure still carries estimated taxes",
            ));
        }
        let lines = items(tf, "lineItems");
        if let (Some(total), false) = (get_f64(tf, "totalTaxesAndFees"), lines.is_empty()) {
            let sum: f64 = lines.iter().filter_map(|(_, l)| get_f64(l, "amount")).sum();
            if (total - sum).abs() > CENT {
                issues.push(
                    by_id(
                        Level::Warning,
                        "FIN-007",
                        pointer_join(&tp, &["totalTaxesAndFees"]),
                        format!("totalTaxesAndFees {total} differs from the sum of the line items {sum:.2}"),
                    )
                    .threshold(super::number_value(sum)),
                );
            }
        }
        if let (Some(at), Some(hdr)) = (
            get_datetime(tf, "calculatedAt"),
            ctx.msg
                .header()
                .timestamp()
                .and_then(crate::datetime::parse_timestamp),
        ) {
            if (hdr - at).whole_days() > TAX_CALC_MAX_AGE_DAYS {
                issues.push(by_id(
                    Level::Warning,
                    "FIN-010",
                    pointer_join(&tp, &["calculatedAt"]),
                    format!("the taxes were calculated more than {TAX_CALC_MAX_AGE_DAYS} days before the message"),
                ));
            }
        }
    }
    if let (Some(net), Some(allow), Some(payoff)) = (
        get_f64(fs, "netTradeIn"),
        get_f64(fs, "tradeInAllowance"),
        get_f64(fs, "tradeInPayoff"),
    ) {
        if (net - (allow - payoff)).abs() > CENT {
            issues.push(by_id(
                Level::Warning,
                "FIN-008",
                pointer_join(&base, &["netTradeIn"]),
                format!(
                    "netTradeIn {net} is not tradeInAllowance − tradeInPayoff ({})",
                    allow - payoff
                ),
            ));
        }
    }
    if let (Some(neg), Some(price)) = (get_f64(fs, "negotiatedPrice"), get_f64(fs, "vehiclePrice"))
    {
        if neg > price {
            issues.push(by_id(
                Level::Warning,
                "FIN-009",
                pointer_join(&base, &["negotiatedPrice"]),
                format!("negotiatedPrice {neg} is above vehiclePrice {price}"),
            ));
        }
    }
}
