//! Crash test: concurrent senders while the real `lexedi serve` process is killed with
//! SIGKILL twenty times at random points and restarted on the same SQLite file. Every
//! messageId that got a 2xx must answer the same afterwards (as an idempotent repeat), and
//! the stored lead statuses must equal a replay model of the answered messages.
//!
//! The binary is `LEXEDI`, else `target/debug/lexedi`; absent → one line and no test.
//! `LEX_CRASH_SEED` sets the random schedule (printed).

mod common;

use common::{TOKEN_A, lead};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

const KILLS: usize = 20;
const SENDERS: usize = 4;
const LEADS_PER_SENDER: usize = 3;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn binary() -> Option<PathBuf> {
    let p = std::env::var_os("LEXEDI")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/lexedi"));
    p.exists().then_some(p)
}

/// Kills the server when the test ends, also on a failed assertion.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `lexedi serve` on a free port; returns the child and its base URL.
fn spawn(bin: &Path, db: &Path) -> (Guard, String) {
    let mut child = Command::new(bin)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--token",
            TOKEN_A,
            "--db",
        ])
        .arg(db)
        .env("LEX_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("lexedi serve starts");
    let out = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(out)
        .read_line(&mut line)
        .expect("first line");
    let url = line
        .trim()
        .strip_prefix("lexedi serve: listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    (Guard(child), url)
}

/// What one sender saw: per messageId the answer, and per lead the statuses in order of
/// the messages answered.
#[derive(Default)]
struct Log {
    answers: Vec<(Value, u16, Value)>,
    /// Attempts that got no answer (the server was killed or restarting).
    unanswered: usize,
}

async fn send_until_answered(
    c: &reqwest::Client,
    base: &RwLock<String>,
    msg: &Value,
    unanswered: &mut usize,
) -> (u16, Value) {
    loop {
        let url = format!("{}/v1/messages", base.read().expect("lock").clone());
        let r = c
            .post(url)
            .bearer_auth(TOKEN_A)
            .header("content-type", "application/json")
            .json(msg)
            .send()
            .await;
        if let Ok(r) = r {
            let status = r.status().as_u16();
            if let Ok(body) = r.json::<Value>().await
                && status < 500
            {
                return (status, body);
            }
        }
        *unanswered += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn strip(mut v: Value) -> Value {
    if let Some(m) = v.as_object_mut() {
        m.remove("idempotent");
    }
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_nine_twenty_times_loses_nothing_answered() {
    let Some(bin) = binary() else {
        println!("skipped: no lexedi binary (build lex-cli or set LEXEDI)");
        return;
    };
    let seed: u64 = std::env::var("LEX_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1e55_0000_0020);
    println!("crash test seed {seed}");
    let started = Instant::now();
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("crash.db");
    let (mut child, url) = spawn(&bin, &db);
    let base = Arc::new(RwLock::new(url));
    let stop = Arc::new(AtomicBool::new(false));
    common::install_provider();
    let c = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");
    let mut senders = Vec::new();
    for k in 0..SENDERS {
        let (c, base, stop) = (c.clone(), base.clone(), stop.clone());
        senders.push(tokio::spawn(async move {
            let mut rng = Rng(seed ^ (k as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            let mut log = Log::default();
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let lead_id = format!("LEAD-CRASH-S{k}-{}", rng.below(LEADS_PER_SENDER as u64));
                let status = lex_core::api::STATUSES[rng.below(15) as usize];
                let id = format!("5f0c6a1e-{k:04}-4000-8000-{n:012}");
                n += 1;
                let msg = lead(&id, &lead_id, status);
                let (st, body) = send_until_answered(&c, &base, &msg, &mut log.unanswered).await;
                log.answers.push((msg, st, body));
            }
            log
        }));
    }
    let mut rng = Rng(seed);
    for _ in 0..KILLS {
        tokio::time::sleep(Duration::from_millis(60 + rng.below(240))).await;
        child.0.kill().expect("SIGKILL");
        let _ = child.0.wait();
        let (c2, url) = spawn(&bin, &db);
        child = c2;
        *base.write().expect("lock") = url;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, Ordering::Relaxed);
    let mut logs = Vec::new();
    for s in senders {
        logs.push(s.await.expect("sender"));
    }
    // Every answered message answers the same now, as a repeat.
    let mut model: HashMap<String, Option<String>> = HashMap::new();
    let mut total = 0;
    let url = base.read().expect("lock").clone();
    for log in &logs {
        for (msg, st, body) in &log.answers {
            total += 1;
            assert!(*st == 200 || *st == 422, "answered {st}: {body}");
            let lead_id = msg["lex"]["payload"]["lead"]["leadId"]
                .as_str()
                .expect("lead")
                .to_string();
            let to = msg["lex"]["payload"]["lead"]["status"]
                .as_str()
                .expect("status")
                .to_string();
            let entry = model.entry(lead_id).or_insert(None);
            let allowed = match entry.as_deref() {
                None => true,
                Some(from) => lex_core::api::transition_allowed(from, &to).expect("statuses"),
            };
            assert_eq!(
                *st == 200,
                allowed,
                "{:?} → {to}: answered {st}: {body}",
                entry
            );
            if *st == 200 {
                *entry = Some(to);
            }
            let again = c
                .post(format!("{url}/v1/messages"))
                .bearer_auth(TOKEN_A)
                .json(msg)
                .send()
                .await
                .expect("answered");
            assert_eq!(again.status().as_u16(), *st);
            let again: Value = again.json().await.expect("json");
            assert_eq!(again["idempotent"], json!(true), "{again}");
            assert_eq!(
                strip(again),
                strip(body.clone()),
                "the same answer after the crashes"
            );
        }
    }
    drop(child);
    let conn = rusqlite::Connection::open(&db).expect("db");
    let mut st = conn
        .prepare("SELECT lead_id, status FROM leads")
        .expect("query");
    let stored: HashMap<String, String> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let expected: HashMap<String, String> = model
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    assert_eq!(stored, expected, "lead statuses equal the replay model");
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM messages", [], |r| r.get(0))
        .expect("count");
    assert_eq!(rows as usize, total, "one record per answered message id");
    let unanswered: usize = logs.iter().map(|l| l.unanswered).sum();
    println!(
        "crash test: {KILLS} kills, {total} answered messages, {unanswered} attempts unanswered \
         and sent again, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(unanswered > 0, "the kills hit requests in flight");
    assert!(started.elapsed() < Duration::from_secs(110));
}
