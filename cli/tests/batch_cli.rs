//! Batches: directories, NDJSON streams, `--jobs`, the summary, and bounded memory.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn lexedi() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lexedi"))
}

fn example() -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/lead.json");
    let text = std::fs::read_to_string(p).unwrap();
    // One line.
    text.lines().map(str::trim).collect::<Vec<_>>().join("")
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("lexedi-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn with_id(line: &str, i: usize) -> String {
    line.replace(
        "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23",
        &format!("5f0c6a52-3d1e-4b8a-9c41-{i:012}"),
    )
}

#[test]
fn ndjson_stream_results_in_order_with_summary_and_exit_code() {
    let d = tmpdir("nd");
    let f = d.join("leads.ndjson");
    let good = example();
    let bad = good.replace("\"LEAD\"", "\"INQUIRY\"");
    let mut lines = Vec::new();
    for i in 0..40 {
        lines.push(if i % 10 == 9 {
            with_id(&bad, i)
        } else {
            with_id(&good, i)
        });
    }
    lines.insert(5, "{\"lex\": [".to_string());
    lines.insert(6, String::new());
    std::fs::write(&f, lines.join("\n") + "\n").unwrap();

    for jobs in ["1", "2"] {
        let out = lexedi()
            .args(["validate", "--json", "--jobs", jobs])
            .arg(&f)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "unreadable line → exit 2");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let rows: Vec<&str> = stdout.lines().collect();
        assert_eq!(rows.len(), 41, "one result per input line, blank skipped");
        let name = f.display().to_string();
        // Line numbers are those of the file, in order, whatever the number of jobs.
        assert!(rows[0].starts_with(&format!("{{\"file\":\"{name}:1\",\"valid\":true")));
        assert!(rows[5].starts_with(&format!(
            "{{\"file\":\"{name}:6\",\"error\":{{\"code\":\"SYNTAX_ERROR\""
        )));
        assert!(rows[40].starts_with(&format!("{{\"file\":\"{name}:42\",\"valid\":false")));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("{\"summary\":{\"messages\":40,\"valid\":36,\"invalid\":4,\"unreadable\":1,\"byCode\":{\"INVALID_ENUM_VALUE\":4},\"unreadableByCode\":{\"SYNTAX_ERROR\":1}}}"),
            "{stderr}"
        );
    }
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn directories_are_walked_in_order_and_invalid_gives_exit_1() {
    let d = tmpdir("dir");
    std::fs::create_dir_all(d.join("b")).unwrap();
    std::fs::write(d.join("a.json"), example()).unwrap();
    std::fs::write(d.join("b/c.json"), example().replace("\"LEAD\"", "\"X\"")).unwrap();
    std::fs::write(d.join(".hidden.json"), "not json").unwrap();
    let out = lexedi().arg("validate").arg(&d).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let a = stdout.find("a.json: valid").unwrap();
    let c = stdout.find("c.json: invalid").unwrap();
    assert!(a < c);
    assert!(stdout.contains("summary: 2 message(s): 1 valid, 1 invalid; 0 unreadable input(s)"));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn oversized_lines_are_limit_errors_not_allocations() {
    let d = tmpdir("big");
    let f = d.join("x.ndjson");
    let mut file = std::fs::File::create(&f).unwrap();
    writeln!(file, "{}", example()).unwrap();
    writeln!(file, "\"{}\"", "a".repeat(5000)).unwrap();
    writeln!(file, "{}", with_id(&example(), 7)).unwrap();
    drop(file);
    let out = lexedi()
        .args(["validate", "--json", "--max-bytes", "4096"])
        .arg(&f)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = stdout.lines().collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[1].contains("\"code\":\"SIZE_LIMIT_EXCEEDED\""),
        "{}",
        rows[1]
    );
    assert!(rows[1].contains("\"line\":2"), "{}", rows[1]);
    assert!(rows[2].contains("\"valid\":true"));
    std::fs::remove_dir_all(&d).unwrap();
}

/// Peak resident memory of finished child processes, in KiB.
fn children_max_rss_kib() -> i64 {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid, writable rusage struct.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru) };
    assert_eq!(rc, 0);
    ru.ru_maxrss
}

#[test]
fn streaming_validation_keeps_memory_bounded() {
    // `make stress` sets LEX_STREAM_BYTES to 1 GiB; the default keeps `make test` quick.
    let target: u64 = std::env::var("LEX_STREAM_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24 * 1024 * 1024);
    let d = tmpdir("mem");
    let f = d.join("stream.ndjson");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&f).unwrap());
    let base = example();
    let mut written = 0u64;
    let mut i = 0usize;
    while written < target {
        let line = with_id(&base, i) + "\n";
        w.write_all(line.as_bytes()).unwrap();
        written += line.len() as u64;
        i += 1;
    }
    drop(w);
    let out = lexedi()
        .args(["validate", "--json", "--jobs", "2"])
        .arg(&f)
        .stdout(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("\"messages\":{i},\"valid\":{i}")),
        "{stderr}"
    );
    let rss_mib = children_max_rss_kib() / 1024;
    eprintln!("validated {written} bytes ({i} messages), peak RSS {rss_mib} MiB");
    assert!(
        rss_mib < 64,
        "peak RSS {rss_mib} MiB for a {written}-byte stream"
    );
    std::fs::remove_dir_all(&d).unwrap();
}
