//! Interchange structure (ISA/GS/ST … SE/GE/IEA) and the envelope checks of wire-formats
//! §5.8: counts and control numbers recomputed and compared, codes checked.

use super::findings::{Finding, codes};
use super::tokenizer::{Segment, Tokens};
use crate::error::Location;

/// One transaction set: ST, the segments between, and SE when present.
#[derive(Clone, Debug)]
pub struct TxSet {
    /// The ST segment.
    pub st: Segment,
    /// The segments between ST and SE.
    pub body: Vec<Segment>,
    /// The SE segment (None when missing).
    pub se: Option<Segment>,
}

/// One functional group: GS (None when the sets were not inside a GS), sets, GE.
#[derive(Clone, Debug)]
pub struct Group {
    /// The GS segment.
    pub gs: Option<Segment>,
    /// The transaction sets, in order.
    pub sets: Vec<TxSet>,
    /// The GE segment (None when missing).
    pub ge: Option<Segment>,
}

/// A whole interchange.
#[derive(Clone, Debug)]
pub struct Interchange {
    /// The ISA segment.
    pub isa: Segment,
    /// The functional groups, in order.
    pub groups: Vec<Group>,
    /// The IEA segment (None when missing).
    pub iea: Option<Segment>,
}

impl Interchange {
    /// Every transaction set with its group, in order.
    pub fn sets(&self) -> impl Iterator<Item = (&Group, &TxSet)> {
        self.groups
            .iter()
            .flat_map(|g| g.sets.iter().map(move |s| (g, s)))
    }
}

fn count_mismatch(seg: &Segment, n: usize, what: &str, actual: usize) -> Option<Finding> {
    let declared = seg.el(n);
    if declared.trim().parse::<usize>().ok() == Some(actual) {
        return None;
    }
    Some(Finding::envelope(
        codes::COUNT_MISMATCH,
        format!("{}{n:02}", seg.tag()),
        format!(
            "{}{n:02} declares {declared:?} {what}, the interchange has {actual}",
            seg.tag()
        ),
        seg.loc(Some(n)),
    ))
}

fn control_mismatch(seg: &Segment, n: usize, other: &Segment, m: usize) -> Option<Finding> {
    let (a, b) = (seg.el(n).trim(), other.el(m).trim());
    let same = a == b || matches!((a.parse::<u64>(), b.parse::<u64>()), (Ok(x), Ok(y)) if x == y);
    if same {
        return None;
    }
    Some(Finding::envelope(
        codes::CONTROL_MISMATCH,
        format!("{}{n:02}", seg.tag()),
        format!(
            "{}{n:02} {a:?} differs from {}{m:02} {b:?}",
            seg.tag(),
            other.tag()
        ),
        seg.loc(Some(n)),
    ))
}

fn missing(code_field: &str, message: String, at: &Segment) -> Finding {
    Finding::envelope(
        codes::ENVELOPE_INCOMPLETE,
        code_field,
        message,
        at.loc(None),
    )
}

/// The input ends without the last segment's terminator (the EDIFACT reader's code for the
/// same damage).
const UNTERMINATED: &str = "EDI_SYNTAX";

fn misplaced(code_field: &str, message: String, at: &Segment) -> Finding {
    Finding::envelope(codes::POSITION, code_field, message, at.loc(None))
}

