//! `POST /v1/leads/{leadId}/closure`: the standard's `LeadClosureRequest` (no envelope, no
//! messageId) becomes a LEAD_CLOSURE message built by the server. Its messageId is the
//! `Idempotency-Key` when sent, else UUIDv5 of (leadId, closureStatus, closureDate), so a
//! repeated request is idempotent (reading C25).

use crate::auth::Org;
use crate::error::ApiError;
use crate::routes::{accept, answer_json, read_body};
use crate::server::AppState;
use axum::Extension;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use lex_core::api::{self, BuildOptions};
use lex_core::{Format, MessageType, Value as LexValue};
use serde_json::{Map, Value};
use std::sync::Arc;
use std::time::Instant;

/// The UUID v5 namespace of closure message ids (a fixed UUID of this project's).
pub const CLOSURE_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6c65_7800_c105_4e00_8000_1e0d_c105_0001);

fn bad(code: &'static str, m: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, code, m)
}

fn to_lex(v: &Value) -> LexValue {
    match v {
        Value::Null => LexValue::Null,
        Value::Bool(b) => LexValue::Bool(*b),
        Value::Number(n) => lex_core::Number::from_lexeme(&n.to_string())
            .map(LexValue::Number)
            .unwrap_or(LexValue::Null),
        Value::String(s) => LexValue::String(s.clone()),
        Value::Array(a) => LexValue::Array(a.iter().map(to_lex).collect()),
        Value::Object(m) => {
            let mut out = lex_core::Map::default();
            for (k, v) in m {
                out.insert(k.clone(), to_lex(v));
            }
            LexValue::Object(out)
        }
    }
}

pub(crate) async fn post_closure(
    State(state): State<Arc<AppState>>,
    Extension(org): Extension<Org>,
    Path(lead_id): Path<String>,
    req: Request,
) -> Result<Response, ApiError> {
    let started = Instant::now();
    let (headers, body) = read_body(&state, req).await?;
    if crate::intake::body_kind(&headers)? != crate::intake::BodyKind::Lex(Format::Json) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "a closure request is application/json",
        )
        .at_header("Content-Type"));
    }
    let req: Value = serde_json::from_slice(&body).map_err(|e| {
        let mut err = bad("SYNTAX_ERROR", e.to_string());
        err.location = Some(serde_json::json!({"line": e.line(), "column": e.column()}));
        err
    })?;
    let obj = req
        .as_object()
        .ok_or_else(|| bad("INVALID_REQUEST", "the body is a LeadClosureRequest object"))?;
    let text = |k: &str| obj.get(k).and_then(Value::as_str);
    let (Some(status), Some(date)) = (text("closureStatus"), text("closureDate")) else {
        return Err(bad(
            "REQUIRED_FIELD_MISSING",
            "closureStatus and closureDate are required",
        ));
    };
    let st = state.clone();
    let (o, l) = (org.0.clone(), lead_id.clone());
    let created = crate::routes::store_call(move || st.store.lead_created(&o, &l))
        .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                format!("no lead {lead_id:?}"),
            )
        })?;
    let mut closure = Map::new();
    closure.insert("originalLeadId".into(), lead_id.clone().into());
    closure.insert("closureStatus".into(), status.into());
    closure.insert("leadCreatedDate".into(), created.into());
    closure.insert("leadClosureDate".into(), date.into());
    if let Some(r) = obj.get("closureReason") {
        closure.insert("closureReason".into(), r.clone());
    }
    let mut detail = Map::new();
    for k in ["dealAmount", "currency", "actualDeliveryDate"] {
        if let Some(v) = obj.get(k) {
            detail.insert(k.into(), v.clone());
        }
    }
    if !detail.is_empty() {
        closure.insert("closureDetail".into(), Value::Object(detail));
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let id = key.unwrap_or_else(|| {
        uuid::Uuid::new_v5(
            &CLOSURE_NAMESPACE,
            format!("{lead_id}\u{1f}{status}\u{1f}{date}").as_bytes(),
        )
        .to_string()
    });
    let mut payload = Map::new();
    payload.insert("leadClosure".into(), Value::Object(closure));
    let message = api::new_message_with(
        MessageType::LeadClosure,
        to_lex(&Value::Object(payload)),
        &org.0,
        &org.0,
        &BuildOptions {
            now: None,
            message_id: Some(id),
        },
    )
    .map_err(|e| bad("INVALID_REQUEST", e.message))?;
    let (status, (body, idempotent)) = accept(&state, &org, message, Format::Json, None, started)
        .await?
        .await?;
    Ok(answer_json(status, body, idempotent))
}
