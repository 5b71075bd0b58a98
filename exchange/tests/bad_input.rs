//! Every bad input of the issue gets a 4xx with a stable code (and a location when it is
//! about the body), nothing is stored, and the server keeps serving.

mod common;

use common::*;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends raw request bytes on a fresh connection (ignoring write errors once the server
/// answered early) and returns the status and JSON body of the answer.
async fn raw_exchange(
    addr: std::net::SocketAddr,
    head: &str,
    body_parts: Vec<Vec<u8>>,
    pause: Duration,
) -> (u16, Value) {
    let mut s = TcpStream::connect(addr).await.expect("connect");
    let _ = s.write_all(head.as_bytes()).await;
    for p in body_parts {
        if s.write_all(&p).await.is_err() {
            break;
        }
    }
    tokio::time::sleep(pause).await;
    let mut buf = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(20), s.read_to_end(&mut buf)).await;
    let text = String::from_utf8_lossy(&buf).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text.split("\r\n\r\n").nth(1).unwrap_or("");
    // A chunked answer: take the JSON between the first `{` and the last `}`.
    let json = match (body.find('{'), body.rfind('}')) {
        (Some(a), Some(b)) if b > a => serde_json::from_str(&body[a..=b]).unwrap_or(Value::Null),
        _ => Value::Null,
    };
    (status, json)
}

fn assert_error(what: &str, got: &(u16, Value), status: u16, code: &str) {
    assert_eq!(got.0, status, "{what}: {}", got.1);
    assert_eq!(got.1["error"], json!(code), "{what}: {}", got.1);
    assert!(got.1["message"].is_string(), "{what}: a message");
}

