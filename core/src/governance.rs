//! Data governance (`lex.dataGovernance`): the forwarding decision and the DG-001…016 rules.
//!
//! [`may_forward`] is the pure routing check of LEX_DATA_GOVERNANCE §3–4 (in this order: an
//! unusable recipient or block, `blockedRecipients` (even under `OPEN`), `LOCKED` (only the
//! direct receiver), `RESTRICTED` (only `allowedRecipients`), an elapsed retention period,
//! then allow). [`check_governance`] produces the validation issues (conformance level 2).

use crate::datetime::parse_timestamp;
use crate::message::Message;
use crate::report::combine::push_merged;
use crate::report::{Issue, Level};
use crate::value::{Map, Value};
use time::{Duration, OffsetDateTime};

/// The three forwarding policies of the schema.
pub const FORWARDING_POLICIES: [&str; 3] = ["OPEN", "RESTRICTED", "LOCKED"];

/// The four AI decision scopes of the schema.
pub const AI_DECISION_SCOPES: [&str; 4] = [
    "ROUTING_ADVISORY",
    "PRIORITIZATION_ONLY",
    "CUSTOMER_FACING",
    "NONE",
];

/// The answer of [`may_forward`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForwardDecision {
    /// True when the message may be routed to the recipient.
    pub allowed: bool,
    /// Stable reason code: `FORWARD_OPEN`, `FORWARD_NO_GOVERNANCE`, `FORWARD_ALLOWED_RECIPIENT`,
    /// `FORWARD_DIRECT_RECEIVER` (allowed); `FORWARD_BLOCKED_RECIPIENT`, `FORWARD_LOCKED`,
    /// `FORWARD_NOT_ALLOWED_RECIPIENT`, `FORWARD_RETENTION_EXPIRED`, `FORWARD_INVALID_POLICY`,
    /// `FORWARD_INVALID_RECIPIENT` (denied).
    pub code: &'static str,
    /// The published rule behind the decision (`DG-007`, `DG-010`, ...), when there is one.
    pub rule_id: Option<&'static str>,
    /// The declared `forwardingPolicy` (`None` when the message has no governance block).
    pub policy: Option<String>,
    /// Human-readable explanation (may change between versions).
    pub reason: String,
    /// `auditRequired: true`: the forwarder should log the forwarding event.
    pub audit_required: bool,
    /// `declaredAt + retentionPolicy.maxRetentionDays`, when both are given (RFC 3339, UTC).
    pub retain_until: Option<String>,
}

impl ForwardDecision {
    fn new(allowed: bool, code: &'static str, reason: String) -> ForwardDecision {
        ForwardDecision {
            allowed,
            code,
            rule_id: None,
            policy: None,
            reason,
            audit_required: false,
            retain_until: None,
        }
    }

    /// The decision as a JSON object `{allowed, code, ruleId?, policy?, reason,
    /// auditRequired, retainUntil?}`.
    pub fn to_value(&self) -> Value {
        let mut m = Map::default();
        m.insert("allowed".into(), Value::Bool(self.allowed));
        m.insert("code".into(), self.code.into());
        if let Some(r) = self.rule_id {
            m.insert("ruleId".into(), r.into());
        }
        if let Some(p) = &self.policy {
            m.insert("policy".into(), p.as_str().into());
        }
        m.insert("reason".into(), self.reason.as_str().into());
        m.insert("auditRequired".into(), Value::Bool(self.audit_required));
        if let Some(r) = &self.retain_until {
            m.insert("retainUntil".into(), r.as_str().into());
        }
        Value::Object(m)
    }
}

