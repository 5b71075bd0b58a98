//! The interchange structure on the reading side: UNB … UNH … UNT … UNZ, decoded by the
//! declared character set, with every count and reference checked.

use super::charset::{self, Charset, Decoding};
use super::findings::{Finding, Findings, codes};
pub use super::segment::Segment;
use super::segment::decode_segment;
use super::tokenizer::{self, Delimiters, RawSegment};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::options::ReadOptions;

/// One UNH … UNT message.
#[derive(Clone, Debug)]
pub struct EdiMessage {
    /// UNH 0062.
    pub reference: String,
    /// UNH S009 components (type, version, release, agency, association code).
    pub identifier: Vec<String>,
    /// The UNH segment.
    pub unh: Segment,
    /// The segments between UNH and UNT.
    pub body: Vec<Segment>,
    /// Segments found outside any message, attached to this one so they are not lost.
    pub stray: Vec<Segment>,
    /// Findings about this message.
    pub findings: Vec<Finding>,
}

impl EdiMessage {
    /// True for a CONTRL message.
    pub fn is_contrl(&self) -> bool {
        self.identifier.first().map(String::as_str) == Some("CONTRL")
    }
}

/// One UNB … UNZ interchange.
#[derive(Clone, Debug)]
pub struct Interchange {
    /// The UNB segment.
    pub unb: Segment,
    /// The declared character set (`None` for an unknown syntax identifier).
    pub charset: Option<Charset>,
    /// UNB S002 0004 / 0007.
    pub sender: (String, String),
    /// UNB S003 0010 / 0007.
    pub recipient: (String, String),
    /// UNB S004 date and time.
    pub prepared: (String, String),
    /// UNB 0020.
    pub control_reference: String,
    /// The messages, in order.
    pub messages: Vec<EdiMessage>,
    /// Findings about the interchange as a whole (UNA, UNB, UNZ, character set).
    pub findings: Vec<Finding>,
}

/// Tokenizes, decodes and structures every interchange in `input`.
pub fn parse(input: &[u8], opts: &ReadOptions) -> Result<Vec<Interchange>> {
    opts.limits.check_input_size(input)?;
    let mut start = if input.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    while start < input.len() && input[start].is_ascii_whitespace() {
        start += 1;
    }
    if start >= input.len() {
        return Err(Error::at(
            ErrorKind::EmptyInput,
            "the input is empty",
            Location::at_offset(input, 0),
        ));
    }
    let mut top = Findings::new(opts.mode);
    let (delims, body_start) = tokenizer::read_una(input, start, &mut top)?;
    let raw = tokenizer::tokenize(input, body_start, &delims, &opts.limits, &mut top)?;
    let mut out = Vec::new();
    let mut segments = raw.into_iter().peekable();
    while let Some(first) = segments.next() {
        if first.tag != "UNB" {
            return Err(Error::at(
                ErrorKind::Envelope,
                format!("expected UNB, found {}", first.tag),
                Location::segment(first.ordinal, &first.tag, None, None),
            ));
        }
        // The interchange runs up to its UNZ (included) or the next UNB (excluded).
        let mut chunk = vec![first];
        while let Some(s) = segments.next_if(|s| s.tag != "UNB") {
            let is_unz = s.tag == "UNZ";
            chunk.push(s);
            if is_unz {
                break;
            }
        }
        let mut findings = Findings::new(opts.mode);
        if out.is_empty() {
            findings.list.append(&mut top.list);
        }
        out.push(interchange(input, chunk, delims, &mut findings, opts)?);
    }
    if out.is_empty() {
        // Only a service string advice (`UNA`, `UNA:+.? '`): a transfer cut before the UNB.
        return Err(Error::at(
            ErrorKind::Envelope,
            "the input holds no interchange (UNB … UNZ) after the UNA: it is truncated or not EDIFACT",
            Location {
                segment_id: Some("UNA".into()),
                ..Location::at_offset(input, start)
            },
        ));
    }
    Ok(out)
}

