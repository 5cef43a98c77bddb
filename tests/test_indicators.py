"""rules/indicators.yaml and indicator_id: examples, size, unambiguous synonyms."""

from __future__ import annotations

from collections import defaultdict

import pytest

from govextract import rules
from govextract.indicators import indicator_id

LEXICON = rules.load("indicators")
EXAMPLES = LEXICON["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["indicator"] for e in EXAMPLES])
def test_examples_map_to_their_id(example: dict) -> None:
    assert indicator_id(example["indicator"]) == example["id"]


def test_lexicon_size() -> None:
    assert len(LEXICON["indicators"]) >= 50
    assert len(EXAMPLES) >= 10


def test_every_indicator_has_a_name() -> None:
    for iid, spec in LEXICON["indicators"].items():
        assert isinstance(spec.get("name"), str) and spec["name"], iid


def test_no_synonym_maps_to_two_ids() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for iid, spec in LEXICON["indicators"].items():
        for s in {spec["name"], *spec.get("synonyms", [])}:
            owners[s].add(iid)
    assert {s: ids for s, ids in owners.items() if len(ids) > 1} == {}


def test_every_synonym_maps_to_its_own_id() -> None:
    wrong = {}
    for iid, spec in LEXICON["indicators"].items():
        for s in {spec["name"], *spec.get("synonyms", [])}:
            if indicator_id(s) != iid:
                wrong[s] = (iid, indicator_id(s))
    assert wrong == {}


LOOKUPS = [
    ("全区生产总值", "gdp"),
    ("我区地区生产总值", "gdp"),
    ("人均地区生产总值", "gdp_per_capita"),
    ("区级一般公共预算收入", "general_budget_revenue"),
    ("三公经费支出", "three_public_expenses"),
    ("“三公”经费支出", "three_public_expenses"),
    ("全区治安警情", "public_security_incidents"),
    ("新增城镇就业", "new_urban_jobs"),
    ("固定资产投资", "fixed_asset_investment"),
    ("限上餐饮业营业额", None),
    ("引进过亿元项目", "projects_signed"),
    # an alias in brackets after the name
    ("全省生产总值（GDP）", "gdp"),
]


@pytest.mark.parametrize(("indicator", "iid"), LOOKUPS, ids=[x for x, _ in LOOKUPS])
def test_lookups(indicator: str, iid: str | None) -> None:
    assert indicator_id(indicator) == iid


def test_spaces_and_scope_are_ignored() -> None:
    assert indicator_id("全 区 生产总值") == indicator_id("生产总值") == "gdp"
