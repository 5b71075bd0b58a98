# Batches, streaming and cross-format work (issue [formats]).
STRESS_TARGETS += stress-stream

.PHONY: stress-stream

stress-stream: ## Validate a 1 GiB NDJSON stream with --jobs 2 and check peak RSS < 64 MiB
	LEX_STREAM_BYTES=1073741824 $(CARGO) test -p lex-cli --test batch_cli streaming -- --nocapture

STRESS_TARGETS += stress-cross-format
.PHONY: stress-cross-format
stress-cross-format: ## 100,000 generated messages through every cross-format path and the chain
	LEX_PROPTEST_CASES=100000 $(CARGO) test --release -p lex-core --test cross_format
