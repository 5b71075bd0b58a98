#!/usr/bin/env python3
"""Compares surface.toml with each language as built; prints every drift and exits 1 on any.

Usage: check.py DIR [--self-test]

DIR holds what mk/surface.mk collected from the built artifacts:
  python.json  tools/surface/probe_python.py on the installed package
  node.json    tools/surface/probe_node.cjs (runtime exports and index.d.ts)
  java.txt     `javap -public` on every class of bindings-java/target/classes/org/lexedi
  csharp.json  tools/surface/Reflect.cs on LexEdi.dll
  cli.txt      `lexedi --help` and `lexedi <command> --help` for every command
The C prototypes are read from ffi/include/lex.h and the façade from core/src/api.rs.

--self-test also checks that the comparison fails, naming language and symbol, on drifts
written into a copy of the table (a removed operation, an unknown name, a missing gap).
"""

from __future__ import annotations

import copy
import fnmatch
import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("python", "node", "java", "c", "csharp", "cli")


def core_functions() -> set[str]:
    """The public functions of the façade: `pub fn` and lower-case `pub use` items."""
    src = (ROOT / "core/src/api.rs").read_text()
    names = set(re.findall(r"^pub fn (\w+)", src, re.MULTILINE))
    for block in re.findall(r"^pub use [^;]*;", src, re.MULTILINE | re.DOTALL):
        names.update(
            n for n in re.findall(r"\b([a-z_][a-z0-9_]*)\b", block.split("::")[-1])
        )
    return names - {"pub", "use", "crate", "self", "as"}


def c_functions() -> set[str]:
    header = (ROOT / "ffi/include/lex.h").read_text()
    return set(re.findall(r"\b(lex_[a-z0-9_]+)\(", header))


def java_surface(text: str) -> dict[str, set[str]]:
    types, members = set(), set()
    current = None
    for line in text.splitlines():
        m = re.match(r"public .*?(?:class|interface|enum) org\.lexedi\.(\w+)", line)
        if m:
            current = m.group(1)
            types.add(current)
            continue
        m = re.match(r"\s+public .*?(\w+)\(.*\);$", line)
        if (
            m
            and current
            and not line.strip().startswith(f"public org.lexedi.{current}(")
        ):
            members.add(f"{current}.{m.group(1)}")
    return {"types": types, "members": members}


def cli_surface(text: str) -> set[str]:
    """`command` for each subcommand and `command --flag` for each of its flags."""
    names = set()
    command = None
    for line in text.splitlines():
        m = re.match(r"^== (\w+)$", line)
        if m:
            command = m.group(1)
            names.add(command)
            continue
        if command:
            names.update(
                f"{command} {f}" for f in re.findall(r"(--[a-z0-9][a-z0-9-]*)", line)
            )
    return names


def collect(d: Path) -> dict[str, dict[str, set[str]]]:
    py = json.loads((d / "python.json").read_text())
    node = json.loads((d / "node.json").read_text())
    cs = json.loads((d / "csharp.json").read_text())
    java = java_surface((d / "java.txt").read_text())
    return {
        "python": {k: set(py[k]) for k in ("functions", "types", "members")},
        "node": {k: set(node[k]) for k in ("functions", "types", "members")}
        | {"declared_" + k: set(v) for k, v in node["declared"].items()},
        "java": java,
        "csharp": {k: set(cs[k]) for k in ("types", "members")},
        "c": {"functions": c_functions()},
        "cli": {"names": cli_surface((d / "cli.txt").read_text())},
        "core": {"functions": core_functions()},
    }


