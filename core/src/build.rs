//! Building new messages: a payload wrapped in a complete envelope.

use crate::error::{Error, Result};
use crate::format::Format;
use crate::message::{Message, MessageType};
use crate::value::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The LEX version this toolkit writes into `header.version`.
pub const LEX_VERSION: &str = "1.0";

/// Options for [`new_message_with`]: everything that is otherwise generated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// Timestamp for the header; default the system clock.
    pub now: Option<OffsetDateTime>,
    /// Message id; default a fresh UUID v4.
    pub message_id: Option<String>,
}

/// A fresh UUID v4 in lower-case 8-4-4-4-12 form.
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Formats a UTC timestamp as RFC 3339 with a trailing `Z` and second precision.
pub fn format_timestamp(t: OffsetDateTime) -> String {
    let t = t
        .to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or(t);
    t.format(&Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}

/// Wraps `payload` (the body: the object that goes under `lex.payload.<key>`, or an object
/// that already has the `<key>` member) in an envelope with a new UUID v4 `messageId`, the
/// current UTC `timestamp` and `version` `"1.0"`.
pub fn new_message(
    mtype: MessageType,
    payload: Value,
    sender_id: &str,
    receiver_id: &str,
) -> Result<Message> {
    new_message_with(
        mtype,
        payload,
        sender_id,
        receiver_id,
        &BuildOptions::default(),
    )
}

/// [`new_message`] with an injectable clock and message id.
pub fn new_message_with(
    mtype: MessageType,
    payload: Value,
    sender_id: &str,
    receiver_id: &str,
    opts: &BuildOptions,
) -> Result<Message> {
    let key = mtype.payload_key();
    let Value::Object(body) = payload else {
        return Err(Error::invalid_argument(format!(
            "the payload must be an object, not {}",
            payload.type_name()
        )));
    };
    // Accept either the body itself or `{ "<key>": body }`.
    let payload_obj = if body.len() == 1 && body.get(key).is_some_and(|v| v.as_object().is_some()) {
        body
    } else {
        let mut m = Map::new();
        m.insert(key.to_string(), Value::Object(body));
        m
    };
    let now = opts.now.unwrap_or_else(OffsetDateTime::now_utc);
    let mut header = Map::new();
    header.insert(
        "messageId".into(),
        Value::String(opts.message_id.clone().unwrap_or_else(new_uuid)),
    );
    header.insert("messageType".into(), mtype.as_str().into());
    header.insert("version".into(), LEX_VERSION.into());
    header.insert("timestamp".into(), Value::String(format_timestamp(now)));
    header.insert("senderId".into(), sender_id.into());
    header.insert("receiverId".into(), receiver_id.into());
    let mut lex = Map::new();
    lex.insert("header".into(), Value::Object(header));
    lex.insert("payload".into(), Value::Object(payload_obj));
    let mut root = Map::new();
    root.insert("lex".into(), Value::Object(lex));
    Message::from_value(Value::Object(root), Format::Json)
}
