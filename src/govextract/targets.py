"""Each report's GDP growth target, and a check against a published table of targets.

The target a report sets for its own year is its first claim of indicator `gdp` that is a
target of the report year with a growth rate in percent and no period (年均 growth belongs to a
five-year plan). Published tables code "X%以上" as X + 0.05 and a range as its midpoint;
both are accepted as agreeing. The tables have errors of their own, so a disagreement is
listed for a reader to settle, not counted as ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

_COLS = ["doc_id", "province", "report_year", "growth_rate", "growth_rate_max", "qualifier", "evidence"]


def gdp_targets(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per document: the GDP growth target it sets for its report year."""
    c = claims[
        (claims.indicator_id == "gdp")
        & (claims.claim_type == "target")
        & claims.growth_rate.notna()
        & (claims.growth_unit == "%")  # not a multiple (生产总值比2000年翻一番: 2 倍)
        & (claims.year == claims.report_year)
        & claims.period.isna()
    ]
    first = c.sort_values(["doc_id", "char_start"]).groupby("doc_id", as_index=False).first()
    return first[_COLS].reset_index(drop=True)


def agrees(ours: float, ours_max: float | None, table: float) -> bool:
    """The table's coding of a target: the figure, X + 0.05 for 以上, a range's midpoint."""
    if pd.isna(ours):
        return False
    candidates = {round(ours, 2), round(ours + 0.05, 2)}
    if ours_max is not None and not pd.isna(ours_max):
        candidates.add(round((ours + ours_max) / 2, 2))
    return round(float(table), 2) in candidates


@dataclass
class TargetCheck:
    n_table: int = 0  # reports with a row in the table
    n_found: int = 0  # ...for which a target was read
    n_agree: int = 0
    disagreements: list[dict] = field(default_factory=list)  # table row, our reading, evidence
    missing: list[dict] = field(default_factory=list)


def check_against_table(targets: pd.DataFrame, table: pd.DataFrame) -> TargetCheck:
    """Compare a province's own reports with a table of province, year, target (columns
    province_zh, year, gdp_growth_target_pct, as in shared/corpus/tables). Provinces match
    by prefix (河北 / 河北省); reports of cities and districts are left out."""
    res = TargetCheck()
    if "city" in targets.columns:
        targets = targets[targets.city.isna() & targets.district.isna()]
    for row in table.itertuples(index=False):
        mine = targets[
            (targets.report_year == row.year)
            & targets.province.fillna("").str.startswith(str(row.province_zh))
        ]
        if mine.empty:
            continue
        res.n_table += 1
        t = mine.iloc[0]
        item = {
            "province": row.province_zh, "year": int(row.year), "table": float(row.gdp_growth_target_pct),
            "ours": None if pd.isna(t.growth_rate) else float(t.growth_rate),
            "ours_max": None if pd.isna(t.growth_rate_max) else float(t.growth_rate_max),
            "doc_id": t.doc_id, "evidence": t.evidence,
        }
        if pd.isna(t.growth_rate):
            res.missing.append(item)
            continue
        res.n_found += 1
        if agrees(t.growth_rate, t.growth_rate_max, row.gdp_growth_target_pct):
            res.n_agree += 1
        else:
            res.disagreements.append(item)
    return res


def targets_of_run(out_dir: Path) -> pd.DataFrame:
    """The GDP growth targets of an extract output folder, with every report listed (a
    report with none read has an empty growth rate)."""
    claims = pd.read_parquet(Path(out_dir) / "claims.parquet")
    docs = pd.read_parquet(Path(out_dir) / "documents.parquet")
    docs = docs[docs.report_year.notna()][["doc_id", "province", "city", "district", "report_year"]]
    found = gdp_targets(claims).drop(columns=["province", "report_year"])
    return docs.merge(found, on="doc_id", how="left")[[*_COLS, "city", "district"]]
