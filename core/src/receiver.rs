//! The receiving side of an exchange: idempotency, stored lead status, TTL, duplicates.
//!
//! [`Receiver::receive`] reads, validates and records one message:
//! - idempotent on `messageId`: a repeat (a retransmission with `retryContext` included)
//!   returns the original receipt with `duplicate: true` and is never processed again, also
//!   when the copies arrive concurrently (one message is processed at a time);
//! - the stored status of each `leadId` is the "from" status of the next transition check;
//! - an expired message (`ttl.expiresAt`, else `timestamp + ttl.maxAgeSeconds`, in the past)
//!   is dead-lettered (`MESSAGE_TTL_EXPIRED`, HTTP 410, failure category `TTL_EXPIRED`) and
//!   routed per `ttl.onExpiry`: `DLQ` (the default) and `DISCARD` get no ACK, `RETURN` gets a
//!   `REJECTED` ACK back to the sender;
//! - `retryContext` is informational: it never causes a rejection;
//! - a LEAD whose customer fingerprint belongs to another active lead (not `ARCHIVED` or
//!   `DELIVERED`) seen within the deduplication window (the lead's
//!   `deduplication.deduplicationWindowHours`, else the receiver's, default 72 h) is flagged
//!   `duplicate_of_lead`; the earlier lead is canonical, and
//!   [`Receipt::duplicate_closure`] builds the suggested LEAD_CLOSURE `DUPLICATE`.

use crate::ack::acknowledge_with;
use crate::build::BuildOptions;
use crate::codec::resolve_format;
use crate::error::Result;
use crate::message::Message;
use crate::options::ReadOptions;
use crate::report::Report;
use crate::validate::{ValidateOptions, validate};
use crate::value::{Map, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use time::{Duration, OffsetDateTime};

/// What happened to a received message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Valid and processed; acknowledged `RECEIVED`/`PROCESSED`.
    Accepted,
    /// Invalid; acknowledged `REJECTED`.
    Rejected,
    /// Expired (TTL): not processed, routed per `ttl.onExpiry` (`DLQ`, `DISCARD`, `RETURN`).
    DeadLetter,
}

impl Outcome {
    /// `"ACCEPTED"`, `"REJECTED"` or `"DEAD_LETTER"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Accepted => "ACCEPTED",
            Outcome::Rejected => "REJECTED",
            Outcome::DeadLetter => "DEAD_LETTER",
        }
    }
}

/// The result of [`Receiver::receive`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// The message as read.
    pub message: Message,
    /// Its validation report.
    pub report: Report,
    /// The acknowledgment to send back (none for dead-lettered messages).
    pub ack: Option<Message>,
    /// True when this `messageId` was received before: the original receipt is returned and
    /// nothing is processed again.
    pub duplicate: bool,
    /// What happened.
    pub outcome: Outcome,
    /// The recommended HTTP status (200, 410, 422).
    pub http_status: u16,
    /// When another active lead has the same customer fingerprint: its `leadId`.
    pub duplicate_of_lead: Option<String>,
    /// For a dead-lettered message: where it goes (`ttl.onExpiry`, default `DLQ`).
    pub routing: Option<ExpiryAction>,
    /// For a dead-lettered message: the LEX failure category (`TTL_EXPIRED`).
    pub dead_letter_reason: Option<String>,
    /// `retryContext.attemptNumber` of the first delivery that was processed.
    pub retry_attempt: Option<u32>,
    /// The customer fingerprint used for duplicate detection (LEAD only).
    pub fingerprint: Option<String>,
}

/// Where an expired message goes (`header.ttl.onExpiry`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExpiryAction {
    /// Route to the dead-letter queue (the default).
    Dlq,
    /// Drop silently.
    Discard,
    /// Return to the sender (a `REJECTED` acknowledgment).
    Return,
}

