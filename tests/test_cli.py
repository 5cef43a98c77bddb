"""The command line through typer's CliRunner: extract and eval."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import RAW_DIR, SAMPLES_GOLD, RunOutput
from typer.testing import CliRunner

from govextract.cli import app
from govextract.evaluate import evaluate

runner = CliRunner()


def test_extract_prints_summary(tmp_path: Path, raw_run: RunOutput) -> None:
    out = tmp_path / "out"
    res = runner.invoke(app, ["extract", str(RAW_DIR), "--out", str(out)], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    s = raw_run.summary
    counts = {"documents": s.n_documents, "claims": s.n_claims, "rejects": s.n_rejects,
              "warnings": s.n_warnings}  # fmt: skip
    for word, n in counts.items():
        assert re.search(rf"│ {word}\s+│ {n}\s+│", res.output), (word, n, res.output)
    assert (out / "claims.parquet").is_file()
    assert (out / "documents.parquet").is_file()
    assert (out / "rejects.parquet").is_file()


def test_eval_prints_prf(raw_run: RunOutput) -> None:
    args = ["eval", str(SAMPLES_GOLD), str(raw_run.out_dir), "--raw", str(RAW_DIR)]
    res = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    for head in ("P", "R", "F1"):  # column headers of the score table
        assert re.search(rf"┃\s+{head}\s+┃", res.output), head
    rep = evaluate(SAMPLES_GOLD, raw_run.out_dir, RAW_DIR)
    for x in (rep.precision, rep.recall, rep.f1):
        assert f"{x:.1%}" in res.output, x


def test_eval_min_f1_floor(raw_run: RunOutput) -> None:
    args = ["eval", str(SAMPLES_GOLD), str(raw_run.out_dir), "--raw", str(RAW_DIR)]
    res = runner.invoke(app, [*args, "--min-f1", "1.01"])
    assert res.exit_code == 1, res.output
    assert runner.invoke(app, [*args, "--min-f1", "0.5"]).exit_code == 0
