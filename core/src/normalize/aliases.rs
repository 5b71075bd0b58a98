//! The alias table of spec-model §8.2 below the envelope: legacy and prose spellings of
//! payload fields and values, rewritten into the schema's. Each rewrite is an
//! `ALIAS_NORMALIZED` warning (see the parent module).

use super::{alias_issue, rename};
use crate::report::{Issue, Level};
use crate::value::{Map, Value, escape_pointer_token};

/// `(alias, canonical)` key pairs applied to one object.
type Pairs = &'static [(&'static str, &'static str)];

const METADATA: Pairs = &[("createdAt", "createdDate"), ("updatedAt", "updatedDate")];
const FINANCING: Pairs = &[
    ("interestedInFinancing", "needsFinancing"),
    ("preferredLoanTerm", "loanTerm"),
];
const TRADE_IN: Pairs = &[
    ("hasTradeIn", "tradeInVehicleOffered"),
    ("year", "tradeInYear"),
    ("make", "tradeInMake"),
    ("model", "tradeInModel"),
    ("mileage", "tradeInMileage"),
    ("condition", "tradeInCondition"),
    ("estimatedValue", "estimatedTradeInValue"),
    ("odometerStatus", "tradeInOdometerStatus"),
    ("titleStatus", "tradeInTitleStatus"),
    ("payoffAmount", "tradeInPayoffAmount"),
];
const INTELLIGENCE: Pairs = &[("qualityTier", "leadQualityTier")];
const CROSS_PLATFORM: Pairs = &[
    ("platform", "platformName"),
    ("leadId", "externalLeadId"),
    ("leadTimestamp", "receivedAt"),
];
const ADDRESS: Pairs = &[("country", "countryCode")];
const OWNERSHIP: Pairs = &[("systemId", "owner"), ("receivedAt", "timestamp")];
const TAX_CREDIT: Pairs = &[
    ("federalCreditUSD", "federalCreditUsd"),
    ("stateCreditUSD", "stateCreditUsd"),
];
const BATTERY_WARRANTY: Pairs = &[("years", "warrantyYears"), ("km", "warrantyKm")];
const RANGE: Pairs = &[("rangeStandard", "standard")];
const ACK: Pairs = &[("processedAt", "timestamp"), ("receivedAt", "timestamp")];
const CLOSURE: Pairs = &[
    ("leadId", "originalLeadId"),
    ("closedAt", "leadClosureDate"),
    ("closureDate", "leadClosureDate"),
    ("outcome", "closureStatus"),
];

/// The canonical name that the alias table gives `key` inside an object named `parent`
/// (`tradeIn` + `mileage` → `tradeInMileage`), for readers that type untyped text by name
/// before the aliases are applied (XML-EDI). Keyed by the parent's name only, which is
/// enough to choose a leaf's type.
pub(crate) fn canonical_key(parent: &str, key: &str) -> Option<&'static str> {
    let table: Pairs = match parent {
        "metadata" => METADATA,
        "financing" => FINANCING,
        "tradeIn" => TRADE_IN,
        "leadIntelligence" => INTELLIGENCE,
        "address" => ADDRESS,
        "taxCreditEligibility" => TAX_CREDIT,
        "batteryWarranty" => BATTERY_WARRANTY,
        "estimatedRange" => RANGE,
        "acknowledgment" => ACK,
        "leadClosure" => CLOSURE,
        _ => return None,
    };
    table.iter().find(|(a, _)| *a == key).map(|(_, c)| *c)
}

fn pairs(map: &mut Map, table: Pairs, base: &str, issues: &mut Vec<Issue>) {
    for (alias, canonical) in table {
        rename(map, alias, canonical, base, issues);
    }
}

fn child<'a>(map: &'a mut Map, key: &str) -> Option<&'a mut Map> {
    map.get_mut(key).and_then(Value::as_object_mut)
}

fn join(base: &str, key: &str) -> String {
    format!("{base}/{}", escape_pointer_token(key))
}

/// Rewrites a string value in place per `table` (`(alias value, canonical value)`).
fn value_alias(map: &mut Map, key: &str, table: Pairs, base: &str, issues: &mut Vec<Issue>) {
    let Some(Value::String(s)) = map.get_mut(key) else {
        return;
    };
    let Some((_, canonical)) = table.iter().find(|(a, _)| a == s) else {
        return;
    };
    let old = std::mem::replace(s, (*canonical).to_string());
    let pointer = join(base, key);
    issues.push(
        Issue::new(
            Level::Warning,
            "ALIAS_NORMALIZED",
            super::pointer_to_field(&pointer),
            pointer,
            format!("value \"{old}\" was read as \"{canonical}\""),
        )
        .rejected(Value::String(old)),
    );
}

