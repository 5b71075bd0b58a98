//! The X12 reader: tokenizer → envelope → per transaction set either the payload block
//! (authoritative, cross-checked against the core view) or the best-effort mapping.
//! Tolerant mode turns findings into warnings on the messages; strict mode fails with all
//! of them.

use super::core_view::{self, clean, labels};
use super::envelope::{self, TxSet};
use super::findings::{Finding, codes, strict_error};
use super::foreign;
use super::payload_block::{self, N9_LABEL};
use super::tokenizer::{Delimiters, Segment, tokenize_all};
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::message::Message;
use crate::options::{ReadMode, ReadOptions};
use crate::value::Value;

/// The payload block of a set: the N9 segment, the header record and the carried text.
struct Block<'a> {
    n9: &'a Segment,
    header: String,
    text: String,
}

fn find_block(set: &TxSet) -> Option<Block<'_>> {
    let mut block: Option<Block<'_>> = None;
    let mut in_loop = false;
    for s in &set.body {
        match s.tag() {
            "N9" => {
                in_loop = s.el(1) == "ZZ" && s.el(2) == N9_LABEL;
                if in_loop && block.is_none() {
                    block = Some(Block {
                        n9: s,
                        header: String::new(),
                        text: String::new(),
                    });
                }
            }
            "MTX" | "MSG" if in_loop => {
                let chunk = if s.tag() == "MTX" { s.el(2) } else { s.el(1) };
                if let Some(b) = block.as_mut() {
                    if b.header.is_empty() {
                        b.header = chunk.to_string();
                    } else {
                        b.text.push_str(chunk);
                    }
                }
            }
            _ => in_loop = false,
        }
    }
    block
}

pub(crate) fn ctt_check(set: &TxSet) -> Option<Finding> {
    let lines = set
        .body
        .iter()
        .filter(|s| matches!(s.tag(), "PO1" | "IT1"))
        .count();
    let ctt = set.body.iter().find(|s| s.tag() == "CTT")?;
    if ctt.el(1).trim().parse::<usize>().ok() == Some(lines) {
        return None;
    }
    Some(Finding::envelope(
        codes::COUNT_MISMATCH,
        "CTT01",
        format!(
            "CTT01 declares {:?} line items, the transaction set has {lines}",
            ctt.el(1)
        ),
        ctt.loc(Some(1)),
    ))
}

/// Compares the core view with the authoritative message.
fn view_check(set: &TxSet, msg: &Message, d: &Delimiters, out: &mut Vec<Finding>) {
    let h = msg.header();
    let (doc, status, status_label) = core_view::doc_and_status(msg);
    let body_key = msg.message_type().map_or("", |t| t.payload_key());
    let status_key = if status_label == labels::CLOSURE_STATUS {
        "closureStatus"
    } else {
        "status"
    };
    let status_pointer = &format!("/lex/payload/{body_key}/{status_key}");
    let mut expect: Vec<(String, Option<String>, &str)> = vec![
        (
            labels::MESSAGE_ID.into(),
            h.message_id().map(str::to_string),
            "/lex/header/messageId",
        ),
        (
            labels::MESSAGE_TYPE.into(),
            h.message_type().map(str::to_string),
            "/lex/header/messageType",
        ),
        (status_label.into(), status, status_pointer),
    ];
    if let Some(doc) = &doc {
        expect.push((labels::DOC_ID.into(), Some(doc.clone()), ""));
    }
    for s in set.body.iter().filter(|s| s.tag() == "REF") {
        if let Some((label, value, ptr)) = expect.iter().find(|(l, _, _)| l == s.el(3)) {
            let want = value
                .as_deref()
                .map(|v| clean(v, 50, d))
                .unwrap_or_default();
            if want != s.el(2) {
                out.push(Finding::mapping(
                    codes::VIEW_MISMATCH,
                    ptr,
                    format!(
                        "the core view says {label} {:?}, the payload block says {want:?}; the payload block was used",
                        s.el(2)
                    ),
                    s.loc(Some(2)),
                ));
            }
        }
    }
    if let (Some(doc), Some(beg)) = (&doc, set.body.iter().find(|s| s.tag() == "BEG")) {
        let want = clean(doc, 22, d);
        if !want.is_empty() && want != beg.el(3) {
            out.push(Finding::mapping(
                codes::VIEW_MISMATCH,
                "",
                format!(
                    "BEG03 is {:?}, the payload block's document id gives {want:?}; the payload block was used",
                    beg.el(3)
                ),
                beg.loc(Some(3)),
            ));
        }
    }
}

/// What a transaction set was read into: the message already built from its payload block
/// (for the cross-check) or a mapped tree still to be built.
enum SetRead {
    Built(Box<Message>),
    Tree(Value),
}

