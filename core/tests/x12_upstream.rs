//! Foreign X12 (no payload block): every upstream example and the founding document's
//! landing-page example read in tolerant mode with their warning sets and mapped fields, and
//! are rejected in strict mode with the reasons.

#![allow(clippy::unwrap_used)] // test helpers may unwrap

mod support;
mod x12_support;

use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Message, Value};
use x12_support::upstream;
use x12_support::{codec, x12};

/// The founding document's copy of the landing-page example (whitespace-collapsed ISA).
pub const LANDING: &str =
    "ISA*00* *00* *ZZ*DEALER-001 *ZZ*MANUFACTURER-A *260328*1430*^*00501*000001234*0*T*:~
GS*LX*DEALER001*MFRABC*20260328*1430*1*X*005010~
ST*850*0001~
BEG*00*SA*LEAD-2026-001234**20260328~
N1*BY*Jane Smith*92*CUST-001~
N3*123 Main Street~
N4*Springfield*IL*62701*US~
PER*IC**EM*jane.smith@example.com*TE*+13125559876~
PO1*1*1*EA***IN*EXPRESSED_INTEREST~
CTT*1~
SE*8*0001~
GE*1*1~
IEA*1*000001234~
";

fn read(input: &[u8]) -> Message {
    let mut all = x12::read(input, &ReadOptions::default()).unwrap();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn codes(m: &Message) -> Vec<&str> {
    m.read_issues().iter().map(|i| i.code.as_str()).collect()
}

fn s<'a>(m: &'a Message, ptr: &str) -> &'a str {
    m.pointer(ptr)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{ptr} missing"))
}

fn strict_reasons(input: &[u8]) -> String {
    let e = x12::read(
        input,
        &ReadOptions {
            mode: ReadMode::Strict,
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "ENVELOPE_ERROR", "{e}");
    e.message
}

fn field_of<'a>(m: &'a Message, code: &str) -> Vec<&'a str> {
    m.read_issues()
        .iter()
        .filter(|i| i.code == code)
        .map(|i| i.field.as_str())
        .collect()
}

fn unmapped(m: &Message) -> Vec<String> {
    let ext = m.pointer("/lex/extensions/0").unwrap();
    assert_eq!(
        ext.get("namespace"),
        Some(&Value::from("lexedi.edi.unmapped"))
    );
    ext.pointer("/data/segments")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|s| s.get("text").and_then(Value::as_str).unwrap().to_string())
        .collect()
}

#[test]
fn landing_page_copy_tolerant() {
    for text in [
        LANDING.to_string(),
        LANDING.replace("~\n", "~ "),
        LANDING.replace('\n', "\r\n"),
    ] {
        let m = read(text.as_bytes());
        assert_eq!(
            codes(&m),
            [
                "X12_ISA_WIDTH",
                "EDI_VALUE_INVALID",
                "EDI_COUNT_MISMATCH",
                "PAYLOAD_MISSING",
                "EDI_TYPE_INFERRED",
                "EDI_SYNTHESIZED_VALUE",
                "EDI_SYNTHESIZED_VALUE",
                "EDI_SYNTHESIZED_VALUE",
                "EDI_SYNTHESIZED_VALUE",
                "EDI_SYNTHESIZED_VALUE",
                "EDI_HEURISTIC_MAPPING",
                "EDI_HEURISTIC_MAPPING"
            ]
        );
        assert_eq!(field_of(&m, "EDI_COUNT_MISMATCH"), ["SE01"]);
        assert_eq!(field_of(&m, "EDI_VALUE_INVALID"), ["GS01"]);
        assert_eq!(
            field_of(&m, "EDI_SYNTHESIZED_VALUE"),
            [
                "lex.header.messageId",
                "lex.header.version",
                "lex.header.timestamp",
                "lex.header.senderId",
                "lex.header.receiverId"
            ]
        );
        assert_eq!(s(&m, "/lex/header/messageType"), "LEAD");
        assert_eq!(s(&m, "/lex/payload/lead/leadId"), "LEAD-2026-001234");
        assert_eq!(s(&m, "/lex/payload/lead/status"), "EXPRESSED_INTEREST");
        let c = "/lex/payload/lead/customer";
        assert_eq!(s(&m, &format!("{c}/firstName")), "Jane");
        assert_eq!(s(&m, &format!("{c}/lastName")), "Smith");
        assert_eq!(s(&m, &format!("{c}/customerId")), "CUST-001");
        assert_eq!(
            s(&m, &format!("{c}/emailAddress")),
            "jane.smith@example.com"
        );
        assert_eq!(s(&m, &format!("{c}/phoneNumber")), "+13125559876");
        assert_eq!(s(&m, &format!("{c}/address/street1")), "123 Main Street");
        assert_eq!(s(&m, &format!("{c}/address/city")), "Springfield");
        assert_eq!(s(&m, &format!("{c}/address/state")), "IL");
        assert_eq!(s(&m, &format!("{c}/address/postalCode")), "62701");
        assert_eq!(s(&m, &format!("{c}/address/countryCode")), "US");
        assert_eq!(s(&m, "/lex/header/senderId"), "DEALER-001");
        assert_eq!(s(&m, "/lex/header/receiverId"), "MANUFACTURER-A");
        assert_eq!(s(&m, "/lex/header/timestamp"), "2026-03-28T14:30:00Z");
        // Deterministic id: UUID v5 over the control numbers, the same on every read.
        assert_eq!(
            s(&m, "/lex/header/messageId"),
            "8f1d38e8-9f90-5834-8585-4e26107f3539"
        );
        // Everything was mapped: no extension entry.
        assert!(m.pointer("/lex/extensions").is_none());
    }
}

