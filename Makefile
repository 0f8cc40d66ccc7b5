# Two commands: `make run` and `make test`. Both create the venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint bench data update setup setup-dev clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

static/vendor/leaflet.js: $(VENV)/.runtime geo/maps/offline.py
	$(PY) -m geo.maps.offline > /dev/null

setup: $(VENV)/.runtime static/vendor/leaflet.js

setup-dev: setup $(VENV)/.dev

run: setup
	$(VENV)/bin/streamlit run serve.py --server.port $(PORT) --server.address localhost

lint: setup-dev
	$(PY) -m ruff check .

test: setup-dev lint
	$(PY) -m pytest

bench: setup-dev
	$(PY) -m bench
	$(PY) -m bench.sessions

# Rebuild data/ from ../shared/data (maintainers only; the result is committed).
data: setup
	$(PY) -m geo.data.build_data --shared ../shared/data

# Take newly downloaded publisher files into data/ (see docs/update.md):
#   make update FILES="small_boats_time_series.ods ier_02a.csv" [ARGS=--dry-run]
update: setup
	$(PY) -m geo update $(FILES) $(ARGS)

clean:
	rm -rf $(VENV) static/vendor
