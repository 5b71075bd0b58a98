//! `lexedi`: the LEX 1.0 command-line tool.

mod args;
mod batch;
mod cmd_ack;
mod cmd_assets;
mod cmd_conformance;
mod cmd_convert;
mod cmd_db;
mod cmd_erase;
mod cmd_fingerprint;
mod cmd_new;
mod cmd_receive;
mod cmd_serve;
mod cmd_validate;
mod exit;
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
#[command(name = "lexedi", version, about, long_about = None, after_help = exit::TABLE)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate messages (exit 0 valid, 1 invalid, 2 unreadable). On a terminal only the
    /// problems, a live counter and the summary are shown (--all for every result).
    Validate(cmd_validate::Args),
    /// Convert a message to another format.
    Convert(cmd_convert::Args),
    /// Write the ACKNOWLEDGMENT for a received message.
    Ack(cmd_ack::Args),
    /// Print the customer fingerprint (LEX_DEDUPLICATION).
    Fingerprint(cmd_fingerprint::Args),
    /// Wrap a payload in a new, validated envelope.
    New(cmd_new::Args),
    /// Run a Receiver over messages in order and print each receipt.
    Receive(cmd_receive::Args),
    /// Run test vectors (e.g. the LEX conformance suite); exit 1 if any fails.
    Conformance(cmd_conformance::Args),
    /// Write shell completions and man pages into a directory (used by `make dist`).
    #[command(hide = true)]
    GenerateAssets(cmd_assets::Args),
    /// Serve the LEX exchange API (durable on SQLite) until SIGINT/SIGTERM.
    Serve(cmd_serve::Args),
    /// Erase what an exchange store holds about a lead or a customer fingerprint.
    Erase(cmd_erase::Args),
    /// Exchange store maintenance (backup).
    Db(cmd_db::Args),
}

fn main() -> ExitCode {
    // clap exits 2 on a usage error, the code of unreadable input here: usage errors are 64.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            });
        }
    };
    let code = match cli.command {
        Command::Validate(a) => cmd_validate::run(a),
        Command::Convert(a) => cmd_convert::run(a),
        Command::Ack(a) => cmd_ack::run(a),
        Command::Fingerprint(a) => cmd_fingerprint::run(a),
        Command::New(a) => cmd_new::run(a),
        Command::Receive(a) => cmd_receive::run(a),
        Command::Conformance(a) => cmd_conformance::run(a),
        Command::GenerateAssets(a) => cmd_assets::run(a),
        Command::Serve(a) => cmd_serve::run(a),
        Command::Erase(a) => cmd_erase::run(a),
        Command::Db(a) => cmd_db::run(a),
    };
    ExitCode::from(code)
}
