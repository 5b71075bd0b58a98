//! The EDIFACT tokenizer: bytes → segments → elements → components, with the release
//! character, the UNA service string advice and byte positions for every segment.
//!
//! Why hand-written: crates.io has EDIFACT crates (`edifact-rs` 0.18, `edifact-parser`),
//! but this reader needs project policy at the lowest level — a malformed UNA falls back to
//! the defaults with a warning instead of failing, whitespace after terminators (the
//! founding-document copy) is skipped, dangling or needless release characters are
//! findings rather than hard errors, the bytes are split *before* they are decoded (the
//! character set is only known once UNB has been read, and ISO 8859 input is not UTF-8),
//! every segment keeps its ordinal and byte offset for `Location::segment`, and the
//! configured [`Limits`] bound every allocation. The whole tokenizer is one small loop; a
//! pre-1.0 dependency would still need all of that wrapped around it.

use super::findings::{Findings, codes};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::options::Limits;

/// The six service characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delimiters {
    /// Component data element separator (default `:`).
    pub component: u8,
    /// Data element separator (default `+`).
    pub element: u8,
    /// Decimal mark (default `.`).
    pub decimal: u8,
    /// Release character (default `?`).
    pub release: u8,
    /// Repetition separator (syntax 4, default `*`); a space means none (syntax 3).
    pub repetition: u8,
    /// Segment terminator (default `'`).
    pub terminator: u8,
}

impl Default for Delimiters {
    fn default() -> Self {
        Delimiters {
            component: b':',
            element: b'+',
            decimal: b'.',
            release: b'?',
            repetition: b' ',
            terminator: b'\'',
        }
    }
}

impl Delimiters {
    /// The defaults of syntax version 4 (repetition separator `*`).
    pub fn syntax4() -> Delimiters {
        Delimiters {
            repetition: b'*',
            ..Delimiters::default()
        }
    }

    /// The UNA segment that declares these delimiters (`UNA:+.? '`).
    pub fn una(&self) -> String {
        [
            self.component,
            self.element,
            self.decimal,
            self.release,
            self.repetition,
            self.terminator,
        ]
        .iter()
        .fold(String::from("UNA"), |mut s, &b| {
            s.push(b as char);
            s
        })
    }

    /// True when `b` must be released inside data.
    pub fn is_service(&self, b: u8) -> bool {
        b == self.component
            || b == self.element
            || b == self.release
            || b == self.terminator
            || (self.repetition != b' ' && b == self.repetition)
    }

    /// Escapes a data value with the release character.
    #[cfg(test)]
    pub fn escape(&self, value: &str) -> String {
        let mut out = String::with_capacity(value.len());
        self.escape_into(&mut out, value);
        out
    }

    /// [`Delimiters::escape`], appending to `out`.
    pub fn escape_into(&self, out: &mut String, value: &str) {
        let mut run = 0;
        // Service characters are ASCII: a byte that matches is a whole character.
        for (i, b) in value.bytes().enumerate() {
            if b.is_ascii() && self.is_service(b) {
                out.push_str(&value[run..i]);
                out.push(self.release as char);
                run = i;
            }
        }
        out.push_str(&value[run..]);
    }
}

/// One segment as spans of the input: component `k` is `input[comps[k].0..comps[k].1]`, still
/// holding its release characters when `released` is set (see [`RawSegment::component`]).
/// Element `e` (0 is the tag's element) owns `comps[elems[e]..elems[e + 1]]` (the last one runs
/// to the end). Spans instead of owned bytes keep tokenizing free of per-component allocations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawSegment {
    /// 1-based ordinal in the input (UNA is not counted).
    pub ordinal: usize,
    /// Byte offset of the tag.
    pub start: usize,
    /// Byte offset just after the terminator (or the end of input).
    pub end: usize,
    /// The tag (`UNB`, `NAD`, ...).
    pub tag: String,
    /// Component spans (start, end) into the input, tag element included.
    pub comps: Vec<(usize, usize)>,
    /// Index into `comps` of each element's first component, tag element included.
    pub elems: Vec<usize>,
    /// True when some component holds a release character.
    pub released: bool,
}

impl RawSegment {
    /// Component `k` (0-based over `comps`) with its release characters removed, appended to
    /// `out` (`release` is the release character in force).
    pub fn component(&self, input: &[u8], k: usize, release: u8, out: &mut Vec<u8>) {
        let Some(&(a, b)) = self.comps.get(k) else {
            return;
        };
        let span = input.get(a..b).unwrap_or_default();
        if self.released {
            unescape(span, release, out);
        } else {
            out.extend_from_slice(span);
        }
    }

    /// The bytes of component `k` when they need no unescaping.
    pub fn plain<'a>(&self, input: &'a [u8], k: usize) -> Option<&'a [u8]> {
        if self.released {
            return None;
        }
        let &(a, b) = self.comps.get(k)?;
        input.get(a..b)
    }
}

