##@ Fuzzing
# Fuzzing with cargo-fuzz (libFuzzer, nightly toolchain). `make fuzz` runs every target for
# FUZZ_SECONDS; `make test` runs each for a fixed, seeded number of runs so they never rot.
FUZZERS := json_read xml_read x12_read edifact_read convert
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_RUNS ?= 4000
FUZZ_TOOLS := $(CURDIR)/build/tools
CARGO_FUZZ := $(FUZZ_TOOLS)/bin/cargo-fuzz
FUZZ_TARGETS += fuzz-run
TEST_TARGETS += test-fuzz

.PHONY: fuzz-tools fuzz-seeds fuzz-run test-fuzz

$(CARGO_FUZZ):
	$(CARGO) install --quiet --locked cargo-fuzz --version 0.13.1 --root $(FUZZ_TOOLS)

fuzz-tools: $(CARGO_FUZZ) ## Install a pinned cargo-fuzz under build/tools

fuzz-seeds: ## Seed fuzz/corpus/ from the vectors, examples and goldens
	@python3 tools/fuzz_seeds.py

fuzz-run: fuzz-tools fuzz-seeds ## Run every fuzz target for FUZZ_SECONDS seconds
	@for t in $(FUZZERS); do \
	  echo "== fuzz $$t for $(FUZZ_SECONDS)s"; \
	  (cd fuzz && RUSTUP_TOOLCHAIN=nightly $(CARGO_FUZZ) run --fuzz-dir . $$t corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048) || exit 1; \
	done

test-fuzz: fuzz-tools fuzz-seeds ## Each fuzz target, briefly and deterministically (seed 1)
	@for t in $(FUZZERS); do \
	  echo "== fuzz $$t: $(FUZZ_SMOKE_RUNS) runs"; \
	  (cd fuzz && set -o pipefail && RUSTUP_TOOLCHAIN=nightly $(CARGO_FUZZ) run --fuzz-dir . $$t corpus/$$t -- \
	    -runs=$(FUZZ_SMOKE_RUNS) -seed=1 -rss_limit_mb=2048 2>&1 | tail -n 2) || exit 1; \
	done
