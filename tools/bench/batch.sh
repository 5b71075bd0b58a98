#!/usr/bin/env bash
# Times `lexedi validate --jobs N` over an NDJSON batch (best of 3 runs) and prints a
# Markdown table. Usage: batch.sh LEXEDI FILE.ndjson
set -euo pipefail
lexedi=$1 file=$2
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
bytes=$(stat -c %s "$file")
lines=$(wc -l < "$file")
echo "### Batch validation (\`lexedi validate --jobs N\`, NDJSON, $lines messages, $bytes bytes, best of 3)"
echo
echo "| jobs | seconds | messages/s | MB/s | peak RSS (MiB) |"
echo "|---:|---:|---:|---:|---:|"
for jobs in 1 2; do
  best=""
  rss=0
  for _ in 1 2 3; do
    # Exit code 1 means "some messages are invalid" (the batch holds 10 % invalid ones).
    /usr/bin/time -o "$tmp" -f '%e %M' "$lexedi" validate --jobs "$jobs" "$file" >/dev/null 2>&1 || true
    out=$(tail -n 1 "$tmp")
    secs=${out% *}
    kb=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; rss=$kb; fi
  done
  awk -v j="$jobs" -v s="$best" -v n="$lines" -v b="$bytes" -v k="$rss" \
    'BEGIN{ if (s <= 0) s = 0.005; printf "| %d | %.2f | %.0f | %.1f | %.1f |\n", j, s, n/s, b/s/1e6, k/1024 }'
done
