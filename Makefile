# lex — the LEX 1.0 toolkit. `make help` lists the targets.
#
# `make test` runs every suite and installs what it needs on a fresh Debian machine.
# Each area adds its own targets in mk/<area>.mk by appending to TEST_TARGETS.

SHELL := /bin/bash
.DEFAULT_GOAL := help
CARGO ?= cargo
SPEC_DIR ?= ../shared/spec/lex-1.0
# The Rust tests that read the standard's examples at run time look here.
export LEX_SPEC_DIR ?= $(abspath $(SPEC_DIR))
export CARGO_TERM_COLOR ?= never

TEST_TARGETS := test-rust
STRESS_TARGETS :=
FUZZ_TARGETS :=
BENCH_TARGETS :=

include $(sort $(wildcard mk/*.mk))

.PHONY: help test test-rust lint demo build fmt stress fuzz bench

help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_.-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN{FS=":.*## "} {printf "  make %-18s %s\n", $$1, $$2}'

build: ## Build the Rust workspace (dev profile)
	$(CARGO) build --workspace

test: $(TEST_TARGETS) ## Run every test suite (installs what is missing)
	@echo "make test: all suites passed"

stress: $(STRESS_TARGETS) ## Long property and stress runs (not part of make test)
	@echo "make stress: done"

fuzz: $(FUZZ_TARGETS) ## Run the fuzz targets (FUZZ_SECONDS per target, default 60)
	@echo "make fuzz: done"

bench: $(BENCH_TARGETS) ## Benchmarks against peers; writes BENCHMARKS.md
	@echo "make bench: done"

test-rust: ## Rust unit, integration and doc tests, formatting and clippy
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) test --workspace

demo: ## Validate and convert the bundled example message
	$(CARGO) run -q -p lex-cli -- validate examples/lead.json
	$(CARGO) run -q -p lex-cli -- convert examples/lead.json --to json --compact

fmt: ## Format the Rust code
	$(CARGO) fmt --all
