//! The router, authentication, limits and the server's life: start, serve, shut down
//! gracefully (in-flight requests finish, queued writes commit).

use crate::auth::{Tokens, generate_token};
use crate::config::Config;
use crate::error::ApiError;
use crate::routes;
use crate::store::Store;
use crate::store::sqlite::{GroupCommit, SqliteStore};
use axum::Router;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_server::tls_rustls::RustlsConfig;
use lex_core::api::Limits;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// What every handler shares.
pub struct AppState {
    /// The store.
    pub store: Arc<dyn Store>,
    /// The same store, for its SQLite-specific lifecycle operations.
    pub sqlite: Arc<SqliteStore>,
    /// Token → organisation.
    pub tokens: Tokens,
    /// The validation level.
    pub level: u8,
    /// The largest accepted body.
    pub body_limit: usize,
    /// The request timeout.
    pub request_timeout: Duration,
    /// The reader limits.
    pub limits: Limits,
    /// Request metrics.
    pub metrics: crate::metrics::Metrics,
    /// A token that may read `/metrics` from a non-loopback address.
    pub metrics_token: Option<String>,
    /// The per-organisation rate limit (off when `None`).
    pub rate_limit: Option<crate::ratelimit::RateLimiter>,
}

async fn authenticate(
    State(state): State<Arc<AppState>>,
    mut req: Request,
    next: Next,
) -> Response {
    match state.tokens.authenticate(req.headers()) {
        Ok(org) => {
            req.extensions_mut().insert(org);
            next.run(req).await
        }
        Err(e) => e.into_response(),
    }
}

async fn method_not_allowed(req: Request, next: Next) -> Response {
    let resp = next.run(req).await;
    if resp.status() == StatusCode::METHOD_NOT_ALLOWED {
        return ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "METHOD_NOT_ALLOWED",
            "this route does not take that method",
        )
        .into_response();
    }
    resp
}

/// Every route served (method, path in OpenAPI spelling), for the check that the OpenAPI
/// document describes exactly these.
pub const ROUTES: [(&str, &str); 14] = [
    ("delete", "/v1/admin/leads/{leadId}"),
    ("delete", "/v1/admin/fingerprints/{fingerprint}"),
    ("post", "/v1/messages"),
    ("post", "/v1/messages/batch"),
    ("get", "/v1/messages/{messageId}"),
    ("get", "/v1/messages/{messageId}/acknowledgment"),
    ("get", "/v1/messages/{messageId}/ack"),
    ("post", "/v1/leads"),
    ("post", "/v1/assets"),
    ("post", "/v1/leads/{leadId}/closure"),
    ("get", "/v1/schema/{messageType}"),
    ("get", "/v1/health"),
    ("get", "/v1/openapi.json"),
    ("get", "/metrics"),
];

/// The `/v1` router over a state.
pub fn router(state: Arc<AppState>) -> Router {
    let timeout = state.request_timeout;
    let authed = Router::new()
        .route("/v1/messages", post(routes::post_message))
        .route("/v1/leads", post(routes::post_lead))
        .route("/v1/assets", post(routes::post_asset))
        .route("/v1/messages/batch", post(crate::routes_batch::post_batch))
        .route(
            "/v1/leads/{lead_id}/closure",
            post(crate::routes_closure::post_closure),
        )
        .route("/v1/messages/{id}", get(routes::get_message))
        .route("/v1/messages/{id}/acknowledgment", get(routes::get_ack))
        .route("/v1/messages/{id}/ack", get(routes::get_ack))
        .route("/v1/schema/{message_type}", get(routes::schema))
        .route(
            "/v1/admin/leads/{lead_id}",
            axum::routing::delete(crate::routes_admin::erase_lead),
        )
        .route(
            "/v1/admin/fingerprints/{fingerprint}",
            axum::routing::delete(crate::routes_admin::erase_fingerprint),
        )
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            crate::ratelimit::limit,
        ))
        .route_layer(middleware::from_fn_with_state(state.clone(), authenticate));
    Router::new()
        .route("/v1/health", get(routes::health))
        .route("/v1/openapi.json", get(routes::openapi))
        .route("/metrics", get(crate::metrics::serve))
        .merge(authed)
        .fallback(routes::not_found)
        .layer(middleware::from_fn(method_not_allowed))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::metrics::record,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout + Duration::from_secs(5),
        ))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .with_state(state)
}

