//! Read liberally, write canonically: the alias normalisation applied to every message read.
//!
//! Each alias rewritten into its canonical spelling adds an `ALIAS_NORMALIZED` warning that
//! names the canonical pointer. When an alias and its canonical key are both present with
//! different values, nothing is rewritten and a `CONFLICTING_ALIASES` error is reported.
//! Keys keep their position in the object when renamed.

use crate::error::{Error, ErrorKind, Location, Result};
use crate::report::{Issue, Level};
use crate::value::{Map, Value, escape_pointer_token};

mod aliases;
pub(crate) use aliases::canonical_key;

/// Normalises `root` (which must be an envelope) and returns it with the issues found.
pub fn normalize(mut root: Value) -> Result<(Value, Vec<Issue>)> {
    let mut issues = Vec::new();
    rename_root(&mut root, &mut issues);
    check_envelope(&root)?;
    if let Some(lex) = root.get_mut("lex").and_then(Value::as_object_mut) {
        normalize_version(lex, &mut issues);
        if let Some(payload) = lex.get_mut("payload").and_then(Value::as_object_mut) {
            rename(
                payload,
                "closure",
                "leadClosure",
                "/lex/payload",
                &mut issues,
            );
            if let Some(lead) = payload.get_mut("lead").and_then(Value::as_object_mut) {
                normalize_lead(lead, &mut issues);
                aliases::lead(lead, &mut issues);
            }
            if let Some(a) = payload.get_mut("asset").and_then(Value::as_object_mut) {
                aliases::asset(a, &mut issues);
            }
            if let Some(a) = payload
                .get_mut("acknowledgment")
                .and_then(Value::as_object_mut)
            {
                aliases::acknowledgment(a, &mut issues);
            }
            if let Some(c) = payload
                .get_mut("leadClosure")
                .and_then(Value::as_object_mut)
            {
                aliases::closure(c, &mut issues);
            }
        }
    }
    Ok((root, issues))
}

fn alias_issue(pointer_base: &str, alias: &str, canonical: &str) -> Issue {
    let pointer = format!("{pointer_base}/{}", escape_pointer_token(canonical));
    Issue::new(
        Level::Warning,
        "ALIAS_NORMALIZED",
        pointer_to_field(&pointer),
        pointer,
        format!("\"{alias}\" was read as its canonical name \"{canonical}\""),
    )
    .rejected(Value::from(alias))
}

/// Turns `/lex/payload/lead/customer/emailAddress` into `lex.payload.lead.customer.emailAddress`;
/// array indexes become `[n]` (`/a/items/0/b` → `a.items[0].b`).
pub fn pointer_to_field(pointer: &str) -> String {
    let mut out = String::new();
    for t in pointer.trim_start_matches('/').split('/') {
        if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) && !out.is_empty() {
            out.push('[');
            out.push_str(t);
            out.push(']');
            continue;
        }
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(&t.replace("~1", "/").replace("~0", "~"));
    }
    out
}

fn rename_root(root: &mut Value, issues: &mut Vec<Issue>) {
    let Some(obj) = root.as_object_mut() else {
        return;
    };
    if obj.contains_key("lex") {
        return;
    }
    for alias in ["LEX", "alx"] {
        if obj.contains_key(alias) {
            rename(obj, alias, "lex", "", issues);
            return;
        }
    }
}

/// Renames `alias` to `canonical` in place (keeping its position). Returns true if renamed.
pub(crate) fn rename(
    map: &mut Map,
    alias: &str,
    canonical: &str,
    pointer_base: &str,
    issues: &mut Vec<Issue>,
) -> bool {
    let Some(idx) = map.get_index_of(alias) else {
        return false;
    };
    if let Some(existing) = map.get(canonical) {
        if map.get(alias) == Some(existing) {
            // Same value under both spellings: keep the canonical one, report the alias.
            map.shift_remove(alias);
            issues.push(alias_issue(pointer_base, alias, canonical));
        } else {
            let pointer = format!("{pointer_base}/{}", escape_pointer_token(alias));
            issues.push(Issue::new(
                Level::Error,
                "CONFLICTING_ALIASES",
                pointer_to_field(&pointer),
                pointer,
                format!("both \"{alias}\" and its canonical name \"{canonical}\" are present with different values"),
            ));
        }
        return false;
    }
    let Some((_, value)) = map.shift_remove_index(idx) else {
        return false;
    };
    map.shift_insert(idx, canonical.to_string(), value);
    issues.push(alias_issue(pointer_base, alias, canonical));
    true
}

