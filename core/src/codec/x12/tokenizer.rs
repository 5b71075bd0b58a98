//! X12 tokenizer: delimiter detection from the ISA and segment / element / component /
//! repetition splitting, with positions for error reporting.
//!
//! Why hand-written: the EDI crates on crates.io were checked (`edi` 0.4, `x12` 0.1,
//! `x12-types` 0.12). `edi` assumes a well-formed fixed-width ISA and reports no positions;
//! `x12` is an early stub; `x12-types` gives typed bindings for *valid* documents but no
//! tolerant reading. None detects delimiters from a whitespace-collapsed ISA, accepts a
//! newline as terminator, keeps byte offsets and segment ordinals for errors, or enforces
//! our input limits, and every upstream LEX example needs at least one of those. This module
//! has no LEX knowledge (only X12 syntax), so it can later be shared by the EDIFACT codec.

use crate::error::{Error, ErrorKind, Location, Result};
use crate::options::Limits;

/// The four X12 delimiters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delimiters {
    /// Element separator (ISA position 4, usually `*`).
    pub element: char,
    /// Component separator (ISA16, `>` in this project's output).
    pub component: char,
    /// Repetition separator (ISA11 from version 00402 on), when declared.
    pub repetition: Option<char>,
    /// Segment terminator (the character after ISA16, usually `~`).
    pub segment: char,
}

impl Default for Delimiters {
    fn default() -> Self {
        Delimiters {
            element: '*',
            component: '>',
            repetition: Some('^'),
            segment: '~',
        }
    }
}

impl Delimiters {
    /// True when `c` is one of the delimiters.
    pub fn contains(&self, c: char) -> bool {
        c == self.element || c == self.component || c == self.segment || self.repetition == Some(c)
    }
}

/// One segment: its 1-based ordinal in the interchange, its byte offset, and its elements
/// (`elements[0]` is the tag, `elements[n]` is element n).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// 1-based position of the segment in the interchange (ISA is 1).
    pub ordinal: usize,
    /// Byte offset of the segment's first character in the decoded input.
    pub offset: usize,
    /// The segment as written, without terminator.
    pub raw: String,
    /// The tag followed by the elements.
    pub elements: Vec<String>,
}

impl Segment {
    /// The segment tag (`ISA`, `BEG`, ...).
    pub fn tag(&self) -> &str {
        self.elements.first().map_or("", String::as_str)
    }

    /// Element `n` (1-based); `""` when absent.
    pub fn el(&self, n: usize) -> &str {
        self.elements.get(n).map_or("", String::as_str)
    }

    /// Number of data elements (without the tag).
    pub fn len(&self) -> usize {
        self.elements.len().saturating_sub(1)
    }

    /// A location pointing at this segment, optionally at element `n`.
    pub fn loc(&self, element: Option<usize>) -> Location {
        let mut l = Location::segment(self.ordinal, self.tag(), element, None);
        l.offset = Some(self.offset as u64);
        l
    }
}

/// Splits an element into components (`a>b>c`).
#[cfg(test)]
pub fn components(element: &str, d: &Delimiters) -> Vec<String> {
    element.split(d.component).map(str::to_string).collect()
}

/// Splits an element into repetitions when a repetition separator is declared.
pub fn repetitions(element: &str, d: &Delimiters) -> Vec<String> {
    match d.repetition {
        Some(r) => element.split(r).map(str::to_string).collect(),
        None => vec![element.to_string()],
    }
}

/// The result of tokenizing: delimiters, segments, and whether the ISA had to be read with
/// the whitespace-collapsed fallback (not fixed-width), and whether the input was not UTF-8.
#[derive(Clone, Debug)]
pub struct Tokens {
    /// The delimiters declared by the ISA.
    pub delimiters: Delimiters,
    /// Every segment, in order.
    pub segments: Vec<Segment>,
    /// False when the ISA is not exactly 106 fixed-width characters.
    pub isa_fixed_width: bool,
    /// True when the input was decoded as ISO 8859-1 because it is not UTF-8.
    pub latin1: bool,
    /// The ordinal of the last segment when the input ends inside it, without its segment
    /// terminator (a truncated transfer); `None` when every segment is terminated.
    pub unterminated: Option<usize>,
}

/// Tokenizes every interchange of the input (an input may hold several ISA…IEA
/// interchanges back to back, each with its own delimiters).
pub fn tokenize_all(input: &[u8], limits: &Limits) -> Result<Vec<Tokens>> {
    limits.check_input_size(input)?;
    let (text, latin1) = decode(input);
    let Some(mut start) = text.find(|c: char| !c.is_whitespace()) else {
        return Err(Error::new(ErrorKind::EmptyInput, "the input is empty"));
    };
    if !text[start..].starts_with("ISA") {
        return Err(Error::at(
            ErrorKind::Envelope,
            "an X12 interchange starts with an ISA segment",
            Location::at_offset(text.as_bytes(), start),
        ));
    }
    let mut all = Vec::new();
    loop {
        let (tokens, next) = tokenize_at(&text, start, latin1, limits)?;
        all.push(tokens);
        match next {
            Some(n) => start = n,
            None => return Ok(all),
        }
    }
}

