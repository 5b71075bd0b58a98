//! Input/output helpers shared by the commands.

use lex_core::{Error, ErrorKind};
use std::io::{IsTerminal, Read};

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &str) -> Result<Vec<u8>, Error> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read standard input: {e}")))?;
        Ok(buf)
    } else {
        std::fs::read(path)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read {path}: {e}")))
    }
}

/// Writes `text` to `out` (a file) or standard output.
pub fn write_output(out: Option<&str>, text: &str) -> Result<(), Error> {
    match out {
        Some(p) if p != "-" => std::fs::write(p, text)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot write {p}: {e}"))),
        _ => {
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
            Ok(())
        }
    }
}

/// True when colour should be used on standard output.
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints an operation error to standard error in the CLI's format.
pub fn print_error(path: &str, e: &Error) {
    eprintln!(
        "{path}: error {}: {}{}",
        e.code(),
        e.message,
        location_suffix(e)
    );
}

fn location_suffix(e: &Error) -> String {
    if e.location.is_empty() {
        String::new()
    } else {
        format!(" ({})", e.location)
    }
}
