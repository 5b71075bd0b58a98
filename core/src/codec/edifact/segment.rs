//! One decoded EDIFACT segment, flat: the decoded text of the segment as received and of
//! its components in one buffer, with component spans, so reading allocates per segment and
//! not per component.

use super::charset::{self, Charset, Decoding};
use super::tokenizer::{Delimiters, RawSegment};
use crate::error::Location;

/// One decoded segment: the decoded text of the segment as received, then of every
/// component, in one buffer with spans (no allocation per component).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// 1-based ordinal in the input (UNA not counted).
    pub ordinal: usize,
    /// The tag.
    pub tag: String,
    /// The raw text (`..raw_len`) followed by the components' text.
    text: String,
    /// Length of the raw text at the start of `text`.
    raw_len: usize,
    /// Component spans into `text`, element after element (the tag is not an element).
    comps: Vec<(usize, usize)>,
    /// Index into `comps` of each element's first component.
    elems: Vec<usize>,
}

impl Segment {
    /// Component `c` of element `e` (both 1-based); `""` when absent.
    pub fn comp(&self, e: usize, c: usize) -> &str {
        let Some(range) = e.checked_sub(1).and_then(|e| self.element_range(e)) else {
            return "";
        };
        c.checked_sub(1)
            .filter(|c| *c < range.len())
            .map_or("", |c| self.span(range.start + c))
    }

    /// All components of element `e` (1-based); empty when absent.
    pub fn element(&self, e: usize) -> impl Iterator<Item = &str> + '_ {
        let range = e
            .checked_sub(1)
            .and_then(|e| self.element_range(e))
            .unwrap_or(0..0);
        range.map(|k| self.span(k))
    }

    /// The components of element `e` (1-based) joined by `sep`.
    pub fn element_joined(&self, e: usize, sep: &str) -> String {
        let mut out = String::new();
        for (i, c) in self.element(e).enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(c);
        }
        out
    }

    /// The number of elements (the tag not counted).
    pub fn element_count(&self) -> usize {
        self.elems.len()
    }

    /// Every component as (element index, component index, text), both 0-based.
    pub fn components(&self) -> impl Iterator<Item = (usize, usize, &str)> + '_ {
        (0..self.elems.len()).flat_map(move |e| {
            let range = self.element_range(e).unwrap_or(0..0);
            let first = range.start;
            range.map(move |k| (e, k - first, self.span(k)))
        })
    }

    /// The segment as received (decoded), without its terminator.
    pub fn raw(&self) -> &str {
        self.text.get(..self.raw_len).unwrap_or_default()
    }

    /// The location of this segment (optionally an element and component).
    pub fn loc(&self, e: Option<usize>, c: Option<usize>) -> Location {
        Location::segment(self.ordinal, &self.tag, e, c)
    }

    fn element_range(&self, e: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.elems.get(e)?;
        let end = self.elems.get(e + 1).copied().unwrap_or(self.comps.len());
        Some(start..end)
    }

    fn span(&self, k: usize) -> &str {
        self.comps
            .get(k)
            .and_then(|&(a, b)| self.text.get(a..b))
            .unwrap_or_default()
    }
}

/// Decodes a tokenized segment by the character set in force.
pub fn decode_segment(
    input: &[u8],
    r: RawSegment,
    cs: Option<Charset>,
    how: Decoding,
    d: &Delimiters,
    scratch: &mut Vec<u8>,
) -> Segment {
    let mut raw_bytes = &input[r.start..r.end.min(input.len())];
    if let Some(stripped) = raw_bytes.strip_suffix(&[d.terminator]) {
        raw_bytes = stripped;
    }
    let mut text = String::with_capacity(raw_bytes.len());
    charset::decode_into(raw_bytes, cs, how, &mut text);
    let raw_len = text.len();
    // Element 0 is the tag's: its components are not elements of the segment.
    let skip = r.elems.get(1).copied().unwrap_or(r.comps.len());
    let mut r = r;
    if !r.released && text.as_bytes() == raw_bytes {
        // Decoding kept every byte (UTF-8 or plain ASCII) and nothing is released: each
        // component is a slice of the raw text (separators are ASCII, so the cuts fall on
        // character boundaries), and decoding it alone would give the same text.
        let start = r.start;
        for k in skip..r.comps.len() {
            let Some(&(a, b)) = r.comps.get(k) else {
                break;
            };
            if let Some(slot) = r.comps.get_mut(k - skip) {
                *slot = (a.saturating_sub(start), b.saturating_sub(start));
            }
        }
    } else {
        decode_components(input, &mut r, skip, cs, how, d, scratch, &mut text);
    }
    let mut comps = r.comps;
    let mut elems = r.elems;
    comps.truncate(comps.len() - skip);
    if !elems.is_empty() {
        elems.remove(0);
    }
    for e in &mut elems {
        *e -= skip;
    }
    Segment {
        ordinal: r.ordinal,
        tag: r.tag,
        text,
        raw_len,
        comps,
        elems,
    }
}

