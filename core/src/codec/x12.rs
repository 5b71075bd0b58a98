//! ANSI X12 850 (005010) codec: wire-formats §5.
//!
//! Every transaction set carries two layers: a readable core view on standard 850 segments
//! ([`core_view`]) and the authoritative payload block ([`payload_block`]) with the complete
//! JSON-EDI message, its length and SHA-256. The reader uses the payload block when present
//! (cross-checking the core view) and maps foreign EDI best-effort ([`foreign`]). Envelope
//! counts and control numbers are computed on write ([`writer`]) and checked on read
//! ([`envelope`]); [`ack997`] generates and reads 997 functional acknowledgments.

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
