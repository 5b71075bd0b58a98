//! The one exit-code table of every command (issue 25): 0 valid/done, 1 invalid/rejected,
//! 2 unreadable input, 64 usage error, 75 work still queued. clap's own exit code for a
//! usage error (2) is overridden; the table is in `lexedi --help` and in the README.

#![allow(clippy::unwrap_used)] // test code

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn lexedi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lexedi"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn example() -> String {
    repo().join("examples/lead.json").display().to_string()
}

#[test]
fn usage_errors_exit_64_on_every_command() {
    let ex = example();
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec!["no-such-command"],
        vec!["validate"],
        vec!["validate", "--bogus", &ex],
        vec!["validate", "--level", "9", &ex],
        vec!["validate", "--from", "csv", &ex],
        vec!["validate", "--jobs", "0", &ex],
        vec!["validate", "--all", "--quiet", &ex],
        vec!["convert", &ex],
        vec!["convert", "--to", "yaml", &ex],
        vec!["convert", "--to", "json", "--pretty", "--compact", &ex],
        vec!["ack"],
        vec!["ack", &ex, "--level", "0"],
        vec!["ack", &ex, "--now", "yesterday"],
        vec!["ack", &ex, "--status", "NOPE"],
        vec!["fingerprint", "--bogus"],
        vec!["fingerprint", "--last-name", "Smith"],
        vec!["new", "--type", "NOPE"],
        vec!["receive"],
        vec!["receive", "--level", "4", &ex],
        vec!["conformance"],
    ];
    for args in cases {
        let out = lexedi(&args);
        assert_eq!(
            out.status.code(),
            Some(64),
            "lexedi {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stderr.is_empty(), "lexedi {args:?} says why");
    }
}

#[test]
fn help_and_version_exit_0() {
    for args in [
        vec!["--help"],
        vec!["-h"],
        vec!["--version"],
        vec!["validate", "--help"],
    ] {
        let out = lexedi(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn the_other_codes() {
    let dir = std::env::temp_dir().join(format!("lexedi-exit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let invalid = dir.join("invalid.json");
    std::fs::write(
        &invalid,
        r#"{"lex":{"header":{"messageType":"LEAD"},"payload":{"lead":{}}}}"#,
    )
    .unwrap();
    let una = dir.join("una.edi");
    std::fs::write(&una, "UNA").unwrap();
    let ex = example();
    let inv = invalid.display().to_string();
    let una = una.display().to_string();
    for (args, code) in [
        (vec!["validate", ex.as_str()], 0),
        (vec!["validate", inv.as_str()], 1),
        (vec!["validate", "no-such-file.json"], 2),
        (vec!["validate", una.as_str()], 2),
        (vec!["convert", "--to", "json", una.as_str()], 2),
        (vec!["convert", "--to", "x12", ex.as_str()], 0),
        (vec!["fingerprint", "--email", "a@b.example"], 0),
    ] {
        let out = lexedi(&args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `lexedi --help` prints the table, and the README shows the same lines.
#[test]
fn the_table_is_in_the_help_and_the_readme() {
    let help = String::from_utf8(lexedi(&["--help"]).stdout).unwrap();
    let table: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Exit codes"))
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(table.len(), 6, "{help}");
    for code in ["0 ", "1 ", "2 ", "64 ", "75 "] {
        assert!(
            table.iter().any(|l| l.trim_start().starts_with(code)),
            "code {code} in {table:?}"
        );
    }
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for line in &table {
        assert!(readme.contains(line), "README lacks the help line {line:?}");
    }
}
