//! EDIFACT reader: the founding-document example, every upstream example (tolerant and
//! strict), corrupted envelopes with their codes and locations, release characters,
//! character sets, payload integrity and the core-view cross-check.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod support;

use lex_core::api::EdifactProfile as Profile;
use lex_core::api::WriteOptions;
use lex_core::api::{Limits, ReadMode, ReadOptions};
use lex_core::{Error, Format, Message, Value, api};

const LANDING: &str = "UNB+UNOC:3+DEALER-001:14+MANUFACTURER-ABC:14+260328:1430+000001234' UNH+1+ORDERS:D:96A:UN' BGM+220+LEAD-2026-001234+9' DTM+137:20260328:102' NAD+BY+CUST-001::92++Jane Smith' CTA+IC+:jane.smith@example.com' COM++TE:+13125559876' LIN+1++EXPRESSED_INTEREST:SA' UNT+8+1' UNZ+1+000001234'";

fn opts(mode: ReadMode) -> ReadOptions {
    ReadOptions {
        mode,
        ..ReadOptions::default()
    }
}

fn read(text: &[u8], mode: ReadMode) -> lex_core::Result<Vec<Message>> {
    api::parse_all(text, None, &opts(mode))
}

fn one(text: &str) -> Message {
    let mut v = read(text.as_bytes(), ReadMode::Tolerant).unwrap();
    assert_eq!(v.len(), 1);
    v.remove(0)
}

fn strict_err(text: &[u8]) -> Error {
    read(text, ReadMode::Strict).unwrap_err()
}

fn codes(m: &Message) -> Vec<&str> {
    m.read_issues().iter().map(|i| i.code.as_str()).collect()
}

fn s<'a>(m: &'a Message, ptr: &str) -> &'a str {
    m.pointer(ptr)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{ptr} missing"))
}

/// An upstream example; tests call `support::spec_or_skip` first.
fn upstream(path: &str) -> Vec<u8> {
    std::fs::read(support::spec_dir().join("examples").join(path)).unwrap()
}

fn written() -> String {
    let json = std::fs::read("../examples/lead.json").unwrap();
    let m = api::parse(&json, None, &ReadOptions::default()).unwrap();
    let o = WriteOptions {
        edifact: Profile {
            control_reference: Some("77".into()),
            ..Profile::default()
        },
        ..WriteOptions::default()
    };
    api::serialize(&m, Format::Edifact, &o).unwrap()
}

#[test]
fn founding_document_example_reads_as_the_lead() {
    let m = one(LANDING);
    assert_eq!(m.source_format(), Format::Edifact);
    assert_eq!(s(&m, "/lex/header/messageType"), "LEAD");
    assert_eq!(s(&m, "/lex/header/version"), "1.0");
    assert_eq!(s(&m, "/lex/header/timestamp"), "2026-03-28T14:30:00Z");
    assert_eq!(s(&m, "/lex/header/senderId"), "DEALER-001");
    assert_eq!(s(&m, "/lex/header/receiverId"), "MANUFACTURER-ABC");
    assert_eq!(
        s(&m, "/lex/header/messageId"),
        "d142be1e-7b80-5dbd-a21e-649c68e1dbe0"
    );
    assert_eq!(s(&m, "/lex/payload/lead/leadId"), "LEAD-2026-001234");
    assert_eq!(s(&m, "/lex/payload/lead/status"), "EXPRESSED_INTEREST");
    let c = "/lex/payload/lead/customer";
    assert_eq!(s(&m, &format!("{c}/customerId")), "CUST-001");
    assert_eq!(s(&m, &format!("{c}/firstName")), "Jane");
    assert_eq!(s(&m, &format!("{c}/lastName")), "Smith");
    assert_eq!(
        s(&m, &format!("{c}/emailAddress")),
        "jane.smith@example.com"
    );
    assert_eq!(s(&m, &format!("{c}/phoneNumber")), "+13125559876");
    assert!(
        m.pointer("/lex/extensions").is_none(),
        "every segment was mapped"
    );
    assert_eq!(
        codes(&m),
        [
            "EDI_SEGMENT_MISSING",
            "PAYLOAD_MISSING",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING",
            "EDI_HEURISTIC_MAPPING",
            "EDI_TYPE_INFERRED",
            "EDI_SYNTHESIZED_VALUE",
            "EDI_SYNTHESIZED_VALUE",
        ]
    );
    let fields: Vec<&str> = m.read_issues().iter().map(|i| i.field.as_str()).collect();
    assert!(fields.contains(&"lex.payload.lead.customer.phoneNumber"));
    assert!(fields.contains(&"lex.payload.lead.customer.emailAddress"));
    // Re-reading is idempotent (the synthesised id is a UUID v5 of the references).
    assert_eq!(one(LANDING).root(), m.root());
    let e = strict_err(LANDING.as_bytes());
    assert_eq!(e.code(), "ENVELOPE_ERROR");
    assert_eq!(e.location.segment, Some(8));
    assert_eq!(e.location.segment_id.as_deref(), Some("LIN"));
    assert!(e.message.contains("UNS"), "{}", e.message);
}

