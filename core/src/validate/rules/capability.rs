//! Capability advertisement rules (CAP-001…CAP-008, spec-model §4.3) for
//! `subscription.systemCapabilities`, level 3.

use super::{Ctx, by_id, get_arr, get_datetime, get_obj, get_str, pointer_join};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::validate::model::{self, ty};
use crate::value::Value;
use std::sync::OnceLock;

const BASE: &str = "/lex/payload/subscription/systemCapabilities";

/// Block names a capability record may list: every object or array member of a payload
/// body or of the `lex` object, from the model tables.
pub fn block_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out: Vec<String> = Vec::new();
        let tables = MessageType::ALL
            .into_iter()
            .map(model::body)
            .chain([model::envelope()]);
        for t in tables {
            for (name, c) in &t.root().props {
                let n = t.node(*c);
                if n.types & (ty::OBJECT | ty::ARRAY) != 0 && !out.contains(name) {
                    out.push(name.clone());
                }
            }
        }
        out
    })
}

/// Semantic version 2.0.0 (the pattern the schemas use for `lexVersion`).
pub fn is_semver(v: &str) -> bool {
    model::envelope()
        .find("extensions[].version")
        .and_then(|n| n.pattern.as_ref())
        .is_some_and(|re| re.is_match(v))
}

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::Subscription || ctx.opts.level < 3 {
        return;
    }
    let Some(cap) = get_obj(ctx.body, "systemCapabilities") else {
        if !ctx.body.contains_key("systemCapabilities") {
            issues.push(by_id(
                Level::Info,
                "CAP-007",
                BASE.into(),
                "no systemCapabilities: the subscriber is treated as L1",
            ));
        }
        return;
    };
    match get_str(cap, "lexVersion") {
        None => issues.push(by_id(
            Level::Error,
            "CAP-001",
            pointer_join(BASE, &["lexVersion"]),
            "systemCapabilities needs lexVersion",
        )),
        Some(v) if !is_semver(v) => issues.push(
            by_id(
                Level::Error,
                "CAP-002",
                pointer_join(BASE, &["lexVersion"]),
                format!("\"{v}\" is not a semantic version"),
            )
            .rejected(Value::from(v)),
        ),
        Some(_) => {}
    }
    let level = get_str(cap, "conformanceLevel");
    if !matches!(level, Some("L1" | "L2" | "L3")) {
        let mut i = by_id(
            Level::Error,
            "CAP-003",
            pointer_join(BASE, &["conformanceLevel"]),
            "conformanceLevel must be L1, L2 or L3",
        )
        .allowed(&["L1", "L2", "L3"]);
        if let Some(v) = cap.get("conformanceLevel") {
            i = i.rejected(v.clone());
        }
        issues.push(i);
    }
    if get_arr(cap, "supportedMessageTypes").is_none_or(|a| a.is_empty()) {
        issues.push(by_id(
            Level::Error,
            "CAP-004",
            pointer_join(BASE, &["supportedMessageTypes"]),
            "systemCapabilities must list at least one supported message type",
        ));
    }
    if get_datetime(cap, "lastUpdated").is_none() {
        issues.push(by_id(
            Level::Error,
            "CAP-005",
            pointer_join(BASE, &["lastUpdated"]),
            "lastUpdated must be an RFC 3339 date-time",
        ));
    }
    if let Some(unsupported) = get_arr(cap, "unsupportedBlocks") {
        for (i, b) in unsupported.iter().enumerate() {
            let Some(name) = b.as_str() else { continue };
            let p = pointer_join(BASE, &["unsupportedBlocks", &i.to_string()]);
            if level == Some("L2") && name == "dealLineage" {
                issues.push(by_id(
                    Level::Warning,
                    "CAP-006",
                    p.clone(),
                    "an L2 system must still pass dealLineage through",
                ));
            }
            if !block_names().iter().any(|n| n == name) {
                issues.push(
                    by_id(
                        Level::Warning,
                        "CAP-008",
                        p,
                        format!("\"{name}\" is not a LEX block name"),
                    )
                    .rejected(b.clone()),
                );
            }
        }
    }
}
