//! Rust benchmarks of lex against its peers, on the corpus of `lex-bench-corpus`.
//! Run by `make bench-rust` (release profile); prints a Markdown table and writes it to
//! `build/bench-results/rust.md`. A benchmark program, not a test: verdicts are compared and
//! reported, nothing else is asserted.

use criterion::{Criterion, Throughput};
use lex_core::api;
use lex_core::codec::WriteOptions;
use lex_core::format::Format;
use lex_core::options::ReadOptions;
use lex_core::validate::ValidateOptions;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod peers;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One measured row: group, function, input bytes.
struct Row {
    group: String,
    function: String,
    bytes: usize,
}

fn main() {
    let root = root();
    let corpus = std::env::var_os("LEX_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("build/bench-corpus"));
    let schemas = root.join("../shared/spec/lex-1.0/schemas");
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .configure_from_args();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    json_validate(&mut c, &corpus, &schemas, &mut rows, &mut notes);
    xml_read(&mut c, &corpus, &mut rows, &mut notes);
    edi_read_write(&mut c, &corpus, &mut rows, &mut notes);
    convert(&mut c, &corpus, &mut rows, &mut notes);
    c.final_summary();
    let table = render(&rows, &notes);
    println!("{table}");
    let out = root.join("build/bench-results");
    if std::fs::create_dir_all(&out).is_ok() && std::fs::write(out.join("rust.md"), &table).is_err()
    {
        eprintln!("cannot write build/bench-results/rust.md");
    }
}

fn read(corpus: &Path, name: &str) -> Option<Vec<u8>> {
    std::fs::read(corpus.join(name)).ok()
}

fn json_validate(
    c: &mut Criterion,
    corpus: &Path,
    schemas: &Path,
    rows: &mut Vec<Row>,
    notes: &mut Vec<String>,
) {
    let validators = match peers::SchemaPeer::load(schemas) {
        Ok(v) => Some(v),
        Err(e) => {
            notes.push(format!("jsonschema peer not measured: {e}"));
            None
        }
    };
    let opts = ValidateOptions::default();
    for size in ["small", "typical", "large"] {
        for kind in ["valid", "invalid"] {
            let name = format!("{size}-{kind}.json");
            let Some(input) = read(corpus, &name) else {
                notes.push(format!("{name} missing: run `make bench-corpus`"));
                continue;
            };
            let group = format!("json-validate/{size}-{kind}");
            let ours = api::validate_input(&input, Some(Format::Json), &opts).map(|r| r.valid);
            if let Some(v) = &validators {
                let theirs = v.is_valid(&input);
                if ours.as_ref().ok() != Some(&theirs) {
                    notes.push(format!(
                        "{name}: verdicts differ (lex {ours:?}, jsonschema {theirs})"
                    ));
                }
            }
            let mut g = c.benchmark_group(&group);
            g.throughput(Throughput::Bytes(input.len() as u64));
            g.bench_function("lex-validate", |b| {
                b.iter(|| api::validate_input(black_box(&input), Some(Format::Json), &opts))
            });
            g.bench_function("lex-parse", |b| {
                b.iter(|| {
                    api::parse(
                        black_box(&input),
                        Some(Format::Json),
                        &ReadOptions::default(),
                    )
                })
            });
            g.bench_function("serde_json-parse", |b| {
                b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&input)))
            });
            if let Some(v) = &validators {
                g.bench_function("jsonschema", |b| b.iter(|| v.is_valid(black_box(&input))));
            }
            g.finish();
            for f in [
                "lex-validate",
                "lex-parse",
                "serde_json-parse",
                "jsonschema",
            ] {
                if f != "jsonschema" || validators.is_some() {
                    rows.push(Row {
                        group: group.clone(),
                        function: f.into(),
                        bytes: input.len(),
                    });
                }
            }
        }
    }
}

