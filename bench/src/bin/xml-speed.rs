//! Quick XML-EDI read throughput check: reads `small-valid.xml`, `typical-valid.xml` and
//! `large-valid.xml` of the benchmark corpus and prints µs per read and MB/s (best of several
//! rounds). A small program for iterating on the XML reader; `make bench` (criterion) gives
//! the published figures.
//!
//! Usage: `xml-speed [CORPUS_DIR] [--rounds N]` (run it with `--release`).

use lex_bench::timing::{best_per_call, rounds_arg};
use lex_core::Format;
use lex_core::api;
use lex_core::api::ReadOptions;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut dir = PathBuf::from("build/bench-corpus");
    let mut rounds = 9u32;
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
        } else {
            dir = PathBuf::from(a);
        }
    }
    let mut status = ExitCode::SUCCESS;
    let opts = ReadOptions::default();
    for size in ["small", "typical", "large"] {
        let file = format!("{size}-valid.xml");
        let Ok(input) = std::fs::read(dir.join(&file)) else {
            eprintln!("{file}: missing (run lex-bench-corpus first)");
            status = ExitCode::FAILURE;
            continue;
        };
        if let Err(e) = api::parse_all(&input, Some(Format::Xml), &opts) {
            eprintln!("{file}: unreadable: {e}");
            status = ExitCode::FAILURE;
            continue;
        }
        let best = best_per_call(rounds, || {
            let _ = black_box(api::parse_all(black_box(&input), Some(Format::Xml), &opts));
        });
        let mbs = input.len() as f64 / best.as_secs_f64() / 1e6;
        println!(
            "{file:>20}: {:>7} bytes  {:>10.1} µs  {mbs:>7.1} MB/s",
            input.len(),
            best.as_secs_f64() * 1e6
        );
    }
    status
}
