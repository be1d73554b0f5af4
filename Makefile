# Every target installs what it needs, so a fresh clone works with one command.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED := ../shared/data
ARTICLES ?= $(if $(wildcard $(SHARED)/seeds),$(SHARED)/seeds,examples)

.PHONY: install run test bench serve lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,postgres]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/eventcoder extract $(ARTICLES) --format table

# In CI (CI=true) Debian's Chromium is installed for the dashboard's browser test, and the
# store tests also run on a throwaway PostgreSQL (scripts/ci_postgres.sh).
test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	if [ "$$CI" = true ]; then scripts/install_browser.sh; fi
	EVENTCODER_TEST_PG_URL="$${EVENTCODER_TEST_PG_URL:-$$([ "$$CI" = true ] && scripts/ci_postgres.sh)}" \
		$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

serve: $(STAMP)
	$(BIN)/eventcoder ingest $(ARTICLES)
	$(BIN)/eventcoder serve

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
