//! The README's newcomer commands are executed here, so they never rot.

use std::path::PathBuf;
use std::process::Command;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

/// The shell lines of the first ```sh block after the "## Build from source" heading.
fn try_it_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("README.md");
    let section = readme
        .split("## Build from source")
        .nth(1)
        .expect("a '## Build from source' section");
    let block = section.split("```sh").nth(1).expect("a sh block");
    let block = block.split("```").next().expect("a closed block");
    block
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn readme_shows_exactly_the_two_newcomer_commands() {
    let cmds = try_it_commands();
    assert_eq!(cmds.len(), 2, "{cmds:?}");
    assert_eq!(cmds[1], "make test");
    assert!(
        cmds[0].starts_with("cargo run -p lex-cli -- "),
        "{}",
        cmds[0]
    );
}

#[test]
fn readme_main_command_validates_the_bundled_example() {
    let cmds = try_it_commands();
    let args: Vec<&str> = cmds[0]
        .trim_start_matches("cargo run -p lex-cli -- ")
        .split_whitespace()
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_lexedi"))
        .args(&args)
        .current_dir(repo_root())
        .output()
        .expect("lexedi runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("examples/lead.json: valid (0 error(s), 0 warning(s))"),
        "{stdout}"
    );
}

#[test]
fn makefile_has_the_test_target_and_ci_calls_it() {
    let root = repo_root();
    let mk = std::fs::read_to_string(root.join("Makefile")).expect("Makefile");
    assert!(mk.lines().any(|l| l.starts_with("test:")));
    let ci = std::fs::read_to_string(root.join(".ci/run")).expect(".ci/run");
    assert!(ci.contains("make test"));
}
