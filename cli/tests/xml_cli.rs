//! `lexedi validate` and `lexedi convert` with XML-EDI: auto-detected by content, both ways.

// Test helpers (outside #[test] functions) may unwrap too.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn lexedi(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lexedi"));
    cmd.args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("lexedi-xml-{}-{name}", std::process::id()))
}

#[test]
fn json_converts_to_xml_and_back_identically() {
    let xml = lexedi(&["convert", "examples/lead.json", "--to", "xml"], None);
    assert_eq!(xml.status.code(), Some(0), "{}", stderr(&xml));
    let text = stdout(&xml);
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lex"));
    assert!(text.contains("\n  <header>\n"), "pretty by default");

    let path = temp("lead.xml");
    std::fs::write(&path, &text).unwrap();
    let path = path.to_str().unwrap();
    let back = lexedi(&["convert", path, "--to", "json", "--compact"], None);
    let direct = lexedi(
        &["convert", "examples/lead.json", "--to", "json", "--compact"],
        None,
    );
    assert_eq!(back.status.code(), Some(0), "{}", stderr(&back));
    assert_eq!(stdout(&back), stdout(&direct));

    // The XML validates exactly like the JSON it came from.
    let v_xml = lexedi(&["validate", "--json", path], None);
    let v_json = lexedi(&["validate", "--json", "examples/lead.json"], None);
    assert_eq!(v_xml.status.code(), v_json.status.code());
    let strip = |s: String| s.split_once(',').map(|(_, rest)| rest.to_string()).unwrap();
    assert_eq!(strip(stdout(&v_xml)), strip(stdout(&v_json)));
    std::fs::remove_file(path).unwrap();
}

#[test]
fn compact_xml_is_one_line_and_stdin_is_detected() {
    let out = lexedi(
        &["convert", "-", "--to", "xml", "--compact"],
        Some(
            r#"{"lex":{"header":{"messageId":"m","messageType":"LEAD","version":"1.0"},"payload":{"lead":{"n":15.0}}}}"#,
        ),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><lex><header><messageId>m</messageId><messageType>LEAD</messageType><version>1.0</version></header><payload><lead><n t=\"number\">15.0</n></lead></payload></lex>\n"
    );
    let back = lexedi(
        &["convert", "-", "--to", "json", "--compact"],
        Some(&stdout(&out)),
    );
    assert_eq!(
        stdout(&back),
        "{\"lex\":{\"header\":{\"messageId\":\"m\",\"messageType\":\"LEAD\",\"version\":\"1.0\"},\"payload\":{\"lead\":{\"n\":15.0}}}}\n"
    );
}

const PASCAL: &str = "<LEXMessage version=\"1.0.0\">\n  <Header><MessageID>m-1</MessageID><MessageType>LEAD</MessageType></Header>\n  <Payload><Lead><LeadID>L1</LeadID></Lead></Payload>\n</LEXMessage>\n";

#[test]
fn tolerant_validation_reports_xml_normalisations() {
    let out = lexedi(&["validate", "--json", "-"], Some(PASCAL));
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let line = stdout(&out);
    for code in [
        "XML_ROOT_RENAMED",
        "XML_NAME_NORMALIZED",
        "ALIAS_NORMALIZED",
    ] {
        assert!(
            line.contains(&format!("\"code\":\"{code}\"")),
            "{code} in {line}"
        );
    }
}

#[test]
fn strict_reading_rejects_non_canonical_xml_with_a_location() {
    let out = lexedi(&["validate", "--strict", "-"], Some(PASCAL));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("error SYNTAX_ERROR"), "{err}");
    assert!(err.contains("[XML_ROOT_RENAMED]"), "{err}");
    assert!(err.contains("line 1, column 1, byte 0"), "{err}");

    let conv = lexedi(&["convert", "--strict", "-", "--to", "json"], Some(PASCAL));
    assert_eq!(conv.status.code(), Some(2));
}

#[test]
fn hostile_xml_is_refused() {
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<lex><x>&b;</x></lex>";
    let out = lexedi(&["validate", "--json", "-"], Some(laughs));
    assert_eq!(out.status.code(), Some(2));
    let line = stdout(&out);
    assert!(line.contains("\"code\":\"FORBIDDEN_CONSTRUCT\""), "{line}");
    assert!(
        line.contains("\"line\":2") && line.contains("\"offset\":22"),
        "{line}"
    );

    let deep = format!(
        "<lex>{}{}</lex>",
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    );
    let out = lexedi(&["convert", "-", "--to", "json"], Some(&deep));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("DEPTH_LIMIT_EXCEEDED"),
        "{}",
        stderr(&out)
    );
}
