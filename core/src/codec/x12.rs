//! ANSI X12 850 (005010) codec: two layers per transaction set (decision D24).
//!
//! Every transaction set carries two layers: a readable core view on standard 850 segments
//! ([`core_view`]) and the authoritative payload block ([`payload_block`]) with the complete
//! JSON-EDI message, its length and SHA-256. The reader uses the payload block when present
//! (cross-checking the core view) and maps foreign EDI best-effort ([`foreign`]). Envelope
//! counts and control numbers are computed on write ([`writer`]) and checked on read
//! ([`envelope`]); [`ack997`] generates and reads 997 functional acknowledgments.
//!
//! # Choices
//!
//! The core view is sanitised for X12: delimiters and control characters become spaces,
//! diacritics are stripped and values are cut to the element maximum. Each LEX value sits in
//! `REF*ZZ*<value>*LEX-<LABEL>` or a standard segment (BEG, DTM, N1/N3/N4/PER, PO1/PID, CTT).
//! The payload block follows `N9*ZZ*LEX-PAYLOAD` in `MTX` segments, headed by
//! `LXP1;J;<length>;<sha256>` (decision D25). Non-ASCII characters and the interchange's
//! delimiters are written as `\uXXXX` inside the JSON, and a space that would start or end a
//! chunk as `\u0020`, so translators that trim elements cannot change it. `B32` (base32) is
//! available for partners limited to the basic character set.
//!
//! - **Envelope**: one ISA/GS per interchange, one ST/SE per message; ISA exactly 106
//!   characters; SE01, CTT01, GE01 and IEA01 computed (decision D27). The partner profile
//!   (`x12::Profile`) holds ISA/GS ids and qualifiers, usage indicator, control-number source
//!   (`Fixed` for reproducible output or a shared `Counter`), delimiters, line endings, chunk
//!   size and the clock. Defaults: ids derived from the first message's `senderId` /
//!   `receiverId` (upper case, 15 characters; `strict_ids` refuses instead), clock = the first
//!   message's `header.timestamp`, control numbers 1, so the default output is reproducible.
//!   The profile refuses delimiters that JSON uses outside strings (`:` as ISA16 in particular).
//! - **Reader**: delimiters from the fixed ISA positions, else from the 16th element separator
//!   (whitespace-collapsed copies, `X12_ISA_WIDTH`); any terminator, whitespace after it
//!   ignored; ISA11 is the repetition separator only from 00402 on. Several interchanges back
//!   to back (each with its own delimiters) are all read; segment numbers restart in each.
//!   Findings have stable codes (`X12_ISA_WIDTH`, `EDI_COUNT_MISMATCH`,
//!   `EDI_REFERENCE_MISMATCH`, `EDI_SEGMENT_MISSING`, `EDI_SEGMENT_POSITION`,
//!   `EDI_SYNTAX_IDENTIFIER`, `EDI_VALUE_INVALID`, `EDI_MESSAGE_TYPE`, `EDI_CHARSET`,
//!   `EDI_TYPE_INFERRED`, `PAYLOAD_MISSING`, `PAYLOAD_INVALID`, `VIEW_MISMATCH`,
//!   `EDI_HEURISTIC_MAPPING`, `EDI_SYNTHESIZED_VALUE`, `EDI_UNMAPPED_SEGMENTS`) and a segment
//!   location; tolerant mode puts them on the message as warnings, strict mode fails with
//!   every reason (`ENVELOPE_ERROR`, or `PAYLOAD_INTEGRITY` for a broken payload block).
//! - **Foreign EDI** (no payload block) is mapped best-effort (decision D28): the synthesised
//!   `messageId` is a UUID v5 over `x12|ISA06|ISA08|ISA13|GS06|ST02`, so re-reading gives the
//!   same id; a broken payload block falls back to the same mapping in tolerant mode. Segments
//!   not fully mapped are kept verbatim (with their position) in a `lex.extensions` entry with
//!   namespace `lexedi.edi.unmapped`; a `PO1` mapped only in part (desiredProduct) is kept too.
//! - **997**: AK5 `R` for a wrong SE01/SE02, a missing SE or an ST01 other than 850; `E` with
//!   AK3/AK4 for a wrong CTT01 or a broken payload block; AK9 `A`/`E`/`P`/`R`. It answers the
//!   first interchange of the input.
//! - The tokenizer is hand-written (its module comment lists the crates that were checked).

pub mod ack997;
pub mod core_view;
pub mod envelope;
pub mod findings;
pub mod foreign;
pub mod payload_block;
pub mod profile;
pub mod reader;
pub mod tokenizer;
pub mod writer;

use crate::error::Result;
use crate::message::Message;
use crate::options::ReadOptions;

pub use ack997::{functional_ack, read_functional_ack};
pub use profile::{ControlNumbers, Counter, LineEnding, PayloadEncoding, Profile};

/// Reads every 850 transaction set of the interchange as a message (N sets → N messages).
///
/// Tolerant mode reports envelope defects, payload problems, core-view mismatches and
/// best-effort mapping steps as warnings on each message; strict mode fails on the first
/// of them with every reason in the error message.
pub fn read(input: &[u8], opts: &ReadOptions) -> Result<Vec<Message>> {
    reader::read(input, opts)
}

/// Writes messages in one interchange, adding the writer's warnings to `warnings`.
pub fn write_reporting(
    messages: &[Message],
    opts: &super::WriteOptions,
    warnings: &mut Vec<crate::report::Issue>,
) -> Result<String> {
    writer::write_reporting(messages, opts, warnings)
}