/// Appends `span` to `out` without its release characters (a release character ending the
/// span was ignored by the tokenizer, so it is dropped here too).
fn unescape(span: &[u8], release: u8, out: &mut Vec<u8>) {
    let mut rest = span;
    // Copy whole runs between release characters (payload text is full of them).
    while let Some(p) = rest.iter().position(|&b| b == release) {
        out.extend_from_slice(&rest[..p]);
        if let Some(&next) = rest.get(p + 1) {
            out.push(next);
        }
        rest = rest.get(p + 2..).unwrap_or_default();
    }
    out.extend_from_slice(rest);
}

/// Reads the delimiters: the UNA when present and valid, else the defaults. Returns them
/// with the offset where the first real segment starts.
pub fn read_una(
    input: &[u8],
    start: usize,
    findings: &mut Findings,
) -> Result<(Delimiters, usize)> {
    let s = &input[start..];
    if !s.starts_with(b"UNA") {
        return Ok((Delimiters::default(), start));
    }
    let loc = Location {
        segment_id: Some("UNA".into()),
        ..Location::at_offset(input, start)
    };
    let problem = match s.get(3..9) {
        None => Some("the UNA segment is shorter than 9 characters".to_string()),
        Some(chars) => check_una(chars, &s[9..]),
    };
    let Some(problem) = problem else {
        let c = &s[3..9];
        let d = Delimiters {
            component: c[0],
            element: c[1],
            decimal: c[2],
            release: c[3],
            repetition: c[4],
            terminator: c[5],
        };
        return Ok((d, start + 9));
    };
    // Fall back to the defaults; the UNA text runs up to the UNB tag.
    let next = find(s, b"UNB", 3).map_or(input.len().min(start + 9), |p| start + p);
    findings.syntax(
        ErrorKind::Envelope,
        codes::UNA_INVALID,
        Some(20),
        format!("{problem}; the default service characters :+.? ' were used"),
        loc,
    )?;
    Ok((Delimiters::default(), next))
}

