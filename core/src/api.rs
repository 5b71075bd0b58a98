//! The façade: the one surface every binding maps one to one.
//!
//! Bindings (Python, Node, Java, the C ABI and through it C#) call only what is here. A
//! binding that needs something new gets it added here, never written in the binding.

use crate::codec::{self, resolve_format};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::format::Format;
use crate::lifecycle;
use crate::message::{Message, MessageType};
use crate::report::Report;
use crate::value::Value;

pub use crate::ack::{ACK_STATUSES, acknowledge, acknowledge_with};
pub use crate::build::{BuildOptions, LEX_VERSION, new_message_with};
pub use crate::codec::edifact::Profile as EdifactProfile;
pub use crate::codec::x12::{
    ControlNumbers, Counter, LineEnding, PayloadEncoding, Profile as X12Profile,
};
pub use crate::codec::{PLACEHOLDER_ID_CODE, WriteOptions};
pub use crate::dedup::duplicate_closure;
pub use crate::dedup::{fingerprint, fingerprint_input, is_fingerprint};
pub use crate::governance::ForwardDecision;
pub use crate::lifecycle::STATUSES;
pub use crate::lifecycle::{Transition, TransitionPolicy};
pub use crate::message::MESSAGE_TYPES;
pub use crate::options::{Limits, ReadMode, ReadOptions};
pub use crate::receiver::{ExpiryAction, MemoryStore};
pub use crate::receiver::{Outcome, Receipt, Receiver, ReceiverStore};
pub use crate::ttl::TTL_TOLERANCE_SECONDS;
pub use crate::validate::ValidateOptions;

/// The version of this toolkit.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Reads exactly one message (format auto-detected when `None`). An X12/EDIFACT
/// interchange with several messages is an `INVALID_ARGUMENT` error: use [`parse_all`].
pub fn parse(input: &[u8], format: Option<Format>, opts: &ReadOptions) -> Result<Message> {
    let mut all = parse_all(input, format, opts)?;
    match all.len() {
        1 => Ok(all.remove(0)),
        n => Err(Error::at(
            ErrorKind::InvalidArgument,
            format!("expected one message, the input holds {n} (use parse_all)"),
            Location::default(),
        )),
    }
}

/// Reads every message of the input, in order.
pub fn parse_all(input: &[u8], format: Option<Format>, opts: &ReadOptions) -> Result<Vec<Message>> {
    let format = resolve_format(input, format)?;
    codec::read(input, format, opts)
}

/// Builds a message from a tree (a Python dict, a JS object, ...), normalising aliases.
pub fn from_value(root: Value) -> Result<Message> {
    Message::from_value(root, Format::Json)
}

/// Validates a message.
pub fn validate(message: &Message, opts: &ValidateOptions) -> Report {
    crate::validate::validate(message, opts)
}

/// Reads and validates one message. Unreadable input is an `Err`; a readable message
/// always gives a report.
pub fn validate_input(
    input: &[u8],
    format: Option<Format>,
    opts: &ValidateOptions,
) -> Result<Report> {
    let read = ReadOptions {
        mode: opts.mode,
        limits: opts.limits,
    };
    let message = parse(input, format, &read)?;
    Ok(validate(&message, opts))
}

/// Writes one message in `format`.
pub fn serialize(message: &Message, format: Format, opts: &WriteOptions) -> Result<String> {
    codec::write(std::slice::from_ref(message), format, opts)
}

/// Writes several messages (one X12/EDIFACT interchange; JSON/XML take exactly one).
pub fn serialize_all(messages: &[Message], format: Format, opts: &WriteOptions) -> Result<String> {
    codec::write(messages, format, opts)
}

/// Converts input in any format (auto-detected when `from` is `None`) to `to`. Every
/// message of a multi-message interchange is converted; JSON and XML targets need exactly one.
pub fn convert(
    input: &[u8],
    to: Format,
    from: Option<Format>,
    read: &ReadOptions,
    write: &WriteOptions,
) -> Result<String> {
    let messages = parse_all(input, from, read)?;
    codec::write(&messages, to, write)
}

/// [`serialize_all`] with the writer's warnings (an X12/EDIFACT interchange id written as
/// the placeholder `LEX` because the message has no `header.senderId`/`receiverId`).
pub fn serialize_with_warnings(
    messages: &[Message],
    format: Format,
    opts: &WriteOptions,
) -> Result<(String, Vec<crate::report::Issue>)> {
    codec::write_with_warnings(messages, format, opts)
}

