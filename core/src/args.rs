//! Argument semantics shared by every binding and the CLI: the names of formats, transition
//! policies, message types and read modes, the conformance level and the resource limits,
//! each with one error text. A binding converts its own value to the primitive these take
//! (a string, an integer) and calls them; it never writes the check or the message again.

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::lifecycle::TransitionPolicy;
use crate::message::MessageType;
use crate::options::ReadMode;

/// The family of an [`ErrorKind`]: what a binding raises. Every language has one exception
/// class per family (Python `ParseError`, Java and C# `ParseException`, Node `ParseError`,
/// ...) under one base class; see `surface.toml` at the repository root for the names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorFamily {
    /// The input could not be read (syntax, encoding, not a message, broken envelope).
    Parse,
    /// The input exceeds a configured limit.
    Limit,
    /// An argument from the caller is invalid.
    Argument,
    /// The message cannot be written in the requested format (`UNREPRESENTABLE`).
    Conversion,
    /// Reading or writing a file or stream failed.
    Io,
    /// A bug in lex: an internal invariant failed or a panic was caught.
    Internal,
}

impl ErrorFamily {
    /// Every family, in a stable order.
    pub const ALL: [ErrorFamily; 6] = [
        ErrorFamily::Parse,
        ErrorFamily::Limit,
        ErrorFamily::Argument,
        ErrorFamily::Conversion,
        ErrorFamily::Io,
        ErrorFamily::Internal,
    ];

    /// The family's name (`"Parse"`, `"Limit"`, ...): the stem of each language's class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorFamily::Parse => "Parse",
            ErrorFamily::Limit => "Limit",
            ErrorFamily::Argument => "Argument",
            ErrorFamily::Conversion => "Conversion",
            ErrorFamily::Io => "Io",
            ErrorFamily::Internal => "Internal",
        }
    }

    /// The family of an error kind (the same as [`ErrorKind::family`]).
    pub fn of(kind: ErrorKind) -> ErrorFamily {
        if kind.is_parse() {
            return ErrorFamily::Parse;
        }
        if kind.is_limit() {
            return ErrorFamily::Limit;
        }
        match kind {
            ErrorKind::InvalidArgument => ErrorFamily::Argument,
            ErrorKind::Unrepresentable => ErrorFamily::Conversion,
            ErrorKind::Io => ErrorFamily::Io,
            // `Internal`, and any kind added later without a family: a bug until classified.
            _ => ErrorFamily::Internal,
        }
    }
}

fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// A format name: `json`, `xml`, `x12`, `edifact` (case-insensitive; the aliases of
/// [`Format::parse`] too). Anything else is `INVALID_ARGUMENT`.
pub fn parse_format(name: &str) -> Result<Format> {
    Format::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
        Error::invalid_argument(format!(
            "unknown format \"{name}\" (expected {})",
            one_of(&names)
        ))
    })
}

/// A transition policy name: `default` or `strict-table`.
pub fn parse_policy(name: &str) -> Result<TransitionPolicy> {
    TransitionPolicy::parse(name).ok_or_else(|| {
        Error::invalid_argument(format!(
            "unknown transition policy \"{name}\" (expected default or strict-table)"
        ))
    })
}

/// A message type by its wire name (`LEAD`, `ASSET`, ...; case-sensitive, as the schema says).
pub fn parse_message_type(name: &str) -> Result<MessageType> {
    MessageType::parse(name).ok_or_else(|| {
        let names: Vec<&str> = MessageType::ALL.iter().map(|t| t.as_str()).collect();
        Error::invalid_argument(format!(
            "unknown message type \"{name}\" (expected {})",
            one_of(&names)
        ))
    })
}

/// A read mode name: `tolerant` or `strict`.
pub fn parse_read_mode(name: &str) -> Result<ReadMode> {
    ReadMode::parse(name).ok_or_else(|| {
        Error::invalid_argument(format!(
            "unknown read mode \"{name}\" (expected tolerant or strict)"
        ))
    })
}

/// A conformance level: 1, 2 or 3. Takes the widest integer so that a binding passes what
/// its caller gave (negative, huge) and the one error text is written here.
pub fn parse_level(level: i64) -> Result<u8> {
    u8::try_from(level)
        .ok()
        .filter(|l| (1..=3).contains(l))
        .ok_or_else(|| Error::invalid_argument(format!("level must be 1, 2 or 3, not {level}")))
}

/// A resource limit named `name` (`max_depth`, ...): a positive integer. Zero and negative
/// values are `INVALID_ARGUMENT` (a limit of zero would refuse every input).
pub fn parse_limit(name: &str, value: i64) -> Result<usize> {
    usize::try_from(value)
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| {
            Error::invalid_argument(format!(
                "limit {name} must be a positive integer, not {value}"
            ))
        })
}

/// The error for a handle used after it was closed (freed, disposed); `what` names the type.
pub fn closed_handle(what: &str) -> Error {
    Error::invalid_argument(format!("the {what} was closed and cannot be used"))
}

/// The error for an argument of the wrong type: `name` is the parameter, `expected` says
/// what it takes (`"a string"`, `"bytes or a string"`, ...).
pub fn wrong_type(name: &str, expected: &str) -> Error {
    Error::invalid_argument(format!("{name} must be {expected}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_family() {
        for kind in ErrorKind::ALL {
            let family = kind.family();
            assert_eq!(family, ErrorFamily::of(kind));
            if kind == ErrorKind::Internal {
                assert_eq!(family, ErrorFamily::Internal);
            } else {
                assert_ne!(family, ErrorFamily::Internal, "{kind:?}");
            }
        }
        assert_eq!(ErrorKind::Unrepresentable.family(), ErrorFamily::Conversion);
        assert_eq!(ErrorKind::InvalidArgument.family(), ErrorFamily::Argument);
    }

    #[test]
    fn names_parse_with_one_text() {
        assert_eq!(parse_format("X12").unwrap(), Format::X12);
        let e = parse_format("csv").unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidArgument);
        assert_eq!(
            e.message,
            "unknown format \"csv\" (expected json, xml, x12 or edifact)"
        );
        assert_eq!(
            parse_policy("strict-table").unwrap(),
            TransitionPolicy::StrictTable
        );
        assert!(parse_policy("lenient").is_err());
        assert_eq!(parse_message_type("LEAD").unwrap(), MessageType::Lead);
        let e = parse_message_type("lead").unwrap_err();
        assert!(
            e.message
                .starts_with("unknown message type \"lead\" (expected LEAD, ")
        );
        assert_eq!(parse_read_mode("STRICT").unwrap(), ReadMode::Strict);
        assert!(parse_read_mode("loose").is_err());
    }

    #[test]
    fn levels_and_limits_are_ranged() {
        assert_eq!(parse_level(1).unwrap(), 1);
        assert_eq!(parse_level(3).unwrap(), 3);
        for bad in [0, 4, -1, 256, i64::MAX, i64::MIN] {
            let e = parse_level(bad).unwrap_err();
            assert_eq!(e.message, format!("level must be 1, 2 or 3, not {bad}"));
        }
        assert_eq!(parse_limit("max_depth", 5).unwrap(), 5);
        let e = parse_limit("max_depth", -1).unwrap_err();
        assert_eq!(
            e.message,
            "limit max_depth must be a positive integer, not -1"
        );
        assert!(parse_limit("max_depth", 0).is_err());
    }
}
