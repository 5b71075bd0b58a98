//! Consent (`lead.consentRecord`): which jurisdiction block is required for which customer,
//! the schema's required members of each block, legal bases, expiry, withdrawal and purpose
//! (LEX_CONSENT_MODEL §3; conformance level 3 only, as decisions.md says).
//!
//! The customer's country is `customer.address.countryCode`, else the primary (or first)
//! entry of `customer.addresses[]` (`countryCode` or `country`), else
//! `lead.metadata.countryCode`; the US state (for CCPA) comes from the same address.
//! Proposed codes (no LEX document publishes any besides `CONSENT_RECORD_REQUIRED`):
//! `CONSENT_JURISDICTION_MISSING`, `CONSENT_INVALID_IP`, `CONSENT_TIMESTAMP_IN_FUTURE`,
//! `CONSENT_WITHDRAWAL_UNDATED`, `CONSENT_INVALID_STATE_CODE`, `CONSENT_EXPIRED`,
//! `CONSENT_PURPOSE_MISSING`; schema facts use `REQUIRED_FIELD_MISSING`, `INVALID_TYPE`,
//! `INVALID_ENUM_VALUE` and `VALUE_OUT_OF_RANGE`.

use super::Ctx;
use crate::datetime::{FUTURE_SKEW_SECONDS, format_timestamp, parse_timestamp};
use crate::message::{LeadView, Message};
use crate::report::combine::push_merged;
use crate::report::{Issue, Level};
use crate::value::{Map, Value};
use time::{Duration, OffsetDateTime};

mod jurisdictions;

use jurisdictions::Kind;
pub use jurisdictions::{JURISDICTIONS, Jurisdiction, US_STATES, jurisdiction, required_blocks};

fn primary_address(customer: &Map) -> Option<&Map> {
    if let Some(a) = customer.get("address").and_then(Value::as_object) {
        return Some(a);
    }
    let list = customer.get("addresses")?.as_array()?;
    list.iter()
        .filter_map(Value::as_object)
        .find(|a| a.get("primary").and_then(Value::as_bool) == Some(true))
        .or_else(|| list.iter().find_map(Value::as_object))
}

/// The customer's `(country, state)` as the consent rules resolve them.
pub fn customer_jurisdiction<'a>(lead: LeadView<'a>) -> (Option<&'a str>, Option<&'a str>) {
    let addr = lead.customer().and_then(primary_address);
    let country = addr
        .and_then(|a| a.get("countryCode").or_else(|| a.get("country")))
        .and_then(Value::as_str)
        .or_else(|| lead.raw().get("metadata")?.get("countryCode")?.as_str());
    let state = addr.and_then(|a| a.get("state")).and_then(Value::as_str);
    (country, state)
}

/// True when the lead carries customer PII that needs a consent record: an email, a phone
/// or an address (`address`, `addresses`, `phoneNumbers` count too).
pub fn has_pii(lead: LeadView<'_>) -> bool {
    let Some(c) = lead.customer() else {
        return false;
    };
    [
        "emailAddress",
        "phoneNumber",
        "address",
        "addresses",
        "phoneNumbers",
    ]
    .iter()
    .any(|k| c.get(*k).is_some_and(Value::is_truthy))
}

/// True when the lead is consent-restricted (LEX_CONSENT_MODEL §4): some block says consent
/// was withdrawn or opted out (`consentWithdrawn: true`, a `consentWithdrawnAt` date, CCPA
/// `optedOut`/`doNotSell`) or was not given (a consent flag that is `false`).
#[cfg(test)]
pub fn is_consent_restricted(lead: LeadView<'_>) -> bool {
    let Some(rec) = lead.raw().get("consentRecord").and_then(Value::as_object) else {
        return false;
    };
    JURISDICTIONS.iter().any(|j| {
        let Some(b) = rec.get(j.block).and_then(Value::as_object) else {
            return false;
        };
        let t = |k: &str| b.get(k).and_then(Value::as_bool) == Some(true);
        let f = |k: &str| b.get(k).and_then(Value::as_bool) == Some(false);
        t("consentWithdrawn")
            || b.get("consentWithdrawnAt")
                .and_then(Value::as_str)
                .is_some()
            || t("optedOut")
            || t("doNotSell")
            || f("consentGranted")
            || f("consentGiven")
            || f("expressWrittenConsent")
    })
}

