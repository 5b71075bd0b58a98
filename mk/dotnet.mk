##@ C#
# The C# library (bindings-dotnet/): P/Invoke over liblex, built with Mono's mcs (C# 7.2) and
# tested with NUnit 2.6 from Debian. The SDK-style LexEdi.csproj is for .NET SDK users only.

DOTNET_DIR := bindings-dotnet
DOTNET_BIN := $(DOTNET_DIR)/bin
DOTNET_OUT := build/dotnet
DOTNET_SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DOTNET_APT := mono-mcs mono-runtime nunit-console libnunit-cil-dev pkg-config
# -langversion:7.2 keeps to what mcs (and netstandard2.0 users) accept; -doc makes a missing
# doc comment on a public item a warning, and warnings are errors.
DOTNET_MCS := mcs -langversion:7.2 -warnaserror+ -nologo -optimize+
DOTNET_SRC := $(sort $(wildcard $(DOTNET_DIR)/src/*.cs))
DOTNET_TESTS := $(sort $(wildcard $(DOTNET_DIR)/tests/*.cs))

TEST_TARGETS += test-dotnet

.PHONY: dotnet-deps dotnet test-dotnet

dotnet-deps: ## Install Mono (mcs, runtime) and NUnit 2.6 from Debian when missing
	@if ! command -v mcs >/dev/null || ! command -v mono >/dev/null || ! command -v nunit-console >/dev/null \
	    || ! pkg-config --exists nunit 2>/dev/null; then \
	  echo "installing $(DOTNET_APT)"; \
	  $(DOTNET_SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(DOTNET_SUDO) apt-get install -y -qq --no-install-recommends \
	    -o DPkg::Lock::Timeout=600 $(DOTNET_APT) >/dev/null; \
	fi

dotnet: dotnet-deps lib ## Build bindings-dotnet/bin/LexEdi.dll with liblex.so beside it (LEX_PROFILE=release|dev)
	@mkdir -p $(DOTNET_BIN)
	$(DOTNET_MCS) -target:library -doc:$(DOTNET_BIN)/LexEdi.xml -out:$(DOTNET_BIN)/LexEdi.dll $(DOTNET_SRC)
	cp $(CABI_LIBDIR)/liblex.so $(DOTNET_BIN)/liblex.so

test-dotnet: dotnet-deps ## C#: compile with mcs, run every NUnit test (vectors, errors, panic, disposal, threads, README)
	$(CARGO) build -q -p lex-ffi --features debug-hooks
	@rm -rf $(DOTNET_OUT) && mkdir -p $(DOTNET_OUT)
	$(DOTNET_MCS) -target:library -doc:$(DOTNET_OUT)/LexEdi.xml -out:$(DOTNET_OUT)/LexEdi.dll $(DOTNET_SRC)
	$(DOTNET_MCS) -target:library -r:$(DOTNET_OUT)/LexEdi.dll $$(pkg-config --libs nunit) -r:System.Core.dll \
	  -out:$(DOTNET_OUT)/LexEdi.Tests.dll $(DOTNET_TESTS)
	cp $(CABI_TARGET_DIR)/debug/liblex.so $(DOTNET_OUT)/liblex.so
	@cp $$(pkg-config --variable=pkglibdir nunit)/nunit.framework-2.6.3/nunit.framework.dll $(DOTNET_OUT)/
	@\
	LEX_REPO_ROOT="$(CURDIR)" LEX_VECTOR_DIRS="$(CABI_VECTOR_DIRS)" \
	  nunit-console -nologo -noshadow -labels -xml=$(DOTNET_OUT)/TestResult.xml $(DOTNET_OUT)/LexEdi.Tests.dll \
	  > $(DOTNET_OUT)/nunit.log 2>&1; rc=$$?; \
	cat $(DOTNET_OUT)/nunit.log; \
	total=$$(sed -n 's/.*<test-results[^>]* total="\([0-9]*\)".*/\1/p' $(DOTNET_OUT)/TestResult.xml); \
	errors=$$(sed -n 's/.*<test-results[^>]* errors="\([0-9]*\)".*/\1/p' $(DOTNET_OUT)/TestResult.xml); \
	failures=$$(sed -n 's/.*<test-results[^>]* failures="\([0-9]*\)".*/\1/p' $(DOTNET_OUT)/TestResult.xml); \
	notrun=$$(sed -n 's/.*<test-results[^>]* not-run="\([0-9]*\)".*/\1/p' $(DOTNET_OUT)/TestResult.xml); \
	failed=$$(( $${errors:-0} + $${failures:-0} )); \
	skipped=$$(grep -c '^SKIP ' $(DOTNET_OUT)/nunit.log); \
	echo "$$(( $${total:-0} - failed - skipped )) passed, $$failed failed, $$skipped skipped"; \
	if [ -z "$$total" ] || [ "$$total" = 0 ]; then echo "test-dotnet: no test ran"; exit 1; fi; \
	if [ "$${notrun:-0}" != 0 ]; then echo "test-dotnet: $$notrun tests were not run"; exit 1; fi; \
	exit $$rc
