# lex-exchange: `lexedi serve`, the LEX exchange endpoint durable on SQLite (issue 20).
# Its Rust suites (exchange/tests: vectors over HTTP, idempotency, restart, bad input, TLS,
# lifecycle, the kill -9 crash test on target/debug/lexedi) run once in `make test` through
# `cargo test --workspace` (mk/rust.mk); `make test-exchange` runs them alone. They start
# real servers on loopback ports over real SQLite files; the public vectors come from
# LEX_SPEC_DIR, skipped with one line when absent.

##@ Exchange

.PHONY: test-exchange

test-exchange: ## lex-exchange suites alone (vectors over HTTP, crash test, bad input, TLS, ...)
	$(CARGO) build -p lex-cli
	LEXEDI=$(abspath target/debug/lexedi) $(CARGO) test -p lex-exchange -- --nocapture

# schemathesis (PyPI, pinned) against lex's own OpenAPI served by a real `lexedi serve`:
# fixed seed, 60 s. `positive_data_acceptance` is excluded: the document states the
# envelope, not every LEX rule, so a schema-valid but rule-breaking message rightly gets
# 422 (reading C1), which that check counts as a failure.
TEST_TARGETS += test-exchange-api
EXCHANGE_VENV ?= target/exchange-venv
SCHEMATHESIS_VERSION ?= 4.32.5

.PHONY: test-exchange-api

test-exchange-api: ## schemathesis against lexedi serve's /v1/openapi.json (seed 20, 60 s)
	$(CARGO) build -p lex-cli
	test -x $(EXCHANGE_VENV)/bin/schemathesis || { python3 -m venv $(EXCHANGE_VENV) && \
	  $(EXCHANGE_VENV)/bin/pip install -q schemathesis==$(SCHEMATHESIS_VERSION) openapi-spec-validator; }
	$(EXCHANGE_VENV)/bin/openapi-spec-validator exchange/openapi/lex-exchange.openapi.json
	set -e; dir=$$(mktemp -d); \
	  target/debug/lexedi serve --db $$dir/st.db --listen 127.0.0.1:0 --token st-token > $$dir/out 2> $$dir/err & pid=$$!; \
	  trap 'kill $$pid 2>/dev/null; rm -rf $$dir' EXIT; \
	  for i in $$(seq 50); do grep -q listening $$dir/out && break; sleep 0.1; done; \
	  url=$$(sed -n 's/^lexedi serve: listening on //p' $$dir/out); \
	  $(EXCHANGE_VENV)/bin/schemathesis run $$url/v1/openapi.json --url $$url \
	    -H "Authorization: Bearer st-token" --checks all --exclude-checks positive_data_acceptance \
	    --seed 20 --max-time 60 --workers 2

# The exchange benchmark (make bench): durable accepts/s and p50/p99 at 1,000 msg/s offered,
# lexedi serve vs FastAPI + uvicorn + lexstandard 1.0.0 (PyPI), written to
# $(BENCH_OUT)/exchange.md, which bench-report puts into BENCHMARKS.md.
BENCH_TARGETS += bench-exchange
bench-report: bench-exchange

.PHONY: bench-exchange

bench-exchange: ## Exchange: lexedi serve durable accepts vs FastAPI + lexstandard (POST /validate)
	@mkdir -p $(BENCH_OUT)
	$(CARGO) build -q --release -p lex-cli
	$(CARGO) build -q --release -p lex-exchange --example loadgen
	test -x $(EXCHANGE_VENV)/bin/uvicorn || { test -x $(EXCHANGE_VENV)/bin/python || python3 -m venv $(EXCHANGE_VENV); \
	  $(EXCHANGE_VENV)/bin/pip install -q fastapi==0.165.0 uvicorn==0.55.0 lexstandard==1.0.0; }
	bash exchange/bench/run.sh $(abspath target/release/lexedi) $(abspath target/release/examples/loadgen) \
	  $(abspath $(EXCHANGE_VENV)) $(abspath $(SPEC_DIR)) > $(BENCH_OUT)/exchange.md
	@cat $(BENCH_OUT)/exchange.md
