//! `lexedi`: the LEX 1.0 command-line tool.

mod batch;
mod cmd_convert;
mod cmd_validate;
mod inputs;
mod io;
mod limits;
mod progress;
mod summary;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Validate(a) => cmd_validate::run(a),
        Command::Convert(a) => cmd_convert::run(a),
    };
    ExitCode::from(code)
}
