//! JSON → X12 → JSON is the identity, for generated messages of all five types, in every
//! delimiter / layout / encoding variation, and the output is canonical (strict reading
//! finds nothing to report).

#![allow(clippy::unwrap_used)] // test helpers may unwrap

mod support;
mod x12_support;

use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Format, Message};
use proptest::prelude::*;
use x12_support::codec::{self, WriteOptions};
use x12_support::x12::{self, LineEnding, PayloadEncoding, Profile};
use x12_support::{fixed_options, message};

fn strict() -> ReadOptions {
    ReadOptions {
        mode: ReadMode::Strict,
        ..ReadOptions::default()
    }
}

fn round_trip(messages: &[Message], w: &WriteOptions) -> String {
    let text = codec::write(messages, Format::X12, w).unwrap();
    let back = x12::read(text.as_bytes(), &strict())
        .unwrap_or_else(|e| panic!("strict read failed: {e}\n{text}"));
    assert_eq!(back.len(), messages.len());
    for (a, b) in messages.iter().zip(&back) {
        assert_eq!(a.root(), b.root(), "{text}");
        assert!(b.read_issues().is_empty(), "{:?}", b.read_issues());
        assert_eq!(b.source_format(), Format::X12);
    }
    // Tolerant reading gives the same.
    let tolerant = x12::read(text.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(tolerant.len(), messages.len());
    text
}

fn variant(i: usize) -> WriteOptions {
    let mut w = fixed_options();
    match i % 6 {
        0 => {}
        1 => w.pretty = false,
        2 => {
            w.x12.element_separator = '|';
            w.x12.component_separator = '!';
            w.x12.repetition_separator = '#';
            w.x12.segment_terminator = '\'';
            w.x12.line_ending = LineEnding::CrLf;
        }
        3 => {
            w.x12.chunk_size = 17;
            w.x12.line_ending = LineEnding::Lf;
            w.pretty = false;
        }
        4 => {
            w.x12.encoding = PayloadEncoding::Base32;
            w.x12.chunk_size = 4096;
        }
        _ => {
            w.x12.element_separator = '@';
            w.x12.segment_terminator = '$';
            w.x12.usage_indicator = 'T';
            w.x12.first_set_control_number = 987_654;
        }
    }
    w
}

proptest! {
    // 1000 cases in `make test`; `make stress` raises it through PROPTEST_CASES.
    #![proptest_config(ProptestConfig {
        cases: support::cases(1000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_messages_round_trip(
        msgs in prop::collection::vec(message(), 1..4),
        v in 0usize..6,
    ) {
        round_trip(&msgs, &variant(v));
    }
}

#[test]
fn every_variant_round_trips_a_fixed_message() {
    let m = x12_support::msg(
        &String::from_utf8(
            std::fs::read(x12_support::repo_root().join("examples/lead.json")).unwrap(),
        )
        .unwrap(),
    );
    for i in 0..6 {
        let text = round_trip(std::slice::from_ref(&m), &variant(i));
        let isa: String = text.chars().take(106).collect();
        assert_eq!(
            isa.chars()
                .filter(|&c| c == isa.chars().nth(3).unwrap())
                .count(),
            16,
            "{isa}"
        );
    }
}

#[test]
fn many_messages_share_one_interchange() {
    let base =
        std::fs::read_to_string(x12_support::repo_root().join("examples/lead.json")).unwrap();
    let msgs: Vec<Message> = (0..25)
        .map(|i| x12_support::msg(&base.replace("LEAD-NW-2026-000417", &format!("LEAD-{i:03}"))))
        .collect();
    let text = round_trip(&msgs, &fixed_options());
    assert_eq!(text.matches("\nST*850*").count(), 25);
    assert!(text.contains("ST*850*0025*LEX10~"));
    assert!(text.contains("\nGE*25*7~\nIEA*1*000000042~"));
    assert_eq!(text.matches("GS*PO*").count(), 1);
}

#[test]
fn counter_control_numbers_advance() {
    let m = x12_support::msg(
        &std::fs::read_to_string(x12_support::repo_root().join("examples/lead.json")).unwrap(),
    );
    let counter = x12::Counter::starting_after(41);
    let mut w = fixed_options();
    w.x12.control_numbers = x12::ControlNumbers::Counter(counter.clone());
    let a = codec::write(std::slice::from_ref(&m), Format::X12, &w).unwrap();
    let b = codec::write(std::slice::from_ref(&m), Format::X12, &w).unwrap();
    assert!(a.contains("*000000042*0*P*>~") && a.contains("IEA*1*000000042~"));
    assert!(b.contains("*000000043*0*P*>~") && b.contains("GE*1*43~"));
    assert_eq!(counter.last(), 43);
}

#[test]
fn bad_profiles_are_rejected() {
    let m = x12_support::msg(
        &std::fs::read_to_string(x12_support::repo_root().join("examples/lead.json")).unwrap(),
    );
    for p in [
        Profile {
            component_separator: ':',
            ..Profile::default()
        },
        Profile {
            element_separator: '~',
            ..Profile::default()
        },
        Profile {
            segment_terminator: 'A',
            ..Profile::default()
        },
        Profile {
            usage_indicator: 'X',
            ..Profile::default()
        },
        Profile {
            chunk_size: 0,
            ..Profile::default()
        },
        Profile {
            sender_id: Some("MUCH-TOO-LONG-FOR-ISA".into()),
            ..Profile::default()
        },
        Profile {
            control_numbers: x12::ControlNumbers::Fixed {
                interchange: 0,
                group: 1,
            },
            ..Profile::default()
        },
    ] {
        let w = WriteOptions {
            x12: p,
            ..WriteOptions::default()
        };
        let e = codec::write(std::slice::from_ref(&m), Format::X12, &w).unwrap_err();
        assert_eq!(e.code(), "INVALID_ARGUMENT", "{e}");
    }
    let w = WriteOptions {
        x12: Profile {
            strict_ids: true,
            ..Profile::default()
        },
        ..WriteOptions::default()
    };
    let e = codec::write(std::slice::from_ref(&m), Format::X12, &w).unwrap_err();
    assert_eq!(e.code(), "UNREPRESENTABLE");
    assert!(codec::write(&[], Format::X12, &WriteOptions::default()).is_err());
}

#[test]
fn several_interchanges_in_one_input() {
    let m = x12_support::msg(
        &std::fs::read_to_string(x12_support::repo_root().join("examples/lead.json")).unwrap(),
    );
    let a = codec::write(std::slice::from_ref(&m), Format::X12, &variant(0)).unwrap();
    let b = codec::write(&[m.clone(), m.clone()], Format::X12, &variant(2)).unwrap();
    let both = format!("{a}\n{b}");
    let all = x12::read(both.as_bytes(), &strict()).unwrap();
    assert_eq!(all.len(), 3);
    assert!(all.iter().all(|x| x.root() == m.root()));
    // A defect in the second interchange is located there (segment numbers restart).
    let broken = format!("{a}{}", b.replace("IEA|1|", "IEA|2|"));
    let e = x12::read(broken.as_bytes(), &strict()).unwrap_err();
    assert_eq!(e.location.segment_id.as_deref(), Some("IEA"));
    assert!(e.location.offset.unwrap() as usize > a.len());
    let t = x12::read(broken.as_bytes(), &ReadOptions::default()).unwrap();
    assert!(t[0].read_issues().is_empty());
    assert_eq!(t[1].read_issues()[0].code, "EDI_COUNT_MISMATCH");
}
