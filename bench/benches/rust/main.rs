//! Rust benchmarks of lex against its peers, on the corpus of `lex-bench-corpus`.
//! Run by `make bench-rust` (release profile); prints a Markdown table and writes it to
//! `build/bench-results/rust.md`. A benchmark program, not a test: verdicts are compared and
//! reported under the table, nothing else is asserted.

use criterion::Criterion;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod convert;
mod edi;
mod json;
mod peers;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One measured row: group, function, input bytes.
pub struct Row {
    group: String,
    function: String,
    bytes: usize,
}

impl Row {
    fn new(group: &str, function: &str, bytes: usize) -> Row {
        Row {
            group: group.to_string(),
            function: function.to_string(),
            bytes,
        }
    }
}

/// What every benchmark section writes to: criterion, the corpus, the rows and the notes.
pub struct Ctx {
    c: Criterion,
    corpus: PathBuf,
    rows: Vec<Row>,
    notes: Vec<String>,
}

impl Ctx {
    /// The bytes of a corpus file, or a note saying it is missing.
    fn read(&mut self, name: &str) -> Option<Vec<u8>> {
        match std::fs::read(self.corpus.join(name)) {
            Ok(b) => Some(b),
            Err(_) => {
                self.notes
                    .push(format!("{name} missing: run `make bench-corpus`"));
                None
            }
        }
    }
}

fn main() {
    let root = root();
    let corpus = std::env::var_os("LEX_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("build/bench-corpus"));
    let spec = std::env::var_os("LEX_SPEC_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/spec/lex-1.0"));
    let schemas = spec.join("schemas");
    let c = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(20)
        .nresamples(20_000)
        .configure_from_args();
    let mut ctx = Ctx {
        c,
        corpus,
        rows: Vec::new(),
        notes: Vec::new(),
    };
    json::validate(&mut ctx, &schemas);
    json::levels(&mut ctx);
    edi::xml_read(&mut ctx);
    edi::x12(&mut ctx);
    edi::edifact(&mut ctx);
    convert::pairs(&mut ctx);
    ctx.c.final_summary();
    let table = render(&ctx.rows, &ctx.notes);
    println!("{table}");
    let out = root.join("build/bench-results");
    if std::fs::create_dir_all(&out).is_ok() && std::fs::write(out.join("rust.md"), &table).is_err()
    {
        eprintln!("cannot write build/bench-results/rust.md");
    }
}

/// Mean time per iteration in ns, from criterion's saved estimates.
fn mean_ns(group: &str, function: &str) -> Option<f64> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let path = target
        .join("criterion")
        .join(group.replace('/', "_"))
        .join(function)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["mean"]["point_estimate"].as_f64()
}

/// The lex row a group's peers are compared with: its first `lex-` function other than
/// `lex-parse` (which is lex's own floor in the JSON groups).
fn is_reference(function: &str) -> bool {
    function.starts_with("lex-") && function != "lex-parse"
}

fn render(rows: &[Row], notes: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### Rust (criterion, release profile, one process)\n");
    let _ = writeln!(
        out,
        "| operation / input | implementation | bytes | µs/op | MB/s | this time ÷ lex time |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|");
    let mut lex_time: HashMap<&str, f64> = HashMap::new();
    for r in rows.iter().filter(|r| is_reference(&r.function)) {
        if let Some(t) = mean_ns(&r.group, &r.function) {
            lex_time.entry(&r.group).or_insert(t);
        }
    }
    for r in rows {
        let Some(t) = mean_ns(&r.group, &r.function) else {
            let _ = writeln!(
                out,
                "| {} | {} | {} | — | — | not measured |",
                r.group, r.function, r.bytes
            );
            continue;
        };
        let mbps = r.bytes as f64 / t * 1e3;
        let ratio = match lex_time.get(r.group.as_str()) {
            Some(lex) if !r.function.starts_with("lex-") => format!("{:.2}×", t / lex),
            _ => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2} | {:.1} | {} |",
            r.group,
            r.function,
            r.bytes,
            t / 1e3,
            mbps,
            ratio
        );
    }
    if !notes.is_empty() {
        let _ = writeln!(out);
        for n in notes {
            let _ = writeln!(out, "- {n}");
        }
    }
    out
}
