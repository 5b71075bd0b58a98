# lex-exchange: `lexedi serve`, the LEX exchange endpoint durable on SQLite (issue 20).
# Tests start real servers on loopback ports over real SQLite files; the public vectors
# are read from $(SPEC_DIR) (LEX_SPEC_DIR), skipped with one line when absent. The crash
# test kills the real `lexedi serve` (LEXEDI) with SIGKILL twenty times.

TEST_TARGETS += test-exchange

.PHONY: test-exchange

test-exchange: ## lex-exchange: vectors over HTTP, idempotency, restart, bad input, kill -9 crash test
	$(CARGO) build -p lex-cli
	LEX_SPEC_DIR=$(abspath $(SPEC_DIR)) LEXEDI=$(abspath target/debug/lexedi) \
	  $(CARGO) test -p lex-exchange -- --nocapture
