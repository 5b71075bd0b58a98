//! The EDIFACT writer: one interchange (UNA, UNB … UNZ) with one ORDERS message per LEX
//! message, every count and reference computed (wire-formats.md §5.6).

use super::Profile;
use super::charset::Charset;
use super::core_view::{self, Seg, clean};
use super::payload_block::{self, Encoding, MAX_HEADER_FTX};
use super::tokenizer::Delimiters;
use crate::codec::{PLACEHOLDER_ID, WriteOptions, placeholder_warning};
use crate::dedup::sha256_hex;
use crate::error::{Error, ErrorKind, Result};
use crate::message::Message;
use crate::report::Issue;
use time::OffsetDateTime;

/// UNH S009 written for every LEX message.
pub const MESSAGE_IDENTIFIER: [&str; 5] = ["ORDERS", "D", "96A", "UN", "LEX10"];

/// Formats one segment: escapes every component and drops trailing empty components and
/// elements.
pub fn format_segment(d: &Delimiters, tag: &str, elements: &[Vec<String>]) -> String {
    let mut out = String::with_capacity(tag.len() + 32);
    out.push_str(tag);
    // An element is empty exactly when all its components are (escaping keeps non-empty
    // text non-empty).
    let keep = elements
        .iter()
        .rposition(|comps| comps.iter().any(|c| !c.is_empty()))
        .map_or(0, |i| i + 1);
    for comps in &elements[..keep] {
        out.push(d.element as char);
        let used = comps
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        for (k, comp) in comps[..used].iter().enumerate() {
            if k > 0 {
                out.push(d.component as char);
            }
            d.escape_into(&mut out, comp);
        }
    }
    out
}

fn profile_charset(p: &Profile) -> Result<(Charset, Delimiters)> {
    let cs = Charset::from_syntax_id(&p.syntax_identifier).ok_or_else(|| {
        Error::invalid_argument(format!(
            "syntax identifier {:?} is not one of UNOA, UNOB, UNOC, UNOD, UNOE, UNOF, UNOW, UNOY",
            p.syntax_identifier
        ))
    })?;
    let d = match p.syntax_version.as_str() {
        "4" => Delimiters::syntax4(),
        "1" | "2" | "3" if !cs.is_unicode() => Delimiters::default(),
        v => {
            return Err(Error::invalid_argument(format!(
                "syntax version {v:?} cannot be used with {} (UNOW/UNOY need 4; others 1-4)",
                p.syntax_identifier
            )));
        }
    };
    Ok((cs, d))
}

/// The UNB id: the profile's, else the header's (cleaned, ≤ 35), else the placeholder
/// `LEX` with a warning (see [`crate::codec::PLACEHOLDER_ID`]).
fn envelope_id(
    explicit: Option<&str>,
    from_header: Option<&str>,
    field: &str,
    element: &str,
    cs: Charset,
    warnings: &mut Vec<Issue>,
) -> String {
    let raw = explicit.or(from_header).unwrap_or("");
    let id = clean(raw, 35, cs);
    if id.is_empty() {
        warnings.push(placeholder_warning(field, element));
        return PLACEHOLDER_ID.to_string();
    }
    id
}

