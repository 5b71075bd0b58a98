#!/usr/bin/env bash
# Times `lexedi validate --jobs N` (N = 1, 2; best of 3 runs) over the 10^4-message batches
# and prints Markdown tables. Usage: batch.sh LEXEDI FILE.ndjson [X12-DIR]
# X12-DIR holds the same messages as X12 interchanges (one file = one work item).
set -euo pipefail
lexedi=$1 ndjson=$2 x12dir=${3:-}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# table TITLE MESSAGES BYTES INPUT: one row per job count.
table() {
  local title=$1 messages=$2 bytes=$3 input=$4
  echo "### Batch validation (\`lexedi validate --jobs N\`, $title, $messages messages, $bytes bytes, best of 3)"
  echo
  echo "| jobs | seconds | messages/s | MB/s | peak RSS (MiB) |"
  echo "|---:|---:|---:|---:|---:|"
  for jobs in 1 2; do
    best=""
    rss=0
    for _ in 1 2 3; do
      # Exit code 1 means "some messages are invalid" (the batch holds 10 % invalid ones).
      /usr/bin/time -o "$tmp" -f '%e %M' "$lexedi" validate --jobs "$jobs" "$input" >/dev/null 2>&1 || true
      out=$(tail -n 1 "$tmp")
      secs=${out% *}
      kb=${out#* }
      if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; rss=$kb; fi
    done
    awk -v j="$jobs" -v s="$best" -v n="$messages" -v b="$bytes" -v k="$rss" \
      'BEGIN{ if (s <= 0) s = 0.005; printf "| %d | %.2f | %.0f | %.1f | %.1f |\n", j, s, n/s, b/s/1e6, k/1024 }'
  done
}

table "NDJSON" "$(wc -l < "$ndjson")" "$(stat -c %s "$ndjson")" "$ndjson"
if [ -n "$x12dir" ] && [ -d "$x12dir" ]; then
  files=$(find "$x12dir" -name '*.x12' | wc -l)
  messages=$(cat "$x12dir"/*.x12 | grep -c '^ST\*')
  bytes=$(cat "$x12dir"/*.x12 | wc -c)
  echo
  table "X12, $files interchanges" "$messages" "$bytes" "$x12dir"
fi
