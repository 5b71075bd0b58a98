//! The status transition rule (spec-model §3.5): the move from the stored status (the
//! `previous_status` option) or else the last `leadHistory[]` entry's `previousStatus`, to
//! `lead.status`, judged by [`crate::lifecycle::check_transition`] under the chosen policy.
//! Applied at every level, like the published runner.

use super::{Ctx, arr, s};
use crate::lifecycle::{Transition, check_transition};
use crate::message::MessageType;
use crate::report::{Issue, Level};

/// Runs the rule.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::Lead {
        return;
    }
    let Some(to) = s(ctx.body, "status") else {
        return;
    };
    let from = ctx.opts.previous_status.as_deref().or_else(|| {
        arr(ctx.body, "leadHistory")?
            .last()?
            .as_object()
            .and_then(|e| s(e, "previousStatus"))
    });
    let Some(from) = from else {
        return;
    };
    // Unknown statuses are enum findings of the structural layer, not transition ones.
    let Some(verdict) = check_transition(from, to, ctx.opts.policy) else {
        return;
    };
    let (level, code, what) = match verdict {
        Transition::Allowed => return,
        Transition::Unlisted => (
            Level::Warning,
            "STATUS_TRANSITION_UNLISTED",
            "is not listed by LEX; it is accepted",
        ),
        Transition::Forbidden => (Level::Error, "INVALID_STATUS_TRANSITION", "is not allowed"),
    };
    issues.push(
        Issue::new(
            level,
            code,
            "lead.status",
            "/lex/payload/lead/status",
            format!(
                "the move {from} → {to} {what} (policy {})",
                ctx.opts.policy.as_str()
            ),
        )
        .transition(from, to),
    );
}