#[test]
fn landing_page_copy_strict() {
    let reasons = strict_reasons(LANDING.as_bytes());
    for r in [
        "X12_ISA_WIDTH",
        "GS01 \"LX\" is not \"PO\"",
        "SE01 declares \"8\" segments, the interchange has 9",
        "PAYLOAD_MISSING",
        "EDI_TYPE_INFERRED",
    ] {
        assert!(reasons.contains(r), "{r} not in {reasons}");
    }
}

#[test]
fn top_level_x12_lead() {
    if support::spec_or_skip("top_level_x12_lead").is_none() {
        return;
    }
    let input = upstream("examples/x12-lead.txt");
    let m = read(&input);
    assert_eq!(
        codes(&m),
        [
            "X12_ISA_WIDTH",
            "EDI_SYNTAX_IDENTIFIER",
            "EDI_VALUE_INVALID",
            "EDI_SYNTAX_IDENTIFIER",
            "EDI_COUNT_MISMATCH",
            "EDI_COUNT_MISMATCH",
            "PAYLOAD_MISSING",
            "EDI_TYPE_INFERRED",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING",
            "EDI_UNMAPPED_SEGMENTS",
            "ALIAS_NORMALIZED"
        ]
    );
    assert_eq!(field_of(&m, "EDI_SYNTAX_IDENTIFIER"), ["ISA12", "GS08"]);
    assert_eq!(field_of(&m, "EDI_VALUE_INVALID"), ["GS01"]);
    assert_eq!(field_of(&m, "EDI_COUNT_MISMATCH"), ["SE01", "CTT01"]);
    assert_eq!(s(&m, "/lex/payload/lead/leadId"), "LEAD-2026-001234");
    assert_eq!(s(&m, "/lex/payload/lead/status"), "EXPRESSED_INTEREST");
    // REF*LS DEALER_WEBSITE is a legacy alias, normalised by the data model (with a warning).
    assert_eq!(s(&m, "/lex/payload/lead/source"), "RETAILER_WEBSITE");
    assert_eq!(s(&m, "/lex/payload/lead/customer/lastName"), "DOE");
    assert_eq!(
        s(&m, "/lex/payload/lead/customer/emailAddress"),
        "JOHN.DOE@EXAMPLE.COM"
    );
    assert_eq!(
        s(&m, "/lex/payload/lead/customer/phoneNumber"),
        "13125551234"
    );
    assert_eq!(s(&m, "/lex/payload/lead/desiredProduct/model"), "CAMRY");
    assert_eq!(s(&m, "/lex/header/senderId"), "DEALER-001");
    assert_eq!(s(&m, "/lex/header/receiverId"), "MANUFACTURER-ABC");
    assert_eq!(s(&m, "/lex/header/timestamp"), "2026-03-23T14:30:00Z");
    // ISA12 00001 declares no repetition separator, so `^` in N301 is data (D28).
    assert_eq!(
        s(&m, "/lex/payload/lead/customer/address/street1"),
        "123 MAIN STREET^SUITE 100"
    );
    let kept = unmapped(&m);
    assert_eq!(kept.len(), 22);
    assert!(kept.contains(&"SAC*C*0152****HYBRID VEHICLE INCENTIVE".to_string()));
    assert!(kept.contains(&"REF*SR*SR-456".to_string()));
    let reasons = strict_reasons(&input);
    assert!(reasons.contains("ISA12 \"00001\""), "{reasons}");
    assert!(reasons.contains("CTT01 declares \"2\" line items, the transaction set has 3"));
}

