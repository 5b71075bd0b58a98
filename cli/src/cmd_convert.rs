//! `lexedi convert`: one input to one output, or a batch (several files, directories, NDJSON
//! streams) streamed item by item.

use crate::batch;
use crate::cmd_validate::error_line;
use crate::exit;
use crate::io::{print_error, read_input, write_output};
use crate::limits::LimitArgs;
use crate::summary::Summary;
use lex_core::api::{ReadMode, ReadOptions, WriteOptions, value_to_json};
use lex_core::{Error, ErrorKind, Format, Issue, Map, Value, api};
use std::io::Write;

/// Arguments of `lexedi convert`.
#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories (`-` for standard input). With one plain file, its messages
    /// become one output document (one interchange for X12/EDIFACT). With several inputs, a
    /// directory or an NDJSON stream, each item is converted on its own and streamed out:
    /// NDJSON lines for `--to json`, one interchange per item for X12/EDIFACT, one file per
    /// message in the `-o` directory for `--to xml`.
    #[arg(required = true)]
    files: Vec<String>,
    /// Target format: json, xml, x12 or edifact.
    #[arg(long, value_parser = crate::args::format)]
    to: Format,
    /// Source format (default: detected from content).
    #[arg(long, value_parser = crate::args::format)]
    from: Option<Format>,
    /// Pretty output (the default for a single document).
    #[arg(long, conflicts_with = "compact")]
    pretty: bool,
    /// Compact output.
    #[arg(long)]
    compact: bool,
    /// Strict reading.
    #[arg(long)]
    strict: bool,
    /// Read every input as NDJSON (one message per line), whatever its name.
    #[arg(long)]
    ndjson: bool,
    /// Worker threads for batches (default 1).
    #[arg(long, short = 'j', default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: u16,
    /// Output file (a directory for a batch converted to XML; default: standard output).
    #[arg(short, long)]
    output: Option<String>,
    /// Errors, warnings and the batch summary as JSON lines on standard error (default:
    /// human text).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

fn is_batch(args: &Args) -> bool {
    args.ndjson
        || args.files.len() > 1
        || args.files.iter().any(|f| {
            let p = std::path::Path::new(f);
            p.is_dir()
                || matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("ndjson" | "jsonl")
                )
        })
}

/// Runs the command; returns the exit code (0 done, 2 something could not be converted,
/// 64 a usage error; see [`crate::exit`]).
pub fn run(args: Args) -> u8 {
    let read = ReadOptions {
        mode: if args.strict {
            ReadMode::Strict
        } else {
            ReadMode::Tolerant
        },
        limits: args.limits.to_limits(),
    };
    if is_batch(&args) {
        return run_batch(&args, &read);
    }
    let write = WriteOptions {
        pretty: !args.compact,
        ..WriteOptions::default()
    };
    let file = &args.files[0];
    let result = read_input(file)
        .and_then(|bytes| api::convert_with_warnings(&bytes, args.to, args.from, &read, &write))
        .and_then(|(text, warnings)| {
            report_warnings(file, &warnings, args.json);
            write_output(args.output.as_deref(), &text)
        });
    match result {
        Ok(()) => exit::OK,
        Err(e) => {
            report_error(file, &e, args.json);
            exit::UNREADABLE
        }
    }
}

/// An input that could not be converted, on standard error.
fn report_error(name: &str, e: &Error, json: bool) {
    if json {
        eprintln!("{}", error_line(name, e));
    } else {
        print_error(name, e);
    }
}

/// The writer's warnings (an invented interchange id), on standard error.
fn report_warnings(name: &str, warnings: &[Issue], json: bool) {
    for w in warnings {
        if json {
            let mut m = Map::default();
            m.insert("file".into(), name.into());
            let mut v = Map::default();
            v.insert("code".into(), w.code.as_str().into());
            v.insert("pointer".into(), w.pointer.as_str().into());
            v.insert("message".into(), w.message.as_str().into());
            m.insert("warning".into(), Value::Object(v));
            eprintln!("{}", value_to_json(&Value::Object(m), false));
        } else {
            eprintln!("{name}: warning {} {}: {}", w.code, w.pointer, w.message);
        }
    }
}

