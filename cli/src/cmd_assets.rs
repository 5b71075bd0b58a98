//! `lexedi generate-assets DIR` (hidden): the shell completions and man pages that the binary
//! archive of `make dist` ships, generated from the same clap definition the binary parses
//! with, so they never drift from the options.

use std::path::PathBuf;

use clap::{CommandFactory, ValueEnum};
use clap_complete::Shell;

/// Arguments of `lexedi generate-assets`.
#[derive(clap::Args)]
pub struct Args {
    /// Directory to write `completions/` (bash, zsh, fish, elvish, PowerShell) and `man/man1/` into.
    out: PathBuf,
}

/// Writes the completions and man pages; exit 0, or 2 when a file cannot be written.
pub fn run(args: Args) -> u8 {
    match generate(&args.out) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!(
                "lexedi: cannot write assets into {}: {e}",
                args.out.display()
            );
            2
        }
    }
}

fn generate(out: &std::path::Path) -> std::io::Result<()> {
    let completions = out.join("completions");
    let man = out.join("man").join("man1");
    std::fs::create_dir_all(&completions)?;
    std::fs::create_dir_all(&man)?;
    let mut cmd = crate::Cli::command();
    for shell in Shell::value_variants() {
        clap_complete::generate_to(*shell, &mut cmd, "lexedi", &completions)?;
    }
    cmd.build();
    write_man(&cmd, &man.join("lexedi.1"))?;
    // One page per visible subcommand (`lexedi-validate.1`, ...); not `help`, not this one.
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        // After build(), a subcommand's display name is `lexedi-<name>`.
        let name = sub.get_display_name().unwrap_or(sub.get_name());
        write_man(sub, &man.join(format!("{name}.1")))?;
    }
    Ok(())
}

fn write_man(cmd: &clap::Command, path: &std::path::Path) -> std::io::Result<()> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    std::fs::write(path, buf)
}
