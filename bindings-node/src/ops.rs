//! The synchronous operations of the façade, one export per `api` function.
//!
//! Byte input arrives as a `Uint8Array` (a `Buffer` is one); `index.js` encodes strings as
//! UTF-8 first and sends plain objects through `fromObject`. Adding a façade function is one
//! export here plus one line in `index.js` and `index.d.ts`.

use crate::args::{self, BuildArgs, ReadArgs, ValidateArgs, WriteArgs};
use crate::error::{guard, lex};
use crate::js_out::JsReport;
use crate::js_value::to_value;
use crate::message::NativeMessage;
use crate::report;
use crate::text::{Short, Text};
use lex_core::api;
use lex_core::api::BuildOptions;
use lex_core::error::ErrorKind;
use napi::bindgen_prelude::{Uint8ArraySlice, Unknown};
use napi_derive::napi;

/// Reads exactly one message.
#[napi(catch_unwind)]
pub fn parse(input: Uint8ArraySlice, options: Option<ReadArgs>) -> napi::Result<NativeMessage> {
    guard(|| {
        let (format, read) = args::read(options.as_ref())?;
        lex(api::parse(&input, format, &read)).map(NativeMessage::new)
    })
}

/// Reads every message of the input.
#[napi(catch_unwind)]
pub fn parse_all(
    input: Uint8ArraySlice,
    options: Option<ReadArgs>,
) -> napi::Result<Vec<NativeMessage>> {
    guard(|| {
        let (format, read) = args::read(options.as_ref())?;
        let all = lex(api::parse_all(&input, format, &read))?;
        Ok(all.into_iter().map(NativeMessage::new).collect())
    })
}

/// Builds a message from a plain JavaScript object (aliases normalised, as on read).
#[napi(catch_unwind)]
pub fn from_object(value: Unknown, options: Option<ReadArgs>) -> napi::Result<NativeMessage> {
    guard(|| {
        let (_, read) = args::read(options.as_ref())?;
        let tree = to_value(value, &read.limits)?;
        lex(api::from_value(tree)).map(NativeMessage::new)
    })
}

/// Reads and validates one message from bytes; the report as a plain object.
#[napi(catch_unwind)]
pub fn validate_input(
    input: Uint8ArraySlice,
    options: Option<ValidateArgs>,
) -> napi::Result<JsReport> {
    guard(|| {
        let (format, opts) = args::validate(options.as_ref())?;
        lex(api::validate_input(&input, format, &opts)).map(JsReport)
    })
}

/// Reads and validates one message from a string (read as UTF-8 in one copy, without the
/// `Buffer` a JavaScript-side encoding would allocate); the report as a plain object.
#[napi(catch_unwind)]
pub fn validate_text(input: Text, options: Option<ValidateArgs>) -> napi::Result<JsReport> {
    guard(|| {
        let (format, opts) = args::validate(options.as_ref())?;
        lex(api::validate_input(&input.0, format, &opts)).map(JsReport)
    })
}

/// Validates a message; the report as a plain object.
#[napi(catch_unwind)]
pub fn validate_message(
    message: &NativeMessage,
    options: Option<ValidateArgs>,
) -> napi::Result<JsReport> {
    guard(|| {
        let (_, opts) = args::validate(options.as_ref())?;
        Ok(JsReport(api::validate(&message.inner, &opts)))
    })
}

/// Converts input in any format to `to`.
#[napi(catch_unwind)]
pub fn convert(
    input: Uint8ArraySlice,
    to: String,
    options: Option<WriteArgs>,
) -> napi::Result<String> {
    guard(|| {
        let to = args::required_format(&to)?;
        let (from, read, write) = args::write(options.as_ref())?;
        lex(api::convert(&input, to, from, &read, &write))
    })
}

/// Writes several messages (one X12/EDIFACT interchange).
#[napi(catch_unwind)]
pub fn serialize_all(
    messages: Vec<&NativeMessage>,
    to: String,
    pretty: bool,
) -> napi::Result<String> {
    guard(|| {
        let to = args::required_format(&to)?;
        let all: Vec<lex_core::Message> = messages.iter().map(|m| (*m.inner).clone()).collect();
        let write = lex_core::api::WriteOptions {
            pretty,
            ..Default::default()
        };
        lex(api::serialize_all(&all, to, &write))
    })
}

/// The format detected from the first bytes, `null` when none matches.
#[napi(catch_unwind)]
pub fn detect(input: Uint8ArraySlice) -> napi::Result<Option<String>> {
    guard(|| Ok(api::detect(&input).map(|f| f.as_str().to_string())))
}

/// The customer fingerprint.
#[napi(catch_unwind)]
pub fn fingerprint(email: String, phone: String, last_name: String) -> napi::Result<String> {
    guard(|| Ok(api::fingerprint(&email, &phone, &last_name)))
}

fn build_options(a: &BuildArgs) -> napi::Result<BuildOptions> {
    Ok(BuildOptions {
        now: args::now(a.now.as_deref())?,
        message_id: a.message_id.clone(),
    })
}

/// The ACKNOWLEDGMENT for a received message.
#[napi(catch_unwind)]
pub fn acknowledge(
    message: &NativeMessage,
    options: Option<BuildArgs>,
) -> napi::Result<NativeMessage> {
    guard(|| {
        let a = options.unwrap_or_default();
        let report = a
            .report_json
            .as_deref()
            .map(report::from_json)
            .transpose()?;
        let opts = build_options(&a)?;
        lex(api::acknowledge_with(
            &message.inner,
            report.as_ref(),
            a.status.as_deref(),
            &opts,
        ))
        .map(NativeMessage::new)
    })
}

