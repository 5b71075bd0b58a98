//! All four wire formats in by Content-Type, CloudEvents (structured and binary), the ACK
//! per `Accept` (JSON, XML, 997, CONTRL), batch, leads, assets and closure routes.

mod common;

use common::*;
use lex_core::{Format, api};
use serde_json::{Value, json};

fn with_id(id: &str) -> Value {
    lead(
        id,
        &format!("LEAD-FMT-{}", &id[id.len() - 4..]),
        "EXPRESSED_INTEREST",
    )
}

fn convert(v: &Value, to: Format) -> Vec<u8> {
    let text = serde_json::to_vec(v).expect("json");
    api::convert(
        &text,
        to,
        Some(Format::Json),
        &Default::default(),
        &Default::default(),
    )
    .expect("converts")
    .into_bytes()
}

async fn ack_as(c: &reqwest::Client, b: &str, id: &str, accept: &str) -> (u16, String) {
    let r = c
        .get(format!("{b}/v1/messages/{id}/acknowledgment"))
        .bearer_auth(TOKEN_A)
        .header("accept", accept)
        .send()
        .await
        .expect("answered");
    (r.status().as_u16(), r.text().await.expect("body"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_formats_in_and_the_ack_per_accept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let s = start(config(&tmp.path().join("x.db"), 2)).await;
    let b = base(&s);
    let c = client();
    let cases = [
        (
            "application/json",
            Format::Json,
            "5f0c6a1e-0000-4000-8000-00000000f001",
        ),
        (
            "application/xml",
            Format::Xml,
            "5f0c6a1e-0000-4000-8000-00000000f002",
        ),
        (
            "application/edi-x12",
            Format::X12,
            "5f0c6a1e-0000-4000-8000-00000000f003",
        ),
        (
            "application/edifact",
            Format::Edifact,
            "5f0c6a1e-0000-4000-8000-00000000f004",
        ),
    ];
    for (ct, format, id) in cases {
        let (st, body) = post_raw(&c, &b, TOKEN_A, ct, convert(&with_id(id), format)).await;
        assert_eq!(st, 200, "{ct}: {body}");
        assert_eq!(body["messageId"], id);
        let (st, rec) = get(&c, &b, TOKEN_A, &format!("/v1/messages/{id}")).await;
        assert_eq!(st, 200);
        assert_eq!(rec["format"], format.as_str());
        let (st, xml) = ack_as(&c, &b, id, "application/xml").await;
        assert_eq!(st, 200);
        assert!(
            xml.contains("<messageType>ACKNOWLEDGMENT</messageType>"),
            "{xml}"
        );
        let (st, j) = ack_as(&c, &b, id, "application/json").await;
        assert_eq!(st, 200);
        let j: Value = serde_json::from_str(&j).expect("json");
        assert_eq!(j["status"], "RECEIVED");
        assert_eq!(j["originalMessageId"], id);
    }
    let (st, x997) = ack_as(&c, &b, cases[2].2, "application/edi-x12").await;
    assert_eq!(st, 200);
    assert!(x997.starts_with("ISA") && x997.contains("ST*997"), "{x997}");
    let (st, contrl) = ack_as(&c, &b, cases[3].2, "application/edifact").await;
    assert_eq!(st, 200);
    assert!(contrl.contains("CONTRL"), "{contrl}");
    assert_eq!(
        ack_as(&c, &b, cases[0].2, "application/edi-x12").await.0,
        406
    );
    assert_eq!(
        ack_as(&c, &b, cases[2].2, "application/edifact").await.0,
        406
    );
    s.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cloudevents_structured_and_binary() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let s = start(config(&tmp.path().join("x.db"), 2)).await;
    let b = base(&s);
    let c = client();
    // Structured, data = the whole message.
    let m = with_id("5f0c6a1e-0000-4000-8000-00000000ce01");
    let ev = json!({"specversion": "1.0", "id": "5f0c6a1e-0000-4000-8000-00000000ce01",
        "source": "https://platforms.lexstandard.org/senders/PORTAL-001",
        "type": "org.lexstandard.lead.submitted", "datacontenttype": "application/json", "data": m});
    let (st, body) = post_raw(
        &c,
        &b,
        TOKEN_A,
        "application/cloudevents+json",
        serde_json::to_vec(&ev).expect("json"),
    )
    .await;
    assert_eq!(st, 200, "{body}");
    // Structured, data = the payload only: the header is rebuilt from the attributes
    // (hyphenated extension names accepted).
    let m = with_id("5f0c6a1e-0000-4000-8000-00000000ce02");
    let ev = json!({"specversion": "1.0", "id": "5f0c6a1e-0000-4000-8000-00000000ce02",
        "source": "https://platforms.lexstandard.org/senders/PORTAL-001",
        "type": "org.lexstandard.lead.submitted", "time": "2026-04-03T10:00:00Z",
        "lex-version": "1.0", "lex-receiver": "DEALER-001", "data": m["lex"]["payload"]});
    let (st, body) = post_raw(
        &c,
        &b,
        TOKEN_A,
        "application/cloudevents+json",
        serde_json::to_vec(&ev).expect("json"),
    )
    .await;
    assert_eq!(st, 200, "{body}");
    let (_, rec) = get(
        &c,
        &b,
        TOKEN_A,
        "/v1/messages/5f0c6a1e-0000-4000-8000-00000000ce02",
    )
    .await;
    assert_eq!(rec["senderId"], "PORTAL-001");
    assert_eq!(rec["message"]["lex"]["header"]["receiverId"], "DEALER-001");
    // Binary: ce-* headers, the message as body.
    let m = with_id("5f0c6a1e-0000-4000-8000-00000000ce03");
    let r = c
        .post(format!("{b}/v1/messages"))
        .bearer_auth(TOKEN_A)
        .header("content-type", "application/json")
        .header("ce-specversion", "1.0")
        .header("ce-id", "5f0c6a1e-0000-4000-8000-00000000ce03")
        .header("ce-type", "org.lexstandard.lead.submitted")
        .header("ce-source", "x")
        .json(&m)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 200);
    // Binary with an id that is not the messageId; an unknown type; a bad specversion.
    let r = c
        .post(format!("{b}/v1/messages"))
        .bearer_auth(TOKEN_A)
        .header("content-type", "application/json")
        .header("ce-specversion", "1.0")
        .header("ce-id", "other")
        .json(&with_id("5f0c6a1e-0000-4000-8000-00000000ce04"))
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 400);
    assert_eq!(
        r.json::<Value>().await.expect("json")["error"],
        "CLOUDEVENT_ID_MISMATCH"
    );
    let ev = json!({"specversion": "1.0", "id": "x", "source": "y", "type": "com.example.other", "data": {"lead": {}}});
    let (st, body) = post_raw(
        &c,
        &b,
        TOKEN_A,
        "application/cloudevents+json",
        serde_json::to_vec(&ev).expect("json"),
    )
    .await;
    assert_eq!(
        (st, body["error"].as_str()),
        (400, Some("CLOUDEVENT_UNKNOWN_TYPE"))
    );
    let ev = json!({"specversion": "0.3", "id": "x", "data": {}});
    let (st, body) = post_raw(
        &c,
        &b,
        TOKEN_A,
        "application/cloudevents+json",
        serde_json::to_vec(&ev).expect("json"),
    )
    .await;
    assert_eq!(
        (st, body["error"].as_str()),
        (400, Some("CLOUDEVENT_INVALID"))
    );
    s.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_leads_assets_and_closure_routes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let s = start(config(&tmp.path().join("x.db"), 2)).await;
    let b = base(&s);
    let c = client();
    let good = with_id("5f0c6a1e-0000-4000-8000-00000000ba01");
    let mut bad = with_id("5f0c6a1e-0000-4000-8000-00000000ba02");
    bad["lex"]["payload"]["lead"]["customer"]["emailAddress"] = json!("not-an-email");
    let batch = json!({"messages": [good, bad, good, {"nope": 1}]});
    let r = c
        .post(format!("{b}/v1/messages/batch"))
        .bearer_auth(TOKEN_A)
        .json(&batch)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 200);
    let r: Value = r.json().await.expect("json");
    assert_eq!(
        (
            r["totalCount"].as_u64(),
            r["successCount"].as_u64(),
            r["failureCount"].as_u64()
        ),
        (Some(4), Some(2), Some(2)),
        "{r}"
    );
    assert_eq!(r["results"][1]["httpStatus"], 422);
    assert_eq!(r["results"][2]["idempotent"], true);
    assert_eq!(r["results"][3]["error"], "NOT_A_LEX_MESSAGE");
    let too_many = json!({"messages": vec![json!({}); 101]});
    let r = c
        .post(format!("{b}/v1/messages/batch"))
        .bearer_auth(TOKEN_A)
        .json(&too_many)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 400);
    assert_eq!(
        r.json::<Value>().await.expect("json")["error"],
        "INVALID_BATCH"
    );

    // /v1/leads takes LEADs only.
    let r = c
        .post(format!("{b}/v1/leads"))
        .bearer_auth(TOKEN_A)
        .json(&with_id("5f0c6a1e-0000-4000-8000-00000000ba03"))
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 200);
    let mut asset = with_id("5f0c6a1e-0000-4000-8000-00000000ba04");
    asset["lex"]["header"]["messageType"] = json!("ASSET");
    let r = c
        .post(format!("{b}/v1/leads"))
        .bearer_auth(TOKEN_A)
        .json(&asset)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 400);
    assert_eq!(
        r.json::<Value>().await.expect("json")["error"],
        "WRONG_MESSAGE_TYPE"
    );

    // Closure of a known lead, repeated; of an unknown lead.
    let closure = json!({"closureStatus": "WON", "closureDate": "2026-04-05T14:00:00Z",
        "closureReason": "Customer purchased vehicle", "dealAmount": 48500.0, "currency": "USD"});
    let path = format!("{b}/v1/leads/LEAD-FMT-ba01/closure");
    let r = c
        .post(&path)
        .bearer_auth(TOKEN_A)
        .json(&closure)
        .send()
        .await
        .expect("answered");
    let st = r.status().as_u16();
    let first: Value = r.json().await.expect("json");
    assert_eq!(st, 200, "{first}");
    assert_eq!(first["acknowledgmentStatus"], "PROCESSED");
    let r = c
        .post(&path)
        .bearer_auth(TOKEN_A)
        .json(&closure)
        .send()
        .await
        .expect("answered");
    let again: Value = r.json().await.expect("json");
    assert_eq!(again["idempotent"], true);
    assert_eq!(again["messageId"], first["messageId"]);
    let r = c
        .post(format!("{b}/v1/leads/LEAD-NOT-KNOWN/closure"))
        .bearer_auth(TOKEN_A)
        .json(&closure)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 404);
    let r = c
        .post(&path)
        .bearer_auth(TOKEN_A)
        .json(&json!({"closureStatus": "WON"}))
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 400);
    s.shutdown().await.expect("shutdown");
}
