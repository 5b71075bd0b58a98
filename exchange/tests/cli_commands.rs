//! The real binary: `lexedi serve` stops cleanly on SIGTERM, `lexedi db backup` and
//! `lexedi erase` work on its store. Skipped (one line) without the binary (`LEXEDI`, else
//! `target/debug/lexedi`).

mod common;

use common::{TOKEN_A, lead};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn binary() -> Option<PathBuf> {
    let p = std::env::var_os("LEXEDI")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/lexedi"));
    p.exists().then_some(p)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_sigterm_backup_and_erase() {
    let Some(bin) = binary() else {
        println!("skipped: no lexedi binary (build lex-cli or set LEXEDI)");
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("x.db");
    let mut child = Command::new(&bin)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--token",
            TOKEN_A,
            "--db",
        ])
        .arg(&db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("line");
    let url = line.trim().rsplit(' ').next().expect("url").to_string();
    let c = common::client();
    let m = lead(
        "5f0c6a1e-0000-4000-8000-0000000000f1",
        "LEAD-CLI-0001",
        "EXPRESSED_INTEREST",
    );
    let (st, _) = common::post_json(&c, &url, TOKEN_A, &m).await;
    assert_eq!(st, 200);
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(term.success());
    let exit = child.wait().expect("exits");
    assert_eq!(exit.code(), Some(0), "a clean shutdown on SIGTERM");

    let backup = tmp.path().join("b.db");
    let out = Command::new(&bin)
        .args(["db", "backup", "--db"])
        .arg(&db)
        .arg("--to")
        .arg(&backup)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(common::count_messages(&backup), 1);

    let out = Command::new(&bin)
        .args(["erase", "--org", "local", "--lead", "LEAD-CLI-0001", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "erased 1 messages"
    );
    let conn = rusqlite::Connection::open(&db).expect("db");
    let pruned: String = conn
        .query_row("SELECT pruned FROM messages", [], |r| r.get(0))
        .expect("row");
    assert_eq!(pruned, "erased");
    let out = Command::new(&bin)
        .args(["db", "backup", "--db", "/nonexistent/x.db", "--to"])
        .arg(&backup)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