/// Separator offsets of a fixed-width ISA (relative to `I`).
const ISA_SEPARATORS: [usize; 16] = [
    3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103,
];

fn envelope_error(msg: impl Into<String>, offset: usize) -> Error {
    let mut loc = Location::segment(1, "ISA", None, None);
    loc.offset = Some(offset as u64);
    Error::at(ErrorKind::Envelope, msg, loc)
}

/// Decodes the input: UTF-8, else ISO 8859-1 (every byte is a character).
fn decode(input: &[u8]) -> (String, bool) {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    match std::str::from_utf8(input) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (input.iter().map(|&b| b as char).collect(), true),
    }
}

/// Reads the delimiters from the ISA starting at byte `start` of `text`.
fn detect(text: &str, start: usize) -> Result<(Delimiters, bool)> {
    let isa = text.get(start..).unwrap_or("");
    let b = isa.as_bytes();
    if b.len() < 4 {
        return Err(envelope_error("the ISA segment is truncated", start));
    }
    let element = b[3] as char;
    if !b[3].is_ascii_graphic() || b[3].is_ascii_alphanumeric() {
        return Err(envelope_error(
            format!("ISA04 separator {element:?} is not a usable element separator"),
            start + 3,
        ));
    }
    let fixed = b.len() >= 106
        && b[104].is_ascii()
        && b[105].is_ascii()
        && ISA_SEPARATORS.iter().all(|&o| b[o] == b[3]);
    let (elements, component, segment) = if fixed {
        let isa_text = isa.get(..106).unwrap_or("");
        let parts: Vec<&str> = isa_text[..104].split(element).collect();
        (
            parts.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            b[104] as char,
            b[105] as char,
        )
    } else {
        // Whitespace-collapsed or mis-sized ISA: find the 16th separator, then ISA16 and the
        // terminator are the next two characters.
        let mut seps = 0;
        let mut at = None;
        for (i, c) in isa.char_indices().take(512) {
            if c == element {
                seps += 1;
                if seps == 16 {
                    at = Some(i);
                    break;
                }
            }
        }
        let Some(at) = at else {
            return Err(envelope_error(
                "the ISA segment is truncated: fewer than 16 elements",
                start,
            ));
        };
        let mut rest = isa[at + 1..].chars();
        let (Some(component), Some(segment)) = (rest.next(), rest.next()) else {
            return Err(envelope_error(
                "the ISA segment is truncated: no ISA16 and terminator",
                start + at,
            ));
        };
        let parts: Vec<String> = isa[..at].split(element).map(str::to_string).collect();
        (parts, component, segment)
    };
    let isa11 = elements.get(11).map_or("", String::as_str);
    let isa12 = elements.get(12).map_or("", String::as_str);
    let repetition = if isa12 >= "00402" && isa11.chars().count() == 1 {
        isa11.chars().next()
    } else {
        None
    };
    let d = Delimiters {
        element,
        component,
        repetition,
        segment,
    };
    let mut all = vec![d.element, d.component, d.segment];
    all.extend(d.repetition);
    let mut uniq = all.clone();
    uniq.sort_unstable();
    uniq.dedup();
    if uniq.len() != all.len() || component.is_ascii_alphanumeric() {
        return Err(envelope_error(
            format!(
                "the ISA declares unusable delimiters (element {:?}, component {:?}, repetition {:?}, terminator {:?})",
                d.element, d.component, d.repetition, d.segment
            ),
            start,
        ));
    }
    Ok((d, fixed))
}

/// Tokenizes the first interchange of the input within `limits` (input size, segment
/// count, element size).
pub fn tokenize(input: &[u8], limits: &Limits) -> Result<Tokens> {
    let mut all = tokenize_all(input, limits)?;
    Ok(all.swap_remove(0))
}