fn check_una(c: &[u8], rest: &[u8]) -> Option<String> {
    for (i, &b) in c.iter().enumerate() {
        if b.is_ascii_alphanumeric() || (b == b' ' && i != 4) || b >= 0x80 {
            return Some(format!(
                "UNA position {} ({:?}) cannot be a service character",
                i + 4,
                b as char
            ));
        }
    }
    let mut used: Vec<u8> = c.to_vec();
    used.remove(4);
    used.remove(2);
    let mut sorted = used.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != used.len() {
        return Some("the UNA declares the same service character twice".into());
    }
    let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
    let after = &rest[start..];
    if !(after.starts_with(b"UNB") && after.get(3) == Some(&c[1])) {
        return Some(format!(
            "the UNA declares {:?} as element separator and {:?} as terminator, which the UNB that follows does not use",
            c[1] as char, c[5] as char
        ));
    }
    None
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Splits `input[start..]` into segments.
pub fn tokenize(
    input: &[u8],
    start: usize,
    d: &Delimiters,
    limits: &Limits,
    findings: &mut Findings,
) -> Result<Vec<RawSegment>> {
    let mut segments = Vec::new();
    let mut i = start;
    let n = input.len();
    let mut nodes = 0usize;
    loop {
        while i < n && (input[i].is_ascii_whitespace() && input[i] != d.terminator) {
            i += 1;
        }
        if i >= n {
            break;
        }
        let ordinal = segments.len() + 1;
        if ordinal > limits.max_nodes {
            return Err(Error::at(
                ErrorKind::CountLimit,
                format!("more than {} segments", limits.max_nodes),
                Location::at_offset(input, i),
            ));
        }
        let seg_start = i;
        let mut comps: Vec<(usize, usize)> = Vec::new();
        let mut elems: Vec<usize> = vec![0];
        let mut comp_start = i;
        let mut released = false;
        let mut element_len = 0usize;
        let mut terminated = false;
        let mut content_end = n;
        while i < n {
            let b = input[i];
            if b == d.release {
                released = true;
                let Some(&next) = input.get(i + 1) else {
                    findings.syntax(
                        ErrorKind::Syntax,
                        codes::SYNTAX,
                        Some(22),
                        "a release character ends the input; it was ignored",
                        Location::at_offset(input, i),
                    )?;
                    i += 1;
                    break;
                };
                // `?*` is accepted without UNA too: syntax 4 releases its repetition separator.
                if !d.is_service(next) && next != b'*' {
                    findings.syntax(
                        ErrorKind::Syntax,
                        codes::SYNTAX,
                        Some(22),
                        format!(
                            "a release character precedes {:?}, which is not a service character; the character was kept",
                            next as char
                        ),
                        Location::at_offset(input, i),
                    )?;
                }
                element_len += 1;
                i += 2;
            } else if b == d.terminator {
                content_end = i;
                i += 1;
                terminated = true;
                break;
            } else if b == d.element {
                comps.push((comp_start, i));
                elems.push(comps.len());
                element_len = 0;
                nodes += 1;
                i += 1;
                comp_start = i;
            } else if b == d.component {
                comps.push((comp_start, i));
                nodes += 1;
                i += 1;
                comp_start = i;
            } else {
                // Skip the run of ordinary bytes up to the next service character at once.
                let run = input[i..]
                    .iter()
                    .position(|&x| {
                        x == d.release || x == d.terminator || x == d.element || x == d.component
                    })
                    .map_or(n, |p| i + p);
                element_len += run - i;
                i = run;
            }
            if element_len > limits.max_string_bytes {
                return Err(Error::at(
                    ErrorKind::TokenLimit,
                    format!(
                        "an element is longer than {} bytes",
                        limits.max_string_bytes
                    ),
                    Location::at_offset(input, i),
                ));
            }
            if nodes > limits.max_nodes {
                return Err(Error::at(
                    ErrorKind::CountLimit,
                    format!("more than {} elements", limits.max_nodes),
                    Location::at_offset(input, i),
                ));
            }
        }
        if !terminated {
            content_end = i.min(n);
        }
        comps.push((comp_start.min(content_end), content_end));
        let mut seg = RawSegment {
            ordinal,
            start: seg_start,
            end: i,
            tag: String::new(),
            comps,
            elems,
            released,
        };
        let mut released_tag = Vec::new();
        let tag_bytes = match seg.plain(input, 0) {
            Some(b) => b,
            None => {
                seg.component(input, 0, d.release, &mut released_tag);
                &released_tag[..]
            }
        };
        let tag = String::from_utf8_lossy(tag_bytes).into_owned();
        let loc = Location {
            offset: Some(seg_start as u64),
            ..Location::segment(ordinal, &tag, None, None)
        };
        if !terminated {
            findings.syntax(
                ErrorKind::Syntax,
                codes::SYNTAX,
                Some(18),
                "the last segment has no segment terminator",
                loc.clone(),
            )?;
        }
        if tag.len() != 3 || !tag_bytes.iter().all(u8::is_ascii_alphanumeric) {
            return Err(Error::at(
                ErrorKind::Syntax,
                format!("{tag:?} is not a segment tag (three letters or digits)"),
                loc,
            ));
        }
        seg.tag = tag;
        segments.push(seg);
    }
    Ok(segments)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::ReadMode;

    fn tok(s: &str) -> Vec<RawSegment> {
        let mut f = Findings::new(ReadMode::Strict);
        tokenize(
            s.as_bytes(),
            0,
            &Delimiters::default(),
            &Limits::default(),
            &mut f,
        )
        .unwrap()
    }

    /// `[e][c]` view of a raw segment (tag element excluded), unescaped.
    fn elements(input: &str, seg: &RawSegment) -> Vec<Vec<Vec<u8>>> {
        let mut out = Vec::new();
        for e in 1..seg.elems.len() {
            let end = seg.elems.get(e + 1).copied().unwrap_or(seg.comps.len());
            out.push(
                (seg.elems[e]..end)
                    .map(|k| {
                        let mut b = Vec::new();
                        seg.component(input.as_bytes(), k, b'?', &mut b);
                        b
                    })
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn splits_with_release_characters() {
        let s = "FTX+A?+B:C??+D?:E?'+'\r\nCOM+?+1:TE'";
        let segs = tok(s);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].tag, "FTX");
        let e0 = elements(s, &segs[0]);
        assert_eq!(e0[0], vec![b"A+B".to_vec(), b"C?".to_vec()]);
        assert_eq!(e0[1], vec![b"D:E'".to_vec()]);
        assert_eq!(e0[2], vec![Vec::<u8>::new()]);
        assert_eq!(e0.len(), 3);
        assert_eq!(segs[1].ordinal, 2);
        assert_eq!(segs[1].tag, "COM");
        assert_eq!(elements(s, &segs[1])[0][0], b"+1".to_vec());
    }

    #[test]
    fn release_at_end_of_input_is_dropped() {
        let s = "FTX+AB?";
        let mut f = Findings::new(ReadMode::Tolerant);
        let segs = tokenize(
            s.as_bytes(),
            0,
            &Delimiters::default(),
            &Limits::default(),
            &mut f,
        )
        .unwrap();
        assert_eq!(elements(s, &segs[0]), vec![vec![b"AB".to_vec()]]);
        assert!(segs[0].released);
        assert_eq!(segs[0].plain(s.as_bytes(), 1), None);
    }

    #[test]
    fn escape_round_trips() {
        let d = Delimiters::syntax4();
        assert_eq!(d.escape("a+b:c'd?e*f"), "a?+b?:c?'d??e?*f");
        assert_eq!(Delimiters::default().una(), "UNA:+.? '");
    }
}
