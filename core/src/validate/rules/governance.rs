//! Data governance rules (DG-001…DG-016, spec-model §4.3, §5.3), conformance level 2: the
//! validation issues of `lex.dataGovernance`. The forwarding decision itself
//! ([`crate::governance::may_forward`]) stays in `governance.rs`.

use super::Ctx;
use crate::datetime::parse_timestamp;
use crate::governance::string_list;
use crate::message::Message;
use crate::report::combine::push_merged;
use crate::report::{Issue, Level};
use crate::value::{Map, Value};

/// The three forwarding policies of the schema.
pub const FORWARDING_POLICIES: [&str; 3] = ["OPEN", "RESTRICTED", "LOCKED"];

/// The four AI decision scopes of the schema.
pub const AI_DECISION_SCOPES: [&str; 4] = [
    "ROUTING_ADVISORY",
    "PRIORITIZATION_ONLY",
    "CUSTOMER_FACING",
    "NONE",
];

/// Runs the data governance rules (the family entry of [`super::FAMILIES`]).
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    check_governance(ctx.msg, ctx.opts.level, issues);
}

fn dg(level: Level, code: &str, sub: &str, rule: &str, text: impl Into<String>) -> Issue {
    let (field, pointer) = if sub.is_empty() {
        (
            "lex.dataGovernance".to_string(),
            "/lex/dataGovernance".to_string(),
        )
    } else {
        (
            format!("lex.dataGovernance.{sub}"),
            format!("/lex/dataGovernance/{}", sub.replace('.', "/")),
        )
    };
    let i = Issue::new(level, code, field, pointer, text);
    if rule.is_empty() { i } else { i.rule(rule) }
}

/// The data-governance rules DG-001…016 (conformance level 2 and above; nothing below).
///
/// Codes: absent required members are `REQUIRED_FIELD_MISSING` (DG-001…006, DG-011…013), an
/// unparseable `declaredAt` `INVALID_FORMAT` (DG-005), DG-007
/// `GOVERNANCE_ALLOWED_RECIPIENTS_REQUIRED`, DG-008 `GOVERNANCE_DECLARED_BY_NOT_OWNER`,
/// DG-009 `GOVERNANCE_RECEIVER_NOT_ALLOWED`, DG-010 `GOVERNANCE_ABSENT` (INFO), DG-014
/// `AI_HUMAN_REVIEW_REQUIRED`, DG-015 `AI_GOVERNANCE_MISSING`, DG-016 `VALUE_OUT_OF_RANGE`;
/// plus `INVALID_ENUM_VALUE` for `forwardingPolicy`/`aiDecisionScope` and the WARNING
/// `GOVERNANCE_RETENTION_CONFLICT` when both `deleteOnClosure` and `archiveOnClosure` are true.
pub fn check_governance(msg: &Message, level: u8, issues: &mut Vec<Issue>) {
    if level < 2 {
        return;
    }
    let has_ai_insights = msg
        .lead()
        .is_some_and(|l| l.raw().contains_key("aiInsights"));
    let Some(raw) = msg.lex().get("dataGovernance") else {
        push_merged(
            issues,
            dg(
                Level::Info,
                "GOVERNANCE_ABSENT",
                "",
                "DG-010",
                "no dataGovernance declaration: the message behaves as OPEN",
            ),
        );
        if has_ai_insights {
            push_merged(issues, ai_missing());
        }
        return;
    };
    let Some(block) = raw.as_object() else {
        push_merged(
            issues,
            dg(
                Level::Error,
                "INVALID_TYPE",
                "",
                "",
                format!("dataGovernance must be an object, not {}", raw.type_name()),
            ),
        );
        return;
    };
    for (key, rule) in [
        ("dataOwner", "DG-001"),
        ("forwardingPolicy", "DG-002"),
        ("analyticsAllowed", "DG-003"),
        ("trainingDataAllowed", "DG-004"),
        ("declaredAt", "DG-005"),
        ("declaredBy", "DG-006"),
    ] {
        if block.get(key).is_none_or(Value::is_null) {
            push_merged(
                issues,
                dg(
                    Level::Error,
                    "REQUIRED_FIELD_MISSING",
                    key,
                    rule,
                    format!("a dataGovernance block needs {key}"),
                ),
            );
        }
    }
    if let Some(v) = block.get("declaredAt").filter(|v| !v.is_null()) {
        if v.as_str().and_then(parse_timestamp).is_none() {
            push_merged(
                issues,
                dg(
                    Level::Error,
                    "INVALID_FORMAT",
                    "declaredAt",
                    "DG-005",
                    "declaredAt must be an ISO 8601 (RFC 3339) date-time",
                )
                .rejected(v.clone()),
            );
        }
    }
    check_policy(msg, block, issues);
    if let (Some(by), Some(owner)) = (
        block.get("declaredBy").and_then(Value::as_str),
        block.get("dataOwner").and_then(Value::as_str),
    ) {
        if by != owner {
            push_merged(
                issues,
                dg(
                    Level::Warning,
                    "GOVERNANCE_DECLARED_BY_NOT_OWNER",
                    "declaredBy",
                    "DG-008",
                    format!("declared by {by}, not by the data owner {owner}"),
                )
                .rejected(Value::from(by)),
            );
        }
    }
    if let Some(rp) = block.get("retentionPolicy").and_then(Value::as_object) {
        let t = |k: &str| rp.get(k).and_then(Value::as_bool) == Some(true);
        if t("deleteOnClosure") && t("archiveOnClosure") {
            push_merged(
                issues,
                dg(
                    Level::Warning,
                    "GOVERNANCE_RETENTION_CONFLICT",
                    "retentionPolicy",
                    "",
                    "deleteOnClosure and archiveOnClosure are both true",
                ),
            );
        }
    }
    match block.get("aiGovernance") {
        Some(Value::Object(ai)) => check_ai(ai, issues),
        Some(_) => {}
        None if has_ai_insights => push_merged(issues, ai_missing()),
        None => {}
    }
}

