use super::*;
use crate::options::ReadOptions;
use crate::report::{Issue, Level};
use crate::validate::rules::governance::check_governance;
use time::macros::datetime;

fn msg(governance: &str, lead_extra: &str) -> Message {
    let text = format!(
        r#"{{"lex":{{"header":{{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000001","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"DEALER-ABC-MAIN-001","receiverId":"DMS-CDK-001"}},"payload":{{"lead":{{"leadId":"L-1"{lead_extra}}}}}{governance}}}}}"#
    );
    crate::api::parse(text.as_bytes(), None, &ReadOptions::default()).unwrap()
}

fn gov(body: &str) -> String {
    format!(r#","dataGovernance":{{{body}}}"#)
}

const BASE: &str = r#""dataOwner":"DEALER-ABC-MAIN-001","analyticsAllowed":false,"trainingDataAllowed":false,"declaredAt":"2026-03-28T09:00:00Z","declaredBy":"DEALER-ABC-MAIN-001""#;

const NOW: OffsetDateTime = datetime!(2026-04-03 12:00 UTC);

fn decide(g: &str, to: &str) -> ForwardDecision {
    may_forward_at(&msg(g, ""), to, NOW)
}

#[test]
fn forwarding_follows_the_published_order() {
    let d = decide("", "ANY-ORG");
    assert_eq!(
        (d.allowed, d.code, d.rule_id),
        (true, "FORWARD_NO_GOVERNANCE", Some("DG-010"))
    );
    let open = gov(&format!(
        r#"{BASE},"forwardingPolicy":"OPEN","blockedRecipients":["EVIL-ORG"],"auditRequired":true"#
    ));
    let d = decide(&open, "ANY-ORG");
    assert_eq!((d.allowed, d.code), (true, "FORWARD_OPEN"));
    assert!(d.audit_required);
    assert_eq!(d.policy.as_deref(), Some("OPEN"));
    let d = decide(&open, "EVIL-ORG");
    assert_eq!((d.allowed, d.code), (false, "FORWARD_BLOCKED_RECIPIENT"));

    let restricted = gov(&format!(
        r#"{BASE},"forwardingPolicy":"RESTRICTED","allowedRecipients":["ORG-TOYOTA-MFGR-NA-001"],"blockedRecipients":["ORG-TOYOTA-MFGR-NA-001"]"#
    ));
    // The block list wins over the allow list.
    assert_eq!(
        decide(&restricted, "ORG-TOYOTA-MFGR-NA-001").code,
        "FORWARD_BLOCKED_RECIPIENT"
    );
    let restricted = gov(&format!(
        r#"{BASE},"forwardingPolicy":"RESTRICTED","allowedRecipients":["ORG-TOYOTA-MFGR-NA-001"]"#
    ));
    let d = decide(&restricted, "ORG-TOYOTA-MFGR-NA-001");
    assert_eq!((d.allowed, d.code), (true, "FORWARD_ALLOWED_RECIPIENT"));
    let d = decide(&restricted, "PLATFORM-OTHER-001");
    assert_eq!(
        (d.allowed, d.code, d.rule_id),
        (false, "FORWARD_NOT_ALLOWED_RECIPIENT", Some("DG-009"))
    );
    // Ids are compared exactly.
    assert!(!decide(&restricted, "org-toyota-mfgr-na-001").allowed);
    let empty = gov(&format!(r#"{BASE},"forwardingPolicy":"RESTRICTED""#));
    assert_eq!(decide(&empty, "X-ORG").rule_id, Some("DG-007"));

    let locked = gov(&format!(r#"{BASE},"forwardingPolicy":"LOCKED""#));
    let d = decide(&locked, "PLATFORM-OTHER-001");
    assert_eq!((d.allowed, d.code), (false, "FORWARD_LOCKED"));
    let d = decide(&locked, "DMS-CDK-001");
    assert_eq!((d.allowed, d.code), (true, "FORWARD_DIRECT_RECEIVER"));

    let bad = gov(&format!(r#"{BASE},"forwardingPolicy":"SHARED""#));
    assert_eq!(
        (decide(&bad, "X-ORG").allowed, decide(&bad, "X-ORG").code),
        (false, "FORWARD_INVALID_POLICY")
    );
    assert_eq!(decide(&open, " ").code, "FORWARD_INVALID_RECIPIENT");
    let not_object = r#","dataGovernance":"OPEN""#;
    assert_eq!(decide(not_object, "X-ORG").code, "FORWARD_INVALID_POLICY");
}

#[test]
fn retention_is_computed_and_enforced() {
    let g = gov(&format!(
        r#"{BASE},"forwardingPolicy":"OPEN","retentionPolicy":{{"maxRetentionDays":3}}"#
    ));
    let d = decide(&g, "X-ORG");
    assert_eq!((d.allowed, d.code), (false, "FORWARD_RETENTION_EXPIRED"));
    assert_eq!(d.retain_until.as_deref(), Some("2026-03-31T09:00:00Z"));
    let g = gov(&format!(
        r#"{BASE},"forwardingPolicy":"OPEN","retentionPolicy":{{"maxRetentionDays":1825}}"#
    ));
    let d = decide(&g, "X-ORG");
    assert!(d.allowed);
    assert_eq!(d.retain_until.as_deref(), Some("2031-03-27T09:00:00Z"));
    assert_eq!(
        d.to_value().get("retainUntil").and_then(Value::as_str),
        Some("2031-03-27T09:00:00Z")
    );
}

fn codes(g: &str, lead_extra: &str, level: u8) -> Vec<(String, Level, String, Option<String>)> {
    let mut issues = Vec::new();
    check_governance(&msg(g, lead_extra), level, &mut issues);
    issues
        .into_iter()
        .map(|i| (i.code, i.level, i.field, i.rule_id))
        .collect()
}

fn c(code: &str, level: Level, field: &str, rule: &str) -> (String, Level, String, Option<String>) {
    (
        code.into(),
        level,
        field.into(),
        (!rule.is_empty()).then(|| rule.to_string()),
    )
}

#[test]
fn dg_rules() {
    assert!(codes("", "", 1).is_empty());
    assert_eq!(
        codes("", "", 2),
        [c(
            "GOVERNANCE_ABSENT",
            Level::Info,
            "lex.dataGovernance",
            "DG-010"
        )]
    );
    assert_eq!(
        codes("", r#","aiInsights":{}"#, 2)[1],
        c(
            "AI_GOVERNANCE_MISSING",
            Level::Warning,
            "lex.dataGovernance.aiGovernance",
            "DG-015"
        )
    );
    assert_eq!(
        codes(&gov(""), "", 2),
        [
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.dataGovernance.dataOwner",
                "DG-001"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.dataGovernance.forwardingPolicy",
                "DG-002"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.dataGovernance.analyticsAllowed",
                "DG-003"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.dataGovernance.trainingDataAllowed",
                "DG-004"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.dataGovernance.declaredAt",
                "DG-005"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.dataGovernance.declaredBy",
                "DG-006"
            ),
        ]
    );
    let g = gov(
        r#""dataOwner":"DEALER-A","forwardingPolicy":"RESTRICTED","allowedRecipients":[],"analyticsAllowed":true,"trainingDataAllowed":false,"declaredAt":"yesterday","declaredBy":"DMS-B","retentionPolicy":{"deleteOnClosure":true,"archiveOnClosure":true}"#,
    );
    assert_eq!(
        codes(&g, "", 2),
        [
            c(
                "INVALID_FORMAT",
                Level::Error,
                "lex.dataGovernance.declaredAt",
                "DG-005"
            ),
            c(
                "GOVERNANCE_ALLOWED_RECIPIENTS_REQUIRED",
                Level::Error,
                "lex.dataGovernance.allowedRecipients",
                "DG-007"
            ),
            c(
                "GOVERNANCE_DECLARED_BY_NOT_OWNER",
                Level::Warning,
                "lex.dataGovernance.declaredBy",
                "DG-008"
            ),
            c(
                "GOVERNANCE_RETENTION_CONFLICT",
                Level::Warning,
                "lex.dataGovernance.retentionPolicy",
                ""
            ),
        ]
    );
    let g = gov(&format!(
        r#"{BASE},"forwardingPolicy":"RESTRICTED","allowedRecipients":["ORG-X"]"#
    ));
    assert_eq!(
        codes(&g, "", 2),
        [c(
            "GOVERNANCE_RECEIVER_NOT_ALLOWED",
            Level::Warning,
            "lex.dataGovernance.allowedRecipients",
            "DG-009"
        )]
    );
    let g = gov(&format!(
        r#"{BASE},"forwardingPolicy":"SHARED","aiGovernance":{{"aiDecisionScope":"CUSTOMER_FACING","humanReviewRequired":false,"retentionLimitDays":0}}"#
    ));
    assert_eq!(
        codes(&g, r#","aiInsights":{}"#, 3),
        [
            c(
                "INVALID_ENUM_VALUE",
                Level::Error,
                "lex.dataGovernance.forwardingPolicy",
                ""
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.dataGovernance.aiGovernance.aiGeneratedContentPresent",
                "DG-011"
            ),
            c(
                "AI_HUMAN_REVIEW_REQUIRED",
                Level::Error,
                "lex.dataGovernance.aiGovernance.humanReviewRequired",
                "DG-014"
            ),
            c(
                "VALUE_OUT_OF_RANGE",
                Level::Error,
                "lex.dataGovernance.aiGovernance.retentionLimitDays",
                "DG-016"
            ),
        ]
    );
    let g = gov(&format!(
        r#"{BASE},"forwardingPolicy":"OPEN","aiGovernance":{{"aiGeneratedContentPresent":true}}"#
    ));
    let found = codes(&g, "", 2);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].3.as_deref(), Some("DG-012"));
    assert_eq!(found[1].3.as_deref(), Some("DG-013"));
    assert!(codes(&gov(&format!(r#"{BASE},"forwardingPolicy":"OPEN""#)), "", 2).is_empty());
}

#[test]
fn structural_findings_are_merged_not_repeated() {
    let mut issues = vec![Issue::new(
        Level::Error,
        "REQUIRED_FIELD_MISSING",
        "lex.dataGovernance.dataOwner",
        "/lex/dataGovernance/dataOwner",
        "from the structural layer",
    )];
    let g = gov(
        r#""forwardingPolicy":"OPEN","analyticsAllowed":true,"trainingDataAllowed":true,"declaredAt":"2026-03-28T09:00:00Z","declaredBy":"X-ORG""#,
    );
    check_governance(&msg(&g, ""), 2, &mut issues);
    check_governance(&msg(&g, ""), 2, &mut issues);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].rule_id.as_deref(), Some("DG-001"));
    // A structural WARNING for what a rule makes an ERROR is raised, and gets the extras.
    let mut issues = vec![Issue::new(
        Level::Warning,
        "VALUE_OUT_OF_RANGE",
        "lex.dataGovernance.aiGovernance.retentionLimitDays",
        "/lex/dataGovernance/aiGovernance/retentionLimitDays",
        "structural",
    )];
    let g = gov(&format!(
        r#"{BASE},"forwardingPolicy":"OPEN","aiGovernance":{{"aiGeneratedContentPresent":true,"humanReviewRequired":true,"aiDecisionScope":"NONE","retentionLimitDays":0}}"#
    ));
    check_governance(&msg(&g, ""), 2, &mut issues);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].level, Level::Error);
    assert_eq!(issues[0].threshold, Some(Value::int(1)));
    assert_eq!(issues[0].message, "structural");
}