#[test]
fn top_level_upstream_example_tolerant_and_strict() {
    if support::spec_or_skip("top_level_upstream_example_tolerant_and_strict").is_none() {
        return;
    }
    let b = upstream("edifact-lead.txt");
    let m = read(&b, ReadMode::Tolerant).unwrap().remove(0);
    assert_eq!(s(&m, "/lex/payload/lead/leadId"), "LEAD-2026-001234");
    assert_eq!(s(&m, "/lex/payload/lead/status"), "EXPRESSED_INTEREST");
    // The legacy source value is normalised (decision D3) and reported.
    assert_eq!(s(&m, "/lex/payload/lead/source"), "RETAILER_WEBSITE");
    assert!(
        m.read_issues()
            .iter()
            .any(|i| i.code == "ALIAS_NORMALIZED" && i.pointer == "/lex/payload/lead/source")
    );
    assert_eq!(s(&m, "/lex/header/senderId"), "DEALER-001");
    assert_eq!(s(&m, "/lex/header/receiverId"), "MANUFACTURER-ABC");
    assert_eq!(s(&m, "/lex/header/timestamp"), "2026-03-23T14:30:00Z");
    assert_eq!(s(&m, "/lex/payload/lead/customer/firstName"), "JOHN");
    assert_eq!(s(&m, "/lex/payload/lead/customer/lastName"), "DOE");
    assert_eq!(
        s(&m, "/lex/payload/lead/customer/emailAddress"),
        "JOHN.DOE@EXAMPLE.COM"
    );
    assert_eq!(
        s(&m, "/lex/payload/lead/customer/phoneNumber"),
        "13125551234"
    );
    assert_eq!(
        s(&m, "/lex/payload/lead/customer/address/street2"),
        "SUITE 100"
    );
    assert_eq!(
        s(&m, "/lex/payload/lead/customer/address/countryCode"),
        "US"
    );
    assert_eq!(
        s(&m, "/lex/payload/lead/metadata/expirationDate"),
        "2026-04-23T00:00:00Z"
    );
    assert_eq!(s(&m, "/lex/extensions/0/namespace"), "lexedi.edi.unmapped");
    let kept = m
        .pointer("/lex/extensions/0/data/segments")
        .unwrap()
        .as_array()
        .unwrap();
    assert_eq!(kept.len(), 21);
    assert_eq!(
        kept[0].get("text").unwrap().as_str(),
        Some("CTA+OC+JOHN DOE")
    );
    assert_eq!(
        codes(&m)[..8],
        [
            "EDI_UNA_INVALID",
            "EDI_SYNTAX_IDENTIFIER",
            "EDI_VALUE_INVALID",
            "EDI_VALUE_INVALID",
            "EDI_MESSAGE_TYPE",
            "EDI_COUNT_MISMATCH",
            "EDI_SEGMENT_MISSING",
            "PAYLOAD_MISSING",
        ]
    );
    // The reader's findings come first, then the normalisation of the legacy source value.
    let all = codes(&m);
    assert_eq!(
        all[all.len() - 2..],
        ["EDI_UNMAPPED_SEGMENTS", "ALIAS_NORMALIZED"]
    );
    let e = strict_err(&b);
    assert_eq!(e.code(), "ENVELOPE_ERROR");
    assert_eq!(e.location.segment_id.as_deref(), Some("UNA"));
    assert!(e.message.contains("EDI_UNA_INVALID"));
}

