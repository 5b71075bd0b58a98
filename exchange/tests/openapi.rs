//! lex's OpenAPI document describes exactly the routes served, and `/v1/schema/{type}`
//! serves the schema generated from the model tables.

mod common;

use common::*;
use lex_exchange::server::ROUTES;
use serde_json::Value;
use std::collections::BTreeSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document_matches_the_routes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let s = start(config(&tmp.path().join("x.db"), 2)).await;
    let b = base(&s);
    let c = client();
    let r = c
        .get(format!("{b}/v1/openapi.json"))
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 200, "served without a token");
    let doc: Value = r.json().await.expect("json");
    assert_eq!(doc["openapi"], "3.1.0");
    let mut documented = BTreeSet::new();
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for method in ops.as_object().expect("operations").keys() {
            documented.insert((method.clone(), path.clone()));
        }
    }
    let served: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(
        documented, served,
        "the document and the router list the same operations"
    );
    // Each route is really served (not the fallback).
    for (method, path) in ROUTES {
        let url = format!(
            "{b}{}",
            path.replace("{messageId}", "x")
                .replace("{leadId}", "x")
                .replace("{messageType}", "LEAD")
                .replace("{fingerprint}", "x")
        );
        let req = match method {
            "get" => c.get(&url),
            "delete" => c.delete(&url),
            _ => c
                .post(&url)
                .header("content-type", "application/json")
                .body("{}"),
        };
        let r = req.bearer_auth(TOKEN_A).send().await.expect("answered");
        let status = r.status().as_u16();
        let body: Value = r.json().await.unwrap_or(Value::Null);
        assert!(
            !(status == 404 && body["message"] == "no such route") && status != 405,
            "{method} {path}: {status} {body}"
        );
    }
    let (st, schema) = get(&c, &b, TOKEN_A, "/v1/schema/LEAD").await;
    assert_eq!(st, 200);
    assert_eq!(
        schema.pointer("/properties/lex/properties/header/properties/messageType/enum/0"),
        Some(&Value::from("LEAD"))
    );
    assert!(
        schema
            .pointer("/properties/lex/properties/payload/properties/lead/properties/customer")
            .is_some()
    );
    for t in [
        "ASSET",
        "ACKNOWLEDGMENT",
        "SUBSCRIPTION",
        "LEAD_CLOSURE",
        "MESSAGE_ENVELOPE",
    ] {
        assert_eq!(
            get(&c, &b, TOKEN_A, &format!("/v1/schema/{t}")).await.0,
            200,
            "{t}"
        );
    }
    assert_eq!(get(&c, &b, TOKEN_A, "/v1/schema/INQUIRY").await.0, 404);
    // Metrics (this client is on loopback).
    let text = c
        .get(format!("{b}/metrics"))
        .send()
        .await
        .expect("answered")
        .text()
        .await
        .expect("text");
    assert!(
        text.contains(r#"lex_http_requests_total{method="GET",route="/v1/schema/{message_type}",status="404"} 1"#),
        "{text}"
    );
    assert!(text.contains("lex_http_request_duration_seconds_count"));
    assert!(text.contains("lex_store_commits_total"));
    s.shutdown().await.expect("shutdown");
}