fn interchange(
    input: &[u8],
    raw: Vec<RawSegment>,
    delimiters: Delimiters,
    f: &mut Findings,
    opts: &ReadOptions,
) -> Result<Interchange> {
    let (first, last) = match (raw.first(), raw.last()) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err(Error::new(ErrorKind::Internal, "empty interchange")),
    };
    let mut syntax_bytes = Vec::new();
    if let Some(&k) = first.elems.get(1) {
        first.component(input, k, delimiters.release, &mut syntax_bytes);
    }
    let syntax_id = String::from_utf8_lossy(&syntax_bytes).into_owned();
    let declared = Charset::from_syntax_id(&syntax_id);
    let bytes = &input[first.start..last.end.min(input.len())];
    let how = charset::choose(bytes, declared);
    let unb_loc = Location::segment(first.ordinal, "UNB", Some(1), Some(1));
    match how {
        Decoding::Declared => {}
        Decoding::Utf8Instead => f.syntax(
            ErrorKind::InvalidEncoding,
            codes::CHARSET,
            Some(21),
            format!("the interchange declares {syntax_id} but its bytes are UTF-8; read as UTF-8"),
            unb_loc.clone(),
        )?,
        Decoding::UnknownUtf8 | Decoding::UnknownLatin1 => f.syntax(
            ErrorKind::Envelope,
            codes::SYNTAX_ID,
            Some(2),
            format!(
                "syntax identifier {syntax_id:?} is not a UN/ECE level (UNOA-UNOF, UNOW, UNOY); read as {}",
                if how == Decoding::UnknownUtf8 { "UTF-8" } else { "ISO 8859-1" }
            ),
            unb_loc.clone(),
        )?,
    }
    let mut segs = Vec::with_capacity(raw.len());
    let mut violation_reported = false;
    let mut scratch = Vec::new();
    for r in raw {
        let seg = decode_segment(input, r, declared, how, &delimiters, &mut scratch);
        if !violation_reported {
            if let Some((loc, what)) = violation(&seg, declared, how) {
                violation_reported = true;
                f.syntax(
                    ErrorKind::InvalidEncoding,
                    codes::CHARSET,
                    Some(21),
                    what,
                    loc,
                )?;
            }
        }
        segs.push(seg);
    }
    let mut it = segs.into_iter();
    let unb = it
        .next()
        .ok_or_else(|| Error::new(ErrorKind::Internal, "empty interchange"))?;
    check_unb(&unb, declared, f)?;
    let mut ic = Interchange {
        charset: declared,
        sender: (unb.comp(2, 1).into(), unb.comp(2, 2).into()),
        recipient: (unb.comp(3, 1).into(), unb.comp(3, 2).into()),
        prepared: (unb.comp(4, 1).into(), unb.comp(4, 2).into()),
        control_reference: unb.comp(5, 1).into(),
        unb,
        messages: Vec::new(),
        findings: Vec::new(),
    };
    let mut stray: Vec<Segment> = Vec::new();
    let mut unz: Option<Segment> = None;
    let mut rest: Vec<Segment> = it.collect();
    rest.reverse();
    while let Some(seg) = rest.pop() {
        match seg.tag.as_str() {
            "UNH" => {
                let mut body = Vec::new();
                let mut unt = None;
                while let Some(s) = rest.pop() {
                    match s.tag.as_str() {
                        "UNT" => {
                            unt = Some(s);
                            break;
                        }
                        "UNH" | "UNZ" => {
                            rest.push(s);
                            break;
                        }
                        _ => body.push(s),
                    }
                }
                let m = message(seg, body, unt, std::mem::take(&mut stray), opts)?;
                ic.messages.push(m);
            }
            "UNZ" => unz = Some(seg),
            "UNG" | "UNE" => f.syntax(
                ErrorKind::Envelope,
                codes::POSITION,
                Some(15),
                "functional groups (UNG/UNE) are not used by LEX; the group segment was skipped",
                seg.loc(None, None),
            )?,
            _ => {
                f.syntax(
                    ErrorKind::Envelope,
                    codes::POSITION,
                    Some(15),
                    format!("segment {} is outside any message", seg.tag),
                    seg.loc(None, None),
                )?;
                stray.push(seg);
            }
        }
    }
    if let Some(m) = ic.messages.last_mut() {
        m.stray.append(&mut stray);
    } else {
        return Err(Error::at(
            ErrorKind::Envelope,
            "the interchange holds no message (UNH … UNT)",
            ic.unb.loc(None, None),
        ));
    }
    match unz {
        None => f.syntax(
            ErrorKind::Envelope,
            codes::MISSING,
            Some(13),
            "the interchange has no UNZ trailer",
            ic.unb.loc(None, None),
        )?,
        Some(z) => {
            let count = ic.messages.len().to_string();
            if z.comp(1, 1) != count {
                f.syntax(
                    ErrorKind::Envelope,
                    codes::COUNT,
                    Some(29),
                    format!(
                        "UNZ counts {:?} messages, the interchange holds {count}",
                        z.comp(1, 1)
                    ),
                    z.loc(Some(1), None),
                )?;
            }
            if z.comp(2, 1) != ic.control_reference {
                f.syntax(
                    ErrorKind::Envelope,
                    codes::REFERENCE,
                    Some(28),
                    format!(
                        "UNZ reference {:?} differs from UNB reference {:?}",
                        z.comp(2, 1),
                        ic.control_reference
                    ),
                    z.loc(Some(2), None),
                )?;
            }
        }
    }
    let mut refs: Vec<&str> = ic.messages.iter().map(|m| m.reference.as_str()).collect();
    refs.sort_unstable();
    if let Some(w) = refs.windows(2).find(|w| w[0] == w[1]) {
        let dup = w[0].to_string();
        f.syntax(
            ErrorKind::Envelope,
            codes::REFERENCE,
            Some(26),
            format!("message reference {dup:?} is used twice in the interchange"),
            ic.unb.loc(None, None),
        )?;
    }
    ic.findings = std::mem::take(&mut f.list);
    Ok(ic)
}

