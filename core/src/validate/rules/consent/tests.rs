use super::*;
use crate::options::ReadOptions;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-04-03 12:00 UTC);

fn lead(customer: &str, consent: &str, metadata: &str) -> Message {
    let consent = if consent.is_empty() {
        String::new()
    } else {
        format!(r#","consentRecord":{consent}"#)
    };
    let text = format!(
        r#"{{"lex":{{"header":{{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000001","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"PORTAL-001","receiverId":"DEALER-001"}},"payload":{{"lead":{{"leadId":"L-1","customer":{customer}{consent},"metadata":{metadata}}}}}}}}}"#
    );
    crate::api::parse(text.as_bytes(), None, &ReadOptions::default()).unwrap()
}

const PII: &str =
    r#"{"firstName":"A","lastName":"B","emailAddress":"a@b.io","phoneNumber":"+14155551234"}"#;

fn found(m: &Message, level: u8) -> Vec<(String, Level, String)> {
    let mut issues = Vec::new();
    check_consent(m, level, NOW, &mut issues);
    issues
        .into_iter()
        .map(|i| (i.code, i.level, i.field))
        .collect()
}

fn c(code: &str, level: Level, field: &str) -> (String, Level, String) {
    (code.into(), level, field.into())
}

#[test]
fn record_required_only_at_level_three_and_only_with_pii() {
    let m = lead(PII, "", r#"{"countryCode":"US"}"#);
    assert!(found(&m, 2).is_empty());
    assert_eq!(
        found(&m, 3),
        [c(
            "CONSENT_RECORD_REQUIRED",
            Level::Error,
            "lead.consentRecord"
        )]
    );
    let m = lead(r#"{"firstName":"A"}"#, "", r#"{"countryCode":"US"}"#);
    assert!(found(&m, 3).is_empty());
    let m = lead(r#"{"address":{"city":"Oslo"}}"#, "", "{}");
    assert_eq!(found(&m, 3).len(), 1);
}

#[test]
fn every_jurisdiction_requires_its_block() {
    let cases: [(&str, Option<&str>, &str, Level); 15] = [
        ("US", None, "tcpa", Level::Error),
        ("DE", None, "gdpr", Level::Error),
        ("NO", None, "gdpr", Level::Error),
        ("GB", None, "ukGdpr", Level::Error),
        ("IN", None, "dpdp", Level::Error),
        ("CN", None, "pipl", Level::Error),
        ("BR", None, "lgpd", Level::Error),
        ("ZA", None, "popia", Level::Error),
        ("CA", None, "pipeda", Level::Warning),
        ("SG", None, "pdpaSg", Level::Error),
        ("JP", None, "appi", Level::Error),
        ("CH", None, "nfadp", Level::Error),
        ("KR", None, "pipaKr", Level::Error),
        ("SA", None, "pdplSa", Level::Error),
        ("TH", None, "pdpaTh", Level::Error),
    ];
    for (country, state, block, level) in cases {
        assert_eq!(
            required_blocks(country, state),
            [(block, level)],
            "{country}"
        );
        let m = lead(
            &format!(
                r#"{{"emailAddress":"a@b.io","address":{{"city":"X","countryCode":"{country}"}}}}"#
            ),
            r#"{"recordedAt":"2026-04-01T00:00:00Z"}"#,
            "{}",
        );
        assert_eq!(
            found(&m, 3),
            [c(
                "CONSENT_JURISDICTION_MISSING",
                level,
                &format!("lex.payload.lead.consentRecord.{block}")
            )],
            "{country}"
        );
    }
    assert_eq!(
        required_blocks("US", Some("CA")),
        [("tcpa", Level::Error), ("ccpa", Level::Warning)]
    );
    assert!(required_blocks("NZ", None).is_empty());
    // The California customer with TCPA but no CCPA block: a warning only.
    let m = lead(
        r#"{"emailAddress":"a@b.io","addresses":[{"city":"LA","countryCode":"FR"},{"primary":true,"city":"SF","state":"CA","country":"US"}]}"#,
        r#"{"tcpa":{"expressWrittenConsent":true}}"#,
        r#"{"countryCode":"DE"}"#,
    );
    assert_eq!(
        found(&m, 3),
        [c(
            "CONSENT_JURISDICTION_MISSING",
            Level::Warning,
            "lex.payload.lead.consentRecord.ccpa"
        )]
    );
}

#[test]
fn the_conformance_vector_shapes_stay_valid() {
    // TC-013 / TC-020 (gdpr with prose extras) and TC-014 (tcpa) must give nothing.
    let gdpr = r#"{"gdpr":{"legalBasis":"CONSENT","consentTimestamp":"2026-04-03T09:50:00Z","consentWithdrawn":false}}"#;
    assert!(found(&lead(PII, gdpr, r#"{"countryCode":"IT"}"#), 3).is_empty());
    assert!(found(&lead(PII, gdpr, r#"{"countryCode":"DE"}"#), 3).is_empty());
    let tcpa = r#"{"tcpa":{"expressWrittenConsent":true,"consentTimestamp":"2026-04-01T09:00:00Z","consentSource":"WEB_FORM"}}"#;
    assert!(found(&lead(PII, tcpa, r#"{"countryCode":"US"}"#), 3).is_empty());
}

#[test]
fn block_contents() {
    let rec = r#"{
        "tcpa":{"expressWrittenConsent":"yes","ipAddress":"999.1.1.1","timestamp":"2026-04-03T12:05:00Z","expiryDate":"2026-04-01T00:00:00Z"},
        "gdpr":{"legalBasis":"MARKETING","retentionPeriodDays":0,"consentWithdrawn":true,"purposeCodes":[]},
        "ukGdpr":{"legalBasis":"CONSENT","consentTimestamp":"2025-01-01T00:00:00Z","retentionPeriodDays":30},
        "ccpa":{"optedOut":true},
        "usStatePrivacy":{"statesOptedOut":["VA","XX"]},
        "dpdp":{"consentGranted":true},
        "pipl":{"consentGranted":true},
        "nfadp":{"legalBasis":"CONSENT","dataController":"CH-ORG"},
        "pdpaTh":{"legalBasis":"RESEARCH","consentGranted":true,"dataControllerName":"TH-ORG"},
        "consentIpAddress":"2001:db8::1"
    }"#;
    let m = lead(PII, rec, r#"{"countryCode":"US"}"#);
    assert_eq!(
        found(&m, 3),
        [
            c(
                "INVALID_TYPE",
                Level::Error,
                "lex.payload.lead.consentRecord.tcpa.expressWrittenConsent"
            ),
            c(
                "CONSENT_INVALID_IP",
                Level::Error,
                "lex.payload.lead.consentRecord.tcpa.ipAddress"
            ),
            c(
                "CONSENT_TIMESTAMP_IN_FUTURE",
                Level::Error,
                "lex.payload.lead.consentRecord.tcpa.timestamp"
            ),
            c(
                "CONSENT_EXPIRED",
                Level::Warning,
                "lex.payload.lead.consentRecord.tcpa.expiryDate"
            ),
            c(
                "INVALID_ENUM_VALUE",
                Level::Error,
                "lex.payload.lead.consentRecord.gdpr.legalBasis"
            ),
            c(
                "VALUE_OUT_OF_RANGE",
                Level::Error,
                "lex.payload.lead.consentRecord.gdpr.retentionPeriodDays"
            ),
            c(
                "CONSENT_WITHDRAWAL_UNDATED",
                Level::Warning,
                "lex.payload.lead.consentRecord.gdpr.consentWithdrawnAt"
            ),
            c(
                "CONSENT_PURPOSE_MISSING",
                Level::Warning,
                "lex.payload.lead.consentRecord.gdpr.purposeCodes"
            ),
            c(
                "CONSENT_EXPIRED",
                Level::Warning,
                "lex.payload.lead.consentRecord.ukGdpr.retentionPeriodDays"
            ),
            c(
                "CONSENT_WITHDRAWAL_UNDATED",
                Level::Warning,
                "lex.payload.lead.consentRecord.ccpa.optOutTimestamp"
            ),
            c(
                "CONSENT_INVALID_STATE_CODE",
                Level::Warning,
                "lex.payload.lead.consentRecord.usStatePrivacy.statesOptedOut[1]"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.payload.lead.consentRecord.pipl.processingPurpose"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.payload.lead.consentRecord.pipl.sensitiveDataIncluded"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.payload.lead.consentRecord.pipl.crossBorderTransferApproved"
            ),
            c(
                "INVALID_ENUM_VALUE",
                Level::Error,
                "lex.payload.lead.consentRecord.pdpaTh.legalBasis"
            ),
        ]
    );
    let lv = m.lead().unwrap();
    assert!(is_consent_restricted(lv));
    assert_eq!(customer_jurisdiction(lv), (Some("US"), None));
}

#[test]
fn withdrawal_dated_is_clean_and_restricted() {
    let rec = r#"{"gdpr":{"legalBasis":"CONSENT","consentWithdrawn":true,"consentWithdrawnAt":"2026-04-02T00:00:00Z"}}"#;
    let m = lead(PII, rec, r#"{"countryCode":"FR"}"#);
    assert!(found(&m, 3).is_empty());
    assert!(is_consent_restricted(m.lead().unwrap()));
    let ok = lead(
        PII,
        r#"{"gdpr":{"legalBasis":"CONSENT"}}"#,
        r#"{"countryCode":"FR"}"#,
    );
    assert!(!is_consent_restricted(ok.lead().unwrap()));
}
