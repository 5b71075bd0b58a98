//! Errors answered over HTTP: the standard's `ErrorResponse` (`{error, message}`) plus a
//! `location` when the error is about the request body.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lex_core::{Error, Location};
use serde_json::{Map, Value, json};

/// An error answer: an HTTP status, a stable code and a human message.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable code (`error` in the body), e.g. `SYNTAX_ERROR`.
    pub code: &'static str,
    /// A human-readable explanation.
    pub message: String,
    /// Where in the request the problem is, when known.
    pub location: Option<Value>,
}

impl ApiError {
    /// A new error without a location.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            location: None,
        }
    }

    /// 400 from a reader error of the core, with its code and location.
    pub fn from_read(e: &Error) -> ApiError {
        let status = if e.kind == lex_core::ErrorKind::SizeLimit {
            StatusCode::PAYLOAD_TOO_LARGE
        } else {
            StatusCode::BAD_REQUEST
        };
        ApiError {
            status,
            code: e.kind.code(),
            message: e.message.clone(),
            location: Some(location_json(&e.location)),
        }
    }

    /// Adds a location naming a request header.
    pub fn at_header(mut self, name: &str) -> ApiError {
        self.location = Some(json!({ "header": name }));
        self
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        let mut m = Map::new();
        m.insert("error".into(), self.code.into());
        m.insert("message".into(), self.message.clone().into());
        if let Some(l) = &self.location {
            m.insert("location".into(), l.clone());
        }
        Value::Object(m)
    }
}

/// A core [`Location`] as JSON (only the parts that are set; `{"offset": 0}` when none is).
pub fn location_json(l: &Location) -> Value {
    let mut m = Map::new();
    let num = |m: &mut Map<String, Value>, k: &str, v: Option<u64>| {
        if let Some(v) = v {
            m.insert(k.into(), v.into());
        }
    };
    num(&mut m, "line", l.line);
    num(&mut m, "column", l.column);
    num(&mut m, "offset", l.offset);
    num(&mut m, "segment", l.segment);
    if let Some(s) = &l.segment_id {
        m.insert("segmentId".into(), s.clone().into());
    }
    num(&mut m, "element", l.element);
    num(&mut m, "component", l.component);
    if let Some(p) = &l.path {
        m.insert("path".into(), p.clone().into());
    }
    if m.is_empty() {
        m.insert("offset".into(), 0.into());
    }
    Value::Object(m)
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp = (self.status, axum::Json(self.body())).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        resp
    }
}
