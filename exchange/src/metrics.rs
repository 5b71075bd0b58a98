//! Prometheus metrics at `/metrics`: requests by route and status, request latency, store
//! commits. The text exposition format is a few lines, so it is written here rather than
//! pulling in a metrics stack. Served to loopback peers, or to anyone presenting the
//! metrics token when one is configured.

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Latency bucket bounds in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

#[derive(Default)]
struct Series {
    /// (method, route, status) → count.
    requests: BTreeMap<(String, String, u16), u64>,
    /// Per bucket counts (cumulative at render), plus sum and count.
    buckets: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

/// The metrics registry.
#[derive(Default)]
pub struct Metrics {
    series: Mutex<Series>,
}

impl Metrics {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let Ok(mut s) = self.series.lock() else {
            return;
        };
        *s.requests
            .entry((method.to_string(), route.to_string(), status))
            .or_default() += 1;
        if let Some(i) = BUCKETS.iter().position(|b| seconds <= *b) {
            s.buckets[i] += 1;
        }
        s.sum += seconds;
        s.count += 1;
    }

    /// The exposition text.
    pub fn render(&self, commits: u64) -> String {
        let mut out = String::new();
        let Ok(s) = self.series.lock() else {
            return out;
        };
        out.push_str("# HELP lex_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE lex_http_requests_total counter\n");
        for ((m, r, st), n) in &s.requests {
            let _ = writeln!(
                out,
                "lex_http_requests_total{{method=\"{m}\",route=\"{r}\",status=\"{st}\"}} {n}"
            );
        }
        out.push_str("# HELP lex_http_request_duration_seconds Request latency.\n");
        out.push_str("# TYPE lex_http_request_duration_seconds histogram\n");
        let mut acc = 0;
        for (b, n) in BUCKETS.iter().zip(s.buckets.iter()) {
            acc += n;
            let _ = writeln!(
                out,
                "lex_http_request_duration_seconds_bucket{{le=\"{b}\"}} {acc}"
            );
        }
        let _ = writeln!(
            out,
            "lex_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}",
            s.count
        );
        let _ = writeln!(out, "lex_http_request_duration_seconds_sum {}", s.sum);
        let _ = writeln!(out, "lex_http_request_duration_seconds_count {}", s.count);
        out.push_str(
            "# HELP lex_store_commits_total Store transactions committed (group commits).\n",
        );
        out.push_str("# TYPE lex_store_commits_total counter\n");
        let _ = writeln!(out, "lex_store_commits_total {commits}");
        out
    }
}

/// Records every request.
pub(crate) async fn record(
    State(state): State<Arc<crate::server::AppState>>,
    req: Request,
    next: Next,
) -> Response {
    let start = Instant::now();
    let method = req.method().as_str().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let resp = next.run(req).await;
    state.metrics.observe(
        &method,
        &route,
        resp.status().as_u16(),
        start.elapsed().as_secs_f64(),
    );
    resp
}

/// `GET /metrics`.
pub(crate) async fn serve(
    State(state): State<Arc<crate::server::AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let token_ok = state.metrics_token.as_deref().is_some_and(|t| {
        req.headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            == Some(t)
    });
    if !peer.ip().is_loopback() && !token_ok {
        return crate::error::ApiError::new(
            StatusCode::FORBIDDEN,
            "FORBIDDEN",
            "metrics are served to loopback or with the metrics token",
        )
        .into_response();
    }
    let mut r = state.metrics.render(state.sqlite.commits()).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4"),
    );
    r
}