const BASE_FIELD: &str = "lex.payload.lead.consentRecord";
const BASE_POINTER: &str = "/lex/payload/lead/consentRecord";

fn consent_issue(level: Level, code: &str, sub: &str, text: impl Into<String>) -> Issue {
    let (field, pointer) = if sub.is_empty() {
        (BASE_FIELD.to_string(), BASE_POINTER.to_string())
    } else {
        (
            format!("{BASE_FIELD}.{sub}"),
            format!("{BASE_POINTER}/{}", sub.replace('.', "/")),
        )
    };
    Issue::new(level, code, field, pointer, text)
}

/// Every consent rule (L3 only): [`check_consent_required`], then
/// [`check_consent_jurisdictions`], then [`check_consent_blocks`].
pub fn check_consent(msg: &Message, level: u8, now: OffsetDateTime, issues: &mut Vec<Issue>) {
    check_consent_required(msg, level, issues);
    check_consent_jurisdictions(msg, level, issues);
    check_consent_blocks(msg, level, now, issues);
}

/// `CONSENT_RECORD_REQUIRED` (ERROR, field `lead.consentRecord` as in TC-011): a LEAD with
/// customer email, phone or address and no `consentRecord`. L3 only.
pub fn check_consent_required(msg: &Message, level: u8, issues: &mut Vec<Issue>) {
    let Some(lead) = msg.lead().filter(|_| level >= 3) else {
        return;
    };
    if has_pii(lead) && lead.raw().get("consentRecord").is_none_or(Value::is_null) {
        push_merged(
            issues,
            Issue::new(
                Level::Error,
                "CONSENT_RECORD_REQUIRED",
                "lead.consentRecord",
                BASE_POINTER,
                "a lead carrying customer email, phone or address needs a consentRecord",
            )
            .suggestion("add lead.consentRecord with the block of the customer's jurisdiction"),
        );
    }
}

/// `CONSENT_JURISDICTION_MISSING`: the block the customer's country requires is absent
/// (see [`required_blocks`]). Only when a `consentRecord` object is present. L3 only.
pub fn check_consent_jurisdictions(msg: &Message, level: u8, issues: &mut Vec<Issue>) {
    let Some(lead) = msg.lead().filter(|_| level >= 3) else {
        return;
    };
    let Some(rec) = lead.raw().get("consentRecord").and_then(Value::as_object) else {
        return;
    };
    let (Some(country), state) = customer_jurisdiction(lead) else {
        return;
    };
    for (block, lvl) in required_blocks(country, state) {
        if rec.get(block).is_none_or(Value::is_null) {
            let regime = jurisdiction(block).map_or(block, |j| j.regime);
            push_merged(
                issues,
                consent_issue(
                    lvl,
                    "CONSENT_JURISDICTION_MISSING",
                    block,
                    format!(
                        "a customer in {country} needs a consentRecord.{block} ({regime}) block"
                    ),
                )
                .rejected(Value::from(country)),
            );
        }
    }
}

/// The rules inside present blocks (L3 only): schema-required members, legal bases,
/// `retentionPeriodDays ≥ 1`, valid IP addresses, consent timestamps not in the future,
/// withdrawal dated, expiry (`tcpa.expiryDate`, or `consentTimestamp + retentionPeriodDays`
/// in the past: WARNING `CONSENT_EXPIRED`), an empty `purposeCodes` list (WARNING
/// `CONSENT_PURPOSE_MISSING`), US state codes in `usStatePrivacy.statesOptedOut`.
pub fn check_consent_blocks(
    msg: &Message,
    level: u8,
    now: OffsetDateTime,
    issues: &mut Vec<Issue>,
) {
    let Some(lead) = msg.lead().filter(|_| level >= 3) else {
        return;
    };
    let Some(rec) = lead.raw().get("consentRecord").and_then(Value::as_object) else {
        return;
    };
    for j in &JURISDICTIONS {
        match rec.get(j.block) {
            Some(Value::Object(b)) => check_block(j, b, now, issues),
            None | Some(Value::Null) => {}
            Some(other) => push_merged(
                issues,
                consent_issue(
                    Level::Error,
                    "INVALID_TYPE",
                    j.block,
                    format!(
                        "consentRecord.{} must be an object, not {}",
                        j.block,
                        other.type_name()
                    ),
                ),
            ),
        }
    }
    for key in ["recordedAt", "collectedAt"] {
        future_timestamp(rec.get(key), key, now, issues);
    }
    if let Some(ip) = rec.get("consentIpAddress") {
        check_ip(ip, "consentIpAddress", issues);
    }
}

