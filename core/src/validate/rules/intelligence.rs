//! Lead intelligence rules (LI-001…LI-013, spec-model §4.3). LI-001 and LI-010 are pinned by
//! TC-015/TC-014 (codes `INTENT_SCORE_OUT_OF_RANGE`, `INTELLIGENCE_SCORES_STALE`) and run at
//! every level; the rest of the family runs at level 3.

use super::{Ctx, by_id, get_arr, get_datetime, get_f64, get_obj, has, in_future, pointer_join};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::{Map, Value};

/// Scores older than this many days are stale (LI-010).
pub const FRESHNESS_DAYS: i64 = 7;

/// Registered behavioural signal codes (LEX_LEAD_INTELLIGENCE §2.4), besides `VDP_VIEW_<n>X`.
pub const SIGNALS: [&str; 19] = [
    "VDP_VIEW_5X_PLUS",
    "PAYMENT_CALCULATOR_USED",
    "TRADE_IN_VALUATION_REQUESTED",
    "INVENTORY_FILTER_APPLIED",
    "SAVED_TO_FAVORITES",
    "COMPARE_PRODUCTS",
    "BOOKING_INITIATED",
    "CREDIT_PRE_CHECK",
    "DEALER_MAP_VIEWED",
    "CALL_TO_ACTION_CLICKED",
    "BROCHURE_DOWNLOADED",
    "LIVE_CHAT_ENGAGED",
    "SESSION_DEPTH_HIGH",
    "RETURN_VISIT",
    "VIDEO_VIEWED",
    "FINANCING_PAGE_VISITED",
    "APPOINTMENT_REQUESTED",
    "SPEC_SHEET_DOWNLOADED",
    "VDP_VIEW_1X",
];

const BASE: &str = "/lex/payload/lead/leadIntelligence";

fn signal_registered(code: &str) -> bool {
    if SIGNALS.contains(&code) {
        return true;
    }
    // VDP_VIEW_<n>X for n = 1..4 (5 and more is VDP_VIEW_5X_PLUS).
    code.strip_prefix("VDP_VIEW_")
        .and_then(|r| r.strip_suffix('X'))
        .is_some_and(|n| matches!(n, "1" | "2" | "3" | "4"))
}

fn unit(v: f64) -> bool {
    (0.0..=1.0).contains(&v)
}

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::Lead {
        return;
    }
    let Some(li) = get_obj(ctx.body, "leadIntelligence") else {
        return;
    };
    if let Some(score) = get_f64(li, "intentScore") {
        if !unit(score) {
            issues.push(
                Issue::new(
                    Level::Error,
                    "INTENT_SCORE_OUT_OF_RANGE",
                    "leadIntelligence.intentScore",
                    pointer_join(BASE, &["intentScore"]),
                    "intentScore must lie between 0.0 and 1.0",
                )
                .rule("LI-001")
                .rejected(li.get("intentScore").cloned().unwrap_or_default())
                .constraint("minimum 0.0, maximum 1.0"),
            );
        }
    }
    let mm = get_obj(li, "modelMetadata");
    if let Some(days) = mm.and_then(|m| get_f64(m, "dataFreshnessDays")) {
        if days > FRESHNESS_DAYS as f64 {
            issues.push(
                Issue::new(
                    Level::Warning,
                    "INTELLIGENCE_SCORES_STALE",
                    "leadIntelligence.modelMetadata.dataFreshnessDays",
                    pointer_join(BASE, &["modelMetadata", "dataFreshnessDays"]),
                    format!("the scores rest on data more than {FRESHNESS_DAYS} days old"),
                )
                .rule("LI-010")
                .rejected(
                    mm.and_then(|m| m.get("dataFreshnessDays"))
                        .cloned()
                        .unwrap_or_default(),
                )
                .threshold(Value::int(FRESHNESS_DAYS)),
            );
        }
    }
    if ctx.opts.level >= 3 {
        level3(ctx, li, mm, issues);
    }
}