struct Industry {
    file: &'static str,
    codes: &'static [&'static str],
    lead_id: &'static str,
    sender: &'static str,
    timestamp: &'static str,
    email: &'static str,
    asset_class: &'static str,
    unmapped: usize,
    se: &'static str,
}

const INDUSTRIES: [Industry; 6] = [
    Industry {
        file: "examples/automotive/x12/automotive_lead_x12.txt",
        codes: &[
            "X12_ISA_WIDTH",
            "EDI_COUNT_MISMATCH",
            "EDI_COUNT_MISMATCH",
            "PAYLOAD_MISSING",
            "EDI_TYPE_INFERRED",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_HEURISTIC_MAPPING",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING",
            "EDI_UNMAPPED_SEGMENTS",
        ],
        lead_id: "LID-20260115-AUTO-001",
        sender: "RETAILER-BMW-NASHVILLE",
        timestamp: "2026-01-15T10:22:00Z",
        email: "SARAH.JOHNSON@EXAMPLE.COM",
        asset_class: "VEHICLE",
        unmapped: 30,
        se: "SE01 declares \"30\" segments, the interchange has 43",
    },
    Industry {
        file: "examples/aviation/x12/aviation_lead_x12.txt",
        codes: &[
            "X12_ISA_WIDTH",
            "EDI_COUNT_MISMATCH",
            "PAYLOAD_MISSING",
            "EDI_TYPE_INFERRED",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_HEURISTIC_MAPPING",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING",
            "EDI_UNMAPPED_SEGMENTS",
        ],
        lead_id: "LID-20250601-AVIA-001",
        sender: "RETAILER-AIRBUS-ORDERDESK",
        timestamp: "2025-06-01T08:00:00Z",
        email: "M.REID@SKYBRIDGEAIR.COM",
        asset_class: "AVIATION",
        unmapped: 39,
        se: "SE01 declares \"38\" segments, the interchange has 51",
    },
    Industry {
        file: "examples/heavy-equipment/x12/heavy_equipment_lead_x12.txt",
        codes: &[
            "X12_ISA_WIDTH",
            "EDI_COUNT_MISMATCH",
            "PAYLOAD_MISSING",
            "EDI_TYPE_INFERRED",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING", // the contact person of PER*CN (issue 25 defect 3)
            "EDI_UNMAPPED_SEGMENTS",
        ],
        lead_id: "LID-20260110-HEVY-001",
        sender: "ALTORFERCAT",
        timestamp: "2026-01-10T09:15:00-06:00",
        email: "r.morales@granitepeakconstruction.com",
        asset_class: "HEAVY_EQUIPMENT",
        unmapped: 37,
        se: "SE01 declares \"43\" segments, the interchange has 47",
    },
    Industry {
        file: "examples/maritime/x12/maritime_lead_x12.txt",
        codes: &[
            "X12_ISA_WIDTH",
            "EDI_COUNT_MISMATCH",
            "PAYLOAD_MISSING",
            "EDI_TYPE_INFERRED",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING", // the contact person of PER*CN (issue 25 defect 3)
            "EDI_UNMAPPED_SEGMENTS",
        ],
        lead_id: "LID-20251105-MARI-001",
        sender: "NORDICMARITIMEBI",
        timestamp: "2025-11-05T08:00:00-06:00",
        email: "a.papadopoulos@meridianshipping.gr",
        asset_class: "MARITIME_VESSEL",
        unmapped: 31,
        se: "SE01 declares \"33\" segments, the interchange has 41",
    },
    Industry {
        file: "examples/real-estate/x12/real_estate_lead_x12.txt",
        codes: &[
            "X12_ISA_WIDTH",
            "EDI_COUNT_MISMATCH",
            "PAYLOAD_MISSING",
            "EDI_TYPE_INFERRED",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING",
            "EDI_UNMAPPED_SEGMENTS",
        ],
        lead_id: "LID-20260103-REES-001",
        sender: "KWAUSTIN",
        timestamp: "2026-01-03T14:30:00-06:00",
        email: "michael.torres@email.com",
        asset_class: "REAL_ESTATE",
        unmapped: 42,
        se: "SE01 declares \"35\" segments, the interchange has 51",
    },
    Industry {
        file: "examples/technology/x12/technology_lead_x12.txt",
        codes: &[
            "X12_ISA_WIDTH",
            "EDI_COUNT_MISMATCH",
            "PAYLOAD_MISSING",
            "EDI_TYPE_INFERRED",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING", // the contact person of PER*CN (issue 25 defect 3)
            "EDI_UNMAPPED_SEGMENTS",
        ],
        lead_id: "LID-20260115-TECH-001",
        sender: "DELLEMEA",
        timestamp: "2026-01-15T10:00:00-06:00",
        email: "i.okafor@nexacorp.com",
        asset_class: "TECHNOLOGY_DEVICE",
        unmapped: 40,
        se: "SE01 declares \"42\" segments, the interchange has 50",
    },
];

