//! # lex-core
//!
//! The core of the LEX 1.0 toolkit: the canonical message tree, readers and writers for
//! JSON-EDI, XML-EDI, ANSI X12 850 and UN/EDIFACT ORDERS, the validation engine (conformance
//! levels 1–3), the lead lifecycle, acknowledgments, message building, deduplication
//! fingerprints and the stateful receiver. Every language binding maps [`api`] one to one.
//!
//! ```
//! use lex_core::{api, options::ReadOptions, validate::ValidateOptions};
//! let input = br#"{"lex":{"header":{"messageType":"INQUIRY"},"payload":{}}}"#;
//! let msg = api::parse(input, None, &ReadOptions::default()).unwrap();
//! let report = api::validate(&msg, &ValidateOptions::default());
//! assert!(!report.valid);
//! assert_eq!(report.errors[0].code, "INVALID_ENUM_VALUE");
//! ```

#![deny(missing_docs)]

pub mod ack;
pub mod api;
pub mod build;
pub mod codec;
pub mod consent;
pub mod dedup;
pub mod error;
pub mod extensions;
pub mod format;
pub mod governance;
mod json_schema;
pub mod lifecycle;
pub mod message;
pub mod normalize;
pub mod options;
pub mod receiver;
pub mod report;

#[cfg(feature = "testgen")]
pub mod testgen;
mod ttl;
pub mod validate;
pub mod value;
pub mod vectors;

pub use error::{Error, ErrorKind, Location, Result};
pub use format::Format;
pub use message::{Message, MessageType};
pub use report::{Issue, Level, Report};
pub use value::{Map, Number, Value};
