//! The X12 850 writer: one ST/SE per message in one GS/GE in one ISA/IEA, every count and
//! control number computed (wire-formats §5.6).

use super::core_view::{self, Seg};
use super::payload_block::{self, N9_LABEL};
use super::profile::{ControlNumbers, LineEnding, Profile};
use super::tokenizer::Delimiters;
use crate::codec::{PLACEHOLDER_ID, placeholder_warning};
use crate::error::{Error, ErrorKind, Result};
use crate::message::Message;
use crate::report::Issue;
use time::OffsetDateTime;

/// The envelope values shared by the 850 writer and the 997 generator.
#[derive(Clone, Debug)]
pub struct Envelope {
    /// ISA05/ISA06 (unpadded id).
    pub sender: (String, String),
    /// ISA07/ISA08 (unpadded id).
    pub receiver: (String, String),
    /// GS02.
    pub app_sender: String,
    /// GS03.
    pub app_receiver: String,
    /// GS01.
    pub functional_id: &'static str,
    /// ISA13.
    pub interchange: u32,
    /// GS06.
    pub group: u32,
    /// The clock.
    pub now: OffsetDateTime,
}

/// The delimiters a profile writes.
pub fn delimiters(p: &Profile) -> Delimiters {
    Delimiters {
        element: p.element_separator,
        component: p.component_separator,
        repetition: Some(p.repetition_separator),
        segment: p.segment_terminator,
    }
}

/// The control numbers to use for the next interchange.
pub fn control_numbers(p: &Profile) -> (u32, u32) {
    match &p.control_numbers {
        ControlNumbers::Fixed { interchange, group } => (*interchange, *group),
        ControlNumbers::Counter(c) => {
            let n = c.next();
            (n, n)
        }
    }
}

