##@ Surface (one description of the API, checked in every language)
# The surface check (issue [surface]): surface.toml against every language as built.
# Collects the Python package (inspect), the Node exports and index.d.ts, the Java public API
# (javap -public), the C# assembly (a reflection program on Mono), the CLI help and the
# prototypes of lex.h, then tools/surface/check.py compares them with the table and shows
# that a deliberate drift is reported.

SURFACE_OUT := build/surface
SURFACE_MCS := mcs -langversion:7.2 -warnaserror+ -nologo

TEST_TARGETS += test-surface

.PHONY: test-surface surface-collect

surface-collect: python-develop node-deps node-addon java-deps dotnet-deps
	@mkdir -p $(SURFACE_OUT)
	$(PY_BIN)/python tools/surface/probe_python.py > $(SURFACE_OUT)/python.json
	node tools/surface/probe_node.cjs > $(SURFACE_OUT)/node.json
	$(MVN) -B -ntp -q -f bindings-java/pom.xml compile
	javap -public -cp bindings-java/target/classes \
	  $$(cd bindings-java/target/classes && ls org/lexedi/*.class | sed 's/\.class$$//; s|/|.|g') \
	  > $(SURFACE_OUT)/java.txt
	$(SURFACE_MCS) -target:library -out:$(SURFACE_OUT)/LexEdi.dll $(DOTNET_SRC)
	$(SURFACE_MCS) -r:$(SURFACE_OUT)/LexEdi.dll -out:$(SURFACE_OUT)/Reflect.exe tools/surface/Reflect.cs
	mono $(SURFACE_OUT)/Reflect.exe $(SURFACE_OUT)/LexEdi.dll > $(SURFACE_OUT)/csharp.json
	$(CARGO) build -q -p lex-cli
	@{ for c in $$($(CABI_TARGET_DIR)/debug/lexedi --help | sed -n '/^Commands:/,/^$$/p' \
	      | awk 'NR>1 && $$1 != "help" {print $$1}'); do \
	    echo "== $$c"; $(CABI_TARGET_DIR)/debug/lexedi $$c --help; done; } > $(SURFACE_OUT)/cli.txt

test-surface: surface-collect ## surface.toml agrees with Python, Node, Java, C, C#, the CLI and api.rs (and a drift fails)
	$(PY_BIN)/ruff check tools/surface && $(PY_BIN)/ruff format --check tools/surface
	$(PY_BIN)/python tools/surface/check.py $(SURFACE_OUT) --self-test
