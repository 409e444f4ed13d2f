# newsdesk: two commands do all the set-up on a fresh machine.
#   make demo   creates .venv, installs everything, runs the main job on data/articles
#   make test   creates/updates .venv with the test extras, installs system packages, runs the suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.newsdesk-installed
OUT ?= out

.PHONY: demo test install lint format notebooks-sync clean system-deps bench plotly-bundle plotly-bundle-check

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade "pip>=24"
	$(PIP) install --quiet --require-hashes -r requirements.lock
	$(PIP) install --quiet --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newsdesk)" >/dev/null
	touch $(STAMP)

install: $(STAMP)

# System packages the tests need: Debian's chromium for the browser tests.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing Debian package chromium (browser tests)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi

demo: $(STAMP)
	$(VENV)/bin/newsdesk build data/articles -o $(OUT)/corpus
	$(VENV)/bin/newsdesk info $(OUT)/corpus
	$(VENV)/bin/newsdesk report $(OUT)/corpus -o $(OUT)/report.html
	$(VENV)/bin/newsdesk notebooks --execute --to html $(OUT)/notebooks --corpus $(OUT)/corpus
	@echo "report:    $(abspath $(OUT))/report.html"
	@echo "notebooks: $(abspath $(OUT))/notebooks/"

lint: $(STAMP)
	$(VENV)/bin/ruff check analysis tests benchmarks notebooks
	$(VENV)/bin/ruff format --check analysis tests benchmarks notebooks

format: $(STAMP)
	$(VENV)/bin/ruff format analysis tests benchmarks
	$(VENV)/bin/ruff check --fix analysis tests benchmarks

test: $(STAMP) system-deps lint
	$(PY) -m pytest -q

notebooks-sync: $(STAMP)
	$(VENV)/bin/jupytext --sync notebooks/*.ipynb

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache tests/artifacts

# Maintainers only (needs node and npm): rebuild the report's partial plotly.js bundle,
# or check that the committed bundle is what the pinned sources build.
plotly-bundle:
	bash tools/plotly_bundle/build.sh

plotly-bundle-check:
	bash tools/plotly_bundle/build.sh --check
