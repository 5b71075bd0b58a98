//! Data governance rules (DG-001…DG-016, spec-model §4.3, §5.3), conformance level 2: the
//! hook into [`crate::governance::check_governance`].

use super::Ctx;
use crate::report::Issue;

/// Runs the data governance rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    crate::governance::check_governance(ctx.msg, ctx.opts.level, issues);
}
