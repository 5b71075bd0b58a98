//! `lexedi receive`: run one Receiver over a sequence of messages and print each receipt.

use crate::io::{print_error, read_input};
use lex_core::api::ReadMode;
use lex_core::api::ValidateOptions;
use lex_core::api::value_to_json;
use lex_core::{Map, Value, api};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Arguments of `lexedi receive`.
#[derive(clap::Args)]
pub struct Args {
    /// Message files, received in this order (`-` for standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Conformance level (1, 2 or 3).
    #[arg(long, default_value_t = 2, value_parser = crate::args::level)]
    level: u8,
    /// Transition policy: `default` (a move off the published table is the warning
    /// STATUS_TRANSITION_UNLISTED) or `strict-table` (it is the error INVALID_STATUS_TRANSITION).
    #[arg(long, default_value = "default", value_parser = crate::args::policy)]
    transition_policy: lex_core::api::TransitionPolicy,
    /// The receiver's clock (RFC 3339; default: now).
    #[arg(long, value_parser = parse_now)]
    now: Option<OffsetDateTime>,
    /// Strict reading.
    #[arg(long)]
    strict: bool,
    /// One JSON receipt per message (with its report and ACK) on standard output.
    #[arg(long)]
    json: bool,
}

/// Parses an RFC 3339 `--now`.
pub fn parse_now(s: &str) -> Result<OffsetDateTime, String> {
    OffsetDateTime::parse(s, &Rfc3339).map_err(|e| format!("not an RFC 3339 date-time: {e}"))
}

/// Runs the command; returns the exit code (0 all accepted, 1 some rejected or
/// dead-lettered, 2 some input unreadable).
pub fn run(args: Args) -> u8 {
    let rx = api::Receiver::new(ValidateOptions {
        level: args.level,
        now: args.now,
        policy: args.transition_policy,
        mode: if args.strict {
            ReadMode::Strict
        } else {
            ReadMode::Tolerant
        },
        ..ValidateOptions::default()
    });
    let mut worst = 0u8;
    for path in &args.files {
        let receipts = match read_input(path).and_then(|b| rx.receive_all(&b)) {
            Ok(r) => r,
            Err(e) => {
                print_error(path, &e);
                worst = 2;
                continue;
            }
        };
        for r in receipts {
            if r.outcome != api::Outcome::Accepted {
                worst = worst.max(1);
            }
            if args.json {
                let mut m = Map::default();
                m.insert("file".into(), path.as_str().into());
                if let Value::Object(v) = r.to_value() {
                    m.extend(v);
                }
                println!("{}", value_to_json(&Value::Object(m), false));
            } else {
                println!("{}", human(path, &r));
            }
        }
    }
    worst
}

fn human(path: &str, r: &api::Receipt) -> String {
    let mut line = format!(
        "{path}: {} {} {}",
        r.message.message_id().unwrap_or("(no messageId)"),
        r.outcome.as_str(),
        r.http_status
    );
    if let Some(s) = r.ack_status() {
        line.push_str(&format!(" ack={s}"));
    }
    if r.duplicate {
        line.push_str(" replay");
    }
    if let Some(l) = &r.duplicate_of_lead {
        line.push_str(&format!(" duplicate-of={l}"));
    }
    if let Some(x) = r.routing {
        line.push_str(&format!(" routing={}", x.as_str()));
    }
    for i in &r.report.errors {
        line.push_str(&format!("\n  {} {} {}", i.level, i.code, i.field));
    }
    line
}
