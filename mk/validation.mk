# Validation: the public LEX conformance vectors (when the standard is checked out next to
# the repository) and the project's own vectors, through `lexedi conformance`.

TEST_TARGETS += test-conformance

CONFORMANCE_DIR ?= $(SPEC_DIR)/tests/conformance
LEXEDI_RUN = $(CARGO) run -q -p lex-cli --

.PHONY: test-conformance

test-conformance: ## Run the LEX conformance vectors and tests/vectors with lexedi conformance
	@if [ -d "$(CONFORMANCE_DIR)" ]; then \
	  echo "lexedi conformance $(CONFORMANCE_DIR)"; \
	  $(LEXEDI_RUN) conformance "$(CONFORMANCE_DIR)"; \
	else \
	  echo "test-conformance: $(CONFORMANCE_DIR) not found, public vectors skipped"; \
	fi
	@echo "lexedi conformance tests/vectors"
	@out=$$($(LEXEDI_RUN) conformance tests/vectors) || { echo "$$out" | grep -v '^PASS'; exit 1; }; \
	  echo "$$out" | tail -n 1
	$(CARGO) test -q -p lex-core --test vectors
