//! Header rules beyond the envelope checks: the version's major number (I-1) and an
//! unreadable `timestamp` (spec-model §4.0: CRITICAL, the message cannot be ordered in time).

use super::{Ctx, get_str, issue_at};
use crate::report::{Issue, Level};
use crate::value::Value;

/// The LEX major version this toolkit implements.
pub const SUPPORTED_MAJOR: u32 = 1;
/// The highest minor version of [`SUPPORTED_MAJOR`] this toolkit knows.
pub const KNOWN_MINOR: u32 = 0;

/// Runs the header rules (every level).
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    let Some(header) = ctx.msg.header().raw() else {
        return;
    };
    if let Some(v) = get_str(header, "version") {
        if let Some((major, minor)) = v.split_once('.') {
            let (Ok(major), Ok(minor)) = (major.parse::<u32>(), minor.parse::<u32>()) else {
                return;
            };
            if major != SUPPORTED_MAJOR {
                issues.push(
                    issue_at(
                        Level::Error,
                        "UNSUPPORTED_VERSION",
                        "/lex/header/version".into(),
                        format!(
                            "LEX {v} is not supported (this toolkit reads LEX {SUPPORTED_MAJOR}.x)"
                        ),
                    )
                    .rejected(Value::from(v)),
                );
            } else if minor > KNOWN_MINOR {
                issues.push(
                    issue_at(
                        Level::Info,
                        "VERSION_MINOR_UNKNOWN",
                        "/lex/header/version".into(),
                        format!("LEX {v} is newer than {SUPPORTED_MAJOR}.{KNOWN_MINOR}; read as {SUPPORTED_MAJOR}.{KNOWN_MINOR}"),
                    )
                    .rejected(Value::from(v)),
                );
            }
        }
    }
    if let Some(ts) = get_str(header, "timestamp") {
        if crate::datetime::parse_timestamp(ts).is_none() {
            issues.push(
                issue_at(
                    Level::Critical,
                    "INVALID_FORMAT",
                    "/lex/header/timestamp".into(),
                    format!("timestamp \"{ts}\" is not an RFC 3339 date-time"),
                )
                .rejected(Value::from(ts)),
            );
        }
    }
}
