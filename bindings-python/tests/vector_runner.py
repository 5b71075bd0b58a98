"""Runs one shared test vector (format: tests/vectors/README.md) through the Python API.

Every operation calls ``lex.*`` and compares in Python with the semantics of the Rust
runner: issues as multisets of (code, level, field) plus the compared extras, numbers in
extras by value, trees exactly (key order and number lexemes included).
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import lex

DEFAULT_NOW = "2026-04-03T12:00:00Z"

REPO = Path(__file__).resolve().parents[2]
# The upstream standard: $LEX_SPEC_DIR (the Makefile exports it), else beside the repository.
SPEC = (REPO / (os.environ.get("LEX_SPEC_DIR") or "../shared/spec/lex-1.0")).resolve()

# Extra issues a fuller validator legitimately adds to the public conformance vectors (the
# same table as the Rust runner's; docs/decisions.md D20): (vector id, code, level).
PUBLIC_EXTRAS = {
    ("TC-010", "ALIAS_NORMALIZED", "WARNING"),
    ("TC-012", "CONSENT_RECORD_REQUIRED", "ERROR"),
    ("TC-014", "ALIAS_NORMALIZED", "WARNING"),
    ("TC-014", "LI-009", "WARNING"),
    ("TC-014", "REQUIRED_FIELD_MISSING", "WARNING"),
    ("TC-015", "ALIAS_NORMALIZED", "WARNING"),
    ("TC-015", "LI-009", "WARNING"),
    ("TC-015", "CONSENT_RECORD_REQUIRED", "ERROR"),
}

MISSING = object()

COMPARED_EXTRAS = ("rejectedValue", "allowedValues", "fromStatus", "toStatus", "threshold")


class VectorFailure(AssertionError):
    """The vector's expectation is not met."""


class VectorSkipped(Exception):
    """The vector reads a file of the upstream standard (``specFile``), which is absent."""


class Lexeme(Decimal):
    """A JSON number that remembers its exact text; lex converts it with ``str()``, so a
    vector's ``1.50`` reaches the core as ``1.50``."""

    text: str

    def __new__(cls, text: str) -> Lexeme:
        obj = super().__new__(cls, text)
        obj.text = text
        return obj

    def __str__(self) -> str:
        return self.text


def load(text: str) -> Any:
    """JSON with exact number lexemes and key order."""
    return json.loads(text, parse_float=Lexeme, parse_int=Lexeme)


def canon(v: Any) -> Any:
    """A form whose equality is the core's tree equality: ordered keys, exact lexemes,
    booleans distinct from numbers."""
    if isinstance(v, dict):
        return ("object", [(k, canon(x)) for k, x in v.items()])
    if isinstance(v, list):
        return ("array", [canon(x) for x in v])
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, Lexeme):
        return ("number", v.text)
    if isinstance(v, (int, float, Decimal)):
        return ("number", str(v))
    if v is None:
        return ("null",)
    return ("string", v)


def tree_of(message: lex.Message) -> Any:
    return canon(load(message.to_json(pretty=False)))


def json_eq(a: Any, b: Any) -> bool:
    """JSON equality where numbers compare by value (96 equals 96.0)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float, Decimal)) and isinstance(b, (int, float, Decimal)):
        return float(a) == float(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_eq(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return len(a) == len(b) and all(k in b and json_eq(v, b[k]) for k, v in a.items())
    return type(a) is type(b) and a == b


def now_of(v: dict[str, Any]) -> str:
    return str(v.get("now", DEFAULT_NOW))


def expand(v: Any, now: str) -> Any:
    """Replaces ``{{NOW_PLUS_<N>S}}`` in every string by now + N seconds."""
    if isinstance(v, dict):
        return {k: expand(x, now) for k, x in v.items()}
    if isinstance(v, list):
        return [expand(x, now) for x in v]
    if isinstance(v, str) and "{{NOW_PLUS_" in v:
        base = datetime.strptime(now.replace("Z", "+00:00"), "%Y-%m-%dT%H:%M:%S%z")
        out, rest = [], v
        while "{{NOW_PLUS_" in rest:
            start = rest.index("{{NOW_PLUS_")
            out.append(rest[:start])
            after = rest[start + len("{{NOW_PLUS_") :]
            digits = len(after) - len(after.lstrip("0123456789"))
            if digits and after[digits:].startswith("S}}"):
                t = base + timedelta(seconds=int(after[:digits]))
                out.append(t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
                rest = after[digits + 3 :]
            else:
                out.append("{{NOW_PLUS_")
                rest = after
        out.append(rest)
        return "".join(out)
    return v


def level_of(v: dict[str, Any]) -> int:
    if "level" in v:
        return {"L1": 1, "L2": 2, "L3": 3}[v["level"]]
    if "conformanceLevel" in v:
        return int(v["conformanceLevel"])
    return 2


def options(v: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments of lex.validate / lex.Receiver for a vector."""
    opts: dict[str, Any] = {
        "level": level_of(v),
        "now": now_of(v),
        "strict": v.get("mode", "tolerant").lower() == "strict",
        "policy": v.get("policy", "default"),
    }
    previous = (v.get("previousState") or {}).get("status")
    if previous is not None:
        opts["previous_status"] = previous
    return opts


