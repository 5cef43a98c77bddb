"""claim_context: the year, period and claim type a sentence gives the number at num_pos."""

from __future__ import annotations

import pytest

from govextract.context import ClaimContext, claim_context, section_default


def ctx(sentence: str, number: str, kind: str, report_year: int = 2025, **kw: object) -> tuple:
    """Context of the first occurrence of `number` in `sentence`, as (year, period, claim_type)."""
    pos = sentence.index(number)
    c = claim_context(sentence, pos, kind, report_year, **kw)  # type: ignore[arg-type]
    assert isinstance(c, ClaimContext)
    return c.year, c.period, c.claim_type


CASES = [
    # section defaults
    ("全区生产总值实现518.9亿元", "518.9", "review", 2025, (2024, None, "actual")),
    ("全区生产总值增长6%", "6", "plan", 2025, (2025, None, "target")),
    ("全区生产总值达到600亿元", "600", "five_year_review", 2022, (2021, None, "actual")),
    ("地区生产总值增长6%", "6", "five_year_plan", 2022, (2026, None, "target")),
    # cue words
    ("预计全年一般公共预算收入完成30亿元", "30", "review", 2025, (2024, None, "estimate")),
    ("预计全年一般公共预算收入完成30亿元", "30", "preamble", 2025, (2024, None, "estimate")),
    ("力争地区生产总值增长6%", "6", "plan", 2025, (2025, None, "target")),
    # periods
    ("前三季度,全区生产总值实现518.9亿元", "518.9", "review", 2025, (2024, "前三季度", "actual")),
    ("上半年,固定资产投资增长8%", "8", "review", 2025, (2024, "上半年", "actual")),
    ("1-11月份限上餐饮业营业额增长34%", "34", "review", 2025, (2024, "1-11月", "actual")),
    ("1—11月份限上餐饮业营业额增长34%", "34", "review", 2025, (2024, "1-11月", "actual")),
    ("地区生产总值年均增长7.5%", "7.5", "five_year_review", 2022, (2021, "年均", "actual")),
    ("五年累计完成投资800亿元", "800", "five_year_review", 2022, (2021, "五年累计", "actual")),
    ("2021年至2023年,累计完成投资500亿元", "500", "review", 2025, (2023, "2021-2023", "actual")),
    ("“十四五”期间,累计完成投资800亿元", "800", "five_year_review", 2026, (2025, "十四五", "actual")),
    ("截至目前,累计引进项目145个", "145", "review", 2025, (2024, "截至目前", "actual")),
    # explicit years
    ("1994年建区之初,全区生产总值仅为3亿元", "3亿", "review", 2025, (1994, None, "actual")),
    ("到2027年,地区生产总值达到800亿元", "800", "five_year_plan", 2022, (2027, None, "target")),
    # a comparison base is not the year of the figure
    ("PM2.5平均浓度比2017年下降71%", "71", "review", 2025, (2024, None, "actual")),
]


@pytest.mark.parametrize(("sentence", "number", "kind", "report_year", "want"), CASES, ids=[c[0] for c in CASES])
def test_context(sentence: str, number: str, kind: str, report_year: int, want: tuple) -> None:
    assert ctx(sentence, number, kind, report_year) == want


def test_review_words_do_not_turn_a_review_into_a_target() -> None:
    # 力争 in the review is what was striven for and achieved last year
    assert ctx("力争地区生产总值增长6%", "6", "review") == (2024, None, "actual")


def test_news_article_takes_its_own_year() -> None:
    got = ctx("全区生产总值达到600亿元", "600", "review", 2025, is_report=False, article_year=2023)
    assert got == (2023, None, "actual")


def test_flow_in_five_year_review_is_a_five_year_total() -> None:
    assert ctx("累计完成投资800亿元", "800", "five_year_review", 2022, flow=True) == (2021, "五年累计", "actual")
    # a level (达到) is not summed over the five years
    assert ctx("全区生产总值达到600亿元", "600", "five_year_review", 2022, flow=True) == (2021, None, "actual")


def test_section_default() -> None:
    assert section_default("review", 2025) == (2024, "actual", None)
    assert section_default("plan", 2025) == (2025, "target", None)
    assert section_default("five_year_plan", 2022) == (2026, "target", None)
    assert section_default("plan", 2025, is_report=False, article_year=2023) == (2023, "actual", None)


def test_founding_year_as_comparison_base() -> None:
    assert ctx("全区生产总值达到1994年建区之初的60倍", "60", "review") == (2024, None, "actual")
