//! The exit codes of every `lexedi` command (one table, printed by `lexedi --help` and
//! shown in the README).

/// Valid, or done.
pub const OK: u8 = 0;
/// Invalid or rejected (a message failed validation, a receipt was not accepted, a
/// conformance vector failed).
pub const INVALID: u8 = 1;
/// Unreadable input (a file that cannot be read, parsed, or written in the target format).
pub const UNREADABLE: u8 = 2;
/// Usage error: an unknown flag, a bad flag value, a missing argument (BSD `EX_USAGE`).
pub const USAGE: u8 = 64;
/// Work still queued: accepted for later delivery, not yet done (BSD `EX_TEMPFAIL`).
#[allow(
    dead_code,
    reason = "part of the shared table; returned by the commands that queue deliveries"
)]
pub const QUEUED: u8 = 75;

/// The table, as `lexedi --help` prints it after the command list.
pub const TABLE: &str = "\
Exit codes (every command):
  0   valid / done
  1   invalid / rejected (validation failed, a receipt was not accepted, a vector failed)
  2   unreadable input (cannot be read or parsed, or cannot be written in the target format)
  64  usage error (unknown flag, bad flag value, missing argument)
  75  work still queued (accepted for later delivery, not yet done)";
