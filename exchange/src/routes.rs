//! The request handlers of `/v1`.

use crate::auth::Org;
use crate::decide::judge;
use crate::error::ApiError;
use crate::intake::read_message;
use crate::server::AppState;
use crate::store::{StoredMessage, Submission};
use axum::body::{Body, Bytes};
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use lex_core::{Format, MessageType, api};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Instant;
use time::OffsetDateTime;

type Shared = State<Arc<AppState>>;

/// Reads the body within the size limit and the request timeout.
pub(crate) async fn read_body(
    state: &AppState,
    req: Request,
) -> Result<(HeaderMap, Bytes), ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            format!("the body exceeds {} bytes", state.body_limit),
        )
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > state.body_limit as u64) {
        return Err(too_large());
    }
    let (parts, body) = req.into_parts();
    let read = axum::body::to_bytes(body, state.body_limit);
    match tokio::time::timeout(state.request_timeout, read).await {
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "REQUEST_TIMEOUT",
            format!(
                "the body did not arrive within {} s",
                state.request_timeout.as_secs()
            ),
        )),
        Ok(Err(e)) => {
            let limit = std::error::Error::source(&e)
                .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
            if limit {
                Err(too_large())
            } else {
                Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "BODY_READ_ERROR",
                    format!("the body could not be read: {e}"),
                ))
            }
        }
        Ok(Ok(b)) => Ok((parts.headers, b)),
    }
}

pub(crate) fn answer_json(status: u16, mut body: Value, idempotent: bool) -> Response {
    if let Some(m) = body.as_object_mut() {
        m.insert("idempotent".into(), idempotent.into());
    }
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (code, Json(body)).into_response()
}

/// `POST /v1/messages` (and `/v1/leads`, `/v1/assets` with `expect`).
async fn submit(
    state: &AppState,
    org: Org,
    req: Request,
    expect: Option<MessageType>,
) -> Result<Response, ApiError> {
    let started = Instant::now();
    let (headers, body) = read_body(state, req).await?;
    let prepared = read_message(&headers, &body, state.limits)?;
    let message = prepared.message;
    if let Some(key) = headers.get("idempotency-key") {
        let key = key.to_str().unwrap_or("");
        if Some(key) != message.message_id() {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "IDEMPOTENCY_KEY_MISMATCH",
                format!(
                    "Idempotency-Key {key:?} is not lex.header.messageId {:?}",
                    message.message_id().unwrap_or("")
                ),
            )
            .at_header("Idempotency-Key"));
        }
    }
    if let Some(want) = expect
        && message.message_type() != Some(want)
    {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "WRONG_MESSAGE_TYPE",
            format!(
                "this route takes {} messages, not {:?}",
                want.as_str(),
                message.message_type_str().unwrap_or("")
            ),
        ));
    }
    let (status, body) = accept(
        state,
        &org,
        message,
        prepared.format,
        prepared.native_ack,
        started,
    )
    .await?
    .await?;
    Ok(answer_json(status, body.0, body.1))
}

/// Judges a read message and queues it on the store; the returned future answers after the
/// commit with `(http_status, (body, idempotent))`. Queuing before awaiting lets a batch
/// share commits.
pub(crate) async fn accept(
    state: &AppState,
    org: &Org,
    message: lex_core::Message,
    format: Format,
    native_ack: Option<String>,
    started: Instant,
) -> Result<
    std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<(u16, (Value, bool)), ApiError>> + Send>,
    >,
    ApiError,
> {
    let now = OffsetDateTime::now_utc();
    let report = judge(&message, state.level, now, None);
    if message.message_id().is_none_or(str::is_empty) {
        // Nothing to key the record on: answered, not stored.
        let body = json!({
            "messageId": "",
            "valid": false,
            "errors": crate::json::issues(&report.errors),
            "warnings": crate::json::issues(&report.warnings),
        });
        let status = if report.valid {
            422
        } else {
            report.http_status()
        };
        return Ok(Box::pin(async move { Ok((status, (body, false))) }));
    }
    let sub = Submission {
        org: org.0.clone(),
        message,
        report,
        format,
        native_ack,
        level: state.level,
        received_at: now,
        started,
    };
    let pending = state.store.submit(sub);
    Ok(Box::pin(async move {
        let answer = pending.await.map_err(|e| {
            tracing::error!(error = %e, "store failure");
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "STORE_UNAVAILABLE",
                "the message could not be stored; nothing was recorded, send it again",
            )
        })?;
        let body: Value = serde_json::from_str(&answer.response).unwrap_or_else(|_| json!({}));
        Ok((answer.http_status, (body, answer.idempotent)))
    }))
}

pub(crate) async fn post_message(
    State(state): Shared,
    Extension(org): Extension<Org>,
    req: Request,
) -> Result<Response, ApiError> {
    submit(&state, org, req, None).await
}

pub(crate) async fn post_lead(
    State(state): Shared,
    Extension(org): Extension<Org>,
    req: Request,
) -> Result<Response, ApiError> {
    submit(&state, org, req, Some(MessageType::Lead)).await
}

pub(crate) async fn post_asset(
    State(state): Shared,
    Extension(org): Extension<Org>,
    req: Request,
) -> Result<Response, ApiError> {
    submit(&state, org, req, Some(MessageType::Asset)).await
}