impl ExpiryAction {
    /// `"DLQ"`, `"DISCARD"` or `"RETURN"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpiryAction::Dlq => "DLQ",
            ExpiryAction::Discard => "DISCARD",
            ExpiryAction::Return => "RETURN",
        }
    }

    /// Parses the schema value.
    pub fn parse(s: &str) -> Option<ExpiryAction> {
        match s {
            "DLQ" => Some(ExpiryAction::Dlq),
            "DISCARD" => Some(ExpiryAction::Discard),
            "RETURN" => Some(ExpiryAction::Return),
            _ => None,
        }
    }
}

impl Receipt {
    /// The acknowledgment status, when an ACK was produced.
    pub fn ack_status(&self) -> Option<&str> {
        self.ack.as_ref()?.body()?.get("status")?.as_str()
    }

    /// The suggested LEAD_CLOSURE `DUPLICATE` for a lead flagged as a duplicate customer
    /// (`None` when it was not flagged). See [`crate::dedup::duplicate_closure`].
    pub fn duplicate_closure(&self, opts: &BuildOptions) -> Option<Result<Message>> {
        let canonical = self.duplicate_of_lead.as_deref()?;
        Some(crate::dedup::duplicate_closure(
            &self.message,
            canonical,
            opts,
        ))
    }

    /// The dead-letter envelope of LEX_TRANSPORT_RESILIENCE §4 for a message routed to the
    /// DLQ (`None` otherwise): `{"dlq": {dlqId, originalMessageId, originalMessageType,
    /// originalSenderId, originalReceiverId, enqueuedAt, failureCategory: "TTL_EXPIRED",
    /// failureReason, attemptCount, originalMessage, retryEligible: false,
    /// notificationSent: false}}`. `opts` supplies the clock and the `dlqId`.
    pub fn dead_letter_envelope(&self, opts: &BuildOptions) -> Option<Value> {
        if self.routing != Some(ExpiryAction::Dlq) {
            return None;
        }
        let h = self.message.header();
        let mut d = Map::default();
        let id = opts
            .message_id
            .clone()
            .unwrap_or_else(crate::build::new_uuid);
        d.insert("dlqId".into(), Value::String(id));
        for (k, v) in [
            ("originalMessageId", h.message_id()),
            ("originalMessageType", h.message_type()),
            ("originalSenderId", h.sender_id()),
            ("originalReceiverId", h.receiver_id()),
        ] {
            if let Some(v) = v {
                d.insert(k.into(), v.into());
            }
        }
        let now = crate::datetime::now_or_system(opts.now);
        d.insert(
            "enqueuedAt".into(),
            crate::datetime::format_timestamp(now).into(),
        );
        d.insert(
            "failureCategory".into(),
            self.dead_letter_reason
                .as_deref()
                .unwrap_or("TTL_EXPIRED")
                .into(),
        );
        if let Some(i) = self.report.errors.first() {
            d.insert(
                "failureReason".into(),
                Value::String(format!("{}: {}", i.code, i.message)),
            );
        }
        d.insert(
            "attemptCount".into(),
            Value::int(i64::from(self.retry_attempt.unwrap_or(1))),
        );
        d.insert("originalMessage".into(), self.message.root().clone());
        d.insert("retryEligible".into(), Value::Bool(false));
        d.insert("notificationSent".into(), Value::Bool(false));
        let mut root = Map::default();
        root.insert("dlq".into(), Value::Object(d));
        Some(Value::Object(root))
    }

    /// The receipt as a JSON object: `{messageId, outcome, duplicate, httpStatus, valid,
    /// ackStatus?, duplicateOfLead?, routing?, deadLetterReason?, retryAttempt?,
    /// fingerprint?, report, ack?}`.
    pub fn to_value(&self) -> Value {
        let mut m = Map::default();
        let opt = |m: &mut Map, k: &str, v: Option<&str>| {
            if let Some(v) = v {
                m.insert(k.into(), v.into());
            }
        };
        opt(&mut m, "messageId", self.message.message_id());
        m.insert("outcome".into(), self.outcome.as_str().into());
        m.insert("duplicate".into(), Value::Bool(self.duplicate));
        m.insert("httpStatus".into(), Value::int(i64::from(self.http_status)));
        m.insert("valid".into(), Value::Bool(self.report.valid));
        opt(&mut m, "ackStatus", self.ack_status());
        opt(&mut m, "duplicateOfLead", self.duplicate_of_lead.as_deref());
        opt(&mut m, "routing", self.routing.map(ExpiryAction::as_str));
        opt(
            &mut m,
            "deadLetterReason",
            self.dead_letter_reason.as_deref(),
        );
        if let Some(a) = self.retry_attempt {
            m.insert("retryAttempt".into(), Value::int(i64::from(a)));
        }
        opt(&mut m, "fingerprint", self.fingerprint.as_deref());
        m.insert("report".into(), self.report.to_value());
        if let Some(a) = &self.ack {
            m.insert("ack".into(), a.root().clone());
        }
        Value::Object(m)
    }
}

