//! `lexedi generate-assets DIR`: the completions and man pages the binary archive ships.

#![allow(clippy::unwrap_used)]

use std::process::Command;

#[test]
fn writes_completions_and_one_man_page_per_visible_command() {
    let dir = std::env::temp_dir().join(format!("lexedi-assets-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_lexedi"))
        .arg("generate-assets")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bash = std::fs::read_to_string(dir.join("completions/lexedi.bash")).unwrap();
    assert!(bash.contains("validate") && bash.contains("--max-bytes"));
    for f in ["_lexedi", "lexedi.fish", "lexedi.elv", "_lexedi.ps1"] {
        assert!(dir.join("completions").join(f).is_file(), "{f}");
    }
    let mut pages: Vec<String> = std::fs::read_dir(dir.join("man/man1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    for cmd in [
        "validate",
        "convert",
        "ack",
        "fingerprint",
        "new",
        "receive",
        "conformance",
    ] {
        assert!(
            pages.contains(&format!("lexedi-{cmd}.1")),
            "{cmd}: {pages:?}"
        );
    }
    assert!(pages.contains(&"lexedi.1".to_string()));
    assert!(
        !pages
            .iter()
            .any(|p| p.contains("help") || p.contains("generate")),
        "{pages:?}"
    );
    let top = std::fs::read_to_string(dir.join("man/man1/lexedi.1")).unwrap();
    assert!(
        top.starts_with(".ie") || top.contains(".TH lexedi"),
        "{}",
        &top[..80.min(top.len())]
    );
    // The command is hidden from --help: it is for packagers.
    let help = Command::new(env!("CARGO_BIN_EXE_lexedi"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&help.stdout).contains("generate-assets"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unwritable_directory_is_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_lexedi"))
        .args(["generate-assets", "/proc/lexedi-cannot-write-here"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write assets"));
}
