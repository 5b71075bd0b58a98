//! Truncated and corrupted interchanges: each defect gives its specific code and location,
//! as a warning in tolerant mode and as an error in strict mode.

#![allow(clippy::unwrap_used)] // test helpers may unwrap

mod support;
mod x12_support;

use lex_core::api::{Limits, ReadMode, ReadOptions};
use lex_core::{Error, Format, Message, Value};
use x12_support::{codec, x12};
use x12_support::{fixed_options, msg, repo_root};

fn canonical() -> String {
    let m = msg(&std::fs::read_to_string(repo_root().join("examples/lead.json")).unwrap());
    codec::write(&[m], Format::X12, &fixed_options()).unwrap()
}

fn opts(mode: ReadMode) -> ReadOptions {
    ReadOptions {
        mode,
        ..ReadOptions::default()
    }
}

fn tolerant(text: &str) -> Vec<Message> {
    x12::read(text.as_bytes(), &opts(ReadMode::Tolerant)).unwrap()
}

fn strict_err(text: &str) -> Error {
    x12::read(text.as_bytes(), &opts(ReadMode::Strict)).unwrap_err()
}

fn codes(m: &Message) -> Vec<(String, String)> {
    m.read_issues()
        .iter()
        .map(|i| (i.code.clone(), i.field.clone()))
        .collect()
}

fn loc(e: &Error) -> (Option<u64>, Option<&str>, Option<u64>) {
    (
        e.location.segment,
        e.location.segment_id.as_deref(),
        e.location.element,
    )
}

/// One defect: tolerant gives exactly this warning, strict fails at this place.
fn check(text: &str, code: &str, field: &str, kind: &str, at: (u64, &str, Option<u64>)) {
    let m = tolerant(text);
    assert_eq!(
        codes(&m[0]),
        [(code.to_string(), field.to_string())],
        "{text}"
    );
    let original = msg(&std::fs::read_to_string(repo_root().join("examples/lead.json")).unwrap());
    assert_eq!(m[0].root(), original.root());
    let e = strict_err(text);
    assert_eq!(e.code(), kind, "{e}");
    assert_eq!(loc(&e), (Some(at.0), Some(at.1), at.2), "{e}");
    assert!(e.message.contains(code), "{e}");
}

#[test]
fn the_canonical_layout_is_as_documented() {
    let t = canonical();
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines.len(), 25);
    assert_eq!(lines[0].len(), 106);
    assert_eq!(lines[22], "SE*21*0001~");
    assert_eq!(lines[23], "GE*1*7~");
    assert_eq!(lines[24], "IEA*1*000000042~");
    assert_eq!(lines[21], "CTT*1~");
}

#[test]
fn wrong_se01() {
    check(
        &canonical().replace("SE*21*0001", "SE*20*0001"),
        "EDI_COUNT_MISMATCH",
        "SE01",
        "ENVELOPE_ERROR",
        (23, "SE", Some(1)),
    );
}

#[test]
fn wrong_se02() {
    check(
        &canonical().replace("SE*21*0001", "SE*21*0002"),
        "EDI_REFERENCE_MISMATCH",
        "SE02",
        "ENVELOPE_ERROR",
        (23, "SE", Some(2)),
    );
}

#[test]
fn wrong_ctt01() {
    check(
        &canonical().replace("CTT*1~", "CTT*3~"),
        "EDI_COUNT_MISMATCH",
        "CTT01",
        "ENVELOPE_ERROR",
        (22, "CTT", Some(1)),
    );
}

#[test]
fn wrong_ge01_and_ge02() {
    check(
        &canonical().replace("GE*1*7~", "GE*2*7~"),
        "EDI_COUNT_MISMATCH",
        "GE01",
        "ENVELOPE_ERROR",
        (24, "GE", Some(1)),
    );
    check(
        &canonical().replace("GE*1*7~", "GE*1*8~"),
        "EDI_REFERENCE_MISMATCH",
        "GE02",
        "ENVELOPE_ERROR",
        (24, "GE", Some(2)),
    );
}

#[test]
fn wrong_iea01_and_iea02() {
    check(
        &canonical().replace("IEA*1*000000042", "IEA*2*000000042"),
        "EDI_COUNT_MISMATCH",
        "IEA01",
        "ENVELOPE_ERROR",
        (25, "IEA", Some(1)),
    );
    check(
        &canonical().replace("IEA*1*000000042", "IEA*1*000000043"),
        "EDI_REFERENCE_MISMATCH",
        "IEA02",
        "ENVELOPE_ERROR",
        (25, "IEA", Some(2)),
    );
}

#[test]
fn missing_iea() {
    let t = canonical().replace("IEA*1*000000042~\n", "");
    check(
        &t,
        "EDI_SEGMENT_MISSING",
        "IEA",
        "ENVELOPE_ERROR",
        (24, "GE", None),
    );
}

