##@ Rust (core, CLI, C ABI crate, bindings crates, bench crate)
# `cargo test --workspace` runs every Rust suite once: unit, integration (core/tests,
# cli/tests), doc tests and the vector runner over tests/vectors and the public conformance
# vectors. lex-ffi is left out here and tested with its debug hooks in test-c (mk/c.mk).
# Long runs raise PROPTEST_CASES per target; `PROPTEST_CASES=N make stress-x12` overrides.

LEXEDI_RUN = $(CARGO) run -q -p lex-cli --

TEST_TARGETS += test-rust
STRESS_TARGETS += stress-x12 stress-edifact stress-xml stress-cross-format stress-lifecycle stress-stream

.PHONY: test-rust lint-rust build fmt demo-x12 conformance \
  stress-x12 stress-edifact stress-xml stress-cross-format stress-lifecycle stress-stream

build: ## Build the Rust workspace (dev profile)
	$(CARGO) build --workspace

fmt: ## Format the Rust code
	$(CARGO) fmt --all

lint-rust: ## rustfmt check and clippy -D warnings over every crate and target
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-rust: lint-rust ## Rust unit, integration, vector and doc tests of every crate (lex-ffi: see test-c)
	$(CARGO) test --workspace --exclude lex-ffi

demo-x12: ## Convert the bundled example to X12 850 and read it back strictly
	$(LEXEDI_RUN) convert examples/lead.json --to x12 -o target/lead.x12
	$(LEXEDI_RUN) validate --strict target/lead.x12
	$(LEXEDI_RUN) convert target/lead.x12 --to json --compact

conformance: ## lexedi conformance over the public LEX vectors (LEX_SPEC_DIR) and tests/vectors
	@if [ -d "$(LEX_SPEC_DIR)/tests/conformance" ]; then \
	  $(LEXEDI_RUN) conformance "$(LEX_SPEC_DIR)/tests/conformance"; \
	else \
	  echo "conformance: LEX_SPEC_DIR $(LEX_SPEC_DIR) not found, public vectors skipped"; \
	fi
	@out=$$($(LEXEDI_RUN) conformance tests/vectors) || { echo "$$out" | grep -v '^PASS'; exit 1; }; \
	  echo "$$out" | tail -n 1

stress-x12: ## X12 round trip with 20,000 generated interchanges
	PROPTEST_CASES=$${PROPTEST_CASES:-20000} $(CARGO) test -q -p lex-core --test x12_roundtrip

stress-edifact: ## EDIFACT generated round trips with 20,000 cases
	PROPTEST_CASES=$${PROPTEST_CASES:-20000} $(CARGO) test -p lex-core --test edifact_roundtrip json_edifact_json_is_identity

stress-xml: ## XML round-trip property tests with 100,000 generated messages
	PROPTEST_CASES=$${PROPTEST_CASES:-100000} $(CARGO) test -q -p lex-core --test xml_roundtrip

stress-cross-format: ## 100,000 generated messages through every cross-format path and the chain
	PROPTEST_CASES=$${PROPTEST_CASES:-100000} $(CARGO) test --release -p lex-core --test cross_format

stress-lifecycle: ## Robustness properties of the exchange operations with 20,000 cases
	PROPTEST_CASES=$${PROPTEST_CASES:-20000} $(CARGO) test --release -p lex-core --test lifecycle_robustness

stress-stream: ## Validate a 1 GiB NDJSON stream with --jobs 2 and check peak RSS < 64 MiB
	LEX_STREAM_BYTES=1073741824 $(CARGO) test -p lex-cli --test batch_cli streaming -- --nocapture
