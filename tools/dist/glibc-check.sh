#!/usr/bin/env bash
# Unpacks every package in DIST (wheel, npm tarballs, jars, .nupkg, the C archive) and fails
# when an ELF file inside needs a GLIBC_ symbol version newer than MAX (objdump -T).
# Usage: glibc-check.sh MAX DIST WORKDIR
set -euo pipefail
max="$1" dist="$(realpath "$2")" work="$(realpath -m "$3")"
rm -rf "$work" && mkdir -p "$work"
n=0
for pkg in "$dist"/python/*.whl "$dist"/maven/*.jar "$dist"/nuget/*.nupkg; do
  d="$work/$(basename "$pkg")"; mkdir -p "$d"; unzip -q "$pkg" -d "$d"
done
for pkg in "$dist"/npm/*.tgz "$dist"/c/*.tar.gz; do
  d="$work/$(basename "$pkg")"; mkdir -p "$d"; tar -xzf "$pkg" -C "$d"
done
newer() { # prints the versions above $max, if any
  tr ' ' '\n' | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -u | while read -r v; do
    [ "$(printf '%s\n%s\n' "$v" "$max" | sort -V | tail -n 1)" = "$max" ] || echo "GLIBC_$v"
  done
}
bad=0
while IFS= read -r -d '' f; do
  head -c 4 "$f" | cmp -s - <(printf '\177ELF') || continue
  case "$f" in *.a) continue ;; esac
  n=$((n + 1))
  too_new="$(objdump -T "$f" | newer)"
  highest="$(objdump -T "$f" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)"
  if [ -n "$too_new" ]; then
    echo "NEEDS NEWER GLIBC: ${f#"$work"/}: $too_new"; bad=1
  else
    echo "ok (highest GLIBC_$highest): ${f#"$work"/}"
  fi
done < <(find "$work" -type f -print0 | sort -z)
[ "$n" -gt 0 ] || { echo "no ELF file found in $dist"; exit 1; }
[ "$bad" = 0 ] || exit 1
echo "$n native files, none needs a glibc newer than $max"
