//! The server's configuration (`lexedi serve` flags map one to one).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Where and how the exchange runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The SQLite database file (created when missing).
    pub db: PathBuf,
    /// The listening address.
    pub listen: SocketAddr,
    /// The conformance level messages are validated at (1–3).
    pub level: u8,
    /// `token org-id` pairs. Empty: a token is generated, stored (hashed) and printed once.
    pub tokens: Vec<(String, String)>,
    /// The largest accepted request body in bytes (413 above it).
    pub body_limit: usize,
    /// The longest a request may take, body upload included (408 after it).
    pub request_timeout: Duration,
    /// How long whole messages are kept before they are pruned to tombstones.
    pub retention: Duration,
    /// The group-commit window of the writer: how long it waits for more requests once a
    /// batch has begun under load.
    pub commit_linger: Duration,
    /// The most requests one commit carries.
    pub commit_max_batch: usize,
    /// A bearer token that may read `/metrics` from a non-loopback address.
    pub metrics_token: Option<String>,
    /// Requests per minute per organisation (429 above it); `None`: no limit (the default).
    pub rate_limit_per_minute: Option<u32>,
    /// TLS (rustls); `None`: plain HTTP.
    pub tls: Option<crate::tls::TlsConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            db: PathBuf::from("lex-exchange.db"),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            level: 2,
            tokens: Vec::new(),
            body_limit: 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            retention: Duration::from_secs(144 * 3600),
            commit_linger: Duration::from_millis(2),
            commit_max_batch: 256,
            metrics_token: None,
            rate_limit_per_minute: None,
            tls: None,
        }
    }
}

/// Parses a token file: one `token org-id` per line; blank lines and `#` comments skipped.
/// A line with another shape is an error naming its number.
pub fn parse_token_file(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next(), parts.next()) {
            (Some(t), Some(org), None) => out.push((t.to_string(), org.to_string())),
            _ => return Err(format!("line {}: expected `token org-id`", n + 1)),
        }
    }
    if out.is_empty() {
        return Err("the token file holds no token".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_file_lines() {
        let t = parse_token_file("# partners\nabc ORG-A\n\n def  ORG-B \n").expect("parses");
        assert_eq!(
            t,
            vec![
                ("abc".into(), "ORG-A".into()),
                ("def".into(), "ORG-B".into())
            ]
        );
        assert!(parse_token_file("abc\n").unwrap_err().contains("line 1"));
        assert!(parse_token_file("# none\n").is_err());
    }
}
