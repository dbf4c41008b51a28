# The two commands a newcomer needs: `make run` and `make test`. Both are idempotent.
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://root@127.0.0.1:5432/postgres

.PHONY: run test test-sqlite test-postgres lint format messages clean bench

$(BIN)/python:
	@py=$$(scripts/find-python) || exit 1; echo "ctip: creating $(VENV) with $$py"; "$$py" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-pip.lock

# Stamps record which lock file the virtualenv was last brought up to date with.
# Installs are hash-checked: the lock files pin every package with its sha256 hashes
# (--require-hashes), setuptools too, the build backend of pyproject.toml's [build-system]. So
# ctip itself is built with --no-build-isolation by that hashed setuptools, already in the venv,
# instead of pip fetching an unhashed setuptools into an isolated build environment.
# Regenerate a lock with the command at its top (uv pip compile ... --generate-hashes).
$(VENV)/.run-installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev-installed: requirements-dev.lock requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	DEBUG=1 $(BIN)/ctip migrate --noinput
	DEBUG=1 $(BIN)/ctip compile_translations
	DEBUG=1 $(BIN)/ctip demo
	DEBUG=1 $(BIN)/ctip serve

# SQLite always; PostgreSQL when one answers at 127.0.0.1:5432 (CTIP_REQUIRE_PG=1 makes it
# mandatory, as in CI).
test: $(VENV)/.dev-installed
	$(BIN)/ctip compile_translations
	$(MAKE) --no-print-directory test-sqlite
	@if $(BIN)/python scripts/pg-ready "$(PG_URL)"; then \
		$(MAKE) --no-print-directory test-postgres; \
	elif [ "$$CTIP_REQUIRE_PG" = 1 ]; then \
		echo "ctip: PostgreSQL is required (CTIP_REQUIRE_PG=1) but not reachable at $(PG_URL)"; exit 1; \
	else \
		echo "ctip: PostgreSQL not reachable at $(PG_URL): the PostgreSQL run was SKIPPED."; \
	fi

test-sqlite: $(VENV)/.dev-installed
	@echo "ctip: test suite on SQLite"
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: $(VENV)/.dev-installed
	@echo "ctip: test suite on PostgreSQL ($(PG_URL))"
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

# The national-scale benchmark (issue 10): builds a synthetic national dataset on SQLite and on
# PostgreSQL ($(PG_URL)'s server), loads the dashboards with wrk, compiles the ACTIP review next
# to its bare SQL, imports a workbook; writes bench/results.json and the last section of
# docs/benchmarks.md. Takes an hour or more; not part of `make test` (its smoke run is).
# BENCH_ARGS passes options, e.g. BENCH_ARGS="--duration 120" (bench/README.md).
bench: $(VENV)/.run-installed
	@{ command -v wrk >/dev/null && [ -x /usr/sbin/nginx ]; } || { \
		echo "ctip: installing wrk and nginx (the benchmark runs its own nginx)"; \
		sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$sudo apt-get install -y wrk nginx-light || { $$sudo apt-get update && $$sudo apt-get install -y wrk nginx-light; }; \
	}
	CTIP_BENCH_PG=$(patsubst %/postgres,%,$(PG_URL)) $(BIN)/python bench/national.py --backend both $(BENCH_ARGS)

# The dependency audit fails on a known vulnerability that a newer release fixes (upgrade the
# pin); one without a fix only warns; packages the service did not answer for are listed as
# not audited (CTIP_AUDIT_STRICT=1 makes that fail too). See scripts/audit-deps.
# lint-imports checks the layers of ctip (pyproject.toml [tool.importlinter], docs/adr/0010).
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy ctip
	$(BIN)/lint-imports
	$(BIN)/python scripts/audit-deps -r requirements.lock -r requirements-dev.lock \
		--require-hashes --disable-pip --vulnerability-service pypi

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(VENV)/.dev-installed
	cd ctip && ../$(BIN)/ctip makemessages -l vi -l en --no-obsolete --ignore=migrations

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
