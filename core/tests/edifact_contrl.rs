//! EDIFACT CONTRL (generation and reading) and reader robustness: arbitrary or corrupted
//! input never panics.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use lex_core::api::EdifactProfile as Profile;
use lex_core::api::WriteOptions;
use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Format, Message, Value, api};

const LANDING: &str = "UNB+UNOC:3+DEALER-001:14+MANUFACTURER-ABC:14+260328:1430+000001234' UNH+1+ORDERS:D:96A:UN' BGM+220+LEAD-2026-001234+9' DTM+137:20260328:102' NAD+BY+CUST-001::92++Jane Smith' CTA+IC+:jane.smith@example.com' COM++TE:+13125559876' LIN+1++EXPRESSED_INTEREST:SA' UNT+8+1' UNZ+1+000001234'";

fn read(text: &[u8], mode: ReadMode) -> lex_core::Result<Vec<Message>> {
    api::parse_all(
        text,
        None,
        &ReadOptions {
            mode,
            ..ReadOptions::default()
        },
    )
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
fn contrl_for_good_and_bad_interchanges() {
    let fixed = Profile {
        control_reference: Some("900".into()),
        prepared_at: Some(time::macros::datetime!(2026-03-28 15:00 UTC)),
        ..Profile::default()
    };
    let ok =
        api::edifact_contrl_with(written().as_bytes(), &fixed, &ReadOptions::default()).unwrap();
    assert_eq!(
        ok,
        "UNA:+.? '\nUNB+UNOC:3+DEALER-CONTOSO-017:ZZZ+PORTAL-NORTHWIND:ZZZ+260328:1500+900'\nUNH+1+CONTRL:D:3:UN'\nUCI+77+PORTAL-NORTHWIND:ZZZ+DEALER-CONTOSO-017:ZZZ+7'\nUCM+1+ORDERS:D:96A:UN:LEX10+7'\nUNT+4+1'\nUNZ+1+900'\n"
    );
    let bad =
        api::edifact_contrl_with(LANDING.as_bytes(), &fixed, &ReadOptions::default()).unwrap();
    assert!(
        bad.contains("UCI+000001234+DEALER-001:14+MANUFACTURER-ABC:14+7'"),
        "{bad}"
    );
    assert!(bad.contains("UCM+1+ORDERS:D:96A:UN+4+13'"), "{bad}");
    assert!(bad.contains("UCS+7+13'"), "{bad}");
    let broken_unz = written().replace("UNZ+1+77", "UNZ+3+77");
    let r =
        api::edifact_contrl_with(broken_unz.as_bytes(), &fixed, &ReadOptions::default()).unwrap();
    assert!(
        r.contains("UCI+77+PORTAL-NORTHWIND:ZZZ+DEALER-CONTOSO-017:ZZZ+4+29+UNZ'"),
        "{r}"
    );
    // Reading CONTRL back.
    let report = api::edifact_contrl_read(bad.as_bytes()).unwrap();
    let first = &report.as_array().unwrap()[0];
    assert_eq!(
        first.get("interchangeReference").unwrap().as_str(),
        Some("000001234")
    );
    assert_eq!(first.get("accepted"), Some(&Value::Bool(true)));
    let msg = &first.get("messages").unwrap().as_array().unwrap()[0];
    assert_eq!(msg.get("accepted"), Some(&Value::Bool(false)));
    assert_eq!(msg.get("errorCode").unwrap().as_str(), Some("13"));
    let err = &msg.get("errors").unwrap().as_array().unwrap()[0];
    assert_eq!(err.get("segmentPosition").unwrap().as_str(), Some("7"));
    // A CONTRL is not a LEX message; an ORDERS is not a CONTRL.
    assert_eq!(
        read(bad.as_bytes(), ReadMode::Tolerant).unwrap_err().code(),
        "NOT_A_LEX_MESSAGE"
    );
    assert_eq!(
        api::edifact_contrl_read(LANDING.as_bytes())
            .unwrap_err()
            .code(),
        "INVALID_ARGUMENT"
    );
    assert!(
        api::edifact_contrl(LANDING.as_bytes())
            .unwrap()
            .contains("UCM+1+ORDERS:D:96A:UN+4+13'")
    );
    assert_eq!(
        api::edifact_contrl(b"UNH+1'").unwrap_err().code(),
        "ENVELOPE_ERROR"
    );
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Arbitrary bytes after an EDIFACT start never panic: a message or an error.
        #[test]
        fn arbitrary_bytes_never_panic(tail in prop::collection::vec(any::<u8>(), 0..400), una in any::<bool>()) {
            let mut input = if una { b"UNA:+.? 'UNB+".to_vec() } else { b"UNB+".to_vec() };
            input.extend(tail);
            for mode in [ReadMode::Tolerant, ReadMode::Strict] {
                let _ = read(&input, mode);
            }
            let _ = api::edifact_contrl(&input);
            let _ = api::edifact_contrl_read(&input);
        }

        /// Cutting or corrupting a valid interchange anywhere never panics.
        #[test]
        fn corrupted_output_never_panics(cut in 0usize..2000, at in 0usize..2000, byte in any::<u8>()) {
            let mut input = written().into_bytes();
            let n = input.len();
            input[at % n] = byte;
            input.truncate(cut.max(1) % (n + 1));
            for mode in [ReadMode::Tolerant, ReadMode::Strict] {
                let _ = read(&input, mode);
            }
            let _ = api::edifact_contrl(&input);
        }
    }
}
