//! Time in one place: RFC 3339 parsing and formatting, the allowed clock skew and the
//! clock (an injected instant, else the system clock).
//!
//! Named `datetime` rather than `time` so that `time::…` keeps naming the `time` crate.

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// Tolerance for clock skew before a timestamp counts as "in the future".
pub(crate) const FUTURE_SKEW_SECONDS: i64 = 60;

/// Parses an RFC 3339 date-time (any offset).
pub(crate) fn parse_timestamp(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

/// Formats an instant as RFC 3339 in UTC with a trailing `Z` and second precision.
pub(crate) fn format_timestamp(t: OffsetDateTime) -> String {
    let t = t
        .to_offset(UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or(t);
    t.format(&Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}

/// The clock: `injected` when set, else the system clock (UTC).
pub(crate) fn now_or_system(injected: Option<OffsetDateTime>) -> OffsetDateTime {
    injected.unwrap_or_else(OffsetDateTime::now_utc)
}

/// True when `t` lies more than [`FUTURE_SKEW_SECONDS`] after `now`, to the millisecond.
pub(crate) fn beyond_skew(t: OffsetDateTime, now: OffsetDateTime) -> bool {
    (t - now).whole_milliseconds() > i128::from(FUTURE_SKEW_SECONDS) * 1000
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn format_is_utc_second_precision() {
        let t = datetime!(2026-04-03 14:00:00.75 +02:00);
        assert_eq!(format_timestamp(t), "2026-04-03T12:00:00Z");
        assert_eq!(
            parse_timestamp("2026-04-03T12:00:00Z"),
            Some(datetime!(2026-04-03 12:00 UTC))
        );
        assert_eq!(parse_timestamp("2026-04-03"), None);
    }

    #[test]
    fn skew_is_sixty_seconds_to_the_millisecond() {
        let now = datetime!(2026-04-03 12:00 UTC);
        assert!(!beyond_skew(datetime!(2026-04-03 12:01 UTC), now));
        assert!(beyond_skew(datetime!(2026-04-03 12:01:00.001 UTC), now));
    }
}
