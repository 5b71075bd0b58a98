//! `NativeReceiver` and `NativeReceipt`: the stateful receiving side.

use crate::args::{self, ValidateArgs};
use crate::error::{guard, lex};
use crate::js_out::JsReport;
use crate::message::NativeMessage;
use lex_core::api::{Receipt, Receiver};
use napi::bindgen_prelude::Uint8ArraySlice;
use napi_derive::napi;

/// A receiving endpoint with the core's in-memory store (wrapped by `Receiver` in JS).
#[napi]
pub struct NativeReceiver {
    inner: Receiver,
}

#[napi]
impl NativeReceiver {
    /// A receiver validating with `options`.
    #[napi(constructor, catch_unwind)]
    pub fn new(options: Option<ValidateArgs>) -> napi::Result<Self> {
        guard(|| {
            let (_, opts) = args::validate(options.as_ref())?;
            Ok(NativeReceiver {
                inner: Receiver::new(opts),
            })
        })
    }

    /// Receives one message from bytes.
    #[napi(catch_unwind)]
    pub fn receive(&self, input: Uint8ArraySlice) -> napi::Result<NativeReceipt> {
        guard(|| lex(self.inner.receive(&input)).map(NativeReceipt::from))
    }

    /// Receives every message of an interchange.
    #[napi(catch_unwind)]
    pub fn receive_all(&self, input: Uint8ArraySlice) -> napi::Result<Vec<NativeReceipt>> {
        guard(|| {
            let all = lex(self.inner.receive_all(&input))?;
            Ok(all.into_iter().map(NativeReceipt::from).collect())
        })
    }

    /// Receives an already-read message.
    #[napi(catch_unwind)]
    pub fn receive_message(&self, message: &NativeMessage) -> napi::Result<NativeReceipt> {
        guard(|| {
            let m = (*message.inner).clone();
            Ok(NativeReceipt::from(self.inner.receive_message(m)))
        })
    }
}

/// The result of receiving one message (turned into a plain object by `index.js`).
#[napi]
pub struct NativeReceipt {
    inner: Receipt,
}

impl From<Receipt> for NativeReceipt {
    fn from(inner: Receipt) -> Self {
        NativeReceipt { inner }
    }
}

#[napi]
impl NativeReceipt {
    /// The message as read.
    #[napi(catch_unwind)]
    pub fn message(&self) -> napi::Result<NativeMessage> {
        guard(|| Ok(NativeMessage::new(self.inner.message.clone())))
    }

    /// The validation report as a plain object.
    #[napi(catch_unwind)]
    pub fn report(&self) -> napi::Result<JsReport> {
        guard(|| Ok(JsReport(self.inner.report.clone())))
    }

    /// The acknowledgment to send back, when there is one.
    #[napi(catch_unwind)]
    pub fn ack(&self) -> napi::Result<Option<NativeMessage>> {
        guard(|| Ok(self.inner.ack.clone().map(NativeMessage::new)))
    }

    /// True when this `messageId` was received before.
    #[napi(getter, catch_unwind)]
    pub fn duplicate(&self) -> napi::Result<bool> {
        guard(|| Ok(self.inner.duplicate))
    }

    /// `ACCEPTED`, `REJECTED` or `DEAD_LETTER`.
    #[napi(getter, catch_unwind)]
    pub fn outcome(&self) -> napi::Result<String> {
        guard(|| Ok(self.inner.outcome.as_str().to_string()))
    }

    /// The recommended HTTP status.
    #[napi(getter, catch_unwind)]
    pub fn http_status(&self) -> napi::Result<u32> {
        guard(|| Ok(u32::from(self.inner.http_status)))
    }

    /// Where a dead-lettered message goes: `DLQ`, `DISCARD` or `RETURN`.
    #[napi(getter, catch_unwind)]
    pub fn routing(&self) -> napi::Result<Option<String>> {
        guard(|| Ok(self.inner.routing.map(|r| r.as_str().to_string())))
    }

    /// The LEX failure category of a dead-lettered message (`TTL_EXPIRED`).
    #[napi(getter, catch_unwind)]
    pub fn dead_letter_reason(&self) -> napi::Result<Option<String>> {
        guard(|| Ok(self.inner.dead_letter_reason.clone()))
    }

    /// `retryContext.attemptNumber` of the first delivery that was processed.
    #[napi(getter, catch_unwind)]
    pub fn retry_attempt(&self) -> napi::Result<Option<u32>> {
        guard(|| Ok(self.inner.retry_attempt))
    }

    /// The customer fingerprint used for duplicate detection (LEAD only).
    #[napi(getter, catch_unwind)]
    pub fn fingerprint(&self) -> napi::Result<Option<String>> {
        guard(|| Ok(self.inner.fingerprint.clone()))
    }

    /// The `leadId` of an active lead with the same customer fingerprint.
    #[napi(getter, catch_unwind)]
    pub fn duplicate_of_lead(&self) -> napi::Result<Option<String>> {
        guard(|| Ok(self.inner.duplicate_of_lead.clone()))
    }
}
