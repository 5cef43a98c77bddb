"""Benchmark plumbing only (no timing assertions): corpus building and the result rows."""

from __future__ import annotations

import io
import sys
import types
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from govextract.bench import MB, build_corpus, render_bench, run_bench


@dataclass
class FakeSummary:
    n_documents: int
    n_claims: int
    n_rejects: int = 0
    n_warnings: int = 0


def test_build_corpus_reaches_target_and_reuses(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "a").mkdir(parents=True)
    (src / "a" / "x_2024.txt").write_text("全区生产总值518.9亿元。" * 100, encoding="utf-8")
    (src / "y_2023.txt").write_text("增长5.3%。" * 50, encoding="utf-8")
    dest = tmp_path / "corpus"
    build_corpus(dest, target_mb=0.05, sources=[src])
    files = [p for p in dest.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    assert total >= 0.05 * MB
    assert len({p.relative_to(dest) for p in files}) == len(files) > 2
    assert {p.name for p in files} == {"x_2024.txt", "y_2023.txt"}  # names kept

    before = sorted(p.relative_to(dest) for p in dest.rglob("*") if p.is_file())
    build_corpus(dest, target_mb=0.05, sources=[src])  # already enough: untouched
    assert sorted(p.relative_to(dest) for p in dest.rglob("*") if p.is_file()) == before
    build_corpus(dest, target_mb=0.1, sources=[src])  # topped up
    assert sum(p.stat().st_size for p in dest.rglob("*") if p.is_file()) >= 0.1 * MB


def test_scratch_output_inside_the_corpus_is_not_input(tmp_path: Path) -> None:
    # bench writes to corpus/.out by default: those Parquet files must not count as input
    # MB (they once inflated the figures) nor as corpus already built
    src = tmp_path / "src"
    src.mkdir()
    (src / "x_2024.txt").write_text("全区生产总值518.9亿元。" * 100, encoding="utf-8")
    dest = tmp_path / "corpus"
    (dest / ".out" / "workers_1").mkdir(parents=True)
    (dest / ".out" / "workers_1" / "claims.parquet").write_bytes(b"\0" * int(0.2 * MB))
    build_corpus(dest, target_mb=0.05, sources=[src])
    inputs = [p for p in dest.rglob("*.txt")]
    assert sum(p.stat().st_size for p in inputs) >= 0.05 * MB
    rows = run_bench(dest, [1], tmp_path / "o", run=lambda i, o, workers=1: FakeSummary(1, 1), normalize_mb=0)
    assert rows[0]["input_mb"] == round(sum(p.stat().st_size for p in inputs) / MB, 3)
    assert rows[0]["files"] == len(inputs)


def test_run_bench_with_fake_pipeline(tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"d{i}.txt").write_text("增长5.3%。" * 200, encoding="utf-8")
    calls: list[tuple[Path, Path, int]] = []

    def fake_run(input_dir: Path, out_dir: Path, workers: int = 1, progress: bool = False):
        calls.append((input_dir, out_dir, workers))
        return FakeSummary(n_documents=3, n_claims=600)

    fake_pipeline = types.ModuleType("govextract.pipeline")
    fake_pipeline.run = fake_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "govextract.pipeline", fake_pipeline)
    fake_normalize = types.ModuleType("govextract.normalize")
    fake_normalize.normalize = lambda text: text  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "govextract.normalize", fake_normalize)

    rows = run_bench(corpus, [1, 2], tmp_path / "out", normalize_mb=0.01)
    assert [c[2] for c in calls] == [1, 2]
    pipe = [r for r in rows if r["stage"] == "pipeline"]
    assert len(pipe) == 2
    expected = {
        "stage", "workers", "files", "input_mb", "seconds", "mb_per_s", "mb_per_s_per_worker",
        "docs", "claims", "claims_per_s", "peak_rss_self_mb", "peak_rss_children_mb",
    }  # fmt: skip
    for r in pipe:
        assert expected <= r.keys()
        assert (r["docs"], r["claims"], r["files"]) == (3, 600, 3)
        assert r["input_mb"] > 0 and r["peak_rss_self_mb"] > 0
    (norm,) = [r for r in rows if r["stage"] != "pipeline"]
    assert "error" not in norm and norm["input_mb"] > 0

    console = Console(file=io.StringIO(), width=200)
    render_bench(rows, console)
    assert "pipeline" in console.file.getvalue()  # type: ignore[attr-defined]
