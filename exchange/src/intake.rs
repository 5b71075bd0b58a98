//! Reading a request body into a message by its Content-Type: JSON-EDI, XML-EDI, ANSI X12,
//! UN/EDIFACT, and CloudEvents (structured `application/cloudevents+json`, or binary mode
//! with `ce-*` headers) per readings C14–C16 of the exchange design.

use crate::error::ApiError;
use axum::http::{HeaderMap, StatusCode, header};
use lex_core::api::{Limits, ReadOptions};
use lex_core::{Format, Message, api};

/// What the Content-Type announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    /// A LEX message in one of the four wire formats.
    Lex(Format),
    /// A CloudEvent in structured JSON mode.
    CloudEventStructured,
}

/// The media types accepted for a message, for error messages and the OpenAPI document.
pub const MEDIA_TYPES: [&str; 5] = [
    "application/json",
    "application/xml",
    "application/edi-x12",
    "application/edifact",
    "application/cloudevents+json",
];

/// The body kind of a request: 415 `UNSUPPORTED_MEDIA_TYPE` for a missing or other type.
pub fn body_kind(headers: &HeaderMap) -> Result<BodyKind, ApiError> {
    let unsupported = |m: String| {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            m,
        )
        .at_header("Content-Type")
    };
    let raw = headers
        .get(header::CONTENT_TYPE)
        .ok_or_else(|| {
            unsupported(format!(
                "Content-Type is required (one of {})",
                MEDIA_TYPES.join(", ")
            ))
        })?
        .to_str()
        .map_err(|_| unsupported("Content-Type is not ASCII".into()))?;
    let essence = raw
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Ok(match essence.as_str() {
        "application/json" | "application/lex+json" => BodyKind::Lex(Format::Json),
        "application/xml" | "text/xml" | "application/lex+xml" => BodyKind::Lex(Format::Xml),
        "application/edi-x12" | "application/x12" => BodyKind::Lex(Format::X12),
        "application/edifact" => BodyKind::Lex(Format::Edifact),
        "application/cloudevents+json" => BodyKind::CloudEventStructured,
        other => {
            return Err(unsupported(format!(
                "Content-Type {other:?} is not accepted (one of {})",
                MEDIA_TYPES.join(", ")
            )));
        }
    })
}

/// A message read from a request.
#[derive(Debug)]
pub struct Prepared {
    /// The message.
    pub message: Message,
    /// The wire format it came in.
    pub format: Format,
    /// For X12 and EDIFACT input: the 997 or CONTRL answering the interchange.
    pub native_ack: Option<String>,
}

/// Reads one message from a request body (400 with the reader's code and location when the
/// body is not a readable message).
pub fn read_message(
    headers: &HeaderMap,
    body: &[u8],
    limits: Limits,
) -> Result<Prepared, ApiError> {
    let read = ReadOptions {
        limits,
        ..ReadOptions::default()
    };
    match body_kind(headers)? {
        BodyKind::Lex(format) => {
            let message = if format == Format::Json && crate::cloudevents::is_binary(headers) {
                crate::cloudevents::read_binary(headers, body, &read)?
            } else {
                api::parse(body, Some(format), &read).map_err(|e| ApiError::from_read(&e))?
            };
            let native_ack = match format {
                Format::X12 => api::x12_functional_ack(body).ok(),
                Format::Edifact => api::edifact_contrl(body).ok(),
                _ => None,
            };
            Ok(Prepared {
                message,
                format,
                native_ack,
            })
        }
        BodyKind::CloudEventStructured => Ok(Prepared {
            message: crate::cloudevents::read_structured(body, &read)?,
            format: Format::Json,
            native_ack: None,
        }),
    }
}
