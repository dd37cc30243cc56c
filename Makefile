# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format messages worker bench check-system clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create $(VENV): on Debian/Ubuntu run: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.run-installed: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.run-installed

check-system:
	@$(BIN)/python -c 'import weasyprint' 2>/dev/null || { \
		echo "WeasyPrint needs the Pango library: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu"; \
		exit 1; }

run: $(VENV)/.run-installed check-system
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Serving http://$(HOST)/  (stop with Ctrl-C)"
	$(BIN)/python manage.py runserver $(HOST)

test: $(VENV)/.dev-installed check-system
	$(BIN)/pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	PYTHONPATH=. $(BIN)/lint-imports
	$(BIN)/mypy

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Needs GNU gettext (apt-get install gettext); the compiled .mo files are committed.
messages: $(VENV)/.dev-installed
	$(BIN)/python manage.py makemessages -l id -l en --ignore=.venv --ignore=var --ignore=tests --ignore=bench
	$(BIN)/python manage.py compilemessages --ignore=.venv

worker: $(VENV)/.run-installed
	$(BIN)/celery -A config worker --loglevel=INFO

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/inputs_matrix.py
	$(BIN)/python bench/roadmap.py

clean:
	rm -rf $(VENV) var

# Render the demo books at 300+ pages: our pipeline next to WeasyPrint alone, then one change.
bench-render: $(VENV)/.dev-installed
	$(BIN)/python bench/render.py
