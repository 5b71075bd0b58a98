//! Data governance rules (DG-001…DG-016, spec-model §4.3, §5.3). Hook for the data
//! governance work: the structural layer already enforces the block's schema.

use super::Ctx;
use crate::report::Issue;

/// Runs the data governance rules.
pub fn check(_ctx: &Ctx<'_>, _issues: &mut Vec<Issue>) {}
