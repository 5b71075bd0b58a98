//! `lexedi validate`: files, directories, NDJSON streams and multi-message interchanges.

use crate::batch;
use crate::io::use_color;
use crate::limits::LimitArgs;
use crate::progress;
use crate::summary::Summary;
use lex_core::api::ValidateOptions;
use lex_core::api::value_to_json;
use lex_core::api::{ReadMode, ReadOptions};
use lex_core::{Error, Format, Level, Map, Report, Value, api};
use std::io::IsTerminal;

/// Arguments of `lexedi validate`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to validate (`-` for standard input). `.ndjson`/`.jsonl` files are
    /// read one message per line; X12/EDIFACT interchanges may hold several messages.
    #[arg(required = true)]
    files: Vec<String>,
    /// Conformance level (1, 2 or 3).
    #[arg(long, default_value_t = 2, value_parser = crate::args::level)]
    level: u8,
    /// Transition policy: `default` (a move off the published table is the warning
    /// STATUS_TRANSITION_UNLISTED) or `strict-table` (it is the error INVALID_STATUS_TRANSITION).
    #[arg(long, default_value = "default", value_parser = crate::args::policy)]
    transition_policy: lex_core::api::TransitionPolicy,
    /// Strict reading: normalisations are errors.
    #[arg(long)]
    strict: bool,
    /// Input format (default: detected from content).
    #[arg(long, value_parser = crate::args::format)]
    from: Option<Format>,
    /// One JSON result per line on standard output (the summary goes to standard error).
    #[arg(long)]
    json: bool,
    /// Read every input as NDJSON (one message per line), whatever its name.
    #[arg(long)]
    ndjson: bool,
    /// Worker threads (default 1).
    #[arg(long, short = 'j', default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: u16,
    /// Print the summary even for a single input (always printed on a terminal).
    #[arg(long)]
    summary: bool,
    /// Print every result, valid ones included (the default when standard output is not
    /// a terminal).
    #[arg(long, group = "shown")]
    all: bool,
    /// Print only the problems: invalid messages and unreadable inputs (the default on a
    /// terminal).
    #[arg(long, group = "shown")]
    problems: bool,
    /// Print no result line, only the summary; the exit code tells the verdict.
    #[arg(long, short = 'q', group = "shown")]
    quiet: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

type Outcome = Result<Vec<Report>, Error>;

/// Which results get a line of their own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    All,
    Problems,
    None,
}

impl Args {
    /// `--all`/`--problems`/`--quiet`, else problems on a terminal and everything otherwise.
    fn shown(&self, terminal: bool) -> Shown {
        if self.quiet {
            Shown::None
        } else if self.problems || (terminal && !self.all && !self.json) {
            Shown::Problems
        } else {
            Shown::All
        }
    }
}

/// Runs the command; returns the exit code (0 valid, 1 invalid, 2 unreadable; see
/// [`crate::exit`]).
pub fn run(args: Args) -> u8 {
    let limits = args.limits.to_limits();
    let opts = ValidateOptions {
        level: args.level,
        mode: if args.strict {
            ReadMode::Strict
        } else {
            ReadMode::Tolerant
        },
        limits,
        policy: args.transition_policy,
        ..ValidateOptions::default()
    };
    let read = ReadOptions {
        mode: opts.mode,
        limits,
    };
    let color = use_color();
    let terminal = std::io::stdout().is_terminal();
    let shown = args.shown(terminal);
    let mut summary = Summary::default();
    let mut items = 0u64;
    let pb = progress::spinner(!args.json);
    let from = args.from;
    batch::run(
        &args.files,
        args.ndjson,
        limits.max_input_bytes,
        usize::from(args.jobs),
        |item| -> Outcome {
            let bytes = item.bytes.as_ref().map_err(Clone::clone)?;
            let messages = api::parse_all(bytes, from, &read)?;
            Ok(messages.iter().map(|m| api::validate(m, &opts)).collect())
        },
        |name, outcome| {
            items += 1;
            match outcome {
                Ok(reports) => {
                    let many = reports.len() > 1;
                    for (k, report) in reports.iter().enumerate() {
                        summary.add_report(report);
                        pb.inc(1);
                        if shown == Shown::None || (shown == Shown::Problems && report.valid) {
                            continue;
                        }
                        let label = if many {
                            format!("{name}#{}", k + 1)
                        } else {
                            name.clone()
                        };
                        let text = if args.json {
                            json_line(&label, report)
                        } else {
                            human(&label, report, color)
                        };
                        pb.suspend(|| println!("{text}"));
                    }
                }
                Err(e) => {
                    summary.add_error(e.code());
                    if shown == Shown::None {
                        return;
                    }
                    pb.suspend(|| {
                        if args.json {
                            println!("{}", error_line(&name, &e));
                        } else {
                            eprintln!("{name}: error {e}");
                        }
                    });
                }
            }
        },
    );
    pb.finish_and_clear();
    // Hidden results are still counted: the summary says what they were.
    if args.summary || items > 1 || summary.messages > 1 || shown != Shown::All {
        if args.json {
            eprintln!("{}", summary.to_json());
        } else {
            print!("{}", summary.to_text());
        }
    }
    summary.exit_code()
}

fn json_line(name: &str, report: &Report) -> String {
    let mut m = Map::default();
    m.insert("file".into(), name.into());
    if let Value::Object(r) = report.to_value() {
        m.extend(r);
    }
    value_to_json(&Value::Object(m), false)
}

/// The JSON line for an unreadable input: `{"file", "error": {code, message, location...}}`.
pub fn error_line(name: &str, e: &Error) -> String {
    let mut m = Map::default();
    m.insert("file".into(), name.into());
    let mut err = Map::default();
    err.insert("code".into(), e.code().into());
    err.insert("message".into(), e.message.as_str().into());
    let loc = &e.location;
    for (k, v) in [
        ("line", loc.line),
        ("column", loc.column),
        ("offset", loc.offset),
        ("segment", loc.segment),
        ("element", loc.element),
        ("component", loc.component),
    ] {
        if let Some(v) = v {
            err.insert(k.into(), Value::int(v as i64));
        }
    }
    if let Some(s) = &loc.segment_id {
        err.insert("segmentId".into(), s.as_str().into());
    }
    m.insert("error".into(), Value::Object(err));
    value_to_json(&Value::Object(m), false)
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

fn human(name: &str, report: &Report, color: bool) -> String {
    let verdict = if report.valid { "valid" } else { "invalid" };
    let mut s = format!(
        "{name}: {verdict} ({} error(s), {} warning(s))",
        report.errors.len(),
        report.warnings.len()
    );
    for i in report.issues() {
        s.push_str(&format!(
            "\n  {} {} {}: {}",
            paint(i.level.as_str(), i.level, color),
            i.code,
            if i.pointer.is_empty() {
                "/"
            } else {
                &i.pointer
            },
            i.message
        ));
    }
    s
}
