# EDIFACT ORDERS D.96A codec: its Rust suites on their own (also part of test-rust).

TEST_TARGETS += test-edifact

.PHONY: test-edifact

test-edifact: ## EDIFACT suites: round trips (1,000 generated cases), goldens, upstream examples, vectors, CLI
	$(CARGO) test -p lex-core --test edifact_roundtrip --test edifact_read --test edifact_vectors
	$(CARGO) test -p lex-cli --test edifact_cli
