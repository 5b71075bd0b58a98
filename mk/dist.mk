# Distribution (issue 18): names, one version, `make dist` and the clean-room `make test-dist`.
# Distribution names: PyPI `lexedi` (import lex), npm `lexedi` + `lexedi-linux-x64-gnu`,
# Maven `org.lexedi:lex`, NuGet `LexEdi`, C/CLI archive `lex-<version>-linux-x86_64.tar.gz`.

DIST_PYTHON ?= python3

TEST_TARGETS += version-check

.PHONY: version-check

version-check: ## Every manifest carries the workspace version (tools/dist/version.py --set X changes it)
	$(DIST_PYTHON) tools/dist/version.py --check
