//! LEAD_CLOSURE rules (spec-model §4.1 rules 20–21, §4.3 LEAD_CLOSURE table). The two
//! vector rules run at every level; the date order at level 2; the WON/LOST completeness
//! recommendations at level 3 (they concern optional blocks, which CAPABILITY §3.2 assigns to
//! L3 — and TC-016, an L2 WON closure without them, expects no warning).

use super::{Ctx, filled, get_datetime, has, issue_at, pointer_join};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::Value;

/// The six closure statuses.
pub const CLOSURE_STATUSES: [&str; 6] = [
    "WON",
    "LOST",
    "ABANDONED",
    "REASSIGNED",
    "CANCELLED",
    "DUPLICATE",
];

const BASE: &str = "/lex/payload/leadClosure";

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::LeadClosure {
        return;
    }
    let c = ctx.body;
    if !c.get("originalLeadId").is_some_and(Value::is_truthy) {
        issues.push(Issue::new(
            Level::Error,
            "REQUIRED_FIELD_MISSING",
            "leadClosure.originalLeadId",
            pointer_join(BASE, &["originalLeadId"]),
            "the closure must name the lead it closes (originalLeadId)",
        ));
    }
    let status = c.get("closureStatus");
    let ok = status
        .and_then(Value::as_str)
        .is_some_and(|v| CLOSURE_STATUSES.contains(&v));
    if !ok {
        let mut i = Issue::new(
            Level::Error,
            "INVALID_ENUM_VALUE",
            "leadClosure.closureStatus",
            pointer_join(BASE, &["closureStatus"]),
            "closureStatus must be one of the six closure statuses",
        )
        .allowed(&CLOSURE_STATUSES);
        if let Some(v) = status {
            i = i.rejected(v.clone());
        }
        issues.push(i);
    }
    if ctx.opts.level >= 2 {
        if let (Some(created), Some(closed)) = (
            get_datetime(c, "leadCreatedDate"),
            get_datetime(c, "leadClosureDate"),
        ) {
            if closed < created {
                issues.push(
                    issue_at(
                        Level::Error,
                        "INVALID_DATE_ORDER",
                        pointer_join(BASE, &["leadClosureDate"]),
                        "the lead is closed before it was created",
                    )
                    .rejected(c.get("leadClosureDate").cloned().unwrap_or_default()),
                );
            }
        }
    }
    if ctx.opts.level >= 3 {
        match status.and_then(Value::as_str) {
            Some("WON") => {
                let deal = c
                    .get("closureDetail")
                    .and_then(Value::as_object)
                    .is_some_and(|d| has(d, "dealAmount"));
                let missing: Vec<(&str, Vec<&str>)> = [
                    (
                        !has(c, "purchasedProduct"),
                        ("purchasedProduct", vec!["purchasedProduct"]),
                    ),
                    (
                        !has(c, "customerOutcome"),
                        ("customerOutcome", vec!["customerOutcome"]),
                    ),
                    (
                        !deal,
                        (
                            "closureDetail.dealAmount",
                            vec!["closureDetail", "dealAmount"],
                        ),
                    ),
                ]
                .into_iter()
                .filter_map(|(m, v)| m.then_some(v))
                .collect();
                for (what, path) in missing {
                    issues.push(issue_at(
                        Level::Warning,
                        "WON_CLOSURE_INCOMPLETE",
                        pointer_join(BASE, &path),
                        format!("a WON closure should report {what}"),
                    ));
                }
            }
            Some("LOST") if !filled(c, "closureReason") => issues.push(issue_at(
                Level::Info,
                "LOST_CLOSURE_NO_REASON",
                pointer_join(BASE, &["closureReason"]),
                "a LOST closure should say why (closureReason)",
            )),
            _ => {}
        }
    }
}
