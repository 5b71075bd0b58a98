//! Runs the vectors of the lifecycle areas (tests/vectors/{lifecycle, fingerprint, ack,
//! receive, governance, consent, extensions}) with the operations `transition`,
//! `fingerprint`, `acknowledge`, `receive`, `may-forward` and `validate`, as specified in
//! tests/vectors/README.md.
//!
//! For `validate` vectors the consent, governance and extension rule families are applied
//! on top of the engine's report; they merge with findings already present, so the result
//! is the same whether or not the engine runs them itself.

#![allow(clippy::unwrap_used)] // test helpers may unwrap, like the tests themselves

use lex_core::api::BuildOptions;
use lex_core::api::Limits;
use lex_core::api::TransitionPolicy;
use lex_core::api::ValidateOptions;
use lex_core::api::value_from_json;
use lex_core::{Issue, Message, Report, Value, api};
use std::path::{Path, PathBuf};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

const AREAS: [&str; 7] = [
    "lifecycle",
    "fingerprint",
    "ack",
    "receive",
    "governance",
    "consent",
    "extensions",
];

fn vectors_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

fn fmt(t: OffsetDateTime) -> String {
    lex_core::api::format_timestamp(t)
}

/// Replaces `{{NOW_PLUS_<N>S}}` by `now + N` seconds.
fn template(text: &str, now: OffsetDateTime) -> String {
    let re = regex::Regex::new(r"\{\{NOW_PLUS_(\d+)S\}\}").unwrap();
    re.replace_all(text, |c: &regex::Captures<'_>| {
        let n: i64 = c[1].parse().unwrap();
        fmt(now + Duration::seconds(n))
    })
    .into_owned()
}

fn level_of(v: &Value) -> u8 {
    match v.get("level").and_then(Value::as_str) {
        Some("L1") => 1,
        Some("L3") => 3,
        Some(_) => 2,
        None => v
            .get("conformanceLevel")
            .and_then(Value::as_i64)
            .map_or(2, |l| l as u8),
    }
}

fn message(v: &Value) -> Message {
    api::from_value(v.clone()).expect("vector input is a message")
}

fn s<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

fn run(path: &Path) -> Result<(), String> {
    let raw = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let probe = value_from_json(raw.as_bytes(), &Limits::default()).map_err(|e| e.to_string())?;
    let now = s(&probe, "now")
        .map(|n| OffsetDateTime::parse(n, &Rfc3339).unwrap())
        .unwrap_or(time::macros::datetime!(2026-04-03 12:00 UTC));
    let v = value_from_json(template(&raw, now).as_bytes(), &Limits::default())
        .map_err(|e| e.to_string())?;
    let expected = v.get("expected").cloned().unwrap_or(Value::Null);
    let input = v.get("input").cloned().unwrap_or(Value::Null);
    match s(&v, "operation").unwrap_or("validate") {
        "transition" => {
            let policy = s(&input, "policy")
                .map(|p| TransitionPolicy::parse(p).unwrap())
                .unwrap_or_default();
            let got =
                api::check_transition(s(&input, "from").unwrap(), s(&input, "to").unwrap(), policy);
            match (
                got,
                expected.get("verdict"),
                expected.pointer("/error/code"),
            ) {
                (Ok(t), Some(want), _) => eq(&Value::from(t.as_str()), want, "verdict"),
                (Err(e), _, Some(code)) => eq(&Value::from(e.code()), code, "error"),
                (other, _, _) => Err(format!("unexpected {other:?}")),
            }
        }
        "fingerprint" => {
            let got = api::fingerprint(
                s(&input, "email").unwrap_or(""),
                s(&input, "phone").unwrap_or(""),
                s(&input, "lastName").unwrap_or(""),
            );
            eq(
                &Value::from(got),
                expected.get("fingerprint").unwrap(),
                "fingerprint",
            )
        }
        "acknowledge" => acknowledge(&v, &input, &expected, now),
        "receive" => receive(&v, now),
        "may-forward" => {
            let msg = message(input.get("message").unwrap());
            let d = api::may_forward_at(&msg, s(&input, "recipient").unwrap(), now);
            let got = d.to_value();
            for (k, want) in expected.as_object().unwrap() {
                eq(got.get(k).unwrap_or(&Value::Null), want, k)?;
            }
            Ok(())
        }
        "validate" => {
            let msg = message(&input);
            let level = level_of(&v);
            let opts = ValidateOptions {
                level,
                now: Some(now),
                ..ValidateOptions::default()
            };
            let report = with_rule_families(&msg, &opts);
            compare_report(&report, &expected)
        }
        other => Err(format!("unknown operation {other}")),
    }
}

/// The engine's report: the consent, governance and extension families are among the
/// rule families `api::validate` runs.
fn with_rule_families(msg: &Message, opts: &ValidateOptions) -> Report {
    api::validate(msg, opts)
}

fn eq(got: &Value, want: &Value, what: &str) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "{what}: got {}, want {}",
            lex_core::api::value_to_json(got, false),
            lex_core::api::value_to_json(want, false)
        ))
    }
}

