//! `lexedi conformance DIR`: runs every test vector under a folder (the public LEX
//! conformance vectors or the project's own) with the core's shared runner.

use lex_conformance::{self as vectors, Outcome};
use lex_core::api::value_to_json;
use lex_core::{Map, Value};
use std::path::PathBuf;

/// Arguments of `lexedi conformance`.
#[derive(clap::Args)]
pub struct Args {
    /// Folder holding the vectors (`*.json`, searched recursively).
    dir: PathBuf,
    /// One JSON object per vector, then a summary object.
    #[arg(long)]
    json: bool,
}

/// Runs the command; returns the exit code (0 all passed, 1 a failure, 2 unreadable folder).
pub fn run(args: Args) -> u8 {
    let outcomes = match vectors::run_dir(&args.dir) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{}: error IO_ERROR: {e}", args.dir.display());
            return 2;
        }
    };
    let skipped = outcomes.iter().filter(|o| o.skipped.is_some()).count();
    let passed = outcomes.iter().filter(|o| o.passed()).count() - skipped;
    let failed = outcomes.len() - passed - skipped;
    for o in &outcomes {
        if args.json {
            println!("{}", json_row(o));
        } else {
            println!("{}", text_row(o));
        }
    }
    if args.json {
        let mut m = Map::default();
        m.insert("passed".into(), Value::int(passed as i64));
        m.insert("failed".into(), Value::int(failed as i64));
        if skipped > 0 {
            m.insert("skipped".into(), Value::int(skipped as i64));
        }
        println!("{}", value_to_json(&Value::Object(m), false));
    }
    if skipped > 0 {
        println!("{passed} passed, {failed} failed, {skipped} skipped");
    } else {
        println!("{passed} passed, {failed} failed");
    }
    u8::from(failed > 0)
}

fn text_row(o: &Outcome) -> String {
    let verdict = match (&o.skipped, o.passed()) {
        (Some(_), _) => "SKIP",
        (None, true) => "PASS",
        (None, false) => "FAIL",
    };
    let mut row = format!("{verdict}  {:<16} {}", o.id, o.operation);
    if let Some(f) = o.failure.as_ref().or(o.skipped.as_ref()) {
        row.push_str(": ");
        row.push_str(f);
    }
    row
}

fn json_row(o: &Outcome) -> String {
    let mut m = Map::default();
    m.insert("id".into(), o.id.as_str().into());
    m.insert("operation".into(), o.operation.as_str().into());
    if let Some(p) = &o.path {
        m.insert("file".into(), p.display().to_string().into());
    }
    m.insert("passed".into(), Value::Bool(o.passed()));
    if let Some(f) = &o.failure {
        m.insert("failure".into(), f.as_str().into());
    }
    if let Some(why) = &o.skipped {
        m.insert("skipped".into(), why.as_str().into());
    }
    value_to_json(&Value::Object(m), false)
}