fn check_policy(msg: &Message, block: &Map, issues: &mut Vec<Issue>) {
    let Some(policy) = block.get("forwardingPolicy").filter(|v| !v.is_null()) else {
        return;
    };
    match policy.as_str() {
        Some("RESTRICTED") => {
            let allowed = string_list(block, "allowedRecipients");
            if allowed.is_empty() {
                push_merged(
                    issues,
                    dg(
                        Level::Error,
                        "GOVERNANCE_ALLOWED_RECIPIENTS_REQUIRED",
                        "allowedRecipients",
                        "DG-007",
                        "forwardingPolicy RESTRICTED needs a non-empty allowedRecipients",
                    ),
                );
            } else if let Some(rx) = msg.header().receiver_id() {
                if !allowed.iter().any(|r| r == rx) {
                    push_merged(
                        issues,
                        dg(
                            Level::Warning,
                            "GOVERNANCE_RECEIVER_NOT_ALLOWED",
                            "allowedRecipients",
                            "DG-009",
                            format!("the receiver {rx} is not in allowedRecipients"),
                        )
                        .rejected(Value::from(rx)),
                    );
                }
            }
        }
        Some("OPEN" | "LOCKED") => {}
        _ => push_merged(
            issues,
            dg(
                Level::Error,
                "INVALID_ENUM_VALUE",
                "forwardingPolicy",
                "",
                "forwardingPolicy must be OPEN, RESTRICTED or LOCKED",
            )
            .rejected(policy.clone())
            .allowed(&FORWARDING_POLICIES),
        ),
    }
}

fn ai_missing() -> Issue {
    dg(
        Level::Warning,
        "AI_GOVERNANCE_MISSING",
        "aiGovernance",
        "DG-015",
        "the lead carries aiInsights but no dataGovernance.aiGovernance",
    )
}

fn check_ai(ai: &Map, issues: &mut Vec<Issue>) {
    for (key, rule) in [
        ("aiGeneratedContentPresent", "DG-011"),
        ("humanReviewRequired", "DG-012"),
        ("aiDecisionScope", "DG-013"),
    ] {
        if ai.get(key).is_none_or(Value::is_null) {
            push_merged(
                issues,
                dg(
                    Level::Error,
                    "REQUIRED_FIELD_MISSING",
                    &format!("aiGovernance.{key}"),
                    rule,
                    format!("an aiGovernance block needs {key}"),
                ),
            );
        }
    }
    let scope = ai.get("aiDecisionScope").filter(|v| !v.is_null());
    if let Some(s) = scope {
        if !s.as_str().is_some_and(|s| AI_DECISION_SCOPES.contains(&s)) {
            push_merged(
                issues,
                dg(
                    Level::Error,
                    "INVALID_ENUM_VALUE",
                    "aiGovernance.aiDecisionScope",
                    "",
                    "aiDecisionScope is not one of the four scopes",
                )
                .rejected(s.clone())
                .allowed(&AI_DECISION_SCOPES),
            );
        }
    }
    if scope.and_then(Value::as_str) == Some("CUSTOMER_FACING")
        && ai.get("humanReviewRequired").and_then(Value::as_bool) == Some(false)
    {
        push_merged(
            issues,
            dg(
                Level::Error,
                "AI_HUMAN_REVIEW_REQUIRED",
                "aiGovernance.humanReviewRequired",
                "DG-014",
                "CUSTOMER_FACING AI output requires humanReviewRequired: true",
            )
            .rejected(Value::Bool(false)),
        );
    }
    if let Some(v) = ai.get("retentionLimitDays") {
        if v.as_f64().is_some_and(|d| d < 1.0) {
            push_merged(
                issues,
                dg(
                    Level::Error,
                    "VALUE_OUT_OF_RANGE",
                    "aiGovernance.retentionLimitDays",
                    "DG-016",
                    "retentionLimitDays must be at least 1",
                )
                .rejected(v.clone())
                .threshold(Value::int(1)),
            );
        }
    }
}
