"""targets: each report's GDP growth target, checked against a published table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from govextract.targets import agrees, check_against_table, gdp_targets

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT.parent / "shared" / "corpus" / "tables" / "prov_gdp_growth_targets_1998_2017.csv"
PROVINCES = ROOT.parent / "shared" / "corpus" / "provinces"


def _claim(doc: str, start: int, **kw: object) -> dict:
    row = {
        "doc_id": doc, "province": "河北省", "report_year": 2009, "year": 2009, "indicator_id": "gdp",
        "claim_type": "target", "growth_rate": 9.0, "growth_rate_max": None, "growth_unit": "%", "period": None,
        "qualifier": None, "evidence": "", "char_start": start,
    }
    row.update(kw)
    return row


def test_the_first_gdp_growth_target_of_the_report_year() -> None:
    claims = pd.DataFrame([
        _claim("a", 10, year=2008, claim_type="actual", growth_rate=10.1),  # last year's
        _claim("a", 20, year=2013, growth_rate=9.5, period="年均"),  # the term's
        _claim("a", 25, growth_rate=2.0, growth_unit="倍"),  # 比2010年翻一番: a multiple
        _claim("a", 30, growth_rate=8.5, evidence="生产总值增长8.5%左右"),
        _claim("a", 40, growth_rate=9.0),  # a later repeat
        _claim("b", 5, indicator_id="fixed_asset_investment", growth_rate=20.0),
    ])
    got = gdp_targets(claims)
    assert got[["doc_id", "growth_rate", "evidence"]].to_dict("records") == [
        {"doc_id": "a", "growth_rate": 8.5, "evidence": "生产总值增长8.5%左右"},
    ]


@pytest.mark.parametrize(
    ("ours", "ours_max", "table", "ok"),
    [
        (8.5, None, 8.5, True),
        (7.5, None, 7.55, True),  # the table's 以上 code: X + 0.05
        (7.5, 8.0, 7.75, True),  # a range: its midpoint
        (6.0, None, 6.75, False),
        (float("nan"), None, 9.0, False),
    ],
)
def test_agreement_follows_the_tables_coding(ours: float, ours_max: float | None, table: float, ok: bool) -> None:
    assert agrees(ours, ours_max, table) is ok


def test_check_lists_disagreements_and_skips_city_reports() -> None:
    found = pd.DataFrame([
        {**_claim("prov", 1, growth_rate=11.0), "city": None, "district": None},
        {**_claim("city", 1, growth_rate=12.0), "city": "石家庄市", "district": None},
        {**_claim("p2", 1, province="山西省", report_year=2016, growth_rate=6.0), "city": None, "district": None},
    ])
    table = pd.DataFrame({"province_zh": ["河北", "山西", "海南"], "year": [2009, 2016, 2016], "gdp_growth_target_pct": [11.0, 6.75, 7.25]})
    res = check_against_table(found, table)
    assert (res.n_table, res.n_found, res.n_agree) == (2, 2, 1)
    assert [(d["province"], d["table"], d["ours"]) for d in res.disagreements] == [("山西", 6.75, 6.0)]


@pytest.mark.skipif(not (TABLE.is_file() and PROVINCES.is_dir()), reason="shared corpus not available")
def test_provincial_gdp_targets_agree_with_the_published_table(tmp_path: Path) -> None:
    """Reading each report's GDP growth target is a feature users ask for: over the 438
    provincial reports the table covers, the share that agrees stays above its floor in
    tests/quality_floor.yaml (the table has a few errors, so never 100%)."""
    import yaml

    from govextract.pipeline import run
    from govextract.targets import targets_of_run

    floor = yaml.safe_load((Path(__file__).with_name("quality_floor.yaml")).read_text(encoding="utf-8"))
    run(PROVINCES, tmp_path / "out", workers=2)
    res = check_against_table(targets_of_run(tmp_path / "out"), pd.read_csv(TABLE))
    assert res.n_table == 438, f"{res.n_agree}/{res.n_table} agree"
    assert res.n_agree / res.n_table >= floor["provincial_gdp_targets"]
