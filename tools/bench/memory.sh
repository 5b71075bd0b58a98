#!/usr/bin/env bash
# Peak RSS of `lexedi validate --jobs 2` over a large NDJSON file. Usage: memory.sh LEXEDI FILE
set -euo pipefail
lexedi=$1 file=$2
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
bytes=$(stat -c %s "$file")
lines=$(wc -l < "$file")
/usr/bin/time -o "$tmp" -f '%e %M' "$lexedi" validate --jobs 2 "$file" >/dev/null 2>&1 || true
out=$(tail -n 1 "$tmp")
secs=${out% *}
kb=${out#* }
echo "### Memory: \`lexedi validate --jobs 2\` over $bytes bytes of NDJSON ($lines messages)"
echo
echo "| seconds | MB/s | peak RSS (MiB) | RSS ÷ input |"
echo "|---:|---:|---:|---:|"
awk -v s="$secs" -v b="$bytes" -v k="$kb" \
  'BEGIN{ printf "| %.1f | %.1f | %.1f | %.4f |\n", s, b/s/1e6, k/1024, k*1024/b }'
