//! The EDIFACT reader: envelope → payload block (authoritative, cross-checked against the
//! core view) or, for foreign EDIFACT, the best-effort mapping.

use super::charset::Charset;
use super::core_view::{self, clean};
use super::envelope::{self, EdiMessage, Interchange, Segment};
use super::findings::{Findings, codes};
use super::{mapping, payload_block};
use crate::codec::json_read;
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::message::Message;
use crate::options::ReadOptions;
use crate::report::Issue;

/// Tags the writer's core view uses; anything else next to a payload block is kept as
/// unmapped data.
const CORE_VIEW_TAGS: [&str; 15] = [
    "BGM", "DTM", "FTX", "RFF", "NAD", "CTA", "COM", "CUX", "LIN", "IMD", "QTY", "PRI", "PIA",
    "UNS", "CNT",
];

/// Reads every LEX message of every interchange in `input`.
pub fn read(input: &[u8], opts: &ReadOptions) -> Result<Vec<Message>> {
    let interchanges = envelope::parse(input, opts)?;
    let mut out = Vec::new();
    for ic in &interchanges {
        for m in &ic.messages {
            if m.is_contrl() {
                return Err(Error::at(
                    ErrorKind::NotAMessage,
                    "this interchange is a CONTRL syntax acknowledgment, not a LEX message; read it with api::edifact_contrl_read",
                    m.unh.loc(Some(2), None),
                ));
            }
            out.push(message(ic, m, opts)?);
        }
    }
    Ok(out)
}

fn message(ic: &Interchange, m: &EdiMessage, opts: &ReadOptions) -> Result<Message> {
    let mut f = Findings::new(opts.mode);
    let (root, payload_used) = match payload_block::find(&m.body) {
        Some(block) => match payload_block::decode(&block).and_then(|bytes| {
            json_read::parse(&bytes, &opts.limits).map_err(|e| {
                (
                    format!("the payload block is not valid JSON: {}", e.message),
                    4,
                )
            })
        }) {
            Ok(root) => (root, true),
            Err((problem, element)) => {
                f.syntax(
                    ErrorKind::PayloadIntegrity,
                    codes::PAYLOAD_INVALID,
                    None,
                    format!("{problem}; the message was mapped from its core segments"),
                    block.header.loc(Some(element), None),
                )?;
                (mapping::map(ic, m, &mut f)?, false)
            }
        },
        None => {
            f.syntax(
                ErrorKind::Envelope,
                codes::PAYLOAD_MISSING,
                None,
                "no LEX payload block (FTX+ZZZ++LXH); the message was mapped from its core segments",
                m.unh.loc(None, None),
            )?;
            (mapping::map(ic, m, &mut f)?, false)
        }
    };
    let mut root = root;
    if payload_used {
        let extra: Vec<&Segment> = m
            .body
            .iter()
            .filter(|s| !CORE_VIEW_TAGS.contains(&s.tag.as_str()))
            .chain(m.stray.iter())
            .collect();
        if extra.is_empty() {
            // Nothing to attach: the message built for the cross-check is the result (the
            // same tree and issues as building it again, without a copy of the tree).
            let mut msg = Message::from_value(root, Format::Edifact)?;
            cross_check(&msg, m, ic.charset.unwrap_or(Charset::W), &mut f)?;
            msg.prepend_read_issues(issues(ic, m, &f));
            return Ok(msg);
        }
        let probe = Message::from_value(root.clone(), Format::Edifact)?;
        cross_check(&probe, m, ic.charset.unwrap_or(Charset::W), &mut f)?;
        let produced_at = root
            .pointer("/lex/header/timestamp")
            .cloned()
            .unwrap_or(crate::value::Value::Null);
        mapping::attach_unmapped(&mut root, ic, m, &extra, &produced_at, &mut f)?;
    }
    Message::from_value_with_issues(root, Format::Edifact, issues(ic, m, &f))
}

/// The reader's findings as issues: interchange, message, then payload and mapping.
fn issues(ic: &Interchange, m: &EdiMessage, f: &Findings) -> Vec<Issue> {
    ic.findings
        .iter()
        .chain(m.findings.iter())
        .chain(f.list.iter())
        .map(|x| x.to_issue())
        .collect()
}

/// Compares the core view with the payload: document id, status, message type.
fn cross_check(msg: &Message, m: &EdiMessage, cs: Charset, f: &mut Findings) -> Result<()> {
    let mut mismatches: Vec<(String, String, String, &Segment, usize, usize)> = Vec::new();
    if let Some(bgm) = m.body.iter().find(|s| s.tag == "BGM") {
        let want_doc = core_view::document_id(msg)
            .map(|d| clean(&d, 35, cs))
            .unwrap_or_default();
        if bgm.comp(2, 1) != want_doc {
            mismatches.push((
                "document id".into(),
                bgm.comp(2, 1).into(),
                want_doc,
                bgm,
                2,
                1,
            ));
        }
        let want_type = msg
            .message_type_str()
            .map(|t| clean(t, 35, cs))
            .unwrap_or_default();
        if !bgm.comp(1, 4).is_empty() && bgm.comp(1, 4) != want_type {
            mismatches.push((
                "message type".into(),
                bgm.comp(1, 4).into(),
                want_type,
                bgm,
                1,
                4,
            ));
        }
    }
    if let Some((status, label)) = core_view::status(msg) {
        let want = clean(&status, 35, cs);
        let rff = m
            .body
            .iter()
            .find(|s| s.tag == "RFF" && s.comp(1, 1) == "ZZZ" && s.comp(1, 4) == label);
        if let Some(r) = rff.filter(|r| r.comp(1, 2) != want) {
            mismatches.push(("status".into(), r.comp(1, 2).into(), want, r, 1, 2));
        }
    }
    for (what, found, want, seg, e, c) in mismatches {
        f.syntax(
            ErrorKind::Envelope,
            codes::VIEW_MISMATCH,
            None,
            format!("the core view's {what} {found:?} differs from the payload block's {want:?}; the payload block was used"),
            seg.loc(Some(e), Some(c)),
        )?;
    }
    Ok(())
}