/// Storage behind a [`Receiver`]. Implementations must be thread-safe.
pub trait ReceiverStore: Send + Sync {
    /// The receipt stored for `message_id`.
    fn receipt(&self, message_id: &str) -> Option<Receipt>;
    /// Stores the receipt for `message_id`.
    fn put_receipt(&self, message_id: &str, receipt: &Receipt);
    /// The stored status of `lead_id`.
    fn lead_status(&self, lead_id: &str) -> Option<String>;
    /// Stores the status of `lead_id`.
    fn set_lead_status(&self, lead_id: &str, status: &str);
    /// The lead that owns a customer fingerprint.
    fn fingerprint_owner(&self, fingerprint: &str) -> Option<String>;
    /// Records that `lead_id` has this customer fingerprint.
    fn put_fingerprint(&self, fingerprint: &str, lead_id: &str);
    /// When the owner of `fingerprint` was recorded (`None`: unknown, treated as recent).
    fn fingerprint_seen_at(&self, _fingerprint: &str) -> Option<OffsetDateTime> {
        None
    }
    /// Records that `lead_id` has this customer fingerprint since `at`.
    fn put_fingerprint_at(&self, fingerprint: &str, lead_id: &str, _at: OffsetDateTime) {
        self.put_fingerprint(fingerprint, lead_id);
    }
}

#[derive(Default)]
struct MemoryState {
    receipts: HashMap<String, Receipt>,
    statuses: HashMap<String, String>,
    fingerprints: HashMap<String, String>,
    seen_at: HashMap<String, OffsetDateTime>,
}

/// The default in-memory store.
#[derive(Default)]
pub struct MemoryStore {
    state: Mutex<MemoryState>,
}

impl MemoryStore {
    fn with<T>(&self, f: impl FnOnce(&mut MemoryState) -> T) -> T {
        let mut guard = match self.state.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        f(&mut guard)
    }
}

impl ReceiverStore for MemoryStore {
    fn receipt(&self, message_id: &str) -> Option<Receipt> {
        self.with(|s| s.receipts.get(message_id).cloned())
    }
    fn put_receipt(&self, message_id: &str, receipt: &Receipt) {
        self.with(|s| s.receipts.insert(message_id.to_string(), receipt.clone()));
    }
    fn lead_status(&self, lead_id: &str) -> Option<String> {
        self.with(|s| s.statuses.get(lead_id).cloned())
    }
    fn set_lead_status(&self, lead_id: &str, status: &str) {
        self.with(|s| s.statuses.insert(lead_id.to_string(), status.to_string()));
    }
    fn fingerprint_owner(&self, fingerprint: &str) -> Option<String> {
        self.with(|s| s.fingerprints.get(fingerprint).cloned())
    }
    fn put_fingerprint(&self, fingerprint: &str, lead_id: &str) {
        self.with(|s| {
            s.fingerprints
                .insert(fingerprint.to_string(), lead_id.to_string())
        });
    }
    fn fingerprint_seen_at(&self, fingerprint: &str) -> Option<OffsetDateTime> {
        self.with(|s| s.seen_at.get(fingerprint).copied())
    }
    fn put_fingerprint_at(&self, fingerprint: &str, lead_id: &str, at: OffsetDateTime) {
        self.with(|s| {
            s.fingerprints
                .insert(fingerprint.to_string(), lead_id.to_string());
            s.seen_at.insert(fingerprint.to_string(), at);
        });
    }
}

