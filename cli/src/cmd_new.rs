//! `lexedi new`: wrap a payload body in a complete, validated envelope.

use crate::io::{print_error, read_input, write_output};
use lex_core::api::BuildOptions;
use lex_core::api::Limits;
use lex_core::api::value_from_json;
use lex_core::{Error, MessageType, api};

/// Arguments of `lexedi new`.
#[derive(clap::Args)]
pub struct Args {
    /// Message type: LEAD, ASSET, ACKNOWLEDGMENT, SUBSCRIPTION or LEAD_CLOSURE.
    #[arg(long = "type", value_parser = crate::args::message_type)]
    mtype: MessageType,
    /// JSON file with the payload body (or `{"<key>": body}`); `-` for standard input.
    #[arg(long)]
    payload: String,
    /// senderId.
    #[arg(long)]
    from: String,
    /// receiverId.
    #[arg(long)]
    to: String,
    /// The messageId (default: a fresh UUID v4).
    #[arg(long)]
    message_id: Option<String>,
    /// The clock (RFC 3339; default: now).
    #[arg(long, value_parser = crate::cmd_receive::parse_now)]
    now: Option<time::OffsetDateTime>,
    /// Compact output.
    #[arg(long)]
    compact: bool,
    /// Output file (default: standard output).
    #[arg(short, long)]
    output: Option<String>,
}

/// Runs the command; returns the exit code (0 written, 2 failed or invalid).
pub fn run(args: Args) -> u8 {
    match build(&args).and_then(|text| write_output(args.output.as_deref(), &text)) {
        Ok(()) => 0,
        Err(e) => {
            print_error(&args.payload, &e);
            2
        }
    }
}

fn build(args: &Args) -> Result<String, Error> {
    let bytes = read_input(&args.payload)?;
    let payload = value_from_json(&bytes, &Limits::default())?;
    let opts = BuildOptions {
        now: args.now,
        message_id: args.message_id.clone(),
    };
    let msg = api::new_message_with(args.mtype, payload, &args.from, &args.to, &opts)?;
    Ok(msg.to_json(!args.compact))
}
