//! `lexedi ack`: the ACKNOWLEDGMENT for a received message.

use crate::io::{print_error, read_input, write_output};
use lex_core::api::BuildOptions;
use lex_core::api::ValidateOptions;
use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Error, api};

/// Arguments of `lexedi ack`.
#[derive(clap::Args)]
pub struct Args {
    /// The received message (`-` for standard input).
    file: String,
    /// Status override (RECEIVED, PROCESSED, REJECTED, ...; ACCEPTED/ERROR/DEFERRED are read
    /// as RECEIVED/FAILED/PROCESSING). Default: from the validation result.
    #[arg(long)]
    status: Option<String>,
    /// Conformance level used to validate the message (1, 2 or 3).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=3))]
    level: u8,
    /// Do not validate: no validationResults, status RECEIVED/PROCESSED unless overridden.
    #[arg(long)]
    no_validate: bool,
    /// The ACK's own messageId (default: a fresh UUID v4).
    #[arg(long)]
    message_id: Option<String>,
    /// The clock (RFC 3339; default: now).
    #[arg(long, value_parser = crate::cmd_receive::parse_now)]
    now: Option<time::OffsetDateTime>,
    /// Strict reading.
    #[arg(long)]
    strict: bool,
    /// Compact output.
    #[arg(long)]
    compact: bool,
    /// Output file (default: standard output).
    #[arg(short, long)]
    output: Option<String>,
}

/// Runs the command; returns the exit code (0 ACK written, 2 failed).
pub fn run(args: Args) -> u8 {
    match build(&args).and_then(|text| write_output(args.output.as_deref(), &text)) {
        Ok(()) => 0,
        Err(e) => {
            print_error(&args.file, &e);
            2
        }
    }
}

fn build(args: &Args) -> Result<String, Error> {
    let mode = if args.strict {
        ReadMode::Strict
    } else {
        ReadMode::Tolerant
    };
    let bytes = read_input(&args.file)?;
    let read = ReadOptions {
        mode,
        ..ReadOptions::default()
    };
    let msg = api::parse(&bytes, None, &read)?;
    let report = (!args.no_validate).then(|| {
        api::validate(
            &msg,
            &ValidateOptions {
                level: args.level,
                mode,
                now: args.now,
                ..ValidateOptions::default()
            },
        )
    });
    let opts = BuildOptions {
        now: args.now,
        message_id: args.message_id.clone(),
    };
    let ack = api::acknowledge_with(&msg, report.as_ref(), args.status.as_deref(), &opts)?;
    Ok(ack.to_json(!args.compact))
}
