//! Issue 25, defect 4: one policy for a message without `header.senderId` (or `receiverId`)
//! in the X12 and EDIFACT writers. Both write the placeholder interchange id `LEX` and say
//! so with an `EDI_PLACEHOLDER_ID` warning; the payload block still carries the header as
//! it is, so the message reads back unchanged. X12's `strict_ids` refuses the placeholder.

#![allow(clippy::unwrap_used)] // test code

use lex_core::api::ReadOptions;
use lex_core::api::{EdifactProfile, WriteOptions, X12Profile};
use lex_core::{Format, Message, api};

const NO_IDS: &str = r#"{"lex":{"header":{"messageId":"7d9c2a4e-1b3f-4c5d-8e6f-0a1b2c3d4e5f","messageType":"LEAD","version":"1.0","timestamp":"2026-03-28T14:30:00Z"},"payload":{"lead":{"leadId":"L-1","customer":{"lastName":"Smith"}}}}}"#;

fn no_ids() -> Message {
    api::parse(
        NO_IDS.as_bytes(),
        Some(Format::Json),
        &ReadOptions::default(),
    )
    .unwrap()
}

#[test]
fn both_edi_writers_use_the_placeholder_with_a_warning() {
    let m = no_ids();
    for (format, sender_at, receiver_at) in [
        (Format::X12, "ISA06", "ISA08"),
        (Format::Edifact, "UNB S002 0004", "UNB S003 0010"),
    ] {
        let (text, warnings) = api::serialize_with_warnings(
            std::slice::from_ref(&m),
            format,
            &WriteOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{format}: {e}"));
        let found: Vec<(&str, &str)> = warnings
            .iter()
            .map(|w| (w.code.as_str(), w.pointer.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (lex_core::api::PLACEHOLDER_ID_CODE, "/lex/header/senderId"),
                (lex_core::api::PLACEHOLDER_ID_CODE, "/lex/header/receiverId"),
            ],
            "{format}"
        );
        assert!(
            warnings[0].message.contains(sender_at),
            "{}",
            warnings[0].message
        );
        assert!(
            warnings[1].message.contains(receiver_at),
            "{}",
            warnings[1].message
        );
        match format {
            Format::X12 => assert!(
                text.starts_with(
                    "ISA*00*          *00*          *ZZ*LEX            *ZZ*LEX            *"
                ),
                "{text}"
            ),
            _ => assert!(text.contains("UNB+UNOC:3+LEX:ZZZ+LEX:ZZZ+"), "{text}"),
        }
        let back = api::parse(text.as_bytes(), Some(format), &ReadOptions::default()).unwrap();
        assert_eq!(
            back.root(),
            m.root(),
            "{format}: the placeholder must not leak into the message"
        );
        // The same through convert.
        let (_, w) = api::convert_with_warnings(
            NO_IDS.as_bytes(),
            format,
            None,
            &ReadOptions::default(),
            &WriteOptions::default(),
        )
        .unwrap();
        assert_eq!(w.len(), 2, "{format}");
    }
}

#[test]
fn ids_from_the_header_or_the_profile_need_no_placeholder() {
    let m = no_ids();
    let profile = WriteOptions {
        x12: X12Profile {
            sender_id: Some("DEALER".into()),
            receiver_id: Some("OEM".into()),
            ..X12Profile::default()
        },
        edifact: EdifactProfile {
            sender_id: Some("DEALER".into()),
            recipient_id: Some("OEM".into()),
            ..EdifactProfile::default()
        },
        ..WriteOptions::default()
    };
    for format in [Format::X12, Format::Edifact] {
        let (_, w) =
            api::serialize_with_warnings(std::slice::from_ref(&m), format, &profile).unwrap();
        assert!(w.is_empty(), "{format}: {w:?}");
    }
    let with_ids = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/lead.json"
    ))
    .unwrap();
    for format in [Format::X12, Format::Edifact] {
        let (_, w) = api::convert_with_warnings(
            &with_ids,
            format,
            None,
            &ReadOptions::default(),
            &WriteOptions::default(),
        )
        .unwrap();
        assert!(w.is_empty(), "{format}: {w:?}");
    }
}

#[test]
fn x12_strict_ids_refuses_the_placeholder() {
    let strict = WriteOptions {
        x12: X12Profile {
            strict_ids: true,
            ..X12Profile::default()
        },
        ..WriteOptions::default()
    };
    let e = api::serialize(&no_ids(), Format::X12, &strict).unwrap_err();
    assert_eq!(e.code(), "UNREPRESENTABLE");
    assert!(e.message.contains("header.senderId"), "{}", e.message);
}