/// Decodes components `skip..` of `r` one by one onto `text`, turning their spans into spans
/// of `text` (stored at `k - skip`).
#[allow(clippy::too_many_arguments)]
fn decode_components(
    input: &[u8],
    r: &mut RawSegment,
    skip: usize,
    cs: Option<Charset>,
    how: Decoding,
    d: &Delimiters,
    scratch: &mut Vec<u8>,
    text: &mut String,
) {
    for k in skip..r.comps.len() {
        let a = text.len();
        match r.plain(input, k) {
            Some(bytes) => {
                charset::decode_into(bytes, cs, how, text);
            }
            None => {
                scratch.clear();
                r.component(input, k, d.release, scratch);
                charset::decode_into(scratch, cs, how, text);
            }
        }
        if let Some(slot) = r.comps.get_mut(k - skip) {
            *slot = (a, text.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::edifact::findings::Findings;
    use crate::options::{Limits, ReadMode};

    fn decode(input: &[u8], cs: Charset) -> Vec<Segment> {
        let d = Delimiters::default();
        let mut f = Findings::new(ReadMode::Tolerant);
        let raw =
            crate::codec::edifact::tokenizer::tokenize(input, 0, &d, &Limits::default(), &mut f)
                .unwrap();
        let mut scratch = Vec::new();
        raw.into_iter()
            .map(|r| decode_segment(input, r, Some(cs), Decoding::Declared, &d, &mut scratch))
            .collect()
    }

    #[test]
    fn slices_and_decoded_components_agree() {
        // Plain UTF-8 (components sliced from the raw text), released, and Latin-1 (decoded).
        let utf8 = decode("NAD+BY+Müller:Ötzi++é'FTX+A?+B:C'".as_bytes(), Charset::W);
        let latin1 = decode(b"NAD+BY+M\xfcller:\xd6tzi++\xe9'FTX+A?+B:C'", Charset::C);
        for segs in [&utf8, &latin1] {
            let nad = &segs[0];
            assert_eq!(nad.tag, "NAD");
            assert_eq!(nad.raw(), "NAD+BY+Müller:Ötzi++é");
            assert_eq!(nad.element_count(), 4);
            assert_eq!(nad.comp(1, 1), "BY");
            assert_eq!(nad.comp(2, 1), "Müller");
            assert_eq!(nad.comp(2, 2), "Ötzi");
            assert_eq!(nad.comp(2, 3), "");
            assert_eq!(nad.comp(3, 1), "");
            assert_eq!(nad.comp(4, 1), "é");
            assert_eq!(nad.comp(0, 1), "");
            assert_eq!(nad.comp(5, 1), "");
            assert_eq!(nad.element_joined(2, " "), "Müller Ötzi");
            let all: Vec<_> = nad.components().collect();
            assert_eq!(
                all,
                vec![
                    (0, 0, "BY"),
                    (1, 0, "Müller"),
                    (1, 1, "Ötzi"),
                    (2, 0, ""),
                    (3, 0, "é")
                ]
            );
            let ftx = &segs[1];
            assert_eq!(ftx.raw(), "FTX+A?+B:C");
            assert_eq!(ftx.element(1).collect::<Vec<_>>(), vec!["A+B", "C"]);
            assert_eq!(ftx.loc(Some(1), Some(2)).segment_id.as_deref(), Some("FTX"));
        }
    }
}
