##@ C ABI
# The C ABI (ffi/): liblex.so / liblex.a, the generated header ffi/include/lex.h, the C tests.
# Conventions: ffi/ARCHITECTURE.md.

CBINDGEN_VERSION := 0.29.4
CABI_TOOLS := build/tools
CBINDGEN := $(CABI_TOOLS)/bin/cbindgen
CABI_OUT := build/c-tests
CABI_TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
CABI_SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Profile of `make lib` / `make install`: release (default) or dev.
LEX_PROFILE ?= release
PREFIX ?= /usr/local
# Vector folders the C runner executes (e.g. add $(LEX_SPEC_DIR)/tests/conformance).
CABI_VECTOR_DIRS ?= tests/vectors
CABI_LIBDIR = $(CABI_TARGET_DIR)/$(if $(filter release,$(LEX_PROFILE)),release,debug)
CABI_ABI_MAJOR = $(shell sed -n 's/^\#define LEX_ABI_VERSION_MAJOR \([0-9]*\)$$/\1/p' ffi/include/lex.h)
CABI_VERSION = $(shell sed -n 's/^version = "\(.*\)"$$/\1/p' Cargo.toml | head -n 1)

TEST_TARGETS += test-c

.PHONY: cbindgen header header-check lib install test-c

cbindgen: ## Install the pinned cbindgen into build/tools when missing
	@if ! $(CBINDGEN) --version 2>/dev/null | grep -qx 'cbindgen $(CBINDGEN_VERSION)'; then \
	  echo "installing cbindgen $(CBINDGEN_VERSION) into $(CABI_TOOLS)"; \
	  $(CARGO) install cbindgen --version $(CBINDGEN_VERSION) --locked --root $(CABI_TOOLS) --quiet; \
	fi

header: cbindgen ## Regenerate ffi/include/lex.h from ffi/src
	$(CBINDGEN) --quiet --config ffi/cbindgen.toml --crate lex-ffi --output ffi/include/lex.h ffi

header-check: cbindgen ## Fail when the committed ffi/include/lex.h is stale
	@mkdir -p $(CABI_OUT)
	$(CBINDGEN) --quiet --config ffi/cbindgen.toml --crate lex-ffi --output $(CABI_OUT)/lex.h ffi
	@diff -u ffi/include/lex.h $(CABI_OUT)/lex.h || \
	  { echo "ffi/include/lex.h is stale: run 'make header' and commit it"; exit 1; }

lib: ## Build liblex.so and liblex.a (LEX_PROFILE=release|dev)
	$(CARGO) build -p lex-ffi $(if $(filter release,$(LEX_PROFILE)),--release)

install: lib ## Install lex.h, liblex.so, liblex.a and lex.pc under PREFIX (default /usr/local)
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 ffi/include/lex.h $(DESTDIR)$(PREFIX)/include/lex.h
	install -m 755 $(CABI_LIBDIR)/liblex.so $(DESTDIR)$(PREFIX)/lib/liblex.so.$(CABI_ABI_MAJOR)
	ln -sf liblex.so.$(CABI_ABI_MAJOR) $(DESTDIR)$(PREFIX)/lib/liblex.so
	install -m 644 $(CABI_LIBDIR)/liblex.a $(DESTDIR)$(PREFIX)/lib/liblex.a
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(CABI_VERSION)|' ffi/lex.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/lex.pc

test-c: header-check ## C ABI: header drift, C tests under valgrind (API, errors, panic, threads, vectors), install + pkg-config
	@command -v valgrind >/dev/null && command -v pkg-config >/dev/null || \
	  { $(CABI_SUDO) apt-get update -qq && $(CABI_SUDO) apt-get install -y -qq valgrind pkg-config >/dev/null; }
	$(CARGO) clippy -q -p lex-ffi --features debug-hooks --all-targets -- -D warnings
	$(CARGO) test -q -p lex-ffi --features debug-hooks
	$(CARGO) build -q -p lex-ffi --features debug-hooks
	bash ffi/tests/run.sh $(CABI_TARGET_DIR)/debug $(CABI_OUT) $(CABI_VECTOR_DIRS)
	@echo "== make install + pkg-config"
	rm -rf $(CABI_OUT)/prefix
	$(MAKE) --no-print-directory install PREFIX=$(abspath $(CABI_OUT)/prefix) LEX_PROFILE=dev CARGO="$(CARGO) -q"
	@! nm -D $(CABI_OUT)/prefix/lib/liblex.so | grep -q lex_debug_force_panic || \
	  { echo "the installed liblex.so exports the debug hook"; exit 1; }
	PKG_CONFIG_PATH=$(abspath $(CABI_OUT)/prefix)/lib/pkgconfig sh -c \
	  'cc -std=c11 -Wall -Wextra -Werror ffi/examples/validate.c $$(pkg-config --cflags --libs lex) \
	    -Wl,-rpath,$$(pkg-config --variable=libdir lex) -o $(CABI_OUT)/lex-validate'
	$(CABI_OUT)/lex-validate examples/lead.json | tail -n 1 | grep -qx 'examples/lead.json: valid'
	@echo "test-c: all C ABI checks passed"
