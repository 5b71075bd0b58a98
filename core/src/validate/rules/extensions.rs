//! Extension rules (EXT-001…EXT-009, spec-model §4.3, §5.4). Hook for the extensions work:
//! the structural layer already enforces the entries' schema.

use super::Ctx;
use crate::report::Issue;

/// Runs the extension rules.
pub fn check(_ctx: &Ctx<'_>, _issues: &mut Vec<Issue>) {}
