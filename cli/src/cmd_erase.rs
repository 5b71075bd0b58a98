//! `lexedi erase`: erase everything an exchange store holds about a lead or a customer
//! fingerprint (messages become tombstones that still answer repeats idempotently).

use lex_exchange::store::sqlite::{GroupCommit, SqliteStore};
use std::path::PathBuf;

/// Arguments of `lexedi erase`.
#[derive(clap::Args)]
pub struct Args {
    /// The exchange's SQLite database.
    #[arg(long, default_value = "lex-exchange.db")]
    db: PathBuf,
    /// The organisation whose data is erased (`local` for the generated token's).
    #[arg(long, default_value = "local")]
    org: String,
    /// Erase this lead.
    #[arg(
        long,
        required_unless_present = "fingerprint",
        conflicts_with = "fingerprint"
    )]
    lead: Option<String>,
    /// Erase every lead with this customer fingerprint.
    #[arg(long)]
    fingerprint: Option<String>,
}

/// Runs the command; prints how many messages were erased. Exit 0, or 2 when the store
/// cannot be opened or written.
pub fn run(args: Args) -> u8 {
    if !args.db.exists() {
        eprintln!("{}: error IO_ERROR: no such database", args.db.display());
        return 2;
    }
    let store = match SqliteStore::open(&args.db, GroupCommit::default()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: error IO_ERROR: {e}", args.db.display());
            return 2;
        }
    };
    let result = match (&args.lead, &args.fingerprint) {
        (Some(l), _) => store.erase_lead(&args.org, l),
        (None, Some(f)) => store.erase_fingerprint(&args.org, f),
        (None, None) => return 2,
    };
    match result {
        Ok(n) => {
            println!("erased {n} messages");
            0
        }
        Err(e) => {
            eprintln!("{}: error IO_ERROR: {e}", args.db.display());
            2
        }
    }
}
