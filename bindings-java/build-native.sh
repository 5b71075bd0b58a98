#!/usr/bin/env bash
# Builds the JNI library with cargo and stages it (with its SHA-256) where Maven packs it:
# target/classes/native/<os>-<arch>/. Called by Maven (exec plugin, generate-resources).
# Usage: build-native.sh PROFILE [PREBUILT]  — with PREBUILT (Maven: -Dlex.native.lib=PATH,
# as `make dist` passes its release library), that file is staged and cargo is not run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
profile="${1:-dev}"
prebuilt="${2:-}"
outdir="$here/target/classes/native/linux-x86_64"
if [ -n "$prebuilt" ]; then
  mkdir -p "$outdir"
  cp "$prebuilt" "$outdir/liblex_java.so"
  (cd "$outdir" && sha256sum liblex_java.so > liblex_java.so.sha256)
  exit 0
fi
cargo build --quiet --manifest-path "$here/Cargo.toml" --profile "$profile"
target_dir="$(cargo metadata --format-version 1 --no-deps --manifest-path "$here/Cargo.toml" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
sub="$profile"; [ "$profile" = dev ] && sub=debug
mkdir -p "$outdir"
cp "$target_dir/$sub/liblex_java.so" "$outdir/liblex_java.so"
(cd "$outdir" && sha256sum liblex_java.so > liblex_java.so.sha256)