fn normalize_version(lex: &mut Map, issues: &mut Vec<Issue>) {
    // `lex.version` at the envelope moves into the header when the header has no version.
    let has_header_version = lex
        .get("header")
        .and_then(|h| h.get("version").or_else(|| h.get("lexVersion")))
        .is_some();
    if !has_header_version {
        if let (Some(v), Some(Value::Object(_))) = (lex.get("version").cloned(), lex.get("header"))
        {
            lex.shift_remove("version");
            if let Some(h) = lex.get_mut("header").and_then(Value::as_object_mut) {
                h.insert("version".into(), v);
            }
            issues.push(alias_issue("/lex/header", "lex.version", "version"));
        }
    }
    let Some(header) = lex.get_mut("header").and_then(Value::as_object_mut) else {
        return;
    };
    rename(header, "lexVersion", "version", "/lex/header", issues);
    // MAJOR.MINOR.PATCH is accepted and written as MAJOR.MINOR.
    if let Some(Value::String(v)) = header.get_mut("version") {
        let parts: Vec<&str> = v.split('.').collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let short = format!("{}.{}", parts[0], parts[1]);
            let original = std::mem::replace(v, short.clone());
            issues.push(
                Issue::new(
                    Level::Warning,
                    "ALIAS_NORMALIZED",
                    "lex.header.version",
                    "/lex/header/version",
                    format!("version \"{original}\" was read as \"{short}\""),
                )
                .rejected(Value::String(original)),
            );
        }
    }
}

fn normalize_lead(lead: &mut Map, issues: &mut Vec<Issue>) {
    let base = "/lex/payload/lead";
    for alias in ["desiredVehicle", "desiredAsset"] {
        rename(lead, alias, "desiredProduct", base, issues);
    }
    if let Some(customer) = lead.get_mut("customer").and_then(Value::as_object_mut) {
        let cbase = "/lex/payload/lead/customer";
        rename(customer, "email", "emailAddress", cbase, issues);
        rename(customer, "phone", "phoneNumber", cbase, issues);
    }
}

/// Checks the envelope shape common to every reader: an object with a `lex` object.
pub(crate) fn check_envelope(root: &Value) -> Result<()> {
    let Some(obj) = root.as_object() else {
        return Err(Error::at(
            ErrorKind::NotAMessage,
            format!(
                "a LEX message is a JSON object with a \"lex\" member, not {}",
                root.type_name()
            ),
            Location::path(""),
        ));
    };
    match obj.get("lex") {
        Some(Value::Object(_)) => Ok(()),
        Some(other) => Err(Error::at(
            ErrorKind::NotAMessage,
            format!("\"lex\" must be an object, not {}", other.type_name()),
            Location::path("/lex"),
        )),
        None => Err(Error::at(
            ErrorKind::NotAMessage,
            "the message has no \"lex\" member",
            Location::path(""),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::json_read::parse;
    use crate::options::Limits;

    fn norm(s: &str) -> (Value, Vec<Issue>) {
        normalize(parse(s.as_bytes(), &Limits::default()).unwrap()).unwrap()
    }

    #[test]
    fn renames_aliases_in_place_with_warnings() {
        let (v, issues) = norm(
            r#"{"LEX":{"header":{"lexVersion":"1.0.0","x":1},"payload":{"lead":{"customer":{"a":1,"email":"e@x.io","z":2}}}}}"#,
        );
        let c = v
            .pointer("/lex/payload/lead/customer")
            .unwrap()
            .as_object()
            .unwrap();
        assert_eq!(c.keys().collect::<Vec<_>>(), ["a", "emailAddress", "z"]);
        assert_eq!(v.pointer("/lex/header/version"), Some(&Value::from("1.0")));
        let codes: Vec<_> = issues
            .iter()
            .map(|i| (i.code.as_str(), i.pointer.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("ALIAS_NORMALIZED", "/lex"),
                ("ALIAS_NORMALIZED", "/lex/header/version"),
                ("ALIAS_NORMALIZED", "/lex/header/version"),
                (
                    "ALIAS_NORMALIZED",
                    "/lex/payload/lead/customer/emailAddress"
                ),
            ]
        );
    }

    #[test]
    fn conflicting_aliases_are_errors_and_untouched() {
        let (v, issues) = norm(
            r#"{"lex":{"payload":{"lead":{"customer":{"email":"a@x.io","emailAddress":"b@x.io"}}}}}"#,
        );
        assert_eq!(issues[0].code, "CONFLICTING_ALIASES");
        assert!(v.pointer("/lex/payload/lead/customer/email").is_some());
    }

    #[test]
    fn canonical_input_has_no_issues() {
        let (_, issues) = norm(r#"{"lex":{"header":{"version":"1.0"},"payload":{"lead":{}}}}"#);
        assert!(issues.is_empty());
    }

    #[test]
    fn non_envelopes_are_rejected() {
        for s in ["[]", "{}", r#"{"lex":[]}"#, "1"] {
            let v = parse(s.as_bytes(), &Limits::default()).unwrap();
            assert_eq!(normalize(v).unwrap_err().code(), "NOT_A_LEX_MESSAGE", "{s}");
        }
    }
}
