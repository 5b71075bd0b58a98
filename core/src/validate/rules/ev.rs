//! EV rules (spec-model §4.1 rules 15 and 18, §4.3 EV table). The two vector rules run at
//! every level (as the published runner does) and keep the vector `field` strings; the
//! proposed EV rules run at level 3.

use super::{Ctx, get_arr, get_f64, get_obj, get_str, has, issue_at, pointer_join};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::{Map, Value};

/// How old a tax-credit statement may be, in days.
pub const INCENTIVE_MAX_AGE_DAYS: i64 = 365;

/// Runs the EV rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    match ctx.mtype {
        MessageType::Lead => {
            let base = "/lex/payload/lead/desiredProduct";
            let Some(dp) = get_obj(ctx.body, "desiredProduct") else {
                return;
            };
            for key in ["evPreferences", "evSpecifications"] {
                if let Some(ev) = get_obj(dp, key) {
                    lead_range(ev, &pointer_join(base, &[key]), issues);
                    if ctx.opts.level >= 3 {
                        l3(ctx, ev, &pointer_join(base, &[key]), issues);
                    }
                }
            }
        }
        MessageType::Asset => {
            let base = "/lex/payload/asset/evSpecifications";
            let Some(ev) = get_obj(ctx.body, "evSpecifications") else {
                return;
            };
            asset_range(ev, base, issues);
            dc_spec(ev, base, issues);
            if ctx.opts.level >= 3 {
                l3(ctx, ev, base, issues);
            }
        }
        _ => {}
    }
}

fn range_missing(pointer: String) -> Issue {
    Issue::new(
        Level::Warning,
        "EV_RANGE_STANDARD_MISSING",
        "evSpecifications.estimatedRangeKm",
        pointer,
        "a range figure is given without the test standard it was measured under",
    )
    .suggestion("Specify rangeStandard (EPA | WLTP | CLTC | JC08 | NEDC)")
}

/// Lead shapes: `evPreferences {estimatedRangeKm, rangeStandard}` (vectors) and the prose
/// `evSpecifications.estimatedRangeKm` (a number, or an object with its own `rangeStandard`).
fn lead_range(ev: &Map, base: &str, issues: &mut Vec<Issue>) {
    let Some(r) = ev.get("estimatedRangeKm") else {
        return;
    };
    let inner = r
        .as_object()
        .is_some_and(|o| super::filled(o, "rangeStandard"));
    if !super::filled(ev, "rangeStandard") && !inner {
        issues.push(range_missing(pointer_join(base, &["estimatedRangeKm"])));
    }
}

/// Asset shape: `estimatedRange {rangeKm|epa|wltp|cltc|jc08, standard}`.
fn asset_range(ev: &Map, base: &str, issues: &mut Vec<Issue>) {
    let Some(r) = get_obj(ev, "estimatedRange") else {
        return;
    };
    let figure = ["rangeKm", "epa", "wltp", "cltc", "jc08"]
        .iter()
        .any(|k| has(r, k));
    if figure && !super::filled(r, "standard") {
        issues.push(range_missing(pointer_join(
            base,
            &["estimatedRange", "standard"],
        )));
    }
}

fn dc_capable(port: &Map) -> bool {
    let level3 = get_str(port, "acLevel") == Some("LEVEL_3_DC");
    let std = get_str(port, "standard").unwrap_or("");
    let dc_standard = std.contains("CCS") || matches!(std, "CHAdeMO" | "NACS" | "GB_T");
    let dc_fast = port.get("dcFast").and_then(Value::as_bool) == Some(true);
    level3 || dc_standard || dc_fast
}

/// BEV/PHEV with a DC-capable port but no `maxDcChargingKw`.
fn dc_spec(ev: &Map, base: &str, issues: &mut Vec<Issue>) {
    if !matches!(get_str(ev, "drivetrainType"), Some("BEV" | "PHEV")) {
        return;
    }
    let ports = get_arr(ev, "chargePorts")
        .map(|a| a.iter().filter_map(Value::as_object).collect::<Vec<_>>())
        .unwrap_or_default();
    let single = get_obj(ev, "chargePort");
    let capable = ports.iter().any(|p| dc_capable(p)) || single.is_some_and(dc_capable);
    let declared = has(ev, "maxDcChargingKw") || single.is_some_and(|p| has(p, "maxDcChargingKw"));
    if capable && !declared {
        issues.push(
            Issue::new(
                Level::Warning,
                "EV_DC_SPEC_MISSING",
                "evSpecifications.chargePort.maxDcChargingKw",
                pointer_join(base, &["maxDcChargingKw"]),
                "the vehicle has a DC-capable charge port but no maxDcChargingKw",
            )
            .suggestion("Specify evSpecifications.maxDcChargingKw for DC-capable ports"),
        );
    }
}

fn l3(ctx: &Ctx<'_>, ev: &Map, base: &str, issues: &mut Vec<Issue>) {
    if let Some(kwh) = get_f64(ev, "batteryCapacityKwh") {
        if kwh <= 0.0 {
            issues.push(
                issue_at(
                    Level::Error,
                    "VALUE_OUT_OF_RANGE",
                    pointer_join(base, &["batteryCapacityKwh"]),
                    "the battery capacity must be greater than 0 kWh",
                )
                .rejected(ev.get("batteryCapacityKwh").cloned().unwrap_or_default())
                .constraint("greater than 0"),
            );
        }
    }
    if let Some(tc) = get_obj(ev, "taxCreditEligibility") {
        if let Some(d) = get_str(tc, "asOf").and_then(parse_date) {
            let age = (ctx.now.date() - d).whole_days();
            if age > INCENTIVE_MAX_AGE_DAYS {
                issues.push(
                    issue_at(
                        Level::Warning,
                        "EV_INCENTIVE_STALE",
                        pointer_join(base, &["taxCreditEligibility", "asOf"]),
                        format!("the tax-credit statement is {age} days old (more than {INCENTIVE_MAX_AGE_DAYS})"),
                    )
                    .rejected(Value::from(get_str(tc, "asOf").unwrap_or_default()))
                    .threshold(Value::int(INCENTIVE_MAX_AGE_DAYS)),
                );
            }
        }
    }
    if let Some(h) = get_obj(ev, "homeChargingInterest") {
        let wants = h.get("interestedInInstallation").and_then(Value::as_bool) == Some(true);
        if wants && !super::filled(h, "parkingType") {
            issues.push(issue_at(
                Level::Warning,
                "EV_PARKING_TYPE_MISSING",
                pointer_join(base, &["homeChargingInterest", "parkingType"]),
                "home-charger installation interest without the parking type",
            ));
        }
    }
}

/// Parses `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Option<time::Date> {
    if !crate::validate::structural::is_date(s) {
        return None;
    }
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u8 = s.get(5..7)?.parse().ok()?;
    let d: u8 = s.get(8..10)?.parse().ok()?;
    time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()
}
