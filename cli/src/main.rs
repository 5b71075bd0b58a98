//! `lexedi`: the LEX 1.0 command-line tool.

mod cmd_conformance;
mod cmd_convert;
mod cmd_validate;
mod io;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Validate, convert, acknowledge and receive LEX 1.0 lead-exchange messages
/// (JSON-EDI, XML-EDI, ANSI X12 850, UN/EDIFACT ORDERS).
#[derive(Parser)]
#[command(name = "lexedi", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate messages (exit 0 valid, 1 invalid, 2 unreadable).
    Validate(cmd_validate::Args),
    /// Convert a message to another format.
    Convert(cmd_convert::Args),
    /// Run test vectors (e.g. the LEX conformance suite); exit 1 if any fails.
    Conformance(cmd_conformance::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Validate(a) => cmd_validate::run(a),
        Command::Convert(a) => cmd_convert::run(a),
        Command::Conformance(a) => cmd_conformance::run(a),
    };
    ExitCode::from(code)
}
