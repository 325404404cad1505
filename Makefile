# Two commands set everything up on a fresh machine with Python 3.11+ and make:
#   make run   - create .venv if missing, install kazsec, launch it on the bundled data
#   make test  - the same bootstrap, then lint (ruff), types (mypy) and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FTM_STAMP := $(VENV)/.installed-ftm-check

.PHONY: run test lint bench screenshots clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "kazsec needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The FollowTheMoney library, for the export's tests only (it builds PyICU once).
$(FTM_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,ftm-check]'
	@touch $(FTM_STAMP)

run: $(STAMP)
	$(BIN)/kazsec

LINTED := src tests benchmarks screenshots

test: $(FTM_STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	KAZSEC_FTM_CHECK=1 $(BIN)/python -m pytest -q

screenshots: $(STAMP)
	$(BIN)/python screenshots/generate.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache
