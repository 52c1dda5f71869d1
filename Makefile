# Spotlight Trader — `make run` starts the product, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
WEB := web

.PHONY: run test bench soak audit lint fmt typecheck pytest webtest web api install clean browsers

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock setup.py $(shell find src -name "*.py")
	UV_PYTHON=$(PYTHON) $(UV) sync --locked --no-editable --quiet
	touch $@

install: $(VENV)/.synced

$(WEB)/node_modules/.installed: $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(WEB)/dist/index.html: $(WEB)/node_modules/.installed $(shell find $(WEB)/src $(WEB)/index.html $(WEB)/vite.config.ts -type f 2>/dev/null)
	cd $(WEB) && npm run --silent build

web: $(WEB)/dist/index.html

run: install web
	$(VENV)/bin/spotlight serve

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

fmt: install
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

typecheck: install
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy tests bench

# Browser tests run in their own pytest process: Playwright's sync API keeps an event loop
# running in the main thread, which the asyncio tests cannot share.
pytest: install web browsers
	$(VENV)/bin/pytest -q -m "not browser"
	$(VENV)/bin/pytest -q -m browser

# The web client's API types come from the server's OpenAPI document: fail when either
# web/openapi.json (vs `spotlight openapi`) or web/src/shared/api/schema.d.ts (npm run check) is stale.
webtest: install $(WEB)/node_modules/.installed
	@$(VENV)/bin/spotlight openapi | cmp -s - $(WEB)/openapi.json || \
		{ echo "web/openapi.json differs from 'spotlight openapi': run 'make api' and commit"; exit 1; }
	cd $(WEB) && npm run --silent check

# Regenerate web/openapi.json and the TypeScript types from the server.
api: install $(WEB)/node_modules/.installed
	$(VENV)/bin/spotlight openapi > $(WEB)/openapi.json
	cd $(WEB) && npm run --silent gen:api

test: lint typecheck webtest pytest

bench: install
	$(PY) -m bench

# The browser suite RUNS times in a row (default 10): prints "N passed, M failed".
RUNS ?= 10
soak: install web browsers
	$(PY) -m tests.soak --runs $(RUNS)

# Debian's Chromium (Playwright drives /usr/bin/chromium) and espeak-ng (the voice tests'
# speech): installed when missing, as root through apt, or a clear error otherwise.
browsers:
	@missing=""; [ -x /usr/bin/chromium ] || missing="chromium"; \
	command -v espeak-ng >/dev/null 2>&1 || missing="$$missing espeak-ng"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages for browser tests:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "browser tests need Debian packages:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	fi

# Known vulnerabilities in the locked dependencies (pip-audit, npm audit); results in
# test-artifacts/audit/. Without a reachable advisory source it says so and exits 0.
audit: install $(WEB)/node_modules/.installed
	$(PY) -m tests.audit

clean:
	rm -rf $(TOOLS) $(VENV) $(WEB)/node_modules $(WEB)/dist
