# The two commands of the README: `make demo` (the examples, offline) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8765

.PHONY: demo test lint format bench schemas local-model serve-model cassettes demo-model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev]"
	touch $@ $(VENV)/.runtime

demo: $(VENV)/.runtime
	$(BIN)/python examples/run_examples.py

test: $(VENV)/.dev
	$(BIN)/python -m pytest

# ruff (pyflakes, pycodestyle, isort, bugbear, pyupgrade, simplify, mccabe ≤ 12), ruff format, mypy strict on src/,
# and the import-linter contracts of pyproject.toml (the layers of the flow).
lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench examples
	$(BIN)/ruff format --check src tests bench examples
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(VENV)/.dev
	$(BIN)/ruff check --fix src tests bench examples
	$(BIN)/ruff format src tests bench examples

bench: $(VENV)/.dev
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/speed.py

schemas: $(VENV)/.runtime
	$(BIN)/digestllm schemas --out schemas

# The local model that recorded the cassettes (llama-cpp-python + Qwen2.5-Coder-1.5B, CPU).
local-model:
	scripts/local_model.sh install

serve-model:
	scripts/local_model.sh serve

cassettes: $(VENV)/.dev
	scripts/record_cassettes.sh

demo-model: $(VENV)/.dev
	scripts/demo_model.sh

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist src/*.egg-info