/// [`convert`] with the writer's warnings (see [`serialize_with_warnings`]).
pub fn convert_with_warnings(
    input: &[u8],
    to: Format,
    from: Option<Format>,
    read: &ReadOptions,
    write: &WriteOptions,
) -> Result<(String, Vec<crate::report::Issue>)> {
    let messages = parse_all(input, from, read)?;
    codec::write_with_warnings(&messages, to, write)
}

/// Detects the format of `input` from its first bytes.
pub fn detect(input: &[u8]) -> Option<Format> {
    crate::format::detect(input)
}

/// Wraps a payload body in a new envelope (UUID v4 id, current UTC timestamp, version 1.0).
pub fn new_message(
    mtype: MessageType,
    payload: Value,
    sender_id: &str,
    receiver_id: &str,
) -> Result<Message> {
    crate::build::new_message(mtype, payload, sender_id, receiver_id)
}

/// True when `from → to` is allowed under the default policy (possibly with a warning).
/// An unknown status is an `INVALID_ARGUMENT` error.
pub fn transition_allowed(from: &str, to: &str) -> Result<bool> {
    check_transition(from, to, TransitionPolicy::Default).map(Transition::is_allowed)
}

/// The verdict on `from → to` under `policy`.
pub fn check_transition(from: &str, to: &str, policy: TransitionPolicy) -> Result<Transition> {
    lifecycle::check_transition(from, to, policy).ok_or_else(|| {
        let bad = if lifecycle::is_status(from) { to } else { from };
        Error::invalid_argument(format!(
            "\"{bad}\" is not a lead status (expected one of {})",
            STATUSES.join(", ")
        ))
    })
}

/// The customer fingerprint of a message (LEAD only): from `customer.emailAddress`,
/// `phoneNumber` and `lastName`. `None` when the message is not a LEAD or has neither
/// email nor phone.
pub fn message_fingerprint(message: &Message) -> Option<String> {
    let lead = message.lead()?;
    if lead.email().is_none() && lead.phone().is_none() {
        return None;
    }
    Some(fingerprint(
        lead.email().unwrap_or(""),
        lead.phone().unwrap_or(""),
        lead.last_name().unwrap_or(""),
    ))
}

/// The X12 997 functional acknowledgment for a received X12 interchange (tolerant
/// reading, default partner profile, system clock): AK1/AK2/AK5/AK9 from what the reader
/// found (wrong counts or control numbers reject a set).
pub fn x12_functional_ack(input: &[u8]) -> Result<String> {
    x12_functional_ack_with(input, &ReadOptions::default(), &WriteOptions::default())
}

/// [`x12_functional_ack`] with explicit options: `write.x12` gives the control numbers,
/// delimiters and clock of the 997.
pub fn x12_functional_ack_with(
    input: &[u8],
    read: &ReadOptions,
    write: &WriteOptions,
) -> Result<String> {
    codec::x12::functional_ack(input, read, &write.x12)
}

/// Reads the 997 functional acknowledgments of an X12 interchange, one tree per
/// acknowledged group: `{functionalId, groupControlNumber, version, status, included,
/// received, accepted, errors, sets: [{transactionSetId, controlNumber, status, errors,
/// segmentErrors}]}`.
pub fn x12_read_functional_ack(input: &[u8], opts: &ReadOptions) -> Result<Value> {
    let acks = codec::x12::read_functional_ack(input, opts)?;
    Ok(Value::Array(acks.iter().map(|a| a.to_value()).collect()))
}

/// May `message` be routed to `recipient` (a LEX organisation id)? The decision of
/// `lex.dataGovernance` (blocked list, OPEN / RESTRICTED / LOCKED, retention) with a reason
/// code; the system clock is used for the retention check.
pub fn may_forward(message: &Message, recipient: &str) -> ForwardDecision {
    crate::governance::may_forward(message, recipient)
}

/// [`may_forward`] with an injectable clock.
pub fn may_forward_at(
    message: &Message,
    recipient: &str,
    now: time::OffsetDateTime,
) -> ForwardDecision {
    crate::governance::may_forward_at(message, recipient, now)
}

/// [`may_forward_at`] with the clock of validation options: `opts.now`, or the system clock
/// when it is not set (what the bindings expose as "now, optional").
pub fn may_forward_with(
    message: &Message,
    recipient: &str,
    opts: &ValidateOptions,
) -> ForwardDecision {
    let now = crate::datetime::now_or_system(opts.now);
    crate::governance::may_forward_at(message, recipient, now)
}

