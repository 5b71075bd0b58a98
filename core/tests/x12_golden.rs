//! Golden outputs of the X12 writer (reproducible: clock and control numbers pinned).
//! Regenerate with `LEX_BLESS=1 cargo test -p lex-core --test x12_golden` and review the diff.

#![allow(clippy::unwrap_used)] // test helpers may unwrap

mod support;
mod x12_support;

use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Format, Message};
use std::path::PathBuf;
use x12_support::{codec, x12};
use x12_support::{fixed_options, msg};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/x12")
}

fn load(name: &str) -> Message {
    msg(&std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap())
}

fn golden(name: &str, messages: &[Message]) {
    let text = codec::write(messages, Format::X12, &fixed_options()).unwrap();
    let path = dir().join(format!("{name}.x12"));
    if support::bless() {
        std::fs::write(&path, &text).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, expected, "{name}: writer output changed");
    // Envelope facts, independent of the golden file.
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0].len(), 106, "ISA width");
    assert!(lines[1].starts_with("GS*PO*"));
    assert!(lines[1].ends_with("*20260403*1200*7*X*005010~"));
    for (i, st) in lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("ST*"))
    {
        let se = lines[i..]
            .iter()
            .position(|l| l.starts_with("SE*"))
            .unwrap();
        let ctl = &st[7..11];
        assert_eq!(lines[i + se], format!("SE*{}*{ctl}~", se + 1));
        let po1 = lines[i..i + se]
            .iter()
            .filter(|l| l.starts_with("PO1*"))
            .count();
        assert!(lines[i..i + se].contains(&format!("CTT*{po1}~").as_str()));
    }
    assert_eq!(lines[lines.len() - 2], format!("GE*{}*7~", messages.len()));
    assert_eq!(lines[lines.len() - 1], "IEA*1*000000042~");
    let strict = ReadOptions {
        mode: ReadMode::Strict,
        ..ReadOptions::default()
    };
    let back = x12::read(text.as_bytes(), &strict).unwrap();
    for (a, b) in messages.iter().zip(&back) {
        assert_eq!(a.root(), b.root());
    }
}

#[test]
fn lead() {
    golden("lead", &[load("lead")]);
}

#[test]
fn full_lead_with_long_id_options_trade_in_and_unicode() {
    golden("full-lead", &[load("full-lead")]);
}

#[test]
fn asset() {
    golden("asset", &[load("asset")]);
}

#[test]
fn acknowledgment() {
    golden("ack", &[load("ack")]);
}

#[test]
fn subscription() {
    golden("subscription", &[load("subscription")]);
}

#[test]
fn lead_closure() {
    golden("closure", &[load("closure")]);
}

#[test]
fn five_types_in_one_interchange() {
    let all: Vec<Message> = ["lead", "asset", "ack", "subscription", "closure"]
        .iter()
        .map(|n| load(n))
        .collect();
    golden("five-types", &all);
}
