//! The lead lifecycle: the 15 statuses and the transition policies.
//!
//! Default policy (decisions.md, spec-model §3.5): leaving `ARCHIVED` is an error, leaving
//! `DELIVERED` except to `ARCHIVED` is an error, going from `ORDER`/`ORDER_CONFIRMED`/
//! `IN_DELIVERY` back to a pre-order status is an error; the published table (plus
//! self-transitions and moves to `ARCHIVED`) is allowed; every other move (`CART → ORDER`,
//! `SHOPPING → IN_NEGOTIATION`, a pre-order step back, `IN_DELIVERY → ORDER`) is allowed with
//! the warning `STATUS_TRANSITION_UNLISTED`, never silently (issue 24 item 6). The
//! `strict-table` policy allows only the published table plus self-transitions and moves to
//! `ARCHIVED`; everything else is the error `INVALID_STATUS_TRANSITION`.

use crate::report::{Issue, Level};
use std::fmt;

/// The 15 lead statuses, in journey order.
pub const STATUSES: [&str; 15] = [
    "CART",
    "SHOPPING",
    "EXPLORING",
    "TEST_DRIVE_REQUESTED",
    "TEST_DRIVE_COMPLETED",
    "TRADE_IN",
    "EXPRESSED_INTEREST",
    "RESERVATION",
    "APPOINTMENT_REQUEST",
    "IN_NEGOTIATION",
    "ORDER",
    "ORDER_CONFIRMED",
    "IN_DELIVERY",
    "DELIVERED",
    "ARCHIVED",
];

/// Index of a status in [`STATUSES`].
pub fn status_index(status: &str) -> Option<usize> {
    STATUSES.iter().position(|s| *s == status)
}

/// True for one of the 15 statuses.
pub fn is_status(status: &str) -> bool {
    status_index(status).is_some()
}

const ORDER: usize = 10;
const ORDER_CONFIRMED: usize = 11;
const IN_DELIVERY: usize = 12;
const DELIVERED: usize = 13;
const ARCHIVED: usize = 14;

/// Which transition rules apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TransitionPolicy {
    /// The project's default matrix (keeps every vector and upstream example valid).
    #[default]
    Default,
    /// Only the transitions of the published table, self-transitions and `→ ARCHIVED`.
    StrictTable,
}

impl TransitionPolicy {
    /// `"default"` or `"strict-table"`.
    pub fn as_str(self) -> &'static str {
        match self {
            TransitionPolicy::Default => "default",
            TransitionPolicy::StrictTable => "strict-table",
        }
    }

    /// Parses `default` / `strict-table` (also `strict_table`, `strict`).
    pub fn parse(s: &str) -> Option<TransitionPolicy> {
        match s.to_ascii_lowercase().as_str() {
            "default" => Some(TransitionPolicy::Default),
            "strict-table" | "strict_table" | "stricttable" | "strict" => {
                Some(TransitionPolicy::StrictTable)
            }
            _ => None,
        }
    }
}

/// The verdict on one transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transition {
    /// Allowed.
    Allowed,
    /// Allowed, but not listed anywhere: a `STATUS_TRANSITION_UNLISTED` warning.
    Unlisted,
    /// Forbidden: an `INVALID_STATUS_TRANSITION` error.
    Forbidden,
}

impl Transition {
    /// `"allowed"`, `"unlisted"` or `"forbidden"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Transition::Allowed => "allowed",
            Transition::Unlisted => "unlisted",
            Transition::Forbidden => "forbidden",
        }
    }

    /// True unless forbidden.
    pub fn is_allowed(self) -> bool {
        self != Transition::Forbidden
    }
}