#[test]
fn industry_examples() {
    if support::spec_or_skip("industry_examples").is_none() {
        return;
    }
    for ind in &INDUSTRIES {
        let input = upstream(ind.file);
        let m = read(&input);
        assert_eq!(codes(&m), ind.codes, "{}", ind.file);
        assert_eq!(
            s(&m, "/lex/payload/lead/leadId"),
            ind.lead_id,
            "{}",
            ind.file
        );
        assert_eq!(
            s(&m, "/lex/payload/lead/status"),
            "SHOPPING",
            "{}",
            ind.file
        );
        assert_eq!(
            s(&m, "/lex/payload/lead/leadType"),
            "PRIMARY",
            "{}",
            ind.file
        );
        assert_eq!(s(&m, "/lex/header/senderId"), ind.sender, "{}", ind.file);
        assert_eq!(
            s(&m, "/lex/header/timestamp"),
            ind.timestamp,
            "{}",
            ind.file
        );
        assert_eq!(
            s(&m, "/lex/payload/lead/customer/emailAddress"),
            ind.email,
            "{}",
            ind.file
        );
        assert_eq!(
            s(&m, "/lex/payload/lead/desiredProduct/assetClass"),
            ind.asset_class,
            "{}",
            ind.file
        );
        assert_eq!(unmapped(&m).len(), ind.unmapped, "{}", ind.file);
        // Nothing silently dropped: every body segment is either mapped or kept verbatim.
        let text = String::from_utf8(input.clone()).unwrap();
        for kept in unmapped(&m) {
            assert!(text.contains(&kept), "{kept}");
        }
        let reasons = strict_reasons(&input);
        assert!(reasons.contains("X12_ISA_WIDTH"), "{reasons}");
        assert!(reasons.contains(ind.se), "{reasons}");
        assert!(reasons.contains("PAYLOAD_MISSING"), "{reasons}");
    }
}

#[test]
fn second_style_maps_organisations_and_keeps_the_business_reference() {
    if support::spec_or_skip("second_style_maps_organisations_and_keeps_the_business_reference")
        .is_none()
    {
        return;
    }
    let m = read(&upstream("examples/technology/x12/technology_lead_x12.txt"));
    let c = "/lex/payload/lead/customer";
    assert_eq!(
        s(&m, &format!("{c}/organizationBuyer/companyName")),
        "NexaCorp Ltd"
    );
    assert_eq!(
        s(
            &m,
            &format!("{c}/organizationBuyer/companyRegistrationNumber")
        ),
        "GB-14220348"
    );
    assert_eq!(s(&m, &format!("{c}/address/street2")), "Level 30");
    let kept = unmapped(&m);
    assert_eq!(
        kept[0],
        "BEG*00*SA*NEXA-MSA-2026-DAAS-001**20260115*SHOPPING"
    );
    assert!(kept.contains(&"SRV*MDM_MANAGED*Intune MDM management included".to_string()));
}

#[test]
fn foreign_reads_write_back_losslessly() {
    if support::spec_or_skip("foreign_reads_write_back_losslessly").is_none() {
        return;
    }
    let mut inputs: Vec<Vec<u8>> = vec![
        LANDING.as_bytes().to_vec(),
        upstream("examples/x12-lead.txt"),
    ];
    inputs.extend(INDUSTRIES.iter().map(|i| upstream(i.file)));
    for input in inputs {
        let msgs = x12::read(&input, &ReadOptions::default()).unwrap();
        let text = codec::write(&msgs, lex_core::Format::X12, &Default::default()).unwrap();
        let strict = ReadOptions {
            mode: ReadMode::Strict,
            ..ReadOptions::default()
        };
        let again = x12::read(text.as_bytes(), &strict).unwrap();
        assert_eq!(msgs[0].root(), again[0].root());
        // Our core view of a foreign message keeps the mapped ids readable.
        assert!(text.contains(&format!(
            "REF*ZZ*{}*LEX-MESSAGE-ID~",
            s(&msgs[0], "/lex/header/messageId")
        )));
    }
}
