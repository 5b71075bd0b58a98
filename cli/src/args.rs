//! Clap value parsers over the core's argument parsing (`lex_core::api::parse_*`): the CLI
//! accepts the same names and ranges as every binding, with the same error texts.

use lex_core::api;
use lex_core::api::TransitionPolicy;
use lex_core::{Format, MessageType};

/// `--format`, `--to`, `--from`.
pub fn format(s: &str) -> Result<Format, String> {
    api::parse_format(s).map_err(|e| e.message)
}

/// `--type` (the CLI also takes lower case: `lead` is `LEAD`).
pub fn message_type(s: &str) -> Result<MessageType, String> {
    api::parse_message_type(&s.to_ascii_uppercase()).map_err(|e| e.message)
}

/// `--level`: 1, 2 or 3.
pub fn level(s: &str) -> Result<u8, String> {
    let n: i64 = s
        .trim()
        .parse()
        .map_err(|_| api::wrong_type("level", "an integer").message)?;
    api::parse_level(n).map_err(|e| e.message)
}

/// `--transition-policy`: `default` (a move off the published table is a warning) or
/// `strict-table` (it is an error).
pub fn policy(s: &str) -> Result<TransitionPolicy, String> {
    api::parse_policy(s).map_err(|e| e.message)
}