/// Where batch output goes.
enum Sink {
    Stream(Box<dyn Write>),
    Dir(std::path::PathBuf),
}

fn io_error(what: &str, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what}: {e}"))
}

fn open_sink(args: &Args) -> Result<Sink, Error> {
    match (args.to, args.output.as_deref()) {
        (Format::Xml, Some(dir)) => {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
            Ok(Sink::Dir(dir.into()))
        }
        (Format::Xml, None) => Err(Error::invalid_argument(
            "a batch converted to XML needs -o DIR (one XML document per message)",
        )),
        (_, Some(p)) if p != "-" => {
            let f = std::fs::File::create(p).map_err(|e| io_error(p, e))?;
            Ok(Sink::Stream(Box::new(std::io::BufWriter::new(f))))
        }
        _ => Ok(Sink::Stream(Box::new(std::io::BufWriter::new(
            std::io::stdout(),
        )))),
    }
}

/// A file name for one message of one item: `a/b.json:7` → `a_b.json_7-1.xml`.
fn file_name(item: &str, k: usize) -> String {
    let safe: String = item
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}-{k}.xml", safe.trim_start_matches(['.', '_']))
}

fn run_batch(args: &Args, read: &ReadOptions) -> u8 {
    let mut sink = match open_sink(args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("lexedi convert: {e}");
            return if e.kind == ErrorKind::InvalidArgument {
                exit::USAGE
            } else {
                exit::UNREADABLE
            };
        }
    };
    // Streams are compact (one NDJSON line per message); XML files follow --compact.
    let write = WriteOptions {
        pretty: args.to == Format::Xml && !args.compact,
        ..WriteOptions::default()
    };
    let to = args.to;
    let from = args.from;
    let json = args.json;
    let mut summary = Summary::default();
    let mut failed_write: Option<Error> = None;
    batch::run(
        &args.files,
        args.ndjson,
        read.limits.max_input_bytes,
        usize::from(args.jobs),
        |item| -> Result<(usize, Vec<String>, Vec<Issue>), Error> {
            let bytes = item.bytes.as_ref().map_err(Clone::clone)?;
            let messages = api::parse_all(bytes, from, read)?;
            let mut warnings = Vec::new();
            let texts = match to {
                Format::Json | Format::Xml => messages
                    .iter()
                    .map(|m| api::serialize(m, to, &write))
                    .collect::<Result<Vec<_>, _>>()?,
                Format::X12 | Format::Edifact => {
                    let (text, w) = api::serialize_with_warnings(&messages, to, &write)?;
                    warnings = w;
                    vec![text]
                }
            };
            Ok((messages.len(), texts, warnings))
        },
        |name, outcome| match outcome {
            Ok((n, texts, warnings)) => {
                report_warnings(&name, &warnings, json);
                summary.messages += n as u64;
                summary.valid += n as u64;
                for (k, text) in texts.iter().enumerate() {
                    let r = match &mut sink {
                        Sink::Stream(w) => writeln!(w, "{}", text.trim_end()),
                        Sink::Dir(dir) => std::fs::write(dir.join(file_name(&name, k + 1)), text),
                    };
                    if let Err(e) = r {
                        failed_write.get_or_insert(io_error("cannot write the output", e));
                    }
                }
            }
            Err(e) => {
                summary.add_error(e.code());
                report_error(&name, &e, json);
            }
        },
    );
    if let Sink::Stream(w) = &mut sink
        && let Err(e) = w.flush()
    {
        failed_write.get_or_insert(io_error("cannot write the output", e));
    }
    if let Some(e) = failed_write {
        eprintln!("lexedi convert: {e}");
        return exit::UNREADABLE;
    }
    if json {
        eprintln!("{}", summary.to_json());
    } else {
        eprintln!(
            "converted {} message(s) to {to}; {} input(s) could not be converted",
            summary.messages, summary.unreadable
        );
        for (code, n) in &summary.errors_by_code {
            eprintln!("  {n:>8}  {code}");
        }
    }
    if summary.unreadable > 0 {
        exit::UNREADABLE
    } else {
        exit::OK
    }
}