impl fmt::Display for Transition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The published transition table (LEX_MESSAGE_TYPES §1), by index into [`STATUSES`]:
/// `TABLE[from]` lists the allowed targets besides self and `ARCHIVED`.
const TABLE: [&[usize]; 15] = [
    /* CART */ &[1, 2, 3],
    /* SHOPPING */ &[0, 2, 3, 6],
    /* EXPLORING */ &[1, 5, 6],
    /* TEST_DRIVE_REQUESTED */ &[1, 4],
    /* TEST_DRIVE_COMPLETED */ &[1, 2, 6],
    /* TRADE_IN */ &[1, 2, 6],
    /* EXPRESSED_INTEREST */ &[1, 7, 8, 9],
    /* RESERVATION */ &[1, 8, 9],
    /* APPOINTMENT_REQUEST */ &[1, 2, 9],
    /* IN_NEGOTIATION */ &[1, 2, 10],
    /* ORDER */ &[11, 12],
    /* ORDER_CONFIRMED */ &[10, 12, 13],
    /* IN_DELIVERY */ &[13],
    /* DELIVERED */ &[],
    /* ARCHIVED */ &[],
];

/// Judges the move `from → to` under `policy`. `None` when either status is not one of the
/// 15 (an `INVALID_ENUM_VALUE` matter, not a transition one).
pub fn check_transition(from: &str, to: &str, policy: TransitionPolicy) -> Option<Transition> {
    let f = status_index(from)?;
    let t = status_index(to)?;
    Some(match policy {
        TransitionPolicy::Default => default_matrix(f, t),
        TransitionPolicy::StrictTable => {
            if f == t || (t == ARCHIVED && f != ARCHIVED) || TABLE[f].contains(&t) {
                Transition::Allowed
            } else {
                Transition::Forbidden
            }
        }
    })
}

fn default_matrix(f: usize, t: usize) -> Transition {
    if f == t || t == ARCHIVED {
        return if f == ARCHIVED && t != ARCHIVED {
            Transition::Forbidden
        } else {
            Transition::Allowed
        };
    }
    if TABLE[f].contains(&t) {
        return Transition::Allowed;
    }
    // Off the published table: forbidden where the journey cannot go back, else tolerated
    // with a warning — never silent (issue 24 item 6).
    match f {
        ARCHIVED | DELIVERED => Transition::Forbidden,
        ORDER | ORDER_CONFIRMED if t < ORDER => Transition::Forbidden,
        IN_DELIVERY if t < ORDER => Transition::Forbidden,
        _ => Transition::Unlisted,
    }
}

/// The "from" status for a transition check (decisions.md): the stored status for the
/// lead when one is known (a Receiver's state or the `previous_status` option), else the
/// `previousStatus` of the last `leadHistory[]` entry. `null`, an empty string or a
/// non-string `previousStatus` means "no previous status".
pub fn previous_status<'a>(
    stored: Option<&'a str>,
    lead: Option<crate::message::LeadView<'a>>,
) -> Option<&'a str> {
    if let Some(s) = stored.filter(|s| !s.is_empty()) {
        return Some(s);
    }
    lead?
        .last_history()?
        .get("previousStatus")?
        .as_str()
        .filter(|s| !s.is_empty())
}

/// The issue for the move `from → to` under `policy`, or `None` when it is allowed without
/// remark (or when either status is unknown: that is an `INVALID_ENUM_VALUE` matter).
///
/// Forbidden moves give the TC-008 shape: `INVALID_STATUS_TRANSITION` ERROR on field
/// `lead.status` with `fromStatus`/`toStatus`; unlisted moves the WARNING
/// `STATUS_TRANSITION_UNLISTED`.
pub fn transition_issue(from: &str, to: &str, policy: TransitionPolicy) -> Option<Issue> {
    let (level, code, text) = match check_transition(from, to, policy)? {
        Transition::Allowed => return None,
        Transition::Unlisted => (
            Level::Warning,
            "STATUS_TRANSITION_UNLISTED",
            "is not listed by any published transition table",
        ),
        Transition::Forbidden => (Level::Error, "INVALID_STATUS_TRANSITION", "is not allowed"),
    };
    Some(
        Issue::new(
            level,
            code,
            "lead.status",
            "/lex/payload/lead/status",
            format!(
                "the transition {from} -> {to} {text} (policy {})",
                policy.as_str()
            ),
        )
        .transition(from, to),
    )
}

