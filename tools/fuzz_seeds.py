#!/usr/bin/env python3
"""Writes fuzz seed corpora from the project's vectors, examples and goldens (and the
upstream examples when ../shared is present) into fuzz/corpus/<target>/."""
import json
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "fuzz", "corpus")
targets = {"json": "json_read", "xml": "xml_read", "x12": "x12_read", "edifact": "edifact_read"}


def detect(data: bytes):
    s = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if s.startswith(b"{"):
        return "json"
    if s.startswith(b"<"):
        return "xml"
    if s.startswith(b"ISA"):
        return "x12"
    if s.startswith(b"UNA") or s.startswith(b"UNB"):
        return "edifact"
    return None


count = 0


def add(data: bytes, hint=None):
    global count
    fmt = hint or detect(data)
    if fmt is None:
        return
    for t in (targets[fmt], "convert"):
        d = os.path.join(out, t)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "seed-%05d" % count), "wb") as f:
            f.write(data)
    count += 1


def walk(top):
    for dirpath, _, files in os.walk(top):
        for name in sorted(files):
            yield os.path.join(dirpath, name)


spec = os.environ.get("LEX_SPEC_DIR") or os.path.join(root, "../shared/spec/lex-1.0")
for top in ["examples", "tests/vectors", "core/tests/golden", os.path.join(spec, "examples"),
            os.path.join(spec, "tests/conformance")]:
    path = os.path.join(root, top)
    if not os.path.isdir(path):
        continue
    for p in walk(path):
        with open(p, "rb") as f:
            data = f.read()
        if p.endswith(".json") and "vectors" in p or "conformance" in p:
            try:
                v = json.loads(data)
            except ValueError:
                continue
            if isinstance(v, dict):
                if isinstance(v.get("input"), dict):
                    add(json.dumps(v["input"]).encode())
                if isinstance(v.get("inputText"), str):
                    add(v["inputText"].encode(), v.get("format"))
        else:
            add(data)
print("fuzz seeds: %d inputs" % count, file=sys.stderr)
