//! A small HTTP load generator for the exchange benchmark: every request is a new message
//! (a fresh `messageId` and `leadId` from a template), so the server makes a durable accept
//! each time; neither wrk nor oha can vary the body per request without a script engine,
//! hence these few lines. Open loop at `--rate` (latency counted from the scheduled send,
//! so a stall is not hidden), or closed loop with `--concurrency` workers when the rate is 0.
//!
//! `loadgen URL TEMPLATE.json [--token T] [--rate R] [--concurrency C] [--seconds S]`
//! prints one JSON line: sent, ok (2xx), other, errors, per-second rate, p50/p99/max in ms.

use serde_json::Value;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

struct Args {
    url: String,
    template: Value,
    token: Option<String>,
    rate: u64,
    concurrency: usize,
    seconds: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let url = it
        .next()
        .ok_or("usage: loadgen URL TEMPLATE.json [options]")?;
    let path = it
        .next()
        .ok_or("usage: loadgen URL TEMPLATE.json [options]")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let template = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let mut a = Args {
        url,
        template,
        token: None,
        rate: 0,
        concurrency: 32,
        seconds: 10,
    };
    while let Some(flag) = it.next() {
        let v = it.next().ok_or(format!("{flag} needs a value"))?;
        let num = || v.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--token" => a.token = Some(v.clone()),
            "--rate" => a.rate = num()?,
            "--concurrency" => a.concurrency = num()? as usize,
            "--seconds" => a.seconds = num()?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(a)
}

fn body(template: &Value, n: u64) -> Vec<u8> {
    let mut m = template.clone();
    m["lex"]["header"]["messageId"] = format!("b0b0b0b0-0000-4000-8000-{n:012}").into();
    if m["lex"]["payload"]["lead"].is_object() {
        m["lex"]["payload"]["lead"]["leadId"] = format!("LEAD-BENCH-{n:010}").into();
    }
    serde_json::to_vec(&m).unwrap_or_default()
}

#[derive(Default)]
struct Tally {
    ok: AtomicU64,
    other: AtomicU64,
    errors: AtomicU64,
}

async fn one(c: &reqwest::Client, a: &Args, n: u64, tally: &Tally) {
    let mut req = c
        .post(&a.url)
        .header("content-type", "application/json")
        .body(body(&a.template, n));
    if let Some(t) = &a.token {
        req = req.bearer_auth(t);
    }
    match req.send().await {
        Ok(r) => {
            let good = r.status().is_success();
            let _ = r.bytes().await;
            if good { &tally.ok } else { &tally.other }.fetch_add(1, Ordering::Relaxed);
        }
        Err(_) => {
            tally.errors.fetch_add(1, Ordering::Relaxed);
        }
    }
}

#[tokio::main]
#[allow(deprecated)]
async fn main() {
    // reqwest is built without a provider (the project uses ring, not aws-lc).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let a = match parse_args() {
        Ok(a) => Arc::new(a),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let c = reqwest::Client::builder()
        .pool_max_idle_per_host(4096)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_default();
    let tally = Arc::new(Tally::default());
    let lat = Arc::new(Mutex::new(Vec::<f64>::with_capacity(1 << 20)));
    let counter = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let end = start + Duration::from_secs(a.seconds);
    let mut tasks = Vec::new();
    if a.rate > 0 {
        let period = Duration::from_secs_f64(1.0 / a.rate as f64);
        let mut k = 0u64;
        loop {
            let due = start + period.mul_f64(k as f64);
            if due >= end {
                break;
            }
            tokio::time::sleep_until(due.into()).await;
            let (c, a, tally, lat) = (c.clone(), a.clone(), tally.clone(), lat.clone());
            let n = counter.fetch_add(1, Ordering::Relaxed);
            tasks.push(tokio::spawn(async move {
                one(&c, &a, n, &tally).await;
                lat.lock().await.push(due.elapsed().as_secs_f64() * 1e3);
            }));
            k += 1;
        }
    } else {
        for _ in 0..a.concurrency.max(1) {
            let (c, a, tally, lat, counter) = (
                c.clone(),
                a.clone(),
                tally.clone(),
                lat.clone(),
                counter.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                while Instant::now() < end {
                    let n = counter.fetch_add(1, Ordering::Relaxed);
                    let t = Instant::now();
                    one(&c, &a, n, &tally).await;
                    mine.push(t.elapsed().as_secs_f64() * 1e3);
                }
                lat.lock().await.extend(mine);
            }));
        }
    }
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = start.elapsed().as_secs_f64();
    let mut l = lat.lock().await.clone();
    l.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        l.get(((l.len() as f64 * p) as usize).min(l.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0.0)
    };
    let ok = tally.ok.load(Ordering::Relaxed);
    let other = tally.other.load(Ordering::Relaxed);
    println!(
        "{{\"sent\":{},\"ok\":{ok},\"other\":{other},\"errors\":{},\"okPerSecond\":{:.0},\"answeredPerSecond\":{:.0},\"p50Ms\":{:.2},\"p99Ms\":{:.2},\"maxMs\":{:.2}}}",
        l.len(),
        tally.errors.load(Ordering::Relaxed),
        ok as f64 / elapsed,
        (ok + other) as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        l.last().copied().unwrap_or(0.0)
    );
}
