# lex — the LEX 1.0 toolkit. `make help` lists the targets; start with `make demo`.
#
# Layout: mk/ has one file per language and one per cross-language activity.
#   mk/rust.mk    Rust workspace: build, fmt, lint, tests, stress runs, demo-x12, conformance
#   mk/c.mk       C ABI (ffi/): header, lib, install, C tests under valgrind
#   mk/python.mk  Python package      mk/node.mk    Node.js package
#   mk/java.mk    Java library        mk/dotnet.mk  C# library
#   mk/fuzz.mk    cargo-fuzz targets (smoke runs in `make test`, long runs in `make fuzz`)
#   mk/bench.mk   benchmarks of every language against peers (`make bench`, never in `make test`)
# Homes for what comes next (add the file when its first real target lands, no stubs):
#   mk/exchange.mk  the exchange server: its build, tests and demo
#   mk/services.mk  `make up` / `make down`: external services some tests start (containers)
#   mk/dist.mk      `make dist`: packages (crates, wheel, npm, jar, nupkg, liblex tarball)
# Each file appends its suites to TEST_TARGETS (and STRESS_/FUZZ_/BENCH_TARGETS). Every
# suite runs once in `make test`: check with `make -n test`.
#
# Settings every suite reads (from the environment, so a clone anywhere works):
#   LEX_SPEC_DIR    the upstream LEX 1.0 standard, exported absolute from SPEC_DIR (default
#                   ../shared/spec/lex-1.0). When absent, the suites that need it print one
#                   line and skip those cases only.
#   PROPTEST_CASES  generated cases of property tests (defaults per test in `make test`;
#                   the stress-* targets raise it; proptest itself reads it too).
#   LEX_BLESS=1     golden tests write the actual output instead of comparing (review the diff).

SHELL := /bin/bash
.DEFAULT_GOAL := help
CARGO ?= cargo
SPEC_DIR ?= $(or $(LEX_SPEC_DIR),../shared/spec/lex-1.0)
export LEX_SPEC_DIR := $(abspath $(SPEC_DIR))
export CARGO_TERM_COLOR ?= never

TEST_TARGETS :=
STRESS_TARGETS :=
FUZZ_TARGETS :=
BENCH_TARGETS :=
# Shown first by `make help`: what a newcomer needs.
START_TARGETS := demo test install

# Languages first (Rust, then the C ABI and the bindings), then activities, then any new file.
MK_ORDER := rust c python node java dotnet fuzz bench
MK_FILES := $(wildcard $(MK_ORDER:%=mk/%.mk)) $(filter-out $(MK_ORDER:%=mk/%.mk),$(sort $(wildcard mk/*.mk)))
include $(MK_FILES)

.PHONY: help demo test stress fuzz bench

##@ Everything

help: ## List the targets: the first few, then every group
	@awk -v start="$(START_TARGETS)" ' \
	  BEGIN { FS = ":.*## "; n = split(start, first, " ") } \
	  /^##@ / { group = substr($$0, 5); if (!(group in seen)) { seen[group] = 1; order[++g] = group } next } \
	  /^[a-zA-Z0-9_.-]+:.*## / { desc[$$1] = $$2; if (!($$1 in grp)) { grp[$$1] = group; list[group] = list[group] " " $$1 } } \
	  END { \
	    print "Start here:"; \
	    for (i = 1; i <= n; i++) printf "  make %-20s %s\n", first[i], desc[first[i]]; \
	    for (i = 1; i <= g; i++) { \
	      m = split(list[order[i]], ts, " "); out = ""; \
	      for (j = 1; j <= m; j++) { t = ts[j]; skip = 0; \
	        for (k = 1; k <= n; k++) if (first[k] == t) skip = 1; \
	        if (!skip) out = out sprintf("  make %-20s %s\n", t, desc[t]) } \
	      if (out != "") printf "\n%s:\n%s", order[i], out \
	    } \
	  }' Makefile $(MK_FILES)

demo: ## Validate and convert the bundled example message
	$(CARGO) run -q -p lex-cli -- validate examples/lead.json
	$(CARGO) run -q -p lex-cli -- convert examples/lead.json --to json --compact

test: $(TEST_TARGETS) ## Run every test suite once (installs what is missing)
	@echo "make test: all suites passed"

stress: $(STRESS_TARGETS) ## Long property and stress runs (not part of make test)
	@echo "make stress: done"

fuzz: $(FUZZ_TARGETS) ## Run the fuzz targets (FUZZ_SECONDS per target, default 60)
	@echo "make fuzz: done"

bench: $(BENCH_TARGETS) ## Benchmarks against peers; writes BENCHMARKS.md
	@echo "make bench: done"
