//! Extension rules (EXT-001…EXT-009, spec-model §4.3, §5.4), conformance level 2: the hook
//! into [`crate::extensions::check_extensions`].

use super::Ctx;
use crate::report::Issue;

/// Runs the extension rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    crate::extensions::check_extensions(ctx.msg, ctx.opts.level, issues);
}
