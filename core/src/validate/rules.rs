//! The business-rule families (spec-model §4.1, §4.3, §4.4), one module per family.
//!
//! [`FAMILIES`] lists them in evaluation order; each `check` gates its own rules by
//! conformance level because the published runner applies the vector-backed rules at every
//! level (§4.1) while the rest of a family belongs to the tier of §4.3.
//!
//! Codes: the vector-backed rules use the vector codes; rules of the §4.3 families that have
//! no symbolic code use their published id (`FIN-007`) as code and `rule_id`; the few
//! proposed rules without an id use the digest's proposed code.

pub mod ai;
pub mod ai_privacy;
pub mod capability;
pub mod captive;
pub mod closure;
pub mod consent;
pub mod dedup;
pub mod ev;
pub mod extensions;
pub mod finance;
pub mod governance;
pub mod header;
pub mod intelligence;
pub mod lead_fields;
pub mod lineage;
pub mod multi_industry;
pub mod quality;
pub mod transition;

use super::Ctx;
use crate::normalize::pointer_to_field;
use crate::report::{Issue, Level};
use crate::value::{Map, Value, escape_pointer_token};

/// A rule family: reads the context, appends issues.
pub type Family = fn(&Ctx<'_>, &mut Vec<Issue>);

/// Every family, in evaluation order.
pub const FAMILIES: &[(&str, Family)] = &[
    ("header", header::check),
    ("lead_fields", lead_fields::check),
    ("transition", transition::check),
    ("consent", consent::check),
    ("governance", governance::check),
    ("extensions", extensions::check),
    ("ev", ev::check),
    ("intelligence", intelligence::check),
    ("ai", ai::check),
    ("ai_privacy", ai_privacy::check),
    ("finance", finance::check),
    ("captive", captive::check),
    ("lineage", lineage::check),
    ("closure", closure::check),
    ("capability", capability::check),
    ("multi_industry", multi_industry::check),
    ("quality", quality::check),
    ("dedup", dedup::check),
];

/// `base` + `/` + each token escaped.
pub(crate) fn pointer_join(base: &str, tokens: &[&str]) -> String {
    let mut p = base.to_string();
    for t in tokens {
        p.push('/');
        p.push_str(&escape_pointer_token(t));
    }
    p
}

/// A rule issue whose `field` is the dotted form of its pointer.
pub(crate) fn issue_at(level: Level, code: &str, pointer: String, msg: impl Into<String>) -> Issue {
    Issue::new(level, code, pointer_to_field(&pointer), pointer, msg)
}

/// A rule issue whose code is its published rule id.
pub(crate) fn by_id(level: Level, id: &str, pointer: String, msg: impl Into<String>) -> Issue {
    issue_at(level, id, pointer, msg).rule(id)
}

/// `map[key]` as an object.
pub(crate) fn get_obj<'a>(map: &'a Map, key: &str) -> Option<&'a Map> {
    map.get(key)?.as_object()
}

/// `map[key]` as an array.
pub(crate) fn get_arr<'a>(map: &'a Map, key: &str) -> Option<&'a Vec<Value>> {
    map.get(key)?.as_array()
}

/// `map[key]` as a string.
pub(crate) fn get_str<'a>(map: &'a Map, key: &str) -> Option<&'a str> {
    map.get(key)?.as_str()
}

/// `map[key]` as a number.
pub(crate) fn get_f64(map: &Map, key: &str) -> Option<f64> {
    map.get(key)?.as_number()?.as_f64()
}

/// True when `map[key]` is present and not `null`.
pub(crate) fn has(map: &Map, key: &str) -> bool {
    map.get(key).is_some_and(|v| !v.is_null())
}

/// True when `map[key]` is present, not `null`, and not an empty/blank string.
pub(crate) fn filled(map: &Map, key: &str) -> bool {
    match map.get(key) {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(_) => true,
    }
}

/// The pointer of the payload body (`/lex/payload/lead`).
pub(crate) fn body_ptr(ctx: &Ctx<'_>) -> String {
    format!("/lex/payload/{}", ctx.mtype.payload_key())
}

/// Parses an RFC 3339 date-time string field.
pub(crate) fn get_datetime(map: &Map, key: &str) -> Option<time::OffsetDateTime> {
    crate::datetime::parse_timestamp(get_str(map, key)?)
}

/// True when `t` lies more than the allowed clock skew after `now`.
pub(crate) fn in_future(ctx: &Ctx<'_>, t: time::OffsetDateTime) -> bool {
    crate::datetime::beyond_skew(t, ctx.now)
}

/// A number as a JSON value, keeping integers integral.
pub(crate) fn number_value(f: f64) -> Value {
    let text = if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    };
    crate::value::Number::from_lexeme(&text)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

/// Appends `found` to `issues`: everything at level 3, below it only the issues whose rule id
/// is one of `every_level` (the anti-capture guardrails that the documents give no level).
pub(crate) fn keep_for_level(
    ctx: &Ctx<'_>,
    every_level: &[&str],
    found: Vec<Issue>,
    issues: &mut Vec<Issue>,
) {
    let full = ctx.opts.level >= 3;
    issues.extend(found.into_iter().filter(|i| {
        full || i
            .rule_id
            .as_deref()
            .is_some_and(|id| every_level.contains(&id))
    }));
}

/// Numbers are compared with this tolerance in the arithmetic rules (±0.01).
pub(crate) const CENT: f64 = 0.01;
