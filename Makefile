# The two commands a newcomer needs: `make run` and `make test`. Each builds .venv itself.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO   := .demo/demo.iltdesk
# The demo journal's passphrase is public on purpose: it holds invented people only.
DEMO_PASSPHRASE := demo

.PHONY: run test lint typecheck pytest demo clean reliability bench dist lock test-minimums

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "iltdesk needs Python 3.11 or newer as '$(PYTHON)'"; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null \
		|| { echo "Python's venv module is missing: sudo apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

$(DEMO): $(STAMP)
	@mkdir -p -m 700 .demo
	ILTDESK_PASSPHRASE=$(DEMO_PASSPHRASE) $(VENV)/bin/iltdesk demo $(DEMO)

demo: $(DEMO)

run: $(DEMO)
	ILTDESK_PASSPHRASE=$(DEMO_PASSPHRASE) $(VENV)/bin/iltdesk open $(DEMO)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy --strict iltdesk ui

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -n 2  # two workers: CI has two cores

test: lint typecheck pytest

# Not part of `make test`: the long runs of the reliability suite and the benchmarks.
reliability: $(STAMP)
	$(PY) tools/reliability.py

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/run.py

# The machine's prerequisites first (one line saying what to install), then the venv.
dist:
	@$(PYTHON) tools/dist_prerequisites.py
	@$(MAKE) --no-print-directory $(STAMP)
	# The bundle's dependencies at the versions locked in requirements/dist.txt (make lock).
	$(PY) -m pip install --quiet --require-hashes -r requirements/dist.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) tools/make_icons.py
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec
	$(PY) tools/bundle_smoke.py dist/iltdesk

# Refresh requirements/dist.txt (the bundle's locked dependencies) after changing pyproject.toml.
lock: $(STAMP)
	PY=$(PY) tools/lock.sh

# The whole suite with every dependency at its declared minimum, in build/venv-minimums.
test-minimums:
	PYTHON=$(PYTHON) tools/ci_minimums.sh

clean:
	rm -rf $(VENV) .demo build dist .pytest_cache .mypy_cache .ruff_cache