fn violation(seg: &Segment, cs: Option<Charset>, how: Decoding) -> Option<(Location, String)> {
    let check = match (cs, how) {
        (Some(cs), _) => cs,
        (None, Decoding::UnknownLatin1) => Charset::C,
        (None, _) => Charset::W,
    };
    for (e, c, comp) in seg.components() {
        {
            // Printable ASCII is in every repertoire but UNOA/UNOB (and is never U+FFFD).
            if !check.is_restricted() && comp.bytes().all(|b| (0x20..0x7F).contains(&b)) {
                continue;
            }
            let loc = || seg.loc(Some(e + 1), Some(c + 1));
            if comp.contains('\u{FFFD}') {
                return Some((
                    loc(),
                    "bytes that are not valid in the declared character set".into(),
                ));
            }
            if let Some((_, ch)) = charset::first_violation(comp, check) {
                return Some((
                    loc(),
                    format!(
                        "character {ch:?} (U+{:04X}) is not in the {} repertoire",
                        ch as u32,
                        check.syntax_id()
                    ),
                ));
            }
        }
    }
    None
}

fn check_unb(unb: &Segment, cs: Option<Charset>, f: &mut Findings) -> Result<()> {
    let version = unb.comp(1, 2);
    let ok_version = match cs {
        Some(c) if c.is_unicode() => version == "4",
        Some(_) => matches!(version, "1" | "2" | "3" | "4"),
        None => true,
    };
    if !ok_version {
        f.syntax(
            ErrorKind::Envelope,
            codes::SYNTAX_ID,
            Some(2),
            format!("syntax version {version:?} does not fit {}", unb.comp(1, 1)),
            unb.loc(Some(1), Some(2)),
        )?;
    }
    let (date, time) = (unb.comp(4, 1), unb.comp(4, 2));
    let date_ok = (date.len() == 6 || (version == "4" && date.len() == 8))
        && date.bytes().all(|b| b.is_ascii_digit());
    let time_ok = time.len() == 4 && time.bytes().all(|b| b.is_ascii_digit());
    if !date_ok || !time_ok {
        f.syntax(
            ErrorKind::Envelope,
            codes::VALUE,
            Some(12),
            format!("UNB date/time {date:?}:{time:?} is not YYMMDD:HHMM"),
            unb.loc(Some(4), Some(if date_ok { 2 } else { 1 })),
        )?;
    }
    let r = unb.comp(5, 1);
    if r.is_empty() || r.chars().count() > 14 {
        f.syntax(
            ErrorKind::Envelope,
            codes::VALUE,
            Some(if r.is_empty() { 13 } else { 39 }),
            format!("UNB control reference {r:?} must have 1 to 14 characters"),
            unb.loc(Some(5), None),
        )?;
    }
    for (e, what) in [(2, "sender"), (3, "recipient")] {
        if unb.comp(e, 1).is_empty() {
            f.syntax(
                ErrorKind::Envelope,
                codes::MISSING,
                Some(13),
                format!("UNB has no interchange {what}"),
                unb.loc(Some(e), Some(1)),
            )?;
        }
    }
    Ok(())
}

