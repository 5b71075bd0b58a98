//! `lexedi ack`: the ACKNOWLEDGMENT for a received message.

use crate::exit;
use crate::io::{print_error, read_input, write_output};
use lex_core::api::{BuildOptions, ReadMode, ReadOptions, ValidateOptions, WriteOptions};
use lex_core::{Error, ErrorKind, Message, api};

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
    /// Answer an X12 interchange with its 997 functional acknowledgment instead of a LEX
    /// ACKNOWLEDGMENT.
    #[arg(long, conflicts_with_all = ["contrl", "status", "no_validate", "message_id", "level"])]
    x12_997: bool,
    /// Answer an EDIFACT interchange with its CONTRL syntax report instead of a LEX
    /// ACKNOWLEDGMENT.
    #[arg(long, conflicts_with_all = ["status", "no_validate", "message_id", "level"])]
    contrl: bool,
}

/// Runs the command; returns the exit code (0 ACK written, 2 unreadable input or output,
/// 64 a flag the acknowledgment cannot use, such as an unknown `--status`).
pub fn run(args: Args) -> u8 {
    match build(&args).and_then(|text| {
        write_output(args.output.as_deref(), &text).map_err(|e| (e, exit::UNREADABLE))
    }) {
        Ok(()) => exit::OK,
        Err((e, code)) => {
            print_error(&args.file, &e);
            code
        }
    }
}

/// The ACK text, or the error with its exit code.
fn build(args: &Args) -> Result<String, (Error, u8)> {
    let unreadable = |e: Error| (e, exit::UNREADABLE);
    if args.x12_997 || args.contrl {
        return syntax_ack(args).map_err(unreadable);
    }
    let msg = read_message(args).map_err(unreadable)?;
    acknowledge(args, &msg).map_err(|e| {
        // The message was read: an invalid argument here comes from the flags.
        let code = if e.kind == ErrorKind::InvalidArgument {
            exit::USAGE
        } else {
            exit::UNREADABLE
        };
        (e, code)
    })
}

fn mode(args: &Args) -> ReadMode {
    if args.strict {
        ReadMode::Strict
    } else {
        ReadMode::Tolerant
    }
}

/// The interchange's own syntax acknowledgment: an X12 997 or an EDIFACT CONTRL.
fn syntax_ack(args: &Args) -> Result<String, Error> {
    let bytes = read_input(&args.file)?;
    if args.x12_997 {
        let read = ReadOptions {
            mode: mode(args),
            ..ReadOptions::default()
        };
        let mut write = WriteOptions::default();
        write.x12.now = args.now;
        api::x12_functional_ack_with(&bytes, &read, &write)
    } else {
        api::edifact_contrl(&bytes)
    }
}

fn read_message(args: &Args) -> Result<Message, Error> {
    let bytes = read_input(&args.file)?;
    let read = ReadOptions {
        mode: mode(args),
        ..ReadOptions::default()
    };
    api::parse(&bytes, None, &read)
}

fn acknowledge(args: &Args, msg: &Message) -> Result<String, Error> {
    let mode = mode(args);
    let report = (!args.no_validate).then(|| {
        api::validate(
            msg,
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
    let ack = api::acknowledge_with(msg, report.as_ref(), args.status.as_deref(), &opts)?;
    Ok(ack.to_json(!args.compact))
}
