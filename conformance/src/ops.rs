//! The operations of the vector format.

use super::compare::{compare_issues, json_eq};
use super::{PUBLIC_EXTRAS, apply_templates, vector_now};
use lex_core::api::{
    self, BuildOptions, ReadMode, ReadOptions, Receipt, Receiver, TransitionPolicy,
    ValidateOptions, WriteOptions,
};
use lex_core::{Format, Message, Report, Value};
use std::path::Path;

type R = Result<(), String>;

pub(super) fn run(id: &str, op: &str, v: &Value, dir: Option<&Path>) -> R {
    if op == "receive" {
        return receive(v, dir);
    }
    let expected = v.get("expected").ok_or("the vector has no `expected`")?;
    match op {
        "validate" => validate(id, v, expected, dir),
        "parse" => parse(v, expected, dir),
        "convert" => convert(v, expected, dir),
        "fingerprint" => fingerprint(v, expected),
        "transition" => transition(v, expected),
        "acknowledge" => acknowledge(v, expected, dir),
        "may-forward" => may_forward(v, expected, dir),
        other => Err(format!("unknown operation `{other}`")),
    }
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// The options of a `validate`-like vector.
fn options(v: &Value) -> Result<ValidateOptions, String> {
    let mut o = ValidateOptions {
        now: Some(vector_now(v)?),
        ..ValidateOptions::default()
    };
    if let Some(l) = str_of(v, "level") {
        o.level = match l {
            "L1" => 1,
            "L2" => 2,
            "L3" => 3,
            _ => return Err(format!("bad level {l}")),
        };
    } else if let Some(n) = v.get("conformanceLevel").and_then(Value::as_i64) {
        o.level = u8::try_from(n)
            .ok()
            .filter(|n| (1..=3).contains(n))
            .ok_or("bad conformanceLevel")?;
    }
    if let Some(m) = str_of(v, "mode") {
        o.mode = ReadMode::parse(m).ok_or_else(|| format!("bad mode {m}"))?;
    }
    if let Some(p) = str_of(v, "policy") {
        o.policy = TransitionPolicy::parse(p).ok_or_else(|| format!("bad policy {p}"))?;
    }
    if let Some(s) = v
        .get("previousState")
        .and_then(|p| p.get("status"))
        .and_then(Value::as_str)
    {
        o.previous_status = Some(s.to_string());
    }
    Ok(o)
}

/// The raw input bytes of a vector: `inputText`, `inputFile`, `specFile`, or `input` as
/// JSON text.
fn input_bytes(
    v: &Value,
    key: &str,
    dir: Option<&Path>,
    now: time::OffsetDateTime,
) -> Result<Vec<u8>, String> {
    if key == "input" {
        if let Some(t) = str_of(v, "inputText") {
            return Ok(t.as_bytes().to_vec());
        }
        if let Some(f) = str_of(v, "inputFile") {
            let p = dir.unwrap_or(Path::new(".")).join(f);
            return std::fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()));
        }
        if let Some(f) = crate::spec::spec_file_of(v) {
            let p = crate::spec::spec_path(f)?;
            return std::fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()));
        }
    }
    let mut input = v
        .get(key)
        .cloned()
        .ok_or_else(|| format!("the vector has no `{key}`"))?;
    apply_templates(&mut input, now);
    Ok(api::value_to_json(&input, false).into_bytes())
}

fn format_of(v: &Value, key: &str) -> Result<Option<Format>, String> {
    match str_of(v, key) {
        None => Ok(None),
        Some(f) => Format::parse(f)
            .map(Some)
            .ok_or_else(|| format!("bad format {f}")),
    }
}

fn read_one(
    v: &Value,
    key: &str,
    dir: Option<&Path>,
    opts: &ValidateOptions,
) -> Result<Message, String> {
    let now = opts.now.unwrap_or_else(time::OffsetDateTime::now_utc);
    let bytes = input_bytes(v, key, dir, now)?;
    let read = ReadOptions {
        mode: opts.mode,
        limits: opts.limits,
    };
    api::parse(&bytes, format_of(v, "format")?, &read)
        .map_err(|e| format!("the input cannot be read: {} {}", e.code(), e.message))
}