/// A running server.
pub struct Server {
    /// The address it listens on.
    pub addr: SocketAddr,
    /// The token generated at this start (printed once by the caller), when none was
    /// configured and none was stored.
    pub generated_token: Option<String>,
    store: Arc<SqliteStore>,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// The store (for lifecycle operations: prune, erase, backup).
    pub fn store(&self) -> Arc<SqliteStore> {
        self.store.clone()
    }

    /// How many transactions the store has committed.
    pub fn commits(&self) -> u64 {
        self.store.commits()
    }

    /// Stops accepting, lets in-flight requests finish, commits queued writes.
    pub async fn shutdown(mut self) -> std::io::Result<()> {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        let r = (&mut self.task)
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)));
        let store = self.store.clone();
        let _ = tokio::task::spawn_blocking(move || store.close()).await;
        r
    }
}

/// Opens the store, binds `config.listen` and starts serving in the background.
pub async fn serve(config: Config) -> Result<Server, String> {
    let db = config.db.clone();
    let group = GroupCommit {
        linger: config.commit_linger,
        max_batch: config.commit_max_batch.max(1),
    };
    let store = tokio::task::spawn_blocking(move || SqliteStore::open(&db, group))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| format!("{}: {e}", config.db.display()))?;
    let store = Arc::new(store);
    let mut tokens = Tokens::default();
    let mut generated_token = None;
    if config.tokens.is_empty() {
        let stored = store.stored_tokens().map_err(|e| e.to_string())?;
        if stored.is_empty() {
            let t = generate_token();
            store.store_token(&t, "local").map_err(|e| e.to_string())?;
            tokens.add(&t, "local");
            generated_token = Some(t);
        } else {
            for (h, org) in stored {
                tokens.add_hash(h, &org);
            }
        }
    } else {
        for (t, org) in &config.tokens {
            tokens.add(t, org);
        }
    }
    let state = Arc::new(AppState {
        store: store.clone(),
        sqlite: store.clone(),
        tokens,
        level: config.level.clamp(1, 3),
        body_limit: config.body_limit,
        request_timeout: config.request_timeout,
        limits: Limits::default(),
        metrics: crate::metrics::Metrics::default(),
        metrics_token: config.metrics_token.clone(),
        rate_limit: config
            .rate_limit_per_minute
            .map(crate::ratelimit::RateLimiter::new),
    });
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let pruner = {
        let store = store.clone();
        let keep = config.retention;
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(600));
            loop {
                tick.tick().await;
                let cutoff = time::OffsetDateTime::now_utc() - keep;
                let s = store.clone();
                match tokio::task::spawn_blocking(move || s.prune(cutoff.unix_timestamp())).await {
                    Ok(Ok(n)) if n > 0 => tracing::info!(pruned = n, "retention"),
                    Ok(Err(e)) => tracing::warn!(error = %e, "retention pass failed"),
                    _ => {}
                }
            }
        })
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let task = match &config.tls {
        None => tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                    pruner.abort();
                })
                .await
        }),
        Some(t) => {
            let rustls = RustlsConfig::from_config(crate::tls::server_config(t)?);
            let std_listener = listener.into_std().map_err(|e| e.to_string())?;
            let handle = axum_server::Handle::new();
            let h = handle.clone();
            tokio::spawn(async move {
                let _ = stopped.await;
                pruner.abort();
                h.graceful_shutdown(Some(Duration::from_secs(30)));
            });
            let server =
                axum_server::from_tcp_rustls(std_listener, rustls).map_err(|e| e.to_string())?;
            tokio::spawn(async move { server.handle(handle).serve(app).await })
        }
    };
    tracing::info!(%addr, "lex exchange listening");
    Ok(Server {
        addr,
        generated_token,
        store,
        stop: Some(stop),
        task,
    })
}