fn check_block(j: &Jurisdiction, b: &Map, now: OffsetDateTime, issues: &mut Vec<Issue>) {
    let name = j.block;
    for (key, aliases, kind) in j.required {
        let found = std::iter::once(*key)
            .chain(aliases.iter().copied())
            .find_map(|k| b.get(k).filter(|v| !v.is_null()).map(|v| (k, v)));
        match found {
            None => push_merged(
                issues,
                consent_issue(
                    Level::Error,
                    "REQUIRED_FIELD_MISSING",
                    &format!("{name}.{key}"),
                    format!("consentRecord.{name} needs {key}"),
                ),
            ),
            Some((k, v)) => {
                let ok = match kind {
                    Kind::Bool => v.as_bool().is_some(),
                    Kind::Str => v.as_str().is_some(),
                };
                if !ok {
                    let want = if *kind == Kind::Bool {
                        "a boolean"
                    } else {
                        "a string"
                    };
                    push_merged(
                        issues,
                        consent_issue(
                            Level::Error,
                            "INVALID_TYPE",
                            &format!("{name}.{k}"),
                            format!(
                                "consentRecord.{name}.{k} must be {want}, not {}",
                                v.type_name()
                            ),
                        )
                        .rejected(v.clone()),
                    );
                }
            }
        }
    }
    if let (Some(bases), Some(v)) = (j.legal_bases, b.get("legalBasis").filter(|v| !v.is_null())) {
        if !v.as_str().is_some_and(|s| bases.contains(&s)) {
            push_merged(
                issues,
                consent_issue(
                    Level::Error,
                    "INVALID_ENUM_VALUE",
                    &format!("{name}.legalBasis"),
                    format!("not a {} legal basis", j.regime),
                )
                .rejected(v.clone())
                .allowed(bases),
            );
        }
    }
    if let Some(v) = b.get("retentionPeriodDays") {
        if v.as_f64().is_some_and(|d| d < 1.0) {
            push_merged(
                issues,
                consent_issue(
                    Level::Error,
                    "VALUE_OUT_OF_RANGE",
                    &format!("{name}.retentionPeriodDays"),
                    "retentionPeriodDays must be at least 1",
                )
                .rejected(v.clone())
                .threshold(Value::int(1)),
            );
        }
    }
    if let Some(ip) = b.get("ipAddress") {
        check_ip(ip, &format!("{name}.ipAddress"), issues);
    }
    for key in [
        "consentTimestamp",
        "timestamp",
        "consentWithdrawnAt",
        "optOutTimestamp",
    ] {
        future_timestamp(b.get(key), &format!("{name}.{key}"), now, issues);
    }
    check_withdrawal(name, b, issues);
    check_expiry(name, b, now, issues);
    if let Some(Value::Array(p)) = b.get("purposeCodes") {
        if p.is_empty() {
            push_merged(
                issues,
                consent_issue(
                    Level::Warning,
                    "CONSENT_PURPOSE_MISSING",
                    &format!("{name}.purposeCodes"),
                    "an empty purposeCodes list allows no processing purpose",
                ),
            );
        }
    }
    if let Some(Value::Array(states)) = b.get("statesOptedOut") {
        for (i, s) in states.iter().enumerate() {
            if !s.as_str().is_some_and(|s| US_STATES.contains(&s)) {
                push_merged(
                    issues,
                    Issue::new(
                        Level::Warning,
                        "CONSENT_INVALID_STATE_CODE",
                        format!("{BASE_FIELD}.{name}.statesOptedOut[{i}]"),
                        format!("{BASE_POINTER}/{name}/statesOptedOut/{i}"),
                        "not a US state code",
                    )
                    .rejected(s.clone()),
                );
            }
        }
    }
}

