"""extract_sentence by example: tests/examples/claims.yaml lists sentences and the exact
records ANNOTATION.md asks for; entries marked `xfail` are known engine bugs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from govextract.extract import Candidate, extract_sentence

EXAMPLES = Path(__file__).parent / "examples" / "claims.yaml"
MAIN = ("indicator", "value", "unit", "growth_rate", "growth_unit", "base_year", "qualifier")
OPTIONAL = ("value_max", "growth_rate_max", "value_base", "unit_base")
KEYS = {*MAIN, *OPTIONAL, "indicator_contains"}


def _load() -> list[dict[str, Any]]:
    return yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))


def _params() -> list[Any]:
    out = []
    for ex in _load():
        marks = [pytest.mark.xfail(strict=True, reason=ex["xfail"])] if ex.get("xfail") else []
        out.append(pytest.param(ex, marks=marks, id=ex["sentence"]))
    return out


def _num(x: Any) -> Any:
    return pytest.approx(float(x), rel=1e-6) if isinstance(x, int | float) and not isinstance(x, bool) else x


def _actual(c: Candidate, want: dict[str, Any]) -> dict[str, Any]:
    """The candidate's fields in the shape of the expected record."""
    got: dict[str, Any] = {k: getattr(c, k) for k in MAIN if k != "indicator"}
    got.update({k: getattr(c, k) for k in OPTIONAL if k in want})
    if "indicator_contains" in want:
        got["indicator_contains"] = want["indicator_contains"] if want["indicator_contains"] in c.indicator else c.indicator
    else:
        got["indicator"] = c.indicator
    return got


def _expected(want: dict[str, Any]) -> dict[str, Any]:
    exp: dict[str, Any] = {k: _num(want.get(k)) for k in MAIN if k != "indicator"}
    exp.update({k: _num(want[k]) for k in OPTIONAL if k in want})
    if "indicator_contains" in want:
        exp["indicator_contains"] = want["indicator_contains"]
    else:
        exp["indicator"] = want["indicator"]
    return exp


def test_examples_file_is_well_formed() -> None:
    examples = _load()
    assert len(examples) >= 80
    sentences = [ex["sentence"] for ex in examples]
    assert len(sentences) == len(set(sentences))
    for ex in examples:
        assert set(ex) <= {"sentence", "records", "xfail"}
        for r in ex["records"]:
            assert set(r) <= KEYS, r
            assert ("indicator" in r) != ("indicator_contains" in r), r
            for k in ("value", "value_max", "value_base", "growth_rate", "growth_rate_max", "base_year"):
                assert r.get(k) is None or isinstance(r[k], int | float), (k, r)


@pytest.mark.parametrize("example", _params())
def test_example(example: dict[str, Any]) -> None:
    got = extract_sentence(example["sentence"])
    want = example["records"]
    assert len(got) == len(want), [c.indicator for c in got]
    for c, w in zip(got, want, strict=True):
        assert _actual(c, w) == _expected(w)


def test_num_start_points_at_the_number() -> None:
    s = "前三季度,全区生产总值实现518.9亿元、增长5.3%"
    (c,) = extract_sentence(s)
    assert s[c.num_start:].startswith("518.9")
    assert s[c.start:c.end] == "全区生产总值实现518.9亿元、增长5.3%"


def test_threshold_never_becomes_a_value() -> None:
    for s in ("引进过亿元项目145个,总投资475.3亿元", "5亿元以上项目123个", "新开工亿元以上项目39个"):
        assert all(c.value not in (1.0, 5.0) for c in extract_sentence(s)), s


def test_value_growth_pair_is_one_record() -> None:
    got = extract_sentence("全区生产总值实现518.9亿元、增长5.3%")
    assert [(c.value, c.growth_rate, c.rule) for c in got] == [(518.9, 5.3, "value+growth")]


def test_distributive_records_carry_their_own_spans() -> None:
    s = "1-11月份限上餐饮业、限上住宿业营业额分别增长34%、24.7%"
    a, b = extract_sentence(s)
    assert s[a.num_start:].startswith("34%")
    assert s[b.num_start:].startswith("24.7%")
    assert a.rule == b.rule == "distributive"


@pytest.mark.parametrize(
    ("sentence", "want", "count"),
    [
        # 达到: their sum, no threshold
        ("44个县公共财政预算收入达到705亿元", ("县公共财政预算收入", 705, "亿元", None), (44, "个")),
        # a long subject with no measure: a sum
        ("与39家央企签约合作项目投资总额超过1万亿元", ("签约合作项目投资总额", 1, "万亿元", "gte"), (39, "家")),
        # 达到: no threshold verb
        ("3家大企业年销售收入达到100亿元", ("大企业年销售收入", 100, "亿元", None), (3, "家")),
        # 总投资: their sum
        ("着力抓好100个总投资超过2000亿元的技改项目", ("技改项目总投资", 2000, "亿元", "gte"), (100, "个")),
    ],
)
def test_a_figure_after_a_count_that_names_no_class_stays(sentence: str, want: tuple, count: tuple) -> None:
    """The class-count rule takes a threshold only when the words between name a class:
    otherwise the money figure stays a claim of its own, beside the count (whose name this
    test leaves open)."""
    got = extract_sentence(sentence)
    money = [(c.indicator, c.value, c.unit, c.qualifier) for c in got if c.unit and c.unit.endswith("亿元")]
    assert money == [want]
    assert [(c.value, c.unit) for c in got if not (c.unit and c.unit.endswith("亿元"))] == [count]
