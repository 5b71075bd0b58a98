//! `lexedi serve`: the LEX exchange endpoint (the standard's HTTP API), durable on SQLite.

use lex_exchange::Config;
use lex_exchange::config::parse_token_file;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Arguments of `lexedi serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The SQLite database file (created when missing).
    #[arg(long, default_value = "lex-exchange.db")]
    db: PathBuf,
    /// The address to listen on (port 0: any free port, printed at start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// The conformance level messages are validated at (1-3).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=3))]
    level: u8,
    /// A bearer token (organisation `local`).
    #[arg(long, conflicts_with = "token_file")]
    token: Option<String>,
    /// A file of `token org-id` lines.
    #[arg(long)]
    token_file: Option<PathBuf>,
    /// The largest accepted request body, in bytes.
    #[arg(long, default_value_t = 1024 * 1024)]
    body_limit: usize,
    /// The request timeout, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// How long whole messages are kept before they are pruned to tombstones, in hours
    /// (at least the 144 h idempotency window of the standard is advised).
    #[arg(long, default_value_t = 144)]
    retention_hours: u64,
    /// A bearer token that may read /metrics from a non-loopback address.
    #[arg(long)]
    metrics_token: Option<String>,
    /// Requests per minute per organisation (429 above it); off by default.
    #[arg(long)]
    rate_limit: Option<u32>,
    /// Serve HTTPS with this certificate chain (PEM); needs --tls-key.
    #[arg(long, requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The private key of --tls-cert (PEM).
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Require client certificates issued by these CAs (PEM): mutual TLS.
    #[arg(long, requires = "tls_cert")]
    tls_client_ca: Option<PathBuf>,
}

/// Runs the command until SIGINT or SIGTERM; returns the exit code (2 when it cannot start).
pub fn run(args: Args) -> u8 {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LEX_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .json()
        .try_init();
    let tokens = match (&args.token, &args.token_file) {
        (Some(t), _) => vec![(t.clone(), "local".to_string())],
        (None, Some(f)) => match std::fs::read_to_string(f).map_err(|e| e.to_string()) {
            Ok(text) => match parse_token_file(&text) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{}: error INVALID_ARGUMENT: {e}", f.display());
                    return 2;
                }
            },
            Err(e) => {
                eprintln!("{}: error IO_ERROR: {e}", f.display());
                return 2;
            }
        },
        (None, None) => Vec::new(),
    };
    let config = Config {
        db: args.db,
        listen: args.listen,
        level: args.level,
        tokens,
        body_limit: args.body_limit,
        request_timeout: std::time::Duration::from_secs(args.timeout.max(1)),
        metrics_token: args.metrics_token,
        rate_limit_per_minute: args.rate_limit,
        tls: match (args.tls_cert, args.tls_key) {
            (Some(cert), Some(key)) => Some(lex_exchange::tls::TlsConfig {
                cert,
                key,
                client_ca: args.tls_client_ca,
            }),
            _ => None,
        },
        retention: std::time::Duration::from_secs(args.retention_hours.max(1) * 3600),
        ..Config::default()
    };
    let tls = config.tls.is_some();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("lexedi serve: error IO_ERROR: {e}");
            return 2;
        }
    };
    runtime.block_on(async move {
        let server = match lex_exchange::serve(config).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("lexedi serve: error IO_ERROR: {e}");
                return 2;
            }
        };
        let mut out = std::io::stdout();
        let _ = writeln!(
            out,
            "lexedi serve: listening on {}://{}",
            if tls { "https" } else { "http" },
            server.addr
        );
        if let Some(t) = &server.generated_token {
            let _ = writeln!(
                out,
                "lexedi serve: generated token (shown once; stored hashed; organisation local): {t}"
            );
        }
        let _ = out.flush();
        wait_for_signal().await;
        match server.shutdown().await {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("lexedi serve: error IO_ERROR: {e}");
                1
            }
        }
    })
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
