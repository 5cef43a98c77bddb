"""Scoring against gold on tiny synthetic documents built in tmp_path."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import SPEC_CLAIM_COLUMNS
from rich.console import Console

from govextract.evaluate import (
    evaluate,
    indicator_overlap_f1,
    norm_period,
    render_report,
    report_to_dict,
    to_base,
)

DOC = "testdistrict_2025"
RAW = (
    "某区政府工作报告\n"
    "2024年,全区生产总值实现518.9亿元、增长5.3%。城镇新增就业1.3万人。"
    "民间投资增长15.9%。引进项目12个。举办群众文化活动900余场次。\n"
)



def gold(quote: str, **kw: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "doc": DOC, "quote": quote, "indicator": None, "value": None, "unit": None,
        "growth_rate": None, "growth_unit": None, "base_year": None, "year": 2024,
        "period": None, "claim_type": "actual", "qualifier": None, "district": "某区",
    }  # fmt: skip
    rec.update(kw)
    return rec


def claim(raw: str, needle: str, occurrence: int = 0, **kw: Any) -> dict[str, Any]:
    """A predicted claim whose span is the `occurrence`-th match of needle in raw."""
    start = -1
    for _ in range(occurrence + 1):
        start = raw.index(needle, start + 1)
    row: dict[str, Any] = dict.fromkeys(SPEC_CLAIM_COLUMNS)
    row.update(
        claim_id=f"c{start}", doc_id=DOC, source_path=f"sub/{DOC}.txt", district="某区",
        report_year=2025, year=2024, claim_type="actual", evidence=needle,
        char_start=start, char_end=start + len(needle), rule="test",
    )  # fmt: skip
    row.update(kw)
    return row


def setup(
    tmp_path: Path,
    raw: str,
    golds: list[dict[str, Any]],
    claims: list[dict[str, Any]],
    gold_name: str = f"{DOC}.jsonl",
    docs_extra: dict[str, Any] | None = None,
) -> tuple[Path, Path, Path]:
    raw_dir, gold_dir, out_dir = tmp_path / "raw", tmp_path / "gold", tmp_path / "out"
    (raw_dir / "sub").mkdir(parents=True)
    (raw_dir / "sub" / f"{DOC}.txt").write_text(raw, encoding="utf-8")
    gold_dir.mkdir()
    (gold_dir / gold_name).parent.mkdir(parents=True, exist_ok=True)
    (gold_dir / gold_name).write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in golds), encoding="utf-8"
    )
    out_dir.mkdir()
    df = pd.DataFrame(claims, columns=SPEC_CLAIM_COLUMNS)
    for col in ("value", "value_base", "growth_rate"):
        df[col] = df[col].astype("float64")
    for col in ("year", "base_year", "report_year", "char_start", "char_end"):
        df[col] = df[col].astype("Int64")
    df.to_parquet(out_dir / "claims.parquet", index=False)
    docs = {"doc_id": DOC, "source_path": f"sub/{DOC}.txt", "sha256": "x"}
    docs.update(docs_extra or {})
    pd.DataFrame([docs]).to_parquet(out_dir / "documents.parquet", index=False)
    return raw_dir, gold_dir, out_dir


def test_main_case_counts_fields_and_lists(tmp_path: Path) -> None:
    golds = [
        gold("全区生产总值实现518.9亿元、增长5.3%", indicator="全区生产总值", value=518.9,
             unit="亿元", growth_rate=5.3, growth_unit="%"),
        gold("城镇新增就业1.3万人", indicator="城镇新增就业", value=1.3, unit="万人"),
        gold("民间投资增长15.9%", indicator="民间投资", growth_rate=15.9, growth_unit="%"),
        gold("举办群众文化活动900余场次", indicator="群众文化活动", value=900, unit="场次",
             qualifier="gte", note="borderline: test"),
    ]  # fmt: skip
    claims = [
        claim(RAW, "生产总值实现518.9亿元", indicator="全区生产总值", value=518.9, unit="亿元",
              value_base=5.189e10, unit_base="元", growth_rate=5.3, growth_unit="%"),
        claim(RAW, "新增就业1.3万人", indicator="城镇新增就业", value=1.3, unit="万人",
              value_base=13000.0, unit_base="人", year=2023),
        claim(RAW, "活动900余场次", indicator="群众文化活动", value=900, unit="场次",
              value_base=900.0, unit_base="场次", qualifier="gte"),
        claim(RAW, "引进项目12个", indicator="引进项目", value=12, unit="个",
              value_base=12.0, unit_base="个"),
    ]  # fmt: skip
    raw_dir, gold_dir, out_dir = setup(tmp_path, RAW, golds, claims)
    rep = evaluate(gold_dir, out_dir, raw_dir)

    assert (rep.tp, rep.fp, rep.fn) == (2, 1, 1)
    assert (rep.n_gold, rep.n_gold_borderline, rep.borderline_matched) == (3, 1, 1)
    assert rep.n_pred == 4
    assert rep.precision == pytest.approx(2 / 3)
    assert rep.recall == pytest.approx(2 / 3)
    assert rep.f1 == pytest.approx(2 / 3)
    assert rep.field_accuracy["year"] == pytest.approx(0.5)
    assert rep.field_accuracy["value"] == 1.0
    assert rep.field_accuracy["indicator"] == 1.0
    assert rep.strict == pytest.approx(0.5)
    assert rep.strict_f1 == pytest.approx(1 / 3)
    assert [(m.doc, m.quote, m.reason) for m in rep.misses] == [
        (DOC, "民间投资增长15.9%", "no prediction")
    ]
    assert [(f.doc, f.text, f.value, f.unit, f.indicator) for f in rep.false_positives] == [
        (DOC, "引进项目12个", 12.0, "个", "引进项目")
    ]
    assert [(e.field, e.gold, e.predicted) for e in rep.field_errors] == [("year", 2024, 2023)]
    (f,) = rep.files
    assert (f.doc, f.gold, f.predicted, f.tp, f.fp, f.fn) == (DOC, 3, 4, 2, 1, 1)
    assert f.strict == pytest.approx(0.5)

    d = report_to_dict(rep)
    json.dumps(d, ensure_ascii=False)  # must be JSON-ready
    assert d["tp"] == 2 and d["files"][0]["doc"] == DOC
    console = Console(file=io.StringIO(), width=200)
    render_report(rep, console, max_items=5)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "民间投资增长15.9%" in out and "引进项目12个" in out


def test_quote_occurring_twice(tmp_path: Path) -> None:
    raw = "今年新建学校3所,明年再建。五年来新建学校3所的目标已完成。"
    golds = [
        gold("新建学校3所", indicator="新建学校", value=3, unit="所"),
        gold("新建学校3所", indicator="新建学校", value=3, unit="所", year=2021),
    ]
    # only the second occurrence is predicted, then both
    one = [claim(raw, "学校3所", occurrence=1, indicator="新建学校", value=3, unit="所",
                 value_base=3.0, unit_base="所")]  # fmt: skip
    raw_dir, gold_dir, out_dir = setup(tmp_path / "a", raw, golds, one)
    rep = evaluate(gold_dir, out_dir, raw_dir)
    assert (rep.tp, rep.fp, rep.fn) == (1, 0, 1)

    both = [
        claim(raw, "学校3所", occurrence=i, indicator="新建学校", value=3, unit="所",
              value_base=3.0, unit_base="所", year=2024 if i == 0 else 2021)
        for i in (0, 1)
    ]  # fmt: skip
    raw_dir, gold_dir, out_dir = setup(tmp_path / "b", raw, golds, both)
    rep = evaluate(gold_dir, out_dir, raw_dir)
    assert (rep.tp, rep.fp, rep.fn) == (2, 0, 0)


def test_change_only_matched_by_growth_rate(tmp_path: Path) -> None:
    golds = [gold("民间投资增长15.9%", indicator="民间投资", growth_rate=15.9, growth_unit="%")]
    claims = [
        claim(RAW, "民间投资增长15.9%", indicator="民间投资", growth_rate=15.9, growth_unit="%"),
        # same span but a different change: not the same number
        claim(RAW, "增长15.9%", indicator="民间投资", growth_rate=-15.9, growth_unit="%"),
    ]
    raw_dir, gold_dir, out_dir = setup(tmp_path, RAW, golds, claims)
    rep = evaluate(gold_dir, out_dir, raw_dir)
    assert (rep.tp, rep.fp, rep.fn) == (1, 1, 0)
    assert rep.false_positives[0].growth_rate == -15.9
    assert rep.field_accuracy["growth_rate"] == 1.0
    assert rep.field_accuracy["value"] == 1.0  # null == null


def test_wan_ren_against_value_base_in_ren(tmp_path: Path) -> None:
    golds = [gold("城镇新增就业1.3万人", indicator="城镇新增就业", value=1.3, unit="万人")]
    claims = [claim(RAW, "1.3万人", indicator="新增就业", value=13000, unit="人",
                    value_base=13000.0, unit_base="人")]  # fmt: skip
    # the run recorded its input dir: no raw_dir needed; gold split into parts
    _, gold_dir, out_dir = setup(
        tmp_path, RAW, golds, claims, gold_name=f"parts/{DOC}.part1.jsonl",
        docs_extra={"input_dir": str(tmp_path / "raw")},
    )  # fmt: skip
    rep = evaluate(gold_dir, out_dir)
    assert (rep.tp, rep.fp, rep.fn) == (1, 0, 0)
    assert rep.field_accuracy["value"] == 0.0  # value as stated differs (1.3 vs 13000)
    assert rep.field_accuracy["unit"] == 0.0
    assert rep.field_accuracy["indicator"] == 0.0
    assert rep.field_accuracy["indicator_soft"] == 1.0


def test_parts_merge_and_unscored(tmp_path: Path) -> None:
    g1 = gold("城镇新增就业1.3万人", indicator="城镇新增就业", value=1.3, unit="万人")
    g2 = gold("引进项目12个", indicator="引进项目", value=12, unit="个")
    claims = [
        claim(RAW, "12个", indicator="引进项目", value=12, unit="个", value_base=12.0),
        claim(RAW, "12个", source_path="other_2020.txt", value=12, unit="个", value_base=12.0),
    ]
    raw_dir, gold_dir, out_dir = setup(tmp_path, RAW, [g1], claims, f"parts/{DOC}.part1.jsonl")
    (gold_dir / "parts" / f"{DOC}.part2.jsonl").write_text(
        json.dumps(g2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    rep = evaluate(gold_dir, out_dir, raw_dir)
    assert (rep.n_gold, rep.tp, rep.fp, rep.fn) == (2, 1, 0, 1)
    assert rep.unscored_docs == ["other_2020"]


def test_helpers() -> None:
    assert to_base(1.3, "万人") == pytest.approx((13000.0, "人"))  # type: ignore[arg-type]
    assert to_base(518.9, "亿元")[0] == pytest.approx(5.189e10)
    assert to_base(1000, "万人次") == (1e7, "人次")
    assert to_base(2, "万家") == (2e4, "家")
    assert to_base(5, "不明单位") == (5, "不明单位")
    assert norm_period("1—11月") == norm_period("1-11月份") == "1-11月"
    assert norm_period("2021—2023年") == "2021-2023"
    assert indicator_overlap_f1("限上餐饮业营业额", "“限上餐饮业营业额”") == 1.0
    assert indicator_overlap_f1("民间投资", "生产总值") == 0.0
