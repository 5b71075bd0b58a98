#!/usr/bin/env python3
"""One version for every package: the `[workspace.package] version` of the root Cargo.toml.

    version.py            print it
    version.py --check    fail when a manifest that cannot read it (package.json,
                          package-lock.json, pom.xml, LexEdi.csproj) says something else, or
                          a crate does not take `version.workspace = true`
    version.py --set X    write X into Cargo.toml and every manifest above

The Python distribution reads the crate version (maturin, `dynamic = ["version"]`); the npm
platform package, the .nupkg and the C archive are generated from it by `make dist`.
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEMVER = r"[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?"

# (file, pattern whose group 1 is the version; count of occurrences expected)
MANIFESTS = [
    ("bindings-node/package.json", r'^  "version": "(' + SEMVER + r')",$', 1),
    # the lock file repeats the root package's version at the top and under packages[""]
    ("bindings-node/package-lock.json", r'^  (?:    )?"version": "(' + SEMVER + r')",$', 2),
    ("bindings-java/pom.xml", r"^  <version>(" + SEMVER + r")</version>$", 1),
    ("bindings-dotnet/LexEdi.csproj", r"^    <Version>(" + SEMVER + r")</Version>$", 1),
]
CRATES = ["core", "cli", "ffi", "bindings-java", "bindings-node", "bindings-python", "bench"]


def workspace_version() -> str:
    text = (ROOT / "Cargo.toml").read_text()
    section = text.split("[workspace.package]", 1)[1].split("\n[", 1)[0]
    m = re.search(r'^version = "(' + SEMVER + r')"$', section, re.M)
    if not m:
        sys.exit("Cargo.toml: no [workspace.package] version")
    return m.group(1)


def lock_root_lines(path: str, text: str) -> str:
    # Only the root package's two version lines, never a dependency's.
    if not path.endswith("package-lock.json"):
        return text
    head = text.split('"node_modules/', 1)[0]
    return head


def check() -> int:
    want = workspace_version()
    bad = []
    for path, pattern, count in MANIFESTS:
        text = lock_root_lines(path, (ROOT / path).read_text())
        found = re.findall(pattern, text, re.M)
        if len(found) != count or any(v != want for v in found):
            bad.append(f"{path}: {found or 'no version'} (want {want} x{count})")
    for crate in CRATES:
        text = (ROOT / crate / "Cargo.toml").read_text()
        if not re.search(r"^version\.workspace = true$", text, re.M):
            bad.append(f"{crate}/Cargo.toml: does not use version.workspace = true")
    for line in bad:
        print(f"version mismatch: {line}", file=sys.stderr)
    if bad:
        print("run `python3 tools/dist/version.py --set X` to set one version everywhere", file=sys.stderr)
        return 1
    print(f"version {want}: every manifest agrees")
    return 0


def set_version(new: str) -> int:
    if not re.fullmatch(SEMVER, new):
        sys.exit(f"not a version: {new}")
    cargo = ROOT / "Cargo.toml"
    text = cargo.read_text()
    head, rest = text.split("[workspace.package]", 1)
    rest = re.sub(r'^version = "' + SEMVER + '"$', f'version = "{new}"', rest, count=1, flags=re.M)
    cargo.write_text(head + "[workspace.package]" + rest)
    for path, pattern, _ in MANIFESTS:
        p = ROOT / path
        text = p.read_text()
        head = lock_root_lines(path, text)
        tail = text[len(head) :]

        def repl(m: re.Match[str]) -> str:
            return m.group(0).replace(m.group(1), new)

        p.write_text(re.sub(pattern, repl, head, flags=re.M) + tail)
    print(f"version set to {new}; run `cargo update -w` to refresh Cargo.lock")
    return check()


def main() -> int:
    args = sys.argv[1:]
    if not args:
        print(workspace_version())
        return 0
    if args == ["--check"]:
        return check()
    if len(args) == 2 and args[0] == "--set":
        return set_version(args[1])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
