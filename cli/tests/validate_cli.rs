//! `lexedi validate` and `lexedi conformance` end to end: exit codes, error codes and
//! locations for unreadable input, the `--json` shape, and `-` for standard input.

#![allow(clippy::unwrap_used)] // test helpers may unwrap, like the tests themselves

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn lexedi() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lexedi"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Writes `bytes` to a fresh file in the temp folder and returns its path.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lexedi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = lexedi();
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(bytes) = stdin {
        let mut input = child.stdin.take().unwrap();
        // The reader may stop early (size limit); a broken pipe is fine.
        let _ = input.write_all(bytes);
    }
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Validates `bytes` (as a file, optionally with `--from json`) and checks exit code 2, the
/// error code, and the location in both the human and the `--json` output.
fn unreadable(name: &str, bytes: &[u8], from_json: bool, code: &str, loc: Option<(u64, u64, u64)>) {
    let path = temp_file(name, bytes);
    let p = path.to_str().unwrap();
    let mut args = vec!["validate", p];
    if from_json {
        args.extend(["--from", "json"]);
    }
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(2), "{name}: {}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains(&format!("error {code}:")), "{name}: {err}");
    if let Some((line, col, off)) = loc {
        assert!(
            err.contains(&format!("line {line}, column {col}, byte {off}")),
            "{name}: {err}"
        );
    }
    args.push("--json");
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(2));
    let json = text(&out.stdout);
    assert!(
        json.contains(&format!("\"code\":\"{code}\"")),
        "{name}: {json}"
    );
    if let Some((line, col, off)) = loc {
        let want = format!("\"line\":{line},\"column\":{col},\"offset\":{off}");
        assert!(json.contains(&want), "{name}: {json}");
    }
}

#[test]
fn non_utf8_bytes() {
    unreadable(
        "bad-utf8.json",
        b"{\"lex\":\"\xff\"}",
        false,
        "INVALID_ENCODING",
        Some((1, 9, 8)),
    );
    // At the very start the format cannot even be detected.
    unreadable(
        "bad-start.json",
        b"\xff\xfe{}",
        false,
        "UNKNOWN_FORMAT",
        Some((1, 1, 0)),
    );
    unreadable(
        "bad-start2.json",
        b"\xff\xfe{}",
        true,
        "INVALID_ENCODING",
        Some((1, 1, 0)),
    );
}

#[test]
fn truncated_json() {
    unreadable(
        "truncated.json",
        b"{\"lex\":{\"header\":",
        false,
        "SYNTAX_ERROR",
        Some((1, 18, 17)),
    );
}

#[test]
fn duplicate_keys() {
    unreadable(
        "dup.json",
        b"{\"lex\":{},\n \"lex\":{}}",
        false,
        "DUPLICATE_KEY",
        Some((2, 2, 12)),
    );
}

#[test]
fn deep_array() {
    let mut deep = "[".repeat(10_000);
    deep.push_str(&"]".repeat(10_000));
    unreadable(
        "deep.json",
        deep.as_bytes(),
        true,
        "DEPTH_LIMIT_EXCEEDED",
        Some((1, 129, 128)),
    );
    unreadable(
        "deep2.json",
        deep.as_bytes(),
        false,
        "UNKNOWN_FORMAT",
        Some((1, 1, 0)),
    );
}

#[test]
fn long_number() {
    let doc = format!("{{\"lex\":{{\"n\":{}}}}}", "7".repeat(5_000));
    unreadable(
        "number.json",
        doc.as_bytes(),
        false,
        "TOKEN_LIMIT_EXCEEDED",
        Some((1, 13, 12)),
    );
}

#[test]
fn empty_file() {
    unreadable("empty.json", b"", false, "EMPTY_INPUT", Some((1, 1, 0)));
}

#[test]
fn array_instead_of_object() {
    unreadable(
        "array.json",
        b"[{\"lex\":{}}]",
        true,
        "NOT_A_LEX_MESSAGE",
        None,
    );
}

#[test]
fn message_without_lex() {
    unreadable(
        "nolex.json",
        b"{\"LEAD\":{}}",
        false,
        "NOT_A_LEX_MESSAGE",
        None,
    );
    let p = temp_file("nolex2.json", b"{\"LEAD\":{}}");
    let out = run(&["validate", "--json", p.to_str().unwrap()], None);
    assert!(text(&out.stdout).contains("no \\\"lex\\\" member"));
}

