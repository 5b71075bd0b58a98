//! The 20 public LEX conformance vectors POSTed over HTTP to `lex-exchange`, each to a
//! server at the vector's level, checked for the expected status, validity, ACK status and
//! codes. The vectors are read at run time from `LEX_SPEC_DIR` (default
//! `../shared/spec/lex-1.0` from the repository root); absent → one line and no cases.

mod common;

use common::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn codes(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|i| i.get("code").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn check(id: &str, expected: &Value, status: u16, body: &Value) -> Vec<String> {
    let mut fails = Vec::new();
    if let Some(want) = expected.get("httpStatus").and_then(Value::as_u64)
        && u64::from(status) != want
    {
        fails.push(format!("{id}: status {status}, expected {want}: {body}"));
    }
    for key in ["valid", "acknowledgmentStatus", "routing"] {
        if let Some(want) = expected.get(key)
            && body.get(key) != Some(want)
        {
            fails.push(format!("{id}: {key} {:?}, expected {want}", body.get(key)));
        }
    }
    for (key, got) in [
        ("errors", body.get("errors")),
        ("warnings", body.get("warnings")),
    ] {
        let got = got.map(codes).unwrap_or_default();
        for want in expected.get(key).map(codes).unwrap_or_default() {
            if !got.contains(&want) {
                fails.push(format!("{id}: {key} lack {want} (got {got:?})"));
            }
        }
    }
    fails
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_vectors_over_http() {
    let dir = spec_dir().join("tests/conformance");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: no LEX conformance vectors at {}", dir.display());
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 20, "the 20 public vectors");
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut servers = BTreeMap::new();
    for level in 1..=3u8 {
        let s = start(config(&tmp.path().join(format!("l{level}.db")), level)).await;
        servers.insert(level, s);
    }
    let c = client();
    let mut fails = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("vector readable");
        let offset = chrono_free_now_plus(300);
        let text = text.replace("{{NOW_PLUS_300S}}", &offset);
        let v: Value = serde_json::from_str(&text).expect("vector is JSON");
        let id = v["id"].as_str().unwrap_or("?").to_string();
        let level = v["conformanceLevel"].as_u64().unwrap_or(2) as u8;
        let b = base(&servers[&level]);
        let input = &v["input"];
        if let Some(prev) = v.get("previousState") {
            // The existing record the vector assumes: the lead at its previous status.
            let mut seed = input.clone();
            seed["lex"]["header"]["messageId"] = json!(format!("seed-{id}"));
            seed["lex"]["payload"]["lead"]["status"] = prev["status"].clone();
            if let Some(l) = seed["lex"]["payload"]["lead"].as_object_mut() {
                l.remove("leadHistory");
            }
            let (s, body) = post_json(&c, &b, TOKEN_A, &seed).await;
            assert_eq!(s, 200, "{id}: the seed is accepted: {body}");
        }
        if id == "TC-020" {
            // A retransmission: the first attempt is stored, the retry answers from it.
            let mut first = input.clone();
            let h = &mut first["lex"]["header"];
            h["timestamp"] = h["retryContext"]["originalTimestamp"].clone();
            if let Some(h) = h.as_object_mut() {
                h.remove("retryContext");
            }
            let (s, _) = post_json(&c, &b, TOKEN_A, &first).await;
            assert_eq!(s, 200, "TC-020 first attempt");
        }
        let (status, body) = post_json(&c, &b, TOKEN_A, input).await;
        fails.extend(check(&id, &v["expected"], status, &body));
        let expected = if id == "TC-004" {
            let (s2, body2) = post_json(&c, &b, TOKEN_A, &v["duplicate"]).await;
            let want = &v["expected"]["duplicateSubmission"];
            fails.extend(check("TC-004 duplicate", want, s2, &body2));
            if body2["idempotent"] != json!(true) || body["idempotent"] != json!(false) {
                fails.push(format!(
                    "TC-004: idempotent flags {} then {}",
                    body["idempotent"], body2["idempotent"]
                ));
            }
            let strip = |mut b: Value| {
                if let Some(m) = b.as_object_mut() {
                    m.remove("idempotent");
                }
                b
            };
            if strip(body.clone()) != strip(body2) {
                fails.push("TC-004: the repeat's answer differs".into());
            }
            &v["expected"]["firstSubmission"]
        } else {
            &v["expected"]
        };
        if id == "TC-020" && body["idempotent"] != json!(true) {
            fails.push(format!("TC-020: not idempotent: {body}"));
        }
        let _ = expected;
    }
    for (_, s) in servers {
        s.shutdown().await.expect("clean shutdown");
    }
    assert!(
        fails.is_empty(),
        "{} failures:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

/// Now + `secs` as RFC 3339 UTC (seconds precision).
fn chrono_free_now_plus(secs: i64) -> String {
    let t = time::OffsetDateTime::now_utc() + time::Duration::seconds(secs);
    t.replace_nanosecond(0)
        .unwrap_or(t)
        .format(&time::format_description::well_known::Rfc3339)
        .expect("formats")
}
