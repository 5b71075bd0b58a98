#!/usr/bin/env bash
# Builds the JNI library with cargo and stages it (with its SHA-256) where Maven packs it:
# target/classes/native/<os>-<arch>/. Called by Maven (exec plugin, generate-resources).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
profile="${1:-dev}"
outdir="$here/target/classes/native/linux-x86_64"
cargo build --quiet --manifest-path "$here/Cargo.toml" --profile "$profile"
target_dir="$(cargo metadata --format-version 1 --no-deps --manifest-path "$here/Cargo.toml" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
sub="$profile"; [ "$profile" = dev ] && sub=debug
mkdir -p "$outdir"
cp "$target_dir/$sub/liblex_java.so" "$outdir/liblex_java.so"
(cd "$outdir" && sha256sum liblex_java.so > liblex_java.so.sha256)
