//! `POST /v1/messages/batch`: 1–100 JSON messages, each judged and stored on its own ("not
//! transactional"), all queued before the first answer so they share commits.

use crate::auth::Org;
use crate::error::ApiError;
use crate::routes::{accept, read_body};
use crate::server::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use lex_core::api::ReadOptions;
use lex_core::{Format, api};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Instant;

/// The most messages in one batch (the standard's limit).
pub const MAX_BATCH: usize = 100;

fn bad(code: &'static str, m: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, code, m)
}

pub(crate) async fn post_batch(
    State(state): State<Arc<AppState>>,
    Extension(org): Extension<Org>,
    req: Request,
) -> Result<Response, ApiError> {
    let started = Instant::now();
    let (headers, body) = read_body(&state, req).await?;
    match crate::intake::body_kind(&headers)? {
        crate::intake::BodyKind::Lex(Format::Json) => {}
        _ => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "a batch is application/json",
            )
            .at_header("Content-Type"));
        }
    }
    let doc: Value = serde_json::from_slice(&body).map_err(|e| {
        let mut err = bad("SYNTAX_ERROR", e.to_string());
        err.location = Some(json!({"line": e.line(), "column": e.column()}));
        err
    })?;
    let list = doc
        .get("messages")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("INVALID_BATCH", "the body is {\"messages\": [...]}"))?;
    if list.is_empty() || list.len() > MAX_BATCH {
        return Err(bad(
            "INVALID_BATCH",
            format!(
                "a batch holds 1 to {MAX_BATCH} messages, not {}",
                list.len()
            ),
        ));
    }
    if let Some(i) = list.iter().position(|m| !m.is_object()) {
        let mut err = bad(
            "INVALID_BATCH",
            format!("messages[{i}] is not a JSON object"),
        );
        err.location = Some(json!({ "path": format!("/messages/{i}") }));
        return Err(err);
    }
    let read = ReadOptions {
        limits: state.limits,
        ..ReadOptions::default()
    };
    let mut pending = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let text = serde_json::to_vec(item).unwrap_or_default();
        let queued = match api::parse(&text, Some(Format::Json), &read) {
            Ok(m) => accept(&state, &org, m, Format::Json, None, started).await,
            Err(e) => Err(ApiError::from_read(&e)),
        };
        pending.push((i, queued));
    }
    let mut results = Vec::with_capacity(pending.len());
    let (mut ok, mut failed) = (0usize, 0usize);
    for (i, queued) in pending {
        let answered = match queued {
            Ok(fut) => fut.await,
            Err(e) => Err(e),
        };
        let item = match answered {
            Ok((status, (mut body, idempotent))) => {
                if let Some(m) = body.as_object_mut() {
                    m.insert("idempotent".into(), idempotent.into());
                    m.insert("httpStatus".into(), status.into());
                }
                if status == 200 {
                    ok += 1;
                } else {
                    failed += 1;
                }
                body
            }
            Err(e) => {
                failed += 1;
                let mut b = e.body();
                b["index"] = i.into();
                b["valid"] = false.into();
                b["httpStatus"] = e.status.as_u16().into();
                b
            }
        };
        results.push(item);
    }
    Ok(Json(json!({
        "totalCount": results.len(),
        "successCount": ok,
        "failureCount": failed,
        "results": results,
    }))
    .into_response())
}
