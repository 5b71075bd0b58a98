//! CloudEvents input (readings C14–C16 of the exchange design).
//!
//! - `data` is the whole `{"lex": …}` message in both modes; a payload-only `data` (what the
//!   upstream mapping writes in structured mode) gets its header rebuilt from the attributes.
//! - Extension names: `lexversion`, `lexreceiver`, … and the hyphenated `lex-version`, … on
//!   input.
//! - `type` → `messageType` by an explicit table (the inverse of the mapping's forward table).

use crate::error::ApiError;
use axum::http::{HeaderMap, StatusCode};
use lex_core::api::ReadOptions;
use lex_core::{ErrorKind, Format, Message, api};
use serde_json::{Map, Value, json};

/// The `type` attribute → the LEX message type.
pub const TYPE_TABLE: [(&str, &str); 6] = [
    ("org.lexstandard.lead.submitted", "LEAD"),
    ("org.lexstandard.lead.status.updated", "LEAD"),
    ("org.lexstandard.asset.submitted", "ASSET"),
    ("org.lexstandard.message.acknowledged", "ACKNOWLEDGMENT"),
    ("org.lexstandard.subscription.registered", "SUBSCRIPTION"),
    ("org.lexstandard.lead.closed", "LEAD_CLOSURE"),
];

/// The prefix of a sender's `source` URI.
pub const SOURCE_PREFIX: &str = "https://platforms.lexstandard.org/senders/";

fn bad(code: &'static str, m: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, code, m)
}

/// True when the request is a CloudEvent in binary mode (`ce-specversion` present).
pub fn is_binary(headers: &HeaderMap) -> bool {
    headers.contains_key("ce-specversion")
}

/// An attribute from a lookup, trying the CloudEvents name (`lexversion`) then the
/// mapping's hyphenated one (`lex-version`).
fn ext<'a>(get: &impl Fn(&str) -> Option<&'a str>, name: &str) -> Option<&'a str> {
    get(name).or_else(|| {
        name.strip_prefix("lex")
            .and_then(|rest| get(&format!("lex-{rest}")))
    })
}

fn check_specversion(v: Option<&str>) -> Result<(), ApiError> {
    match v {
        Some("1.0") => Ok(()),
        Some(other) => Err(bad(
            "CLOUDEVENT_INVALID",
            format!("specversion {other:?} is not supported (1.0)"),
        )),
        None => Err(bad("CLOUDEVENT_INVALID", "specversion is required")),
    }
}

/// Builds `{"lex": {header, payload}}` from the attributes and a payload-only `data`.
fn rebuild<'a>(get: impl Fn(&str) -> Option<&'a str>, payload: Value) -> Result<Value, ApiError> {
    let ce_type = get("type").ok_or_else(|| bad("CLOUDEVENT_INVALID", "type is required"))?;
    let mtype = TYPE_TABLE
        .iter()
        .find(|(t, _)| *t == ce_type)
        .map(|(_, m)| *m)
        .ok_or_else(|| {
            bad(
                "CLOUDEVENT_UNKNOWN_TYPE",
                format!("type {ce_type:?} maps to no LEX message type"),
            )
        })?;
    let mut h = Map::new();
    h.insert("messageId".into(), get("id").unwrap_or_default().into());
    h.insert("messageType".into(), mtype.into());
    h.insert(
        "version".into(),
        ext(&get, "lexversion").unwrap_or(api::LEX_VERSION).into(),
    );
    if let Some(t) = get("time") {
        h.insert("timestamp".into(), t.into());
    }
    if let Some(s) = get("source") {
        h.insert(
            "senderId".into(),
            s.strip_prefix(SOURCE_PREFIX).unwrap_or(s).into(),
        );
    }
    if let Some(r) = ext(&get, "lexreceiver") {
        h.insert("receiverId".into(), r.into());
    }
    if let Some(c) = ext(&get, "lexcorrelationid") {
        h.insert("correlationId".into(), c.into());
    }
    Ok(json!({"lex": {"header": Value::Object(h), "payload": payload}}))
}

fn parse_json_message(v: &Value, read: &ReadOptions) -> Result<Message, ApiError> {
    let text = serde_json::to_vec(v).map_err(|e| bad("SYNTAX_ERROR", e.to_string()))?;
    api::parse(&text, Some(Format::Json), read).map_err(|e| ApiError::from_read(&e))
}

fn check_id(message: &Message, id: Option<&str>) -> Result<(), ApiError> {
    match (id, message.message_id()) {
        (Some(a), Some(b)) if a != b => Err(bad(
            "CLOUDEVENT_ID_MISMATCH",
            format!("the CloudEvent id {a:?} is not the messageId {b:?}"),
        )),
        _ => Ok(()),
    }
}

/// Reads a structured-mode CloudEvent (`application/cloudevents+json`).
pub fn read_structured(body: &[u8], read: &ReadOptions) -> Result<Message, ApiError> {
    let ev: Value = serde_json::from_slice(body).map_err(|e| {
        let mut err = bad("SYNTAX_ERROR", e.to_string());
        err.location = Some(json!({"line": e.line(), "column": e.column()}));
        err
    })?;
    let obj = ev
        .as_object()
        .ok_or_else(|| bad("CLOUDEVENT_INVALID", "a CloudEvent is a JSON object"))?;
    let get = |k: &str| obj.get(k).and_then(Value::as_str);
    check_specversion(get("specversion"))?;
    let data = obj
        .get("data")
        .ok_or_else(|| bad("CLOUDEVENT_INVALID", "data is required"))?;
    let message = if data.get("lex").is_some() {
        parse_json_message(data, read)?
    } else if data.is_object() {
        parse_json_message(&rebuild(get, data.clone())?, read)?
    } else {
        return Err(bad("CLOUDEVENT_INVALID", "data must be a JSON object"));
    };
    check_id(&message, get("id"))?;
    Ok(message)
}

/// Reads a binary-mode CloudEvent: `ce-*` headers, the message (or its payload) as body.
pub fn read_binary(
    headers: &HeaderMap,
    body: &[u8],
    read: &ReadOptions,
) -> Result<Message, ApiError> {
    let get = |k: &str| {
        headers
            .get(format!("ce-{k}").as_str())
            .and_then(|v| v.to_str().ok())
    };
    check_specversion(get("specversion"))?;
    let message = match api::parse(body, Some(Format::Json), read) {
        Ok(m) => m,
        Err(e) if e.kind == ErrorKind::NotAMessage => {
            let payload: Value =
                serde_json::from_slice(body).map_err(|e| bad("SYNTAX_ERROR", e.to_string()))?;
            if !payload.is_object() {
                return Err(ApiError::from_read(&e));
            }
            parse_json_message(&rebuild(get, payload)?, read)?
        }
        Err(e) => return Err(ApiError::from_read(&e)),
    };
    check_id(&message, get("id"))?;
    Ok(message)
}