/// An ISA id from a LEX id: upper case, characters outside `[A-Z0-9 ._-]` become `-`,
/// at most 15 characters. `Err` in `strict_ids` mode when that changes the id.
pub fn isa_id(lex_id: Option<&str>, p: &Profile, what: &str) -> Result<String> {
    let raw = lex_id.unwrap_or("").trim();
    let mapped: String = raw
        .chars()
        .map(|c| {
            let c = c.to_ascii_uppercase();
            if c.is_ascii_alphanumeric() || " ._-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .take(15)
        .collect();
    let mapped = mapped.trim().to_string();
    if p.strict_ids && mapped != raw {
        return Err(Error::new(
            ErrorKind::Unrepresentable,
            format!(
                "the {what} {raw:?} does not fit an ISA id (1-15 of A-Z 0-9 space . _ -); configure the partner profile"
            ),
        ));
    }
    Ok(if mapped.is_empty() {
        PLACEHOLDER_ID.to_string()
    } else {
        mapped
    })
}

/// The ISA id for `field` (`senderId`/`receiverId`): the profile's, else the header's
/// ([`isa_id`]); the placeholder `LEX` with a warning when neither gives one, or
/// `UNREPRESENTABLE` under `strict_ids` (see [`crate::codec::PLACEHOLDER_ID`]).
fn envelope_id(
    explicit: Option<&String>,
    from_header: Option<&str>,
    p: &Profile,
    field: &str,
    element: &str,
    warnings: &mut Vec<Issue>,
) -> Result<String> {
    if let Some(s) = explicit {
        return Ok(s.clone());
    }
    let id = isa_id(from_header, p, field)?;
    if from_header.is_none_or(|h| h.trim().is_empty()) {
        if p.strict_ids {
            return Err(Error::new(
                ErrorKind::Unrepresentable,
                format!(
                    "no header.{field} for {element} (strict_ids refuses the placeholder {PLACEHOLDER_ID:?}); set it or the partner profile's id"
                ),
            ));
        }
        warnings.push(placeholder_warning(field, element));
    }
    Ok(id)
}

fn check_control(n: u32, what: &str) -> Result<()> {
    if (1..=999_999_999).contains(&n) {
        Ok(())
    } else {
        Err(Error::invalid_argument(format!(
            "{what} control number {n} is outside 1..=999999999"
        )))
    }
}

/// Serialises segments with the profile's delimiters (trailing empty elements dropped).
pub fn render(segments: &[Seg], p: &Profile, pretty: bool) -> String {
    let ending = match p.line_ending {
        LineEnding::FollowPretty if pretty => "\n",
        LineEnding::FollowPretty | LineEnding::None => "",
        LineEnding::Lf => "\n",
        LineEnding::CrLf => "\r\n",
    };
    let size: usize = segments
        .iter()
        .map(|s| s.iter().map(|e| e.len() + 1).sum::<usize>() + 2 + ending.len())
        .sum();
    let mut out = String::with_capacity(size);
    for s in segments {
        let keep = s.iter().rposition(|e| !e.is_empty()).map_or(1, |i| i + 1);
        for (i, e) in s.iter().take(keep.max(1)).enumerate() {
            if i > 0 {
                out.push(p.element_separator);
            }
            out.push_str(e);
        }
        out.push(p.segment_terminator);
        out.push_str(ending);
    }
    out
}

/// The ISA and GS segments (the ISA is exactly 106 characters with its terminator).
pub fn header_segments(e: &Envelope, p: &Profile) -> Vec<Seg> {
    let t = e.now.to_offset(time::UtcOffset::UTC);
    let yymmdd = format!(
        "{:02}{:02}{:02}",
        t.year().rem_euclid(100),
        u8::from(t.month()),
        t.day()
    );
    let ccyymmdd = format!("{:04}{:02}{:02}", t.year(), u8::from(t.month()), t.day());
    let hhmm = format!("{:02}{:02}", t.hour(), t.minute());
    let isa = vec![
        "ISA".into(),
        "00".into(),
        " ".repeat(10),
        "00".into(),
        " ".repeat(10),
        e.sender.0.clone(),
        format!("{:<15}", e.sender.1),
        e.receiver.0.clone(),
        format!("{:<15}", e.receiver.1),
        yymmdd,
        hhmm.clone(),
        p.repetition_separator.to_string(),
        "00501".into(),
        format!("{:09}", e.interchange),
        if p.ack_requested { "1" } else { "0" }.into(),
        p.usage_indicator.to_string(),
        p.component_separator.to_string(),
    ];
    let gs = vec![
        "GS".into(),
        e.functional_id.into(),
        e.app_sender.clone(),
        e.app_receiver.clone(),
        ccyymmdd,
        hhmm,
        e.group.to_string(),
        "X".into(),
        "005010".into(),
    ];
    vec![isa, gs]
}

/// The GE and IEA trailers.
pub fn trailer_segments(e: &Envelope, sets: usize) -> Vec<Seg> {
    vec![
        vec!["GE".into(), sets.to_string(), e.group.to_string()],
        vec!["IEA".into(), "1".into(), format!("{:09}", e.interchange)],
    ]
}

fn trimmed_app(id: &str) -> String {
    let t = id.trim();
    if t.len() >= 2 {
        t.to_string()
    } else {
        format!("{t:_<2}")
    }
}

/// Writes messages as one interchange, adding the writer's warnings to `warnings`.
pub fn write_reporting(
    messages: &[Message],
    opts: &crate::codec::WriteOptions,
    warnings: &mut Vec<Issue>,
) -> Result<String> {
    let p = &opts.x12;
    p.check()?;
    let Some(first) = messages.first() else {
        return Err(Error::invalid_argument("no message to write"));
    };
    let now = p
        .now
        .or_else(|| {
            first
                .header()
                .timestamp()
                .and_then(core_view::utc_parts)
                .map(|(_, _, t)| t)
        })
        .unwrap_or_else(OffsetDateTime::now_utc);
    let h = first.header();
    let sender = envelope_id(
        p.sender_id.as_ref(),
        h.sender_id(),
        p,
        "senderId",
        "ISA06",
        warnings,
    )?;
    let receiver = envelope_id(
        p.receiver_id.as_ref(),
        h.receiver_id(),
        p,
        "receiverId",
        "ISA08",
        warnings,
    )?;
    let (interchange, group) = control_numbers(p);
    check_control(interchange, "interchange")?;
    check_control(group, "group")?;
    let env = Envelope {
        app_sender: p
            .application_sender
            .clone()
            .unwrap_or_else(|| trimmed_app(&sender)),
        app_receiver: p
            .application_receiver
            .clone()
            .unwrap_or_else(|| trimmed_app(&receiver)),
        sender: (p.sender_qualifier.clone(), sender),
        receiver: (p.receiver_qualifier.clone(), receiver),
        functional_id: "PO",
        interchange,
        group,
        now,
    };
    let d = delimiters(p);
    let mut segs = header_segments(&env, p);
    let envelope_date = segs[1][4].clone();
    for (i, msg) in messages.iter().enumerate() {
        let ctl = u64::from(p.first_set_control_number) + i as u64;
        if !(1..=999_999_999).contains(&ctl) {
            return Err(Error::invalid_argument(format!(
                "transaction set control number {ctl} is outside 1..=999999999"
            )));
        }
        let ctl = format!("{ctl:04}");
        let (head, tail) = core_view::build(msg, &envelope_date, &d);
        let block = payload_block::encode(msg.root(), &d, p.chunk_size, p.encoding);
        let start = segs.len();
        segs.push(vec!["ST".into(), "850".into(), ctl.clone(), "LEX10".into()]);
        segs.extend(head);
        segs.push(vec!["N9".into(), "ZZ".into(), N9_LABEL.into()]);
        segs.push(vec!["MTX".into(), String::new(), block.header]);
        for c in block.chunks {
            segs.push(vec!["MTX".into(), String::new(), c]);
        }
        segs.extend(tail);
        let count = segs.len() - start + 1;
        segs.push(vec!["SE".into(), count.to_string(), ctl]);
    }
    segs.extend(trailer_segments(&env, messages.len()));
    Ok(render(&segs, p, opts.pretty))
}
