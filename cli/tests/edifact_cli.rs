//! `lexedi convert --to edifact`, conversion from EDIFACT and `lexedi validate` on EDIFACT.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use lex_core::api::ReadOptions;
use lex_core::{Format, api};
use std::path::PathBuf;
use std::process::{Command, Output};

const LANDING: &str = "UNB+UNOC:3+DEALER-001:14+MANUFACTURER-ABC:14+260328:1430+000001234' UNH+1+ORDERS:D:96A:UN' BGM+220+LEAD-2026-001234+9' DTM+137:20260328:102' NAD+BY+CUST-001::92++Jane Smith' CTA+IC+:jane.smith@example.com' COM++TE:+13125559876' LIN+1++EXPRESSED_INTEREST:SA' UNT+8+1' UNZ+1+000001234'";

fn lexedi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lexedi"))
        .args(args)
        .output()
        .unwrap()
}

fn temp(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lexedi-edifact-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

fn example() -> String {
    format!("{}/../examples/lead.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn convert_json_to_edifact_and_back() {
    let out = lexedi(&["convert", &example(), "--to", "edifact"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(
        "UNA:+.? '\nUNB+UNOC:3+PORTAL-NORTHWIND:ZZZ+DEALER-CONTOSO-017:ZZZ+260504:0930+"
    ));
    assert!(text.contains("UNH+1+ORDERS:D:96A:UN:LEX10'\n"));
    assert!(text.contains("FTX+ZZZ++LXH+LXP1:J:"));
    let edi = temp("lead.edi", text.as_bytes());
    let back = lexedi(&["convert", edi.to_str().unwrap(), "--to", "json", "--strict"]);
    assert!(
        back.status.success(),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    let original = api::parse(
        &std::fs::read(example()).unwrap(),
        None,
        &ReadOptions::default(),
    )
    .unwrap();
    let round = api::parse(&back.stdout, Some(Format::Json), &ReadOptions::default()).unwrap();
    assert_eq!(round.root(), original.root());
    let compact = lexedi(&["convert", &example(), "--to", "edifact", "--compact"]);
    let compact = String::from_utf8(compact.stdout).unwrap();
    assert_eq!(
        compact.trim_end().lines().count(),
        1,
        "no line breaks between segments"
    );
}

#[test]
fn convert_foreign_edifact_to_json() {
    let f = temp("landing.edi", LANDING.as_bytes());
    let out = lexedi(&["convert", f.to_str().unwrap(), "--to", "json", "--compact"]);
    assert!(out.status.success());
    let m = api::parse(&out.stdout, Some(Format::Json), &ReadOptions::default()).unwrap();
    assert_eq!(
        m.pointer("/lex/payload/lead/leadId").unwrap().as_str(),
        Some("LEAD-2026-001234")
    );
    assert_eq!(
        m.pointer("/lex/payload/lead/customer/phoneNumber")
            .unwrap()
            .as_str(),
        Some("+13125559876")
    );
    let strict = lexedi(&["convert", f.to_str().unwrap(), "--to", "json", "--strict"]);
    assert_eq!(strict.status.code(), Some(2));
    let err = String::from_utf8_lossy(&strict.stderr);
    assert!(err.contains("error ENVELOPE_ERROR"), "{err}");
    assert!(err.contains("segment 8 (LIN)"), "{err}");
}

#[test]
fn validate_edifact_input() {
    let f = temp("landing-validate.edi", LANDING.as_bytes());
    let out = lexedi(&["validate", f.to_str().unwrap(), "--json"]);
    let line = String::from_utf8(out.stdout).unwrap();
    assert!(line.contains("\"PAYLOAD_MISSING\""), "{line}");
    assert!(line.contains("\"EDI_HEURISTIC_MAPPING\""), "{line}");
    assert_ne!(out.status.code(), Some(2), "tolerant reading succeeds");
    let strict = lexedi(&["validate", f.to_str().unwrap(), "--strict", "--json"]);
    assert_eq!(strict.status.code(), Some(2));
    let line = String::from_utf8(strict.stdout).unwrap();
    assert!(line.contains("\"code\":\"ENVELOPE_ERROR\""), "{line}");
    assert!(line.contains("\"segment\":8"), "{line}");
    let ours = lexedi(&["convert", &example(), "--to", "edifact"]);
    let g = temp("ours.edi", &ours.stdout);
    let ok = lexedi(&["validate", g.to_str().unwrap(), "--strict"]);
    let text = String::from_utf8(ok.stdout).unwrap();
    assert!(text.contains("0 warning(s)"), "{text}");
}
