//! The XML examples of the LEX 1.0 repository, read at test time from `LEX_SPEC_DIR`
//! (default `../shared/spec/lex-1.0` beside the repository). Tolerant mode reads each with
//! warnings naming every normalisation; strict mode rejects each with the reason. The
//! examples are hand-written illustrations that differ from their JSON twins
//! (decision D23, docs/decisions.md); the differences are pinned here.

// Test helpers (outside #[test] functions) may unwrap too.
#![allow(clippy::unwrap_used)]

mod support;

use lex_core::api::value_from_json;
use lex_core::api::{Limits, ReadMode, ReadOptions};
use lex_core::{Format, Message, Value, api};
use std::path::{Path, PathBuf};

fn spec_dir() -> Option<PathBuf> {
    support::spec_or_skip("xml_upstream")
}

fn tolerant(path: &Path) -> Message {
    let bytes = std::fs::read(path).unwrap();
    api::parse(&bytes, None, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn strict_error(path: &Path) -> lex_core::Error {
    let bytes = std::fs::read(path).unwrap();
    let opts = ReadOptions {
        mode: ReadMode::Strict,
        ..ReadOptions::default()
    };
    api::parse(&bytes, None, &opts).expect_err("strict mode must reject the upstream example")
}

fn codes(m: &Message) -> Vec<&str> {
    m.read_issues().iter().map(|i| i.code.as_str()).collect()
}

fn has(m: &Message, code: &str, pointer: &str) -> bool {
    m.read_issues()
        .iter()
        .any(|i| i.code == code && i.pointer == pointer)
}

fn s(v: &str) -> Value {
    Value::from(v)
}

const INDUSTRIES: [(&str, &str); 6] = [
    ("automotive", "automotive_lead_primary.xml"),
    ("aviation", "aviation_lead_primary.xml"),
    ("heavy-equipment", "heavy_equipment_lead_primary.xml"),
    ("maritime", "maritime_lead_primary.xml"),
    ("real-estate", "real_estate_lead_primary.xml"),
    ("technology", "technology_lead_primary.xml"),
];

/// The first message of `examples/<industry>/json/*_e2e_scenario.json`.
fn json_twin(dir: &Path, industry: &str) -> Value {
    let json_dir = dir.join("examples").join(industry).join("json");
    let file = std::fs::read_dir(&json_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("_e2e_scenario.json"))
        .unwrap();
    let doc = value_from_json(&std::fs::read(file).unwrap(), &Limits::default()).unwrap();
    doc.pointer("/messages/0/lex").unwrap().clone()
}

#[test]
fn every_upstream_xml_reads_tolerantly_and_fails_strictly() {
    let Some(dir) = spec_dir() else { return };
    let mut files = vec![dir.join("examples/xml-edi-lead.xml")];
    for (industry, file) in INDUSTRIES {
        files.push(dir.join("examples").join(industry).join("xml").join(file));
    }
    for path in &files {
        let m = tolerant(path);
        assert_eq!(m.source_format(), Format::Xml);
        assert_eq!(m.message_type_str(), Some("LEAD"), "{}", path.display());
        assert!(m.lead().and_then(|l| l.lead_id()).is_some());
        // Every one declares a namespace, and every one has untyped numbers or booleans.
        assert!(
            codes(&m).contains(&"XML_NAMESPACE_IGNORED"),
            "{}",
            path.display()
        );
        assert!(
            codes(&m).contains(&"XML_TYPE_INFERRED"),
            "{}",
            path.display()
        );
        let e = strict_error(path);
        assert_eq!(e.code(), "SYNTAX_ERROR");
        assert!(e.message.contains("[XML_NAMESPACE_IGNORED]"), "{e}");
        assert!(e.location.line.is_some() && e.location.offset.is_some());
    }
}

#[test]
fn legacy_alx_lead_reads_with_every_variant_reported() {
    let Some(dir) = spec_dir() else { return };
    let path = dir.join("examples/xml-edi-lead.xml");
    let m = tolerant(&path);
    for (code, pointer) in [
        ("XML_ROOT_RENAMED", "/lex"),
        ("XML_NAME_NORMALIZED", "/lex/header/messageId"),
        ("XML_EMPTY_ELEMENT", "/lex/header/correlationId"),
        (
            "XML_REPEATED_ELEMENTS",
            "/lex/payload/lead/desiredVehicle/trim",
        ),
        (
            "XML_WRAPPER_ARRAY",
            "/lex/payload/lead/metadata/ownershipChain",
        ),
        ("XML_FIELD_MAP", "/lex/payload/lead/metadata/customFields"),
        ("XML_CHECKSUM", "/lex/validation/checksum"),
        ("XML_TYPE_INFERRED", "/lex/payload/lead/desiredVehicle/year"),
        ("ALIAS_NORMALIZED", "/lex/payload/lead/desiredProduct"),
        (
            "ALIAS_NORMALIZED",
            "/lex/payload/lead/customer/emailAddress",
        ),
        ("ALIAS_NORMALIZED", "/lex/header/version"),
    ] {
        assert!(has(&m, code, pointer), "missing {code} at {pointer}");
    }
    let lead = "/lex/payload/lead";
    let p = |suffix: &str| m.pointer(&format!("{lead}{suffix}")).cloned();
    assert_eq!(m.message_id(), Some("550e8400-e29b-41d4-a716-446655440000"));
    assert_eq!(m.header().version(), Some("1.0"));
    assert_eq!(m.header().correlation_id(), None);
    assert_eq!(
        p("/desiredProduct/trim"),
        Some(Value::Array(vec![s("LE"), s("SE")]))
    );
    assert_eq!(p("/desiredProduct/year"), Some(Value::int(2026)));
    assert_eq!(p("/customer/emailAddress"), Some(s("john.doe@example.com")));
    assert_eq!(
        p("/customer/preferences/doNotCall"),
        Some(Value::Bool(false))
    );
    assert_eq!(p("/metadata/customFields/salesRepId"), Some(s("SR-456")));
    // String items of ownershipChain are a legacy shape: the alias table rewrites them as
    // `{owner}` objects (decision D3).
    assert_eq!(
        p("/metadata/ownershipChain/1/owner"),
        Some(s("MANUFACTURER-ABC"))
    );
    assert_eq!(p("/tradeIn/vin"), Some(s("1HGCV1F32JA123456")));
    assert_eq!(
        p("/metadata/compliance/gdprConsent"),
        Some(Value::Bool(true))
    );
    assert!(
        m.pointer("/lex/validation/checksum")
            .and_then(Value::as_str)
            .is_some_and(|c| c.starts_with("sha256:e3b0c442"))
    );
    // Strict: the default namespace on the root is the first non-canonical construct.
    let e = strict_error(&path);
    assert_eq!(
        (e.location.line, e.location.column, e.location.offset),
        (Some(2), Some(1), Some(39))
    );

    // The JSON twin (root `alx`) names two members differently (D23).
    let twin = api::parse(
        &std::fs::read(dir.join("examples/json-edi-lead.json")).unwrap(),
        None,
        &ReadOptions::default(),
    )
    .unwrap();
    let t = |suffix: &str| twin.pointer(&format!("{lead}{suffix}")).cloned();
    assert_eq!(twin.message_id(), m.message_id());
    assert_eq!(t("/desiredProduct/trim"), p("/desiredProduct/trim"));
    // The twin's `preferredLoanTerm` is an alias, read as `loanTerm` (decision D3).
    assert_eq!(t("/financing/loanTerm"), Some(Value::int(60)));
    assert_eq!(p("/financing/preferredLoanTerm"), None);
    assert_eq!(
        p("/financing/preferredLoanTermMonths"),
        Some(Value::int(60))
    );
    assert_eq!(
        t("/metadata/compliance/timestamp"),
        p("/metadata/compliance/consentTimestamp")
    );
    assert_eq!(p("/metadata/compliance/timestamp"), None);
}

#[test]
fn industry_examples_differ_from_their_json_twins() {
    let Some(dir) = spec_dir() else { return };
    for (industry, file) in INDUSTRIES {
        let path = dir.join("examples").join(industry).join("xml").join(file);
        let m = tolerant(&path);
        let twin = json_twin(&dir, industry);
        // Same message id as the first LEAD of the scenario ...
        assert_eq!(
            m.pointer("/lex/header/messageId"),
            twin.pointer("/header/messageId"),
            "{industry}"
        );
        // ... but leadHistory is missing from four of the six XML files.
        let xml_history = m.pointer("/lex/payload/lead/leadHistory").is_some();
        assert!(twin.pointer("/payload/lead/leadHistory").is_some());
        assert_eq!(
            xml_history,
            matches!(industry, "automotive" | "aviation"),
            "{industry}"
        );
    }
    // Automotive: product type and option items differ from the JSON twin.
    let auto = tolerant(&dir.join("examples/automotive/xml/automotive_lead_primary.xml"));
    let twin = json_twin(&dir, "automotive");
    let dp = "/lex/payload/lead/desiredProduct";
    assert_eq!(
        auto.pointer(&format!("{dp}/productType")),
        Some(&s("COUPE"))
    );
    assert_eq!(
        twin.pointer("/payload/lead/desiredProduct/productType"),
        Some(&s("VEHICLE"))
    );
    assert_eq!(
        auto.pointer(&format!("{dp}/installedOptions/0/optionName")),
        Some(&s("M Carbon Bucket Seats"))
    );
    assert_eq!(
        twin.pointer("/payload/lead/desiredProduct/installedOptions/0/name"),
        Some(&s("M Carbon Bucket Seats"))
    );
    assert_eq!(
        auto.pointer(&format!("{dp}/installedOptions/1/partNumber")),
        Some(&s("BMW-M-41-OPT-CEP"))
    );
    assert_eq!(
        twin.pointer("/payload/lead/desiredProduct/installedOptions/1/partNumber"),
        Some(&s("BMW-M-43-OPT-337"))
    );
    // `<previousStatus/>` is read as absent; `xsi` is declared but never used.
    assert!(has(
        &auto,
        "XML_EMPTY_ELEMENT",
        "/lex/payload/lead/leadHistory/0/previousStatus"
    ));
    assert_eq!(
        auto.pointer("/lex/payload/lead/leadHistory/0/previousStatus"),
        None
    );
    // A single <auditTrail><entry> is not in the schemas' arrays, so it stays an object.
    assert!(
        auto.pointer("/lex/payload/lead/metadata/auditTrail/entry/action")
            .is_some()
    );
    // Both versions are kept: the root attribute as lex.version, the header's own.
    assert_eq!(auto.pointer("/lex/version"), Some(&s("1.0")));
    assert_eq!(auto.header().version(), Some("1.0"));
}
