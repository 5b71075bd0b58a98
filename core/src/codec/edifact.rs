//! UN/EDIFACT ORDERS (D.96A): writer, strict and tolerant reader, CONTRL.
//!
//! Every LEX message travels as one `UNH … UNT` ORDERS message with two layers
//! (wire-formats.md §5): a readable core view on standard segments and the authoritative
//! payload block (`FTX+ZZZ++LXH/LXD`) carrying the exact JSON-EDI message with its length
//! and SHA-256. The reader uses the payload block when present and cross-checks the core
//! view; foreign EDIFACT without a payload block is mapped best-effort with warnings, and
//! what cannot be mapped is kept in a `lexedi.edi.unmapped` extension entry.
//!
//! | module | holds |
//! |---|---|
//! | `tokenizer` | UNA, release character, segments/elements/components with positions |
//! | `charset` | syntax identifiers UNOA…UNOY: decoding and repertoires |
//! | `envelope` | UNB/UNH/UNT/UNZ structure, counts and references |
//! | `segment` | one decoded segment: a text buffer with component spans |
//! | `payload_block` | the LXH/LXD block |
//! | `core_view` | the readable segments written for each message |
//! | `mapping`, `party` | best-effort mapping of foreign EDIFACT |
//! | `reader`, `writer` | the two directions |
//! | `contrl` | CONTRL for a received interchange, and reading CONTRL |

pub mod charset;
pub mod contrl;
pub mod core_view;
pub mod envelope;
pub mod findings;
pub mod mapping;
pub mod party;
pub mod payload_block;
pub mod reader;
pub mod segment;
pub mod tokenizer;
pub mod writer;

use crate::error::Result;
use crate::message::Message;
use crate::options::ReadOptions;
use time::OffsetDateTime;

/// Partner profile for EDIFACT envelopes. The defaults give a valid, reproducible
/// interchange: UNOC:3, ids from the message header with qualifier `ZZZ`, date and time
/// from the first message's timestamp, a control reference derived from the messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// UNB S001 0001: `UNOA` … `UNOF`, `UNOW`, `UNOY`. Default `UNOC`. UNOA/UNOB carry the
    /// payload in base32.
    pub syntax_identifier: String,
    /// UNB S001 0002: `1`–`4` (`4` for UNOW/UNOY; syntax 4 writes `*` as repetition
    /// separator and a CCYYMMDD date). Default `3`.
    pub syntax_version: String,
    /// UNB S002 0004; default the first message's `header.senderId` (cleaned, ≤ 35), else
    /// the placeholder `LEX` with a warning ([`crate::codec::PLACEHOLDER_ID`]).
    pub sender_id: Option<String>,
    /// UNB S002 0007. Default `ZZZ` (mutually defined); use `14` only for real GLNs.
    pub sender_qualifier: String,
    /// UNB S003 0010; default the first message's `header.receiverId`, else the placeholder
    /// `LEX` with a warning.
    pub recipient_id: Option<String>,
    /// UNB S003 0007. Default `ZZZ`.
    pub recipient_qualifier: String,
    /// UNB/UNZ 0020 (1–14 characters). Default: 9 digits derived from the messages' ids
    /// and timestamps, so the same messages always give the same interchange.
    pub control_reference: Option<String>,
    /// UNB S004. Default: the first message's `header.timestamp` (UTC).
    pub prepared_at: Option<OffsetDateTime>,
    /// UNB 0026 application reference (e.g. `ORDERS`). Default none.
    pub application_reference: Option<String>,
    /// UNB 0035 test indicator `1`. Default false.
    pub test_indicator: bool,
    /// Allow more header FTX segments than the D.96A directory's 99 (partners that accept
    /// payloads beyond about 34,300 characters). Default false: such messages fail with
    /// `UNREPRESENTABLE`.
    pub allow_exceeding_repeats: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            syntax_identifier: "UNOC".into(),
            syntax_version: "3".into(),
            sender_id: None,
            sender_qualifier: "ZZZ".into(),
            recipient_id: None,
            recipient_qualifier: "ZZZ".into(),
            control_reference: None,
            prepared_at: None,
            application_reference: None,
            test_indicator: false,
            allow_exceeding_repeats: false,
        }
    }
}

/// Reads every message in the input.
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
