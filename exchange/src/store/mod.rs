//! The exchange's store: what is kept about every answered message, and the transaction
//! the decision runs in.
//!
//! [`Store`] is what the server calls; [`Tx`] is the view of one open transaction that
//! [`crate::decide::decide`] runs over, so the decision is written once for every store.
//! The SQLite store ([`sqlite::SqliteStore`]) serialises writes in one writer thread (SQLite
//! allows one writer) and commits them in groups; a PostgreSQL store would run the same
//! [`Tx`] per request with row locks on the message id and lead id instead.

pub mod lifecycle;
pub mod sqlite;

use lex_core::Report;
use lex_core::{Format, Message};
use std::future::Future;
use std::pin::Pin;
use std::time::Instant;
use time::OffsetDateTime;

/// A store failure (answered 503 `STORE_UNAVAILABLE`; nothing was committed).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database reported an error.
    #[error("database error: {0}")]
    Database(String),
    /// The store is shutting down or its writer stopped.
    #[error("the store is closed")]
    Closed,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(e.to_string())
    }
}

/// A result of the store.
pub type StoreResult<T> = Result<T, StoreError>;

/// A message read and judged by the request handler, on its way to be decided and stored.
#[derive(Debug)]
pub struct Submission {
    /// The organisation that sent it (from its token).
    pub org: String,
    /// The message (it has a `messageId`).
    pub message: Message,
    /// Its report, judged without the stored lead status.
    pub report: Report,
    /// The wire format it came in.
    pub format: Format,
    /// The 997 or CONTRL for X12 or EDIFACT input.
    pub native_ack: Option<String>,
    /// The validation level.
    pub level: u8,
    /// When it was received.
    pub received_at: OffsetDateTime,
    /// When the request started (for `processingTimeMs`).
    pub started: Instant,
}

/// The answer to a submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status (200, 410, 422).
    pub http_status: u16,
    /// The response body as stored (JSON, without `idempotent`).
    pub response: String,
    /// True when the message id was already stored: nothing was processed again.
    pub idempotent: bool,
}

/// Everything kept about one message (the response and ACK as bytes, not message trees).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredMessage {
    /// The organisation.
    pub org: String,
    /// `header.messageId`.
    pub message_id: String,
    /// `header.messageType`.
    pub message_type: Option<String>,
    /// `header.senderId`.
    pub sender_id: Option<String>,
    /// `header.receiverId`.
    pub receiver_id: Option<String>,
    /// The lead it is about.
    pub lead_id: Option<String>,
    /// The customer fingerprint (LEAD).
    pub fingerprint: Option<String>,
    /// SHA-256 of the message without `timestamp` and `retryContext`.
    pub content_hash: String,
    /// The wire format it came in (`json`, `xml`, `x12`, `edifact`).
    pub format: String,
    /// When it was received (RFC 3339, UTC).
    pub received_at: String,
    /// Unix seconds of `received_at`.
    pub received_unix: i64,
    /// `RECEIVED`, `PROCESSED`, `REJECTED` or `DLQ`.
    pub status: String,
    /// The HTTP status answered.
    pub http_status: u16,
    /// The response body (JSON).
    pub response: String,
    /// The ACKNOWLEDGMENT message (JSON), when one was produced.
    pub ack: Option<String>,
    /// The 997 or CONTRL for X12 or EDIFACT input.
    pub ack_native: Option<String>,
    /// The message as JSON-EDI; `None` once pruned to a tombstone or erased.
    pub body: Option<String>,
    /// `None` for a whole record; `retention` or `erased` for a tombstone.
    pub pruned: Option<String>,
}

/// A future answered by the store.
pub type StoreFuture<T> = Pin<Box<dyn Future<Output = StoreResult<T>> + Send + 'static>>;

/// The exchange's store.
pub trait Store: Send + Sync + 'static {
    /// Decides and durably records a submission, answering after the commit.
    fn submit(&self, sub: Submission) -> StoreFuture<Answer>;
    /// A stored message of `org` (blocking; call from a blocking task).
    fn message(&self, org: &str, message_id: &str) -> StoreResult<Option<StoredMessage>>;
    /// The stored status of a lead of `org` (blocking).
    fn lead_status(&self, org: &str, lead_id: &str) -> StoreResult<Option<String>>;
    /// When a stored lead was created (its `metadata.createdDate`, else when it was first
    /// received); `None` for an unknown lead (blocking).
    fn lead_created(&self, org: &str, lead_id: &str) -> StoreResult<Option<String>>;
    /// Checks the store answers (blocking).
    fn health(&self) -> StoreResult<()>;
}

/// One open transaction, as the decision sees it.
pub trait Tx {
    /// The stored answer for a message id of `org`: `(http_status, response)`.
    fn find(&mut self, org: &str, message_id: &str) -> StoreResult<Option<(u16, String)>>;
    /// The stored status of a lead.
    fn lead_status(&mut self, org: &str, lead_id: &str) -> StoreResult<Option<String>>;
    /// Stores the status of a lead (`created_at` is kept from the first time).
    fn set_lead_status(
        &mut self,
        org: &str,
        lead_id: &str,
        status: &str,
        created_at: &str,
    ) -> StoreResult<()>;
    /// The lead owning a customer fingerprint and since when (unix seconds).
    fn fingerprint_owner(&mut self, org: &str, fp: &str) -> StoreResult<Option<(String, i64)>>;
    /// Records that `lead_id` owns a fingerprint since `at_unix`.
    fn put_fingerprint(
        &mut self,
        org: &str,
        fp: &str,
        lead_id: &str,
        at_unix: i64,
    ) -> StoreResult<()>;
    /// Inserts a message record.
    fn insert(&mut self, row: &StoredMessage) -> StoreResult<()>;
}