/// Builds the structure from the tokens and returns it with every envelope finding, in
/// segment order.
pub fn parse(tokens: Tokens) -> (Interchange, Vec<Finding>) {
    let mut findings = Vec::new();
    // The last segment after the ISA, where an unclosed structure is reported.
    let last = tokens
        .segments
        .get(1..)
        .and_then(<[Segment]>::last)
        .cloned();
    let mut segs = tokens.segments.into_iter();
    // The tokenizer guarantees the first segment is the ISA.
    let isa = segs.next().unwrap_or(Segment {
        ordinal: 1,
        offset: 0,
        raw: String::new(),
        elements: vec!["ISA".into()],
    });
    if tokens.latin1 {
        findings.push(Finding::envelope(
            codes::CHARSET,
            "ISA",
            "the input is not UTF-8; it was read as ISO 8859-1",
            Location::default(),
        ));
    }
    check_isa(&isa, tokens.isa_fixed_width, &mut findings);
    if let Some(ordinal) = tokens.unterminated {
        let cut = last.as_ref().filter(|s| s.ordinal == ordinal);
        findings.push(Finding::envelope(
            UNTERMINATED,
            cut.map_or("", Segment::tag),
            "the input ends inside the last segment (no segment terminator): it may be truncated",
            cut.map_or_else(
                || Location::segment(ordinal, "", None, None),
                |s| s.loc(None),
            ),
        ));
    }
    let mut ic = Interchange {
        isa,
        groups: Vec::new(),
        iea: None,
    };
    let mut group_open = false;
    let mut set_open = false;
    for seg in segs {
        if ic.iea.is_some() {
            findings.push(misplaced(
                "IEA",
                format!("segment {} follows the IEA: {:?}", seg.tag(), seg.raw),
                &seg,
            ));
            continue;
        }
        match seg.tag() {
            "GS" => {
                close_set(&mut ic, &mut set_open, &seg, &mut findings);
                close_group(&mut ic, &mut group_open, &seg, &mut findings);
                ic.groups.push(Group {
                    gs: Some(seg),
                    sets: Vec::new(),
                    ge: None,
                });
                group_open = true;
            }
            "ST" => {
                close_set(&mut ic, &mut set_open, &seg, &mut findings);
                if !group_open {
                    findings.push(missing(
                        "GS",
                        "a transaction set starts outside a functional group (no GS)".into(),
                        &seg,
                    ));
                    ic.groups.push(Group {
                        gs: None,
                        sets: Vec::new(),
                        ge: None,
                    });
                    group_open = true;
                }
                if let Some(g) = ic.groups.last_mut() {
                    g.sets.push(TxSet {
                        st: seg,
                        body: Vec::new(),
                        se: None,
                    });
                }
                set_open = true;
            }
            "SE" if set_open => {
                if let Some(s) = ic.groups.last_mut().and_then(|g| g.sets.last_mut()) {
                    s.se = Some(seg);
                }
                set_open = false;
            }
            "GE" if group_open => {
                close_set(&mut ic, &mut set_open, &seg, &mut findings);
                if let Some(g) = ic.groups.last_mut() {
                    g.ge = Some(seg);
                }
                group_open = false;
            }
            "IEA" => {
                close_set(&mut ic, &mut set_open, &seg, &mut findings);
                close_group(&mut ic, &mut group_open, &seg, &mut findings);
                ic.iea = Some(seg);
            }
            _ if set_open => {
                if let Some(s) = ic.groups.last_mut().and_then(|g| g.sets.last_mut()) {
                    s.body.push(seg);
                }
            }
            tag => findings.push(misplaced(
                tag,
                format!(
                    "segment {tag} is outside a transaction set and was ignored: {:?}",
                    seg.raw
                ),
                &seg,
            )),
        }
    }
    let end = last.unwrap_or_else(|| ic.isa.clone());
    if ic.iea.is_none() {
        close_set(&mut ic, &mut set_open, &end, &mut findings);
        close_group(&mut ic, &mut group_open, &end, &mut findings);
        findings.push(missing(
            "IEA",
            "the interchange has no IEA trailer (truncated?)".into(),
            &end,
        ));
    }
    check_counts(&ic, &mut findings);
    findings.sort_by_key(|f| f.location.segment.unwrap_or(u64::MAX));
    (ic, findings)
}

fn close_set(ic: &mut Interchange, open: &mut bool, at: &Segment, f: &mut Vec<Finding>) {
    if *open {
        let st = ic
            .groups
            .last()
            .and_then(|g| g.sets.last())
            .map_or(String::new(), |s| s.st.el(2).to_string());
        f.push(missing(
            "SE",
            format!(
                "transaction set {st:?} has no SE trailer before {}",
                at.tag()
            ),
            at,
        ));
        *open = false;
    }
}

fn close_group(ic: &mut Interchange, open: &mut bool, at: &Segment, f: &mut Vec<Finding>) {
    if *open {
        let gs = ic
            .groups
            .last()
            .and_then(|g| g.gs.as_ref())
            .map_or(String::new(), |s| s.el(6).to_string());
        f.push(missing(
            "GE",
            format!(
                "functional group {gs:?} has no GE trailer before {}",
                at.tag()
            ),
            at,
        ));
        *open = false;
    }
}

