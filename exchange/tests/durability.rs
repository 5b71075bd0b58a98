//! One effect per message: concurrent identical POSTs, and idempotency and lead status
//! across a restart on the same SQLite file; tenancy by token.

mod common;

use common::*;
use serde_json::{Value, json};

fn without_idempotent(mut v: Value) -> Value {
    if let Some(m) = v.as_object_mut() {
        m.remove("idempotent");
    }
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_two_concurrent_identical_posts_have_one_effect() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("x.db");
    let s = start(config(&db, 2)).await;
    let b = base(&s);
    let c = client();
    let msg = lead(
        "5f0c6a1e-0000-4000-8000-000000000032",
        "LEAD-CONC-1",
        "EXPRESSED_INTEREST",
    );
    let mut tasks = Vec::new();
    for _ in 0..32 {
        let (c, b, msg) = (c.clone(), b.clone(), msg.clone());
        tasks.push(tokio::spawn(async move {
            post_json(&c, &b, TOKEN_A, &msg).await
        }));
    }
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.expect("task"));
    }
    assert!(answers.iter().all(|(s, _)| *s == 200), "{:?}", answers[0]);
    let first = answers
        .iter()
        .filter(|(_, b)| b["idempotent"] == json!(false))
        .count();
    assert_eq!(first, 1, "exactly one request processed the message");
    let bodies: Vec<Value> = answers
        .into_iter()
        .map(|(_, b)| without_idempotent(b))
        .collect();
    assert!(
        bodies.windows(2).all(|w| w[0] == w[1]),
        "32 equal answers apart from idempotent"
    );
    let (st, ack) = get(
        &c,
        &b,
        TOKEN_A,
        "/v1/messages/5f0c6a1e-0000-4000-8000-000000000032/ack",
    )
    .await;
    assert_eq!(st, 200);
    assert_eq!(ack["status"], "RECEIVED");
    s.shutdown().await.expect("shutdown");
    assert_eq!(
        count_messages(&db),
        1,
        "one stored message (and its one ACK)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restart_keeps_idempotency_and_lead_status() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("x.db");
    let c = client();
    let first = lead(
        "5f0c6a1e-0000-4000-8000-0000000000a1",
        "LEAD-RST-1",
        "DELIVERED",
    );
    let s = start(config(&db, 2)).await;
    let (st, body1) = post_json(&c, &base(&s), TOKEN_A, &first).await;
    assert_eq!(st, 200, "{body1}");
    s.shutdown().await.expect("shutdown");

    let s = start(config(&db, 2)).await;
    let b = base(&s);
    let (st, body2) = post_json(&c, &b, TOKEN_A, &first).await;
    assert_eq!(st, 200);
    assert_eq!(
        body2["idempotent"],
        json!(true),
        "the id is remembered after a restart"
    );
    assert_eq!(without_idempotent(body1), without_idempotent(body2));
    // DELIVERED → IN_NEGOTIATION is judged against the stored status.
    let back = lead(
        "5f0c6a1e-0000-4000-8000-0000000000a2",
        "LEAD-RST-1",
        "IN_NEGOTIATION",
    );
    let (st, body) = post_json(&c, &b, TOKEN_A, &back).await;
    assert_eq!(st, 422, "{body}");
    let codes: Vec<&str> = body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|i| i["code"].as_str())
        .collect();
    assert!(codes.contains(&"INVALID_STATUS_TRANSITION"), "{codes:?}");
    // The rejection is stored and acknowledged too.
    let (st, ack) = get(
        &c,
        &b,
        TOKEN_A,
        "/v1/messages/5f0c6a1e-0000-4000-8000-0000000000a2/acknowledgment",
    )
    .await;
    assert_eq!(st, 200);
    assert_eq!(ack["status"], "REJECTED");
    assert_eq!(
        ack["acknowledgment"]["lex"]["payload"]["acknowledgment"]["status"],
        "REJECTED"
    );
    s.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_organisations_message_is_not_found() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let s = start(config(&tmp.path().join("x.db"), 2)).await;
    let b = base(&s);
    let c = client();
    let m = lead(
        "5f0c6a1e-0000-4000-8000-0000000000b1",
        "LEAD-ORG-1",
        "EXPRESSED_INTEREST",
    );
    assert_eq!(post_json(&c, &b, TOKEN_A, &m).await.0, 200);
    let path = "/v1/messages/5f0c6a1e-0000-4000-8000-0000000000b1";
    let (st, rec) = get(&c, &b, TOKEN_A, path).await;
    assert_eq!(st, 200);
    assert_eq!(rec["status"], "RECEIVED");
    assert_eq!(
        rec["message"]["lex"]["payload"]["lead"]["leadId"],
        "LEAD-ORG-1"
    );
    let (st, err) = get(&c, &b, TOKEN_B, path).await;
    assert_eq!(st, 404);
    assert_eq!(err["error"], "NOT_FOUND");
    assert_eq!(get(&c, &b, TOKEN_B, &format!("{path}/ack")).await.0, 404);
    // The same id from organisation B is B's own message, not a repeat of A's.
    let (st, body) = post_json(&c, &b, TOKEN_B, &m).await;
    assert_eq!((st, &body["idempotent"]), (200, &json!(false)));
    s.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_token_is_stored_hashed_and_works_after_restart() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("x.db");
    let mut cfg = config(&db, 2);
    cfg.tokens.clear();
    let s = start(cfg.clone()).await;
    let token = s.generated_token.clone().expect("a token is generated");
    s.shutdown().await.expect("shutdown");
    let s = start(cfg).await;
    assert!(s.generated_token.is_none(), "printed once only");
    let c = client();
    let m = lead(
        "5f0c6a1e-0000-4000-8000-0000000000c1",
        "LEAD-TOK-1",
        "EXPRESSED_INTEREST",
    );
    assert_eq!(post_json(&c, &base(&s), &token, &m).await.0, 200);
    assert_eq!(post_json(&c, &base(&s), TOKEN_A, &m).await.0, 401);
    s.shutdown().await.expect("shutdown");
    let raw = std::fs::read(&db).expect("db readable");
    assert!(
        !raw.windows(token.len()).any(|w| w == token.as_bytes()),
        "the token itself is not in the database"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_is_off_by_default_and_answers_429_with_the_headers() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let c = client();
    let s = start(config(&tmp.path().join("a.db"), 2)).await;
    for _ in 0..20 {
        assert_eq!(get(&c, &base(&s), TOKEN_A, "/v1/messages/x").await.0, 404);
    }
    s.shutdown().await.expect("shutdown");
    let mut cfg = config(&tmp.path().join("b.db"), 2);
    cfg.rate_limit_per_minute = Some(3);
    let s = start(cfg).await;
    let b = base(&s);
    for left in ["2", "1", "0"] {
        let r = c
            .get(format!("{b}/v1/messages/x"))
            .bearer_auth(TOKEN_A)
            .send()
            .await
            .expect("answered");
        assert_eq!(r.headers()["x-ratelimit-remaining"], left);
        assert_eq!(r.headers()["x-ratelimit-limit"], "3");
    }
    let r = c
        .get(format!("{b}/v1/messages/x"))
        .bearer_auth(TOKEN_A)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 429);
    assert_eq!(r.headers()["retry-after"], "20");
    assert_eq!(
        r.json::<Value>().await.expect("json")["error"],
        "RATE_LIMITED"
    );
    // Per organisation: B still has its own bucket; health is not limited.
    assert_eq!(get(&c, &b, TOKEN_B, "/v1/messages/x").await.0, 404);
    assert_eq!(get(&c, &b, TOKEN_A, "/v1/health").await.0, 200);
    s.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_submissions_share_commits() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("x.db");
    let s = start(config(&db, 2)).await;
    let b = base(&s);
    let c = client();
    let before = s.commits();
    let mut tasks = Vec::new();
    for i in 0..200 {
        let (c, b) = (c.clone(), b.clone());
        tasks.push(tokio::spawn(async move {
            let m = lead(
                &format!("5f0c6a1e-0000-4000-8000-{i:012}"),
                &format!("LEAD-GROUP-{i:04}"),
                "EXPRESSED_INTEREST",
            );
            post_json(&c, &b, TOKEN_A, &m).await.0
        }));
    }
    for t in tasks {
        assert_eq!(t.await.expect("task"), 200);
    }
    let commits = s.commits() - before;
    s.shutdown().await.expect("shutdown");
    assert_eq!(count_messages(&db), 200);
    println!("200 concurrent submissions in {commits} commits");
    assert!(
        commits < 200,
        "group commit: {commits} commits for 200 messages"
    );
}