fn message(
    unh: Segment,
    body: Vec<Segment>,
    unt: Option<Segment>,
    stray: Vec<Segment>,
    opts: &ReadOptions,
) -> Result<EdiMessage> {
    let mut f = Findings::new(opts.mode);
    let reference = unh.comp(1, 1).to_string();
    let identifier: Vec<String> = unh.element(2).map(String::from).collect();
    if reference.is_empty() || reference.chars().count() > 14 {
        f.syntax(
            ErrorKind::Envelope,
            codes::VALUE,
            Some(if reference.is_empty() { 13 } else { 39 }),
            format!("message reference {reference:?} must have 1 to 14 characters"),
            unh.loc(Some(1), None),
        )?;
    }
    let id = |i: usize| identifier.get(i).map_or("", String::as_str);
    let is_orders = id(0) == "ORDERS" && id(1) == "D" && id(2) == "96A" && id(3) == "UN";
    let is_contrl = id(0) == "CONTRL";
    if !is_orders && !is_contrl {
        f.syntax(
            ErrorKind::Envelope,
            codes::MESSAGE_TYPE,
            Some(14),
            format!(
                "message identifier {:?} is not ORDERS:D:96A:UN; read as ORDERS",
                identifier.join(":")
            ),
            unh.loc(Some(2), None),
        )?;
    }
    match &unt {
        None => f.syntax(
            ErrorKind::Envelope,
            codes::MISSING,
            Some(13),
            format!("message {reference:?} has no UNT trailer"),
            unh.loc(None, None),
        )?,
        Some(t) => {
            let actual = (body.len() + 2).to_string();
            if t.comp(1, 1) != actual {
                f.syntax(
                    ErrorKind::Envelope,
                    codes::COUNT,
                    Some(29),
                    format!(
                        "UNT counts {:?} segments, the message has {actual} (UNH to UNT)",
                        t.comp(1, 1)
                    ),
                    t.loc(Some(1), None),
                )?;
            }
            if t.comp(2, 1) != reference {
                f.syntax(
                    ErrorKind::Envelope,
                    codes::REFERENCE,
                    Some(28),
                    format!(
                        "UNT reference {:?} differs from UNH reference {reference:?}",
                        t.comp(2, 1)
                    ),
                    t.loc(Some(2), None),
                )?;
            }
        }
    }
    if is_orders || !is_contrl {
        check_summary(&unh, &body, &mut f)?;
    }
    Ok(EdiMessage {
        reference,
        identifier,
        unh,
        body,
        stray,
        findings: f.list,
    })
}

fn check_summary(unh: &Segment, body: &[Segment], f: &mut Findings) -> Result<()> {
    let Some(uns) = body.iter().position(|s| s.tag == "UNS") else {
        let at = body.last().unwrap_or(unh);
        return f.syntax(
            ErrorKind::Envelope,
            codes::MISSING,
            Some(13),
            "the mandatory section control UNS is missing",
            at.loc(None, None),
        );
    };
    let lines = body[..uns].iter().filter(|s| s.tag == "LIN").count();
    for cnt in body[uns..]
        .iter()
        .filter(|s| s.tag == "CNT" && s.comp(1, 1) == "2")
    {
        if cnt.comp(1, 2) != lines.to_string() {
            f.syntax(
                ErrorKind::Envelope,
                codes::COUNT,
                Some(29),
                format!(
                    "CNT+2 counts {:?} line items, the message has {lines} LIN",
                    cnt.comp(1, 2)
                ),
                cnt.loc(Some(1), Some(2)),
            )?;
        }
    }
    Ok(())
}
