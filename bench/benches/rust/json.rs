//! JSON validation: lex vs `serde_json` parse alone vs the `jsonschema` crate, the verdict
//! agreement of every invalid corpus file and single-defect variant, and lex's levels 1–3.

use crate::{Ctx, Row, peers};
use criterion::Throughput;
use lex_core::Format;
use lex_core::Report;
use lex_core::api;
use lex_core::api::ReadOptions;
use lex_core::api::ValidateOptions;
use std::hint::black_box;
use std::path::Path;

/// `lex valid` / `lex invalid (CODE /pointer, ...)` for a report.
fn verdict(report: &Report) -> String {
    if report.valid {
        let warned: Vec<String> = report
            .warnings
            .iter()
            .map(|i| format!("WARNING {} {}", i.code, i.pointer))
            .collect();
        if warned.is_empty() {
            "lex valid".into()
        } else {
            format!("lex valid ({})", warned.join(", "))
        }
    } else {
        let errors: Vec<String> = report
            .errors
            .iter()
            .map(|i| format!("{} {}", i.code, i.pointer))
            .collect();
        format!("lex invalid ({})", errors.join(", "))
    }
}

/// Validates every size, valid and invalid, with lex, `serde_json` alone and `jsonschema`;
/// writes a verdict note for every invalid file (every format) and every single defect.
pub fn validate(ctx: &mut Ctx, schemas: &Path) {
    let peer = match peers::SchemaPeer::load(schemas) {
        Ok(v) => Some(v),
        Err(e) => {
            ctx.notes.push(format!("jsonschema peer not measured: {e}"));
            None
        }
    };
    let opts = ValidateOptions::default();
    for size in ["small", "typical", "large"] {
        for kind in ["valid", "invalid"] {
            let name = format!("{size}-{kind}.json");
            let Some(input) = ctx.read(&name) else {
                continue;
            };
            agreement(
                ctx,
                &name,
                &input,
                Format::Json,
                peer.as_ref(),
                kind == "valid",
            );
            if kind == "invalid" {
                for (format, ext) in [
                    (Format::Xml, "xml"),
                    (Format::X12, "x12"),
                    (Format::Edifact, "edi"),
                ] {
                    let other = format!("{size}-invalid.{ext}");
                    if let Some(bytes) = ctx.read(&other) {
                        agreement(ctx, &other, &bytes, format, None, false);
                    }
                }
            }
            let group = format!("json-validate/{size}-{kind}");
            let mut g = ctx.c.benchmark_group(&group);
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
            if let Some(v) = &peer {
                g.bench_function("jsonschema", |b| b.iter(|| v.is_valid(black_box(&input))));
            }
            g.finish();
            for f in ["lex-validate", "lex-parse", "serde_json-parse"] {
                ctx.rows.push(Row::new(&group, f, input.len()));
            }
            if peer.is_some() {
                ctx.rows.push(Row::new(&group, "jsonschema", input.len()));
            }
        }
    }
    if let Some(v) = &peer {
        defects(ctx, v);
    }
}

/// One verdict note: lex's verdict (with its errors) and, for JSON, the schema peer's.
/// `expected` is what the corpus means the file to be.
fn agreement(
    ctx: &mut Ctx,
    name: &str,
    input: &[u8],
    format: Format,
    peer: Option<&peers::SchemaPeer>,
    expected: bool,
) {
    let ours = match api::validate_input(input, Some(format), &ValidateOptions::default()) {
        Ok(r) => r,
        Err(e) => {
            ctx.notes.push(format!("{name}: lex cannot read it: {e}"));
            return;
        }
    };
    let theirs = peer.map(|p| p.is_valid(input));
    if expected && ours.valid && theirs != Some(false) {
        return; // a valid file every implementation accepts: nothing to say
    }
    let peer_text = match theirs {
        Some(t) => format!(", jsonschema {}", if t { "valid" } else { "invalid" }),
        None => String::new(),
    };
    let outcome = match (
        ours.valid == expected,
        theirs.is_none_or(|t| t == ours.valid),
    ) {
        (true, true) => "agree",
        (false, _) => "**lex disagrees with the corpus**",
        (true, false) => "**verdicts differ**",
    };
    ctx.notes
        .push(format!("{name}: {}{peer_text}: {outcome}", verdict(&ours)));
}

/// The verdict of lex (default level) and `jsonschema` on each single-defect variant.
fn defects(ctx: &mut Ctx, peer: &peers::SchemaPeer) {
    for d in lex_bench::defects() {
        let (name, text) = (d.name, d.tree.to_string());
        let theirs = peer.is_valid(text.as_bytes());
        match api::validate_input(
            text.as_bytes(),
            Some(Format::Json),
            &ValidateOptions::default(),
        ) {
            Ok(r) => {
                let same = match (r.valid == theirs, d.lex_accepts_because) {
                    (true, _) => "agree".to_string(),
                    (false, Some(why)) => format!("**verdicts differ**: {why}"),
                    (false, None) => "**verdicts differ** (unexpected)".to_string(),
                };
                ctx.notes.push(format!(
                    "defect \"{name}\" alone (typical message): {}, jsonschema {}: {same}",
                    verdict(&r),
                    if theirs { "valid" } else { "invalid" }
                ));
            }
            Err(e) => ctx
                .notes
                .push(format!("defect \"{name}\": lex cannot read it: {e}")),
        }
    }
}

/// Validation of the typical message at conformance levels 1, 2 and 3: from JSON text
/// (`validate_input`) and rules only (`validate` on a message read once).
pub fn levels(ctx: &mut Ctx) {
    for kind in ["valid", "invalid"] {
        let name = format!("typical-{kind}.json");
        let Some(input) = ctx.read(&name) else {
            continue;
        };
        let Ok(message) = api::parse(&input, Some(Format::Json), &ReadOptions::default()) else {
            ctx.notes.push(format!("{name}: unreadable by lex"));
            continue;
        };
        let group = format!("validate-levels/typical-{kind}");
        let mut g = ctx.c.benchmark_group(&group);
        g.throughput(Throughput::Bytes(input.len() as u64));
        let mut verdicts = Vec::new();
        for level in 1..=3u8 {
            let opts = ValidateOptions {
                level,
                ..ValidateOptions::default()
            };
            verdicts.push(format!(
                "L{level} {}",
                if api::validate(&message, &opts).valid {
                    "valid"
                } else {
                    "invalid"
                }
            ));
            g.bench_function(format!("lex-validate-L{level}"), |b| {
                b.iter(|| api::validate_input(black_box(&input), Some(Format::Json), &opts))
            });
            g.bench_function(format!("lex-rules-only-L{level}"), |b| {
                b.iter(|| api::validate(black_box(&message), &opts))
            });
        }
        g.finish();
        for level in 1..=3 {
            ctx.rows.push(Row::new(
                &group,
                &format!("lex-validate-L{level}"),
                input.len(),
            ));
            ctx.rows.push(Row::new(
                &group,
                &format!("lex-rules-only-L{level}"),
                input.len(),
            ));
        }
        ctx.notes
            .push(format!("{name} by level: {}", verdicts.join(", ")));
    }
}