def raw_input(v: dict[str, Any], directory: Path, key: str = "input") -> Any:
    """What the vector reads: ``inputText`` (str), ``inputFile`` or ``specFile`` (bytes) or
    ``input`` (the JSON tree, handed to lex as a dict with templates expanded)."""
    if key == "input" and "inputText" in v:
        return v["inputText"]
    if key == "input" and "inputFile" in v:
        return (directory / v["inputFile"]).read_bytes()
    if key == "input" and "specFile" in v:
        return (SPEC / v["specFile"]).read_bytes()
    if key not in v:
        raise VectorFailure(f"the vector has no `{key}`")
    return expand(v[key], now_of(v))


def read_one(v: dict[str, Any], directory: Path, key: str = "input") -> lex.Message:
    try:
        return lex.parse(raw_input(v, directory, key), v.get("format"), strict=options(v)["strict"])
    except lex.LexError as e:
        raise VectorFailure(f"the input cannot be read: {e.code} {e.message}") from e


def issue_matches(expected: dict[str, Any], actual: lex.Issue) -> bool:
    if expected.get("code") != actual.code or expected.get("level") != actual.level:
        return False
    if "field" in expected and expected["field"] != actual.field:
        return False
    if "pointer" in expected and expected["pointer"] != actual.pointer:
        return False
    shown = actual.to_dict()
    return all(k not in expected or (k in shown and json_eq(expected[k], shown[k])) for k in COMPARED_EXTRAS)


def compare_issues(
    what: str, expected: list[dict[str, Any]], actual: list[lex.Issue], tolerated: Callable[[str, str], bool]
) -> list[str]:
    used = [False] * len(actual)
    problems = []
    for e in expected:
        k = next((k for k, a in enumerate(actual) if not used[k] and issue_matches(e, a)), None)
        if k is None:
            problems.append(f"missing {what}: {json.dumps(e, default=str)}")
        else:
            used[k] = True
    for k, a in enumerate(actual):
        if not used[k] and not tolerated(a.code, a.level):
            problems.append(f"unexpected {what}: {a.level} {a.code} {a.field} ({a.pointer})")
    return problems


def check_report(vid: str, expected: dict[str, Any], report: lex.Report) -> None:
    if "valid" in expected and bool(expected["valid"]) != report.valid:
        codes = ", ".join(f"{i.level} {i.code}" for i in report.issues)
        raise VectorFailure(f"expected valid={expected['valid']}, got {report.valid} ({codes})")
    if bool(report) != report.valid:
        raise VectorFailure("bool(report) differs from report.valid")
    if "httpStatus" in expected and int(expected["httpStatus"]) != report.http_status:
        raise VectorFailure(f"expected HTTP {expected['httpStatus']}, got {report.http_status}")

    def tolerated(code: str, level: str) -> bool:
        return (vid, code, level) in PUBLIC_EXTRAS

    problems = []
    if "errors" in expected:
        problems += compare_issues("error", expected["errors"] or [], report.errors, tolerated)
    if "warnings" in expected:
        problems += compare_issues("warning", expected["warnings"] or [], report.warnings, tolerated)
    if problems:
        raise VectorFailure("; ".join(problems))


def ack_status(ack: lex.Message | None) -> str | None:
    if ack is None:
        return None
    body = ack.to_dict()["lex"]["payload"].get("acknowledgment", {})
    status = body.get("status")
    return status if isinstance(status, str) else None


def check_error(expected: dict[str, Any], err: lex.LexError) -> None:
    want = expected.get("error")
    if want is None:
        raise VectorFailure(f"unexpected error {err.code} {err.message}")
    problems = []
    if want.get("code") != err.code:
        problems.append(f"code {err.code} (expected {want.get('code')})")
    for key, got in (
        ("line", err.line),
        ("column", err.column),
        ("offset", err.offset),
        ("segment", err.segment),
        ("element", err.element),
        ("segmentId", err.segment_id),
    ):
        if key in want:
            w = want[key] if key == "segmentId" else int(want[key])
            if got != w:
                problems.append(f"{key} {got} (expected {w})")
    if err.code not in lex.ERROR_CODES:
        problems.append(f"{err.code} is not one of lex.ERROR_CODES")
    if problems:
        raise VectorFailure("error mismatch: " + ", ".join(problems))


