//! The X12 partner profile: envelope ids, delimiters, control numbers, layout.

use crate::error::{Error, Result};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use time::OffsetDateTime;

/// Where interchange (ISA13) and group (GS06) control numbers come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ControlNumbers {
    /// Fixed numbers: reproducible output (tests, or numbers the caller persisted itself).
    Fixed {
        /// ISA13 / IEA02 (1..=999,999,999).
        interchange: u32,
        /// GS06 / GE02 (1..=999,999,999).
        group: u32,
    },
    /// A shared counter: each interchange written takes the next number for both ISA13 and
    /// GS06, so numbers are never reused while the counter lives. Persisting the last value
    /// across processes is the caller's job (read [`Counter::last`], start a new counter there).
    Counter(Counter),
}

impl Default for ControlNumbers {
    fn default() -> Self {
        ControlNumbers::Fixed {
            interchange: 1,
            group: 1,
        }
    }
}

/// A thread-safe control-number counter (clones share the same count).
#[derive(Clone, Debug, Default)]
pub struct Counter(Arc<AtomicU32>);

impl Counter {
    /// A counter whose next number is `last + 1`.
    pub fn starting_after(last: u32) -> Counter {
        Counter(Arc::new(AtomicU32::new(last)))
    }

    /// Takes the next number (wrapping from 999,999,999 back to 1).
    pub fn next(&self) -> u32 {
        let prev = self
            .0
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| {
                Some(if v >= 999_999_999 { 1 } else { v + 1 })
            })
            .unwrap_or(0);
        if prev >= 999_999_999 { 1 } else { prev + 1 }
    }

    /// The last number taken (0 before the first).
    pub fn last(&self) -> u32 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Two counters are equal when they are the same shared counter.
impl PartialEq for Counter {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Counter {}

/// What follows each segment terminator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineEnding {
    /// A line feed when writing pretty output, nothing when compact (the default).
    #[default]
    FollowPretty,
    /// Nothing: one long line (some partners require it).
    None,
    /// `\n` after every terminator.
    Lf,
    /// `\r\n` after every terminator.
    CrLf,
}

pub use crate::codec::edi::PayloadEncoding;

/// The partner profile for writing X12 (and for the 997 this side sends back).
///
/// Every field has a default, so `Profile::default()` writes a valid interchange: ISA ids
/// taken from the first message's `senderId`/`receiverId` (upper-cased, truncated to 15),
/// qualifiers `ZZ`, usage `P`, delimiters `* > ^ ~`, control numbers 1, the clock taken from
/// the first message's `header.timestamp` (so output is reproducible).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// ISA05 sender id qualifier. Default `ZZ` (mutually defined).
    pub sender_qualifier: String,
    /// ISA06 sender id (≤ 15). Default: derived from the first message's `senderId`, else
    /// the placeholder `LEX` with a warning ([`crate::codec::PLACEHOLDER_ID`]).
    pub sender_id: Option<String>,
    /// ISA07 receiver id qualifier. Default `ZZ`.
    pub receiver_qualifier: String,
    /// ISA08 receiver id (≤ 15). Default: derived from the first message's `receiverId`,
    /// else the placeholder `LEX` with a warning.
    pub receiver_id: Option<String>,
    /// GS02 application sender code (2–15). Default: the trimmed ISA06.
    pub application_sender: Option<String>,
    /// GS03 application receiver code (2–15). Default: the trimmed ISA08.
    pub application_receiver: Option<String>,
    /// ISA15 usage indicator: `P` production (default) or `T` test.
    pub usage_indicator: char,
    /// ISA14: ask for a TA1 interchange acknowledgment. Default false.
    pub ack_requested: bool,
    /// Control-number source.
    pub control_numbers: ControlNumbers,
    /// First ST02 in the group (then +1 per transaction set). Default 1, written as `0001`.
    pub first_set_control_number: u32,
    /// Element separator. Default `*`.
    pub element_separator: char,
    /// Component separator (ISA16). Default `>`. Never `:` (the JSON payload contains it).
    pub component_separator: char,
    /// Repetition separator (ISA11). Default `^`.
    pub repetition_separator: char,
    /// Segment terminator. Default `~`.
    pub segment_terminator: char,
    /// What follows each terminator.
    pub line_ending: LineEnding,
    /// Characters of payload text per `MTX` segment (1..=4096). Default 264.
    pub chunk_size: usize,
    /// Payload block encoding. Default `J`.
    pub encoding: PayloadEncoding,
    /// The envelope clock (ISA09/10, GS04/05). Default: the first message's timestamp,
    /// else the system clock.
    pub now: Option<OffsetDateTime>,
    /// Fail (`UNREPRESENTABLE`) instead of truncating when a LEX id does not fit ISA06/08.
    pub strict_ids: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            sender_qualifier: "ZZ".into(),
            sender_id: None,
            receiver_qualifier: "ZZ".into(),
            receiver_id: None,
            application_sender: None,
            application_receiver: None,
            usage_indicator: 'P',
            ack_requested: false,
            control_numbers: ControlNumbers::default(),
            first_set_control_number: 1,
            element_separator: '*',
            component_separator: '>',
            repetition_separator: '^',
            segment_terminator: '~',
            line_ending: LineEnding::default(),
            chunk_size: 264,
            encoding: PayloadEncoding::default(),
            now: None,
            strict_ids: false,
        }
    }
}

