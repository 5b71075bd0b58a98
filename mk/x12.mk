# X12 850: the Rust suites (core/tests/x12_*.rs, cli/tests/x12_cli.rs) run in test-rust;
# this file adds a demo and a long property run to `make stress`.

.PHONY: demo-x12

demo-x12: ## Convert the bundled example to X12 850 and read it back strictly
	$(CARGO) run -q -p lex-cli -- convert examples/lead.json --to x12 -o target/lead.x12
	$(CARGO) run -q -p lex-cli -- validate --strict target/lead.x12
	$(CARGO) run -q -p lex-cli -- convert target/lead.x12 --to json --compact

STRESS_TARGETS += stress-x12
.PHONY: stress-x12

stress-x12: ## X12 round trip with 20,000 generated interchanges
	X12_PROPTEST_CASES=20000 $(CARGO) test -q -p lex-core --test x12_roundtrip
