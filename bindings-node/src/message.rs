//! `NativeMessage`: an immutable, shareable handle on a core `Message`.

use crate::args::required_format;
use crate::error::{guard, lex};
use lex_core::api::WriteOptions;
use lex_core::{Message, api};
use napi_derive::napi;
use std::sync::Arc;

/// A parsed or built LEX message (wrapped by the JavaScript `Message` class).
#[napi]
pub struct NativeMessage {
    pub(crate) inner: Arc<Message>,
}

impl NativeMessage {
    /// Wraps a core message.
    pub(crate) fn new(m: Message) -> NativeMessage {
        NativeMessage { inner: Arc::new(m) }
    }
}

#[napi]
impl NativeMessage {
    /// The message in `format` (`json`, `xml`, `x12`, `edifact`).
    #[napi(catch_unwind)]
    pub fn serialize(&self, format: String, pretty: bool) -> napi::Result<String> {
        guard(|| {
            let opts = WriteOptions {
                pretty,
                ..WriteOptions::default()
            };
            lex(api::serialize(
                &self.inner,
                required_format(&format)?,
                &opts,
            ))
        })
    }

    /// `lex.header.messageType` as written.
    #[napi(getter, catch_unwind)]
    pub fn message_type(&self) -> napi::Result<Option<String>> {
        guard(|| Ok(self.inner.message_type_str().map(str::to_string)))
    }

    /// `lex.header.messageId`.
    #[napi(getter, catch_unwind)]
    pub fn message_id(&self) -> napi::Result<Option<String>> {
        guard(|| Ok(self.inner.message_id().map(str::to_string)))
    }

    /// The format the message was read from.
    #[napi(getter, catch_unwind)]
    pub fn source_format(&self) -> napi::Result<String> {
        guard(|| Ok(self.inner.source_format().as_str().to_string()))
    }

    /// The read warnings as a JSON array of issues.
    #[napi(catch_unwind)]
    pub fn read_issues_json(&self) -> napi::Result<String> {
        guard(|| {
            let issues = self
                .inner
                .read_issues()
                .iter()
                .map(|i| i.to_value())
                .collect();
            Ok(lex_core::api::value_to_json(
                &lex_core::Value::Array(issues),
                false,
            ))
        })
    }

    /// The customer fingerprint (LEAD messages with an email or a phone).
    #[napi(catch_unwind)]
    pub fn fingerprint(&self) -> napi::Result<Option<String>> {
        guard(|| Ok(api::message_fingerprint(&self.inner)))
    }

    /// True when both messages hold the identical tree (key order and number lexemes included).
    #[napi(catch_unwind)]
    pub fn same_tree(&self, other: &NativeMessage) -> napi::Result<bool> {
        guard(|| Ok(self.inner.root() == other.inner.root()))
    }
}
