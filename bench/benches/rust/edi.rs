//! XML read vs `quick-xml` raw events; X12 read/write vs `x12-types`; EDIFACT read vs
//! `edifact-parser` and write (lex only). The EDI inputs are the 100-typical interchanges.

use crate::{Ctx, Row, peers};
use criterion::Throughput;
use lex_core::Format;
use lex_core::api;
use lex_core::api::ReadOptions;
use lex_core::api::WriteOptions;
use std::hint::black_box;

/// XML read of every size: lex builds the message; `quick-xml` reads every raw event of the
/// same document (the floor every XML reader built on it pays).
pub fn xml_read(ctx: &mut Ctx) {
    for size in ["small", "typical", "large"] {
        let name = format!("{size}-valid.xml");
        let Some(input) = ctx.read(&name) else {
            continue;
        };
        if let Err(e) = api::parse(&input, Some(Format::Xml), &ReadOptions::default()) {
            ctx.notes.push(format!("{name}: unreadable by lex: {e}"));
            continue;
        }
        let group = format!("xml-read/{size}-valid");
        let mut g = ctx.c.benchmark_group(&group);
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function("lex-read", |b| {
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
        ctx.rows.push(Row::new(&group, "lex-read", input.len()));
        ctx.rows
            .push(Row::new(&group, "quick-xml-events", input.len()));
    }
}

/// Reads the interchange with lex; `None` (with a note) when missing or unreadable.
fn interchange(
    ctx: &mut Ctx,
    file: &str,
    format: Format,
) -> Option<(Vec<u8>, Vec<lex_core::Message>)> {
    let input = ctx.read(file)?;
    match api::parse_all(&input, Some(format), &ReadOptions::default()) {
        Ok(m) => Some((input, m)),
        Err(e) => {
            ctx.notes.push(format!("{file}: unreadable by lex: {e}"));
            None
        }
    }
}

/// lex's read and write rows of one interchange (the peers are added by the caller).
fn lex_read_write(
    ctx: &mut Ctx,
    format: Format,
    input: &[u8],
    messages: &[lex_core::Message],
) -> (String, String) {
    let read = format!("{}-read/100-typical", format.as_str());
    let write = format!("{}-write/100-typical", format.as_str());
    let mut g = ctx.c.benchmark_group(&read);
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function("lex-parse_all", |b| {
        b.iter(|| api::parse_all(black_box(input), Some(format), &ReadOptions::default()))
    });
    g.finish();
    let mut g = ctx.c.benchmark_group(&write);
    g.throughput(Throughput::Bytes(input.len() as u64));
    let wopts = WriteOptions::default();
    g.bench_function("lex-serialize_all", |b| {
        b.iter(|| api::serialize_all(black_box(messages), format, &wopts))
    });
    g.finish();
    (read, write)
}

/// X12 850 interchange of 100 typical messages: lex vs `x12-types` (typed 005010 850
/// bindings, MIT OR Apache-2.0) reading into its structs and writing them back.
pub fn x12(ctx: &mut Ctx) {
    let Some((input, messages)) = interchange(ctx, "x12-batch.x12", Format::X12) else {
        return;
    };
    let (read, write) = lex_read_write(ctx, Format::X12, &input, &messages);
    let peer = x12_peer(ctx, &input, &read, &write);
    let n = input.len();
    ctx.rows.push(Row::new(&read, "lex-parse_all", n));
    if peer {
        ctx.rows.push(Row::new(&read, "x12-types-parse", n));
    }
    ctx.rows.push(Row::new(&write, "lex-serialize_all", n));
    if peer {
        ctx.rows.push(Row::new(&write, "x12-types-display", n));
    }
}

/// Measures the `x12-types` peer when it can read the interchange; true when measured.
#[cfg(feature = "x12-peer")]
fn x12_peer(ctx: &mut Ctx, input: &[u8], read: &str, write: &str) -> bool {
    let parsed = match peers::x12::parse(input) {
        Ok((t, n)) => {
            let same = peers::x12::write(&t).as_bytes() == input;
            ctx.notes.push(format!(
                "x12-batch.x12: x12-types reads {n} transaction sets{}",
                if same {
                    " and writes the interchange back byte for byte"
                } else {
                    "; its writer's output differs from the input"
                }
            ));
            t
        }
        Err(e) => {
            ctx.notes.push(format!(
                "x12-batch.x12: x12-types cannot read it ({e}); not measured"
            ));
            return false;
        }
    };
    let mut g = ctx.c.benchmark_group(read);
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function("x12-types-parse", |b| {
        b.iter(|| peers::x12::parse(black_box(input)))
    });
    g.finish();
    let mut g = ctx.c.benchmark_group(write);
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function("x12-types-display", |b| {
        b.iter(|| peers::x12::write(black_box(&parsed)))
    });
    g.finish();
    true
}

/// Without the `x12-peer` feature: a note instead of the peer rows.
#[cfg(not(feature = "x12-peer"))]
fn x12_peer(ctx: &mut Ctx, _input: &[u8], _read: &str, _write: &str) -> bool {
    ctx.notes.push(
        "X12 peer `x12-types` not built (feature `x12-peer`, which `make bench-rust` enables)"
            .into(),
    );
    false
}

/// EDIFACT ORDERS interchange of 100 typical messages: lex vs `edifact-parser` segment
/// events (read); no permissively licensed Rust EDIFACT writer is measured.
pub fn edifact(ctx: &mut Ctx) {
    let Some((input, messages)) = interchange(ctx, "edifact-batch.edi", Format::Edifact) else {
        return;
    };
    let (read, write) = lex_read_write(ctx, Format::Edifact, &input, &messages);
    let mut g = ctx.c.benchmark_group(&read);
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function("edifact-parser-segments", |b| {
        b.iter(|| peers::edifact_parser_segments(black_box(&input)))
    });
    g.finish();
    ctx.rows.push(Row::new(&read, "lex-parse_all", input.len()));
    ctx.rows
        .push(Row::new(&read, "edifact-parser-segments", input.len()));
    ctx.rows
        .push(Row::new(&write, "lex-serialize_all", input.len()));
}
