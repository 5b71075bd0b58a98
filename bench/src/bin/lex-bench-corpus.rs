//! Writes the benchmark corpus (deterministic) into a directory, `build/bench-corpus` by default:
//!
//! - `{small,typical,large}-{valid,invalid}.{json,xml,x12,edi}`: one message per file, in
//!   every format the core can write (a format it cannot write yet is reported and skipped);
//! - `batch-10k.ndjson`: 10^4 compact JSON messages (mix in `lex_bench::batch_entry`);
//! - `x12-batch.x12` / `edifact-batch.edi`: one interchange with 100 typical messages, when
//!   the core can write the format (the EDI reader throughput inputs);
//! - `x12-batch-10k/part-NNN.x12`: the 10^4 messages of the NDJSON batch as 100 X12
//!   interchanges of 100 messages each (a directory, so `lexedi validate --jobs N` can share
//!   the files between workers);
//! - with `--ndjson-bytes N`: `big.ndjson`, at least N bytes of NDJSON (the memory run).
//!
//! Usage: `lex-bench-corpus [DIR] [--ndjson-bytes N]`

use lex_bench::{Size, batch_entry, compact_json, extension_of, render};
use lex_core::Format;
use lex_core::api;
use lex_core::api::ReadOptions;
use lex_core::api::WriteOptions;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut dir = PathBuf::from("build/bench-corpus");
    let mut ndjson_bytes: Option<u64> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--ndjson-bytes" {
            match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => ndjson_bytes = Some(n),
                None => {
                    eprintln!("--ndjson-bytes needs a number");
                    return ExitCode::from(2);
                }
            }
        } else {
            dir = PathBuf::from(a);
        }
    }
    match run(&dir, ndjson_bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lex-bench-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path, ndjson_bytes: Option<u64>) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    for format in Format::ALL {
        let mut skipped = None;
        for size in Size::ALL {
            for valid in [true, false] {
                match render(size, 1, valid, format) {
                    Ok(text) => {
                        let name = format!(
                            "{}-{}.{}",
                            size.name(),
                            if valid { "valid" } else { "invalid" },
                            extension_of(format)
                        );
                        fs::write(dir.join(name), text)?;
                    }
                    Err(e) => skipped = Some(e),
                }
            }
        }
        if let Some(e) = skipped {
            eprintln!("corpus: {} not (fully) written: {e}", format.as_str());
        }
    }
    write_interchanges(dir)?;
    write_x12_batch(&dir.join("x12-batch-10k"))?;
    let mut out = BufWriter::new(fs::File::create(dir.join("batch-10k.ndjson"))?);
    for i in 0..10_000 {
        let (size, valid) = batch_entry(i);
        writeln!(out, "{}", compact_json(size, i, valid))?;
    }
    out.flush()?;
    if let Some(limit) = ndjson_bytes {
        let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(dir.join("big.ndjson"))?);
        let (mut written, mut i) = (0u64, 0usize);
        while written < limit {
            let (size, valid) = batch_entry(i);
            let line = compact_json(size, i, valid);
            writeln!(out, "{line}")?;
            written += line.len() as u64 + 1;
            i += 1;
        }
        out.flush()?;
        eprintln!("corpus: big.ndjson has {i} messages, {written} bytes");
    }
    eprintln!("corpus: written to {}", dir.display());
    Ok(())
}

/// The 10^4 batch messages (same mix as the NDJSON batch) as 100 X12 interchanges.
fn write_x12_batch(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    for part in 0..100 {
        let mut messages = Vec::with_capacity(100);
        for i in part * 100..(part + 1) * 100 {
            let (size, valid) = batch_entry(i);
            let text = compact_json(size, i, valid);
            match api::parse(text.as_bytes(), Some(Format::Json), &ReadOptions::default()) {
                Ok(m) => messages.push(m),
                Err(e) => {
                    eprintln!("corpus: batch message {i} unreadable: {e}");
                    return Ok(());
                }
            }
        }
        match api::serialize_all(&messages, Format::X12, &WriteOptions::default()) {
            Ok(text) => fs::write(dir.join(format!("part-{part:03}.x12")), text)?,
            Err(e) => {
                eprintln!("corpus: x12-batch-10k not written: {e}");
                return Ok(());
            }
        }
    }
    Ok(())
}

/// One X12 and one EDIFACT interchange of 100 typical valid messages each (when writable).
fn write_interchanges(dir: &Path) -> std::io::Result<()> {
    let mut messages = Vec::new();
    for i in 0..100 {
        let text = compact_json(Size::Typical, i, true);
        match api::parse(text.as_bytes(), Some(Format::Json), &ReadOptions::default()) {
            Ok(m) => messages.push(m),
            Err(e) => {
                eprintln!("corpus: message {i} unreadable: {e}");
                return Ok(());
            }
        }
    }
    for (format, name) in [
        (Format::X12, "x12-batch.x12"),
        (Format::Edifact, "edifact-batch.edi"),
    ] {
        match api::serialize_all(&messages, format, &WriteOptions::default()) {
            Ok(text) => fs::write(dir.join(name), text)?,
            Err(e) => eprintln!("corpus: {name} not written: {e}"),
        }
    }
    Ok(())
}