/// A new message of `message_type` around `payload`.
#[napi(catch_unwind)]
pub fn new_message(
    message_type: String,
    payload: Unknown,
    sender_id: String,
    receiver_id: String,
    options: Option<BuildArgs>,
) -> napi::Result<NativeMessage> {
    guard(|| {
        let mtype = lex(api::parse_message_type(&message_type))?;
        let payload = to_value(payload, &lex_core::api::Limits::default())?;
        let opts = build_options(&options.unwrap_or_default())?;
        lex(api::new_message_with(
            mtype,
            payload,
            &sender_id,
            &receiver_id,
            &opts,
        ))
        .map(NativeMessage::new)
    })
}

/// May the message be routed to `recipient`? The decision as JSON text.
#[napi(catch_unwind)]
pub fn may_forward(
    message: &NativeMessage,
    recipient: String,
    now: Option<String>,
) -> napi::Result<String> {
    guard(|| {
        let decision = match args::now(now.as_deref())? {
            Some(t) => api::may_forward_at(&message.inner, &recipient, t),
            None => api::may_forward(&message.inner, &recipient),
        };
        Ok(lex_core::api::value_to_json(&decision.to_value(), false))
    })
}

/// The LEAD_CLOSURE that closes `duplicate` as a duplicate of `canonical_lead_id`.
#[napi(catch_unwind)]
pub fn duplicate_closure(
    duplicate: &NativeMessage,
    canonical_lead_id: String,
    options: Option<BuildArgs>,
) -> napi::Result<NativeMessage> {
    guard(|| {
        let opts = build_options(&options.unwrap_or_default())?;
        lex(api::duplicate_closure(
            &duplicate.inner,
            &canonical_lead_id,
            &opts,
        ))
        .map(NativeMessage::new)
    })
}

/// The HTTP status recommended for a report (200 valid, 410 TTL expired, 422 invalid).
#[napi(catch_unwind)]
pub fn http_status(report_json: String) -> napi::Result<u32> {
    guard(|| Ok(u32::from(report::from_json(&report_json)?.http_status())))
}

/// True when `from → to` is allowed under the default policy.
#[napi(catch_unwind)]
pub fn transition_allowed(from: Short, to: Short) -> napi::Result<bool> {
    guard(|| lex(api::transition_allowed(from.as_str(), to.as_str())))
}

/// The verdict on `from → to`: `allowed`, `unlisted` or `forbidden`.
#[napi(catch_unwind)]
pub fn check_transition(from: String, to: String, policy: Option<String>) -> napi::Result<String> {
    guard(|| {
        let policy = args::policy(policy.as_deref())?;
        lex(api::check_transition(&from, &to, policy)).map(|t| t.as_str().to_string())
    })
}

/// The constants of the façade.
#[napi(object)]
pub struct Constants {
    /// The 15 lead statuses.
    pub statuses: Vec<String>,
    /// The five message types.
    pub message_types: Vec<String>,
    /// The eight acknowledgment statuses.
    pub ack_statuses: Vec<String>,
    /// The four formats.
    pub formats: Vec<String>,
    /// Every stable error code.
    pub error_codes: Vec<String>,
    /// The toolkit's version.
    pub version: String,
    /// The LEX version written into new messages.
    pub lex_version: String,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

/// The façade's constants, read once by `index.js`.
#[napi(catch_unwind)]
pub fn constants() -> napi::Result<Constants> {
    guard(|| {
        Ok(Constants {
            statuses: strings(&api::STATUSES),
            message_types: strings(&api::MESSAGE_TYPES),
            ack_statuses: strings(&api::ACK_STATUSES),
            formats: lex_core::Format::ALL
                .iter()
                .map(|f| f.as_str().to_string())
                .collect(),
            error_codes: ErrorKind::ALL
                .iter()
                .map(|k| k.code().to_string())
                .collect(),
            version: api::VERSION.to_string(),
            lex_version: api::LEX_VERSION.to_string(),
        })
    })
}

/// The X12 997 functional acknowledgment answering a received X12 interchange.
#[napi(catch_unwind)]
pub fn x12_functional_ack(
    input: Uint8ArraySlice,
    options: Option<args::ReadArgs>,
) -> napi::Result<String> {
    guard(|| {
        let (_, read) = args::read(options.as_ref())?;
        lex(api::x12_functional_ack_with(
            &input,
            &read,
            &lex_core::api::WriteOptions::default(),
        ))
    })
}

/// The 997 acknowledgments of an X12 interchange, as JSON text (an array, one per group).
#[napi(catch_unwind)]
pub fn x12_read_functional_ack(
    input: Uint8ArraySlice,
    options: Option<args::ReadArgs>,
) -> napi::Result<String> {
    guard(|| {
        let (_, read) = args::read(options.as_ref())?;
        let v = lex(api::x12_read_functional_ack(&input, &read))?;
        Ok(api::value_to_json(&v, false))
    })
}

/// The EDIFACT CONTRL interchange answering a received EDIFACT interchange.
#[napi(catch_unwind)]
pub fn edifact_contrl(input: Uint8ArraySlice) -> napi::Result<String> {
    guard(|| lex(api::edifact_contrl(&input)))
}

/// The reports of an EDIFACT CONTRL interchange, as JSON text (an array, one per message).
#[napi(catch_unwind)]
pub fn edifact_contrl_read(input: Uint8ArraySlice) -> napi::Result<String> {
    guard(|| {
        let v = lex(api::edifact_contrl_read(&input))?;
        Ok(api::value_to_json(&v, false))
    })
}