#[test]
fn industry_upstream_examples_tolerant_and_strict() {
    if support::spec_or_skip("industry_upstream_examples_tolerant_and_strict").is_none() {
        return;
    }
    // (file, leadId, status, customer e-mail, unmapped count, strict error segment, UNT declared)
    let cases = [
        (
            "automotive/edifact/automotive_lead_edifact.txt",
            "LID-20260115-AUTO-001",
            "SARAH.JOHNSON@EXAMPLE.COM",
            62,
            "40",
        ),
        (
            "aviation/edifact/aviation_lead_edifact.txt",
            "LID-20250601-AVIA-001",
            "M.REID@SKYBRIDGEAIR.COM",
            63,
            "44",
        ),
        (
            "heavy-equipment/edifact/heavy_equipment_lead_edifact.txt",
            "LID-20260110-HEVY-001",
            "r.morales@granitepeakconstruction.com",
            65,
            "47",
        ),
        (
            "maritime/edifact/maritime_lead_edifact.txt",
            "LID-20251105-MARI-001",
            "a.papadopoulos@meridianshipping.gr",
            56,
            "42",
        ),
        (
            "real-estate/edifact/real_estate_lead_edifact.txt",
            "LID-20260103-REES-001",
            "michael.torres@email.com",
            59,
            "39",
        ),
        (
            "technology/edifact/technology_lead_edifact.txt",
            "LID-20260115-TECH-001",
            "i.okafor@nexacorp.com",
            65,
            "48",
        ),
    ];
    for (file, lead_id, email, unt_segment, declared) in cases {
        let b = upstream(file);
        let m = read(&b, ReadMode::Tolerant).unwrap().remove(0);
        assert_eq!(s(&m, "/lex/payload/lead/leadId"), lead_id, "{file}");
        assert_eq!(s(&m, "/lex/payload/lead/status"), "SHOPPING", "{file}");
        assert_eq!(s(&m, "/lex/payload/lead/leadType"), "PRIMARY", "{file}");
        assert_eq!(
            s(&m, "/lex/payload/lead/customer/emailAddress"),
            email,
            "{file}"
        );
        assert_eq!(s(&m, "/lex/header/receiverId"), "LEX-PLATFORM", "{file}");
        assert_eq!(s(&m, "/lex/extensions/0/namespace"), "lexedi.edi.unmapped");
        let c = codes(&m);
        assert_eq!(c[0], "EDI_COUNT_MISMATCH", "{file}");
        assert!(
            c.contains(&"PAYLOAD_MISSING") && c.contains(&"EDI_UNMAPPED_SEGMENTS"),
            "{file}"
        );
        let e = strict_err(&b);
        assert_eq!(e.code(), "ENVELOPE_ERROR", "{file}");
        assert_eq!(e.location.segment, Some(unt_segment), "{file}");
        assert_eq!(e.location.segment_id.as_deref(), Some("UNT"), "{file}");
        assert_eq!(e.location.element, Some(1), "{file}");
        assert!(
            e.message.contains(&format!("UNT counts \"{declared}\"")),
            "{file}: {}",
            e.message
        );
    }
    let auto = read(
        &upstream("automotive/edifact/automotive_lead_edifact.txt"),
        ReadMode::Tolerant,
    )
    .unwrap()
    .remove(0);
    assert_eq!(
        s(&auto, "/lex/payload/lead/desiredProduct/assetClass"),
        "VEHICLE"
    );
    assert_eq!(
        s(&auto, "/lex/payload/lead/customer/address/city"),
        "NASHVILLE"
    );
    assert_eq!(codes(&auto)[1], "EDI_COUNT_MISMATCH", "CNT+2:3 with 5 LIN");
    let avia = read(
        &upstream("aviation/edifact/aviation_lead_edifact.txt"),
        ReadMode::Tolerant,
    )
    .unwrap()
    .remove(0);
    let a = "/lex/payload/lead/customer/address";
    assert_eq!(s(&avia, &format!("{a}/postalCode")), "UB3 5AL");
    assert_eq!(s(&avia, &format!("{a}/countryCode")), "GB");
    assert!(avia.pointer(&format!("{a}/state")).is_none());
    let home = read(
        &upstream("real-estate/edifact/real_estate_lead_edifact.txt"),
        ReadMode::Tolerant,
    )
    .unwrap()
    .remove(0);
    assert_eq!(s(&home, "/lex/payload/lead/customer/firstName"), "Michael");
    assert_eq!(s(&home, "/lex/payload/lead/customer/lastName"), "Torres");
    assert_eq!(
        s(&home, &format!("{a}/street1")),
        "3410 Westover Hills Blvd"
    );
    assert_eq!(s(&home, &format!("{a}/city")), "Austin");
    assert_eq!(s(&home, &format!("{a}/state")), "TX");
    assert_eq!(s(&home, &format!("{a}/postalCode")), "78731");
    assert_eq!(s(&home, &format!("{a}/countryCode")), "US");
    let heavy = read(
        &upstream("heavy-equipment/edifact/heavy_equipment_lead_edifact.txt"),
        ReadMode::Tolerant,
    )
    .unwrap()
    .remove(0);
    assert_eq!(
        s(
            &heavy,
            "/lex/payload/lead/customer/organizationBuyer/companyName"
        ),
        "Granite Peak Construction LLC"
    );
    assert_eq!(s(&heavy, "/lex/payload/lead/customer/address/state"), "CO");
    assert_eq!(
        s(&heavy, "/lex/payload/lead/customer/address/postalCode"),
        "80216"
    );
}