#[test]
fn missing_se() {
    let t = canonical().replace("SE*21*0001~\n", "");
    let m = tolerant(&t);
    assert_eq!(
        codes(&m[0]),
        [("EDI_SEGMENT_MISSING".to_string(), "SE".to_string())]
    );
    let e = strict_err(&t);
    assert_eq!(loc(&e), (Some(23), Some("GE"), None));
}

#[test]
fn bad_isa_width() {
    let t = canonical().replacen("PORTAL-NORTHWIN*", "PORTAL-NORTHWIN *", 1);
    let m = tolerant(&t);
    assert_eq!(
        codes(&m[0]),
        [("X12_ISA_WIDTH".to_string(), "ISA".to_string())]
    );
    assert!(
        m[0].read_issues()[0]
            .message
            .contains("ISA06 has 16 characters")
    );
    let e = strict_err(&t);
    assert_eq!(e.code(), "ENVELOPE_ERROR");
    assert_eq!(loc(&e), (Some(1), Some("ISA"), None));
}

#[test]
fn payload_hash_mismatch() {
    let t = canonical().replacen("Amara", "Amaru", 1);
    // Strict: the specific integrity error at the payload loop.
    let e = strict_err(&t);
    assert_eq!(e.code(), "PAYLOAD_INTEGRITY");
    assert_eq!(loc(&e), (Some(11), Some("N9"), None));
    assert!(e.message.contains("SHA-256"), "{e}");
    // Tolerant: warned, and the core view (with its LEX labels) is mapped instead.
    let m = tolerant(&t);
    let c = codes(&m[0]);
    assert_eq!(c[0], ("PAYLOAD_INVALID".to_string(), "MTX02".to_string()));
    assert!(!c.iter().any(|(code, _)| code == "PAYLOAD_MISSING"));
    assert_eq!(
        m[0].pointer("/lex/header/messageId"),
        Some(&Value::from("5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23"))
    );
    assert_eq!(
        m[0].pointer("/lex/payload/lead/status"),
        Some(&Value::from("EXPRESSED_INTEREST"))
    );
    assert_eq!(
        m[0].pointer("/lex/payload/lead/customer/lastName"),
        Some(&Value::from("Okafor"))
    );
    assert_eq!(
        m[0].pointer("/lex/header/senderId"),
        Some(&Value::from("PORTAL-NORTHWIND"))
    );
}

#[test]
fn payload_length_mismatch_and_truncation() {
    let full = canonical();
    let cut = full.find("\"make\"").unwrap();
    let t = &full[..cut];
    let e = strict_err(t);
    assert_eq!(e.code(), "PAYLOAD_INTEGRITY");
    assert!(e.message.contains("declares 664 characters"), "{e}");
    let m = tolerant(t);
    let c: Vec<String> = codes(&m[0]).into_iter().map(|(c, _)| c).collect();
    assert!(c.contains(&"PAYLOAD_INVALID".to_string()));
    assert!(c.contains(&"EDI_SEGMENT_MISSING".to_string()));
}

#[test]
fn view_mismatch_keeps_the_payload() {
    let t = canonical().replace(
        "REF*ZZ*EXPRESSED_INTEREST*LEX-STATUS",
        "REF*ZZ*ORDER*LEX-STATUS",
    );
    let m = tolerant(&t);
    assert_eq!(
        codes(&m[0]),
        [(
            "VIEW_MISMATCH".to_string(),
            "lex.payload.lead.status".to_string()
        )]
    );
    assert_eq!(
        m[0].pointer("/lex/payload/lead/status"),
        Some(&Value::from("EXPRESSED_INTEREST"))
    );
    let e = strict_err(&t);
    assert_eq!(loc(&e), (Some(8), Some("REF"), Some(2)));
    let t = canonical().replace("BEG*00*SA*LEAD-NW-2026-000417", "BEG*00*SA*LEAD-X");
    assert_eq!(codes(&tolerant(&t)[0])[0].0, "VIEW_MISMATCH");
}

#[test]
fn unreadable_inputs() {
    let full = canonical();
    for (input, code, seg) in [
        (&full[..50], "ENVELOPE_ERROR", Some(1)),
        ("GS*PO~", "ENVELOPE_ERROR", None),
        ("", "EMPTY_INPUT", None),
    ] {
        let e = x12::read(input.as_bytes(), &ReadOptions::default()).unwrap_err();
        assert_eq!((e.code(), e.location.segment), (code, seg), "{e}");
    }
    let bad_tag = full.replace("N9*ZZ", "n9*ZZ");
    let e = x12::read(bad_tag.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "SYNTAX_ERROR");
    assert_eq!(loc(&e), (Some(11), Some("n9"), None));
    // Envelope only: no transaction set.
    let lines: Vec<&str> = full.lines().collect();
    let empty = [lines[0], lines[1], "GE*0*7~", "IEA*1*000000042~"].join("\n");
    let e = x12::read(empty.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "ENVELOPE_ERROR");
}

// `payload_that_is_not_a_message` builds a payload block by hand: a unit test of the
// X12 reader (core/src/codec/x12/reader.rs) now.