/// Runs a blocking store call off the async runtime: a failed task is 500 INTERNAL_ERROR, a
/// store failure 503 STORE_UNAVAILABLE.
pub(crate) async fn store_call<T: Send + 'static>(
    work: impl FnOnce() -> crate::store::StoreResult<T> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                e.to_string(),
            )
        })?
        .map_err(|e| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "STORE_UNAVAILABLE",
                e.to_string(),
            )
        })
}

async fn load(state: &Arc<AppState>, org: &Org, id: String) -> Result<StoredMessage, ApiError> {
    let st = state.clone();
    let org = org.0.clone();
    let found = store_call(move || st.store.message(&org, &id)).await?;
    found
        .filter(|m| m.pruned.as_deref() != Some("erased"))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                "No message found with the given ID",
            )
        })
}

pub(crate) async fn get_message(
    State(state): Shared,
    Extension(org): Extension<Org>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let m = load(&state, &org, id).await?;
    let mut rec = json!({
        "messageId": m.message_id,
        "messageType": m.message_type,
        "receivedAt": m.received_at,
        "senderId": m.sender_id,
        "status": m.status,
        "format": m.format,
    });
    if let Some(body) = &m.body
        && let Ok(v) = serde_json::from_str::<Value>(body)
    {
        rec["message"] = v;
    }
    Ok(Json(rec).into_response())
}

/// The REST `AcknowledgmentRecord` status of a stored message (reading C8).
fn record_status(m: &StoredMessage) -> &'static str {
    match m.status.as_str() {
        "PROCESSED" => "PROCESSED",
        "REJECTED" => "REJECTED",
        "DLQ" => "ERROR",
        _ => "RECEIVED",
    }
}

fn accepts(headers: &HeaderMap, media: &str) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .eq_ignore_ascii_case(media)
        })
}

fn typed(content_type: &'static str, body: String) -> Response {
    let mut r = Response::new(Body::from(body));
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}

pub(crate) async fn get_ack(
    State(state): Shared,
    Extension(org): Extension<Org>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let m = load(&state, &org, id).await?;
    let not_acceptable = |m: String| ApiError::new(StatusCode::NOT_ACCEPTABLE, "NOT_ACCEPTABLE", m);
    for (media, format) in [
        ("application/edi-x12", "x12"),
        ("application/edifact", "edifact"),
    ] {
        if accepts(&headers, media) {
            return match (&m.ack_native, m.format == format) {
                (Some(native), true) => Ok(typed(
                    if format == "x12" {
                        "application/edi-x12"
                    } else {
                        "application/edifact"
                    },
                    native.clone(),
                )),
                _ => Err(not_acceptable(format!(
                    "{media} answers only a message received as {format} (this one came as {})",
                    m.format
                ))),
            };
        }
    }
    if accepts(&headers, "application/xml") {
        let ack = m.ack.as_ref().ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "NO_ACKNOWLEDGMENT",
                "this message was dead-lettered and has no acknowledgment message",
            )
        })?;
        let xml = api::convert(
            ack.as_bytes(),
            Format::Xml,
            Some(Format::Json),
            &Default::default(),
            &Default::default(),
        )
        .map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                e.message,
            )
        })?;
        return Ok(typed("application/xml", xml));
    }
    let response: Value = serde_json::from_str(&m.response).unwrap_or_else(|_| json!({}));
    let mut rec = json!({
        "originalMessageId": m.message_id,
        "status": record_status(&m),
        "processedAt": m.received_at,
        "errors": response.get("errors").cloned().unwrap_or_else(|| json!([])),
    });
    if let Some(ack) = &m.ack
        && let Ok(v) = serde_json::from_str::<Value>(ack)
    {
        rec["acknowledgment"] = v;
    }
    Ok(Json(rec).into_response())
}

pub(crate) async fn health(State(state): Shared) -> Response {
    let st = state.clone();
    let ok = tokio::task::spawn_blocking(move || st.store.health().is_ok())
        .await
        .unwrap_or(false);
    let now = OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let body = json!({
        "status": if ok { "ok" } else { "degraded" },
        "version": api::VERSION,
        "timestamp": now,
        "store": if ok { "ok" } else { "unavailable" },
    });
    let code = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, Json(body)).into_response()
}

pub(crate) async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", "no such route")
}

/// lex's own OpenAPI document for what this server implements.
pub(crate) const OPENAPI: &str = include_str!("../openapi/lex-exchange.openapi.json");

pub(crate) async fn openapi() -> Response {
    typed("application/json", OPENAPI.to_string())
}

pub(crate) async fn schema(Path(name): Path<String>) -> Result<Response, ApiError> {
    let mtype = match name.as_str() {
        "MESSAGE_ENVELOPE" => None,
        other => Some(MessageType::parse(other).ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                format!("no schema {other:?} (LEAD, ASSET, ACKNOWLEDGMENT, SUBSCRIPTION, LEAD_CLOSURE, MESSAGE_ENVELOPE)"),
            )
        })?),
    };
    Ok(Json(crate::json::to_json(&api::message_schema(mtype))).into_response())
}
