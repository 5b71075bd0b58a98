//! `lexedi fingerprint`: the customer fingerprint of LEX_DEDUPLICATION §2.

use lex_core::api;

/// Arguments of `lexedi fingerprint`.
#[derive(clap::Args)]
pub struct Args {
    /// The customer's email address.
    #[arg(long, default_value = "")]
    email: String,
    /// The customer's phone number (any format; the last 10 digits count).
    #[arg(long, default_value = "")]
    phone: String,
    /// The customer's last name.
    #[arg(long, default_value = "")]
    last_name: String,
    /// Also print the normalised string that is hashed (on a second line).
    #[arg(long)]
    show_input: bool,
}

/// Runs the command; returns the exit code (0 printed, 64 neither `--email` nor `--phone`).
pub fn run(args: Args) -> u8 {
    if args.email.trim().is_empty() && args.phone.trim().is_empty() {
        eprintln!("fingerprint: error INVALID_ARGUMENT: give --email or --phone");
        return crate::exit::USAGE;
    }
    println!(
        "{}",
        api::fingerprint(&args.email, &args.phone, &args.last_name)
    );
    if args.show_input {
        println!(
            "{}",
            api::fingerprint_input(&args.email, &args.phone, &args.last_name)
        );
    }
    0
}
