# Quick start: `make run` (demo library on SQLite at http://127.0.0.1:8000/) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export PIP_CACHE_DIR ?= $(HOME)/.cache/pip
export npm_config_cache ?= $(HOME)/.cache/npm
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# axe-core for the accessibility checks, from the npm registry (skipped when npm is absent).
node_modules/axe-core/axe.min.js: package.json
	@if command -v npm >/dev/null; then npm install --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: browser accessibility checks will be skipped"; fi

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py set_site 127.0.0.1 8000
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Bare `make test` uses every core (pytest-xdist); PYTEST_ARGS replaces that (CI sets its own).
test: $(STAMP) node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest $(or $(PYTEST_ARGS),-n auto --durations=30)

# Ruff (rules and formatting) and the import contracts of pyproject.toml (apps depend one way;
# leaves stay leaves): all three always run and report, and lint fails if any of them fails.
lint: $(STAMP)
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/ruff format --check . || status=1; \
	$(BIN)/lint-imports || status=1; \
	exit $$status

# tests/perf/bench_*.py (`make test` skips them): search latency over 10,000 generated challenges,
# embed throughput, and a 50-client load run through gunicorn and again through Varnish
# (bench_load.py: needs PostgreSQL, REDIS_URL, VARNISH_URL and wrk, as .ci/run provides).
bench: $(STAMP)
	$(BIN)/python -m pytest tests/perf -s -p no:cacheprovider -o python_files='bench_*.py' $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media media-test static_collected