fn level3(ctx: &Ctx<'_>, li: &Map, mm: Option<&Map>, issues: &mut Vec<Issue>) {
    if let Some(m) = mm {
        if let Some(t) = get_datetime(m, "scoredAt") {
            if in_future(ctx, t) {
                issues.push(by_id(
                    Level::Error,
                    "LI-002",
                    pointer_join(BASE, &["modelMetadata", "scoredAt"]),
                    "the scores are dated in the future",
                ));
            }
        }
        if get_f64(m, "dataFreshnessDays").is_some_and(|d| d < 0.0) {
            issues.push(by_id(
                Level::Error,
                "LI-003",
                pointer_join(BASE, &["modelMetadata", "dataFreshnessDays"]),
                "dataFreshnessDays cannot be negative",
            ));
        }
    }
    if get_f64(li, "buyingWindowDays").is_some_and(|d| d <= 0.0) {
        issues.push(by_id(
            Level::Error,
            "LI-004",
            pointer_join(BASE, &["buyingWindowDays"]),
            "buyingWindowDays must be positive",
        ));
    }
    for (id, list, key) in [
        ("LI-005", "predictedProducts", "confidenceScore"),
        ("LI-006", "channelAffinity", "affinityScore"),
        ("LI-007", "scoringReasons", "weight"),
    ] {
        for (i, item) in items(li, list) {
            if get_f64(item, key).is_some_and(|v| !unit(v)) {
                issues.push(by_id(
                    Level::Error,
                    id,
                    pointer_join(BASE, &[list, &i.to_string(), key]),
                    format!("{list}[{i}].{key} must lie between 0 and 1"),
                ));
            }
        }
    }
    for (i, item) in items(li, "scoringReasons") {
        if let Some(d) = item.get("direction") {
            if !matches!(d.as_str(), Some("POSITIVE" | "NEGATIVE")) {
                issues.push(
                    by_id(
                        Level::Error,
                        "LI-008",
                        pointer_join(BASE, &["scoringReasons", &i.to_string(), "direction"]),
                        "direction must be POSITIVE or NEGATIVE",
                    )
                    .rejected(d.clone()),
                );
            }
        }
    }
    if has(li, "intentScore") && !has(li, "confidenceLevel") {
        issues.push(by_id(
            Level::Warning,
            "LI-009",
            pointer_join(BASE, &["confidenceLevel"]),
            "intentScore is given without a confidenceLevel",
        ));
    }
    if let Some(signals) = get_arr(li, "behavioralSignals") {
        for (i, sig) in signals.iter().enumerate() {
            if let Some(code) = sig.as_str() {
                if !signal_registered(code) {
                    issues.push(
                        by_id(
                            Level::Warning,
                            "LI-011",
                            pointer_join(BASE, &["behavioralSignals", &i.to_string()]),
                            format!("\"{code}\" is not a registered behavioural signal"),
                        )
                        .rejected(sig.clone()),
                    );
                }
            }
        }
    }
    if has(li, "scoreTrend") && !has(li, "intentScore") {
        issues.push(by_id(
            Level::Warning,
            "LI-012",
            pointer_join(BASE, &["scoreTrend"]),
            "scoreTrend is given without an intentScore",
        ));
    }
    for (i, item) in items(li, "enrichmentSources") {
        if get_f64(item, "signalCount").is_some_and(|c| c < 0.0) {
            issues.push(by_id(
                Level::Error,
                "LI-013",
                pointer_join(BASE, &["enrichmentSources", &i.to_string(), "signalCount"]),
                "signalCount cannot be negative",
            ));
        }
    }
}

/// The object items of `map[key]` with their indexes.
pub(crate) fn items<'a>(map: &'a Map, key: &str) -> Vec<(usize, &'a Map)> {
    get_arr(map, key)
        .map(|a| {
            a.iter()
                .enumerate()
                .filter_map(|(i, v)| v.as_object().map(|o| (i, o)))
                .collect()
        })
        .unwrap_or_default()
}
