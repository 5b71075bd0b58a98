//! Issue 25, defect 2: an XML-EDI value under an aliased name takes the canonical field's
//! type (`<tradeIn><mileage>42000</mileage>` is the integer `tradeInMileage`, not a string
//! that then fails validation with INVALID_TYPE).

#![allow(clippy::unwrap_used)] // test code

use lex_core::api::ReadOptions;
use lex_core::api::ValidateOptions;
use lex_core::{Format, Value, api};

mod support;

const LEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<lex>
  <header>
    <messageId>6f1c1f7e-8a0b-4c52-9b7e-0d1f2a3b4c5d</messageId>
    <messageType>LEAD</messageType>
    <version>1.0</version>
    <timestamp>2026-03-28T14:30:00Z</timestamp>
    <senderId>DEALER-001</senderId>
    <receiverId>OEM-001</receiverId>
  </header>
  <payload>
    <lead>
      <leadId>LEAD-1</leadId>
      <leadType>PURCHASE</leadType>
      <status>NEW</status>
      <source>RETAILER_WEBSITE</source>
      <customer><firstName>Jane</firstName><lastName>Smith</lastName><emailAddress>jane@example.com</emailAddress></customer>
      <desiredProduct><assetClass>VEHICLE</assetClass><productType>NEW</productType></desiredProduct>
      <tradeIn><year>2018</year><make>Honda</make><mileage>42000</mileage><estimatedValue>9000</estimatedValue></tradeIn>
    </lead>
  </payload>
</lex>
"#;

#[test]
fn an_aliased_trade_in_mileage_is_read_as_an_integer() {
    let m = api::parse(LEAD.as_bytes(), Some(Format::Xml), &ReadOptions::default()).unwrap();
    let t = |k: &str| {
        m.pointer(&format!("/lex/payload/lead/tradeIn/{k}"))
            .cloned()
    };
    assert_eq!(t("tradeInMileage"), Some(Value::int(42000)));
    assert_eq!(t("tradeInYear"), Some(Value::int(2018)));
    assert_eq!(t("estimatedTradeInValue"), Some(Value::int(9000)));
    assert_eq!(t("tradeInMake"), Some(Value::String("Honda".into())));
    let report = api::validate(&m, &ValidateOptions::default());
    let bad: Vec<_> = report
        .issues()
        .filter(|i| i.code == "INVALID_TYPE")
        .map(|i| i.pointer.clone())
        .collect();
    assert!(bad.is_empty(), "false INVALID_TYPE at {bad:?}");
}

/// The standard's XML examples with `<tradeIn><mileage>`: no INVALID_TYPE on tradeInMileage.
#[test]
fn the_standards_xml_examples_have_no_false_invalid_type() {
    let Some(dir) = support::spec_or_skip("xml_alias_types") else {
        return;
    };
    for rel in [
        "examples/xml-edi-lead.xml",
        "examples/automotive/xml/automotive_lead_primary.xml",
    ] {
        let bytes = std::fs::read(dir.join(rel)).unwrap();
        let m = api::parse(&bytes, None, &ReadOptions::default()).unwrap();
        assert!(
            m.pointer("/lex/payload/lead/tradeIn/tradeInMileage")
                .is_some_and(|v| v.as_i64().is_some()),
            "{rel}: tradeInMileage is not an integer"
        );
        let report = api::validate(&m, &ValidateOptions::default());
        assert!(
            !report
                .issues()
                .any(|i| i.code == "INVALID_TYPE" && i.pointer.ends_with("/tradeIn/tradeInMileage")),
            "{rel}: false INVALID_TYPE on tradeInMileage"
        );
    }
}
