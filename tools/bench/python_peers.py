"""Python benchmark of lex against its peers (make bench-python-peers); a program, not a test.

Same inputs as every language (build/bench-corpus), same schema set-up: the `lex` object is
validated against the upstream per-type schema chosen by `header.messageType` together with
the envelope's MessageHeader, schemas compiled once, every timed call starting from JSON
text. Prints a Markdown table and writes it to build/bench-results/python.md.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lex

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("LEX_BENCH_CORPUS", ROOT / "build/bench-corpus"))
SCHEMAS = Path(os.environ.get("LEX_SPEC_DIR") or ROOT / "../shared/spec/lex-1.0") / "schemas"
BASE = "https://lexstandard.org/schemas/v1/"
TYPES = {
    "LEAD": "LEX_LEAD_SCHEMA.json",
    "ASSET": "LEX_ASSET_SCHEMA.json",
    "ACKNOWLEDGMENT": "LEX_ACKNOWLEDGMENT_SCHEMA.json",
    "SUBSCRIPTION": "LEX_SUBSCRIPTION_SCHEMA.json",
    "LEAD_CLOSURE": "LEX_LEAD_CLOSURE_SCHEMA.json",
}


def measure(fn: Callable[[], Any]) -> float:
    """Best seconds per call over 5 rounds of at least 0.2 s each (after a sizing round)."""
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t0
        if dt > 0.2:
            break
        n *= 10 if dt < 0.02 else 2
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - t0) / n)
    return best


def load_schemas() -> dict[str, Any]:
    out = {}
    for file in [*TYPES.values(), "LEX_MESSAGE_SCHEMA.json"]:
        out[BASE + file] = json.loads((SCHEMAS / file).read_text(encoding="utf-8-sig"))
    return out


def wrapper(file: str) -> dict[str, Any]:
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "allOf": [
            {"$ref": BASE + file},
            {
                "type": "object",
                "required": ["header"],
                "properties": {
                    "header": {
                        "$ref": BASE
                        + "LEX_MESSAGE_SCHEMA.json#/definitions/MessageHeader"
                    }
                },
            },
        ],
    }


def dispatch(by_type: dict[str, Callable[[Any], bool]]) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        doc = json.loads(text)
        lx = doc.get("lex", {})
        v = by_type.get(lx.get("header", {}).get("messageType"))
        return bool(v and v(lx))

    return check


def peers(store: dict[str, Any], notes: list[str]) -> dict[str, Callable[[str], bool]]:
    out: dict[str, Callable[[str], bool]] = {}
    try:
        import jsonschema
        from referencing import Registry, Resource

        registry = Registry().with_resources(
            (uri, Resource.from_contents(s)) for uri, s in store.items()
        )
        fc = jsonschema.Draft7Validator.FORMAT_CHECKER
        vs = {
            t: jsonschema.Draft7Validator(
                wrapper(f), registry=registry, format_checker=fc
            )
            for t, f in TYPES.items()
        }
        out["jsonschema (json.loads + Draft7Validator.is_valid)"] = dispatch(
            {t: v.is_valid for t, v in vs.items()}
        )
    except Exception as e:  # noqa: BLE001 - a peer that cannot run is reported, not fatal
        notes.append(f"jsonschema not measured: {e}")
    try:
        import fastjsonschema

        def compile_one(file: str) -> Callable[[Any], bool]:
            fn = fastjsonschema.compile(
                wrapper(file), handlers={"https": lambda uri: store[uri.split("#")[0]]}
            )

            def ok(doc: Any) -> bool:
                try:
                    fn(doc)
                    return True
                except fastjsonschema.JsonSchemaException:
                    return False

            return ok

        out["fastjsonschema (json.loads + compiled)"] = dispatch(
            {t: compile_one(f) for t, f in TYPES.items()}
        )
    except Exception as e:  # noqa: BLE001
        notes.append(f"fastjsonschema not measured: {type(e).__name__}: {e}")
    try:
        import jsonschema_rs

        reg = jsonschema_rs.Registry(list(store.items()))
        vs2 = {
            t: jsonschema_rs.Draft7Validator(
                wrapper(f), registry=reg, validate_formats=True
            )
            for t, f in TYPES.items()
        }
        out["jsonschema-rs (json.loads + is_valid)"] = dispatch(
            {t: v.is_valid for t, v in vs2.items()}
        )
    except Exception as e:  # noqa: BLE001
        notes.append(f"jsonschema-rs not measured: {type(e).__name__}: {e}")
    return out


def main() -> int:
    notes: list[str] = []
    rows: list[tuple[str, str, int, float, str]] = []
    validators = peers(load_schemas(), notes)
    for size in ("small", "typical", "large"):
        for kind in ("valid", "invalid"):
            path = CORPUS / f"{size}-{kind}.json"
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            op = f"json-validate/{size}-{kind}"
            ours = lex.validate(text).valid
            t_lex = measure(lambda t=text: lex.validate(t))
            rows.append((op, "lex.validate(str)", len(text.encode()), t_lex, "—"))
            rows.append(
                (
                    op,
                    "json.loads alone",
                    len(text.encode()),
                    measure(lambda t=text: json.loads(t)),
                    "",
                )
            )
            for name, fn in validators.items():
                theirs = fn(text)
                if theirs != ours:
                    notes.append(
                        f"{path.name}: verdicts differ (lex {ours}, {name.split(' ')[0]} {theirs})"
                    )
                rows.append(
                    (
                        op,
                        name,
                        len(text.encode()),
                        measure(lambda fn=fn, t=text: fn(t)),
                        "",
                    )
                )
    # EDI reads: the 100-message interchanges, read from text by everyone. The peers build
    # their segment/envelope models; lex reads whole messages. Both must find 100 messages.
    edi = CORPUS / "edifact-batch.edi"
    if edi.exists():
        data = edi.read_bytes()
        op = "edifact-read/100-typical"
        ours = len(lex.parse_all(data, "edifact"))
        rows.append(
            (
                op,
                "lex.parse_all",
                len(data),
                measure(lambda: lex.parse_all(data, "edifact")),
                "—",
            )
        )
        try:
            import warnings

            from pydifact.segmentcollection import Interchange

            # pydifact warns once per segment tag that it ships no directory files to check
            # segments against; it reads them all the same.
            warnings.filterwarnings("ignore", module="pydifact")

            text = data.decode("latin-1")
            unh = sum(1 for s in Interchange.from_str(text).segments if s.tag == "UNH")
            if unh != ours:
                notes.append(
                    f"{edi.name}: messages differ (lex {ours}, pydifact {unh} UNH)"
                )
            rows.append(
                (
                    op,
                    "pydifact Interchange.from_str",
                    len(data),
                    measure(lambda t=text: list(Interchange.from_str(t).segments)),
                    "",
                )
            )
        except Exception as e:  # noqa: BLE001
            notes.append(f"pydifact not measured: {type(e).__name__}: {e}")
    x12 = CORPUS / "x12-batch.x12"
    if x12.exists():
        data = x12.read_bytes()
        op = "x12-read/100-typical"
        ours = len(lex.parse_all(data, "x12"))
        rows.append(
            (
                op,
                "lex.parse_all",
                len(data),
                measure(lambda: lex.parse_all(data, "x12")),
                "—",
            )
        )
        try:
            import collections
            import collections.abc

            # badx12 0.2.2 (2018, its latest release) imports `collections.Iterable`, which
            # Python 3.10 removed; restore the alias so that it imports at all.
            collections.Iterable = collections.abc.Iterable  # type: ignore[attr-defined]
            from badx12 import Parser

            text = data.decode("latin-1")
            doc = Parser().parse_document(text)
            sets = sum(len(g.transaction_sets) for g in doc.interchange.groups)
            if sets != ours:
                notes.append(
                    f"{x12.name}: messages differ (lex {ours}, badx12 {sets} sets)"
                )
            rows.append(
                (
                    op,
                    "badx12 Parser.parse_document",
                    len(data),
                    measure(lambda t=text: Parser().parse_document(t)),
                    "",
                )
            )
        except Exception as e:  # noqa: BLE001
            notes.append(f"badx12 not measured: {type(e).__name__}: {e}")
    else:
        notes.append("X12 not measured: the corpus has no x12-batch.x12.")
    rows.append(
        (
            "per-call overhead",
            "lex.transition_allowed (trivial call)",
            0,
            measure(lambda: lex.transition_allowed("SHOPPING", "ORDER")),
            "—",
        )
    )
    rows.append(
        (
            "per-call overhead",
            "len('x') (pure Python, for scale)",
            0,
            measure(lambda: len("x")),
            "—",
        )
    )

    lex_time = {op: t for op, impl, _, t, _ in rows if impl.startswith("lex.")}
    out = (
        f"### Python ({sys.version.split()[0]}, hand-written harness, one process)\n\n"
    )
    out += "| operation / input | implementation | bytes | µs/op | MB/s | this time ÷ lex time |\n"
    out += "|---|---|---:|---:|---:|---:|\n"
    for op, impl, n, t, _ in rows:
        ratio = (
            "—"
            if impl.startswith("lex.") or op not in lex_time or not n
            else f"{t / lex_time[op]:.2f}×"
        )
        us = f"{t * 1e9:.0f} ns" if t < 1e-6 else f"{t * 1e6:.2f}"
        mbps = f"{n / t / 1e6:.1f}" if n else "—"
        out += f"| {op} | {impl} | {n or '—'} | {us} | {mbps} | {ratio} |\n"
    if notes:
        out += "\n" + "\n".join(f"- {n}" for n in dict.fromkeys(notes)) + "\n"
    print(out)
    (ROOT / "build/bench-results").mkdir(parents=True, exist_ok=True)
    (ROOT / "build/bench-results/python.md").write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