fn code_finding(code: &'static str, seg: &Segment, n: usize, message: String) -> Finding {
    Finding::envelope(
        code,
        format!("{}{n:02}", seg.tag()),
        message,
        seg.loc(Some(n)),
    )
}

/// ISA widths and codes.
fn check_isa(isa: &Segment, fixed: bool, f: &mut Vec<Finding>) {
    if !fixed {
        let widths = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];
        let wrong: Vec<String> = widths
            .iter()
            .enumerate()
            .filter(|(i, w)| isa.el(i + 1).chars().count() != **w)
            .map(|(i, w)| {
                format!(
                    "ISA{:02} has {} characters (expected {w})",
                    i + 1,
                    isa.el(i + 1).chars().count()
                )
            })
            .collect();
        f.push(Finding::envelope(
            codes::ISA_WIDTH,
            "ISA",
            format!(
                "the ISA is not 106 fixed-width characters ({}); delimiters were read from ISA16",
                if wrong.is_empty() {
                    "separators misplaced".to_string()
                } else {
                    wrong.join(", ")
                }
            ),
            isa.loc(None),
        ));
    }
    if isa.len() != 16 {
        f.push(code_finding(
            codes::CODE_UNKNOWN,
            isa,
            isa.len(),
            format!("the ISA has {} elements (expected 16)", isa.len()),
        ));
    }
    if isa.el(12) != "00501" {
        f.push(code_finding(
            codes::VERSION,
            isa,
            12,
            format!("ISA12 {:?} is not the 005010 version 00501", isa.el(12)),
        ));
    }
    let isa13 = isa.el(13);
    if isa13.len() != 9 || !isa13.bytes().all(|b| b.is_ascii_digit()) {
        f.push(code_finding(
            codes::CODE_UNKNOWN,
            isa,
            13,
            format!("ISA13 {isa13:?} is not a 9-digit control number"),
        ));
    }
    if !matches!(isa.el(15), "P" | "T") {
        f.push(code_finding(
            codes::CODE_UNKNOWN,
            isa,
            15,
            format!("ISA15 {:?} is not P or T", isa.el(15)),
        ));
    }
}

/// SE01/SE02, GE01/GE02, IEA01/IEA02 and GS/ST codes.
fn check_counts(ic: &Interchange, f: &mut Vec<Finding>) {
    for g in &ic.groups {
        if let Some(gs) = &g.gs {
            let expected = if !g.sets.is_empty() && g.sets.iter().all(|s| s.st.el(1) == "997") {
                "FA"
            } else {
                "PO"
            };
            if gs.el(1) != expected {
                f.push(code_finding(
                    codes::CODE_UNKNOWN,
                    gs,
                    1,
                    format!(
                        "GS01 {:?} is not {expected:?} (functional identifier of an {})",
                        gs.el(1),
                        if expected == "FA" { "997" } else { "850" }
                    ),
                ));
            }
            if !gs.el(8).starts_with("00501") {
                f.push(code_finding(
                    codes::VERSION,
                    gs,
                    8,
                    format!("GS08 {:?} is not version 005010", gs.el(8)),
                ));
            }
        }
        for s in &g.sets {
            if !matches!(s.st.el(1), "850" | "997") {
                f.push(code_finding(
                    codes::MESSAGE_TYPE,
                    &s.st,
                    1,
                    format!("ST01 {:?} is not an 850 (or 997)", s.st.el(1)),
                ));
            }
            if let Some(se) = &s.se {
                f.extend(count_mismatch(se, 1, "segments", s.body.len() + 2));
                f.extend(control_mismatch(se, 2, &s.st, 2));
            }
        }
        if let (Some(ge), Some(gs)) = (&g.ge, &g.gs) {
            f.extend(count_mismatch(ge, 1, "transaction sets", g.sets.len()));
            f.extend(control_mismatch(ge, 2, gs, 6));
        } else if let Some(ge) = &g.ge {
            f.extend(count_mismatch(ge, 1, "transaction sets", g.sets.len()));
        }
    }
    if let Some(iea) = &ic.iea {
        f.extend(count_mismatch(iea, 1, "functional groups", ic.groups.len()));
        f.extend(control_mismatch(iea, 2, &ic.isa, 13));
    }
}
