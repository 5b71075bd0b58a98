//! The lead lifecycle: the 15 statuses and the transition policies.
//!
//! Default policy (decisions.md, spec-model §3.5): leaving `ARCHIVED` is an error, leaving
//! `DELIVERED` except to `ARCHIVED` is an error, going from `ORDER`/`ORDER_CONFIRMED`/
//! `IN_DELIVERY` back to a pre-order status is an error; skipping straight from pre-order to
//! `ORDER_CONFIRMED`/`IN_DELIVERY`/`DELIVERED`, and `IN_DELIVERY` back to `ORDER`/
//! `ORDER_CONFIRMED`, is allowed with the warning `STATUS_TRANSITION_UNLISTED`; everything
//! else is allowed. The `strict-table` policy allows only the published table plus
//! self-transitions and moves to `ARCHIVED`.

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
    match f {
        ARCHIVED | DELIVERED => Transition::Forbidden,
        ORDER | ORDER_CONFIRMED => {
            if t >= ORDER {
                Transition::Allowed
            } else {
                Transition::Forbidden
            }
        }
        IN_DELIVERY => match t {
            DELIVERED => Transition::Allowed,
            ORDER | ORDER_CONFIRMED => Transition::Unlisted,
            _ => Transition::Forbidden,
        },
        _ => {
            if t <= ORDER {
                Transition::Allowed
            } else {
                Transition::Unlisted
            }
        }
    }
}

/// True when `from → to` is allowed (with or without a warning) under the default policy.
pub fn transition_allowed(from: &str, to: &str) -> Option<bool> {
    check_transition(from, to, TransitionPolicy::Default).map(Transition::is_allowed)
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
        assert_eq!(c("SHOPPING", "ORDER"), Allowed);
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
        assert_eq!(counts, [136, 32, 57]);
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
}
