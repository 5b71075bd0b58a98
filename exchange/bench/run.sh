#!/usr/bin/env bash
# The exchange benchmark: durable accepts of `lexedi serve` (release, SQLite WAL FULL,
# group commit) vs FastAPI + uvicorn + lexstandard 1.0.0 (stores nothing), same machine,
# same run, each server pinned to one core, the load generator on the other.
# Usage: run.sh LEXEDI LOADGEN VENV SPEC_DIR > exchange.md
set -euo pipefail
lexedi=$1 loadgen=$2 venv=$3 spec=$4
seconds=${EXCHANGE_BENCH_SECONDS:-10}
dir=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$dir"; }
trap cleanup EXIT
# TC-001's LEAD, stamped now (the reference library rejects timestamps older than 24 h).
template=$dir/template.json
python3 - "$spec/tests/conformance/tc-001-valid-lead.json" "$template" <<'PY'
import datetime, json, sys
m = json.load(open(sys.argv[1]))["input"]
m["lex"]["header"]["timestamp"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
json.dump(m, open(sys.argv[2], "w"))
PY
pin() { if command -v taskset >/dev/null; then taskset -c "$1" "${@:2}"; else "${@:2}"; fi; }
exec_pin() { if command -v taskset >/dev/null; then exec taskset -c "$1" "${@:2}"; else exec "${@:2}"; fi; }

# Started with exec so that $! is the server itself (the EXIT trap stops it by that id).
(exec_pin 1 "$lexedi" serve --db "$dir/bench.db" --listen 127.0.0.1:0 --token bench > "$dir/out" 2>/dev/null) &
pids+=($!)
for _ in $(seq 100); do grep -q listening "$dir/out" && break; sleep 0.1; done
lex=$(sed -n 's/^lexedi serve: listening on //p' "$dir/out")/v1/messages

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$(dirname "$0")" && exec_pin 1 "$venv/bin/uvicorn" fastapi_peer:app --host 127.0.0.1 --port "$port" \
   --workers 1 --log-level warning) &
pids+=($!)
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/docs" && break; sleep 0.1; done
peer=http://127.0.0.1:$port/validate

run() { pin 0 "$loadgen" "$@" --seconds "$seconds"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

lex_max=$(run "$lex" "$template" --token bench --concurrency 64)
peer_max=$(run "$peer" "$template" --concurrency 64)
lex_1k=$(run "$lex" "$template" --token bench --rate 1000)
peer_1k=$(run "$peer" "$template" --rate 1000)
rows=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from messages').fetchone()[0])" "$dir/bench.db")

echo "## Exchange: durable accepts (lexedi serve) vs FastAPI + lexstandard"
echo
echo "Each server on one core (taskset), the load generator (exchange/examples/loadgen.rs, a new"
echo "messageId per request) on the other; ${seconds} s per run; body: TC-001's LEAD. lexedi commits"
echo "every accepted message to SQLite (WAL, synchronous=FULL, group commit) before answering;"
echo "the peer validates and stores nothing. Rows committed by lexedi in this run: $rows."
echo
echo "| Run | Server | answered/s | 2xx/s | p50 ms | p99 ms | non-2xx | errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for r in "max, 64 connections|lexedi serve|$lex_max" "max, 64 connections|FastAPI + lexstandard|$peer_max" \
         "1,000 msg/s offered|lexedi serve|$lex_1k" "1,000 msg/s offered|FastAPI + lexstandard|$peer_1k"; do
  IFS='|' read -r name server json <<< "$r"
  echo "| $name | $server | $(field "$json" answeredPerSecond) | $(field "$json" okPerSecond) | $(field "$json" p50Ms) | $(field "$json" p99Ms) | $(field "$json" other) | $(field "$json" errors) |"
done
