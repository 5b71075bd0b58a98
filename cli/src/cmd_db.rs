//! `lexedi db`: maintenance of an exchange store (`backup` with SQLite's online backup, safe
//! while `lexedi serve` runs).

use lex_exchange::store::sqlite::{GroupCommit, SqliteStore};
use std::path::PathBuf;

/// Arguments of `lexedi db`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Copy the database to a file with SQLite's online backup.
    Backup {
        /// The exchange's SQLite database.
        #[arg(long, default_value = "lex-exchange.db")]
        db: PathBuf,
        /// The backup file to write.
        #[arg(long)]
        to: PathBuf,
    },
}

/// Runs the command: exit 0, or 2 when the copy fails.
pub fn run(args: Args) -> u8 {
    let Action::Backup { db, to } = args.action;
    if !db.exists() {
        eprintln!("{}: error IO_ERROR: no such database", db.display());
        return 2;
    }
    let result = SqliteStore::open(&db, GroupCommit::default()).and_then(|s| s.backup(&to));
    match result {
        Ok(()) => {
            println!("backed up {} to {}", db.display(), to.display());
            0
        }
        Err(e) => {
            eprintln!("{}: error IO_ERROR: {e}", db.display());
            2
        }
    }
}
