//! Extensions (`lex.extensions[]`): namespace rules, the reserved `lex.core.*` prefix and
//! the EXT-001…009 checks.
//!
//! Passthrough (NS-RULE-4/5): nothing in the toolkit rewrites, drops or reorders extension
//! entries, whatever their namespace; an unknown namespace never makes a message invalid.
//! Only the canonical array at `lex.extensions` is interpreted; other `extensions` members
//! (the object forms found in prose) are kept verbatim and reported with a WARNING
//! `EXTENSIONS_NONCANONICAL`.

use super::Ctx;
use crate::datetime::parse_timestamp;
use crate::message::Message;
use crate::report::combine::push_merged;
use crate::report::{Issue, Level};
use crate::value::{Value, escape_pointer_token};
use regex::Regex;
use std::sync::OnceLock;

/// The `lex.core.*` namespaces registered by the LEX working group (all at major version 1).
pub const RESERVED_NAMESPACES: [&str; 10] = [
    "lex.core.ev",
    "lex.core.deduplication",
    "lex.core.intelligence",
    "lex.core.consent",
    "lex.core.transport",
    "lex.core.realestate",
    "lex.core.aviation",
    "lex.core.maritime",
    "lex.core.heavyequipment",
    "lex.core.technology",
];

/// The latest registered major version of every registered namespace.
const REGISTERED_MAJOR: u64 = 1;

/// The namespace the toolkit itself uses for EDI data it cannot map.
pub const PROJECT_NAMESPACE: &str = "lexedi.edi.unmapped";

fn namespace_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*){2,}$")
            .unwrap_or_else(|_| unreachable!("constant regex"))
    })
}

fn semver_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // The schema's pattern for `extensions[].version` (SemVer 2.0.0).
        Regex::new(concat!(
            r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)",
            r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?",
            r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
        ))
        .unwrap_or_else(|_| unreachable!("constant regex"))
    })
}

/// True for a well-formed namespace: at least three dot-separated segments of lower-case
/// ASCII letters and digits, hyphens allowed inside a segment (`toyota.na.captive`).
pub fn is_valid_namespace(ns: &str) -> bool {
    namespace_re().is_match(ns)
}

/// True for a SemVer 2.0.0 version (`1.2.0`, `1.0.0-beta+build.5`).
pub fn is_semver(v: &str) -> bool {
    semver_re().is_match(v)
}

/// True for a namespace under the reserved `lex.core` prefix.
pub fn is_reserved(ns: &str) -> bool {
    ns == "lex.core" || ns.starts_with("lex.core.")
}

/// True for one of the registered [`RESERVED_NAMESPACES`].
pub fn is_registered(ns: &str) -> bool {
    RESERVED_NAMESPACES.contains(&ns)
}

/// The namespaces of `lex.extensions[]`, in order (entries without a string namespace are
/// skipped).
pub fn namespaces(msg: &Message) -> Vec<&str> {
    msg.lex()
        .get("extensions")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|e| e.get("namespace")?.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// The `data` of the first entry with `namespace`, if any.
#[cfg(test)]
pub fn data<'a>(msg: &'a Message, namespace: &str) -> Option<&'a Value> {
    msg.lex()
        .get("extensions")?
        .as_array()?
        .iter()
        .find(|e| e.get("namespace").and_then(Value::as_str) == Some(namespace))?
        .get("data")
}

fn ext(level: Level, code: &str, i: usize, key: &str, rule: &str, text: String) -> Issue {
    let (field, pointer) = if key.is_empty() {
        (
            format!("lex.extensions[{i}]"),
            format!("/lex/extensions/{i}"),
        )
    } else {
        (
            format!("lex.extensions[{i}].{key}"),
            format!("/lex/extensions/{i}/{key}"),
        )
    };
    let issue = Issue::new(level, code, field, pointer, text);
    if rule.is_empty() {
        issue
    } else {
        issue.rule(rule)
    }
}

