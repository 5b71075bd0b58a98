//! `lexedi convert`.

use crate::io::{print_error, read_input, write_output};
use crate::limits::LimitArgs;
use lex_core::codec::WriteOptions;
use lex_core::options::{ReadMode, ReadOptions};
use lex_core::{Format, api};

/// Arguments of `lexedi convert`.
#[derive(clap::Args)]
pub struct Args {
    /// The input file (`-` for standard input).
    file: String,
    /// Target format: json, xml, x12 or edifact.
    #[arg(long, value_parser = parse_format)]
    to: Format,
    /// Source format (default: detected from content).
    #[arg(long, value_parser = parse_format)]
    from: Option<Format>,
    /// Pretty output (the default).
    #[arg(long, conflicts_with = "compact")]
    pretty: bool,
    /// Compact output.
    #[arg(long)]
    compact: bool,
    /// Strict reading.
    #[arg(long)]
    strict: bool,
    /// Output file (default: standard output).
    #[arg(short, long)]
    output: Option<String>,
    #[command(flatten)]
    limits: LimitArgs,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("unknown format '{s}' (json, xml, x12, edifact)"))
}

/// Runs the command; returns the exit code (0 done, 2 failed).
pub fn run(args: Args) -> u8 {
    let read = ReadOptions {
        mode: if args.strict {
            ReadMode::Strict
        } else {
            ReadMode::Tolerant
        },
        ..ReadOptions::default()
    };
    let write = WriteOptions {
        pretty: !args.compact,
        ..WriteOptions::default()
    };
    let result = read_input(&args.file)
        .and_then(|bytes| api::convert(&bytes, args.to, args.from, &read, &write))
        .and_then(|text| write_output(args.output.as_deref(), &text));
    match result {
        Ok(()) => 0,
        Err(e) => {
            print_error(&args.file, &e);
            2
        }
    }
}
