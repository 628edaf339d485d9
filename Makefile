# The two commands in the README, and the set-up they share. Needs only python3 (3.11+) and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST := 127.0.0.1
PORT := 8000
export NO_MKDOCS_2_WARNING := 1
SHELL := bash
.SHELLFLAGS := -o pipefail -ec
# Hide pip's notes about this machine's unreachable extra package indexes; keep real errors.
QUIET_PIP := 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }

.PHONY: serve test quick goldens matrix lint lock browser-deps clean

## serve: build the site and serve it at http://127.0.0.1:8000, rebuilding on change
serve: $(VENV)/.site
	SITE_URL=http://$(HOST):$(PORT)/ $(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

## test: run the whole test suite (examples under every start method, pages, site, browser)
test: $(VENV)/.test browser-deps
	@start=$$(date +%s); status=0; \
	$(BIN)/python -m pytest -n 4 --dist loadgroup --codeblocks -m "not quiet" tests docs || status=$$?; \
	echo "The tests that need the machine to themselves (the benchmark harness's), one at a time:"; \
	$(BIN)/python -m pytest -m quiet tests || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s of pytest"; exit $$status

## quick: the fast loop while writing: lint, the strict build, every page's code under spawn only
quick: $(VENV)/.test
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
	$(BIN)/python -m mkdocs build --strict --quiet -d $$(mktemp -d)
	$(BIN)/python -m pytest -n 4 --dist loadgroup --codeblocks docs --start-method spawn

## goldens: rewrite the examples' .out files from real runs on every Python nox finds, oldest
## first (ARGS="docs/guide/x.md" for one page); review the result with git diff
goldens: $(VENV)/.test
	$(BIN)/nox --no-color --session goldens -- $(ARGS)

## matrix: run the examples on every supported CPython (pyproject.toml) that pyenv or PATH has
## (SKIP=3.11 leaves one out, e.g. the one `make test` has just run them on)
matrix: $(VENV)/.test
	$(BIN)/nox --no-color --session examples $(if $(SKIP),--python $$($(BIN)/python -c 'import sys, tomllib; print(" ".join(p for p in tomllib.load(open("pyproject.toml", "rb"))["tool"]["fvm"]["pythons"] if p != sys.argv[1]))' $(SKIP)))