/// Reads one transaction set into a message or tree plus its findings.
fn read_set(
    ic: &envelope::Interchange,
    group: &envelope::Group,
    set: &TxSet,
    d: &Delimiters,
    opts: &ReadOptions,
) -> Result<(SetRead, Vec<Finding>)> {
    let mut findings: Vec<Finding> = ctt_check(set).into_iter().collect();
    if let Some(block) = find_block(set) {
        match payload_block::decode(&block.header, &block.text, &opts.limits) {
            Ok(value) => {
                let probe = Message::from_value(value, Format::X12).map_err(|e| {
                    Error::at(
                        e.kind,
                        format!("the payload block is not a LEX message: {}", e.message),
                        block.n9.loc(None),
                    )
                })?;
                view_check(set, &probe, d, &mut findings);
                return Ok((SetRead::Built(Box::new(probe)), findings));
            }
            Err(e) if e.kind.is_limit() => {
                return Err(Error::at(e.kind, e.message, block.n9.loc(None)));
            }
            Err(e) => {
                let mut f = Finding::envelope(
                    codes::PAYLOAD_INVALID,
                    "MTX02",
                    format!("{}; the 850 segments were mapped instead", e.message),
                    block.n9.loc(None),
                );
                f.kind = ErrorKind::PayloadIntegrity;
                findings.push(f);
                if opts.mode == ReadMode::Strict {
                    // Strict reading fails on the payload; no fallback mapping.
                    return Ok((SetRead::Tree(Value::Null), findings));
                }
                let (v, mut f2) = foreign::map(ic, group, set, d);
                f2.retain(|f| f.code != codes::PAYLOAD_MISSING);
                findings.extend(f2);
                return Ok((SetRead::Tree(v), findings));
            }
        }
    }
    let (v, f2) = foreign::map(ic, group, set, d);
    findings.extend(f2);
    Ok((SetRead::Tree(v), findings))
}

/// Reads every 850 transaction set of the interchange as a message.
pub fn read(input: &[u8], opts: &ReadOptions) -> Result<Vec<Message>> {
    // Per message: its tree, its own findings, and the index of its interchange.
    let mut results: Vec<(SetRead, Vec<Finding>, usize)> = Vec::new();
    let mut per_interchange: Vec<Vec<Finding>> = Vec::new();
    let mut first_isa = None;
    for tokens in tokenize_all(input, &opts.limits)? {
        let d = tokens.delimiters;
        let (ic, mut env_findings) = envelope::parse(tokens);
        first_isa.get_or_insert_with(|| ic.isa.loc(None));
        for (group, set) in ic.sets() {
            if set.st.el(1) == "997" {
                env_findings.push(Finding::envelope(
                    codes::MESSAGE_TYPE,
                    "ST01",
                    "a 997 functional acknowledgment is not a LEX message and was skipped (read it with the 997 reader)",
                    set.st.loc(Some(1)),
                ));
                continue;
            }
            let (v, f) = read_set(&ic, group, set, &d, opts)?;
            results.push((v, f, per_interchange.len()));
        }
        per_interchange.push(env_findings);
    }
    if results.is_empty() {
        return Err(Error::at(
            ErrorKind::Envelope,
            "the interchange holds no 850 transaction set",
            first_isa.unwrap_or_default(),
        ));
    }
    if opts.mode == ReadMode::Strict {
        // Interchange by interchange, in segment order.
        let mut all = Vec::new();
        for (i, env) in per_interchange.iter().enumerate() {
            let mut part = env.clone();
            for (_, f, _) in results.iter().filter(|r| r.2 == i) {
                part.extend(f.iter().cloned());
            }
            part.sort_by_key(|f| f.location.segment.unwrap_or(u64::MAX));
            all.extend(part);
        }
        if !all.is_empty() {
            return Err(strict_error(&all));
        }
    }
    results
        .into_iter()
        .map(|(read, findings, ic)| {
            let issues = per_interchange
                .get(ic)
                .into_iter()
                .flatten()
                .chain(findings.iter())
                .map(Finding::to_issue)
                .collect();
            match read {
                SetRead::Built(mut msg) => {
                    msg.prepend_read_issues(issues);
                    Ok(*msg)
                }
                SetRead::Tree(value) => Message::from_value_with_issues(value, Format::X12, issues),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::x12::{ControlNumbers, PayloadEncoding, Profile, payload_block, tokenizer};
    use crate::codec::{WriteOptions, write};
    use crate::format::Format;
    use crate::options::Limits;

    /// A payload block that decodes to JSON that is not a message (`[1]`) fails at its N9.
    #[test]
    fn payload_that_is_not_a_message() {
        let lead = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/lead.json"
        ))
        .expect("examples/lead.json");
        let m = crate::api::parse(&lead, Some(Format::Json), &ReadOptions::default())
            .expect("the example reads");
        let fixed = WriteOptions {
            x12: Profile {
                control_numbers: ControlNumbers::Fixed {
                    interchange: 42,
                    group: 7,
                },
                now: Some(time::macros::datetime!(2026-04-03 12:00 UTC)),
                ..Profile::default()
            },
            ..WriteOptions::default()
        };
        let full = write(&[m], Format::X12, &fixed).expect("the example writes");
        let d = tokenizer::Delimiters::default();
        let v = crate::codec::json_read::parse(b"[1]", &Limits::default()).expect("JSON");
        let block = payload_block::encode(&v, &d, 264, PayloadEncoding::Json);
        let start = full.find("MTX**LXP1").expect("a payload block");
        let end = full.find("N1*FR").expect("an N1*FR");
        let t = format!(
            "{}MTX**{}~\nMTX**{}~\n{}",
            &full[..start],
            block.header,
            block.chunks.concat(),
            &full[end..]
        )
        .replace("SE*21*", "SE*19*");
        let e = read(t.as_bytes(), &ReadOptions::default()).expect_err("not a message");
        assert_eq!(e.code(), "NOT_A_LEX_MESSAGE");
        assert_eq!(e.location.segment, Some(11));
        assert_eq!(e.location.segment_id.as_deref(), Some("N9"));
        assert_eq!(e.location.element, None);
    }
}
