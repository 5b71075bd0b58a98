//! Deal lineage and structured notes rules (DL-001…DL-010, SN-001…SN-005, SN-007;
//! spec-model §4.3), level 3. SN-006 (strip-on-forward) needs the recipient's organisation
//! type and belongs to forwarding, not to message validation.

use super::intelligence::items;
use super::{Ctx, body_ptr, by_id, filled, get_arr, get_f64, get_obj, get_str, has, pointer_join};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::validate::model;
use std::sync::OnceLock;

/// Lineage actions that change the deal and should carry `deltaFromPrevious` (DL-008).
pub const MODIFICATIONS: [&str; 7] = [
    "DEAL_MODIFIED",
    "PRICE_NEGOTIATED",
    "INCENTIVE_APPLIED",
    "INCENTIVE_REMOVED",
    "PAYMENT_RECALCULATED",
    "TAX_CALCULATED",
    "TRADE_IN_APPRAISED",
];

fn allowed(path: &'static str, cell: &'static OnceLock<Vec<String>>) -> &'static [String] {
    cell.get_or_init(|| {
        model::body(MessageType::Lead)
            .find(path)
            .map(|n| n.enumeration.clone())
            .unwrap_or_default()
    })
}

fn actions() -> &'static [String] {
    static C: OnceLock<Vec<String>> = OnceLock::new();
    allowed("dealLineage.entries[].action", &C)
}

fn system_types() -> &'static [String] {
    static C: OnceLock<Vec<String>> = OnceLock::new();
    allowed("dealLineage.entries[].systemType", &C)
}

fn visibilities() -> &'static [String] {
    static C: OnceLock<Vec<String>> = OnceLock::new();
    allowed("structuredNotes[].visibility", &C)
}

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    let is_closure = ctx.mtype == MessageType::LeadClosure;
    if ctx.opts.level < 3 || !(ctx.mtype == MessageType::Lead || is_closure) {
        return;
    }
    let root = body_ptr(ctx);
    let mut seqs: Vec<i64> = Vec::new();
    match get_obj(ctx.body, "dealLineage") {
        Some(dl) => lineage(
            dl,
            &pointer_join(&root, &["dealLineage"]),
            &mut seqs,
            issues,
        ),
        None => {
            if is_closure && get_str(ctx.body, "closureStatus") == Some("WON") {
                issues.push(by_id(
                    Level::Info,
                    "DL-010",
                    pointer_join(&root, &["dealLineage"]),
                    "a WON closure without its deal lineage",
                ));
            }
        }
    }
    if get_arr(ctx.body, "structuredNotes").is_some() {
        notes_rules(
            ctx,
            &pointer_join(&root, &["structuredNotes"]),
            &seqs,
            issues,
        );
    }
}

fn lineage(dl: &crate::value::Map, base: &str, seqs: &mut Vec<i64>, issues: &mut Vec<Issue>) {
    if !has(dl, "version") {
        issues.push(by_id(
            Level::Error,
            "DL-001",
            pointer_join(base, &["version"]),
            "dealLineage needs a version",
        ));
    }
    let entries = items(dl, "entries");
    if entries.is_empty() {
        issues.push(by_id(
            Level::Error,
            "DL-002",
            pointer_join(base, &["entries"]),
            "dealLineage needs at least one entry",
        ));
    }
    let mut last: Option<i64> = None;
    for (i, e) in &entries {
        let ep = pointer_join(base, &["entries", &i.to_string()]);
        for key in ["seq", "systemId", "systemType", "timestamp", "action"] {
            if !has(e, key) {
                issues.push(by_id(
                    Level::Error,
                    "DL-003",
                    pointer_join(&ep, &[key]),
                    format!("lineage entry {i} needs {key}"),
                ));
            }
        }
        if let Some(seq) = get_f64(e, "seq").map(|f| f as i64) {
            match last {
                Some(prev) if seq == prev || seqs.contains(&seq) => issues.push(by_id(
                    Level::Warning,
                    "DL-007",
                    pointer_join(&ep, &["seq"]),
                    format!("seq {seq} is used twice (independent appends)"),
                )),
                Some(prev) if seq < prev => issues.push(by_id(
                    Level::Error,
                    "DL-004",
                    pointer_join(&ep, &["seq"]),
                    format!("seq {seq} comes after {prev}; seq must increase"),
                )),
                _ => {}
            }
            last = Some(last.map_or(seq, |p| p.max(seq)));
            seqs.push(seq);
        }
        if let Some(a) = get_str(e, "action") {
            if !actions().iter().any(|x| x == a) {
                issues.push(by_id(
                    Level::Error,
                    "DL-005",
                    pointer_join(&ep, &["action"]),
                    format!("\"{a}\" is not a lineage action"),
                ));
            } else if MODIFICATIONS.contains(&a) && !has(e, "deltaFromPrevious") {
                issues.push(by_id(
                    Level::Warning,
                    "DL-008",
                    pointer_join(&ep, &["deltaFromPrevious"]),
                    format!("the {a} entry does not say what changed (deltaFromPrevious)"),
                ));
            }
        }
        if let Some(t) = get_str(e, "systemType") {
            if !system_types().iter().any(|x| x == t) {
                issues.push(by_id(
                    Level::Error,
                    "DL-006",
                    pointer_join(&ep, &["systemType"]),
                    format!("\"{t}\" is not a system type"),
                ));
            }
        }
    }
    if let Some(v) = get_f64(dl, "version") {
        if !entries.is_empty() && v as usize != entries.len() {
            issues.push(by_id(
                Level::Warning,
                "DL-009",
                pointer_join(base, &["version"]),
                format!("version {v} but {} entries", entries.len()),
            ));
        }
    }
}

fn notes_rules(ctx: &Ctx<'_>, base: &str, seqs: &[i64], issues: &mut Vec<Issue>) {
    for (i, n) in items(ctx.body, "structuredNotes") {
        let np = pointer_join(base, &[&i.to_string()]);
        for (id, key) in [
            ("SN-001", "noteId"),
            ("SN-003", "body"),
            ("SN-004", "authorId"),
        ] {
            if !filled(n, key) {
                issues.push(by_id(
                    Level::Error,
                    id,
                    pointer_join(&np, &[key]),
                    format!("note {i} needs a non-empty {key}"),
                ));
            }
        }
        if let Some(v) = n.get("visibility") {
            let ok = v
                .as_str()
                .is_some_and(|v| visibilities().iter().any(|x| x == v));
            if !ok {
                issues.push(
                    by_id(
                        Level::Error,
                        "SN-002",
                        pointer_join(&np, &["visibility"]),
                        "not a note visibility",
                    )
                    .rejected(v.clone()),
                );
            }
        }
        if super::get_datetime(n, "timestamp").is_none() {
            issues.push(by_id(
                Level::Error,
                "SN-005",
                pointer_join(&np, &["timestamp"]),
                format!("note {i} needs an RFC 3339 timestamp"),
            ));
        }
        if let Some(seq) = get_obj(n, "linkedTo").and_then(|l| get_f64(l, "dealLineageSeq")) {
            if !seqs.contains(&(seq as i64)) {
                issues.push(by_id(
                    Level::Warning,
                    "SN-007",
                    pointer_join(&np, &["linkedTo", "dealLineageSeq"]),
                    format!("note {i} links to lineage seq {seq}, which does not exist"),
                ));
            }
        }
    }
}
