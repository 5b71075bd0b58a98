//! # lex-core
//!
//! The core of the LEX 1.0 toolkit: the canonical message tree, readers and writers for
//! JSON-EDI, XML-EDI, ANSI X12 850 and UN/EDIFACT ORDERS, the validation engine (conformance
//! levels 1–3), the lead lifecycle, acknowledgments, message building, deduplication
//! fingerprints and the stateful receiver. Every language binding maps [`api`] one to one.
//!
//! [`api`] is the only door: it holds every operation and re-exports every option type. The
//! other public modules hold the data types the operations hand out ([`Message`], [`Value`],
//! [`Report`], [`Error`], [`Format`]); everything else is private to the crate. The core does
//! no I/O: it takes bytes and returns values.
//!
//! # What to call
//!
//! | to … | call | gives |
//! |---|---|---|
//! | read one message | [`api::parse`] (format detected when `None`; [`api::detect`] alone) | [`Message`] or [`Error`] |
//! | read an interchange | [`api::parse_all`] | every message of an X12/EDIFACT interchange |
//! | take a tree you built | [`api::from_value`], [`api::value_from_json`] | [`Message`] / [`Value`] |
//! | validate | [`api::validate`], or [`api::validate_input`] on bytes | [`Report`] (never an error for a readable message) |
//! | write / convert | [`api::serialize`], [`api::serialize_all`], [`api::convert`] | text in any [`Format`], lossless |
//! | acknowledge | [`api::acknowledge`] | the ACKNOWLEDGMENT [`Message`] for a message and its report |
//! | EDI acknowledgments | [`api::x12_functional_ack`] (997), [`api::edifact_contrl`] (CONTRL) | text |
//! | receive | [`api::Receiver::receive`] | a [`api::Receipt`]: report, ACK, duplicate and expiry handling |
//! | build | [`api::new_message`] | a new, validated envelope |
//! | lifecycle | [`api::check_transition`], [`api::transition_allowed`] | whether a status change is allowed |
//! | deduplicate | [`api::fingerprint`], [`api::message_fingerprint`] | the customer fingerprint |
//! | forward | [`api::may_forward`] | the data-governance decision for a recipient |
//!
//! Two kinds of outcome, never mixed: an [`Error`] (with a stable [`ErrorKind`] code and a
//! [`Location`]) means the operation could not be done — unreadable input, a limit of
//! [`api::Limits`] exceeded, a bad argument; a [`Report`] says what is wrong with a message
//! that was read, as [`Issue`]s with stable codes. Reading is tolerant by default (findings
//! are warnings on the message); [`api::ReadMode::Strict`] turns them into errors.
//!
//! # Example
//!
//! ```
//! use lex_core::api::{self, ReadOptions, Receiver, ValidateOptions, WriteOptions};
//! use lex_core::Format;
//!
//! let input = br#"{"lex":{"header":{"messageId":"5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23",
//!   "messageType":"LEAD","version":"1.0","timestamp":"2026-05-04T09:30:00Z",
//!   "senderId":"PORTAL-NORTHWIND","receiverId":"DEALER-CONTOSO-017"},
//!   "payload":{"lead":{"leadId":"LEAD-NW-2026-000417","status":"EXPRESSED_INTEREST",
//!   "source":"MANUFACTURER_WEBSITE",
//!   "customer":{"firstName":"Amara","emailAddress":"amara.okafor@example.org"},
//!   "desiredProduct":{"productType":"VEHICLE_NEW","assetClass":"VEHICLE"}}}}}"#;
//!
//! // Read (the format is detected) and validate.
//! let msg = api::parse(input, None, &ReadOptions::default()).unwrap();
//! let report = api::validate(&msg, &ValidateOptions::default());
//! assert!(report.valid, "{:?}", report.errors);
//!
//! // Convert losslessly: JSON-EDI → X12 850 → JSON-EDI gives back the same tree.
//! let x12 = api::serialize(&msg, Format::X12, &WriteOptions::default()).unwrap();
//! let back = api::parse(x12.as_bytes(), Some(Format::X12), &ReadOptions::default()).unwrap();
//! assert_eq!(back.root(), msg.root());
//!
//! // Acknowledge: a valid LEAD is RECEIVED.
//! let ack = api::acknowledge(&msg, Some(&report), None).unwrap();
//! assert_eq!(ack.message_type(), Some(lex_core::MessageType::Acknowledgment));
//!
//! // Receive: the receiver answers a repeat with the first receipt.
//! let receiver = Receiver::new(ValidateOptions::default());
//! assert!(!receiver.receive(input).unwrap().duplicate);
//! assert!(receiver.receive(input).unwrap().duplicate);
//!
//! // An unreadable input is an error with a stable code and a location.
//! let err = api::parse(b"{\"lex\": [", None, &ReadOptions::default()).unwrap_err();
//! assert_eq!(err.kind.code(), "SYNTAX_ERROR");
//! ```
//!
//! How the pieces fit together, and the decisions (`D<n>`) cited in the source, are in the
//! repository's `ARCHITECTURE.md` and `docs/decisions.md`.

#![deny(missing_docs)]

pub mod api;
pub mod error;
pub mod format;
pub mod message;
pub mod report;

#[cfg(feature = "testgen")]
pub mod testgen;
pub mod value;

mod ack;
mod args;
mod build;
mod codec;
mod datetime;
mod dedup;
mod governance;
mod json_schema;
mod lifecycle;
mod normalize;
mod options;
mod receiver;
mod ttl;
mod validate;

pub use error::{Error, ErrorKind, Location, Result};
pub use format::Format;
pub use message::{Message, MessageType};
pub use report::{Issue, Level, Report};
pub use value::{Map, Number, Value};
