//! Shared helpers: a real server on a loopback ephemeral port over a real SQLite file in a
//! temporary folder, and a real HTTP client.
#![allow(dead_code)]

use lex_exchange::{Config, Server};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The token of organisation ORG-A in every test server.
pub const TOKEN_A: &str = "token-org-a";
/// The token of organisation ORG-B.
pub const TOKEN_B: &str = "token-org-b";

/// A config for a test server on `db` at `level`.
pub fn config(db: &Path, level: u8) -> Config {
    Config {
        db: db.to_path_buf(),
        listen: "127.0.0.1:0".parse().expect("address"),
        level,
        tokens: vec![
            (TOKEN_A.into(), "ORG-A".into()),
            (TOKEN_B.into(), "ORG-B".into()),
        ],
        ..Config::default()
    }
}

/// Starts a server.
pub async fn start(cfg: Config) -> Server {
    lex_exchange::serve(cfg).await.expect("server starts")
}

/// The base URL of a server.
pub fn base(s: &Server) -> String {
    format!("http://{}", s.addr)
}

/// Installs rustls' ring provider for the test clients (reqwest is built without one).
#[allow(deprecated)]
pub fn install_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A client.
pub fn client() -> reqwest::Client {
    install_provider();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}

/// POSTs a JSON message with token A; returns status and body.
pub async fn post_json(c: &reqwest::Client, base: &str, token: &str, body: &Value) -> (u16, Value) {
    post_raw(
        c,
        base,
        token,
        "application/json",
        serde_json::to_vec(body).expect("json"),
    )
    .await
}

/// POSTs raw bytes with a content type.
pub async fn post_raw(
    c: &reqwest::Client,
    base: &str,
    token: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (u16, Value) {
    let r = c
        .post(format!("{base}/v1/messages"))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("request answered");
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// GETs a path with a token.
pub async fn get(c: &reqwest::Client, base: &str, token: &str, path: &str) -> (u16, Value) {
    let r = c
        .get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request answered");
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// The spec folder: `LEX_SPEC_DIR`, else `../shared/spec/lex-1.0` from the repository root.
pub fn spec_dir() -> PathBuf {
    std::env::var_os("LEX_SPEC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/spec/lex-1.0"))
}

/// A valid LEAD (TC-001's shape) with a given message id, lead id and status.
pub fn lead(message_id: &str, lead_id: &str, status: &str) -> Value {
    serde_json::json!({"lex": {
        "header": {
            "messageId": message_id, "messageType": "LEAD", "version": "1.0",
            "timestamp": "2026-04-03T10:00:00Z", "senderId": "PORTAL-001", "receiverId": "DEALER-001"
        },
        "payload": {"lead": {
            "leadId": lead_id, "status": status, "source": "RETAILER_WEBSITE",
            "customer": {"firstName": "Jane", "lastName": "Smith",
                "emailAddress": "jane.smith@example.com", "phoneNumber": "+14155551234"},
            "desiredProduct": {"productType": "VEHICLE_NEW", "assetClass": "VEHICLE",
                "make": "Toyota", "model": "Camry", "year": 2027, "condition": "NEW"},
            "metadata": {"createdDate": "2026-04-03T10:00:00Z", "countryCode": "US", "language": "en-US"}
        }}
    }})
}

/// Rows in the messages table of a database file (a separate read-only connection).
pub fn count_messages(db: &Path) -> i64 {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open db");
    c.query_row("SELECT count(*) FROM messages", [], |r| r.get(0))
        .expect("count")
}
