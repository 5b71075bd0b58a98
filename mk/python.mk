##@ Python
# Python package `lex` (bindings-python/): build it into a venv, check the stubs, run pytest.

PYTHON ?= python3
PY_VENV := build/venv-python
PY_BIN := $(PY_VENV)/bin

TEST_TARGETS += test-python

.PHONY: test-python python-venv python-develop

$(PY_BIN)/python:
	@command -v $(PYTHON) >/dev/null || \
	  { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
	$(PYTHON) -m venv $(PY_VENV) 2>/dev/null || { rm -rf $(PY_VENV); \
	  echo "installing python3-venv"; apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && \
	  $(PYTHON) -m venv $(PY_VENV); }

python-venv: $(PY_BIN)/python ## Create the Python venv (build/venv-python) with maturin, pytest, mypy, ruff
	@$(PY_BIN)/python -c 'import maturin, pytest, mypy, ruff' 2>/dev/null || \
	  $(PY_BIN)/python -m pip install -q --disable-pip-version-check \
	    'maturin>=1.9,<2' 'pytest>=7' 'mypy>=1.10' 'ruff>=0.5'

python-develop: python-venv ## Build the `lex` Python package (debug build) into the venv
	VIRTUAL_ENV=$(abspath $(PY_VENV)) PATH=$(abspath $(PY_BIN)):$$PATH \
	  $(PY_BIN)/maturin develop -q -m bindings-python/Cargo.toml

test-python: python-develop ## Python package: ruff, stubtest + mypy (typing), pytest (vectors, errors, threads, README)
	cd bindings-python && ../$(PY_BIN)/ruff check python tests && ../$(PY_BIN)/ruff format --check python tests
	cd bindings-python && ../$(PY_BIN)/python -m mypy.stubtest lex
	cd bindings-python && ../$(PY_BIN)/python -m mypy --strict python/lex
	cd bindings-python && ../$(PY_BIN)/python -m pytest -q tests
