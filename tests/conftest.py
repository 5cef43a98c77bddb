"""Session fixtures: the pipeline runs once per input set and the tests share the output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from govextract.pipeline import RunSummary, run

ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = ROOT / "data" / "raw"
DEV_GOLD = ROOT / "tests" / "gold" / "dev"
DEV_INPUTS = ROOT / "tests" / "gold" / "dev-inputs"
SAMPLES_GOLD = ROOT / "tests" / "gold" / "samples"

# the claims.parquet columns SPEC.md fixes (names and meanings are the contract)
SPEC_CLAIM_COLUMNS = [
    "claim_id", "doc_id", "source_path", "province", "city", "district", "adcode",
    "report_year", "year", "period", "claim_type", "indicator", "indicator_id", "value",
    "unit", "value_base", "unit_base", "growth_rate", "growth_unit", "base_year",
    "qualifier", "evidence", "char_start", "char_end", "rule",
]  # fmt: skip


@dataclass
class RunOutput:
    input_dir: Path
    out_dir: Path
    summary: RunSummary
    errors: list[str]

    @property
    def claims(self) -> pd.DataFrame:
        return pd.read_parquet(self.out_dir / "claims.parquet")

    @property
    def documents(self) -> pd.DataFrame:
        return pd.read_parquet(self.out_dir / "documents.parquet")

    def raw_text(self, source_path: str) -> str:
        """The input file decoded with the encoding recorded in documents.parquet."""
        docs = self.documents
        enc = docs.loc[docs.source_path == source_path, "encoding"].iloc[0]
        return (self.input_dir / source_path).read_bytes().decode(enc)


def _run(input_dir: Path, out_dir: Path, workers: int = 1) -> RunOutput:
    errors: list[str] = []
    summary = run(input_dir, out_dir, workers=workers, on_error=errors.append)
    return RunOutput(input_dir, out_dir, summary, errors)


@pytest.fixture(scope="session")
def raw_run(tmp_path_factory: pytest.TempPathFactory) -> RunOutput:
    """data/raw through the pipeline with one worker."""
    return _run(RAW_DIR, tmp_path_factory.mktemp("raw_out"))


@pytest.fixture(scope="session")
def raw_run_parallel(tmp_path_factory: pytest.TempPathFactory) -> RunOutput:
    """data/raw again, with two worker processes (second run for stability checks)."""
    return _run(RAW_DIR, tmp_path_factory.mktemp("raw_out_w2"), workers=2)


@pytest.fixture(scope="session")
def dev_run(tmp_path_factory: pytest.TempPathFactory) -> RunOutput:
    """tests/gold/dev-inputs through the pipeline, for the quality floors."""
    return _run(DEV_INPUTS, tmp_path_factory.mktemp("dev_out"))
