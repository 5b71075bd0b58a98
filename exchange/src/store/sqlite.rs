//! The SQLite store: one database file in WAL mode with `synchronous=FULL`.
//!
//! Writes go through one writer thread (SQLite has one writer at a time): it takes the
//! first waiting submission, then every other one already queued, and — when more than one
//! came at once, i.e. under load — waits up to the linger (default 2 ms) for more, up to
//! the batch limit (default 256). It decides them one by one in a single transaction, each
//! inside a savepoint so a failing one does not undo the others, commits once (one fsync),
//! then wakes every waiter. No answer leaves before its commit. GETs use a small pool of
//! reader connections, which WAL lets run beside the writer.

use super::{Answer, Store, StoreError, StoreFuture, StoreResult, StoredMessage, Submission, Tx};
use crate::auth::token_hash;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS messages (
  org TEXT NOT NULL,
  message_id TEXT NOT NULL,
  message_type TEXT,
  sender_id TEXT,
  receiver_id TEXT,
  lead_id TEXT,
  fingerprint TEXT,
  content_hash TEXT NOT NULL,
  format TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_unix INTEGER NOT NULL,
  status TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  response TEXT NOT NULL,
  ack TEXT,
  ack_native TEXT,
  body TEXT,
  pruned TEXT,
  PRIMARY KEY (org, message_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS messages_by_lead ON messages (org, lead_id);
CREATE INDEX IF NOT EXISTS messages_by_fingerprint ON messages (org, fingerprint);
CREATE INDEX IF NOT EXISTS messages_by_age ON messages (received_unix);
CREATE TABLE IF NOT EXISTS leads (
  org TEXT NOT NULL,
  lead_id TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (org, lead_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fingerprints (
  org TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  lead_id TEXT NOT NULL,
  seen_unix INTEGER NOT NULL,
  PRIMARY KEY (org, fingerprint)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
  token_sha256 BLOB PRIMARY KEY,
  org TEXT NOT NULL
);
";

/// An administrative write run by the writer thread in its own transaction.
type AdminFn = Box<dyn FnOnce(&Connection) -> StoreResult<u64> + Send>;

enum Job {
    Submit {
        sub: Box<Submission>,
        reply: oneshot::Sender<StoreResult<Answer>>,
    },
    Admin {
        work: AdminFn,
        reply: std::sync::mpsc::Sender<StoreResult<u64>>,
    },
}

/// How the writer batches commits.
#[derive(Clone, Copy, Debug)]
pub struct GroupCommit {
    /// How long to wait for more submissions once a batch is under way.
    pub linger: Duration,
    /// The most submissions in one commit.
    pub max_batch: usize,
}

impl Default for GroupCommit {
    fn default() -> Self {
        GroupCommit {
            linger: Duration::from_millis(2),
            max_batch: 256,
        }
    }
}

/// The SQLite store.
pub struct SqliteStore {
    path: PathBuf,
    jobs: Mutex<Option<mpsc::Sender<Job>>>,
    writer: Mutex<Option<JoinHandle<()>>>,
    readers: Mutex<Vec<Connection>>,
    commits: Arc<std::sync::atomic::AtomicU64>,
}

fn open(path: &Path) -> StoreResult<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

impl SqliteStore {
    /// Opens (creating when missing) the database at `path` and starts its writer thread.
    pub fn open(path: &Path, group: GroupCommit) -> StoreResult<SqliteStore> {
        let conn = open(path)?;
        conn.execute_batch(SCHEMA)?;
        let (tx, rx) = mpsc::channel::<Job>();
        let commits = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let counter = commits.clone();
        let writer = std::thread::Builder::new()
            .name("lex-store-writer".into())
            .spawn(move || writer_loop(conn, rx, group, &counter))
            .map_err(|e| StoreError::Database(format!("cannot start the writer: {e}")))?;
        Ok(SqliteStore {
            path: path.to_path_buf(),
            jobs: Mutex::new(Some(tx)),
            writer: Mutex::new(Some(writer)),
            readers: Mutex::new(Vec::new()),
            commits,
        })
    }

    /// How many transactions the writer has committed.
    pub fn commits(&self) -> u64 {
        self.commits.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The organisations of the stored (hashed) tokens.
    pub fn stored_tokens(&self) -> StoreResult<Vec<([u8; 32], String)>> {
        self.read(|c| {
            let mut st = c.prepare("SELECT token_sha256, org FROM tokens")?;
            let rows = st.query_map([], |r| {
                let h: Vec<u8> = r.get(0)?;
                Ok((h, r.get::<_, String>(1)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (h, org) = row?;
                if let Ok(h) = <[u8; 32]>::try_from(h.as_slice()) {
                    out.push((h, org));
                }
            }
            Ok(out)
        })
    }

    /// Stores the hash of a new token for `org`.
    pub fn store_token(&self, token: &str, org: &str) -> StoreResult<()> {
        let c = open(&self.path)?;
        c.execute(
            "INSERT OR REPLACE INTO tokens (token_sha256, org) VALUES (?1, ?2)",
            params![token_hash(token).as_slice(), org],
        )?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs an administrative write on the writer thread, in its own transaction.
    pub(crate) fn admin(
        &self,
        work: impl FnOnce(&Connection) -> StoreResult<u64> + Send + 'static,
    ) -> StoreResult<u64> {
        let (reply, rx) = mpsc::channel();
        let sent = self
            .jobs
            .lock()
            .ok()
            .and_then(|j| {
                j.as_ref().map(|s| {
                    s.send(Job::Admin {
                        work: Box::new(work),
                        reply,
                    })
                    .is_ok()
                })
            })
            .unwrap_or(false);
        if !sent {
            return Err(StoreError::Closed);
        }
        rx.recv().unwrap_or(Err(StoreError::Closed))
    }

    /// Stops the writer after the queued submissions are committed.
    pub fn close(&self) {
        if let Ok(mut j) = self.jobs.lock() {
            j.take();
        }
        let handle = self.writer.lock().ok().and_then(|mut w| w.take());
        if let Some(h) = handle {
            let _ = h.join();
        }
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> StoreResult<T>) -> StoreResult<T> {
        let pooled = self.readers.lock().ok().and_then(|mut p| p.pop());
        let conn = match pooled {
            Some(c) => c,
            None => {
                let c = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                c.busy_timeout(Duration::from_secs(10))?;
                c
            }
        };
        let out = f(&conn);
        if let Ok(mut p) = self.readers.lock()
            && p.len() < 8
        {
            p.push(conn);
        }
        out
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        self.close();
    }
}

fn writer_loop(
    mut conn: Connection,
    rx: mpsc::Receiver<Job>,
    group: GroupCommit,
    commits: &std::sync::atomic::AtomicU64,
) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < group.max_batch {
            match rx.try_recv() {
                Ok(j) => batch.push(j),
                Err(_) => break,
            }
        }
        if batch.len() > 1 {
            let deadline = Instant::now() + group.linger;
            while batch.len() < group.max_batch {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                match rx.recv_timeout(left) {
                    Ok(j) => batch.push(j),
                    Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
                }
            }
        }
        let mut submits = Vec::with_capacity(batch.len());
        for job in batch {
            match job {
                Job::Submit { sub, reply } => submits.push((*sub, reply)),
                Job::Admin { work, reply } => {
                    let _ = reply.send(run_admin(&mut conn, work));
                }
            }
        }
        if !submits.is_empty() {
            run_batch(&mut conn, submits);
            commits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

fn run_admin(conn: &mut Connection, work: AdminFn) -> StoreResult<u64> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let n = work(&tx)?;
    tx.commit()?;
    Ok(n)
}

type Pending = (Submission, oneshot::Sender<StoreResult<Answer>>);

fn run_batch(conn: &mut Connection, batch: Vec<Pending>) {
    let tx = match conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
        Ok(t) => t,
        Err(e) => {
            let msg = e.to_string();
            for (_, reply) in batch {
                let _ = reply.send(Err(StoreError::Database(msg.clone())));
            }
            return;
        }
    };
    let mut results = Vec::with_capacity(batch.len());
    for (sub, reply) in batch {
        let result = (|| -> StoreResult<Answer> {
            tx.execute_batch("SAVEPOINT one")?;
            let mut view = SqliteTx { conn: &tx };
            match crate::decide::decide(&mut view, sub) {
                Ok(a) => {
                    tx.execute_batch("RELEASE one")?;
                    Ok(a)
                }
                Err(e) => {
                    tx.execute_batch("ROLLBACK TO one; RELEASE one")?;
                    Err(e)
                }
            }
        })();
        results.push((reply, result));
    }
    match tx.commit() {
        Ok(()) => {
            for (reply, r) in results {
                let _ = reply.send(r);
            }
        }
        Err(e) => {
            let msg = e.to_string();
            for (reply, _) in results {
                let _ = reply.send(Err(StoreError::Database(msg.clone())));
            }
        }
    }
}

struct SqliteTx<'a> {
    conn: &'a Connection,
}

impl Tx for SqliteTx<'_> {
    fn find(&mut self, org: &str, message_id: &str) -> StoreResult<Option<(u16, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT http_status, response FROM messages WHERE org = ?1 AND message_id = ?2",
        )?;
        Ok(st
            .query_row(params![org, message_id], |r| {
                Ok((r.get::<_, u16>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?)
    }

    fn lead_status(&mut self, org: &str, lead_id: &str) -> StoreResult<Option<String>> {
        lead_status(self.conn, org, lead_id)
    }

    fn set_lead_status(
        &mut self,
        org: &str,
        lead_id: &str,
        status: &str,
        created_at: &str,
    ) -> StoreResult<()> {
        let mut st = self.conn.prepare_cached(
            "INSERT INTO leads (org, lead_id, status, created_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (org, lead_id) DO UPDATE SET status = excluded.status",
        )?;
        st.execute(params![org, lead_id, status, created_at])?;
        Ok(())
    }

    fn fingerprint_owner(&mut self, org: &str, fp: &str) -> StoreResult<Option<(String, i64)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT lead_id, seen_unix FROM fingerprints WHERE org = ?1 AND fingerprint = ?2",
        )?;
        Ok(st
            .query_row(params![org, fp], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    fn put_fingerprint(
        &mut self,
        org: &str,
        fp: &str,
        lead_id: &str,
        at_unix: i64,
    ) -> StoreResult<()> {
        let mut st = self.conn.prepare_cached(
            "INSERT INTO fingerprints (org, fingerprint, lead_id, seen_unix) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (org, fingerprint) DO UPDATE SET lead_id = excluded.lead_id,
             seen_unix = excluded.seen_unix",
        )?;
        st.execute(params![org, fp, lead_id, at_unix])?;
        Ok(())
    }

    fn insert(&mut self, m: &StoredMessage) -> StoreResult<()> {
        let mut st = self.conn.prepare_cached(
            "INSERT INTO messages (org, message_id, message_type, sender_id, receiver_id,
               lead_id, fingerprint, content_hash, format, received_at, received_unix, status,
               http_status, response, ack, ack_native, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        )?;
        st.execute(params![
            m.org,
            m.message_id,
            m.message_type,
            m.sender_id,
            m.receiver_id,
            m.lead_id,
            m.fingerprint,
            m.content_hash,
            m.format,
            m.received_at,
            m.received_unix,
            m.status,
            m.http_status,
            m.response,
            m.ack,
            m.ack_native,
            m.body,
        ])?;
        Ok(())
    }
}

fn lead_status(conn: &Connection, org: &str, lead_id: &str) -> StoreResult<Option<String>> {
    let mut st = conn.prepare_cached("SELECT status FROM leads WHERE org = ?1 AND lead_id = ?2")?;
    Ok(st
        .query_row(params![org, lead_id], |r| r.get(0))
        .optional()?)
}

impl Store for SqliteStore {
    fn submit(&self, sub: Submission) -> StoreFuture<Answer> {
        let (reply, rx) = oneshot::channel();
        let sent = self
            .jobs
            .lock()
            .ok()
            .and_then(|j| {
                j.as_ref().map(|s| {
                    s.send(Job::Submit {
                        sub: Box::new(sub),
                        reply,
                    })
                    .is_ok()
                })
            })
            .unwrap_or(false);
        Box::pin(async move {
            if !sent {
                return Err(StoreError::Closed);
            }
            rx.await.unwrap_or(Err(StoreError::Closed))
        })
    }

    fn message(&self, org: &str, message_id: &str) -> StoreResult<Option<StoredMessage>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT org, message_id, message_type, sender_id, receiver_id, lead_id,
                   fingerprint, content_hash, format, received_at, received_unix, status,
                   http_status, response, ack, ack_native, body, pruned
                 FROM messages WHERE org = ?1 AND message_id = ?2",
            )?;
            Ok(st
                .query_row(params![org, message_id], |r| {
                    Ok(StoredMessage {
                        org: r.get(0)?,
                        message_id: r.get(1)?,
                        message_type: r.get(2)?,
                        sender_id: r.get(3)?,
                        receiver_id: r.get(4)?,
                        lead_id: r.get(5)?,
                        fingerprint: r.get(6)?,
                        content_hash: r.get(7)?,
                        format: r.get(8)?,
                        received_at: r.get(9)?,
                        received_unix: r.get(10)?,
                        status: r.get(11)?,
                        http_status: r.get(12)?,
                        response: r.get(13)?,
                        ack: r.get(14)?,
                        ack_native: r.get(15)?,
                        body: r.get(16)?,
                        pruned: r.get(17)?,
                    })
                })
                .optional()?)
        })
    }

    fn lead_status(&self, org: &str, lead_id: &str) -> StoreResult<Option<String>> {
        self.read(|c| lead_status(c, org, lead_id))
    }

    fn lead_created(&self, org: &str, lead_id: &str) -> StoreResult<Option<String>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached("SELECT created_at FROM leads WHERE org = ?1 AND lead_id = ?2")?;
            Ok(st
                .query_row(params![org, lead_id], |r| r.get(0))
                .optional()?)
        })
    }

    fn health(&self) -> StoreResult<()> {
        self.read(|c| {
            c.query_row("SELECT count(*) FROM leads LIMIT 1", [], |_| Ok(()))?;
            Ok(())
        })
    }
}
