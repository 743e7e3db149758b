# grdp — the two commands: `make test` and `make report`. Both build .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PYTEST_FLAGS ?=
# The statistical models are small: one BLAS thread is faster on 2 cores and keeps results identical.
# grdp fits its models on one thread itself (grdp.core.threads); these lines also cover the rest of a run.
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1

.PHONY: test lint report notebooks lab benchmarks clean

# uv, when it is on PATH, builds the venv from the same lock in a fraction of pip's time (bytecode compiled
# up front, as pip does); pip otherwise.
UV := $(shell command -v uv 2>/dev/null)
ifneq ($(UV),)
VENV_NEW := $(UV) venv --quiet --python $(PYTHON) $(VENV)
INSTALL  := $(UV) pip install --quiet --compile-bytecode --python $(BIN)/python
COMPILE  := true
else
# pip compiles each package's bytecode one file at a time; compileall on every core after the install is faster.
VENV_NEW := $(PYTHON) -m venv $(VENV)
INSTALL  := $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile
COMPILE  := $(BIN)/python -m compileall -q -j 0 $(VENV)/lib > /dev/null
endif

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(VENV_NEW)
	$(INSTALL) -r requirements.lock
	$(INSTALL) --no-deps --no-build-isolation -e .
	$(COMPILE)
	touch $(STAMP)

## Lint and type-check, then run the unit tests and re-run every notebook against its committed outputs,
## spread over the cores (pytest-xdist; a file's tests, a notebook's cells, stay together in one worker).
test: lint
	$(BIN)/python -m pytest -n auto --dist loadfile --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider $(PYTEST_FLAGS) tests notebooks

## Types (mypy, strict on definitions) and lint (ruff) of the package, the tests, benchmarks and scripts.
lint: $(STAMP)
	$(BIN)/python -m mypy
	$(BIN)/python -m ruff check src tests benchmarks scripts

## The main job on the embedded 2025 plan: data/processed, then reports/vi/2025 (Word report, workbook, tables,
## figures, summary), and the README's two figures.
report: $(STAMP)
	$(BIN)/grdp intake
	$(BIN)/grdp report
	cp reports/vi/2025/figures/02_tang_truong_quy_iv_can_dat.png reports/vi/2025/figures/04_dong_gop_nganh.png docs/figures/

## Deliberate re-baseline: execute every notebook in place, top to bottom.
notebooks: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py notebooks/*.ipynb

## Open the notebooks in JupyterLab (model fits run on one BLAS thread inside grdp, with or without make).
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

benchmarks: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
