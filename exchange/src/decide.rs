//! What happens to a message, over one store transaction: idempotency by `messageId`, the
//! transition from the stored lead status, TTL (410), the customer fingerprint, the ACK and
//! the answer — all recorded together or not at all.

use crate::json;
use crate::store::{Answer, StoreResult, StoredMessage, Submission, Tx};
use lex_core::Report;
use lex_core::api::ValidateOptions;
use lex_core::api::{self, BuildOptions};
use lex_core::{Message, MessageType};
use serde_json::{Map, Value};
use time::OffsetDateTime;

/// The deduplication window when a lead names none (LEX_DEDUPLICATION: 72 hours).
pub const DEDUP_WINDOW_HOURS: i64 = 72;

/// Validates `message` at `level` at `now` from a known lead status, adding
/// `MESSAGE_TTL_EXPIRED` when its TTL (see [`api::ttl_expiry`]) has passed.
pub fn judge(message: &Message, level: u8, now: OffsetDateTime, previous: Option<&str>) -> Report {
    let opts = ValidateOptions {
        level,
        now: Some(now),
        previous_status: previous.map(str::to_string),
        ..ValidateOptions::default()
    };
    let report = api::validate(message, &opts);
    if report.has_code("MESSAGE_TTL_EXPIRED") {
        return report;
    }
    match api::ttl_expiry(message, now) {
        Some(issue) => {
            let mut issues: Vec<_> = report.issues().cloned().collect();
            issues.insert(0, issue);
            Report::from_issues(issues)
        }
        None => report,
    }
}

fn format_time(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Decides a submission inside `tx` and records it; a repeated id answers the stored
/// response with `idempotent: true` and changes nothing.
pub fn decide(tx: &mut dyn Tx, sub: Submission) -> StoreResult<Answer> {
    let message_id = sub.message.message_id().unwrap_or_default().to_string();
    if let Some((http_status, response)) = tx.find(&sub.org, &message_id)? {
        return Ok(Answer {
            http_status,
            response,
            idempotent: true,
        });
    }
    let message = &sub.message;
    let now = sub.received_at;
    let lead = message.lead();
    let lead_id = lead.and_then(|l| l.lead_id()).map(str::to_string);
    let mut report = sub.report;
    if let Some(id) = &lead_id
        && let Some(stored) = tx.lead_status(&sub.org, id)?
    {
        report = judge(message, sub.level, now, Some(&stored));
    }
    let expired = report.has_code("MESSAGE_TTL_EXPIRED");
    let routing = expired.then(|| {
        message
            .header()
            .ttl()
            .and_then(|t| t.get("onExpiry"))
            .and_then(lex_core::Value::as_str)
            .filter(|s| matches!(*s, "DLQ" | "DISCARD" | "RETURN"))
            .unwrap_or("DLQ")
            .to_string()
    });
    let fingerprint = api::message_fingerprint(message);
    let mut duplicate_of_lead = None;
    if report.valid
        && let (Some(id), Some(status)) = (&lead_id, lead.and_then(|l| l.status()))
    {
        let created = lead
            .and_then(|l| l.raw().get("metadata"))
            .and_then(|m| m.get("createdDate"))
            .and_then(lex_core::Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| format_time(now));
        tx.set_lead_status(&sub.org, id, status, &created)?;
        if let Some(fp) = &fingerprint {
            duplicate_of_lead = check_duplicate(tx, &sub.org, fp, id, now)?;
        }
    }
    let is_ack = message.message_type() == Some(MessageType::Acknowledgment);
    let ack = match routing.as_deref() {
        Some("DLQ" | "DISCARD") => None,
        _ if is_ack => None,
        _ => api::acknowledge_with(
            message,
            Some(&report),
            None,
            &BuildOptions {
                now: Some(now),
                message_id: None,
            },
        )
        .ok(),
    };
    let ack_status = ack
        .as_ref()
        .and_then(|a| a.body()?.get("status")?.as_str().map(str::to_string));
    let status = if expired {
        "DLQ".to_string()
    } else if !report.valid {
        "REJECTED".to_string()
    } else if ack_status.as_deref() == Some("PROCESSED") {
        "PROCESSED".to_string()
    } else {
        "RECEIVED".to_string()
    };
    let http_status = report.http_status();
    let mut r = Map::new();
    r.insert("messageId".into(), message_id.clone().into());
    r.insert("valid".into(), report.valid.into());
    r.insert("processedAt".into(), format_time(now).into());
    let ms = u64::try_from(sub.started.elapsed().as_millis()).unwrap_or(u64::MAX);
    r.insert("processingTimeMs".into(), ms.into());
    r.insert("status".into(), status.clone().into());
    if let Some(s) = &ack_status {
        r.insert("acknowledgmentStatus".into(), s.clone().into());
    }
    if !report.valid {
        r.insert("errors".into(), json::issues(&report.errors));
    }
    r.insert("warnings".into(), json::issues(&report.warnings));
    if let Some(id) = &lead_id {
        r.insert("leadId".into(), id.clone().into());
    }
    if let Some(to) = message.header().receiver_id() {
        r.insert("routedTo".into(), to.into());
    }
    if let Some(route) = &routing {
        r.insert("routing".into(), route.clone().into());
    }
    if let Some(d) = &duplicate_of_lead {
        r.insert("duplicateOfLead".into(), d.clone().into());
    }
    let response = Value::Object(r).to_string();
    let h = message.header();
    let row = StoredMessage {
        org: sub.org.clone(),
        message_id,
        message_type: h.message_type().map(str::to_string),
        sender_id: h.sender_id().map(str::to_string),
        receiver_id: h.receiver_id().map(str::to_string),
        lead_id,
        fingerprint,
        content_hash: api::content_hash(message),
        format: sub.format.as_str().to_string(),
        received_at: format_time(now),
        received_unix: now.unix_timestamp(),
        status,
        http_status,
        response: response.clone(),
        ack: ack.map(|a| a.to_json(false)),
        ack_native: sub.native_ack,
        body: Some(message.to_json(false)),
        pruned: None,
    };
    tx.insert(&row)?;
    Ok(Answer {
        http_status,
        response,
        idempotent: false,
    })
}

/// Records the fingerprint for `lead_id`, or returns the active lead that owns it within
/// the window (reading of LEX_DEDUPLICATION, as the core's Receiver does).
fn check_duplicate(
    tx: &mut dyn Tx,
    org: &str,
    fp: &str,
    lead_id: &str,
    now: OffsetDateTime,
) -> StoreResult<Option<String>> {
    let now_unix = now.unix_timestamp();
    match tx.fingerprint_owner(org, fp)? {
        Some((owner, _)) if owner == lead_id => Ok(None),
        Some((owner, seen)) => {
            let status = tx.lead_status(org, &owner)?;
            let active = !matches!(status.as_deref(), Some("ARCHIVED" | "DELIVERED"));
            let recent = seen + DEDUP_WINDOW_HOURS * 3600 >= now_unix;
            if active && recent {
                return Ok(Some(owner));
            }
            tx.put_fingerprint(org, fp, lead_id, now_unix)?;
            Ok(None)
        }
        None => {
            tx.put_fingerprint(org, fp, lead_id, now_unix)?;
            Ok(None)
        }
    }
}