#[test]
fn limits_are_enforced() {
    let full = canonical();
    let small = |l: Limits| {
        x12::read(
            full.as_bytes(),
            &ReadOptions {
                limits: l,
                ..ReadOptions::default()
            },
        )
        .unwrap_err()
    };
    let e = small(Limits {
        max_input_bytes: 100,
        ..Limits::default()
    });
    assert_eq!(e.code(), "SIZE_LIMIT_EXCEEDED");
    let e = small(Limits {
        max_nodes: 10,
        ..Limits::default()
    });
    assert_eq!(
        (e.code(), e.location.segment),
        ("COUNT_LIMIT_EXCEEDED", Some(11))
    );
    let e = small(Limits {
        max_string_bytes: 200,
        ..Limits::default()
    });
    assert_eq!(e.code(), "TOKEN_LIMIT_EXCEEDED");
    assert_eq!(loc(&e), (Some(13), Some("MTX"), Some(2)));
    let e = small(Limits {
        max_depth: 2,
        ..Limits::default()
    });
    assert_eq!(e.code(), "DEPTH_LIMIT_EXCEEDED");
    assert_eq!(loc(&e), (Some(11), Some("N9"), None));
}

#[test]
fn a_997_is_not_read_as_a_message() {
    let ack = x12::functional_ack(
        canonical().as_bytes(),
        &ReadOptions::default(),
        &fixed_options().x12,
    )
    .unwrap();
    let e = x12::read(ack.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "ENVELOPE_ERROR");
}

#[test]
fn latin1_input_is_read_with_a_warning() {
    let text = x12_upstream_landing().replace("Jane Smith", "Ren\u{e9}e Smith");
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    let m = tolerant_bytes(&bytes);
    assert_eq!(m[0].read_issues()[0].code, "EDI_CHARSET");
    assert_eq!(
        m[0].pointer("/lex/payload/lead/customer/firstName"),
        Some(&Value::from("Ren\u{e9}e"))
    );
}

fn tolerant_bytes(b: &[u8]) -> Vec<Message> {
    x12::read(b, &opts(ReadMode::Tolerant)).unwrap()
}

fn x12_upstream_landing() -> String {
    "ISA*00*          *00*          *ZZ*DEALER-001     *ZZ*MANUFACTURER-A *260328*1430*^*00501*000001234*0*T*>~\n\
     GS*PO*DEALER001*MFRABC*20260328*1430*1*X*005010~\n\
     ST*850*0001~\n\
     BEG*00*SA*LEAD-2026-001234**20260328~\n\
     N1*BY*Jane Smith*92*CUST-001~\n\
     PO1*1*1*EA***IN*EXPRESSED_INTEREST~\n\
     CTT*1~\n\
     SE*6*0001~\n\
     GE*1*1~\n\
     IEA*1*000001234~\n"
        .to_string()
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    fn all_readers(bytes: &[u8]) {
        // What the reader accepts, the writer writes back and the reader reads identically.
        if let Ok(msgs) = x12::read(bytes, &opts(ReadMode::Tolerant)) {
            let text = codec::write(&msgs, Format::X12, &Default::default()).unwrap();
            let again = x12::read(text.as_bytes(), &opts(ReadMode::Strict)).unwrap();
            assert_eq!(msgs.len(), again.len());
            for (a, b) in msgs.iter().zip(&again) {
                assert_eq!(a.root(), b.root());
            }
        }
        for mode in [ReadMode::Tolerant, ReadMode::Strict] {
            let o = opts(mode);
            let _ = x12::read(bytes, &o);
            let _ = x12::read_functional_ack(bytes, &o);
            let _ = x12::functional_ack(bytes, &o, &fixed_options().x12);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Truncated and byte-flipped interchanges never panic (errors or warnings only).
        #[test]
        fn mutated_interchanges_never_panic(
            cut in 0usize..4000,
            flips in prop::collection::vec((0usize..4000, any::<u8>()), 0..8),
        ) {
            let mut bytes = canonical().into_bytes();
            let n = bytes.len();
            for (i, b) in flips {
                bytes[i % n] = b;
            }
            bytes.truncate(cut % (n + 1));
            all_readers(&bytes);
        }

        /// Byte-flipped foreign EDI (the landing page) never panics and re-reads identically.
        #[test]
        fn mutated_foreign_edi(
            flips in prop::collection::vec((0usize..600, any::<u8>()), 0..6),
        ) {
            let mut bytes = x12_upstream_landing().into_bytes();
            let n = bytes.len();
            for (i, b) in flips {
                bytes[i % n] = b;
            }
            all_readers(&bytes);
        }

        /// Arbitrary text after an `ISA` tag never panics.
        #[test]
        fn arbitrary_isa_text_never_panics(s in "\\PC{0,400}") {
            all_readers(format!("ISA{s}").as_bytes());
            all_readers(format!("ISA*{s}").as_bytes());
        }
    }
}