def run_validate(vid: str, v: dict[str, Any], expected: dict[str, Any], directory: Path) -> None:
    opts = options(v)
    idempotent = (
        "duplicate" in v or v.get("scenario") == "DUPLICATE_SUBMISSION" or expected.get("idempotent") is True
    )
    if not idempotent:
        msg = read_one(v, directory)
        report = lex.validate(msg, **opts)
        check_report(vid, expected, report)
        if "acknowledgmentStatus" in expected:
            got = ack_status(lex.acknowledge(msg, report=report, now=opts["now"]))
            if got != expected["acknowledgmentStatus"]:
                raise VectorFailure(f"expected ACK {expected['acknowledgmentStatus']}, got {got}")
        return
    # Idempotency: the same message twice through one receiver.
    receiver = lex.Receiver(**{k: x for k, x in opts.items() if k != "previous_status"})
    first = receiver.receive(read_one(v, directory))
    second = receiver.receive(read_one(v, directory, "duplicate" if "duplicate" in v else "input"))
    if not second.duplicate or first.duplicate:
        raise VectorFailure("the second submission was not recognised as a duplicate")
    same = (
        first.message == second.message
        and first.report == second.report
        and first.ack == second.ack
        and (first.outcome, first.http_status, first.duplicate_of_lead)
        == (second.outcome, second.http_status, second.duplicate_of_lead)
    )
    if not same:
        raise VectorFailure("the duplicate's receipt differs from the first one")
    e1 = expected.get("firstSubmission", expected)
    e2 = expected.get("duplicateSubmission", None if "firstSubmission" in expected else expected)
    for exp, receipt in ((e1, first), (e2, second)):
        if exp is None:
            continue
        check_report(vid, exp, receipt.report)
        if "acknowledgmentStatus" in exp and ack_status(receipt.ack) != exp["acknowledgmentStatus"]:
            raise VectorFailure(f"expected ACK {exp['acknowledgmentStatus']}, got {ack_status(receipt.ack)}")


def run_parse(v: dict[str, Any], expected: dict[str, Any], directory: Path) -> None:
    try:
        messages = lex.parse_all(raw_input(v, directory), v.get("format"), strict=options(v)["strict"])
    except lex.LexError as e:
        check_error(expected, e)
        return
    if "error" in expected:
        raise VectorFailure(f"expected an error, read {len(messages)} message(s)")
    if "messages" in expected and int(expected["messages"]) != len(messages):
        raise VectorFailure(f"expected {expected['messages']} message(s), read {len(messages)}")
    if "tree" in expected:
        if len(messages) != 1:
            raise VectorFailure(f"`tree` needs exactly one message, read {len(messages)}")
        if tree_of(messages[0]) != canon(expected["tree"]):
            raise VectorFailure(f"tree differs: {messages[0].to_json(pretty=False)}")
    if "warnings" in expected:
        got = [i.code for m in messages for i in m.read_issues]
        if got != list(expected["warnings"]):
            raise VectorFailure(f"read warnings {got}, expected {expected['warnings']}")


def run_convert(v: dict[str, Any], expected: dict[str, Any], directory: Path) -> None:
    data = raw_input(v, directory)
    source = v.get("from", v.get("format"))
    strict = options(v)["strict"]
    try:
        out = lex.convert(data, v["to"], source, pretty=bool(v.get("pretty", False)), strict=strict)
    except lex.LexError as e:
        check_error(expected, e)
        return
    if "error" in expected:
        raise VectorFailure("expected an error, the conversion succeeded")
    if "output" in expected and expected["output"] != out:
        raise VectorFailure(f"output differs: {out}")
    if expected.get("roundTrip") is True:
        before = lex.parse_all(data, source, strict=strict)
        after = lex.parse_all(out, v["to"], strict=strict)
        if before != after:
            raise VectorFailure("the converted output reads back as a different tree")


def run_fingerprint(v: dict[str, Any], expected: dict[str, Any]) -> None:
    i = v["input"]
    got = lex.fingerprint(i.get("email", ""), i.get("phone", ""), i.get("lastName", ""))
    if got != expected.get("fingerprint"):
        raise VectorFailure(f"fingerprint {got}, expected {expected.get('fingerprint')}")


def run_transition(v: dict[str, Any], expected: dict[str, Any]) -> None:
    i = v["input"]
    try:
        verdict = lex.check_transition(i.get("from", ""), i.get("to", ""), i.get("policy", "default"))
    except lex.LexError as e:
        check_error(expected, e)
        return
    if verdict != expected.get("verdict"):
        raise VectorFailure(f"verdict {verdict}, expected {expected.get('verdict')}")
    if i.get("policy", "default") == "default":
        allowed = lex.transition_allowed(i.get("from", ""), i.get("to", ""))
        if allowed != (verdict != "forbidden"):
            raise VectorFailure(f"transition_allowed {allowed} disagrees with verdict {verdict}")


