//! Erasure routes: everything about a lead, or about a customer fingerprint, of the
//! caller's organisation (messages become tombstones that still answer idempotently).

use crate::auth::Org;
use crate::error::ApiError;
use crate::server::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::{Extension, response::IntoResponse, response::Response};
use serde_json::json;
use std::sync::Arc;

async fn run(
    state: Arc<AppState>,
    work: impl FnOnce(&AppState) -> crate::store::StoreResult<u64> + Send + 'static,
) -> Result<Response, ApiError> {
    let n = crate::routes::store_call(move || work(&state)).await?;
    Ok(Json(json!({ "erasedMessages": n })).into_response())
}

pub(crate) async fn erase_lead(
    State(state): State<Arc<AppState>>,
    Extension(org): Extension<Org>,
    Path(lead_id): Path<String>,
) -> Result<Response, ApiError> {
    run(state, move |s| s.sqlite.erase_lead(&org.0, &lead_id)).await
}

pub(crate) async fn erase_fingerprint(
    State(state): State<Arc<AppState>>,
    Extension(org): Extension<Org>,
    Path(fp): Path<String>,
) -> Result<Response, ApiError> {
    run(state, move |s| s.sqlite.erase_fingerprint(&org.0, &fp)).await
}