fn check_report(id: &str, expected: &Value, report: &Report) -> R {
    if let Some(valid) = expected.get("valid").and_then(Value::as_bool) {
        if valid != report.valid {
            return Err(format!(
                "expected valid={valid}, got {} ({})",
                report.valid,
                report
                    .issues()
                    .map(|i| format!("{} {}", i.level, i.code))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    if let Some(h) = expected.get("httpStatus").and_then(Value::as_i64) {
        if h != i64::from(report.http_status()) {
            return Err(format!("expected HTTP {h}, got {}", report.http_status()));
        }
    }
    let tolerated = |code: &str, level: &str| {
        PUBLIC_EXTRAS
            .iter()
            .any(|(i, c, l)| *i == id && *c == code && *l == level)
    };
    let empty = Vec::new();
    let list = |k: &str| expected.get(k).and_then(Value::as_array).unwrap_or(&empty);
    let mut problems = Vec::new();
    if expected.get("errors").is_some() {
        if let Err(e) = compare_issues("error", list("errors"), &report.errors, &tolerated) {
            problems.push(e);
        }
    }
    if expected.get("warnings").is_some() {
        if let Err(e) = compare_issues("warning", list("warnings"), &report.warnings, &tolerated) {
            problems.push(e);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn check_ack_status(expected: &Value, receipt: &Receipt) -> R {
    let Some(want) = str_of(expected, "acknowledgmentStatus") else {
        return Ok(());
    };
    let got = receipt
        .ack
        .as_ref()
        .and_then(|a| a.body())
        .and_then(|b| b.get("status"))
        .and_then(Value::as_str)
        .unwrap_or("(no acknowledgment)");
    if got == want {
        Ok(())
    } else {
        Err(format!("expected ACK {want}, got {got}"))
    }
}

fn validate(id: &str, v: &Value, expected: &Value, dir: Option<&Path>) -> R {
    let opts = options(v)?;
    let idempotent = v.get("duplicate").is_some()
        || str_of(v, "scenario") == Some("DUPLICATE_SUBMISSION")
        || expected.get("idempotent").and_then(Value::as_bool) == Some(true);
    if !idempotent {
        let msg = read_one(v, "input", dir, &opts)?;
        let report = api::validate(&msg, &opts);
        check_report(id, expected, &report)?;
        if str_of(expected, "acknowledgmentStatus").is_some() {
            let ack = api::acknowledge_with(
                &msg,
                Some(&report),
                None,
                &BuildOptions {
                    now: opts.now,
                    message_id: None,
                },
            )
            .map_err(|e| e.message)?;
            let got = ack
                .body()
                .and_then(|b| b.get("status"))
                .and_then(Value::as_str)
                .unwrap_or("");
            let want = str_of(expected, "acknowledgmentStatus").unwrap_or("");
            if got != want {
                return Err(format!("expected ACK {want}, got {got}"));
            }
        }
        return Ok(());
    }
    // Idempotency: the same message twice through one receiver.
    let receiver = Receiver::new(opts.clone());
    let first = receiver.receive_message(read_one(v, "input", dir, &opts)?);
    let again_key = if v.get("duplicate").is_some() {
        "duplicate"
    } else {
        "input"
    };
    let second = receiver.receive_message(read_one(v, again_key, dir, &opts)?);
    if !second.duplicate || first.duplicate {
        return Err("the second submission was not recognised as a duplicate".into());
    }
    let mut same = second.clone();
    same.duplicate = false;
    if same != first {
        return Err("the duplicate's receipt differs from the first one".into());
    }
    let (e1, e2) = match (
        expected.get("firstSubmission"),
        expected.get("duplicateSubmission"),
    ) {
        (Some(a), b) => (a, b),
        (None, _) => (expected, Some(expected)),
    };
    check_report(id, e1, &first.report)?;
    check_ack_status(e1, &first)?;
    if let Some(e2) = e2 {
        check_report(id, e2, &second.report)?;
        check_ack_status(e2, &second)?;
    }
    Ok(())
}

fn check_error(expected: &Value, err: &lex_core::Error) -> R {
    let want = expected
        .get("error")
        .ok_or_else(|| format!("unexpected error {} {}", err.code(), err.message))?;
    let mut problems = Vec::new();
    if str_of(want, "code") != Some(err.code()) {
        problems.push(format!(
            "code {} (expected {:?})",
            err.code(),
            str_of(want, "code")
        ));
    }
    let loc = &err.location;
    for (k, got) in [
        ("line", loc.line),
        ("column", loc.column),
        ("offset", loc.offset),
        ("segment", loc.segment),
        ("element", loc.element),
    ] {
        if let Some(w) = want.get(k).and_then(Value::as_i64) {
            if got.map(|g| g as i64) != Some(w) {
                problems.push(format!("{k} {got:?} (expected {w})"));
            }
        }
    }
    if let Some(w) = str_of(want, "segmentId") {
        if loc.segment_id.as_deref() != Some(w) {
            problems.push(format!("segmentId {:?} (expected {w})", loc.segment_id));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("error mismatch: {}", problems.join(", ")))
    }
}

fn parse(v: &Value, expected: &Value, dir: Option<&Path>) -> R {
    let opts = options(v)?;
    let now = opts.now.unwrap_or_else(time::OffsetDateTime::now_utc);
    let bytes = input_bytes(v, "input", dir, now)?;
    let read = ReadOptions {
        mode: opts.mode,
        limits: opts.limits,
    };
    let msgs = match api::parse_all(&bytes, format_of(v, "format")?, &read) {
        Ok(m) => m,
        Err(e) => return check_error(expected, &e),
    };
    if expected.get("error").is_some() {
        return Err(format!("expected an error, read {} message(s)", msgs.len()));
    }
    if let Some(n) = expected.get("messages").and_then(Value::as_i64) {
        if n != msgs.len() as i64 {
            return Err(format!("expected {n} message(s), read {}", msgs.len()));
        }
    }
    if let Some(tree) = expected.get("tree") {
        let [m] = msgs.as_slice() else {
            return Err(format!(
                "`tree` needs exactly one message, read {}",
                msgs.len()
            ));
        };
        if m.root() != tree {
            return Err(format!("tree differs: {}", m.to_json(false)));
        }
    }
    if let Some(w) = expected.get("warnings").and_then(Value::as_array) {
        let want: Vec<&str> = w.iter().filter_map(Value::as_str).collect();
        let got: Vec<&str> = msgs
            .iter()
            .flat_map(|m| m.read_issues())
            .map(|i| i.code.as_str())
            .collect();
        if want != got {
            return Err(format!("read warnings {got:?}, expected {want:?}"));
        }
    }
    Ok(())
}

fn convert(v: &Value, expected: &Value, dir: Option<&Path>) -> R {
    let opts = options(v)?;
    let now = opts.now.unwrap_or_else(time::OffsetDateTime::now_utc);
    let bytes = input_bytes(v, "input", dir, now)?;
    let to = format_of(v, "to")?.ok_or("convert needs `to`")?;
    let from = format_of(v, "from")?.or(format_of(v, "format")?);
    let read = ReadOptions {
        mode: opts.mode,
        limits: opts.limits,
    };
    let write = WriteOptions {
        pretty: v.get("pretty").and_then(Value::as_bool).unwrap_or(false),
        ..WriteOptions::default()
    };
    let out = match api::convert(&bytes, to, from, &read, &write) {
        Ok(o) => o,
        Err(e) => return check_error(expected, &e),
    };
    if expected.get("error").is_some() {
        return Err("expected an error, the conversion succeeded".into());
    }
    if let Some(text) = str_of(expected, "output") {
        if text != out {
            return Err(format!("output differs: {out}"));
        }
    }
    if expected.get("roundTrip").and_then(Value::as_bool) == Some(true) {
        let a = api::parse_all(&bytes, from, &read).map_err(|e| e.message)?;
        let b = api::parse_all(out.as_bytes(), Some(to), &read).map_err(|e| e.message)?;
        let ta: Vec<&Value> = a.iter().map(Message::root).collect();
        let tb: Vec<&Value> = b.iter().map(Message::root).collect();
        if ta != tb {
            return Err("the converted output reads back as a different tree".into());
        }
    }
    Ok(())
}

fn fingerprint(v: &Value, expected: &Value) -> R {
    let input = v.get("input").ok_or("no input")?;
    let f = |k| str_of(input, k).unwrap_or("");
    let got = api::fingerprint(f("email"), f("phone"), f("lastName"));
    match str_of(expected, "fingerprint") {
        Some(want) if want == got => Ok(()),
        want => Err(format!("fingerprint {got}, expected {want:?}")),
    }
}

fn transition(v: &Value, expected: &Value) -> R {
    let input = v.get("input").ok_or("no input")?;
    let policy = match str_of(input, "policy") {
        Some(p) => TransitionPolicy::parse(p).ok_or_else(|| format!("bad policy {p}"))?,
        None => TransitionPolicy::Default,
    };
    match api::check_transition(
        str_of(input, "from").unwrap_or(""),
        str_of(input, "to").unwrap_or(""),
        policy,
    ) {
        Ok(t) => match str_of(expected, "verdict") {
            Some(w) if w == t.as_str() => Ok(()),
            w => Err(format!("verdict {t}, expected {w:?}")),
        },
        Err(e) => check_error(expected, &e),
    }
}

fn acknowledge(v: &Value, expected: &Value, dir: Option<&Path>) -> R {
    let opts = options(v)?;
    let msg = read_one(v, "input", dir, &opts)?;
    let report = (v.get("validate").and_then(Value::as_bool) != Some(false))
        .then(|| api::validate(&msg, &opts));
    let build = BuildOptions {
        now: opts.now,
        message_id: str_of(v, "messageId").map(str::to_string),
    };
    let ack = match api::acknowledge_with(&msg, report.as_ref(), str_of(v, "status"), &build) {
        Ok(a) => a,
        Err(e) => return check_error(expected, &e),
    };
    if let Some(tree) = expected.get("tree") {
        if ack.root() != tree {
            return Err(format!("ACK tree differs: {}", ack.to_json(false)));
        }
    }
    let body = ack.body();
    for k in ["status", "correlationId"] {
        if let Some(w) = expected.get(k) {
            let got = body.and_then(|b| b.get(k));
            if !got.is_some_and(|g| json_eq(g, w)) {
                return Err(format!("ACK {k} {got:?}, expected {w:?}"));
            }
        }
    }
    Ok(())
}

fn receive(v: &Value, dir: Option<&Path>) -> R {
    let opts = options(v)?;
    let receiver = Receiver::new(opts.clone());
    let steps = v
        .get("steps")
        .and_then(Value::as_array)
        .ok_or("receive needs `steps`")?;
    let now = opts.now.unwrap_or_else(time::OffsetDateTime::now_utc);
    for (n, step) in steps.iter().enumerate() {
        let bytes = input_bytes(step, "input", dir, now)?;
        let exp = step
            .get("expected")
            .ok_or_else(|| format!("step {n} has no expected"))?;
        let r = match receiver.receive(&bytes) {
            Ok(r) => r,
            Err(e) => return check_error(exp, &e).map_err(|m| format!("step {n}: {m}")),
        };
        // Every expected key but `codes` is a member of the receipt's JSON form; an absent
        // member compares as `null` (`duplicateOfLead: null` = no duplicate flagged).
        let shown = r.to_value();
        let Some(want) = exp.as_object() else {
            return Err(format!("step {n}: expected is not an object"));
        };
        for (k, w) in want {
            if k == "codes" {
                continue;
            }
            let got = shown.get(k).cloned().unwrap_or(Value::Null);
            if !json_eq(&got, w) {
                return Err(format!("step {n}: {k} {got:?}, expected {w:?}"));
            }
        }
        if let Some(codes) = exp.get("codes").and_then(Value::as_array) {
            let mut want: Vec<&str> = codes.iter().filter_map(Value::as_str).collect();
            let mut got: Vec<&str> = r.report.errors.iter().map(|i| i.code.as_str()).collect();
            want.sort_unstable();
            got.sort_unstable();
            if want != got {
                return Err(format!("step {n}: codes {got:?}, expected {want:?}"));
            }
        }
    }
    Ok(())
}

fn may_forward(v: &Value, expected: &Value, dir: Option<&Path>) -> R {
    let opts = options(v)?;
    let input = v.get("input").ok_or("may-forward needs `input`")?;
    let msg = read_one(input, "message", dir, &opts)?;
    let recipient = str_of(input, "recipient").unwrap_or("");
    let now = opts.now.unwrap_or_else(time::OffsetDateTime::now_utc);
    let d = api::may_forward_at(&msg, recipient, now);
    let checks: [(&str, Value); 6] = [
        ("allowed", Value::Bool(d.allowed)),
        ("code", Value::from(d.code)),
        ("ruleId", d.rule_id.map(Value::from).unwrap_or(Value::Null)),
        (
            "policy",
            d.policy.clone().map(Value::from).unwrap_or(Value::Null),
        ),
        ("auditRequired", Value::Bool(d.audit_required)),
        (
            "retainUntil",
            d.retain_until
                .clone()
                .map(Value::from)
                .unwrap_or(Value::Null),
        ),
    ];
    for (k, got) in checks {
        if let Some(w) = expected.get(k) {
            if !json_eq(&got, w) {
                return Err(format!("{k} {got:?}, expected {w:?}"));
            }
        }
    }
    Ok(())
}