impl Profile {
    /// Checks the profile: delimiters distinct, printable ASCII, and safe for the JSON
    /// payload (no JSON structural character, quote, backslash, letter, digit, sign, dot or
    /// space); ids and codes within their X12 sizes.
    pub fn check(&self) -> Result<()> {
        let delims = [
            self.element_separator,
            self.component_separator,
            self.repetition_separator,
            self.segment_terminator,
        ];
        for c in delims {
            let bad =
                !c.is_ascii_graphic() || c.is_ascii_alphanumeric() || "{}[]:,\"\\+-.;".contains(c);
            if bad {
                return Err(Error::invalid_argument(format!(
                    "{c:?} cannot be an X12 delimiter here (it can occur in the JSON payload)"
                )));
            }
        }
        let mut sorted = delims;
        sorted.sort_unstable();
        if sorted.windows(2).any(|w| w[0] == w[1]) {
            return Err(Error::invalid_argument(
                "the four X12 delimiters must differ",
            ));
        }
        if !matches!(self.usage_indicator, 'P' | 'T') {
            return Err(Error::invalid_argument("ISA15 usage indicator is P or T"));
        }
        if !(1..=4096).contains(&self.chunk_size) {
            return Err(Error::invalid_argument("chunk_size must be 1..=4096"));
        }
        for (name, q) in [
            ("sender_qualifier", &self.sender_qualifier),
            ("receiver_qualifier", &self.receiver_qualifier),
        ] {
            if q.len() != 2 || !q.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(Error::invalid_argument(format!(
                    "{name} must be 2 letters or digits"
                )));
            }
        }
        for (name, id) in [
            ("sender_id", &self.sender_id),
            ("receiver_id", &self.receiver_id),
        ] {
            if let Some(id) = id {
                if id.is_empty() || id.len() > 15 || !id.chars().all(|c| is_id_char(c, self)) {
                    return Err(Error::invalid_argument(format!(
                        "{name} must be 1-15 characters without delimiters"
                    )));
                }
            }
        }
        for (name, id) in [
            ("application_sender", &self.application_sender),
            ("application_receiver", &self.application_receiver),
        ] {
            if let Some(id) = id {
                if !(2..=15).contains(&id.len()) || !id.chars().all(|c| is_id_char(c, self)) {
                    return Err(Error::invalid_argument(format!(
                        "{name} must be 2-15 characters without delimiters"
                    )));
                }
            }
        }
        Ok(())
    }
}

fn is_id_char(c: char, p: &Profile) -> bool {
    (c.is_ascii_graphic() || c == ' ')
        && c != p.element_separator
        && c != p.component_separator
        && c != p.repetition_separator
        && c != p.segment_terminator
}
