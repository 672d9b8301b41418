# One entry point for set-up, checks, tests and the demo. Each target creates
# the virtual environment and installs what it needs on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install tmux demo test check format bench bench-scifact bench-load clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# CPU build of torch first: an unpinned torch pulls a multi-GB CUDA build.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/assistant ingest samples
	$(BIN)/assistant ask "What was the vacancy rate in April 2010?"
	$(BIN)/assistant ask "When was the Improvement Notice issued?"
	@if [ -t 0 ] && [ -t 1 ]; then $(BIN)/assistant chat; \
	else echo "(not a terminal: run '$(BIN)/assistant chat' to open the client)"; fi

# The terminal-client tests drive the real app in tmux; install it when missing.
tmux:
	@command -v tmux >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq tmux >/dev/null; \
	  else echo "tmux is missing and this is not root: the tmux test will be skipped"; fi; }

test: install tmux
	$(BIN)/pytest -q

check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m benchmarks.pipeline

bench-load: install
	$(BIN)/python -m benchmarks.load --home "$$($(BIN)/python -c 'from assistant.settings import Settings; print(Settings().home)')"

bench-scifact: install
	$(BIN)/python -m benchmarks.scifact

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