fn each_item(map: &mut Map, key: &str, base: &str, f: &mut dyn FnMut(&mut Map, &str)) {
    if let Some(items) = map.get_mut(key).and_then(Value::as_array_mut) {
        for (i, item) in items.iter_mut().enumerate() {
            if let Some(o) = item.as_object_mut() {
                f(o, &format!("{base}/{}/{i}", escape_pointer_token(key)));
            }
        }
    }
}

/// `metadata.ownershipChain[]`: string items become `{owner}`; prose keys are renamed.
fn metadata(meta: &mut Map, base: &str, issues: &mut Vec<Issue>) {
    pairs(meta, METADATA, base, issues);
    let chain_base = join(base, "ownershipChain");
    if let Some(chain) = meta.get_mut("ownershipChain").and_then(Value::as_array_mut) {
        for (i, item) in chain.iter_mut().enumerate() {
            let ib = format!("{chain_base}/{i}");
            if let Value::String(s) = item {
                let mut m = Map::default();
                m.insert("owner".into(), Value::String(std::mem::take(s)));
                *item = Value::Object(m);
                issues.push(alias_issue(&ib, "string item", "owner"));
            } else if let Some(o) = item.as_object_mut() {
                pairs(o, OWNERSHIP, &ib, issues);
            }
        }
    }
}

/// LEAD body aliases.
pub(super) fn lead(lead: &mut Map, issues: &mut Vec<Issue>) {
    let base = "/lex/payload/lead";
    value_alias(
        lead,
        "source",
        &[
            ("DEALER_WEBSITE", "RETAILER_WEBSITE"),
            ("DEALER_CRM", "RETAILER_CRM"),
        ],
        base,
        issues,
    );
    if let Some(c) = child(lead, "customer") {
        if let Some(a) = child(c, "address") {
            pairs(a, ADDRESS, "/lex/payload/lead/customer/address", issues);
        }
    }
    if let Some(m) = child(lead, "metadata") {
        metadata(m, "/lex/payload/lead/metadata", issues);
    }
    if let Some(f) = child(lead, "financing") {
        pairs(f, FINANCING, "/lex/payload/lead/financing", issues);
    }
    if let Some(t) = child(lead, "tradeIn") {
        pairs(t, TRADE_IN, "/lex/payload/lead/tradeIn", issues);
    }
    if let Some(li) = child(lead, "leadIntelligence") {
        pairs(
            li,
            INTELLIGENCE,
            "/lex/payload/lead/leadIntelligence",
            issues,
        );
    }
    if let Some(d) = child(lead, "deduplication") {
        each_item(
            d,
            "crossPlatformIds",
            "/lex/payload/lead/deduplication",
            &mut |o, b| pairs(o, CROSS_PLATFORM, b, issues),
        );
    }
}

/// ASSET body aliases (the prose EV shape, I-13).
pub(super) fn asset(asset: &mut Map, issues: &mut Vec<Issue>) {
    if let Some(m) = child(asset, "metadata") {
        metadata(m, "/lex/payload/asset/metadata", issues);
    }
    let base = "/lex/payload/asset/evSpecifications";
    let Some(ev) = child(asset, "evSpecifications") else {
        return;
    };
    // A single `chargePort` object becomes a one-element `chargePorts`, its charging powers
    // lifted to the block; other keys (`dcFast`, ...) stay in the port as extra data.
    if !ev.contains_key("chargePorts") {
        if let Some(idx) = ev.get_index_of("chargePort") {
            if let Some((_, Value::Object(mut port))) = ev.shift_remove_index(idx) {
                for k in ["maxAcChargingKw", "maxDcChargingKw"] {
                    if let Some(v) = port.shift_remove(k) {
                        if !ev.contains_key(k) {
                            ev.insert(k.to_string(), v);
                        }
                    }
                }
                ev.shift_insert(
                    idx,
                    "chargePorts".into(),
                    Value::Array(vec![Value::Object(port)]),
                );
                issues.push(alias_issue(base, "chargePort", "chargePorts"));
            }
        }
    }
    each_item(ev, "chargePorts", base, &mut |o, b| {
        value_alias(
            o,
            "standard",
            &[
                ("CCS_COMBO1", "CCS1"),
                ("CCS_COMBO2", "CCS2"),
                ("TYPE_1", "TYPE1"),
                ("TYPE_2", "TYPE2"),
            ],
            b,
            issues,
        )
    });
    if !ev.contains_key("estimatedRange")
        && ev
            .get("estimatedRangeKm")
            .is_some_and(|v| v.as_object().is_some())
    {
        rename(ev, "estimatedRangeKm", "estimatedRange", base, issues);
    }
    if let Some(r) = child(ev, "estimatedRange") {
        pairs(r, RANGE, &join(base, "estimatedRange"), issues);
    }
    if let Some(t) = child(ev, "taxCreditEligibility") {
        pairs(t, TAX_CREDIT, &join(base, "taxCreditEligibility"), issues);
    }
    if let Some(w) = child(ev, "batteryWarranty") {
        pairs(w, BATTERY_WARRANTY, &join(base, "batteryWarranty"), issues);
    }
}

