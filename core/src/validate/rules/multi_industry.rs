//! Multi-industry B2B rules (spec-model §4.3 multi-industry table), level 3. The schema
//! requirements of `fleetOrder`, `organizationBuyer` and `procurementContact` are enforced by
//! the structural layer; these are the cross-field rules.

use super::intelligence::items;
use super::{Ctx, get_f64, get_obj, get_str, has, issue_at, pointer_join};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::Value;

const BASE: &str = "/lex/payload/lead";

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::Lead || ctx.opts.level < 3 {
        return;
    }
    let lead = ctx.body;
    if let Some(fo) = get_obj(lead, "fleetOrder") {
        if let Some(q) = get_f64(fo, "quantity") {
            let sum = |key: &str| -> Option<f64> {
                let it = items(fo, key);
                (!it.is_empty())
                    .then(|| it.iter().filter_map(|(_, x)| get_f64(x, "quantity")).sum())
            };
            if let Some(d) = sum("deliverySchedule") {
                if (d - q).abs() > f64::EPSILON {
                    issues.push(
                        issue_at(
                            Level::Warning,
                            "FLEET_DELIVERY_MISMATCH",
                            pointer_join(BASE, &["fleetOrder", "deliverySchedule"]),
                            format!("the delivery slots add up to {d} units, the order is for {q}"),
                        )
                        .threshold(super::number_value(q)),
                    );
                }
            }
            if let Some(u) = sum("unitSpecifications") {
                if u > q {
                    issues.push(
                        issue_at(
                            Level::Error,
                            "VALUE_OUT_OF_RANGE",
                            pointer_join(BASE, &["fleetOrder", "unitSpecifications"]),
                            format!(
                                "the unit specifications cover {u} units, more than the {q} ordered"
                            ),
                        )
                        .threshold(super::number_value(q)),
                    );
                }
            }
        }
    }
    let Some(c) = get_obj(lead, "customer") else {
        return;
    };
    if get_str(c, "buyerType") == Some("ORGANIZATION") && !has(c, "organizationBuyer") {
        issues.push(issue_at(
            Level::Warning,
            "ORGANIZATION_BUYER_MISSING",
            pointer_join(BASE, &["customer", "organizationBuyer"]),
            "an ORGANIZATION buyer without organizationBuyer details",
        ));
    }
    if let Some(ob) = get_obj(c, "organizationBuyer") {
        let gov = ob.get("governmentEntity").and_then(Value::as_bool) == Some(true);
        if gov && !has(ob, "procurementMethodology") && !has(lead, "procurementFinancing") {
            issues.push(issue_at(
                Level::Warning,
                "PROCUREMENT_METHOD_MISSING",
                pointer_join(
                    BASE,
                    &["customer", "organizationBuyer", "procurementMethodology"],
                ),
                "a government buyer without procurementMethodology or procurementFinancing",
            ));
        }
    }
}
