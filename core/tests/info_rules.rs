//! INFO-level rules, which the vector format cannot show (reports omit INFO unless asked):
//! each fires with `include_info` and stays out of the default report.

use lex_core::api::ValidateOptions;
use lex_core::{Level, api};

fn report(json: &str, level: u8, include_info: bool) -> lex_core::Report {
    let msg = api::parse(json.as_bytes(), None, &Default::default()).expect("readable");
    let opts = ValidateOptions {
        level,
        include_info,
        now: Some(time::macros::datetime!(2026-04-03 12:00 UTC)),
        ..ValidateOptions::default()
    };
    api::validate(&msg, &opts)
}

fn envelope(mtype: &str, key: &str, body: &str, version: &str) -> String {
    format!(
        r#"{{"lex":{{"header":{{"messageId":"3f0c9a52-7d1e-4b8a-9c2f-000000000001","messageType":"{mtype}","version":"{version}","timestamp":"2026-04-03T11:30:00Z","senderId":"SENDER-1","receiverId":"RECEIVER-1"}},"payload":{{"{key}":{body}}}}}}}"#
    )
}

const CLOSURE: &str = r#"{"originalLeadId":"LEAD-0000000001","closureStatus":"LOST","leadCreatedDate":"2026-03-01T09:00:00Z","leadClosureDate":"2026-04-02T16:00:00Z",
"financialSummary":{"currency":"EUR","taxesAndFees":{"calculatedBy":"X","calculatedAt":"2026-04-02T10:00:00Z","jurisdictionCodes":["DE"],"lineItems":[{"label":"VAT","type":"VAT","amount":10}],"totalTaxesAndFees":10,"isEstimate":true}}}"#;

fn info_codes(r: &lex_core::Report) -> Vec<(String, String)> {
    r.warnings
        .iter()
        // GOVERNANCE_ABSENT (DG-010) belongs to the governance family, tested there;
        // CUSTOMER_FINGERPRINT_MISSING (D35) to the dedup family (rules/dedup.rs).
        .filter(|i| {
            i.level == Level::Info
                && i.code != "GOVERNANCE_ABSENT"
                && i.code != "CUSTOMER_FINGERPRINT_MISSING"
        })
        .map(|i| (i.code.clone(), i.field.clone()))
        .collect()
}

#[test]
fn closure_info_rules() {
    let json = envelope("LEAD_CLOSURE", "leadClosure", CLOSURE, "1.0");
    let r = report(&json, 3, true);
    assert!(r.valid);
    assert_eq!(
        info_codes(&r),
        [
            (
                "FIN-011".to_string(),
                "lex.payload.leadClosure.financialSummary.taxesAndFees.isEstimate".to_string()
            ),
            (
                "LOST_CLOSURE_NO_REASON".to_string(),
                "lex.payload.leadClosure.closureReason".to_string()
            ),
        ]
    );
    assert!(report(&json, 3, false).warnings.is_empty());
    let won = json.replace("\"LOST\"", "\"WON\"");
    let codes: Vec<String> = info_codes(&report(&won, 3, true))
        .into_iter()
        .map(|c| c.0)
        .collect();
    assert!(codes.contains(&"DL-010".to_string()), "{codes:?}");
}

#[test]
fn version_and_capability_info() {
    let sub = r#"{"subscriptionId":"SUB-0000000001","subscriberId":"R-1","status":"ACTIVE","eventTypes":["LEAD_CREATED"]}"#;
    let json = envelope("SUBSCRIPTION", "subscription", sub, "1.3");
    let r = report(&json, 3, true);
    assert!(r.valid);
    assert_eq!(
        info_codes(&r),
        [
            (
                "VERSION_MINOR_UNKNOWN".to_string(),
                "lex.header.version".to_string()
            ),
            (
                "CAP-007".to_string(),
                "lex.payload.subscription.systemCapabilities".to_string()
            ),
        ]
    );
    assert!(
        report(&json, 2, true)
            .warnings
            .iter()
            .all(|i| i.code != "CAP-007")
    );
    assert!(report(&json, 3, false).warnings.is_empty());
}

#[test]
fn captive_offer_before_negotiation_is_info() {
    let lead = r#"{"leadId":"LEAD-0000000001","status":"SHOPPING","source":"OTHER","customer":{"firstName":"A","emailAddress":"a@example.org","phoneNumber":"+441234567890"},
"desiredProduct":{"productType":"VEHICLE_NEW"},"metadata":{},"consentRecord":{},
"captiveFinance":{"captiveOrg":"C","programId":"P","programName":"N","programType":"OTHER","dealStructure":"LEASE","snapshotTimestamp":"2026-04-01T00:00:00Z",
"leaseTerms":{"moneyFactor":0.001,"residualValuePercent":55,"termMonths":36,"currency":"EUR"},"disclaimer":"Subject to approval.","evaluatedBy":"E","evaluatedAt":"2026-04-01T00:00:00Z","bindingCommitment":false}}"#;
    let json = envelope("LEAD", "lead", lead, "1.0");
    let r = report(&json, 3, true);
    assert!(r.valid, "{:?}", r.errors);
    assert_eq!(
        info_codes(&r),
        [(
            "CF-012".to_string(),
            "lex.payload.lead.captiveFinance".to_string()
        )]
    );
}
