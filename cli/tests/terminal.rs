//! `lexedi validate` on a terminal (issue 25), run under a real pseudo-terminal: only the
//! problems, the live counter and the summary; `--all` and `--quiet` for the other choices;
//! piped output unchanged.
//!
//! The pseudo-terminal is the kernel's, opened with `libc::openpty` (libc is already a
//! dev-dependency): the child gets the terminal as standard output and error, the test
//! reads the master side. That is the whole of what `portable-pty` or `expectrl` would do
//! here, without a new dependency, and it stays in-process Rust like the other CLI tests
//! (Python's `pty` module would add an interpreter to `cargo test`).

#![allow(clippy::unwrap_used)] // test code

use std::fs::File;
use std::io::Read;
use std::os::fd::FromRawFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Runs `lexedi args` with a pseudo-terminal as standard output and standard error; returns
/// the exit code and everything the terminal showed (`\r\n` folded to `\n`).
fn on_terminal(args: &[&str]) -> (Option<i32>, String) {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 40,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors into the integers it is given.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened and are owned by these files alone.
    let (mut master, slave) = unsafe { (File::from_raw_fd(master), File::from_raw_fd(slave)) };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lexedi"));
    cmd.args(args)
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave);
    let mut child = cmd.spawn().unwrap();
    // Close the parent's copies of the terminal so that the read ends with the child.
    drop(cmd);
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match master.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            // Linux reports EIO on the master once every slave descriptor is closed.
            Err(e) if e.raw_os_error() == Some(libc::EIO) => break,
            Err(e) => panic!("reading the terminal: {e}"),
        }
    }
    let status = child.wait().unwrap();
    (
        status.code(),
        String::from_utf8_lossy(&out).replace("\r\n", "\n"),
    )
}

fn piped(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lexedi"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// A folder with two valid messages, one invalid one and one unreadable file.
fn batch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lexedi-tty-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lead =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/lead.json")).unwrap();
    std::fs::write(dir.join("a-valid.json"), &lead).unwrap();
    std::fs::write(dir.join("b-valid.json"), &lead).unwrap();
    std::fs::write(
        dir.join("c-invalid.json"),
        r#"{"lex":{"header":{"messageType":"LEAD"},"payload":{"lead":{}}}}"#,
    )
    .unwrap();
    std::fs::write(dir.join("d-broken.json"), "{\"lex\":").unwrap();
    dir
}

#[test]
fn a_terminal_shows_only_the_problems_and_the_summary() {
    let dir = batch("problems");
    let d = dir.to_str().unwrap();
    let (code, screen) = on_terminal(&["validate", d]);
    assert_eq!(code, Some(2), "{screen}");
    assert!(!screen.contains("a-valid.json"), "{screen}");
    assert!(!screen.contains("b-valid.json"), "{screen}");
    assert!(screen.contains("c-invalid.json: invalid ("), "{screen}");
    assert!(
        screen.contains("d-broken.json: error SYNTAX_ERROR"),
        "{screen}"
    );
    assert!(
        screen.contains("summary: 3 message(s): 2 valid, 1 invalid; 1 unreadable input(s)"),
        "{screen}"
    );
    // A single valid file on a terminal still gets the summary, so the run says something.
    let one = dir.join("a-valid.json");
    let (code, screen) = on_terminal(&["validate", one.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(
        screen.contains("summary: 1 message(s): 1 valid"),
        "{screen}"
    );
    assert!(!screen.contains("a-valid.json: valid"), "{screen}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn all_and_quiet_choose_otherwise_on_a_terminal() {
    let dir = batch("choices");
    let d = dir.to_str().unwrap();
    let (code, all) = on_terminal(&["validate", "--all", d]);
    assert_eq!(code, Some(2));
    for name in [
        "a-valid.json: valid",
        "b-valid.json: valid",
        "c-invalid.json: invalid",
    ] {
        assert!(all.contains(name), "--all shows {name}: {all}");
    }
    let (code, quiet) = on_terminal(&["validate", "--quiet", d]);
    assert_eq!(code, Some(2), "the exit code still tells");
    assert!(!quiet.contains("c-invalid.json"), "{quiet}");
    assert!(!quiet.contains("d-broken.json"), "{quiet}");
    assert!(quiet.contains("summary: 3 message(s)"), "{quiet}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn piped_output_is_unchanged_and_problems_can_be_chosen() {
    let dir = batch("piped");
    let d = dir.to_str().unwrap();
    let (code, out) = piped(&["validate", d]);
    assert_eq!(code, Some(2));
    assert!(out.contains("a-valid.json: valid ("), "{out}");
    assert!(out.contains("c-invalid.json: invalid ("), "{out}");
    let (_, out) = piped(&["validate", "--problems", d]);
    assert!(!out.contains("a-valid.json"), "{out}");
    assert!(out.contains("c-invalid.json: invalid ("), "{out}");
    // A single file piped: its line, no summary, as before.
    let one = dir.join("a-valid.json");
    let (code, out) = piped(&["validate", one.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(out.contains("a-valid.json: valid ("), "{out}");
    assert!(!out.contains("summary:"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_live_counter_runs_on_a_terminal() {
    let dir = std::env::temp_dir().join(format!("lexedi-tty-counter-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lead = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/lead.json"),
    )
    .unwrap();
    let line = lead.split_whitespace().collect::<Vec<_>>().join(" ");
    let ndjson = dir.join("many.ndjson");
    std::fs::write(&ndjson, format!("{line}\n").repeat(20_000)).unwrap();
    let (code, screen) = on_terminal(&["validate", ndjson.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{}", &screen[..screen.len().min(2000)]);
    // The counter is drawn ("<n> message(s) <rate>/s") and then cleared; no per-message line.
    assert!(screen.contains("/s"), "no live counter drawn");
    assert!(!screen.contains(": valid ("), "valid results stay hidden");
    assert!(
        screen.contains("summary: 20000 message(s): 20000 valid"),
        "{}",
        &screen[screen.len().saturating_sub(500)..]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