fn string_list(block: &Map, key: &str) -> Vec<String> {
    block
        .get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// `declaredAt + maxRetentionDays` when both are present and usable.
pub fn retention_deadline(block: &Map) -> Option<OffsetDateTime> {
    let declared = parse_timestamp(block.get("declaredAt")?.as_str()?)?;
    let days = block
        .get("retentionPolicy")?
        .get("maxRetentionDays")?
        .as_i64()?;
    if days < 0 {
        return None;
    }
    declared.checked_add(Duration::seconds(days.checked_mul(86_400)?))
}

/// May `msg` be routed to `recipient` (a LEX organisation id)? Uses the system clock for
/// the retention check; see [`may_forward_at`].
pub fn may_forward(msg: &Message, recipient: &str) -> ForwardDecision {
    may_forward_at(msg, recipient, crate::datetime::now_or_system(None))
}

/// [`may_forward`] with an injectable clock. Recipient ids are compared exactly.
pub fn may_forward_at(msg: &Message, recipient: &str, now: OffsetDateTime) -> ForwardDecision {
    if recipient.trim().is_empty() {
        return ForwardDecision::new(
            false,
            "FORWARD_INVALID_RECIPIENT",
            "the recipient id is empty".into(),
        );
    }
    let Some(raw) = msg.lex().get("dataGovernance") else {
        let mut d = ForwardDecision::new(
            true,
            "FORWARD_NO_GOVERNANCE",
            "the message declares no data governance: it behaves as OPEN".into(),
        );
        d.rule_id = Some("DG-010");
        return d;
    };
    let Some(block) = raw.as_object() else {
        return ForwardDecision::new(
            false,
            "FORWARD_INVALID_POLICY",
            format!(
                "dataGovernance is {}, not an object: forwarding is refused",
                raw.type_name()
            ),
        );
    };
    let policy = block.get("forwardingPolicy").and_then(Value::as_str);
    let deadline = retention_deadline(block);
    let with_common = |mut d: ForwardDecision| {
        d.policy = policy.map(str::to_string);
        d.audit_required = block.get("auditRequired").and_then(Value::as_bool) == Some(true);
        d.retain_until = deadline.map(crate::datetime::format_timestamp);
        d
    };
    if string_list(block, "blockedRecipients")
        .iter()
        .any(|r| r == recipient)
    {
        return with_common(ForwardDecision::new(
            false,
            "FORWARD_BLOCKED_RECIPIENT",
            format!("{recipient} is listed in blockedRecipients"),
        ));
    }
    let direct = msg.header().receiver_id() == Some(recipient);
    let verdict = match policy {
        Some("OPEN") => None,
        Some("LOCKED") if direct => Some(ForwardDecision::new(
            true,
            "FORWARD_DIRECT_RECEIVER",
            format!("the policy is LOCKED and {recipient} is the direct receiver"),
        )),
        Some("LOCKED") => Some(ForwardDecision::new(
            false,
            "FORWARD_LOCKED",
            "the policy is LOCKED: no forwarding beyond the direct receiver".into(),
        )),
        Some("RESTRICTED") => {
            let allowed = string_list(block, "allowedRecipients");
            if allowed.iter().any(|r| r == recipient) {
                None
            } else {
                let mut d = ForwardDecision::new(
                    false,
                    "FORWARD_NOT_ALLOWED_RECIPIENT",
                    format!("the policy is RESTRICTED and {recipient} is not in allowedRecipients"),
                );
                d.rule_id = Some(if allowed.is_empty() {
                    "DG-007"
                } else {
                    "DG-009"
                });
                Some(d)
            }
        }
        other => Some(ForwardDecision::new(
            false,
            "FORWARD_INVALID_POLICY",
            match other {
                Some(p) => format!("\"{p}\" is not a forwarding policy: forwarding is refused"),
                None => "forwardingPolicy is missing: forwarding is refused".into(),
            },
        )),
    };
    if let Some(d) = verdict {
        return with_common(d);
    }
    if deadline.is_some_and(|d| d < now) {
        return with_common(ForwardDecision::new(
            false,
            "FORWARD_RETENTION_EXPIRED",
            "the retention period (declaredAt + maxRetentionDays) has elapsed".into(),
        ));
    }
    let d = if policy == Some("OPEN") {
        ForwardDecision::new(true, "FORWARD_OPEN", "the policy is OPEN".into())
    } else {
        ForwardDecision::new(
            true,
            "FORWARD_ALLOWED_RECIPIENT",
            format!("{recipient} is listed in allowedRecipients"),
        )
    };
    with_common(d)
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

#[cfg(test)]
#[path = "governance_tests.rs"]
mod tests;
