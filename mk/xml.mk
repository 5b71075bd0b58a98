# XML-EDI: the long property run. The normal run (1,000 cases) is part of test-rust.
STRESS_TARGETS += stress-xml

.PHONY: stress-xml
stress-xml: ## XML round-trip property tests with 100,000 generated messages
	LEX_PROPTEST_CASES=$${LEX_PROPTEST_CASES:-100000} $(CARGO) test -q -p lex-core --test xml_roundtrip
