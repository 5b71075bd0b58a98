//! CONTRL (syntax and service report, `CONTRL:D:3:UN`): generated for a received
//! interchange, and read back.
//!
//! CONTRL acknowledges syntax only: UCI answers the interchange (action 0083 `7`
//! acknowledged, `4` rejected), UCM each message, UCS/UCD locate the errors with their
//! 0085 codes (12 invalid value, 13 missing, 28 references do not match, 29 control count
//! does not match, ...). Findings about LEX content (heuristic mapping, missing payload
//! block) are not syntax errors and do not make a CONTRL negative.

use super::Profile;
use super::envelope::{self, Segment};
use super::findings::Finding;
use super::tokenizer::Delimiters;
use super::writer::format_segment;
use crate::dedup::sha256_hex;
use crate::error::{Error, ErrorKind, Result};
use crate::options::{ReadMode, ReadOptions};
use crate::value::{Map, Value};

/// Builds the CONTRL interchange that answers `input` (one CONTRL message per received
/// interchange). `profile.prepared_at` and `profile.control_reference` make the output
/// reproducible; by default the clock is the system's and the reference is derived from
/// the received interchange. Input without a readable UNB is an error.
pub fn generate(
    input: &[u8],
    profile: &Profile,
    limits: &crate::options::Limits,
) -> Result<String> {
    let opts = ReadOptions {
        mode: ReadMode::Tolerant,
        limits: *limits,
    };
    let received = envelope::parse(input, &opts)?;
    let first = received
        .first()
        .ok_or_else(|| Error::new(ErrorKind::Envelope, "no interchange to acknowledge"))?;
    // The answer always uses the default service characters (and declares them in UNA).
    let d = Delimiters::default();
    let when = crate::datetime::now_or_system(profile.prepared_at).to_offset(time::UtcOffset::UTC);
    let reference = profile.control_reference.clone().unwrap_or_else(|| {
        let hex =
            sha256_hex(format!("CONTRL|{}|{}", first.sender.0, first.control_reference).as_bytes());
        let n = u64::from_str_radix(&hex[..15], 16).unwrap_or(0) % 1_000_000_000;
        format!("{n:09}")
    });
    let s = |v: &str| vec![v.to_string()];
    let mut segs = vec![format_segment(
        &d,
        "UNB",
        &[
            vec!["UNOC".into(), "3".into()],
            vec![first.recipient.0.clone(), first.recipient.1.clone()],
            vec![first.sender.0.clone(), first.sender.1.clone()],
            vec![
                format!(
                    "{:02}{:02}{:02}",
                    when.year().rem_euclid(100),
                    u8::from(when.month()),
                    when.day()
                ),
                format!("{:02}{:02}", when.hour(), when.minute()),
            ],
            s(&reference),
        ],
    )];
    for (n, ic) in received.iter().enumerate() {
        let start = segs.len();
        let mref = (n + 1).to_string();
        segs.push(format_segment(
            &d,
            "UNH",
            &[
                s(&mref),
                vec!["CONTRL".into(), "D".into(), "3".into(), "UN".into()],
            ],
        ));
        let ic_error = ic.findings.iter().find(|f| f.syntax_error.is_some());
        let mut uci = vec![
            s(&ic.control_reference),
            vec![ic.sender.0.clone(), ic.sender.1.clone()],
            vec![ic.recipient.0.clone(), ic.recipient.1.clone()],
            s(if ic_error.is_some() { "4" } else { "7" }),
        ];
        if let Some(e) = ic_error {
            uci.push(s(&code(e)));
            uci.push(s(e.location.segment_id.as_deref().unwrap_or("")));
        }
        segs.push(format_segment(&d, "UCI", &uci));
        for m in &ic.messages {
            let errors: Vec<&Finding> = m
                .findings
                .iter()
                .filter(|f| f.syntax_error.is_some())
                .collect();
            let mut ucm = vec![
                s(&m.reference),
                m.identifier.clone(),
                s(if errors.is_empty() { "7" } else { "4" }),
            ];
            if let Some(e) = errors.first() {
                ucm.push(s(&code(e)));
            }
            segs.push(format_segment(&d, "UCM", &ucm));
            for e in errors {
                let pos = e
                    .location
                    .segment
                    .map(|o| o.saturating_sub(m.unh.ordinal as u64) + 1)
                    .unwrap_or(1);
                segs.push(format_segment(
                    &d,
                    "UCS",
                    &[s(&pos.to_string()), s(&code(e))],
                ));
                if let Some(el) = e.location.element {
                    let comp = e
                        .location
                        .component
                        .map(|c| c.to_string())
                        .unwrap_or_default();
                    segs.push(format_segment(
                        &d,
                        "UCD",
                        &[s(&code(e)), vec![el.to_string(), comp]],
                    ));
                }
            }
        }
        let count = segs.len() - start + 1;
        segs.push(format_segment(
            &d,
            "UNT",
            &[s(&count.to_string()), s(&mref)],
        ));
    }
    segs.push(format_segment(
        &d,
        "UNZ",
        &[s(&received.len().to_string()), s(&reference)],
    ));
    let mut out = d.una();
    out.push('\n');
    for seg in segs {
        out.push_str(&seg);
        out.push(d.terminator as char);
        out.push('\n');
    }
    Ok(out)
}