#[test]
fn own_output_reads_strictly_and_cross_checks_the_core_view() {
    let out = written();
    let m = read(out.as_bytes(), ReadMode::Strict).unwrap().remove(0);
    assert!(m.read_issues().is_empty());
    let edited = out.replace(
        "BGM+220:::LEAD+LEAD-NW-2026-000417+9",
        "BGM+220:::LEAD+LEAD-EDITED+9",
    );
    let m2 = read(edited.as_bytes(), ReadMode::Tolerant)
        .unwrap()
        .remove(0);
    assert_eq!(m2.root(), m.root(), "the payload block is authoritative");
    assert_eq!(codes(&m2), ["VIEW_MISMATCH"]);
    let e = strict_err(edited.as_bytes());
    assert_eq!(e.location.segment_id.as_deref(), Some("BGM"));
    assert_eq!(
        (e.location.segment, e.location.element, e.location.component),
        (Some(3), Some(2), Some(1))
    );
    let status = out.replace("EXPRESSED_INTEREST::LEX-STATUS", "ORDER::LEX-STATUS");
    assert_eq!(
        codes(&read(status.as_bytes(), ReadMode::Tolerant).unwrap()[0]),
        ["VIEW_MISMATCH"]
    );
}

#[test]
fn tampered_payload_falls_back_or_fails() {
    let out = written().replacen("Amara", "Amarb", 1);
    let m = read(out.as_bytes(), ReadMode::Tolerant).unwrap().remove(0);
    assert_eq!(codes(&m)[0], "PAYLOAD_INVALID");
    assert_eq!(
        s(&m, "/lex/payload/lead/leadId"),
        "LEAD-NW-2026-000417",
        "core view mapped"
    );
    assert_eq!(
        s(&m, "/lex/header/messageId"),
        "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23"
    );
    let e = strict_err(out.as_bytes());
    assert_eq!(e.code(), "PAYLOAD_INTEGRITY");
    assert_eq!(e.location.segment_id.as_deref(), Some("FTX"));
    assert!(e.message.contains("SHA-256"), "{}", e.message);
}