#[test]
fn hundred_megabyte_string_hits_a_limit() {
    let mut doc = Vec::with_capacity(100 * 1024 * 1024 + 16);
    doc.extend_from_slice(b"{\"lex\":\"");
    doc.resize(doc.len() + 100 * 1024 * 1024, b'x');
    doc.extend_from_slice(b"\"}");
    let out = run(&["validate", "--json", "-"], Some(&doc));
    assert_eq!(out.status.code(), Some(2));
    let json = text(&out.stdout);
    assert!(json.contains("\"code\":\"SIZE_LIMIT_EXCEEDED\""), "{json}");
    assert!(json.contains("\"offset\":67108864"), "{json}");
}

#[test]
fn valid_and_invalid_exit_codes() {
    let example = repo().join("examples/lead.json");
    let out = run(&["validate", example.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains(": valid (0 error(s), 0 warning(s))"));

    // The same message at level 3 lacks its consent record.
    let out = run(
        &["validate", "--level", "3", example.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("ERROR CONSENT_RECORD_REQUIRED /lex/payload/lead/consentRecord:"),
        "{stdout}"
    );
}

#[test]
fn json_output_shape_and_stdin() {
    let bytes = std::fs::read(repo().join("examples/lead.json")).unwrap();
    let broken = String::from_utf8(bytes)
        .unwrap()
        .replace("amara.okafor@example.org", "amara-at-example");
    let out = run(&["validate", "--json", "-"], Some(broken.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let line = text(&out.stdout);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(line.starts_with("{\"file\":\"-\",\"valid\":false,\"errors\":[{\"level\":\"ERROR\",\"code\":\"INVALID_EMAIL_FORMAT\",\"field\":\"customer.emailAddress\",\"pointer\":\"/lex/payload/lead/customer/emailAddress\",\"message\":"), "{line}");
    assert!(
        line.contains("\"rejectedValue\":\"amara-at-example\""),
        "{line}"
    );
    assert!(line.trim_end().ends_with("\"warnings\":[]}"), "{line}");
}

#[test]
fn strict_mode_turns_aliases_into_errors() {
    let bytes = std::fs::read(repo().join("examples/lead.json")).unwrap();
    let aliased = String::from_utf8(bytes)
        .unwrap()
        .replace("\"emailAddress\"", "\"email\"");
    let out = run(&["validate", "-"], Some(aliased.as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout)
            .contains("WARNING ALIAS_NORMALIZED /lex/payload/lead/customer/emailAddress")
    );
    let out = run(&["validate", "--strict", "-"], Some(aliased.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("ERROR ALIAS_NORMALIZED"));
}

#[test]
fn conformance_command_summarises_and_fails() {
    let out = run(
        &[
            "conformance",
            repo().join("tests/vectors").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let stdout = text(&out.stdout);
    let last = stdout.lines().last().unwrap();
    assert!(last.ends_with(" passed, 0 failed"), "{last}");

    let bad = r#"{"id":"X-1","input":{"lex":{"payload":{}}},"expected":{"valid":true,"errors":[],"warnings":[]}}"#;
    let dir = std::env::temp_dir().join(format!("lexedi-cli-{}-vectors", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("x-1.json"), bad).unwrap();
    let out = run(&["conformance", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("FAIL  X-1"), "{stdout}");
    assert_eq!(stdout.lines().last(), Some("0 passed, 1 failed"));

    let out = run(&["conformance", "--json", dir.to_str().unwrap()], None);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("{\"id\":\"X-1\",\"operation\":\"validate\""),
        "{stdout}"
    );
    assert!(stdout.contains("{\"passed\":0,\"failed\":1}"), "{stdout}");
}

/// examples/lead.json moved from CART (its last history entry) to ORDER: off the table.
fn cart_to_order() -> Vec<u8> {
    let bytes = std::fs::read(repo().join("examples/lead.json")).unwrap();
    String::from_utf8(bytes)
        .unwrap()
        .replacen(
            "\"status\": \"EXPRESSED_INTEREST\",",
            "\"status\": \"ORDER\", \"parentOrderId\": \"ORD-1\", \"leadHistory\": [{\"previousStatus\": \"CART\", \"newStatus\": \"ORDER\", \"changedAt\": \"2026-04-03T11:00:00Z\"}],",
            1,
        )
        .into_bytes()
}

#[test]
fn transition_policy_selects_warning_or_error_for_an_unlisted_move() {
    let msg = cart_to_order();
    let out = run(&["validate", "-"], Some(&msg));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("WARNING STATUS_TRANSITION_UNLISTED"),
        "{stdout}"
    );

    let out = run(
        &["validate", "--transition-policy", "strict-table", "-"],
        Some(&msg),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("ERROR INVALID_STATUS_TRANSITION"),
        "{stdout}"
    );

    let out = run(
        &["validate", "--transition-policy", "lenient", "-"],
        Some(&msg),
    );
    assert_eq!(out.status.code(), Some(64), "a usage error");
    assert!(text(&out.stderr).contains("unknown transition policy"));
}
