"""rules/units.yaml: size, well-formed entries, and the units reports use, via parse_quantities."""

from __future__ import annotations

import pytest

from govextract import rules
from govextract.numbers import parse_quantities

UNITS = rules.load("units")["units"]


def test_table_size() -> None:
    assert len(UNITS) >= 60


@pytest.mark.parametrize("unit", list(UNITS))
def test_entry_is_well_formed(unit: str) -> None:
    spec = UNITS[unit]
    assert {"kind", "base", "factor"} <= set(spec)
    assert isinstance(spec["kind"], str) and spec["kind"]
    assert isinstance(spec["base"], str) and spec["base"]
    assert float(spec["factor"]) > 0  # see test_factors_are_yaml_numbers


def test_base_units_are_consistent_per_kind() -> None:
    bases: dict[str, set[str]] = {}
    for spec in UNITS.values():
        if spec["kind"] != "count":  # a measure word is its own base
            bases.setdefault(spec["kind"], set()).add(spec["base"])
    # days (天/工作日), capacities (吨/天, 人/天) and prices (元/月, 元/亩) keep several bases
    several = ("days", "capacity", "money_rate")
    assert {k: b for k, b in bases.items() if len(b) > 1 and k not in several} == {}


def test_factors_are_yaml_numbers() -> None:
    assert {u: s["factor"] for u, s in UNITS.items() if not isinstance(s["factor"], int | float)} == {}


# (text, value, unit as stated, base unit, factor)
REQUIRED = [
    ("518.9亿元", 518.9, "亿元", "元", 1e8),
    ("1178眼", 1178.0, "眼", "眼", 1.0),
    ("351基", 351.0, "基", "基", 1.0),
    ("16批次", 16.0, "批次", "批次", 1.0),
    ("3586元/月", 3586.0, "元/月", "元/月", 1.0),
    ("1.2万元/亩", 1.2, "万元/亩", "元/亩", 1e4),
    ("3万元", 3, "万元", "元", 1e4),
    ("120元", 120, "元", "元", 1),
    ("5.3%", 5.3, "%", "%", 1),
    ("3个", 3, "个", "个", 1),
    ("6家", 6, "家", "家", 1),
    ("12项", 12, "项", "项", 1),
    ("5件", 5, "件", "件", 1),
    ("300人", 300, "人", "人", 1),
    ("2.6万人", 2.6, "万人", "人", 1e4),
    ("500人次", 500, "人次", "人次", 1),
    ("1.2万人次", 1.2, "万人次", "人次", 1e4),
    ("300平方米", 300, "平方米", "平方米", 1),
    ("1.5万平方米", 1.5, "万平方米", "平方米", 1e4),
    ("12公里", 12, "公里", "米", 1000),
    ("1.5亩", 1.5, "亩", "平方米", 666.67),
    ("50户", 50, "户", "户", 1),
    ("200套", 200, "套", "套", 1),
    ("300张", 300, "张", "张", 1),
    ("12部", 12, "部", "部", 1),
    ("30辆", 30, "辆", "辆", 1),
    ("8处", 8, "处", "处", 1),
    ("11座", 11, "座", "座", 1),
    ("3所", 3, "所", "所", 1),
    ("900场次", 900, "场次", "场次", 1),
    # variant spellings: the unit column says what the annotator writes (`as`)
    ("108万人（次）", 108, "万人次", "人次", 1e4),
    ("25万人(次)", 25, "万人次", "人次", 1e4),
    ("100场（次）", 100, "场次", "场次", 1),
    ("3665台（套）", 3665, "台（套）", "台套", 1),
    ("2.7万台(套)", 2.7, "万台（套）", "台套", 1e4),
]


@pytest.mark.parametrize(("text", "value", "unit", "base", "factor"), REQUIRED, ids=[r[0] for r in REQUIRED])
def test_required_unit_parses(text: str, value: float, unit: str, base: str, factor: float) -> None:
    (q,) = parse_quantities(text)
    assert (q.text, q.unit, q.unit_base) == (text, unit, base)
    assert q.value == pytest.approx(value)
    assert q.factor == pytest.approx(factor, rel=1e-4)


def test_required_units_are_in_the_table() -> None:
    # scaled forms (万人, 万人次, 万平方米) come from unit_scales; the rest are listed
    listed = {"亿元", "万元", "元", "%", "个", "家", "项", "件", "人", "人次", "平方米", "公里", "亩",
              "户", "套", "张", "部", "辆", "处", "座", "所", "场次"}
    assert listed - set(UNITS) == set()


CHINESE = [
    ("一万二", 12000, None),
    ("一万二千人次", 12000, "人次"),
    ("两个", 2, "个"),
    ("三百个", 300, "个"),
    ("三分之一", 1 / 3, ""),
]


@pytest.mark.parametrize(("text", "value", "unit"), CHINESE, ids=[c[0] for c in CHINESE])
def test_chinese_numerals(text: str, value: float, unit: str | None) -> None:
    (q,) = parse_quantities(text)
    assert (q.text, q.unit) == (text, unit)
    assert q.value == pytest.approx(value)


def test_range() -> None:
    (q,) = parse_quantities("200至400个")
    assert (q.value, q.value_max, q.unit) == (200, 400, "个")