fn xml_read(c: &mut Criterion, corpus: &Path, rows: &mut Vec<Row>, notes: &mut Vec<String>) {
    let Some(input) = read(corpus, "large-valid.xml") else {
        notes.push(
            "XML: the core cannot write XML on this branch yet; XML read not measured".into(),
        );
        return;
    };
    let group = "xml-read/large-valid".to_string();
    let mut g = c.benchmark_group(&group);
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function("lex-parse", |b| {
        b.iter(|| {
            api::parse(
                black_box(&input),
                Some(Format::Xml),
                &ReadOptions::default(),
            )
        })
    });
    g.bench_function("quick-xml-events", |b| {
        b.iter(|| peers::quick_xml_events(black_box(&input)))
    });
    g.finish();
    for f in ["lex-parse", "quick-xml-events"] {
        rows.push(Row {
            group: group.clone(),
            function: f.into(),
            bytes: input.len(),
        });
    }
}

fn edi_read_write(c: &mut Criterion, corpus: &Path, rows: &mut Vec<Row>, notes: &mut Vec<String>) {
    for (format, file) in [
        (Format::Edifact, "edifact-batch.edi"),
        (Format::X12, "x12-batch.x12"),
    ] {
        let Some(input) = read(corpus, file) else {
            notes.push(format!(
                "{}: the core cannot write it on this branch yet; not measured",
                format.as_str()
            ));
            continue;
        };
        let Ok(messages) = api::parse_all(&input, Some(format), &ReadOptions::default()) else {
            notes.push(format!("{file}: unreadable by the core; not measured"));
            continue;
        };
        let group = format!("{}-read/100-typical", format.as_str());
        let mut g = c.benchmark_group(&group);
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function("lex-parse_all", |b| {
            b.iter(|| api::parse_all(black_box(&input), Some(format), &ReadOptions::default()))
        });
        let mut peer_fns = vec!["lex-parse_all"];
        if format == Format::Edifact {
            g.bench_function("edifact-parser-segments", |b| {
                b.iter(|| peers::edifact_parser_segments(black_box(&input)))
            });
            peer_fns.push("edifact-parser-segments");
        }
        g.finish();
        for f in peer_fns {
            rows.push(Row {
                group: group.clone(),
                function: f.into(),
                bytes: input.len(),
            });
        }
        let group = format!("{}-write/100-typical", format.as_str());
        let mut g = c.benchmark_group(&group);
        g.throughput(Throughput::Bytes(input.len() as u64));
        let wopts = WriteOptions::default();
        g.bench_function("lex-serialize_all", |b| {
            b.iter(|| api::serialize_all(black_box(&messages), format, &wopts))
        });
        g.finish();
        rows.push(Row {
            group,
            function: "lex-serialize_all".into(),
            bytes: input.len(),
        });
    }
}

fn convert(c: &mut Criterion, corpus: &Path, rows: &mut Vec<Row>, notes: &mut Vec<String>) {
    let ropts = ReadOptions::default();
    let wopts = WriteOptions::default();
    for from in Format::ALL {
        let name = format!("typical-valid.{}", lex_bench::extension_of(from));
        let Some(input) = read(corpus, &name) else {
            continue;
        };
        for to in Format::ALL {
            if from == to || api::convert(&input, to, Some(from), &ropts, &wopts).is_err() {
                continue;
            }
            let group = format!("convert/{}-to-{}", from.as_str(), to.as_str());
            let mut g = c.benchmark_group(&group);
            g.throughput(Throughput::Bytes(input.len() as u64));
            g.bench_function("lex-convert", |b| {
                b.iter(|| api::convert(black_box(&input), to, Some(from), &ropts, &wopts))
            });
            g.finish();
            rows.push(Row {
                group,
                function: "lex-convert".into(),
                bytes: input.len(),
            });
        }
    }
    if rows.iter().all(|r| !r.group.starts_with("convert/")) {
        notes.push("convert: no pair available".into());
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

fn render(rows: &[Row], notes: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### Rust (criterion, release profile, one process)\n");
    let _ = writeln!(
        out,
        "| operation / input | implementation | bytes | µs/op | MB/s | this time ÷ lex time |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|");
    let mut lex_time: HashMap<&str, f64> = HashMap::new();
    for r in rows {
        if r.function.starts_with("lex-") && r.function != "lex-parse" {
            if let Some(t) = mean_ns(&r.group, &r.function) {
                lex_time.entry(&r.group).or_insert(t);
            }
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
