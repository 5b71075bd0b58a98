//! Data lifecycle: retention prunes to tombstones that still answer idempotently; erasure
//! by lead and by customer fingerprint; online backup.

mod common;

use common::*;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_erasure_and_backup() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("x.db");
    let s = start(config(&db, 2)).await;
    let b = base(&s);
    let c = client();
    let ids = [
        "5f0c6a1e-0000-4000-8000-00000000e001",
        "5f0c6a1e-0000-4000-8000-00000000e002",
        "5f0c6a1e-0000-4000-8000-00000000e003",
    ];
    let msgs: Vec<Value> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| lead(id, &format!("LEAD-LIFE-000{i}"), "EXPRESSED_INTEREST"))
        .collect();
    let mut first = Vec::new();
    for m in &msgs {
        let (st, body) = post_json(&c, &b, TOKEN_A, m).await;
        assert_eq!(st, 200, "{body}");
        first.push(body);
    }
    let store = s.store();

    // Retention: everything received before "now + 1 s" is pruned.
    let cutoff = time::OffsetDateTime::now_utc().unix_timestamp() + 1;
    let st2 = store.clone();
    let n = tokio::task::spawn_blocking(move || st2.prune(cutoff))
        .await
        .expect("task")
        .expect("prune");
    assert_eq!(n, 3);
    let (st, rec) = get(&c, &b, TOKEN_A, &format!("/v1/messages/{}", ids[0])).await;
    assert_eq!(st, 200);
    assert!(rec.get("message").is_none(), "the body is gone: {rec}");
    assert_eq!(rec["status"], "RECEIVED");
    let (st, again) = post_json(&c, &b, TOKEN_A, &msgs[0]).await;
    assert_eq!(
        (st, &again["idempotent"]),
        (200, &json!(true)),
        "a tombstone still answers"
    );
    assert_eq!(again["messageId"], first[0]["messageId"]);

    // Erasure of a lead through the admin route (another organisation cannot see it).
    let r = c
        .delete(format!("{b}/v1/admin/leads/LEAD-LIFE-0001"))
        .bearer_auth(TOKEN_B)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.json::<Value>().await.expect("json")["erasedMessages"], 0);
    let r = c
        .delete(format!("{b}/v1/admin/leads/LEAD-LIFE-0001"))
        .bearer_auth(TOKEN_A)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.json::<Value>().await.expect("json")["erasedMessages"], 1);
    assert_eq!(
        get(&c, &b, TOKEN_A, &format!("/v1/messages/{}", ids[1]))
            .await
            .0,
        404
    );
    let (st, again) = post_json(&c, &b, TOKEN_A, &msgs[1]).await;
    assert_eq!(
        (st, &again["idempotent"]),
        (200, &json!(true)),
        "an erased id is not processed again"
    );

    // Erasure by customer fingerprint: a fresh lead with the same customer.
    let fresh = lead(
        "5f0c6a1e-0000-4000-8000-00000000e004",
        "LEAD-LIFE-0004",
        "EXPRESSED_INTEREST",
    );
    assert_eq!(post_json(&c, &b, TOKEN_A, &fresh).await.0, 200);
    let fp = lex_core::api::fingerprint("jane.smith@example.com", "+14155551234", "Smith");
    let r = c
        .delete(format!("{b}/v1/admin/fingerprints/{fp}"))
        .bearer_auth(TOKEN_A)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.json::<Value>().await.expect("json")["erasedMessages"].as_u64() >= Some(1));
    assert_eq!(
        get(
            &c,
            &b,
            TOKEN_A,
            "/v1/messages/5f0c6a1e-0000-4000-8000-00000000e004"
        )
        .await
        .0,
        404
    );

    // Online backup while serving.
    let dest = tmp.path().join("backup.db");
    let (st2, d2) = (store.clone(), dest.clone());
    tokio::task::spawn_blocking(move || st2.backup(&d2))
        .await
        .expect("task")
        .expect("backup");
    assert_eq!(count_messages(&dest), 4);
    s.shutdown().await.expect("shutdown");
    // No personal data of the pruned or erased messages is left in the live rows.
    let conn = rusqlite::Connection::open(&db).expect("db");
    let left: i64 = conn
        .query_row("SELECT count(*) FROM messages WHERE body IS NOT NULL OR ack IS NOT NULL OR fingerprint IS NOT NULL", [], |r| r.get(0))
        .expect("count");
    assert_eq!(left, 0);
    let leads: i64 = conn
        .query_row(
            "SELECT count(*) FROM leads WHERE lead_id IN ('LEAD-LIFE-0001', 'LEAD-LIFE-0004')",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(leads, 0);
}