def compare(table: dict, built: dict) -> list[str]:
    problems: list[str] = []
    ops = table.get("op", [])
    gaps_ok = set(LANGS)

    # Every operation is named or has a written gap in every language.
    declared: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for op in ops:
        gaps = op.get("gaps", {})
        for lang in gaps:
            if lang not in gaps_ok:
                problems.append(f"{op['name']}: gap for unknown language {lang!r}")
        for lang in LANGS:
            names = op.get(lang)
            if names is None and lang not in gaps:
                problems.append(
                    f"{lang}: operation {op['name']} has neither a name nor a gap"
                )
            if names is not None and lang in gaps:
                problems.append(
                    f"{lang}: operation {op['name']} has both a name and a gap"
                )
            declared[lang].update(names or [])

    # The façade: every public function is an operation or a listed helper.
    described = {op.get("core", op["name"]) for op in ops} | set(
        table["core"]["helpers"]
    )
    for fn in sorted(built["core"]["functions"] - described):
        problems.append(f"core: api.rs function {fn} is not described in surface.toml")
    for op in ops:
        if (
            op.get("core", op["name"]) not in built["core"]["functions"]
            and "core" not in op
        ):
            problems.append(f"core: operation {op['name']} is not a function of api.rs")

    family = table["errors"]["family"]
    errors = {
        lang: {table["errors"]["base"][lang]} | {f[lang] for f in family.values()}
        for lang in ("python", "node", "java", "csharp")
    }

    # Python and Node: module-level functions, classes, Class.method.
    for lang in ("python", "node"):
        b = built[lang]
        want_fns = {n for n in declared[lang] if "." not in n}
        want_members = {n for n in declared[lang] if "." in n}
        for n in sorted(want_fns - b["functions"]):
            problems.append(f"{lang}: missing function {n}")
        for n in sorted(b["functions"] - want_fns):
            problems.append(f"{lang}: extra function {n} (not in surface.toml)")
        for n in sorted(want_members - b["members"]):
            problems.append(f"{lang}: missing method {n}")
        want_types = set(table["types"][lang]) | errors[lang]
        for n in sorted(want_types - b["types"]):
            problems.append(f"{lang}: missing type {n}")
        for n in sorted(b["types"] - want_types):
            problems.append(f"{lang}: extra type {n} (not in surface.toml)")
    node = built["node"]
    for kind in ("functions", "types", "members"):
        for n in sorted(node[kind] - node["declared_" + kind]):
            if kind == "members" and n.split(".")[1] in (
                "toJSON",
                "toString",
                "equals",
            ):
                continue
            problems.append(f"node: {n} is exported but not declared in index.d.ts")
        for n in sorted(node["declared_" + kind] - node[kind]):
            problems.append(
                f"node: index.d.ts declares {n}, which the package does not export"
            )

    # Java and C#: Class.method and the public types; every static method of `Lex` is listed.
    for lang, lex in (("java", "Lex"), ("csharp", "Lex")):
        b = built[lang]
        for n in sorted(declared[lang] - b["members"]):
            problems.append(f"{lang}: missing method {n}")
        statics = {m for m in b["members"] if m.startswith(lex + ".")}
        for n in sorted(statics - declared[lang]):
            problems.append(f"{lang}: extra method {n} (not in surface.toml)")
        want_types = set(table["types"][lang]) | errors[lang]
        for n in sorted(want_types - b["types"]):
            problems.append(f"{lang}: missing type {n}")
        for n in sorted(b["types"] - want_types):
            problems.append(f"{lang}: extra type {n} (not in surface.toml)")

    # C: every prototype is an operation or plumbing.
    plumbing = table["plumbing"]["c"]
    fns = built["c"]["functions"]
    for n in sorted(declared["c"] - fns):
        problems.append(f"c: missing function {n}")
    for n in sorted(fns - declared["c"]):
        if not any(fnmatch.fnmatchcase(n, p) for p in plumbing):
            problems.append(f"c: extra function {n} (not in surface.toml)")

    # CLI: the commands and flags that carry an operation exist.
    for n in sorted(declared["cli"] - built["cli"]["names"]):
        problems.append(f"cli: missing {n}")
    return problems


def self_test(table: dict, built: dict) -> list[str]:
    """Drifts written into a copy of the table must each be reported by name."""
    failures = []
    cases = []
    t = copy.deepcopy(table)
    t["op"] = [op for op in t["op"] if op["name"] != "x12_functional_ack"]
    cases.append(
        (
            t,
            [
                "python: extra function x12_functional_ack",
                "c: extra function lex_input_x12_functional_ack",
                "core: api.rs function x12_functional_ack is not described",
            ],
        )
    )
    t = copy.deepcopy(table)
    t["op"][0]["java"] = ["Lex.parse", "Lex.parseLenient"]
    cases.append((t, ["java: missing method Lex.parseLenient"]))
    t = copy.deepcopy(table)
    t["op"][0]["csharp"] = None
    del t["op"][0]["csharp"]
    cases.append(
        (
            t,
            [
                "csharp: operation parse has neither a name nor a gap",
                "csharp: extra method Lex.Parse",
            ],
        )
    )
    t = copy.deepcopy(table)
    t["errors"]["family"]["Conversion"]["node"] = "UnrepresentableError"
    cases.append(
        (
            t,
            [
                "node: missing type UnrepresentableError",
                "node: extra type ConversionError",
            ],
        )
    )
    for drifted, expected in cases:
        found = compare(drifted, built)
        for e in expected:
            if not any(p.startswith(e) for p in found):
                failures.append(
                    f"self-test: the drift {e!r} was not reported (got {found})"
                )
    return failures


def main() -> int:
    d = Path(sys.argv[1])
    table = tomllib.loads((ROOT / "surface.toml").read_text())
    built = collect(d)
    problems = compare(table, built)
    if "--self-test" in sys.argv and not problems:
        problems = self_test(table, built)
        if not problems:
            print("surface self-test: every deliberate drift was reported")
    for p in problems:
        print(f"surface drift: {p}")
    if not problems:
        n = len(table["op"])
        print(
            f"surface: {n} operations agree with python, node, java, c, csharp, cli and api.rs"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
