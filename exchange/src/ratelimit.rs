//! A per-organisation rate limit (off unless configured): a token bucket of `per_minute`
//! requests refilled continuously. Over the limit → 429 `RATE_LIMITED` with `Retry-After`,
//! `X-RateLimit-Limit` and `X-RateLimit-Remaining` (the headers of the standard's API).
//! Written here rather than with a limiter crate because the answer needs the bucket's
//! remaining count, which the common crates do not expose.

use crate::auth::Org;
use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Token buckets by organisation.
pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

/// The verdict on one request.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Allowed; this many requests remain in the bucket.
    Allowed(u32),
    /// Refused; retry after this many seconds.
    Limited(u64),
}

impl RateLimiter {
    /// A limiter of `per_minute` requests per organisation (at least 1).
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute: per_minute.max(1),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request from `org`'s bucket at `now`.
    pub fn check(&self, org: &str, now: Instant) -> Verdict {
        let cap = f64::from(self.per_minute);
        let rate = cap / 60.0;
        let Ok(mut b) = self.buckets.lock() else {
            return Verdict::Allowed(0);
        };
        let (tokens, last) = b.entry(org.to_string()).or_insert((cap, now));
        *tokens = (*tokens + now.saturating_duration_since(*last).as_secs_f64() * rate).min(cap);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Verdict::Allowed(*tokens as u32)
        } else {
            Verdict::Limited(((1.0 - *tokens) / rate).ceil().max(1.0) as u64)
        }
    }
}

fn header(v: impl ToString) -> HeaderValue {
    HeaderValue::from_str(&v.to_string()).unwrap_or(HeaderValue::from_static("0"))
}

/// The middleware (after authentication).
pub(crate) async fn limit(
    State(state): State<Arc<crate::server::AppState>>,
    req: Request,
    next: Next,
) -> Response {
    let Some(limiter) = &state.rate_limit else {
        return next.run(req).await;
    };
    let org = req
        .extensions()
        .get::<Org>()
        .map(|o| o.0.clone())
        .unwrap_or_default();
    let limit = header(limiter.per_minute);
    match limiter.check(&org, Instant::now()) {
        Verdict::Allowed(left) => {
            let mut r = next.run(req).await;
            r.headers_mut().insert("x-ratelimit-limit", limit);
            r.headers_mut()
                .insert("x-ratelimit-remaining", header(left));
            r
        }
        Verdict::Limited(after) => {
            let mut r = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                format!("{} requests/minute limit exceeded", limiter.per_minute),
            )
            .into_response();
            r.headers_mut().insert("retry-after", header(after));
            r.headers_mut().insert("x-ratelimit-limit", limit);
            r.headers_mut().insert("x-ratelimit-remaining", header(0));
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn bucket_refills_per_organisation() {
        let l = RateLimiter::new(2);
        let t = Instant::now();
        assert_eq!(l.check("a", t), Verdict::Allowed(1));
        assert_eq!(l.check("a", t), Verdict::Allowed(0));
        assert_eq!(l.check("a", t), Verdict::Limited(30));
        assert_eq!(l.check("b", t), Verdict::Allowed(1));
        assert_eq!(
            l.check("a", t + Duration::from_secs(30)),
            Verdict::Allowed(0)
        );
    }
}
