//! # lex-core
//!
//! The core of the LEX 1.0 toolkit: the canonical message tree, readers and writers for
//! JSON-EDI, XML-EDI, ANSI X12 850 and UN/EDIFACT ORDERS, the validation engine (conformance
//! levels 1–3), the lead lifecycle, acknowledgments, message building, deduplication
//! fingerprints and the stateful receiver. Every language binding maps [`api`] one to one.
//!
//! [`api`] is the only door: it holds every operation and re-exports every option type. The
//! other public modules hold the data types the operations hand out ([`Message`], [`Value`],
//! [`Report`], [`Error`], [`Format`]); everything else is private to the crate.
//!
//! ```
//! use lex_core::api::{self, ReadOptions, ValidateOptions};
//! let input = br#"{"lex":{"header":{"messageType":"INQUIRY"},"payload":{}}}"#;
//! let msg = api::parse(input, None, &ReadOptions::default()).unwrap();
//! let report = api::validate(&msg, &ValidateOptions::default());
//! assert!(!report.valid);
//! assert_eq!(report.errors[0].code, "INVALID_ENUM_VALUE");
//! ```

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