/// The lifecycle rule for a LEAD: judges `lead.status` against the previous status
/// ([`previous_status`]: the stored one when given, else the last `leadHistory[]` entry)
/// under `policy`, and adds the issue of [`transition_issue`] (merged with an identical
/// finding already present). Nothing for other message types or without a previous status.
pub fn check_lifecycle(
    msg: &crate::message::Message,
    stored: Option<&str>,
    policy: TransitionPolicy,
    issues: &mut Vec<Issue>,
) {
    let lead = msg.lead();
    let (Some(from), Some(to)) = (previous_status(stored, lead), lead.and_then(|l| l.status()))
    else {
        return;
    };
    if let Some(issue) = transition_issue(from, to, policy) {
        crate::report::combine::push_merged(issues, issue);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_matrix_matches_the_published_recommendation() {
        use Transition::*;
        let c = |a, b| check_transition(a, b, TransitionPolicy::Default).unwrap();
        assert_eq!(c("DELIVERED", "IN_NEGOTIATION"), Forbidden);
        assert_eq!(c("DELIVERED", "ARCHIVED"), Allowed);
        assert_eq!(c("ARCHIVED", "CART"), Forbidden);
        assert_eq!(c("ARCHIVED", "ARCHIVED"), Allowed);
        assert_eq!(c("IN_NEGOTIATION", "SHOPPING"), Allowed);
        assert_eq!(c("SHOPPING", "ORDER"), Unlisted);
        assert_eq!(c("CART", "ORDER"), Unlisted);
        assert_eq!(c("SHOPPING", "IN_NEGOTIATION"), Unlisted);
        assert_eq!(c("EXPRESSED_INTEREST", "CART"), Unlisted);
        assert_eq!(c("SHOPPING", "EXPLORING"), Allowed);
        assert_eq!(c("ORDER", "DELIVERED"), Unlisted);
        assert_eq!(c("SHOPPING", "DELIVERED"), Unlisted);
        assert_eq!(c("ORDER", "SHOPPING"), Forbidden);
        assert_eq!(c("ORDER_CONFIRMED", "ORDER"), Allowed);
        assert_eq!(c("IN_DELIVERY", "ORDER"), Unlisted);
        assert_eq!(c("IN_DELIVERY", "CART"), Forbidden);
        assert_eq!(
            check_transition("ABANDONED", "CART", TransitionPolicy::Default),
            None
        );
        // Count the cells: 15x15 = 225.
        let mut counts = [0; 3];
        for f in STATUSES {
            for t in STATUSES {
                counts[c(f, t) as usize] += 1;
            }
        }
        // Allowed: 15 self + 14 to ARCHIVED + 37 table cells; forbidden: leaving ARCHIVED (14),
        // DELIVERED (13), and ORDER/ORDER_CONFIRMED/IN_DELIVERY back to pre-order (3 x 10).
        assert_eq!(counts, [66, 102, 57]);
    }

    #[test]
    fn strict_table_allows_only_listed_moves() {
        let c = |a, b| check_transition(a, b, TransitionPolicy::StrictTable).unwrap();
        assert_eq!(c("CART", "SHOPPING"), Transition::Allowed);
        assert_eq!(c("SHOPPING", "ORDER"), Transition::Forbidden);
        assert_eq!(c("IN_DELIVERY", "ARCHIVED"), Transition::Allowed);
        assert_eq!(c("EXPLORING", "EXPLORING"), Transition::Allowed);
        assert_eq!(c("ARCHIVED", "CART"), Transition::Forbidden);
    }
    #[test]
    fn transition_issues_carry_the_tc008_shape() {
        let i = transition_issue("DELIVERED", "IN_NEGOTIATION", TransitionPolicy::Default).unwrap();
        assert_eq!(
            (i.level, i.code.as_str(), i.field.as_str()),
            (Level::Error, "INVALID_STATUS_TRANSITION", "lead.status")
        );
        assert_eq!(i.from_status.as_deref(), Some("DELIVERED"));
        assert_eq!(i.to_status.as_deref(), Some("IN_NEGOTIATION"));
        let w = transition_issue("CART", "DELIVERED", TransitionPolicy::Default).unwrap();
        assert_eq!(
            (w.level, w.code.as_str()),
            (Level::Warning, "STATUS_TRANSITION_UNLISTED")
        );
        assert!(transition_issue("CART", "SHOPPING", TransitionPolicy::Default).is_none());
        assert!(transition_issue("DELIVERED", "ARCHIVED", TransitionPolicy::Default).is_none());
        assert!(transition_issue("CART", "ABANDONED", TransitionPolicy::Default).is_none());
    }

    #[test]
    fn previous_status_prefers_the_stored_one() {
        use crate::format::Format;
        use crate::message::Message;
        let tree = crate::codec::json_read::parse(
            br#"{"lex":{"header":{"messageType":"LEAD"},"payload":{"lead":{"status":"ORDER","leadHistory":[{"previousStatus":null,"newStatus":"CART"},{"previousStatus":"SHOPPING","newStatus":"ORDER"}]}}}}"#,
            &crate::options::Limits::default(),
        )
        .unwrap();
        let m = Message::from_value(tree, Format::Json).unwrap();
        assert_eq!(previous_status(None, m.lead()), Some("SHOPPING"));
        assert_eq!(previous_status(Some("CART"), m.lead()), Some("CART"));
        assert_eq!(previous_status(Some(""), m.lead()), Some("SHOPPING"));
        let first = Message::from_value(
            crate::codec::json_read::parse(
                br#"{"lex":{"header":{"messageType":"LEAD"},"payload":{"lead":{"leadHistory":[{"previousStatus":null}]}}}}"#,
                &crate::options::Limits::default(),
            )
            .unwrap(),
            Format::Json,
        )
        .unwrap();
        assert_eq!(previous_status(None, first.lead()), None);
        let mut issues = Vec::new();
        check_lifecycle(
            &m,
            Some("DELIVERED"),
            TransitionPolicy::Default,
            &mut issues,
        );
        check_lifecycle(
            &m,
            Some("DELIVERED"),
            TransitionPolicy::Default,
            &mut issues,
        );
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, "INVALID_STATUS_TRANSITION");
        let mut issues = Vec::new();
        check_lifecycle(&m, None, TransitionPolicy::StrictTable, &mut issues);
        assert_eq!(issues[0].from_status.as_deref(), Some("SHOPPING"));
        check_lifecycle(&first, None, TransitionPolicy::Default, &mut issues);
        assert_eq!(issues.len(), 1);
    }

    /// Validation and the Receiver apply the same rule: an empty stored status counts as
    /// absent, so the last `leadHistory[]` entry decides.
    #[test]
    fn validation_treats_an_empty_stored_status_as_absent() {
        let json = br#"{"lex":{"header":{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000001","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"P-1","receiverId":"D-1"},"payload":{"lead":{"leadId":"L-1","status":"IN_NEGOTIATION","source":"RETAILER_WEBSITE","customer":{"firstName":"A","lastName":"B","emailAddress":"a@b.io"},"desiredProduct":{"productType":"VEHICLE_NEW"},"metadata":{"createdDate":"2026-04-01T10:00:00Z"},"leadHistory":[{"previousStatus":"DELIVERED","changedAt":"2026-04-02T10:00:00Z"}]}}}}"#;
        let msg = crate::api::parse(json, None, &Default::default()).expect("a message");
        let opts = |stored: Option<&str>| crate::validate::ValidateOptions {
            previous_status: stored.map(str::to_string),
            now: Some(time::macros::datetime!(2026-04-03 12:00 UTC)),
            ..Default::default()
        };
        let empty = crate::validate::validate(&msg, &opts(Some("")));
        let absent = crate::validate::validate(&msg, &opts(None));
        assert!(absent.has_code("INVALID_STATUS_TRANSITION"), "{absent:?}");
        assert_eq!(empty, absent);
    }
}
