# EDIFACT ORDERS D.96A codec: its Rust suites on their own (also part of test-rust).

TEST_TARGETS += test-edifact

.PHONY: test-edifact

test-edifact: ## EDIFACT suites: round trips (1,000 generated cases), goldens, upstream examples, vectors, CLI
	$(CARGO) test -p lex-core --test edifact_roundtrip --test edifact_read --test edifact_vectors --test edifact_contrl
	$(CARGO) test -p lex-cli --test edifact_cli

STRESS_TARGETS += stress-edifact

.PHONY: stress-edifact

stress-edifact: ## EDIFACT generated round trips with 20,000 cases
	EDIFACT_CASES=20000 $(CARGO) test -p lex-core --test edifact_roundtrip json_edifact_json_is_identity
