//! `lexedi validate`.

use crate::io::{print_error, read_input, use_color};
use lex_core::codec::json_write;
use lex_core::options::ReadMode;
use lex_core::validate::ValidateOptions;
use lex_core::{Format, Level, Map, Report, Value, api};

/// Arguments of `lexedi validate`.
#[derive(clap::Args)]
pub struct Args {
    /// Files to validate (`-` for standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Conformance level (1, 2 or 3).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=3))]
    level: u8,
    /// Strict reading: normalisations are errors.
    #[arg(long)]
    strict: bool,
    /// Input format (default: detected from content).
    #[arg(long, value_parser = parse_format)]
    from: Option<Format>,
    /// One JSON result per file on standard output.
    #[arg(long)]
    json: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("unknown format '{s}' (json, xml, x12, edifact)"))
}

/// Runs the command; returns the exit code (0 valid, 1 invalid, 2 unreadable).
pub fn run(args: Args) -> u8 {
    let opts = ValidateOptions {
        level: args.level,
        mode: if args.strict {
            ReadMode::Strict
        } else {
            ReadMode::Tolerant
        },
        ..ValidateOptions::default()
    };
    let color = use_color();
    let mut worst = 0u8;
    for path in &args.files {
        let result =
            read_input(path).and_then(|bytes| api::validate_input(&bytes, args.from, &opts));
        match result {
            Ok(report) => {
                if !report.valid {
                    worst = worst.max(1);
                }
                if args.json {
                    println!("{}", json_line(path, &report));
                } else {
                    print_human(path, &report, color);
                }
            }
            Err(e) => {
                worst = 2;
                if args.json {
                    let mut m = Map::new();
                    m.insert("file".into(), path.as_str().into());
                    let mut err = Map::new();
                    err.insert("code".into(), e.code().into());
                    err.insert("message".into(), e.message.as_str().into());
                    if let Some(l) = e.location.line {
                        err.insert("line".into(), Value::int(l as i64));
                    }
                    if let Some(c) = e.location.column {
                        err.insert("column".into(), Value::int(c as i64));
                    }
                    if let Some(o) = e.location.offset {
                        err.insert("offset".into(), Value::int(o as i64));
                    }
                    if let Some(s) = e.location.segment {
                        err.insert("segment".into(), Value::int(s as i64));
                    }
                    m.insert("error".into(), Value::Object(err));
                    println!("{}", json_write::to_string(&Value::Object(m), false));
                } else {
                    print_error(path, &e);
                }
            }
        }
    }
    worst
}

fn json_line(path: &str, report: &Report) -> String {
    let mut m = Map::new();
    m.insert("file".into(), path.into());
    if let Value::Object(r) = report.to_value() {
        m.extend(r);
    }
    json_write::to_string(&Value::Object(m), false)
}

fn paint(text: &str, level: Level, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let code = match level {
        Level::Critical => "1;31",
        Level::Error => "31",
        Level::Warning => "33",
        Level::Info => "36",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

fn print_human(path: &str, report: &Report, color: bool) {
    let verdict = if report.valid { "valid" } else { "invalid" };
    println!(
        "{path}: {verdict} ({} error(s), {} warning(s))",
        report.errors.len(),
        report.warnings.len()
    );
    for i in report.issues() {
        println!(
            "  {} {} {}: {}",
            paint(i.level.as_str(), i.level, color),
            i.code,
            if i.pointer.is_empty() {
                "/"
            } else {
                &i.pointer
            },
            i.message
        );
    }
}
