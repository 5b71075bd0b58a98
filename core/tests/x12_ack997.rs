//! 997 functional acknowledgments: generated from what the reader found, and read back.

#![allow(clippy::unwrap_used)] // test helpers may unwrap

mod support;
mod x12_support;

use lex_core::api;
use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Format, Message, Value};
use x12_support::{codec, x12};
use x12_support::{fixed_options, msg, repo_root, upstream};

fn lead() -> Message {
    msg(&std::fs::read_to_string(repo_root().join("examples/lead.json")).unwrap())
}

fn ack_of(input: &str) -> String {
    x12::functional_ack(
        input.as_bytes(),
        &ReadOptions::default(),
        &fixed_options().x12,
    )
    .unwrap()
}

#[test]
fn accepted_interchange() {
    let input = codec::write(&[lead(), lead()], Format::X12, &fixed_options()).unwrap();
    let ack = ack_of(&input);
    assert_eq!(
        ack,
        "ISA*00*          *00*          *ZZ*DEALER-CONTOSO-*ZZ*PORTAL-NORTHWIN*260403*1200*^*00501*000000042*0*P*>~\n\
         GS*FA*DEALER-CONTOSO-*PORTAL-NORTHWIN*20260403*1200*7*X*005010~\n\
         ST*997*0001~\n\
         AK1*PO*7*005010~\n\
         AK2*850*0001~\n\
         AK5*A~\n\
         AK2*850*0002~\n\
         AK5*A~\n\
         AK9*A*2*2*2~\n\
         SE*8*0001~\n\
         GE*1*7~\n\
         IEA*1*000000042~\n"
    );
    let read = x12::read_functional_ack(ack.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].pointer("/status"), Some(&Value::from("A")));
    for count in ["/included", "/received", "/accepted"] {
        assert_eq!(read[0].pointer(count), Some(&Value::int(2)), "{count}");
    }
    assert_eq!(
        read[0].pointer("/sets/1/controlNumber"),
        Some(&Value::from("0002"))
    );
    // The 997 itself is canonical.
    let strict = ReadOptions {
        mode: ReadMode::Strict,
        ..ReadOptions::default()
    };
    assert!(x12::read_functional_ack(ack.as_bytes(), &strict).is_ok());
}

#[test]
fn rejected_and_erroneous_sets() {
    let good = codec::write(&[lead(), lead(), lead()], Format::X12, &fixed_options()).unwrap();
    // Set 1: wrong SE01 (rejected); set 2: wrong CTT01 (accepted with errors); set 3 fine.
    let bad = good
        .replacen("SE*21*0001", "SE*22*0001", 1)
        .replacen("CTT*1~\nSE*21*0002", "CTT*9~\nSE*21*0002", 1)
        .replace("GE*3*7", "GE*4*7");
    let ack = ack_of(&bad);
    assert!(ack.contains("AK2*850*0001~\nAK5*R*4~\n"), "{ack}");
    assert!(
        ack.contains("AK2*850*0002~\nAK3*CTT*20**8~\nAK4*1**7~\nAK5*E~\n"),
        "{ack}"
    );
    assert!(ack.contains("AK2*850*0003~\nAK5*A~\n"), "{ack}");
    assert!(ack.contains("AK9*P*3*3*2*5~"), "{ack}");
    let read = x12::read_functional_ack(ack.as_bytes(), &ReadOptions::default()).unwrap();
    let v = &read[0];
    assert_eq!(v.pointer("/status"), Some(&Value::from("P")));
    assert_eq!(v.pointer("/errors/0"), Some(&Value::from("5")));
    assert_eq!(v.pointer("/sets/0/errors/0"), Some(&Value::from("4")));
    assert_eq!(
        v.pointer("/sets/1/segmentErrors/0/segmentId"),
        Some(&Value::from("CTT"))
    );
    assert_eq!(
        v.pointer("/sets/1/segmentErrors/0/elements/0/code"),
        Some(&Value::from("7"))
    );
}

#[test]
fn payload_hash_mismatch_is_an_error_on_mtx() {
    let bad = codec::write(&[lead()], Format::X12, &fixed_options())
        .unwrap()
        .replacen("Amara", "Amaru", 1);
    let ack = ack_of(&bad);
    assert!(ack.contains("AK3*MTX*10**8~\nAK4*2**7~\nAK5*E~"), "{ack}");
    assert!(ack.contains("AK9*E*1*1*1~"), "{ack}");
}

#[test]
fn upstream_examples_are_rejected_for_their_counts() {
    if support::spec_or_skip("upstream_examples_are_rejected_for_their_counts").is_none() {
        return;
    }
    let input = upstream("examples/automotive/x12/automotive_lead_x12.txt");
    let ack = x12::functional_ack(&input, &ReadOptions::default(), &fixed_options().x12).unwrap();
    // Sender and receiver swapped, widths fixed.
    assert!(
        ack.starts_with("ISA*00*          *00*          *ZZ*LEX-PLATFORM   *ZZ*RETAILER-BMWNAS*")
    );
    assert!(ack.contains("GS*FA*LEX-PLATFORM*RETAILER-BMWNAS*"), "{ack}");
    assert!(
        ack.contains(
            "AK1*PO*1*005010~\nAK2*850*0001~\nAK3*CTT*41**8~\nAK4*1**7~\nAK5*R*4~\nAK9*R*1*1*0~"
        ),
        "{ack}"
    );
}

#[test]
fn facade_and_missing_acks() {
    let input = codec::write(&[lead()], Format::X12, &fixed_options()).unwrap();
    let ack = api::x12_functional_ack(input.as_bytes()).unwrap();
    assert!(ack.contains("AK5*A~"));
    let tree = api::x12_read_functional_ack(ack.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(tree.pointer("/0/sets/0/status"), Some(&Value::from("A")));
    // An 850 holds no 997.
    let e = api::x12_read_functional_ack(input.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "ENVELOPE_ERROR");
    let e = api::x12_functional_ack(b"ISA*00").unwrap_err();
    assert_eq!(e.code(), "ENVELOPE_ERROR");
}
