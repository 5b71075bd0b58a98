//! Consent rules (spec-model §4.3 consent table, §5.2), conformance level 3: the hook into
//! [`crate::consent::check_consent`] (`CONSENT_RECORD_REQUIRED` of TC-011, the per-country
//! jurisdiction blocks, the blocks' schema requirements, expiry and withdrawal).

use super::Ctx;
use crate::report::Issue;

/// Runs the consent rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    crate::consent::check_consent(ctx.msg, ctx.opts.level, ctx.now, issues);
}
