##@ Distribution (packages a user installs without Rust)
# Distribution (issue 18): names, one version, `make dist` and the clean-room `make test-dist`.
# Names: PyPI `lexedi` (import lex), npm `lexedi` + `lexedi-linux-x64-gnu`, Maven
# `org.lexedi:lex`, NuGet `LexEdi`, C/CLI archive `lex-<version>-linux-x86_64.tar.gz`.
#
# `make dist` builds every native artifact once, for glibc 2.17, with the `dist` cargo profile
# (thin LTO) through cargo-zigbuild (zig from PyPI's ziglang): liblex.so/.a, lexedi, the JNI
# library and the Node addon in one cargo run, then the Python extension through maturin --zig
# (maturin compiles it itself; see the README's note), and packs them into dist/.

DIST_PYTHON ?= python3
DIST ?= dist
DIST_STAGE := build/dist
DIST_VENV := build/venv-dist
DIST_BIN := $(abspath $(DIST_VENV))/bin
DIST_TRIPLE := x86_64-unknown-linux-gnu
DIST_GLIBC := 2.17
DIST_TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
DIST_NATIVE := $(DIST_TARGET_DIR)/$(DIST_TRIPLE)/dist
# maturin links with its own zig wrapper, which cargo sees as another configuration: a target
# directory of its own keeps the two builds from invalidating each other.
DIST_PY_TARGET_DIR := $(DIST_TARGET_DIR)/dist-python
DIST_TOOLS := maturin==1.16.0 ziglang==0.17.0 cargo-zigbuild==0.24.0 auditwheel==6.8.2
# cargo-zigbuild (also inside maturin) writes zig wrapper scripts that name the executable that
# wrote them into $XDG_CACHE_HOME/cargo-zigbuild and reuses them: keep them with the venv, so a
# new venv never finds wrappers pointing into an old one.
DIST_PATH := $(DIST_BIN):$(PATH) XDG_CACHE_HOME=$(abspath $(DIST_VENV))/cache
DIST_VERSION = $(shell $(DIST_PYTHON) tools/dist/version.py)
CARGO_DENY_VERSION := 0.20.2
DIST_SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO_DENY := build/tools/bin/cargo-deny
# The largest the Maven jar may be (the sender of issue 21 adds to the native library).
DIST_JAR_MAX_BYTES := 8000000

TEST_TARGETS += version-check deny test-dist

.PHONY: version-check deny dist dist-tools dist-native dist-notices dist-python dist-npm dist-maven \
  dist-nuget dist-c dist-check test-dist

version-check: ## Every manifest carries the workspace version (tools/dist/version.py --set X changes it)
	$(DIST_PYTHON) tools/dist/version.py --check

$(CARGO_DENY):
	$(CARGO) install --quiet --locked cargo-deny --version $(CARGO_DENY_VERSION) --root build/tools

deny: $(CARGO_DENY) ## cargo deny: licences, bans, duplicate versions, sources (deny.toml; offline after cargo fetch)
	$(CARGO) fetch --locked --quiet
	$(CARGO_DENY) --offline check --hide-inclusion-graph licenses bans sources