fn check_ip(v: &Value, sub: &str, issues: &mut Vec<Issue>) {
    if v.is_null() {
        return;
    }
    if v.as_str()
        .is_none_or(|s| s.parse::<std::net::IpAddr>().is_err())
    {
        push_merged(
            issues,
            consent_issue(
                Level::Error,
                "CONSENT_INVALID_IP",
                sub,
                "not a valid IPv4 or IPv6 address",
            )
            .rejected(v.clone()),
        );
    }
}

fn future_timestamp(v: Option<&Value>, sub: &str, now: OffsetDateTime, issues: &mut Vec<Issue>) {
    let Some(t) = v.and_then(Value::as_str).and_then(parse_timestamp) else {
        return;
    };
    if (t - now).whole_seconds() > FUTURE_SKEW_SECONDS {
        push_merged(
            issues,
            consent_issue(
                Level::Error,
                "CONSENT_TIMESTAMP_IN_FUTURE",
                sub,
                "a consent timestamp cannot be in the future",
            )
            .rejected(v.cloned().unwrap_or(Value::Null)),
        );
    }
}

fn check_withdrawal(name: &str, b: &Map, issues: &mut Vec<Issue>) {
    let t = |k: &str| b.get(k).and_then(Value::as_bool) == Some(true);
    let dated = |k: &str| b.get(k).and_then(Value::as_str).is_some();
    let (revoked, date_key) = match name {
        "ccpa" => (t("doNotSell") || t("optedOut"), "optOutTimestamp"),
        _ => (t("consentWithdrawn"), "consentWithdrawnAt"),
    };
    let has_date = dated(date_key) || (name == "ccpa" && dated("consentTimestamp"));
    if revoked && !has_date {
        push_merged(
            issues,
            consent_issue(
                Level::Warning,
                "CONSENT_WITHDRAWAL_UNDATED",
                &format!("{name}.{date_key}"),
                "consent was withdrawn but the withdrawal is not dated",
            ),
        );
    }
}

/// `t + days` days; `None` when out of range (a huge day count from the input).
fn days_after(t: OffsetDateTime, days: i64) -> Option<OffsetDateTime> {
    t.checked_add(Duration::seconds(days.checked_mul(86_400)?))
}

fn check_expiry(name: &str, b: &Map, now: OffsetDateTime, issues: &mut Vec<Issue>) {
    let ts = |k: &str| b.get(k).and_then(Value::as_str).and_then(parse_timestamp);
    if let Some(e) = ts("expiryDate").filter(|e| *e < now) {
        push_merged(
            issues,
            consent_issue(
                Level::Warning,
                "CONSENT_EXPIRED",
                &format!("{name}.expiryDate"),
                format!("the consent expired at {}", format_timestamp(e)),
            ),
        );
        return;
    }
    let given = ts("consentTimestamp").or_else(|| ts("timestamp"));
    let days = b
        .get("retentionPeriodDays")
        .and_then(Value::as_i64)
        .filter(|d| *d >= 1);
    if let (Some(g), Some(d)) = (given, days) {
        if days_after(g, d).is_some_and(|end| end < now) {
            push_merged(
                issues,
                consent_issue(
                    Level::Warning,
                    "CONSENT_EXPIRED",
                    &format!("{name}.retentionPeriodDays"),
                    format!("the retention period of {d} days after the consent has elapsed"),
                )
                .threshold(Value::int(d)),
            );
        }
    }
}

/// Runs the consent rules (the family entry of [`super::FAMILIES`]).
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    check_consent(ctx.msg, ctx.opts.level, ctx.now, issues);
}

#[cfg(test)]
mod tests;
