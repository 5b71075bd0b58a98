//! # lex-exchange
//!
//! The receiving side of a LEX 1.0 exchange: the standard's HTTP API (`/v1/messages`, the
//! acknowledgment routes, `/v1/health`) served by axum, every answered message durable in
//! an embedded SQLite store before the answer is sent. `lexedi serve` starts it.
//!
//! - [`store`]: the [`store::Store`] trait and its SQLite implementation (WAL,
//!   `synchronous=FULL`, one writer thread with group commit, reader connections for GETs).
//! - [`decide`]: what happens to a message, written once over a store transaction
//!   ([`store::Tx`]) so another store (PostgreSQL) reuses it.
//! - [`intake`]: reading a request body by Content-Type into a message.
//! - [`server`]: the router, authentication, limits and graceful shutdown.

#![deny(missing_docs)]

pub mod auth;
pub mod cloudevents;
pub mod config;
pub mod decide;
pub mod error;
pub mod intake;
pub mod json;
pub mod metrics;
pub mod ratelimit;
mod routes;
mod routes_admin;
mod routes_batch;
mod routes_closure;
pub mod server;
pub mod store;
pub mod tls;

pub use config::Config;
pub use server::{Server, serve};
