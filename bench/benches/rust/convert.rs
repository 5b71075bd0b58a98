//! Convert throughput for each of the 12 ordered format pairs on the typical message.

use crate::{Ctx, Row};
use criterion::Throughput;
use lex_core::Format;
use lex_core::api;
use lex_core::api::ReadOptions;
use lex_core::api::WriteOptions;
use std::hint::black_box;

/// `convert/<from>-to-<to>`: read the typical valid message in `from`, write it in `to`.
pub fn pairs(ctx: &mut Ctx) {
    let ropts = ReadOptions::default();
    let wopts = WriteOptions::default();
    for from in Format::ALL {
        let name = format!("typical-valid.{}", lex_bench::extension_of(from));
        let Some(input) = ctx.read(&name) else {
            continue;
        };
        for to in Format::ALL {
            if from == to {
                continue;
            }
            if let Err(e) = api::convert(&input, to, Some(from), &ropts, &wopts) {
                ctx.notes.push(format!(
                    "convert {} → {}: not measured, lex fails: {e}",
                    from.as_str(),
                    to.as_str()
                ));
                continue;
            }
            let group = format!("convert/{}-to-{}", from.as_str(), to.as_str());
            let mut g = ctx.c.benchmark_group(&group);
            g.throughput(Throughput::Bytes(input.len() as u64));
            g.bench_function("lex-convert", |b| {
                b.iter(|| api::convert(black_box(&input), to, Some(from), &ropts, &wopts))
            });
            g.finish();
            ctx.rows.push(Row::new(&group, "lex-convert", input.len()));
        }
    }
}