fn acknowledge(
    v: &Value,
    input: &Value,
    expected: &Value,
    now: OffsetDateTime,
) -> Result<(), String> {
    let msg = message(input);
    let report = (v.get("validate") != Some(&Value::Bool(false))).then(|| {
        api::validate(
            &msg,
            &ValidateOptions {
                level: level_of(v),
                now: Some(now),
                ..ValidateOptions::default()
            },
        )
    });
    let opts = BuildOptions {
        now: Some(now),
        message_id: s(v, "messageId").map(str::to_string),
    };
    match api::acknowledge_with(&msg, report.as_ref(), s(v, "status"), &opts) {
        Err(e) => eq(
            &Value::from(e.code()),
            expected.pointer("/error/code").unwrap_or(&Value::Null),
            "error",
        ),
        Ok(ack) => {
            if let Some(tree) = expected.get("tree") {
                return eq(ack.root(), tree, "tree");
            }
            let body = ack.body().unwrap();
            for k in ["status", "correlationId"] {
                if let Some(want) = expected.get(k) {
                    eq(body.get(k).unwrap_or(&Value::Null), want, k)?;
                }
            }
            if expected.get("error").is_some() {
                return Err("expected an error".into());
            }
            Ok(())
        }
    }
}

fn receive(v: &Value, now: OffsetDateTime) -> Result<(), String> {
    let rx = api::Receiver::new(ValidateOptions {
        level: level_of(v),
        now: Some(now),
        ..ValidateOptions::default()
    });
    let steps = v.get("steps").and_then(Value::as_array).unwrap();
    for (n, step) in steps.iter().enumerate() {
        let r = if let Some(text) = s(step, "inputText") {
            rx.receive(text.as_bytes())
        } else {
            Ok(rx.receive_message(message(step.get("input").unwrap())))
        }
        .map_err(|e| format!("step {n}: {e}"))?;
        let got = r.to_value();
        let exp = step.get("expected").and_then(Value::as_object).unwrap();
        for (k, want) in exp {
            let g = match k.as_str() {
                "codes" => Value::Array(
                    r.report
                        .errors
                        .iter()
                        .map(|i| Value::from(i.code.as_str()))
                        .collect(),
                ),
                _ => got.get(k).cloned().unwrap_or(Value::Null),
            };
            if k == "codes" {
                let sort = |v: &Value| {
                    let mut c: Vec<String> = v
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_str().unwrap().to_string())
                        .collect();
                    c.sort();
                    c
                };
                if sort(&g) != sort(want) {
                    return Err(format!(
                        "step {n}: codes {:?} != {:?}",
                        sort(&g),
                        sort(want)
                    ));
                }
            } else {
                eq(&g, want, &format!("step {n}: {k}"))?;
            }
        }
    }
    Ok(())
}

type Key = (String, String, Option<String>);

fn compare_issues(got: &[Issue], want: &Value, what: &str) -> Result<(), String> {
    let want = want.as_array().map(Vec::as_slice).unwrap_or(&[]);
    let mut pool: Vec<&Issue> = got.iter().collect();
    for w in want {
        let key: Key = (
            s(w, "code").unwrap().into(),
            s(w, "level").unwrap().into(),
            s(w, "field").map(str::to_string),
        );
        let pos = pool.iter().position(|i| {
            i.code == key.0
                && i.level.as_str() == key.1
                && key.2.as_ref().is_none_or(|f| *f == i.field)
                && extras_match(i, w)
        });
        match pos {
            Some(p) => {
                pool.remove(p);
            }
            None => return Err(format!("{what}: missing {key:?} in {:?}", summary(got))),
        }
    }
    if pool.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{what}: unexpected {:?}",
            summary(&pool.into_iter().cloned().collect::<Vec<_>>())
        ))
    }
}

fn extras_match(i: &Issue, w: &Value) -> bool {
    let v = i.to_value();
    [
        "rejectedValue",
        "allowedValues",
        "fromStatus",
        "toStatus",
        "threshold",
        "pointer",
    ]
    .iter()
    .all(|k| w.get(k).is_none_or(|want| v.get(k) == Some(want)))
}

fn summary(issues: &[Issue]) -> Vec<String> {
    issues
        .iter()
        .map(|i| format!("{} {} {}", i.code, i.level, i.field))
        .collect()
}

fn compare_report(r: &Report, expected: &Value) -> Result<(), String> {
    eq(
        &Value::Bool(r.valid),
        expected.get("valid").unwrap(),
        "valid",
    )?;
    compare_issues(
        &r.errors,
        expected.get("errors").unwrap_or(&Value::Null),
        "errors",
    )?;
    compare_issues(
        &r.warnings,
        expected.get("warnings").unwrap_or(&Value::Null),
        "warnings",
    )
}

#[test]
fn lifecycle_area_vectors() {
    let mut files = Vec::new();
    for area in AREAS {
        collect(&vectors_root().join(area), &mut files);
    }
    files.sort();
    assert!(files.len() >= 500, "only {} vectors found", files.len());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|p| run(p).err().map(|e| format!("{}: {e}", p.display())))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
