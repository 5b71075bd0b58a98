##@ Benchmarks
# Benchmarks against peers, every language. Never part of `make test`; `make bench` runs one
# process per language, then writes BENCHMARKS.md from build/bench-results/*.md.
# Peer installs live under build/ (node_modules), never committed.

BENCH_CORPUS := build/bench-corpus
BENCH_OUT := build/bench-results
BENCH_NODE_DIR := build/bench-node
BENCH_LANGS := bench-rust bench-python-peers bench-node bench-batch
# Java, C# and C (below) write java.md, dotnet.md and c.md.
BENCH_LANGS += bench-java bench-dotnet bench-c
BENCH_TARGETS += bench-report bench-python bench-lifecycle
# Size of the NDJSON file of `make bench-memory` (bytes).
BENCH_MEMORY_BYTES ?= 1000000000

.PHONY: bench-python-peers bench-time bench-corpus bench-rust bench-node bench-batch bench-memory bench-report

bench-corpus: ## Generate the benchmark corpus into build/bench-corpus (deterministic)
	$(CARGO) run -q --release -p lex-bench --bin lex-bench-corpus -- $(BENCH_CORPUS)

bench-rust: bench-corpus ## Rust: criterion benchmarks vs serde_json, jsonschema, quick-xml, x12-types, edifact-parser
	@mkdir -p $(BENCH_OUT)
	$(CARGO) bench -q -p lex-bench --features x12-peer --bench rust -- --noplot

bench-python-peers: bench-corpus bench-python ## Python: lex.validate vs jsonschema, fastjsonschema, jsonschema-rs; EDIFACT/X12 vs pydifact, badx12
	@mkdir -p $(BENCH_OUT)
	$(PY_BIN)/python -m pip install -q --disable-pip-version-check \
	  jsonschema==4.26.0 fastjsonschema==2.22.3 jsonschema-rs==0.60.3 pydifact==0.2.3 badx12==0.2.2
	$(PY_BIN)/python tools/bench/python_peers.py

bench-node: bench-corpus node-deps ## Node: validate vs JSON.parse + ajv, EDIFACT/X12 read vs edifact, node-x12 (npm), per-call overhead
	@mkdir -p $(BENCH_OUT) $(BENCH_NODE_DIR)
	@cmp -s tools/bench/node-package.json $(BENCH_NODE_DIR)/package.json || cp tools/bench/node-package.json $(BENCH_NODE_DIR)/package.json
	@test -d $(BENCH_NODE_DIR)/node_modules/ajv && test -d $(BENCH_NODE_DIR)/node_modules/node-x12 || \
	  (cd $(BENCH_NODE_DIR) && npm install --no-audit --no-fund --loglevel=error)
	cd $(NODE_DIR) && CARGO=$(CARGO) node scripts/build.js --profile release
	NODE_PATH=$(abspath $(BENCH_NODE_DIR))/node_modules node tools/bench/node.mjs

bench-time:
	@test -x /usr/bin/time || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

bench-batch: bench-corpus bench-time ## Batch validation of 10^4 messages (NDJSON, X12) with lexedi --jobs 1 and 2
	@mkdir -p $(BENCH_OUT)
	$(CARGO) build -q --release -p lex-cli
	bash tools/bench/batch.sh target/release/lexedi $(BENCH_CORPUS)/batch-10k.ndjson $(BENCH_CORPUS)/x12-batch-10k > $(BENCH_OUT)/batch.md
	@cat $(BENCH_OUT)/batch.md

bench-memory: bench-time ## Peak RSS of `lexedi validate --jobs 2` over ~1 GB of NDJSON (not in CI)
	@mkdir -p $(BENCH_OUT)
	$(CARGO) build -q --release -p lex-cli -p lex-bench
	target/release/lex-bench-corpus $(BENCH_CORPUS) --ndjson-bytes $(BENCH_MEMORY_BYTES)
	bash tools/bench/memory.sh target/release/lexedi $(BENCH_CORPUS)/big.ndjson > $(BENCH_OUT)/memory.md
	@cat $(BENCH_OUT)/memory.md

bench-report: $(BENCH_LANGS) ## Write BENCHMARKS.md from the results of every language
	bash tools/bench/report.sh $(BENCH_OUT) > BENCHMARKS.md
	@echo "wrote BENCHMARKS.md"

.PHONY: bench-java
bench-java: bench-corpus java-deps ## Java: JMH, Lex.validate vs networknt json-schema-validator, X12/EDIFACT read vs StAEDI, JNI per-call overhead
	@mkdir -p $(BENCH_OUT)
	$(MVN) -B -ntp -q -f bindings-java/pom.xml -Dlex.cargo.profile=release -DskipTests install
	$(MVN) -B -ntp -q -f bindings-java/bench/pom.xml compile exec:exec > $(BENCH_OUT)/java-jmh.log 2>&1 || \
	  { tail -n 40 $(BENCH_OUT)/java-jmh.log; exit 1; }
	@cat $(BENCH_OUT)/java.md

.PHONY: bench-python bench-lifecycle
bench-python: python-venv ## Time the main calls of the Python package (release build)
	VIRTUAL_ENV=$(abspath $(PY_VENV)) PATH=$(abspath $(PY_BIN)):$$PATH \
	  $(PY_BIN)/maturin develop -q --release -m bindings-python/Cargo.toml
	$(PY_BIN)/python bindings-python/bench/bench.py

bench-lifecycle: ## Throughput of transitions, fingerprints, ACKs, forwarding, the Receiver
	$(CARGO) run --release -q -p lex-core --example lifecycle_bench

.PHONY: bench-dotnet
bench-dotnet: dotnet bench-corpus ## C#: validate, parse, X12/EDIFACT read, convert and the P/Invoke overhead on Mono (release liblex); writes build/bench-results/dotnet.md
	$(DOTNET_MCS) -r:$(DOTNET_BIN)/LexEdi.dll -out:$(DOTNET_BIN)/Bench.exe $(DOTNET_DIR)/bench/Bench.cs
	mono $(DOTNET_BIN)/Bench.exe $(BENCH_CORPUS) $(BENCH_OUT)/dotnet.md

.PHONY: bench-c
bench-c: bench-corpus ## C: per-call overhead of a trivial call and validate/parse/read timings (release liblex); writes build/bench-results/c.md
	$(MAKE) --no-print-directory lib LEX_PROFILE=release
	@mkdir -p $(CABI_OUT) $(BENCH_OUT)
	cc -std=c11 -O2 -Wall -Wextra -Werror -Iffi/include ffi/bench/bench.c \
	  $(CABI_TARGET_DIR)/release/liblex.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o $(CABI_OUT)/bench
	$(CABI_OUT)/bench $(BENCH_CORPUS) $(BENCH_OUT)/c.md
