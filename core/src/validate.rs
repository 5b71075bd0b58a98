//! The validation engine: envelope checks in the published order, then structural checks
//! from the model tables, then the business rules of each family, gated by conformance level.
//!
//! Combining the layers: a rule issue *supersedes* a structural issue at the same pointer
//! (the rule is the more specific statement about the same value, e.g. `LOAN_TERM_OUT_OF_RANGE`
//! over the schema's `maximum`, or `AI-007` WARNING over `maxItems`). In strict mode every
//! structural WARNING (disputed requirements, optional-block enums, non-UUID message ids,
//! unknown fields of closed objects) is an ERROR, like the normalisations.

pub mod envelope;
pub(crate) mod model;
pub(crate) mod policy;
pub mod rules;
pub mod structural;

use crate::lifecycle::TransitionPolicy;
use crate::message::{Message, MessageType};
use crate::options::{Limits, ReadMode};
use crate::report::{Issue, Level, Report};
use crate::value::Map;
use time::OffsetDateTime;

/// Options for [`validate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidateOptions {
    /// Conformance level 1, 2 or 3. Default 2. Rules above this level are not applied.
    pub level: u8,
    /// The clock. `None` means the system clock at the time of the call.
    pub now: Option<OffsetDateTime>,
    /// Tolerant (default): normalisations are warnings. Strict: they are errors.
    pub mode: ReadMode,
    /// Transition policy for status checks.
    pub policy: TransitionPolicy,
    /// The lead's stored status, when known (takes precedence over `leadHistory[]`).
    pub previous_status: Option<String>,
    /// Report `INFO` issues too (off by default; the OpenAPI issue enum has no INFO).
    pub include_info: bool,
    /// Limits for reading input (used by the `*_input` entry points).
    pub limits: Limits,
}

impl Default for ValidateOptions {
    fn default() -> Self {
        ValidateOptions {
            level: 2,
            now: None,
            mode: ReadMode::Tolerant,
            policy: TransitionPolicy::Default,
            previous_status: None,
            include_info: false,
            limits: Limits::default(),
        }
    }
}

/// Everything a rule may look at.
pub struct Ctx<'a> {
    /// The message under validation.
    pub msg: &'a Message,
    /// The options in force.
    pub opts: &'a ValidateOptions,
    /// The clock, resolved once per validation.
    pub now: OffsetDateTime,
    /// The declared message type (known once dispatch has happened).
    pub mtype: MessageType,
    /// The payload body (`lex.payload.<key>`).
    pub body: &'a Map,
}

/// Validates a message and returns its report. Never fails: everything wrong with the
/// message is an issue in the report.
pub fn validate(msg: &Message, opts: &ValidateOptions) -> Report {
    let now = crate::datetime::now_or_system(opts.now);
    let mut issues: Vec<Issue> = Vec::new();

    // Normalisations found while reading: warnings in tolerant mode, errors in strict mode.
    for i in msg.read_issues() {
        let mut i = i.clone();
        if opts.mode == ReadMode::Strict && i.level == Level::Warning {
            i.level = Level::Error;
        }
        issues.push(i);
    }

    if let Some((mtype, body)) = envelope::check(msg, now, &mut issues) {
        let ctx = Ctx {
            msg,
            opts,
            now,
            mtype,
            body,
        };
        run_rules(&ctx, &mut issues);
    }

    if !opts.include_info {
        issues.retain(|i| i.level != Level::Info);
    }
    Report::from_issues(issues)
}

/// The LEAD blocks whose absence stops validation (spec-model §4.1 rule 5).
const LEAD_BLOCKS: [&str; 2] = ["customer", "desiredProduct"];

/// Runs the structural layer and every rule family for a dispatched message.
fn run_rules(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype == MessageType::Lead {
        let missing: Vec<&str> = LEAD_BLOCKS
            .into_iter()
            .filter(|k| ctx.body.get(*k).is_none_or(|v| v.as_object().is_none()))
            .collect();
        if !missing.is_empty() {
            for k in missing {
                issues.push(Issue::new(
                    Level::Critical,
                    "REQUIRED_FIELD_MISSING",
                    format!("payload.lead.{k}"),
                    format!("/lex/payload/lead/{k}"),
                    format!("a LEAD needs lex.payload.lead.{k} (an object)"),
                ));
            }
            return;
        }
    }
    let mut found: Vec<Issue> = Vec::new();
    structural::check(ctx, &mut found);
    if ctx.opts.mode == ReadMode::Strict {
        for i in &mut found {
            if i.level == Level::Warning {
                i.level = Level::Error;
            }
        }
    }
    let mut ruled: Vec<Issue> = Vec::new();
    for (_, family) in rules::FAMILIES {
        family(ctx, &mut ruled);
    }
    crate::report::combine::supersede_structural(&mut found, &ruled);
    issues.append(&mut found);
    issues.append(&mut ruled);
}
