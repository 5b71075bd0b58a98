#!/usr/bin/env python3
"""Write the third-party notices of a shipped crate: every crate compiled into it, with its
licence expression, repository and the licence/notice files the crate ships.

    notices.py OUT CRATE...     e.g. notices.py dist/notices/python.txt lex-python

The graph is cargo's own (`cargo metadata`, resolved for x86_64-unknown-linux-gnu, offline):
normal dependencies of CRATE, transitively; build-dependencies and dev-dependencies are not
in the artifact and are left out, the workspace's own crates are covered by LICENSE.
cargo-about does the same from a template; this is ~80 lines of Python instead of a tool
compiled from source on every fresh CI clone, and it fails when a crate has no licence
expression or no licence text, so nothing is silently dropped.
"""

import json
import pathlib
import subprocess
import sys

TARGET = "x86_64-unknown-linux-gnu"
TEXT_PREFIXES = ("license", "licence", "copying", "notice", "copyright", "unlicense")
# Canonical texts for crates that name a licence but ship no file (napi's crates, jni-sys-macros):
# MIT here; Apache-2.0 is the project's own LICENSE, which every package carries.
CANONICAL = {"MIT": pathlib.Path(__file__).parent / "licenses" / "MIT.txt"}


def metadata() -> dict:
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--offline", "--filter-platform", TARGET],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def closure(meta: dict, roots: list[str]) -> list[dict]:
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    by_name = {p["name"]: p["id"] for p in meta["packages"] if p["id"] in meta["workspace_members"]}
    missing = [r for r in roots if r not in by_name]
    if missing:
        sys.exit(f"notices: not workspace crates: {missing}")
    seen: set[str] = set()
    todo = [by_name[r] for r in roots]
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    members = set(meta["workspace_members"])
    return sorted((packages[p] for p in seen if p not in members), key=lambda p: (p["name"], p["version"]))


def texts(pkg: dict) -> list[pathlib.Path]:
    root = pathlib.Path(pkg["manifest_path"]).parent
    found = [f for f in sorted(root.iterdir()) if f.is_file() and f.name.lower().startswith(TEXT_PREFIXES)]
    if pkg.get("license_file"):
        lf = root / pkg["license_file"]
        if lf.is_file() and lf not in found:
            found.append(lf)
    return found


def main() -> int:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, roots = pathlib.Path(sys.argv[1]), sys.argv[2:]
    crates = closure(metadata(), roots)
    problems = []
    parts = [
        f"Third-party software in the lex package built from {', '.join(roots)}\n",
        "lex itself is Apache-2.0 (LICENSE). It contains the following Rust crates, each under\n"
        "the licence named (an expression such as 'MIT OR Apache-2.0' means either, at the\n"
        "recipient's choice). Their licence and notice files follow.\n\n",
    ]
    for p in crates:
        parts.append(f"  {p['name']} {p['version']}  {p.get('license') or '(see file)'}  {p.get('repository') or ''}\n")
    for p in crates:
        files = texts(p)
        if not p.get("license") and not p.get("license_file"):
            problems.append(f"{p['name']} {p['version']}: no licence expression")
        if not files:
            ids = [w for w in (p.get("license") or "").replace("(", " ").replace(")", " ").split() if w not in ("OR", "AND")]
            canonical = [i for i in ids if i in CANONICAL]
            if not canonical and "Apache-2.0" not in ids:
                problems.append(f"{p['name']} {p['version']}: ships no licence text")
            authors = ", ".join(p.get("authors") or []) or f"the {p['name']} authors"
            parts.append(f"\n{'=' * 78}\n{p['name']} {p['version']}: no licence file in the crate\n{'=' * 78}\n\n")
            parts.append(f"Licence: {p['license']}. Copyright (c) {authors}.\n")
            for i in canonical:
                parts.append(f"\nThe {i} licence:\n\n" + CANONICAL[i].read_text())
            if "Apache-2.0" in ids:
                parts.append("\nThe Apache-2.0 licence: the text in LICENSE.\n")
        for f in files:
            parts.append(f"\n{'=' * 78}\n{p['name']} {p['version']}: {f.name}\n{'=' * 78}\n\n")
            parts.append(f.read_text(errors="replace").rstrip() + "\n")
    if problems:
        print("notices: " + "\n notices: ".join(problems), file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(parts))
    print(f"{out}: {len(crates)} crates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
