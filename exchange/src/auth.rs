//! Bearer tokens: each maps to an organisation. Tokens are compared by their SHA-256, so
//! the store never holds a usable token.

use crate::error::ApiError;
use axum::http::{HeaderMap, StatusCode, header};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The organisation a request acts for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Org(pub String);

/// Token hashes → organisation.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    by_hash: HashMap<[u8; 32], String>,
}

/// SHA-256 of a token.
pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// A new random token: 32 bytes from the OS (two UUID v4s), hex.
pub fn generate_token() -> String {
    format!(
        "lex_{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

impl Tokens {
    /// Adds a token given in clear.
    pub fn add(&mut self, token: &str, org: &str) {
        self.by_hash.insert(token_hash(token), org.to_string());
    }

    /// Adds a stored token hash.
    pub fn add_hash(&mut self, hash: [u8; 32], org: &str) {
        self.by_hash.insert(hash, org.to_string());
    }

    /// True when no token is configured.
    pub fn is_empty(&self) -> bool {
        self.by_hash.is_empty()
    }

    /// The organisation of the request's `Authorization: Bearer` token: 401 when the header
    /// is missing, not a Bearer token, or the token is unknown.
    pub fn authenticate(&self, headers: &HeaderMap) -> Result<Org, ApiError> {
        let unauthorized = |m: &str| {
            ApiError::new(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", m).at_header("Authorization")
        };
        let value = headers
            .get(header::AUTHORIZATION)
            .ok_or_else(|| unauthorized("Bearer token missing"))?;
        let text = value
            .to_str()
            .map_err(|_| unauthorized("the Authorization header is not ASCII"))?;
        let token = text
            .strip_prefix("Bearer ")
            .or_else(|| text.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| unauthorized("the Authorization header is not a Bearer token"))?;
        self.by_hash
            .get(&token_hash(token))
            .map(|org| Org(org.clone()))
            .ok_or_else(|| unauthorized("unknown or revoked token"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn bearer_maps_to_org() {
        let mut t = Tokens::default();
        t.add("secret", "ORG-A");
        let mut h = HeaderMap::new();
        assert_eq!(t.authenticate(&h).unwrap_err().status, 401);
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer nope"),
        );
        assert_eq!(t.authenticate(&h).unwrap_err().code, "UNAUTHORIZED");
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic secret"),
        );
        assert!(t.authenticate(&h).is_err());
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer secret"),
        );
        assert_eq!(t.authenticate(&h).ok(), Some(Org("ORG-A".into())));
        assert!(generate_token().len() > 60);
    }
}