fn code(f: &Finding) -> String {
    f.syntax_error.map(|c| c.to_string()).unwrap_or_default()
}

/// Reads a CONTRL interchange into a tree: one entry per CONTRL message, with the
/// acknowledged interchange (`UCI`), its messages (`UCM`) and located errors (`UCS`/`UCD`).
pub fn read(input: &[u8], opts: &ReadOptions) -> Result<Value> {
    let interchanges = envelope::parse(input, opts)?;
    let mut reports = Vec::new();
    for ic in &interchanges {
        for m in &ic.messages {
            if !m.is_contrl() {
                return Err(Error::at(
                    ErrorKind::InvalidArgument,
                    format!(
                        "message {:?} is {}, not CONTRL",
                        m.reference,
                        m.identifier.join(":")
                    ),
                    m.unh.loc(Some(2), None),
                ));
            }
            reports.push(contrl_message(&m.body)?);
        }
    }
    Ok(Value::Array(reports))
}

fn contrl_message(body: &[Segment]) -> Result<Value> {
    let uci = body
        .iter()
        .find(|s| s.tag == "UCI")
        .ok_or_else(|| Error::new(ErrorKind::Envelope, "the CONTRL message has no UCI segment"))?;
    let mut report = Map::default();
    report.insert("interchangeReference".into(), uci.comp(1, 1).into());
    report.insert("sender".into(), uci.comp(2, 1).into());
    report.insert("recipient".into(), uci.comp(3, 1).into());
    report.insert("action".into(), uci.comp(4, 1).into());
    report.insert("accepted".into(), Value::Bool(uci.comp(4, 1) != "4"));
    if !uci.comp(5, 1).is_empty() {
        report.insert("errorCode".into(), uci.comp(5, 1).into());
        report.insert("segmentTag".into(), uci.comp(6, 1).into());
    }
    let mut messages: Vec<Value> = Vec::new();
    let mut current: Option<Map> = None;
    let mut errors: Vec<Value> = Vec::new();
    let flush = |current: &mut Option<Map>, errors: &mut Vec<Value>, messages: &mut Vec<Value>| {
        if let Some(mut m) = current.take() {
            m.insert("errors".into(), Value::Array(std::mem::take(errors)));
            messages.push(Value::Object(m));
        }
    };
    for seg in body {
        match seg.tag.as_str() {
            "UCM" => {
                flush(&mut current, &mut errors, &mut messages);
                let mut m = Map::default();
                m.insert("reference".into(), seg.comp(1, 1).into());
                m.insert(
                    "messageIdentifier".into(),
                    seg.element_joined(2, ":").into(),
                );
                m.insert("action".into(), seg.comp(3, 1).into());
                m.insert("accepted".into(), Value::Bool(seg.comp(3, 1) != "4"));
                if !seg.comp(4, 1).is_empty() {
                    m.insert("errorCode".into(), seg.comp(4, 1).into());
                }
                current = Some(m);
            }
            "UCS" => {
                let mut e = Map::default();
                e.insert("segmentPosition".into(), seg.comp(1, 1).into());
                e.insert("errorCode".into(), seg.comp(2, 1).into());
                errors.push(Value::Object(e));
            }
            "UCD" => {
                if let Some(Value::Object(e)) = errors.last_mut() {
                    e.insert("element".into(), seg.comp(2, 1).into());
                    if !seg.comp(2, 2).is_empty() {
                        e.insert("component".into(), seg.comp(2, 2).into());
                    }
                    e.insert("elementErrorCode".into(), seg.comp(1, 1).into());
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut errors, &mut messages);
    report.insert("messages".into(), Value::Array(messages));
    Ok(Value::Object(report))
}
