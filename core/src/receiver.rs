//! The receiving side of an exchange: idempotency, stored lead status, TTL, duplicates.

use crate::ack::acknowledge_with;
use crate::build::BuildOptions;
use crate::codec::resolve_format;
use crate::error::Result;
use crate::message::Message;
use crate::options::ReadOptions;
use crate::report::Report;
use crate::validate::{ValidateOptions, validate};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

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
}

#[derive(Default)]
struct MemoryState {
    receipts: HashMap<String, Receipt>,
    statuses: HashMap<String, String>,
    fingerprints: HashMap<String, String>,
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
}

/// A stateful receiving endpoint. Thread-safe: `receive` may be called from many threads;
/// one `messageId` is processed at most once.
pub struct Receiver {
    store: Arc<dyn ReceiverStore>,
    options: ValidateOptions,
    gate: Mutex<()>,
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
        }
    }

    /// The validation options in force.
    pub fn options(&self) -> &ValidateOptions {
        &self.options
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
        let mut opts = self.options.clone();
        let lead = message.lead();
        if let Some(lead_id) = lead.and_then(|l| l.lead_id()) {
            if let Some(stored) = self.store.lead_status(lead_id) {
                opts.previous_status = Some(stored);
            }
        }
        let report = validate(&message, &opts);
        let expired = report.has_code("MESSAGE_TTL_EXPIRED");
        let outcome = if expired {
            Outcome::DeadLetter
        } else if report.valid {
            Outcome::Accepted
        } else {
            Outcome::Rejected
        };
        let mut duplicate_of_lead = None;
        if outcome == Outcome::Accepted {
            if let Some(l) = lead {
                if let (Some(lead_id), Some(status)) = (l.lead_id(), l.status()) {
                    self.store.set_lead_status(lead_id, status);
                    if l.email().is_some() || l.phone().is_some() {
                        let fp = crate::dedup::fingerprint(
                            l.email().unwrap_or(""),
                            l.phone().unwrap_or(""),
                            l.last_name().unwrap_or(""),
                        );
                        match self.store.fingerprint_owner(&fp) {
                            Some(owner) if owner != lead_id => {
                                let owner_status = self.store.lead_status(&owner);
                                let active = !matches!(
                                    owner_status.as_deref(),
                                    Some("ARCHIVED" | "DELIVERED")
                                );
                                if active {
                                    duplicate_of_lead = Some(owner);
                                } else {
                                    self.store.put_fingerprint(&fp, lead_id);
                                }
                            }
                            Some(_) => {}
                            None => self.store.put_fingerprint(&fp, lead_id),
                        }
                    }
                }
            }
        }
        let ack = if outcome == Outcome::DeadLetter {
            None
        } else {
            acknowledge_with(
                &message,
                Some(&report),
                None,
                &BuildOptions {
                    now: opts.now,
                    message_id: None,
                },
            )
            .ok()
        };
        let receipt = Receipt {
            http_status: report.http_status(),
            message,
            report,
            ack,
            duplicate: false,
            outcome,
            duplicate_of_lead,
        };
        if let Some(id) = &id {
            self.store.put_receipt(id, &receipt);
        }
        receipt
    }
}
