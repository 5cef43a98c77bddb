# Two commands for a newcomer: `make extract` (installs, then extracts data/raw/ into
# data/processed/) and `make test`. Everything runs from a local virtualenv in .venv/.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install extract test lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,fast]' || $(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

extract: $(STAMP)
	$(BIN)/govextract extract data/raw --out data/processed

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/pytest

# score the bundled samples and the dev set against their hand annotations
eval: $(STAMP)
	$(BIN)/govextract extract data/raw --out data/processed -q
	$(BIN)/govextract eval tests/gold/samples data/processed --raw data/raw
	$(BIN)/govextract extract tests/gold/dev-inputs --out build/dev -q
	$(BIN)/govextract eval tests/gold/dev build/dev --raw tests/gold/dev-inputs

bench: $(STAMP)
	$(BIN)/govextract bench

clean:
	rm -rf data/processed build bench-corpus