fn nonempty_str(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str).filter(|s| !s.trim().is_empty())
}

/// The extension rules (conformance level 2 and above; nothing below).
///
/// Per entry `i` (field `lex.extensions[i].<key>`): EXT-001 `EXT_RESERVED_NAMESPACE` ERROR
/// (an unregistered `lex.core.*` namespace), EXT-002/-004/-006 `REQUIRED_FIELD_MISSING`,
/// EXT-003/-005 `REQUIRED_FIELD_MISSING` or `INVALID_FORMAT`, `EXT_NAMESPACE_FORMAT` WARNING
/// (not `org.division.purpose`), EXT-007 `EXT_NAMESPACE_UNREGISTERED` INFO (advisory only:
/// NS-RULE-2 forbids warning), EXT-008 `EXT_VERSION_AHEAD` WARNING, EXT-009
/// `EXT_SCHEMA_URI_ABSENT` INFO; a non-object entry is `INVALID_TYPE`. Non-canonical
/// `extensions` members elsewhere give `EXTENSIONS_NONCANONICAL` WARNING.
pub fn check_extensions(msg: &Message, level: u8, issues: &mut Vec<Issue>) {
    if level < 2 {
        return;
    }
    noncanonical(msg, issues);
    let Some(Value::Array(entries)) = msg.lex().get("extensions") else {
        return;
    };
    for (i, entry) in entries.iter().enumerate() {
        let Some(e) = entry.as_object() else {
            push_merged(
                issues,
                ext(
                    Level::Error,
                    "INVALID_TYPE",
                    i,
                    "",
                    "",
                    format!(
                        "an extension entry must be an object, not {}",
                        entry.type_name()
                    ),
                ),
            );
            continue;
        };
        let ns = nonempty_str(e.get("namespace"));
        match ns {
            None => push_merged(
                issues,
                ext(
                    Level::Error,
                    "REQUIRED_FIELD_MISSING",
                    i,
                    "namespace",
                    "EXT-002",
                    "an extension needs a namespace".into(),
                ),
            ),
            Some(ns) => check_namespace(ns, i, e.get("version"), issues),
        }
        match e.get("version") {
            None | Some(Value::Null) => push_merged(
                issues,
                ext(
                    Level::Error,
                    "REQUIRED_FIELD_MISSING",
                    i,
                    "version",
                    "EXT-003",
                    "an extension needs a version".into(),
                ),
            ),
            Some(v) if !v.as_str().is_some_and(is_semver) => push_merged(
                issues,
                ext(
                    Level::Error,
                    "INVALID_FORMAT",
                    i,
                    "version",
                    "EXT-003",
                    "the extension version must be semantic (MAJOR.MINOR.PATCH)".into(),
                )
                .rejected(v.clone()),
            ),
            Some(_) => {}
        }
        if nonempty_str(e.get("producer")).is_none() {
            push_merged(
                issues,
                ext(
                    Level::Error,
                    "REQUIRED_FIELD_MISSING",
                    i,
                    "producer",
                    "EXT-004",
                    "an extension needs a producer".into(),
                ),
            );
        }
        match e.get("producedAt") {
            None | Some(Value::Null) => push_merged(
                issues,
                ext(
                    Level::Error,
                    "REQUIRED_FIELD_MISSING",
                    i,
                    "producedAt",
                    "EXT-005",
                    "an extension needs producedAt".into(),
                ),
            ),
            Some(v) if v.as_str().and_then(parse_timestamp).is_none() => push_merged(
                issues,
                ext(
                    Level::Error,
                    "INVALID_FORMAT",
                    i,
                    "producedAt",
                    "EXT-005",
                    "producedAt must be an ISO 8601 (RFC 3339) date-time".into(),
                )
                .rejected(v.clone()),
            ),
            Some(_) => {}
        }
        // `data` may be any JSON value, `null` included: only absence is an error.
        if !e.contains_key("data") {
            push_merged(
                issues,
                ext(
                    Level::Error,
                    "REQUIRED_FIELD_MISSING",
                    i,
                    "data",
                    "EXT-006",
                    "an extension needs data (any JSON value)".into(),
                ),
            );
        }
        if !e.contains_key("schemaUri") {
            push_merged(
                issues,
                ext(
                    Level::Info,
                    "EXT_SCHEMA_URI_ABSENT",
                    i,
                    "schemaUri",
                    "EXT-009",
                    "no schemaUri: the data cannot be validated by third parties".into(),
                ),
            );
        }
    }
}