/// Tokenizes the interchange whose ISA starts at byte `start` of `text`; returns it and the
/// offset of the next interchange's ISA when one follows the IEA.
fn tokenize_at(
    text: &str,
    start: usize,
    latin1: bool,
    limits: &Limits,
) -> Result<(Tokens, Option<usize>)> {
    let (delimiters, fixed) = detect(text, start)?;
    let term = delimiters.segment;
    let mut segments = Vec::new();
    let mut next = None;
    let mut unterminated = None;
    let mut pos = start;
    for piece in text[start..].split(term) {
        let piece_start = pos;
        pos += piece.len() + term.len_utf8();
        // `split` yields the text after the last terminator as a final piece: data there
        // was cut before its terminator.
        let at_end = piece_start + piece.len() == text.len();
        // Whitespace after a terminator (`~\n`, `~\r\n`, `~ `) is layout, not data.
        let trimmed = piece.trim_start_matches(['\r', '\n', ' ', '\t']);
        let lead = piece.len() - trimmed.len();
        let body = trimmed.trim_end_matches('\r');
        let body = if term == '\n' || term == '\r' {
            body.trim_end_matches([' ', '\t'])
        } else {
            body
        };
        if body.is_empty() {
            continue;
        }
        let ordinal = segments.len() + 1;
        if ordinal > limits.max_nodes {
            return Err(Error::at(
                ErrorKind::CountLimit,
                format!("more than {} segments", limits.max_nodes),
                Location::segment(ordinal, "", None, None),
            ));
        }
        let elements: Vec<String> = body.split(delimiters.element).map(str::to_string).collect();
        let seg = Segment {
            ordinal,
            offset: piece_start + lead,
            raw: body.to_string(),
            elements,
        };
        if let Some((n, _)) = seg
            .elements
            .iter()
            .enumerate()
            .find(|(_, e)| e.len() > limits.max_string_bytes)
        {
            return Err(Error::at(
                ErrorKind::TokenLimit,
                format!(
                    "element {n} is longer than the limit of {} bytes",
                    limits.max_string_bytes
                ),
                seg.loc(Some(n)),
            ));
        }
        let tag = seg.tag();
        let tag_ok = (2..=3).contains(&tag.len())
            && tag
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !tag_ok {
            let shown: String = tag.chars().take(20).collect();
            return Err(Error::at(
                ErrorKind::Syntax,
                format!("{shown:?} is not a segment tag"),
                seg.loc(None),
            ));
        }
        let is_iea = seg.tag() == "IEA";
        if at_end {
            unterminated = Some(seg.ordinal);
        }
        segments.push(seg);
        if is_iea {
            let rest = text.get(pos.min(text.len())..).unwrap_or("");
            let trimmed = rest.trim_start();
            if trimmed.starts_with("ISA") {
                next = Some(text.len() - trimmed.len());
                break;
            }
        }
    }
    let tokens = Tokens {
        delimiters,
        segments,
        isa_fixed_width: fixed,
        latin1,
        unterminated,
    };
    Ok((tokens, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXED: &str = "ISA*00*          *00*          *ZZ*DEALER001      *ZZ*MFRABC         *260328*1430*^*00501*000000001*0*P*>~\nGS*PO*A*B~\r\nST*850*0001~";

    #[test]
    fn fixed_width_isa() {
        let t = tokenize(FIXED.as_bytes(), &Limits::default()).unwrap();
        assert!(t.isa_fixed_width);
        assert_eq!(t.delimiters, Delimiters::default());
        assert_eq!(t.segments.len(), 3);
        assert_eq!(t.segments[1].tag(), "GS");
        assert_eq!(t.segments[1].offset, 107);
        assert_eq!(t.segments[2].el(2), "0001");
        assert_eq!(t.segments[0].el(6), "DEALER001      ");
    }

    #[test]
    fn collapsed_isa_and_newline_terminator() {
        let s =
            "ISA*00* *00* *01*DEALER *01*MFR*260323*143000*^*00001*000000001*0*P*:\nGS*ALX*X\r\n";
        let t = tokenize(s.as_bytes(), &Limits::default()).unwrap();
        assert!(!t.isa_fixed_width);
        assert_eq!(t.delimiters.component, ':');
        assert_eq!(t.delimiters.segment, '\n');
        assert_eq!(t.delimiters.repetition, None);
        assert_eq!(t.segments[1].el(2), "X");
    }

    #[test]
    fn splitting_helpers() {
        let d = Delimiters::default();
        assert_eq!(components("a>b", &d), ["a", "b"]);
        assert_eq!(repetitions("a^b^c", &d), ["a", "b", "c"]);
    }

    #[test]
    fn limits_and_bad_input() {
        let lim = Limits {
            max_nodes: 2,
            ..Limits::default()
        };
        let e = tokenize(FIXED.as_bytes(), &lim).unwrap_err();
        assert_eq!(
            (e.code(), e.location.segment),
            ("COUNT_LIMIT_EXCEEDED", Some(3))
        );
        let lim = Limits {
            max_input_bytes: 10,
            ..Limits::default()
        };
        assert_eq!(
            tokenize(FIXED.as_bytes(), &lim).unwrap_err().code(),
            "SIZE_LIMIT_EXCEEDED"
        );
        let lim = Limits {
            max_string_bytes: 12,
            ..Limits::default()
        };
        let e = tokenize(FIXED.as_bytes(), &lim).unwrap_err();
        assert_eq!((e.location.segment, e.location.element), (Some(1), Some(6)));
        assert_eq!(
            tokenize(b"ISA*00*", &Limits::default()).unwrap_err().code(),
            "ENVELOPE_ERROR"
        );
        assert_eq!(
            tokenize(b"  ", &Limits::default()).unwrap_err().code(),
            "EMPTY_INPUT"
        );
        let e = tokenize(
            b"ISA*1*2*3*4*5*6*7*8*9*10*11*12*13*14*15*>~G$*1~",
            &Limits::default(),
        )
        .unwrap_err();
        assert_eq!((e.code(), e.location.segment), ("SYNTAX_ERROR", Some(2)));
    }
}