def run_acknowledge(v: dict[str, Any], expected: dict[str, Any], directory: Path) -> None:
    opts = options(v)
    msg = read_one(v, directory)
    report = lex.validate(msg, **opts) if v.get("validate") is not False else None
    try:
        ack = lex.acknowledge(msg, v.get("status"), report, message_id=v.get("messageId"), now=opts["now"])
    except lex.LexError as e:
        check_error(expected, e)
        return
    if "error" in expected:
        raise VectorFailure("expected an error, the acknowledgment was built")
    if "tree" in expected and tree_of(ack) != canon(expected["tree"]):
        raise VectorFailure(f"ACK tree differs: {ack.to_json(pretty=False)}")
    body = ack.to_dict()["lex"]["payload"]["acknowledgment"]
    for key in ("status", "correlationId"):
        if key in expected and not (key in body and json_eq(body[key], expected[key])):
            raise VectorFailure(f"ACK {key} {body.get(key)!r}, expected {expected[key]!r}")


def run_receive(v: dict[str, Any], directory: Path) -> None:
    opts = options(v)
    receiver = lex.Receiver(**{k: x for k, x in opts.items() if k != "previous_status"})
    for n, step in enumerate(v["steps"]):
        step = dict(step)
        step.setdefault("now", now_of(v))
        exp = step["expected"]
        try:
            r = receiver.receive(raw_input(step, directory))
        except lex.LexError as e:
            try:
                check_error(exp, e)
            except VectorFailure as f:
                raise VectorFailure(f"step {n}: {f}") from e
            continue
        status = ack_status(r.ack)
        checks: list[tuple[str, Any]] = [
            ("outcome", r.outcome),
            ("duplicate", r.duplicate),
            ("httpStatus", r.http_status),
            ("valid", r.report.valid),
            ("ackStatus", MISSING if status is None else status),
            ("duplicateOfLead", r.duplicate_of_lead),
        ]
        if "routing" in exp:
            checks.append(("routing", r.routing))
        for key, got in checks:
            if key in exp and (got is MISSING or not json_eq(got, exp[key])):
                raise VectorFailure(f"step {n}: {key} {got!r}, expected {exp[key]!r}")
        if "codes" in exp:
            # The codes of the report's errors, as a multiset (tests/vectors/README.md).
            got_codes = sorted(i.code for i in r.report.errors)
            if got_codes != sorted(exp["codes"]):
                raise VectorFailure(f"step {n}: codes {got_codes}, expected {sorted(exp['codes'])}")


def run_may_forward(v: dict[str, Any], expected: dict[str, Any], directory: Path) -> None:
    i = v["input"]
    msg = lex.parse(expand(i["message"], now_of(v)))
    decision = lex.may_forward(msg, i["recipient"], now=now_of(v))
    shown = {
        "allowed": decision.allowed,
        "code": decision.code,
        "ruleId": decision.rule_id,
        "policy": decision.policy,
        "auditRequired": decision.audit_required,
        "retainUntil": decision.retain_until,
    }
    for key, want in expected.items():
        if key in shown and not json_eq(shown[key], want):
            raise VectorFailure(f"{key} {shown[key]!r}, expected {want!r}")


def run(vector: dict[str, Any], directory: Path) -> None:
    """Runs one vector; raises VectorFailure when it does not pass, VectorSkipped when it
    needs the upstream standard and that is absent."""
    vid = str(vector.get("id", ""))
    if "specFile" in vector and not SPEC.is_dir():
        raise VectorSkipped(f"{vid}: LEX_SPEC_DIR {SPEC} not found: skipped")
    op = vector.get("operation", "validate")
    if op == "receive":  # expectations are per step
        run_receive(vector, directory)
        return
    if "expected" not in vector:
        raise VectorFailure("the vector has no `expected`")
    expected = vector["expected"]
    if op == "validate":
        run_validate(vid, vector, expected, directory)
    elif op == "parse":
        run_parse(vector, expected, directory)
    elif op == "convert":
        run_convert(vector, expected, directory)
    elif op == "fingerprint":
        run_fingerprint(vector, expected)
    elif op == "transition":
        run_transition(vector, expected)
    elif op == "acknowledge":
        run_acknowledge(vector, expected, directory)
    elif op == "may-forward":
        run_may_forward(vector, expected, directory)
    else:
        raise VectorFailure(f"unknown operation `{op}`")


def collect(directory: Path) -> list[Path]:
    """Every ``*.json`` under ``directory``, recursively, sorted by path."""
    return sorted(p for p in directory.rglob("*.json") if p.is_file()) if directory.is_dir() else []
