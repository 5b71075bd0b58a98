//! `lexedi convert` over batches: NDJSON streams, directories, several files.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn lexedi() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lexedi"))
}

fn example_line(i: usize) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/lead.json");
    let text = std::fs::read_to_string(p).unwrap();
    let one: String = text
        .lines()
        .map(str::trim)
        .collect::<String>()
        .replace("\": ", "\":");
    one.replace(
        "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23",
        &format!("5f0c6a52-3d1e-4b8a-9c41-{i:012}"),
    )
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("lexedi-conv-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn ndjson_to_ndjson_and_to_one_x12_interchange_per_item() {
    let d = tmpdir("nd");
    let f = d.join("in.ndjson");
    let lines = [example_line(1), "{oops".to_string(), example_line(2)];
    std::fs::write(&f, lines.join("\n") + "\n").unwrap();

    let out = lexedi()
        .args(["convert", "--to", "json", "-j", "2"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad line makes the exit code 2"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = stdout.lines().collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], example_line(1));
    assert_eq!(rows[1], example_line(2));
    // Human text by default (issue 25), JSON lines with --json.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{}:2: error SYNTAX_ERROR: ", f.display())),
        "{stderr}"
    );
    assert!(stderr.contains("converted 2 message(s) to json; 1 input(s) could not be converted"));
    let out = lexedi()
        .args(["convert", "--to", "json", "--json"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{{\"file\":\"{}:2\",\"error\":{{\"code\":\"SYNTAX_ERROR\"",
            f.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("{\"summary\":{\"messages\":2,"), "{stderr}");

    let x12 = d.join("out.x12");
    let out = lexedi()
        .args(["convert", "--to", "x12", "--ndjson", "-o"])
        .arg(&x12)
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Two interchanges back to back; reading them gives the two messages back.
    let back = lexedi()
        .args(["convert", "--to", "json", "--compact"])
        .arg(&x12)
        .output()
        .unwrap();
    assert_eq!(
        back.status.code(),
        Some(2),
        "two messages cannot be one JSON document"
    );
    let v = lexedi()
        .args(["validate", "--json"])
        .arg(&x12)
        .output()
        .unwrap();
    assert_eq!(v.status.code(), Some(0));
    assert_eq!(String::from_utf8(v.stdout).unwrap().lines().count(), 2);
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn directory_to_xml_files_and_xml_needs_an_output_directory() {
    let d = tmpdir("dir");
    let src = d.join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("a.json"), example_line(3)).unwrap();
    std::fs::write(src.join("b.json"), example_line(4)).unwrap();
    let out_dir = d.join("xml");
    let out = lexedi()
        .args(["convert", "--to", "xml", "-o"])
        .arg(&out_dir)
        .arg(&src)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2);
    assert!(
        files[0].ends_with("a.json-1.xml") && files[1].ends_with("b.json-1.xml"),
        "{files:?}"
    );
    // Each XML file converts back to its source.
    let back = lexedi()
        .args(["convert", "--to", "json", "--compact"])
        .arg(out_dir.join(&files[0]))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(back.stdout).unwrap().trim_end(),
        example_line(3)
    );

    let out = lexedi()
        .args(["convert", "--to", "xml"])
        .arg(&src)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64), "a usage error (issue 25)");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("needs -o DIR")
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn convert_honours_the_limit_flags() {
    let d = tmpdir("lim");
    let f = d.join("a.json");
    std::fs::write(&f, example_line(5)).unwrap();
    let out = lexedi()
        .args(["convert", "--to", "json", "--max-depth", "2"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("DEPTH_LIMIT_EXCEEDED")
    );
    std::fs::remove_dir_all(&d).unwrap();
}
