//! The status transition rule (spec-model §3.5), applied at every level like the published
//! runner. The rule itself is [`crate::lifecycle::check_lifecycle`], the one the Receiver
//! applies too: the move from the stored status (the `previous_status` option; an empty one
//! counts as absent) or else the last `leadHistory[]` entry's `previousStatus`, to
//! `lead.status`, judged under the chosen policy.

use super::Ctx;
use crate::report::Issue;

/// Runs the rule.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    crate::lifecycle::check_lifecycle(
        ctx.msg,
        ctx.opts.previous_status.as_deref(),
        ctx.opts.policy,
        issues,
    );
}