/// The default deduplication window (LEX_DEDUPLICATION: 72 hours).
pub const DEFAULT_DEDUP_WINDOW_HOURS: u32 = 72;

/// A stateful receiving endpoint. Thread-safe: `receive` may be called from many threads;
/// one `messageId` is processed at most once (messages are processed one at a time).
pub struct Receiver {
    store: Arc<dyn ReceiverStore>,
    options: ValidateOptions,
    gate: Mutex<()>,
    dedup_window_hours: u32,
}

impl Receiver {
    /// A receiver with the in-memory store.
    pub fn new(options: ValidateOptions) -> Receiver {
        Receiver::with_store(options, Arc::new(MemoryStore::default()))
    }

    /// A receiver over a custom store.
    pub fn with_store(options: ValidateOptions, store: Arc<dyn ReceiverStore>) -> Receiver {
        Receiver {
            store,
            options,
            gate: Mutex::new(()),
            dedup_window_hours: DEFAULT_DEDUP_WINDOW_HOURS,
        }
    }

    /// Sets the deduplication window used when a lead does not name one (clamped to the
    /// schema's 1–720 hours).
    pub fn with_dedup_window_hours(mut self, hours: u32) -> Receiver {
        self.dedup_window_hours = hours.clamp(1, 720);
        self
    }

    /// The validation options in force.
    pub fn options(&self) -> &ValidateOptions {
        &self.options
    }

    /// The stored status of a lead.
    pub fn lead_status(&self, lead_id: &str) -> Option<String> {
        self.store.lead_status(lead_id)
    }

    /// Reads, validates and records one message (any format; an interchange must carry
    /// exactly one message, see [`Receiver::receive_all`]).
    pub fn receive(&self, input: &[u8]) -> Result<Receipt> {
        let mut all = self.receive_all(input)?;
        if all.len() != 1 {
            return Err(crate::error::Error::invalid_argument(format!(
                "expected one message, the input holds {}",
                all.len()
            )));
        }
        Ok(all.remove(0))
    }

    /// Receives every message of an input in order.
    pub fn receive_all(&self, input: &[u8]) -> Result<Vec<Receipt>> {
        let format = resolve_format(input, None)?;
        let read = ReadOptions {
            mode: self.options.mode,
            limits: self.options.limits,
        };
        let messages = crate::codec::read(input, format, &read)?;
        Ok(messages
            .into_iter()
            .map(|m| self.receive_message(m))
            .collect())
    }

    /// Receives an already-read message.
    pub fn receive_message(&self, message: Message) -> Receipt {
        // One message at a time: the idempotency check and the state update are atomic.
        let _guard = match self.gate.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        let id = message.message_id().map(str::to_string);
        if let Some(id) = &id {
            if let Some(mut r) = self.store.receipt(id) {
                r.duplicate = true;
                return r;
            }
        }
        let receipt = self.process(message);
        if let Some(id) = &id {
            self.store.put_receipt(id, &receipt);
        }
        receipt
    }