#[test]
fn corrupted_envelopes_have_codes_and_locations() {
    let good = "UNA:+.? 'UNB+UNOC:3+S:ZZZ+R:ZZZ+260101:1200+REF1'UNH+1+ORDERS:D:96A:UN'BGM+220+X+9'UNS+S'UNT+4+1'UNZ+1+REF1'";
    let m = one(good);
    assert!(codes(&m).contains(&"PAYLOAD_MISSING"));
    assert_eq!(s(&m, "/lex/header/timestamp"), "2026-01-01T12:00:00Z");
    // (mutation, code, segment, tag, element)
    type Case<'a> = (&'a str, &'a str, &'a str, u64, &'a str, Option<u64>);
    let cases: [Case; 8] = [
        ("UNT+4+1'", "UNT+5+1'", "count", 5, "UNT", Some(1)),
        ("UNT+4+1'", "UNT+4+2'", "reference", 5, "UNT", Some(2)),
        ("UNZ+1+REF1'", "UNZ+2+REF1'", "messages", 6, "UNZ", Some(1)),
        ("UNZ+1+REF1'", "UNZ+1+REF2'", "differs", 6, "UNZ", Some(2)),
        ("UNS+S'UNT+4+1'", "UNT+3+1'", "UNS", 3, "BGM", None),
        ("260101:1200", "2601:12", "YYMMDD", 1, "UNB", Some(4)),
        (
            "UNH+1+",
            "UNH+123456789012345+",
            "1 to 14",
            2,
            "UNH",
            Some(1),
        ),
        (
            "UNT+4+1'UNZ+1+REF1'",
            "UNZ+1+REF1'",
            "no UNT",
            2,
            "UNH",
            None,
        ),
    ];
    for (from, to, text, seg, tag, el) in cases {
        let bad = good.replace(from, to);
        let e = strict_err(bad.as_bytes());
        assert_eq!(e.code(), "ENVELOPE_ERROR", "{bad}");
        assert_eq!(e.location.segment, Some(seg), "{bad}");
        assert_eq!(e.location.segment_id.as_deref(), Some(tag), "{bad}");
        assert_eq!(e.location.element, el, "{bad}");
        assert!(e.message.contains(text), "{bad}: {}", e.message);
        assert!(read(bad.as_bytes(), ReadMode::Tolerant).is_ok(), "{bad}");
    }
    for (bad, code) in [
        ("UNH+1+ORDERS:D:96A:UN'UNT+2+1'", "ENVELOPE_ERROR"),
        ("UNB+UNOC:3+S+R+260101:1200+1'UNZ+0+1'", "ENVELOPE_ERROR"),
        ("UNB+UNOC:3+S+R+260101:1200+1'U+NH+1'", "SYNTAX_ERROR"),
        ("", "EMPTY_INPUT"),
    ] {
        let e = api::parse_all(
            bad.as_bytes(),
            Some(Format::Edifact),
            &opts(ReadMode::Tolerant),
        );
        assert_eq!(e.unwrap_err().code(), code, "{bad}");
    }
    let unterminated = good.trim_end_matches('\'');
    assert_eq!(strict_err(unterminated.as_bytes()).code(), "SYNTAX_ERROR");
    assert_eq!(codes(&one(unterminated))[0], "EDI_SYNTAX");
}

