//! AI insights rules (AI-001…AI-008, spec-model §4.3), level 3. AI-007 (more than five
//! next-best actions) replaces the schema's `maxItems: 5` ERROR at every level (I-24).

use super::intelligence::items;
use super::{
    Ctx, by_id, get_arr, get_datetime, get_f64, get_obj, get_str, in_future, pointer_join,
};
use crate::message::MessageType;
use crate::report::{Issue, Level};

/// Most next-best actions a message should carry.
pub const MAX_ACTIONS: usize = 5;

const BASE: &str = "/lex/payload/lead/aiInsights";

fn unit(v: f64) -> bool {
    (0.0..=1.0).contains(&v)
}

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.mtype != MessageType::Lead {
        return;
    }
    let Some(ai) = get_obj(ctx.body, "aiInsights") else {
        return;
    };
    if let Some(actions) = get_arr(ai, "nextBestActions") {
        if actions.len() > MAX_ACTIONS {
            issues.push(by_id(
                Level::Warning,
                "AI-007",
                pointer_join(BASE, &["nextBestActions"]),
                format!(
                    "{} next-best actions; at most {MAX_ACTIONS} should be sent",
                    actions.len()
                ),
            ));
        }
    }
    if ctx.opts.level < 3 {
        return;
    }
    let ci = get_obj(ai, "conversationInsights");
    if let Some(c) = ci {
        if get_f64(c, "sentimentScore").is_some_and(|v| !unit(v)) {
            issues.push(by_id(
                Level::Error,
                "AI-001",
                pointer_join(BASE, &["conversationInsights", "sentimentScore"]),
                "sentimentScore must lie between 0 and 1",
            ));
        }
        for (i, ic) in items(c, "intentClassifications") {
            if get_f64(ic, "confidence").is_some_and(|v| !unit(v)) {
                issues.push(by_id(
                    Level::Error,
                    "AI-002",
                    pointer_join(
                        BASE,
                        &[
                            "conversationInsights",
                            "intentClassifications",
                            &i.to_string(),
                            "confidence",
                        ],
                    ),
                    "an intent classification's confidence must lie between 0 and 1",
                ));
            }
        }
        if get_str(c, "summary").is_some() && !c.contains_key("analyzedAt") {
            issues.push(by_id(
                Level::Warning,
                "AI-006",
                pointer_join(BASE, &["conversationInsights", "analyzedAt"]),
                "a conversation summary without analyzedAt",
            ));
        }
    }
    for (i, a) in items(ai, "nextBestActions") {
        if get_f64(a, "confidence").is_some_and(|v| !unit(v)) {
            issues.push(by_id(
                Level::Error,
                "AI-003",
                pointer_join(BASE, &["nextBestActions", &i.to_string(), "confidence"]),
                "a next-best action's confidence must lie between 0 and 1",
            ));
        }
    }
    match get_obj(ai, "generatedBy") {
        Some(g) if get_datetime(g, "generatedAt").is_some_and(|t| in_future(ctx, t)) => {
            issues.push(by_id(
                Level::Error,
                "AI-004",
                pointer_join(BASE, &["generatedBy", "generatedAt"]),
                "the insights are dated in the future",
            ));
        }
        None if !ai.contains_key("generatedBy") => issues.push(by_id(
            Level::Error,
            "AI-005",
            pointer_join(BASE, &["generatedBy"]),
            "aiInsights must say what generated them (generatedBy)",
        )),
        _ => {}
    }
    for (i, m) in items(ai, "competitorMentions") {
        let empty = match m.get("competitor") {
            Some(v) => v.as_str().is_some_and(|c| c.trim().is_empty()),
            None => true,
        };
        if empty {
            issues.push(by_id(
                Level::Error,
                "AI-008",
                pointer_join(BASE, &["competitorMentions", &i.to_string(), "competitor"]),
                "a competitor mention must name the competitor",
            ));
        }
    }
}
