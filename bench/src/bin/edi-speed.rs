//! Quick X12 / EDIFACT throughput check: reads and writes the 100-message interchanges of the
//! benchmark corpus (`x12-batch.x12`, `edifact-batch.edi`) and prints MB/s (best of several
//! rounds). A small program for iterating on the EDI codecs; `make bench` (criterion) gives the
//! published figures.
//!
//! Usage: `edi-speed [CORPUS_DIR] [--rounds N] [--only x12|edifact] [--op read|write]` (run it
//! with `--release`; `--only`/`--op` narrow the run for a profiler).

use lex_bench::timing::{best_per_call as best, rounds_arg};
use lex_core::Format;
use lex_core::api;
use lex_core::api::ReadOptions;
use lex_core::api::WriteOptions;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let mut dir = PathBuf::from("build/bench-corpus");
    let mut rounds = 7u32;
    let mut only: Option<String> = None;
    let mut op: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--rounds" {
            match rounds_arg(args.next()) {
                Some(n) => rounds = n,
                None => {
                    eprintln!("--rounds needs a number");
                    return ExitCode::from(2);
                }
            }
        } else if a == "--only" {
            only = args.next();
        } else if a == "--op" {
            op = args.next();
        } else {
            dir = PathBuf::from(a);
        }
    }
    let mut status = ExitCode::SUCCESS;
    for (format, file) in [
        (Format::X12, "x12-batch.x12"),
        (Format::Edifact, "edifact-batch.edi"),
    ] {
        if only.as_deref().is_some_and(|o| o != format.as_str()) {
            continue;
        }
        let Ok(input) = std::fs::read(dir.join(file)) else {
            eprintln!("{file}: missing (run lex-bench-corpus first)");
            status = ExitCode::FAILURE;
            continue;
        };
        let ropts = ReadOptions::default();
        let wopts = WriteOptions::default();
        let messages = match api::parse_all(&input, Some(format), &ropts) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{file}: unreadable: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let wanted = |o: &str| op.as_deref().is_none_or(|x| x == o);
        let read = if wanted("read") {
            best(rounds, || {
                let _ = black_box(api::parse_all(black_box(&input), Some(format), &ropts));
            })
        } else {
            Duration::MAX
        };
        let write = if wanted("write") {
            best(rounds, || {
                let _ = black_box(api::serialize_all(black_box(&messages), format, &wopts));
            })
        } else {
            Duration::MAX
        };
        // The floor under the read: parsing the same messages from compact JSON (what the
        // payload blocks carry), in the same run.
        let jsons: Vec<String> = messages
            .iter()
            .filter_map(|m| api::serialize(m, Format::Json, &WriteOptions::default()).ok())
            .collect();
        let json = if wanted("read") {
            best(rounds, || {
                for j in &jsons {
                    let _ = black_box(api::parse(
                        black_box(j.as_bytes()),
                        Some(Format::Json),
                        &ropts,
                    ));
                }
            })
        } else {
            Duration::MAX
        };
        // `Duration::MAX` marks an operation left out by `--op`.
        let mbps = |d: Duration| {
            if d == Duration::MAX {
                "      —".to_string()
            } else {
                format!("{:7.1}", input.len() as f64 / d.as_secs_f64() / 1e6)
            }
        };
        let per_msg = |d: Duration| {
            if d == Duration::MAX {
                "     —".to_string()
            } else {
                format!(
                    "{:6.1}",
                    d.as_secs_f64() * 1e6 / messages.len().max(1) as f64
                )
            }
        };
        println!(
            "{:8} {} bytes, {} messages: read {} MB/s ({} µs/msg; JSON parse of the same messages {} µs/msg)  write {} MB/s ({} µs/msg)",
            format.as_str(),
            input.len(),
            messages.len(),
            mbps(read),
            per_msg(read),
            per_msg(json),
            mbps(write),
            per_msg(write)
        );
    }
    status
}