fn assert_located(what: &str, got: &(u16, Value)) {
    assert!(
        got.1["location"].is_object(),
        "{what}: a location: {}",
        got.1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_inputs_get_4xx_with_code_and_location_and_store_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("x.db");
    let mut cfg = config(&db, 2);
    cfg.request_timeout = Duration::from_secs(1);
    let s = start(cfg).await;
    let b = base(&s);
    let c = client();
    let good = lead(
        "5f0c6a1e-0000-4000-8000-0000000000d1",
        "LEAD-BAD-1",
        "EXPRESSED_INTEREST",
    );
    let good_text = serde_json::to_string(&good).expect("json");

    let r = post_raw(
        &c,
        &b,
        TOKEN_A,
        "application/json",
        vec![0xff, 0xfe, 0x00, 0x13, 0x37],
    )
    .await;
    assert!(r.0 == 400, "garbage: {r:?}");
    assert_located("garbage", &r);
    for (what, ct, body, code) in [
        (
            "truncated JSON",
            "application/json",
            good_text[..good_text.len() / 2].to_string(),
            "SYNTAX_ERROR",
        ),
        (
            "truncated XML",
            "application/xml",
            "<lex><header><messageId>x</messageId>".to_string(),
            "SYNTAX_ERROR",
        ),
        (
            "not a LEX message",
            "application/json",
            r#"{"hello":1}"#.to_string(),
            "NOT_A_LEX_MESSAGE",
        ),
        (
            "deep document",
            "application/json",
            format!("{{\"lex\":{}{}}}", "[".repeat(5000), "]".repeat(5000)),
            "DEPTH_LIMIT_EXCEEDED",
        ),
    ] {
        let r = post_raw(&c, &b, TOKEN_A, ct, body.into_bytes()).await;
        assert_error(what, &r, 400, code);
        assert_located(what, &r);
    }
    let r = post_raw(
        &c,
        &b,
        TOKEN_A,
        "application/edi-x12",
        b"ISA*00*          *00*".to_vec(),
    )
    .await;
    assert_eq!(r.0, 400, "truncated X12: {r:?}");
    assert_located("truncated X12", &r);
    let r = post_raw(
        &c,
        &b,
        TOKEN_A,
        "application/edifact",
        b"UNA:+.? 'UNB+UNOC:3+S".to_vec(),
    )
    .await;
    assert_eq!(r.0, 400, "truncated EDIFACT: {r:?}");
    assert_located("truncated EDIFACT", &r);

    let r = post_raw(
        &c,
        &b,
        TOKEN_A,
        "text/plain",
        good_text.clone().into_bytes(),
    )
    .await;
    assert_error("wrong Content-Type", &r, 415, "UNSUPPORTED_MEDIA_TYPE");
    assert_eq!(r.1["location"]["header"], "Content-Type");
    let r = c
        .post(format!("{b}/v1/messages"))
        .bearer_auth(TOKEN_A)
        .body(good_text.clone())
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 415, "missing Content-Type");

    let r = post_raw(
        &c,
        &b,
        "wrong-token",
        "application/json",
        good_text.clone().into_bytes(),
    )
    .await;
    assert_error("wrong token", &r, 401, "UNAUTHORIZED");
    let r = c
        .post(format!("{b}/v1/messages"))
        .header("content-type", "application/json")
        .body(good_text.clone())
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 401, "missing token");
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["error"], "UNAUTHORIZED");

    let r = c
        .post(format!("{b}/v1/messages"))
        .bearer_auth(TOKEN_A)
        .header("content-type", "application/json")
        .header("Idempotency-Key", "other-id")
        .body(good_text.clone())
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 400);
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["error"], "IDEMPOTENCY_KEY_MISMATCH");
    assert_eq!(body["location"]["header"], "Idempotency-Key");

    // 100 MB declared: refused before the body is read.
    let head = format!(
        "POST /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN_A}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        100 * 1024 * 1024
    );
    let t = Instant::now();
    let r = raw_exchange(s.addr, &head, vec![vec![b' '; 64 * 1024]], Duration::ZERO).await;
    assert_error("100 MB body", &r, 413, "PAYLOAD_TOO_LARGE");
    assert!(t.elapsed() < Duration::from_secs(10));
    // 2 MiB chunked (no length announced): cut at the limit.
    let head = format!(
        "POST /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN_A}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    let chunk = |n: usize| {
        let mut v = format!("{n:x}\r\n").into_bytes();
        v.extend(std::iter::repeat_n(b' ', n));
        v.extend(b"\r\n");
        v
    };
    let r = raw_exchange(
        s.addr,
        &head,
        (0..32).map(|_| chunk(64 * 1024)).collect(),
        Duration::ZERO,
    )
    .await;
    assert_error("2 MiB chunked body", &r, 413, "PAYLOAD_TOO_LARGE");

    // A slow client: 10 of 100 announced bytes, then silence.
    let head = format!(
        "POST /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN_A}\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n"
    );
    let t = Instant::now();
    let r = raw_exchange(
        s.addr,
        &head,
        vec![b"{\"lex\":{\"h".to_vec()],
        Duration::ZERO,
    )
    .await;
    assert_error("slow client", &r, 408, "REQUEST_TIMEOUT");
    assert!(
        t.elapsed() < Duration::from_secs(8),
        "answered at the timeout"
    );

    // Routes and methods.
    let r = get(&c, &b, TOKEN_A, "/v1/nope").await;
    assert_error("unknown route", &r, 404, "NOT_FOUND");
    let r = c
        .delete(format!("{b}/v1/messages"))
        .bearer_auth(TOKEN_A)
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status().as_u16(), 405);

    s.shutdown().await.expect("shutdown");
    assert_eq!(count_messages(&db), 0, "nothing stored");

    // The server keeps serving others, and an unknown messageType is a judged, stored 422.
    let s = start(config(&db, 2)).await;
    let b = base(&s);
    let (st, h) = get(&c, &b, TOKEN_A, "/v1/health").await;
    assert_eq!((st, h["status"].as_str()), (200, Some("ok")));
    let mut unknown = good.clone();
    unknown["lex"]["header"]["messageType"] = json!("INQUIRY");
    unknown["lex"]["header"]["messageId"] = json!("5f0c6a1e-0000-4000-8000-0000000000d2");
    let (st, body) = post_json(&c, &b, TOKEN_A, &unknown).await;
    assert_eq!(st, 422, "{body}");
    assert_eq!(body["errors"][0]["code"], "INVALID_ENUM_VALUE");
    assert_eq!(body["errors"][0]["field"], "lex.header.messageType");
    let (st, _) = post_json(&c, &b, TOKEN_A, &good).await;
    assert_eq!(st, 200);
    s.shutdown().await.expect("shutdown");
    assert_eq!(count_messages(&db), 2);
}
