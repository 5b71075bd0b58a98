//! How issues from different checks combine into one list. Both policies live here, side
//! by side:
//! - [`supersede_structural`]: a rule issue supersedes any structural issue at the same
//!   pointer (the rule says more about the same fact);
//! - [`push_merged`]: the same code at the same pointer is kept once, at the higher
//!   severity, with the extras of both.

use super::Issue;

/// Drops from `structural` every issue at a pointer some rule issue in `ruled` also names.
pub(crate) fn supersede_structural(structural: &mut Vec<Issue>, ruled: &[Issue]) {
    structural.retain(|s| !ruled.iter().any(|r| r.pointer == s.pointer));
}

/// Pushes a rule issue unless an issue with the same code and pointer is already there (the
/// structural layer may have found the same schema fact): then the existing issue is kept,
/// raised to the rule's severity when that is higher, and given the rule id and the extras
/// (rejected value, allowed values, threshold) it lacks. Running a rule family twice is
/// therefore harmless.
pub(crate) fn push_merged(issues: &mut Vec<Issue>, issue: Issue) {
    let Some(existing) = issues
        .iter_mut()
        .find(|i| i.code == issue.code && i.pointer == issue.pointer)
    else {
        issues.push(issue);
        return;
    };
    existing.level = existing.level.min(issue.level);
    if existing.rule_id.is_none() {
        existing.rule_id = issue.rule_id;
    }
    if existing.rejected_value.is_none() {
        existing.rejected_value = issue.rejected_value;
    }
    if existing.allowed_values.is_none() {
        existing.allowed_values = issue.allowed_values;
    }
    if existing.threshold.is_none() {
        existing.threshold = issue.threshold;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Level;

    #[test]
    fn same_code_and_pointer_is_kept_once_at_the_higher_severity() {
        let mut issues = vec![Issue::new(Level::Warning, "C", "f", "/f", "structural")];
        push_merged(
            &mut issues,
            Issue::new(Level::Error, "C", "f", "/f", "rule").rule("R-1"),
        );
        push_merged(
            &mut issues,
            Issue::new(Level::Error, "C", "f", "/f", "again"),
        );
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].level, Level::Error);
        assert_eq!(issues[0].rule_id.as_deref(), Some("R-1"));
        assert_eq!(issues[0].message, "structural");
    }

    #[test]
    fn a_rule_issue_supersedes_structural_ones_at_its_pointer() {
        let mut found = vec![
            Issue::new(Level::Error, "A", "a", "/a", ""),
            Issue::new(Level::Error, "B", "b", "/b", ""),
        ];
        supersede_structural(&mut found, &[Issue::new(Level::Error, "R", "a", "/a", "")]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "B");
    }
}
