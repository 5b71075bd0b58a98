# Exchange semantics (lifecycle, receiver, consent, governance, extensions).
# Their unit, vector and CLI tests run in test-rust; these are the extra runs.

STRESS_TARGETS += stress-lifecycle
BENCH_TARGETS += bench-lifecycle

.PHONY: stress-lifecycle bench-lifecycle

stress-lifecycle: ## Robustness properties of the exchange operations with many cases
	LEX_STRESS_CASES=$${LEX_STRESS_CASES:-20000} $(CARGO) test --release -p lex-core --test lifecycle_robustness

bench-lifecycle: ## Throughput of transitions, fingerprints, ACKs, forwarding, the Receiver
	$(CARGO) run --release -q -p lex-core --example lifecycle_bench