    fn process(&self, message: Message) -> Receipt {
        let now = crate::datetime::now_or_system(self.options.now);
        let mut opts = self.options.clone();
        opts.now = Some(now);
        let lead = message.lead();
        if let Some(stored) = lead
            .and_then(|l| l.lead_id())
            .and_then(|id| self.store.lead_status(id))
        {
            opts.previous_status = Some(stored);
        }
        let mut report = validate(&message, &opts);
        // The engine judges the transition from `previous_status` (else the last
        // `leadHistory[]` entry); should it not have (an engine without lifecycle rules),
        // the receiver applies the policy itself.
        if !report.has_code("INVALID_STATUS_TRANSITION")
            && !report.has_code("STATUS_TRANSITION_UNLISTED")
        {
            let mut issues: Vec<_> = report.issues().cloned().collect();
            let before = issues.len();
            crate::lifecycle::check_lifecycle(
                &message,
                opts.previous_status.as_deref(),
                opts.policy,
                &mut issues,
            );
            if issues.len() != before {
                report = Report::from_issues(issues);
            }
        }
        // Expiry (expiresAt, else basis + maxAgeSeconds) is reported by `validate` through
        // `crate::ttl::ttl_issues`, the one TTL rule.
        let expired = report.has_code("MESSAGE_TTL_EXPIRED");
        let outcome = if expired {
            Outcome::DeadLetter
        } else if report.valid {
            Outcome::Accepted
        } else {
            Outcome::Rejected
        };
        let routing = expired.then(|| {
            message
                .header()
                .ttl()
                .and_then(|t| t.get("onExpiry"))
                .and_then(Value::as_str)
                .and_then(ExpiryAction::parse)
                .unwrap_or(ExpiryAction::Dlq)
        });
        let fingerprint = lead.and_then(|_| lead_fingerprint(&message));
        let mut duplicate_of_lead = None;
        if outcome == Outcome::Accepted {
            if let Some(l) = lead {
                if let (Some(lead_id), Some(status)) = (l.lead_id(), l.status()) {
                    self.store.set_lead_status(lead_id, status);
                    if let Some(fp) = &fingerprint {
                        let window = window_hours(l.raw(), self.dedup_window_hours);
                        duplicate_of_lead = self.check_duplicate(fp, lead_id, window, now);
                    }
                }
            }
        }
        let ack = match routing {
            Some(ExpiryAction::Dlq | ExpiryAction::Discard) => None,
            Some(ExpiryAction::Return) | None => acknowledge_with(
                &message,
                Some(&report),
                None,
                &BuildOptions {
                    now: Some(now),
                    message_id: None,
                },
            )
            .ok(),
        };
        let retry_attempt = message
            .header()
            .retry_context()
            .and_then(|r| r.get("attemptNumber"))
            .and_then(Value::as_i64)
            .and_then(|n| u32::try_from(n).ok());
        Receipt {
            http_status: report.http_status(),
            message,
            report,
            ack,
            duplicate: false,
            outcome,
            duplicate_of_lead,
            routing,
            dead_letter_reason: expired.then(|| "TTL_EXPIRED".to_string()),
            retry_attempt,
            fingerprint,
        }
    }

    /// Records the fingerprint for `lead_id` or returns the active lead that owns it.
    fn check_duplicate(
        &self,
        fp: &str,
        lead_id: &str,
        window_hours: u32,
        now: OffsetDateTime,
    ) -> Option<String> {
        match self.store.fingerprint_owner(fp) {
            Some(owner) if owner != lead_id => {
                let active = !matches!(
                    self.store.lead_status(&owner).as_deref(),
                    Some("ARCHIVED" | "DELIVERED")
                );
                let recent = self.store.fingerprint_seen_at(fp).is_none_or(|seen| {
                    seen.checked_add(Duration::hours(i64::from(window_hours)))
                        .is_none_or(|end| end >= now)
                });
                if active && recent {
                    return Some(owner);
                }
                // The customer came back (old lead closed or outside the window).
                self.store.put_fingerprint_at(fp, lead_id, now);
            }
            Some(_) => {}
            None => self.store.put_fingerprint_at(fp, lead_id, now),
        }
        None
    }
}

/// The lead's own deduplication window (1–720 hours), else `default`.
fn window_hours(lead: &Map, default: u32) -> u32 {
    lead.get("deduplication")
        .and_then(|d| d.get("deduplicationWindowHours"))
        .and_then(Value::as_i64)
        .filter(|h| (1..=720).contains(h))
        .and_then(|h| u32::try_from(h).ok())
        .unwrap_or(default)
}

/// The fingerprint the receiver uses: computed from the customer's email, phone and last
/// name when the lead has an email or phone (so every sender's leads compare alike), else
/// the sender's `deduplication.customerFingerprint` when it is well-formed.
fn lead_fingerprint(message: &Message) -> Option<String> {
    crate::api::message_fingerprint(message).or_else(|| {
        let fp = message
            .lead()?
            .raw()
            .get("deduplication")?
            .get("customerFingerprint")?
            .as_str()?;
        crate::dedup::is_fingerprint(fp).then(|| fp.to_string())
    })
}

#[cfg(test)]
mod tests;