#[test]
fn release_character_edge_cases() {
    let base = |bgm: &str| {
        format!("UNB+UNOC:3+S+R+260101:1200+1'UNH+1+ORDERS:D:96A:UN'{bgm}'UNS+S'UNT+4+1'UNZ+1+1'")
    };
    // `?` before each service character, `??` at the end of an element, escaped terminator.
    let m = one(&base("BGM+220+A?+B?:C?'D??+9"));
    assert_eq!(s(&m, "/lex/payload/lead/leadId"), "A+B:C'D?");
    let m = one(&base("BGM+220+END??"));
    assert_eq!(s(&m, "/lex/payload/lead/leadId"), "END?");
    // A release before an ordinary character: kept, reported; strict rejects.
    let m = one(&base("BGM+220+A?B"));
    assert_eq!(s(&m, "/lex/payload/lead/leadId"), "AB");
    assert_eq!(codes(&m)[0], "EDI_SYNTAX");
    assert_eq!(
        strict_err(base("BGM+220+A?B").as_bytes()).code(),
        "SYNTAX_ERROR"
    );
    // A release character as the very last byte.
    let e = strict_err(b"UNB+UNOC:3+S+R+260101:1200+1'UNH+1+ORDERS:D:96A:UN'UNT+2+1'UNZ+1+1?");
    assert_eq!(e.code(), "SYNTAX_ERROR");
    // A declared UNA with other service characters.
    let una = "UNA|*.# ~UNB*UNOC|3*S*R*260101|1200*1~UNH*1*ORDERS|D|96A|UN~BGM*220*A#*B#|C#~D~UNS*S~UNT*4*1~UNZ*1*1~";
    assert_eq!(s(&one(una), "/lex/payload/lead/leadId"), "A*B|C~D");
}

#[test]
fn character_sets_by_syntax_identifier() {
    let msg = |id: &str, name: &[u8]| {
        let mut v = format!(
            "UNB+{id}+S+R+260101:1200+1'UNH+1+ORDERS:D:96A:UN'BGM+220+L1+9'NAD+BY+C1::92++"
        )
        .into_bytes();
        v.extend_from_slice(name);
        v.extend_from_slice(b"'UNS+S'UNT+5+1'UNZ+1+1'");
        v
    };
    let name = |m: &Message| {
        format!(
            "{} {}",
            s(m, "/lex/payload/lead/customer/firstName"),
            s(m, "/lex/payload/lead/customer/lastName")
        )
    };
    // ISO 8859-1 bytes under UNOC.
    let m = read(&msg("UNOC:3", b"Jos\xE9 M\xFCller"), ReadMode::Strict).unwrap_err();
    assert_eq!(m.code(), "ENVELOPE_ERROR", "strict: no payload block");
    let m = read(&msg("UNOC:3", b"Jos\xE9 M\xFCller"), ReadMode::Tolerant)
        .unwrap()
        .remove(0);
    assert_eq!(name(&m), "José Müller");
    assert!(!codes(&m).contains(&"EDI_CHARSET"));
    // UTF-8 under UNOC: read as UTF-8, reported.
    let m = read(&msg("UNOC:3", "José Müller".as_bytes()), ReadMode::Tolerant)
        .unwrap()
        .remove(0);
    assert_eq!(name(&m), "José Müller");
    assert_eq!(codes(&m)[0], "EDI_CHARSET");
    // ISO 8859-2, 8859-5, 8859-7.
    let m = read(
        &msg("UNOD:3", b"\xA3ukasz \xAF\xF3\xB3w"),
        ReadMode::Tolerant,
    )
    .unwrap()
    .remove(0);
    assert_eq!(name(&m), "Łukasz Żółw");
    let m = read(
        &msg("UNOE:3", b"\xB8\xD2\xD0\xDD \xBF\xD5\xE2\xE0\xDE\xD2"),
        ReadMode::Tolerant,
    )
    .unwrap()
    .remove(0);
    assert_eq!(name(&m), "Иван Петров");
    let m = read(
        &msg(
            "UNOF:3",
            b"\xC3\xE9\xFE\xF1\xE3\xEF\xF2 \xD0\xE1\xF0\xDC\xF2",
        ),
        ReadMode::Tolerant,
    )
    .unwrap()
    .remove(0);
    assert_eq!(name(&m), "Γιώργος Παπάς");
    // UNOA forbids lower case; UNOB allows it.
    let e = read(&msg("UNOA:3", b"Jane Smith"), ReadMode::Strict).unwrap_err();
    assert_eq!(e.code(), "INVALID_ENCODING");
    assert_eq!(
        (e.location.segment, e.location.element, e.location.component),
        (Some(4), Some(4), Some(1))
    );
    assert!(e.message.contains("UNOA"));
    let m = read(&msg("UNOB:3", b"Jane Smith"), ReadMode::Tolerant)
        .unwrap()
        .remove(0);
    assert!(!codes(&m).contains(&"EDI_CHARSET"));
    // UNOW is UTF-8 and needs syntax 4; invalid UTF-8 is reported.
    let m = read(&msg("UNOW:4", "Zoë 山田".as_bytes()), ReadMode::Tolerant)
        .unwrap()
        .remove(0);
    assert_eq!(name(&m), "Zoë 山田");
    let m = read(&msg("UNOW:3", b"Zo\xEB X"), ReadMode::Tolerant)
        .unwrap()
        .remove(0);
    assert_eq!(codes(&m)[..2], ["EDI_CHARSET", "EDI_SYNTAX_IDENTIFIER"]);
    // Unknown identifier: UTF-8, else Latin-1.
    let m = read(&msg("IATB:1", b"Jos\xE9 X"), ReadMode::Tolerant)
        .unwrap()
        .remove(0);
    assert_eq!(name(&m), "José X");
    assert_eq!(codes(&m)[0], "EDI_SYNTAX_IDENTIFIER");
}

