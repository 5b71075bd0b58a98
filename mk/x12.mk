# X12 850: the Rust suites (core/tests/x12_*.rs, cli/tests/x12_cli.rs) run in test-rust;
# this file only adds a demo.

.PHONY: demo-x12

demo-x12: ## Convert the bundled example to X12 850 and read it back strictly
	$(CARGO) run -q -p lex-cli -- convert examples/lead.json --to x12 -o target/lead.x12
	$(CARGO) run -q -p lex-cli -- validate --strict target/lead.x12
	$(CARGO) run -q -p lex-cli -- convert target/lead.x12 --to json --compact
