//! Data governance (`lex.dataGovernance`): the forwarding decision and the DG-001…016 rules.
//!
//! [`may_forward`] is the pure routing check of LEX_DATA_GOVERNANCE §3–4 (in this order: an
//! unusable recipient or block, `blockedRecipients` (even under `OPEN`), `LOCKED` (only the
//! direct receiver), `RESTRICTED` (only `allowedRecipients`), an elapsed retention period,
//! then allow). The DG rules of validation live in `validate/rules/governance.rs`.

use crate::datetime::parse_timestamp;
use crate::message::Message;
use crate::value::{Map, Value};
use time::{Duration, OffsetDateTime};

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

pub(crate) fn string_list(block: &Map, key: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests;
