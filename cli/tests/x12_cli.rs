//! `lexedi convert` and `lexedi validate` on X12.

#![allow(clippy::unwrap_used)] // test helpers may unwrap

use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn lexedi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lexedi"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn tmp(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lexedi-x12-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

const LANDING: &str = "ISA*00* *00* *ZZ*DEALER-001 *ZZ*MANUFACTURER-A *260328*1430*^*00501*000001234*0*T*:~ GS*LX*DEALER001*MFRABC*20260328*1430*1*X*005010~ ST*850*0001~ BEG*00*SA*LEAD-2026-001234**20260328~ N1*BY*Jane Smith*92*CUST-001~ N3*123 Main Street~ N4*Springfield*IL*62701*US~ PER*IC**EM*jane.smith@example.com*TE*+13125559876~ PO1*1*1*EA***IN*EXPRESSED_INTEREST~ CTT*1~ SE*8*0001~ GE*1*1~ IEA*1*000001234~";

#[test]
fn convert_json_to_x12_and_back() {
    let out = lexedi(&["convert", "examples/lead.json", "--to", "x12"]);
    assert_eq!(out.status.code(), Some(0));
    let x12 = String::from_utf8(out.stdout).unwrap();
    let first = x12.lines().next().unwrap();
    assert_eq!(first.len(), 106);
    assert!(first.starts_with(
        "ISA*00*          *00*          *ZZ*PORTAL-NORTHWIN*ZZ*DEALER-CONTOSO-*260504*0930*"
    ));
    assert!(x12.contains("\nST*850*0001*LEX10~\n"));
    assert!(x12.contains("\nSE*21*0001~\nGE*1*1~\nIEA*1*000000001~\n"));
    let p = tmp("lead.x12", &x12);
    // Auto-detected as X12, strict reading accepts our own output.
    let back = lexedi(&[
        "convert",
        p.to_str().unwrap(),
        "--to",
        "json",
        "--compact",
        "--strict",
    ]);
    assert_eq!(
        back.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    let direct = lexedi(&["convert", "examples/lead.json", "--to", "json", "--compact"]);
    assert_eq!(back.stdout, direct.stdout);
}

#[test]
fn validate_foreign_x12() {
    let p = tmp("landing.x12", LANDING);
    let out = lexedi(&["validate", p.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_ne!(out.status.code(), Some(2), "{text}");
    for code in [
        "X12_ISA_WIDTH",
        "EDI_COUNT_MISMATCH",
        "PAYLOAD_MISSING",
        "EDI_HEURISTIC_MAPPING",
    ] {
        assert!(
            text.contains(&format!("WARNING {code}")),
            "{code} in {text}"
        );
    }
    let out = lexedi(&["validate", "--strict", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("error ENVELOPE_ERROR"), "{err}");
    assert!(
        err.contains("SE01 declares \"8\" segments, the interchange has 9"),
        "{err}"
    );
    assert!(err.contains("segment 1 (ISA)"), "{err}");
    let out = lexedi(&["validate", "--strict", "--json", p.to_str().unwrap()]);
    let line = String::from_utf8(out.stdout).unwrap();
    assert!(line.contains("\"code\":\"ENVELOPE_ERROR\""), "{line}");
    assert!(line.contains("\"segment\":1"), "{line}");
}

#[test]
fn convert_foreign_x12_to_json() {
    let p = tmp("landing2.x12", LANDING);
    let out = lexedi(&["convert", p.to_str().unwrap(), "--to", "json", "--compact"]);
    assert_eq!(out.status.code(), Some(0));
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(
        json.contains("\"leadId\":\"LEAD-2026-001234\",\"status\":\"EXPRESSED_INTEREST\""),
        "{json}"
    );
    assert!(
        json.contains("\"firstName\":\"Jane\",\"lastName\":\"Smith\""),
        "{json}"
    );
}

#[test]
fn a_multi_message_interchange_needs_an_edi_target() {
    let one = String::from_utf8(lexedi(&["convert", "examples/lead.json", "--to", "x12"]).stdout)
        .unwrap();
    // Duplicate the transaction set: two messages in one group.
    let start = one.find("ST*850").unwrap();
    let end = one.find("GE*").unwrap();
    let set = &one[start..end];
    let two = format!(
        "{}{}{}",
        &one[..end],
        set.replace("0001", "0002"),
        &one[end..]
    )
    .replace("GE*1*", "GE*2*");
    let p = tmp("two.x12", &two);
    let out = lexedi(&["convert", p.to_str().unwrap(), "--to", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("INVALID_ARGUMENT"));
    let out = lexedi(&["convert", p.to_str().unwrap(), "--to", "x12", "--strict"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("ST*850*").count(), 2);
    assert!(text.contains("GE*2*1~"));
}

#[test]
fn ack_x12_997_answers_an_interchange() {
    let x12 = lexedi(&["convert", "examples/lead.json", "--to", "x12"]);
    let p = tmp("ack-997.x12", &String::from_utf8(x12.stdout).unwrap());
    let out = lexedi(&[
        "ack",
        p.to_str().unwrap(),
        "--x12-997",
        "--now",
        "2026-05-04T10:00:00Z",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let ack = String::from_utf8(out.stdout).unwrap();
    assert!(ack.starts_with("ISA*"), "{ack}");
    assert!(ack.contains("ST*997*"), "{ack}");
    assert!(ack.contains("AK5*A"), "{ack}");
    assert!(ack.contains("*260504*1000*"), "the clock is used: {ack}");

    // Not X12: a located parse error, exit 2; --x12-997 with --status is refused by clap.
    let json = lexedi(&["ack", "examples/lead.json", "--x12-997"]);
    assert_eq!(json.status.code(), Some(2));
    let both = lexedi(&[
        "ack",
        "examples/lead.json",
        "--x12-997",
        "--status",
        "RECEIVED",
    ]);
    assert_ne!(both.status.code(), Some(0));
}

#[test]
fn ack_contrl_answers_an_edifact_interchange() {
    let edi = lexedi(&["convert", "examples/lead.json", "--to", "edifact"]);
    let p = tmp("ack-contrl.edi", &String::from_utf8(edi.stdout).unwrap());
    let out = lexedi(&["ack", p.to_str().unwrap(), "--contrl"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("CONTRL:D:3:UN")
    );
}
