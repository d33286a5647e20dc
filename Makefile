# Two commands for a fresh machine: `make lecture` and `make test`. Both set up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
QUALITY ?= h

.PHONY: setup system lecture test lint bench clean help
help:
	@echo "make lecture   set up if needed, then render the full lecture (build/lecture)"
	@echo "make test      set up if needed, then ruff and pytest"
	@echo "make bench     print the benchmark figures"

system:
	@scripts/system-deps.sh

# The venv is rebuilt only when pyproject.toml changes, so a second `make setup` is quick.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,slides]'
	@touch $(STAMP)

setup: system $(STAMP)

lecture: setup
	$(PY) -m lecture render --quality $(QUALITY) $(LECTURE_ARGS)

lint: setup
	$(VENV)/bin/ruff check .

test: lint
	$(PY) -m pytest -q

# lasso_path vs scikit-learn, then the lecture build at -ql (add BENCH_ARGS=--qualities=l,h
# for the slow 1080p60 figures too).
bench: setup
	$(PY) benchmarks/lasso_path.py
	$(PY) benchmarks/lecture_build.py $(or $(BENCH_ARGS),--qualities=l)

clean:
	rm -rf media build