## lint: ruff, and the GitHub workflows (zizmor for security, actionlint for correctness)
lint: $(VENV)/.test
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
	$(BIN)/zizmor --offline .github/workflows
	$(BIN)/actionlint $(wildcard .github/workflows/*.yml)

## lock: re-pin every dependency group into requirements/*.txt (needs uv)
lock:
	uv pip compile --quiet --generate-hashes --universal --python-version 3.11.5 --group pyproject.toml:site -o requirements/site.txt
	uv pip compile --quiet --generate-hashes --universal --python-version 3.11.5 --group pyproject.toml:test -o requirements/test.txt
	uv pip compile --quiet --generate-hashes --universal --python-version 3.10 --group pyproject.toml:examples -o requirements/examples.txt
	uv pip compile --quiet --generate-hashes --universal --python-version 3.11.5 --group pyproject.toml:zensical -o requirements/zensical.txt

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: the site's toolchain needs Python 3.11 or newer; set PYTHON=python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip $(QUIET_PIP)

$(VENV)/.site: requirements/site.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/site.txt $(QUIET_PIP)
	touch $@

$(VENV)/.test: requirements/test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.txt $(QUIET_PIP)
	touch $@ $(VENV)/.site

# The browser tests drive Debian's chromium (or the browser named by $CHROMIUM); install it when it
# is missing (needs root or sudo).
browser-deps:
	@[ -n "$${CHROMIUM:-}" ] || command -v chromium >/dev/null || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

clean:
	rm -rf $(VENV) site .nox .pytest_cache $(ZVENV) $(ZSITE) $(LIGHTHOUSE_DIR)/node_modules

# The performance pages: every number and chart comes from one JSON file written by the harness.
BENCH_JSON := docs/performance/data/results.json
.PHONY: bench charts

## bench: run every benchmark (a few minutes; keep the machine idle), then redraw the charts
bench: $(VENV)/.test
	$(BIN)/python -m examples.performance.harness --output $(BENCH_JSON)
	$(MAKE) charts

## charts: redraw docs/performance/charts and tables from the committed JSON, nothing else
charts: $(VENV)/.test
	$(BIN)/python -m examples.performance.harness.charts $(BENCH_JSON) --out docs/performance

# The flowcharts: each is drawn, light and dark, from a list on its page (overrides/flowchart.py).
.PHONY: diagrams

## diagrams: redraw every flowchart (docs/**/diagrams/*.svg) from the list on its page
diagrams: | $(BIN)/python
	$(BIN)/python -m overrides.flowchart

# The same site built by Zensical, Material's successor, from the same mkdocs.yml, in its own venv.
# Zensical has no output option and writes only inside the project: a small config in the project
# root inherits mkdocs.yml, points it at site-zensical/ and keeps Material's look (Zensical's
# default is its "modern" one); tests/test_site/built_site.py writes the same.
ZVENV := .venv-zensical
ZSITE := site-zensical
ZCONFIG := .zensical.yml
ZCONFIG_WRITE := printf 'INHERIT: mkdocs.yml\nsite_dir: $(ZSITE)\ntheme:\n  variant: classic\n' > $(ZCONFIG)
.PHONY: zensical zensical-serve zensical-test

## zensical: build the site with Zensical into site-zensical/ (CONTRIBUTING.md, "Zensical")
zensical: $(ZVENV)/.site
	$(ZCONFIG_WRITE)
	$(ZVENV)/bin/zensical build --strict --clean -f $(ZCONFIG)

## zensical-serve: serve the Zensical build at http://127.0.0.1:8000, rebuilding on change
zensical-serve: $(ZVENV)/.site
	$(ZCONFIG_WRITE)
	SITE_URL=http://$(HOST):$(PORT)/ $(ZVENV)/bin/zensical serve -f $(ZCONFIG) --dev-addr $(HOST):$(PORT)

## zensical-test: the site tests against the Zensical build (the browser tests included)
zensical-test: $(VENV)/.test $(ZVENV)/.site browser-deps
	$(BIN)/python -m pytest -n 4 --dist loadgroup -p no:cacheprovider tests/test_site --site-builder zensical

$(ZVENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: Zensical needs Python 3.11 or newer; set PYTHON=python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip install --quiet --upgrade pip $(QUIET_PIP)

$(ZVENV)/.site: requirements/zensical.txt | $(ZVENV)/bin/python
	$(ZVENV)/bin/python -m pip install --quiet --require-hashes -r requirements/zensical.txt $(QUIET_PIP)
	touch $@

# Lighthouse on the built site, served with gzip by nginx as a host would (tools/lighthouse/run.py).
# Lighthouse is pinned by tools/lighthouse/package-lock.json and installed with `npm ci` (needs Node
# 18.20+ and npm) into tools/lighthouse/node_modules, which git ignores; nginx-light comes from apt
# when nginx is missing (needs root or sudo), as chromium does in `browser-deps`.
LIGHTHOUSE_DIR := tools/lighthouse
.PHONY: lighthouse lighthouse-deps

## lighthouse: Lighthouse budgets (performance >= 95, the other scores 100, <= 180 KiB but images)
## on a stated set of pages of the strict build; prints the table (ARGS="--page /reference/faq/")
lighthouse: $(VENV)/.test lighthouse-deps browser-deps
	$(BIN)/python -m tools.lighthouse.run $(ARGS)

lighthouse-deps: $(LIGHTHOUSE_DIR)/node_modules/.installed
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx-light; }

$(LIGHTHOUSE_DIR)/node_modules/.installed: $(LIGHTHOUSE_DIR)/package-lock.json $(LIGHTHOUSE_DIR)/package.json
	cd $(LIGHTHOUSE_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@
