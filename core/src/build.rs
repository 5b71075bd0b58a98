//! Building new messages: a payload wrapped in a complete envelope.

use crate::datetime::format_timestamp;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::format::Format;
use crate::message::{Message, MessageType};
use crate::value::{Map, Value};
use time::OffsetDateTime;

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
///
/// The message is validated (conformance level 2, tolerant, at the same clock) before it is
/// returned: a message with errors is an `INVALID_ARGUMENT` error whose text lists every
/// error issue as `CODE at field` and whose location points at the first one. Warnings do
/// not prevent building. Use [`build_envelope`] to skip the check.
pub fn new_message_with(
    mtype: MessageType,
    payload: Value,
    sender_id: &str,
    receiver_id: &str,
    opts: &BuildOptions,
) -> Result<Message> {
    let now = crate::datetime::now_or_system(opts.now);
    let opts = BuildOptions {
        now: Some(now),
        message_id: opts.message_id.clone(),
    };
    let msg = build_envelope(mtype, payload, sender_id, receiver_id, &opts)?;
    let report = crate::validate::validate(
        &msg,
        &crate::validate::ValidateOptions {
            now: Some(now),
            ..crate::validate::ValidateOptions::default()
        },
    );
    if report.valid {
        return Ok(msg);
    }
    let listed: Vec<String> = report
        .errors
        .iter()
        .map(|i| format!("{} at {}", i.code, i.field))
        .collect();
    let location = report
        .errors
        .first()
        .map(|i| Location::path(i.pointer.clone()))
        .unwrap_or_default();
    Err(Error::at(
        ErrorKind::InvalidArgument,
        format!(
            "the new {} message is invalid: {}",
            mtype.as_str(),
            listed.join("; ")
        ),
        location,
    ))
}

/// Wraps `payload` in a complete envelope exactly like [`new_message_with`], without
/// validating the result.
pub fn build_envelope(
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
        let mut m = Map::default();
        m.insert(key.to_string(), Value::Object(body));
        m
    };
    let now = crate::datetime::now_or_system(opts.now);
    let mut header = Map::default();
    header.insert(
        "messageId".into(),
        Value::String(opts.message_id.clone().unwrap_or_else(new_uuid)),
    );
    header.insert("messageType".into(), mtype.as_str().into());
    header.insert("version".into(), LEX_VERSION.into());
    header.insert("timestamp".into(), Value::String(format_timestamp(now)));
    header.insert("senderId".into(), sender_id.into());
    header.insert("receiverId".into(), receiver_id.into());
    let mut lex = Map::default();
    lex.insert("header".into(), Value::Object(header));
    lex.insert("payload".into(), Value::Object(payload_obj));
    let mut root = Map::default();
    root.insert("lex".into(), Value::Object(lex));
    Message::from_value(Value::Object(root), Format::Json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn body(text: &str) -> Value {
        crate::codec::json_read::parse(text.as_bytes(), &crate::options::Limits::default()).unwrap()
    }

    fn opts() -> BuildOptions {
        BuildOptions {
            now: Some(datetime!(2026-04-03 12:00:00.75 UTC)),
            message_id: Some("0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10".into()),
        }
    }

    #[test]
    fn builds_a_complete_envelope() {
        let lead = body(
            r#"{"leadId":"LEAD-0000-1","status":"CART","source":"CART","customer":{"firstName":"A","emailAddress":"a@b.io","phoneNumber":"+14155550100"},"desiredProduct":{"productType":"VEHICLE_NEW"},"metadata":{},"x-unknown":{"kept":[1.50]}}"#,
        );
        let m = new_message_with(
            MessageType::Lead,
            lead.clone(),
            "PORTAL-001",
            "DEALER-001",
            &opts(),
        )
        .unwrap();
        assert_eq!(
            m.to_json(false),
            r#"{"lex":{"header":{"messageId":"0d9b6c1e-8a51-4c1f-9e0b-4b7b1f3c2a10","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T12:00:00Z","senderId":"PORTAL-001","receiverId":"DEALER-001"},"payload":{"lead":{"leadId":"LEAD-0000-1","status":"CART","source":"CART","customer":{"firstName":"A","emailAddress":"a@b.io","phoneNumber":"+14155550100"},"desiredProduct":{"productType":"VEHICLE_NEW"},"metadata":{},"x-unknown":{"kept":[1.50]}}}}}"#
        );
        // The wrapped form gives the same message.
        let wrapped = body(
            r#"{"lead":{"leadId":"LEAD-0000-1","status":"CART","source":"CART","customer":{"firstName":"A","emailAddress":"a@b.io","phoneNumber":"+14155550100"},"desiredProduct":{"productType":"VEHICLE_NEW"},"metadata":{},"x-unknown":{"kept":[1.50]}}}"#,
        );
        let w = new_message_with(
            MessageType::Lead,
            wrapped,
            "PORTAL-001",
            "DEALER-001",
            &opts(),
        )
        .unwrap();
        assert_eq!(w, m);
        // A fresh id is a lower-case UUID v4.
        let fresh =
            new_message(MessageType::Lead, lead.clone(), "PORTAL-001", "DEALER-001").unwrap();
        let id = fresh.message_id().unwrap();
        assert_eq!((id.len(), &id[14..15]), (36, "4"));
        assert_ne!(
            id,
            new_message(MessageType::Lead, lead, "A-1", "B-1")
                .unwrap()
                .message_id()
                .unwrap()
        );
    }

    #[test]
    fn an_invalid_message_is_an_error_listing_the_issues() {
        let lead = body(r#"{"customer":{"email":"a@x.io","emailAddress":"b@x.io"}}"#);
        let e = new_message_with(MessageType::Lead, lead, "PORTAL-001", "DEALER-001", &opts())
            .unwrap_err();
        assert_eq!(e.code(), "INVALID_ARGUMENT");
        assert!(
            e.message
                .contains("CONFLICTING_ALIASES at lex.payload.lead.customer.email"),
            "{}",
            e.message
        );
        assert_eq!(
            e.location.path.as_deref(),
            Some("/lex/payload/lead/customer/email")
        );
        // Not validated: the same input builds.
        let lead = body(r#"{"customer":{"email":"a@x.io","emailAddress":"b@x.io"}}"#);
        assert!(
            build_envelope(MessageType::Lead, lead, "PORTAL-001", "DEALER-001", &opts()).is_ok()
        );
        let e = new_message(MessageType::Lead, Value::from("x"), "A-1", "B-1").unwrap_err();
        assert_eq!(e.code(), "INVALID_ARGUMENT");
    }
}
