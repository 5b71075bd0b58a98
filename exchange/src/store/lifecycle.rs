//! The data lifecycle of the SQLite store: retention (whole messages pruned to
//! tombstones), erasure by lead or customer fingerprint, and online backup.
//!
//! A tombstone keeps the message id, its content hash, the HTTP status and an answer
//! without personal data, so a repeat still answers idempotently; the message body, the
//! ACKs, the fingerprint and the issues' rejected values are gone.

use super::StoreResult;
use super::sqlite::SqliteStore;
use rusqlite::{Connection, params};
use serde_json::Value;
use std::path::Path;

/// Rows that erasure still has to turn into `erased` tombstones (whole or retention ones).
const NOT_ERASED: &str = "COALESCE(pruned, '') != 'erased'";

/// Drops the personal data of a stored answer: the issues' `rejectedValue` and messages.
fn scrub_response(response: &str) -> String {
    let Ok(mut v) = serde_json::from_str::<Value>(response) else {
        return "{}".into();
    };
    for key in ["errors", "warnings"] {
        if let Some(list) = v.get_mut(key).and_then(Value::as_array_mut) {
            for issue in list {
                if let Some(m) = issue.as_object_mut() {
                    m.remove("rejectedValue");
                    m.insert("message".into(), "(pruned)".into());
                }
            }
        }
    }
    v.to_string()
}

fn tombstone(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
    how: &str,
) -> StoreResult<u64> {
    let select = format!("SELECT org, message_id, response FROM messages WHERE {filter}");
    let rows: Vec<(String, String, String)> = {
        let mut st = conn.prepare(&select)?;
        st.query_map(args, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?
    };
    let mut up = conn.prepare_cached(
        "UPDATE messages SET body = NULL, ack = NULL, ack_native = NULL, fingerprint = NULL,
           sender_id = NULL, receiver_id = NULL, response = ?3, pruned = ?4
         WHERE org = ?1 AND message_id = ?2",
    )?;
    for (org, id, response) in &rows {
        up.execute(params![org, id, scrub_response(response), how])?;
    }
    Ok(rows.len() as u64)
}

impl SqliteStore {
    /// Prunes every message received before `before_unix` to a tombstone; returns how many.
    pub fn prune(&self, before_unix: i64) -> StoreResult<u64> {
        self.admin(move |c| {
            let n = tombstone(
                c,
                "pruned IS NULL AND received_unix < ?1",
                &[&before_unix],
                "retention",
            )?;
            c.execute(
                "DELETE FROM fingerprints WHERE seen_unix < ?1",
                params![before_unix],
            )?;
            Ok(n)
        })
    }

    /// Erases everything about a lead of `org` (its messages become tombstones, its status
    /// and fingerprints go); returns how many messages were erased.
    pub fn erase_lead(&self, org: &str, lead_id: &str) -> StoreResult<u64> {
        let (org, lead) = (org.to_string(), lead_id.to_string());
        self.admin(move |c| erase_lead(c, &org, &lead))
    }

    /// Erases every lead of `org` that carries a customer fingerprint; returns how many
    /// messages were erased.
    pub fn erase_fingerprint(&self, org: &str, fingerprint: &str) -> StoreResult<u64> {
        let (org, fp) = (org.to_string(), fingerprint.to_string());
        self.admin(move |c| {
            let leads: Vec<String> = {
                let mut st = c.prepare(
                    "SELECT DISTINCT lead_id FROM messages WHERE org = ?1 AND fingerprint = ?2
                       AND lead_id IS NOT NULL
                     UNION SELECT lead_id FROM fingerprints WHERE org = ?1 AND fingerprint = ?2",
                )?;
                st.query_map(params![org, fp], |r| r.get(0))?
                    .collect::<Result<_, _>>()?
            };
            let mut n = 0;
            for lead in &leads {
                n += erase_lead(c, &org, lead)?;
            }
            n += tombstone(
                c,
                &format!("{NOT_ERASED} AND org = ?1 AND fingerprint = ?2"),
                &[&org, &fp],
                "erased",
            )?;
            c.execute(
                "DELETE FROM fingerprints WHERE org = ?1 AND fingerprint = ?2",
                params![org, fp],
            )?;
            Ok(n)
        })
    }

    /// Copies the database to `dest` with SQLite's online backup (the server keeps serving).
    pub fn backup(&self, dest: &Path) -> StoreResult<()> {
        let src = Connection::open(self.path())?;
        let mut out = Connection::open(dest)?;
        let b = rusqlite::backup::Backup::new(&src, &mut out)?;
        b.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        Ok(())
    }
}

fn erase_lead(c: &Connection, org: &str, lead: &str) -> StoreResult<u64> {
    let n = tombstone(
        c,
        &format!("{NOT_ERASED} AND org = ?1 AND lead_id = ?2"),
        &[&org, &lead],
        "erased",
    )?;
    c.execute(
        "UPDATE messages SET lead_id = NULL WHERE org = ?1 AND lead_id = ?2",
        params![org, lead],
    )?;
    c.execute(
        "DELETE FROM leads WHERE org = ?1 AND lead_id = ?2",
        params![org, lead],
    )?;
    c.execute(
        "DELETE FROM fingerprints WHERE org = ?1 AND lead_id = ?2",
        params![org, lead],
    )?;
    Ok(n)
}