#[test]
fn timestamps_from_dtm_formats_and_syntax4_dates() {
    let base = |unb_date: &str, dtm: &str| {
        format!(
            "UNB+UNOW:4+S+R+{unb_date}:0815+1'UNH+1+ORDERS:D:96A:UN'BGM+220+L+9'{dtm}UNS+S'UNT+5+1'UNZ+1+1'"
        )
    };
    let ts = |t: &str| s(&one(t), "/lex/header/timestamp").to_string();
    assert_eq!(
        ts(&base("20260102", "DTM+137:202601021122:203'")),
        "2026-01-02T11:22:00Z"
    );
    assert_eq!(
        ts(&base("20260102", "DTM+137:20260102112233:204'")),
        "2026-01-02T11:22:33Z"
    );
    assert_eq!(
        ts(&base("20260102", "DTM+137:20260102:102'")),
        "2026-01-02T08:15:00Z"
    );
    assert_eq!(
        ts(&base("20260103", "DTM+137:20260102:102'")),
        "2026-01-02T00:00:00Z"
    );
    assert_eq!(
        ts(&base("20260102", "DTM+2:20260109:102'")),
        "2026-01-02T08:15:00Z"
    );
}

#[test]
fn limits_are_enforced() {
    let o = ReadOptions {
        limits: Limits {
            max_input_bytes: 100,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let text = written();
    assert_eq!(
        api::parse_all(text.as_bytes(), None, &o)
            .unwrap_err()
            .code(),
        "SIZE_LIMIT_EXCEEDED"
    );
    let o = ReadOptions {
        limits: Limits {
            max_nodes: 10,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    assert_eq!(
        api::parse_all(text.as_bytes(), None, &o)
            .unwrap_err()
            .code(),
        "COUNT_LIMIT_EXCEEDED"
    );
    let o = ReadOptions {
        limits: Limits {
            max_string_bytes: 64,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    assert_eq!(
        api::parse_all(text.as_bytes(), None, &o)
            .unwrap_err()
            .code(),
        "TOKEN_LIMIT_EXCEEDED"
    );
}