dist-tools: ## Install the packaging tools (maturin, zig, cargo-zigbuild, auditwheel) into build/venv-dist
	@test -x $(DIST_BIN)/python || $(DIST_PYTHON) -m venv $(DIST_VENV)
	@$(DIST_BIN)/python -m pip freeze 2>/dev/null | grep -qix 'cargo-zigbuild==0.24.0' || \
	  $(DIST_BIN)/python -m pip install -q --disable-pip-version-check $(DIST_TOOLS)
	@command -v nuget >/dev/null && command -v mcs >/dev/null || { \
	  echo "installing nuget and mono-mcs"; $(DIST_SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(DIST_SUDO) apt-get install -y -qq --no-install-recommends \
	    -o DPkg::Lock::Timeout=600 nuget mono-mcs mono-runtime >/dev/null; }

dist-native: dist-tools ## The one release build (profile dist, glibc 2.17): liblex, lexedi, JNI library, Node addon
	PATH=$(DIST_PATH) $(CARGO) zigbuild --profile dist --target $(DIST_TRIPLE).$(DIST_GLIBC) \
	  -p lex-ffi -p lex-cli -p lex-java -p lex-node

dist-notices: ## Third-party notices of each shipped crate (tools/dist/notices.py)
	$(DIST_PYTHON) tools/dist/notices.py $(DIST_STAGE)/notices/python.txt lex-python
	$(DIST_PYTHON) tools/dist/notices.py $(DIST_STAGE)/notices/node.txt lex-node
	$(DIST_PYTHON) tools/dist/notices.py $(DIST_STAGE)/notices/java.txt lex-java
	$(DIST_PYTHON) tools/dist/notices.py $(DIST_STAGE)/notices/c.txt lex-ffi lex-cli

dist-python: dist-tools dist-notices ## abi3 wheel tagged manylinux2014 + sdist into dist/python
	@rm -rf $(DIST)/python && mkdir -p $(DIST)/python
	cp $(DIST_STAGE)/notices/python.txt bindings-python/python/lex/THIRD-PARTY-NOTICES.txt
	PATH=$(DIST_PATH) CARGO_TARGET_DIR=$(abspath $(DIST_PY_TARGET_DIR)) $(DIST_BIN)/maturin build --zig \
	  --profile dist --target $(DIST_TRIPLE) --compatibility manylinux2014 \
	  -m bindings-python/Cargo.toml -o $(DIST)/python
	PATH=$(DIST_PATH) $(DIST_BIN)/maturin sdist -m bindings-python/Cargo.toml -o $(DIST)/python
	$(DIST_BIN)/auditwheel show $(DIST)/python/*.whl | tee $(DIST_STAGE)/auditwheel.txt
	@tr '\n' ' ' < $(DIST_STAGE)/auditwheel.txt | grep -q 'consistent with the following platform tag: *"manylinux_2_17_x86_64"' || \
	  { echo "the wheel is not manylinux2014 (manylinux_2_17)"; exit 1; }
	@unzip -l $(DIST)/python/*.whl | grep -q 'licenses/LICENSE$$' && \
	  unzip -l $(DIST)/python/*.whl | grep -q ' lex/THIRD-PARTY-NOTICES.txt$$' || \
	  { echo "the wheel lacks LICENSE or THIRD-PARTY-NOTICES.txt"; exit 1; }

dist-npm: dist-native dist-notices node-deps ## npm: lexedi + lexedi-linux-x64-gnu (prebuilt addon) into dist/npm
	@rm -rf $(DIST)/npm
	bash tools/dist/npm.sh $(DIST_NATIVE)/liblex_node.so $(DIST_STAGE)/notices/node.txt $(DIST)/npm $(DIST_STAGE)/npm

dist-maven: dist-native dist-notices java-deps ## Maven: jar (release JNI library), -sources, -javadoc, POM into dist/maven
	@rm -rf $(DIST)/maven $(DIST_STAGE)/java-meta && mkdir -p $(DIST)/maven $(DIST_STAGE)/java-meta
	cp LICENSE $(DIST_STAGE)/java-meta/LICENSE
	cp $(DIST_STAGE)/notices/java.txt $(DIST_STAGE)/java-meta/THIRD-PARTY-NOTICES.txt
	$(MVN) -B -ntp -q -f bindings-java/pom.xml -Pdist -DskipTests clean package \
	  -Dlex.native.lib=$(abspath $(DIST_NATIVE))/liblex_java.so -Dlex.meta.dir=$(abspath $(DIST_STAGE))/java-meta
	cp bindings-java/target/lex-$(DIST_VERSION).jar bindings-java/target/lex-$(DIST_VERSION)-sources.jar \
	  bindings-java/target/lex-$(DIST_VERSION)-javadoc.jar $(DIST)/maven/
	cp bindings-java/pom.xml $(DIST)/maven/lex-$(DIST_VERSION).pom
	@size=$$(stat -c %s $(DIST)/maven/lex-$(DIST_VERSION).jar); echo "jar: $$size bytes"; \
	  [ $$size -lt $(DIST_JAR_MAX_BYTES) ] || { echo "the jar is over $(DIST_JAR_MAX_BYTES) bytes"; exit 1; }

dist-nuget: dist-native dist-notices dotnet-deps ## NuGet: LexEdi.<v>.nupkg (netstandard2.0 DLL + linux-x64 liblex.so) into dist/nuget
	@rm -rf $(DIST)/nuget
	bash tools/dist/nuget.sh $(DIST_NATIVE)/liblex.so $(DIST_STAGE)/notices/c.txt $(DIST)/nuget $(DIST_STAGE)/nuget

dist-c: dist-native dist-notices ## C library + lexedi archive: lex-<v>-linux-x86_64.tar.gz into dist/c
	@rm -rf $(DIST)/c
	bash tools/dist/c-archive.sh $(DIST_NATIVE) $(DIST_STAGE)/notices/c.txt $(DIST)/c $(DIST_STAGE)/c

dist-check: ## No native file inside any package of dist/ needs a glibc symbol newer than 2.17
	bash tools/dist/glibc-check.sh $(DIST_GLIBC) $(DIST) $(DIST_STAGE)/glibc-check

dist: dist-python dist-npm dist-maven dist-nuget dist-c ## Build every package into dist/ (one release build, glibc 2.17)
	$(MAKE) --no-print-directory dist-check
	cd $(DIST) && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS
	@cat $(DIST)/SHA256SUMS

test-dist: dist node-deps java-deps dotnet-deps ## Install each package of dist/ in a clean room (no cargo/rustc on PATH) and run its README example
	@command -v pkg-config >/dev/null && command -v cc >/dev/null || { $(DIST_SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(DIST_SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=600 pkg-config gcc >/dev/null; }
	bash tools/dist/test-dist.sh $(DIST) $(DIST_STAGE)/clean-rooms