/// The forwarding decision as compact JSON text (see [`ForwardDecision::to_value`]).
pub fn forward_decision_json(decision: &ForwardDecision) -> String {
    codec::json_write::to_string(&decision.to_value(), false)
}

/// The receipt as JSON text (see [`Receipt::to_value`]).
pub fn receipt_json(receipt: &Receipt, pretty: bool) -> String {
    codec::json_write::to_string(&receipt.to_value(), pretty)
}

/// The EDIFACT CONTRL (syntax report, `CONTRL:D:3:UN`) answering a received interchange:
/// UCI action `7` or `4`, one UCM per message, UCS/UCD for located syntax errors.
/// Input without a readable UNB is an error.
pub fn edifact_contrl(input: &[u8]) -> Result<String> {
    codec::edifact::contrl::generate(
        input,
        &codec::edifact::Profile::default(),
        &crate::options::Limits::default(),
    )
}

/// Reads an EDIFACT CONTRL interchange: an array with one report per CONTRL message
/// (`interchangeReference`, `action`, `accepted`, `messages[]` with `errors[]`).
pub fn edifact_contrl_read(input: &[u8]) -> Result<Value> {
    codec::edifact::contrl::read(input, &ReadOptions::default())
}

/// [`edifact_contrl`] with an explicit partner profile (`profile.control_reference` and
/// `profile.prepared_at` fix the CONTRL's own reference and clock) and read limits.
pub fn edifact_contrl_with(
    input: &[u8],
    profile: &EdifactProfile,
    read: &ReadOptions,
) -> Result<String> {
    codec::edifact::contrl::generate(input, profile, &read.limits)
}

/// Reads a JSON text into a [`Value`] tree (RFC 8259, number lexemes kept exactly),
/// within `limits`. This is the JSON reader of the JSON-EDI codec, without the envelope.
pub fn value_from_json(input: &[u8], limits: &Limits) -> Result<Value> {
    codec::json_read::parse(input, limits)
}

/// Writes a [`Value`] tree as JSON text (members in order, number lexemes as read);
/// `pretty` indents by two spaces.
pub fn value_to_json(value: &Value, pretty: bool) -> String {
    codec::json_write::to_string(value, pretty)
}

/// Parses an RFC 3339 date-time (`2026-04-03T12:00:00Z`, any offset); `None` when the text
/// is not one. The same parser the validator uses for `lex.header.timestamp`.
pub fn parse_timestamp(text: &str) -> Option<time::OffsetDateTime> {
    crate::datetime::parse_timestamp(text)
}

/// Formats an instant as RFC 3339 in UTC with second precision and a trailing `Z`, the
/// form the toolkit writes into `lex.header.timestamp`.
pub fn format_timestamp(t: time::OffsetDateTime) -> String {
    crate::datetime::format_timestamp(t)
}

/// The namespaces of `lex.extensions[]`, in order (entries without a string namespace are
/// skipped).
pub fn extension_namespaces(message: &Message) -> Vec<&str> {
    crate::validate::rules::extensions::namespaces(message)
}

// Argument semantics and error families (issue [surface]): every binding and the CLI parse
// names, levels and limits here, with one error text each, and raise one exception class per
// family.
pub use crate::args::{
    ErrorFamily, closed_handle, parse_format, parse_level, parse_limit, parse_message_type,
    parse_policy, parse_read_mode, wrong_type,
};

/// The TTL findings of a message at `now` (`MESSAGE_TTL_EXPIRED`, `TTL_EXPIRES_AT_INCONSISTENT`):
/// the rule `validate` and the Receiver apply, for servers that decide expiry themselves. The
/// basis of `maxAgeSeconds` is `retryContext.originalTimestamp` when present, else `timestamp`.
pub fn ttl_issues(message: &Message, now: time::OffsetDateTime) -> Vec<crate::report::Issue> {
    message
        .lex()
        .get("header")
        .and_then(Value::as_object)
        .map(|h| crate::ttl::ttl_issues(h, now))
        .unwrap_or_default()
}

/// When the message expires (`ttl.expiresAt`, else basis + `ttl.maxAgeSeconds`), or `None`.
pub fn expires_at(message: &Message) -> Option<time::OffsetDateTime> {
    crate::ttl::expires_at(message.lex().get("header")?.as_object()?)
}
