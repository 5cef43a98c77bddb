"""Throughput benchmark: the whole pipeline on a corpus of a chosen size.

The corpus is built by copying the bundled reports (and the shared corpus) over and
over, each round in its own subdirectory so file names, which the extractor may read
for province/district/year hints, stay as they were, while every path is distinct.
"""

from __future__ import annotations

import importlib
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MB = 1_000_000  # throughput in decimal MB, the unit the 1 MB/s per core target is in
MIB = 1024 * 1024  # memory in MiB
REPO_ROOT = Path(__file__).resolve().parents[2]


def default_sources() -> list[Path]:
    """The bundled data/raw files and ../shared/corpus/**/*.txt, whichever exist."""
    files: list[Path] = []
    raw = REPO_ROOT / "data" / "raw"
    if raw.is_dir():
        files += sorted(p for p in raw.rglob("*") if p.is_file() and not p.name.startswith("."))
    corpus = REPO_ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        files += sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    return files


def _expand(sources: list[Path]) -> list[Path]:
    files: list[Path] = []
    for src in sources:
        src = Path(src)
        if src.is_dir():
            files += sorted(p for p in src.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif src.is_file():
            files.append(src)
    return files


def _corpus_files(path: Path) -> list[Path]:
    """Files of the corpus; hidden ones (the default .out/ scratch output) are not input."""
    if not path.is_dir():
        return []
    return [p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)]


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in _corpus_files(path))


def build_corpus(dest: Path, target_mb: float = 50.0, sources: list[Path] | None = None) -> Path:
    """Fill dest/ with copies of the sources until it holds >= target_mb MB; returns dest.

    An existing dest that already holds enough is reused as is; one that holds less is
    topped up with further rounds.
    """
    dest = Path(dest)
    target = int(target_mb * MB)
    have = _dir_bytes(dest)
    if have >= target:
        return dest
    files = _expand(sources) if sources is not None else default_sources()
    files = [f for f in files if f.stat().st_size > 0]
    if not files:
        raise FileNotFoundError("no source files to build a benchmark corpus from")
    dest.mkdir(parents=True, exist_ok=True)
    rnd = 0
    while have < target:
        round_dir = dest / f"copy_{rnd:04d}"
        rnd += 1
        if round_dir.exists():  # left by an earlier, smaller build: already counted
            continue
        round_dir.mkdir()
        for i, f in enumerate(files):
            # the index keeps same-named files from different sources apart
            sub = round_dir / f"{i:03d}"
            sub.mkdir()
            shutil.copyfile(f, sub / f.name)
            have += f.stat().st_size
            if have >= target:
                break
    return dest


def peak_rss_mb() -> dict[str, float]:
    """Peak resident set size of this process and of its waited-for children, in MiB."""
    # ru_maxrss is KiB on Linux, bytes on macOS
    scale = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / MIB
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / MIB
    return {"peak_rss_self_mb": round(own, 1), "peak_rss_children_mb": round(kids, 1)}


def _traditional_sample() -> Path | None:
    raw = REPO_ROOT / "data" / "raw"
    hits = sorted(raw.glob("*traditional*")) if raw.is_dir() else []
    return hits[0] if hits else None


def bench_normalize(sample: Path | None = None, target_mb: float = 2.0) -> dict[str, Any]:
    """Time normalization (traditional -> simplified) alone on a traditional report."""
    row: dict[str, Any] = {"stage": "normalize (traditional)", "workers": 1}
    sample = sample or _traditional_sample()
    if sample is None:
        return row | {"error": "no traditional sample found"}
    try:
        normalize = importlib.import_module("govextract.normalize").normalize
    except (ImportError, AttributeError) as exc:
        return row | {"error": f"govextract.normalize unavailable: {exc}"}
    text = sample.read_bytes().decode("utf-8-sig", errors="replace")
    from govextract.textmap import MappedText

    # normalize takes the MappedText ingest produces; accept a str-taking one as well
    arg: Any = MappedText.identity(text)
    try:
        normalize(arg)
    except (TypeError, AttributeError):
        arg = text
        normalize(arg)
    size = len(text.encode("utf-8"))
    reps = max(1, int(target_mb * MB / max(size, 1)))
    t0 = time.perf_counter()
    for _ in range(reps):
        normalize(arg)
    secs = time.perf_counter() - t0
    mb = size * reps / MB
    return row | {
        "input_mb": round(mb, 3),
        "seconds": round(secs, 3),
        "mb_per_s": round(mb / secs, 3) if secs else None,
        "mb_per_s_per_worker": round(mb / secs, 3) if secs else None,
    }


def run_bench(
    corpus: Path,
    workers_list: list[int],
    out_root: Path,
    run: Callable[..., Any] | None = None,
    normalize_mb: float = 2.0,
) -> list[dict[str, Any]]:
    """Time pipeline.run on corpus once per workers count; one row each, plus a
    normalize-only row (skipped when normalize_mb <= 0)."""
    corpus, out_root = Path(corpus), Path(out_root)
    if run is None:
        # looked up through sys.modules so a test can substitute the module
        run = importlib.import_module("govextract.pipeline").run
    input_mb = _dir_bytes(corpus) / MB
    n_files = len(_corpus_files(corpus))
    rows: list[dict[str, Any]] = []
    for n in workers_list:
        out_dir = out_root / f"workers_{n}"
        if out_dir.exists():  # a stale output would make an incremental run look fast
            shutil.rmtree(out_dir)
        t0 = time.perf_counter()
        summary = run(corpus, out_dir, workers=n)
        secs = time.perf_counter() - t0
        docs = int(getattr(summary, "n_documents", 0) or 0)
        claims = int(getattr(summary, "n_claims", 0) or 0)
        rate = input_mb / secs if secs else None
        rows.append(
            {
                "stage": "pipeline",
                "workers": n,
                "files": n_files,
                "input_mb": round(input_mb, 3),
                "seconds": round(secs, 3),
                "mb_per_s": round(rate, 3) if rate is not None else None,
                "mb_per_s_per_worker": round(rate / n, 3) if rate is not None and n else None,
                "docs": docs,
                "claims": claims,
                "claims_per_s": round(claims / secs, 1) if secs else None,
                "rejects": getattr(summary, "n_rejects", None),
                **peak_rss_mb(),
                "cpus": os.cpu_count(),
            }
        )
    if normalize_mb > 0:
        rows.append(bench_normalize(target_mb=normalize_mb))
    return rows


def render_bench(rows: list[dict[str, Any]], console: Any) -> None:
    """Print benchmark rows as a rich table."""
    from rich.table import Table

    cols = [
        ("stage", "stage"),
        ("workers", "workers"),
        ("input_mb", "MB"),
        ("seconds", "s"),
        ("mb_per_s", "MB/s"),
        ("mb_per_s_per_worker", "MB/s/worker"),
        ("docs", "docs"),
        ("claims", "claims"),
        ("claims_per_s", "claims/s"),
        ("peak_rss_self_mb", "peak RSS MiB"),
        ("peak_rss_children_mb", "children RSS MiB"),
    ]
    table = Table(title="govextract throughput")
    for _, label in cols:
        table.add_column(label, justify="left" if label == "stage" else "right")
    for row in rows:
        table.add_row(*("" if row.get(k) is None else str(row.get(k)) for k, _ in cols))
    console.print(table)
    for row in rows:
        if row.get("error"):
            console.print(f"[yellow]{row['stage']}: {row['error']}[/yellow]")
    console.print(
        "[dim]peak RSS is the process-lifetime maximum (getrusage), so it only grows "
        "from row to row; children RSS is the largest single worker.[/dim]"
    )