/// ACKNOWLEDGMENT body aliases (I-8).
pub(super) fn acknowledgment(ack: &mut Map, issues: &mut Vec<Issue>) {
    let base = "/lex/payload/acknowledgment";
    pairs(ack, ACK, base, issues);
    value_alias(
        ack,
        "status",
        &[
            ("ACCEPTED", "RECEIVED"),
            ("ERROR", "FAILED"),
            ("DEFERRED", "PROCESSING"),
        ],
        base,
        issues,
    );
}

/// `closureType` values mapped to closure statuses (I-19; `OTHER` has no mapping).
const CLOSURE_TYPES: Pairs = &[
    ("SALE_COMPLETED", "WON"),
    ("LOST_TO_COMPETITOR", "LOST"),
    ("BUDGET_INSUFFICIENT", "LOST"),
    ("PRODUCT_UNAVAILABLE", "LOST"),
    ("BUYER_WITHDREW", "LOST"),
    ("UNCONTACTABLE", "ABANDONED"),
    ("EXPIRED", "ABANDONED"),
    ("DUPLICATE", "DUPLICATE"),
];

/// LEAD_CLOSURE body aliases (I-19).
pub(super) fn closure(c: &mut Map, issues: &mut Vec<Issue>) {
    let base = "/lex/payload/leadClosure";
    pairs(c, CLOSURE, base, issues);
    let mapped = c
        .get("closureType")
        .and_then(Value::as_str)
        .and_then(|t| CLOSURE_TYPES.iter().find(|(a, _)| *a == t));
    if let (Some((_, status)), false) = (mapped, c.contains_key("closureStatus")) {
        if let Some(idx) = c.get_index_of("closureType") {
            if let Some((_, old)) = c.shift_remove_index(idx) {
                c.shift_insert(idx, "closureStatus".into(), Value::from(*status));
                issues.push(
                    Issue::new(
                        Level::Warning,
                        "ALIAS_NORMALIZED",
                        "lex.payload.leadClosure.closureStatus",
                        format!("{base}/closureStatus"),
                        format!(
                            "closureType {} was read as closureStatus \"{status}\"",
                            old.as_str().unwrap_or("")
                        ),
                    )
                    .rejected(old),
                );
            }
        }
    }
    // `salePrice {amount, currency}` → `closureDetail {dealAmount, currency}`.
    let has_deal = c
        .get("closureDetail")
        .and_then(|d| d.get("dealAmount"))
        .is_some();
    if !has_deal
        && c.get("salePrice")
            .is_some_and(|s| s.get("amount").is_some())
    {
        if let Some(Value::Object(mut sale)) = c.shift_remove("salePrice") {
            let detail = c
                .entry("closureDetail".to_string())
                .or_insert_with(|| Value::Object(Map::default()));
            if let Some(d) = detail.as_object_mut() {
                if let Some(a) = sale.shift_remove("amount") {
                    d.insert("dealAmount".into(), a);
                }
                if let Some(cur) = sale.shift_remove("currency") {
                    d.entry("currency".to_string()).or_insert(cur);
                }
                if !sale.is_empty() {
                    d.insert("salePrice".into(), Value::Object(sale));
                }
            }
            issues.push(alias_issue(
                &join(base, "closureDetail"),
                "salePrice.amount",
                "dealAmount",
            ));
        }
    }
    if let Some(m) = child(c, "metadata") {
        metadata(m, "/lex/payload/leadClosure/metadata", issues);
    }
}