fn check_namespace(ns: &str, i: usize, version: Option<&Value>, issues: &mut Vec<Issue>) {
    if is_reserved(ns) && !is_registered(ns) {
        push_merged(
            issues,
            ext(
                Level::Error,
                "EXT_RESERVED_NAMESPACE",
                i,
                "namespace",
                "EXT-001",
                format!("\"{ns}\" is under the reserved lex.core prefix and is not a registered LEX namespace"),
            )
            .rejected(Value::from(ns))
            .allowed(&RESERVED_NAMESPACES),
        );
        return;
    }
    if !is_valid_namespace(ns) {
        push_merged(
            issues,
            ext(
                Level::Warning,
                "EXT_NAMESPACE_FORMAT",
                i,
                "namespace",
                "",
                format!("\"{ns}\" is not of the form org-prefix.division.purpose"),
            )
            .rejected(Value::from(ns)),
        );
    }
    if is_registered(ns) {
        let major = version
            .and_then(Value::as_str)
            .filter(|v| is_semver(v))
            .and_then(|v| v.split('.').next()?.parse::<u64>().ok());
        if let Some(m) = major.filter(|m| *m > REGISTERED_MAJOR) {
            push_merged(
                issues,
                ext(
                    Level::Warning,
                    "EXT_VERSION_AHEAD",
                    i,
                    "version",
                    "EXT-008",
                    format!("major version {m} is ahead of the registered {REGISTERED_MAJOR}.x: pass it through unprocessed"),
                )
                .threshold(Value::int(REGISTERED_MAJOR as i64)),
            );
        }
    } else if ns != PROJECT_NAMESPACE {
        push_merged(
            issues,
            ext(
                Level::Info,
                "EXT_NAMESPACE_UNREGISTERED",
                i,
                "namespace",
                "EXT-007",
                format!(
                    "\"{ns}\" is not in the community registry (advisory; the message stays valid)"
                ),
            ),
        );
    }
}

fn noncanonical(msg: &Message, issues: &mut Vec<Issue>) {
    let lex = msg.lex();
    let mut places: Vec<(String, String)> = Vec::new();
    if let Some(v) = lex.get("extensions") {
        if !matches!(v, Value::Array(_)) {
            places.push(("lex.extensions".into(), "/lex/extensions".into()));
        }
    }
    if let Some(p) = lex.get("payload").and_then(Value::as_object) {
        if p.contains_key("extensions") {
            places.push((
                "lex.payload.extensions".into(),
                "/lex/payload/extensions".into(),
            ));
        }
        for (key, body) in p {
            if body.get("extensions").is_some() {
                places.push((
                    format!("lex.payload.{key}.extensions"),
                    format!("/lex/payload/{}/extensions", escape_pointer_token(key)),
                ));
            }
        }
    }
    for (field, pointer) in places {
        push_merged(
            issues,
            Issue::new(
                Level::Warning,
                "EXTENSIONS_NONCANONICAL",
                field,
                pointer,
                "only the array at lex.extensions is interpreted; this member is passed through untouched",
            ),
        );
    }
}

/// Runs the extension rules (the family entry of [`super::FAMILIES`]).
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    check_extensions(ctx.msg, ctx.opts.level, issues);
}

#[cfg(test)]
mod tests;
