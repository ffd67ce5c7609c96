# Praxis — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= kb.settings.dev

.PHONY: run test install migrate demo lint format check-messages messages clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

MO := locale/fr/LC_MESSAGES/django.mo
$(MO): locale/fr/LC_MESSAGES/django.po $(STAMP)
	$(BIN)/python manage.py compilemessages --locale fr --ignore=.venv --ignore=node_modules >/dev/null

install: $(STAMP) $(MO)

migrate: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content

## Serve the site with the demo corpus on http://127.0.0.1:8000
run: demo
	@echo "Praxis : http://127.0.0.1:8000/  (administration : http://127.0.0.1:8000/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# axe-core, for the accessibility checks of the browser tests (installed when npm is there).
NPM := $(shell command -v npm 2>/dev/null)
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --silent
ifneq ($(NPM),)
test: node_modules/.package-lock.json
endif

## The whole suite: checks, lint, translations, tests (browser tests when Chromium is present).
## Two workers fed in pytest-django's order (xdist's default): the browser tests, which empty the
## database when they end, run after every database test of their worker. Two tests at a time at
## most, the slow browser tests first: both workers finish at about the same time. Everything
## here on the test settings: the DJANGO_SETTINGS_MODULE exported above is make run's, and the
## environment wins over pyproject's setting.
test: export DJANGO_SETTINGS_MODULE := kb.settings.test
test: install
	$(BIN)/python manage.py check
	@# Models against migration files: no database needed (an in-memory one spares the warning
	@# that var/praxis.sqlite3, or DATABASE_URL's database, does not exist yet).
	DATABASE_URL=sqlite://:memory: $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) --no-print-directory check-messages
	$(BIN)/python -m pytest -n 2 --maxschedchunk 2 $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

## Regenerate locale/fr after changing displayed strings
messages: install
	$(BIN)/python manage.py makemessages --locale fr --no-location --no-obsolete --ignore=.venv --ignore=node_modules
	$(BIN)/python manage.py compilemessages --locale fr --ignore=.venv

## Fails when a displayed string is missing from the committed catalogue
check-messages: install
	@tmp=$$(mktemp -d); cp locale/fr/LC_MESSAGES/django.po $$tmp/before.po; \
	$(BIN)/python manage.py makemessages --locale fr --no-location --no-obsolete --ignore=.venv --ignore=node_modules >/dev/null; \
	if ! diff -q -I '^"POT-Creation-Date' $$tmp/before.po locale/fr/LC_MESSAGES/django.po >/dev/null; then \
	  diff -u -I '^"POT-Creation-Date' $$tmp/before.po locale/fr/LC_MESSAGES/django.po | head -40; \
	  cp $$tmp/before.po locale/fr/LC_MESSAGES/django.po; \
	  echo "locale/fr is out of date: run 'make messages' and commit it."; exit 1; \
	fi; cp $$tmp/before.po locale/fr/LC_MESSAGES/django.po

clean:
	rm -rf var static_collected .pytest_cache
