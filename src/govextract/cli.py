"""Command line: govextract extract | eval | targets | bench."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, help="Quantified claims from Chinese government work reports, as Parquet.")
err = Console(stderr=True)
out = Console()


@app.command()
def extract(
    input_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="folder of report files (.txt, .htm, .html, .md)"),
    out_dir: Path = typer.Option(Path("data/processed"), "--out", "-o", help="where the Parquet files go"),
    workers: int = typer.Option(1, "--workers", "-w", help="documents processed in parallel (0 = all cores)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar or summary"),
) -> None:
    """Extract claims from every report under INPUT_DIR into OUT_DIR/claims.parquet."""
    from govextract.pipeline import run

    n = workers if workers > 0 else (os.cpu_count() or 1)
    t0 = time.perf_counter()
    summary = run(
        input_dir,
        out_dir,
        workers=n,
        progress=not quiet and sys.stderr.isatty(),
        on_error=lambda line: err.print(f"[yellow]warning[/yellow] {line}", highlight=False),
    )
    if quiet:
        return
    dt = time.perf_counter() - t0
    table = Table(title=f"govextract: {input_dir} -> {out_dir}", show_header=False)
    table.add_row("files", str(summary.n_files))
    table.add_row("documents", str(summary.n_documents))
    table.add_row("claims", str(summary.n_claims))
    table.add_row("rejects", str(summary.n_rejects))
    table.add_row("warnings", str(summary.n_warnings))
    table.add_row("bad files", str(len(summary.errors)))
    table.add_row("seconds", f"{dt:.2f}")
    out.print(table)


@app.command("eval")
def eval_cmd(
    gold_dir: Path = typer.Argument(..., exists=True, help="folder of gold JSONL files (ANNOTATION.md format)"),
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="an extract output folder"),
    raw_dir: Path | None = typer.Option(None, "--raw", help="input folder the claims were read from"),
    as_json: Path | None = typer.Option(None, "--json", help="also write the full report as JSON"),
    max_items: int = typer.Option(30, "--show", help="misses / false positives listed"),
    min_f1: float | None = typer.Option(None, "--min-f1", help="exit 1 when F1 is below this floor"),
) -> None:
    """Score OUT_DIR's claims against hand-annotated GOLD_DIR: P/R/F1, field accuracy, misses."""
    from govextract.evaluate import evaluate, render_report, report_to_dict

    report = evaluate(gold_dir, out_dir, raw_dir)
    render_report(report, out, max_items=max_items)
    if as_json:
        as_json.write_text(json.dumps(report_to_dict(report), ensure_ascii=False, indent=1), encoding="utf-8")
    if min_f1 is not None and report.f1 < min_f1:
        err.print(f"[red]F1 {report.f1:.3f} is below the floor {min_f1:.3f}[/red]")
        raise typer.Exit(1)


@app.command()
def targets(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="an extract output folder"),
    table: Path | None = typer.Option(None, "--table", help="CSV of published targets: province_zh, year, gdp_growth_target_pct"),
    csv: Path | None = typer.Option(None, "--csv", help="write every report's target here"),
    max_items: int = typer.Option(30, "--show", help="disagreements listed"),
) -> None:
    """Each report's GDP growth target for its own year; with --table, checked against it."""
    import pandas as pd

    from govextract.targets import check_against_table, targets_of_run

    found = targets_of_run(out_dir)
    if csv:
        found.to_csv(csv, index=False)
    out.print(f"reports {len(found)}, with a GDP growth target read {int(found.growth_rate.notna().sum())}")
    if table is None:
        return
    res = check_against_table(found, pd.read_csv(table))
    out.print(
        f"in the table {res.n_table}: target read {res.n_found}, agrees {res.n_agree} "
        f"({res.n_agree / max(res.n_table, 1):.1%} of the table's reports)"
    )
    rows = Table(title="disagreements (the table has errors too: read the evidence)")
    for col in ("province", "year", "table", "ours", "evidence"):
        rows.add_column(col)
    for d in res.disagreements[:max_items]:
        ours = f"{d['ours']:g}" + (f"-{d['ours_max']:g}" if d["ours_max"] is not None else "")
        rows.add_row(d["province"], str(d["year"]), f"{d['table']:g}", ours, d["evidence"][:60])
    out.print(rows)
    if res.missing:
        names = ", ".join(f"{m['province']} {m['year']}" for m in res.missing[:max_items])
        out.print(f"no target read: {names}")


@app.command()
def bench(
    corpus: Path = typer.Option(Path("bench-corpus"), help="where the repeated corpus is built (reused)"),
    size_mb: float = typer.Option(50.0, help="corpus size in MB"),
    workers: str = typer.Option("1,all", help="comma-separated worker counts; 'all' = every core"),
    out_root: Path = typer.Option(Path("bench-corpus/.out"), help="scratch output"),
) -> None:
    """Throughput (MB/s, claims/s) and peak memory on a large repeated corpus."""
    from govextract.bench import build_corpus, render_bench, run_bench

    counts = [os.cpu_count() or 1 if w.strip() == "all" else int(w) for w in workers.split(",")]
    build_corpus(corpus, size_mb)
    rows = run_bench(corpus, counts, out_root)
    render_bench(rows, out)


if __name__ == "__main__":
    app()