/// Writes `messages` as one interchange, adding the writer's warnings to `warnings`.
pub fn write_reporting(
    messages: &[Message],
    opts: &WriteOptions,
    warnings: &mut Vec<Issue>,
) -> Result<String> {
    let p = &opts.edifact;
    let (cs, d) = profile_charset(p)?;
    let Some(first) = messages.first() else {
        return Err(Error::invalid_argument(
            "an EDIFACT interchange needs at least one message",
        ));
    };
    let sender = envelope_id(
        p.sender_id.as_deref(),
        first.header().sender_id(),
        "senderId",
        "UNB S002 0004",
        cs,
        warnings,
    );
    let recipient = envelope_id(
        p.recipient_id.as_deref(),
        first.header().receiver_id(),
        "receiverId",
        "UNB S003 0010",
        cs,
        warnings,
    );
    let when = p
        .prepared_at
        .or_else(|| {
            first
                .header()
                .timestamp()
                .and_then(crate::datetime::parse_timestamp)
        })
        .unwrap_or_else(OffsetDateTime::now_utc)
        .to_offset(time::UtcOffset::UTC);
    let date = if d.repetition == b' ' {
        format!(
            "{:02}{:02}{:02}",
            when.year().rem_euclid(100),
            u8::from(when.month()),
            when.day()
        )
    } else {
        format!(
            "{:04}{:02}{:02}",
            when.year(),
            u8::from(when.month()),
            when.day()
        )
    };
    let time_s = format!("{:02}{:02}", when.hour(), when.minute());
    let reference = match &p.control_reference {
        Some(r) => {
            let r = clean(r, 14, cs);
            if r.is_empty() || r.chars().count() != r.len() {
                return Err(Error::invalid_argument(
                    "the control reference must have 1 to 14 characters",
                ));
            }
            r
        }
        None => derived_reference(messages),
    };
    let enc = if cs.is_restricted() {
        Encoding::Base32
    } else {
        Encoding::Json
    };
    let decimal = d.decimal as char;
    let mut segs: Vec<String> = Vec::new();
    let mut unb: Vec<Vec<String>> = vec![
        vec![cs.syntax_id().into(), p.syntax_version.clone()],
        vec![sender, String::new()],
        vec![recipient, String::new()],
        vec![date, time_s],
        vec![reference.clone()],
    ];
    unb[1][1] = clean(&p.sender_qualifier, 4, cs);
    unb[2][1] = clean(&p.recipient_qualifier, 4, cs);
    if p.application_reference.is_some() || p.test_indicator {
        unb.push(vec![]);
        unb.push(vec![
            p.application_reference
                .as_deref()
                .map(|a| clean(a, 14, cs))
                .unwrap_or_default(),
        ]);
    }
    if p.test_indicator {
        unb.extend([vec![], vec![], vec![], vec!["1".into()]]);
    }
    segs.push(format_segment(&d, "UNB", &unb));
    for (i, msg) in messages.iter().enumerate() {
        let mref = (i + 1).to_string();
        let view = core_view::build(msg, cs, decimal);
        let text = payload_block::carried_text(msg.root(), enc);
        let block = payload_block::segments(&text, enc, &d);
        if block.len() > MAX_HEADER_FTX && !p.allow_exceeding_repeats {
            return Err(Error::new(
                ErrorKind::Unrepresentable,
                format!(
                    "message {} is too large for EDIFACT: its payload is {} characters and needs {} header FTX segments, \
                     but ORDERS D.96A allows {MAX_HEADER_FTX} (about {} characters); \
                     use JSON/XML/X12, or a partner profile that allows exceeding directory repeats",
                    i + 1,
                    text.len(),
                    block.len(),
                    (MAX_HEADER_FTX - 1) * payload_block::COMPONENT_MAX * payload_block::COMPONENTS
                ),
            ));
        }
        let start = segs.len();
        let ident: Vec<String> = MESSAGE_IDENTIFIER.iter().map(|s| s.to_string()).collect();
        segs.push(format_segment(&d, "UNH", &[vec![mref.clone()], ident]));
        let push = |segs: &mut Vec<String>, list: &[Seg]| {
            for (tag, els) in list {
                segs.push(format_segment(&d, tag, els));
            }
        };
        push(&mut segs, &view.head);
        segs.extend(block);
        push(&mut segs, &view.tail);
        segs.push(format_segment(&d, "UNS", &[vec!["S".into()]]));
        if view.lines > 0 {
            segs.push(format_segment(
                &d,
                "CNT",
                &[vec!["2".into(), view.lines.to_string()]],
            ));
        }
        let count = segs.len() - start + 1;
        segs.push(format_segment(
            &d,
            "UNT",
            &[vec![count.to_string()], vec![mref]],
        ));
    }
    segs.push(format_segment(
        &d,
        "UNZ",
        &[vec![messages.len().to_string()], vec![reference]],
    ));
    let sep = if opts.pretty { "\n" } else { "" };
    let term = d.terminator as char;
    let size: usize = segs.iter().map(|s| s.len() + 1 + sep.len()).sum();
    let mut out = String::with_capacity(size + 16);
    out.push_str(&d.una());
    out.push_str(sep);
    for s in segs {
        out.push_str(&s);
        out.push(term);
        out.push_str(sep);
    }
    Ok(out)
}

/// A 9-digit reference derived from the messages' ids and timestamps: reproducible output
/// without a persisted counter (configure `Profile::control_reference` for a real one).
fn derived_reference(messages: &[Message]) -> String {
    let mut key = String::new();
    for m in messages {
        key.push_str(m.message_id().unwrap_or(""));
        key.push('|');
        key.push_str(m.header().timestamp().unwrap_or(""));
        key.push('|');
    }
    let hex = sha256_hex(key.as_bytes());
    let n = u64::from_str_radix(&hex[..15], 16).unwrap_or(0) % 1_000_000_000;
    format!("{n:09}")
}
