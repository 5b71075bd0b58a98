//! Issue 25, defect 3: business-to-business EDI. When the buyer party (`N1*BY` / `NAD+BY`)
//! is an organisation (qualifier 91), the contact person of `PER*BD|CN|IC` / `CTA+IC|PD|OC`
//! becomes the customer's first and last name and the company stays the organisation, so
//! level 2 has no false REQUIRED_FIELD_MISSING firstName.

#![allow(clippy::unwrap_used)] // test code

use lex_core::api::ReadOptions;
use lex_core::api::ValidateOptions;
use lex_core::{Format, Message, Value, api};

mod support;

const X12: &str = "ISA*00*          *00*          *ZZ*DEALER         *ZZ*OEM            *260115*1000*^*00501*000000001*0*T*>~
GS*PO*DEALER*OEM*20260115*1000*1*X*005010~
ST*850*0001~
BEG*00*SA*PO-1**20260115~
N1*BY*NexaCorp Ltd*91*GB-14220348~
N3*1 Canary Wharf~
N4*London**E14 5AB*GB~
PER*CN*Ikem Okafor*TE*+442071234567*EM*i.okafor@nexacorp.com~
PO1*1*1*EA~
CTT*1~
SE*9*0001~
GE*1*1~
IEA*1*000000001~
";

const EDIFACT: &str = "UNB+UNOC:3+DEALER:ZZZ+OEM:ZZZ+260115:1000+1'
UNH+1+ORDERS:D:96A:UN'
BGM+220+PO-1+9'
DTM+137:20260115:102'
NAD+BY+GB-14220348::91++NexaCorp Ltd+1 Canary Wharf+London++E14 5AB+GB'
CTA+IC+:Ikem Okafor'
COM+i.okafor@nexacorp.com:EM'
UNS+S'
UNT+8+1'
UNZ+1+1'
";

fn customer(m: &Message) -> &lex_core::Map {
    m.pointer("/lex/payload/lead/customer")
        .and_then(Value::as_object)
        .unwrap()
}

fn assert_person_and_company(m: &Message, what: &str) {
    let c = customer(m);
    let s = |k: &str| c.get(k).and_then(Value::as_str);
    assert_eq!(s("firstName"), Some("Ikem"), "{what}: {c:?}");
    assert_eq!(s("lastName"), Some("Okafor"), "{what}");
    assert_eq!(s("emailAddress"), Some("i.okafor@nexacorp.com"), "{what}");
    assert_eq!(
        m.pointer("/lex/payload/lead/customer/organizationBuyer/companyName")
            .and_then(Value::as_str),
        Some("NexaCorp Ltd"),
        "{what}"
    );
    assert!(
        m.read_issues()
            .iter()
            .any(|i| i.code == "EDI_HEURISTIC_MAPPING"
                && i.pointer == "/lex/payload/lead/customer/firstName"
                && i.message.contains("contact person")),
        "{what}: the mapping is reported"
    );
}

#[test]
fn the_contact_person_of_an_organisation_buyer_is_the_customer() {
    for (text, format) in [(X12, Format::X12), (EDIFACT, Format::Edifact)] {
        let m = api::parse(text.as_bytes(), Some(format), &ReadOptions::default()).unwrap();
        assert_person_and_company(&m, &format.to_string());
    }
}

#[test]
fn a_person_buyer_keeps_its_own_name() {
    let person = X12.replace(
        "N1*BY*NexaCorp Ltd*91*GB-14220348",
        "N1*BY*Jane Smith*92*CUST-1",
    );
    let m = api::parse(
        person.as_bytes(),
        Some(Format::X12),
        &ReadOptions::default(),
    )
    .unwrap();
    let c = customer(&m);
    assert_eq!(c.get("firstName").and_then(Value::as_str), Some("Jane"));
    assert_eq!(c.get("lastName").and_then(Value::as_str), Some("Smith"));
    assert!(!c.contains_key("organizationBuyer"));
}

/// The standard's heavy-equipment, maritime and technology examples at level 2.
#[test]
fn the_standards_b2b_examples_have_no_false_missing_first_name() {
    let Some(dir) = support::spec_or_skip("edi_contact_person") else {
        return;
    };
    for industry in ["heavy-equipment", "maritime", "technology"] {
        let stem = industry.replace('-', "_");
        for (rel, format) in [
            (format!("{industry}/x12/{stem}_lead_x12.txt"), Format::X12),
            (
                format!("{industry}/edifact/{stem}_lead_edifact.txt"),
                Format::Edifact,
            ),
        ] {
            let bytes = std::fs::read(dir.join("examples").join(&rel)).unwrap();
            let m = api::parse(&bytes, Some(format), &ReadOptions::default()).unwrap();
            let opts = ValidateOptions {
                level: 2,
                ..ValidateOptions::default()
            };
            let report = api::validate(&m, &opts);
            let missing: Vec<_> = report
                .issues()
                .filter(|i| i.code == "REQUIRED_FIELD_MISSING" && i.pointer.contains("/customer/"))
                .map(|i| i.pointer.clone())
                .collect();
            assert!(missing.is_empty(), "{rel}: {missing:?}");
            let c = customer(&m);
            assert!(
                c.contains_key("organizationBuyer"),
                "{rel}: the company is kept"
            );
            assert!(
                c.get("firstName").and_then(Value::as_str).is_some(),
                "{rel}"
            );
        }
    }
}
