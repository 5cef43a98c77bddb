"""segment: heading kinds, sections with paragraph switches, sentence splitting."""

from __future__ import annotations

from itertools import pairwise

import pytest

from govextract.segment import Section, classify_heading, sections, sentences

HEADINGS = [
    ("一、2024年工作回顾", "review"),
    ("二、2025年工作安排", "plan"),
    ("三、2022年主要工作安排", "plan"),
    ("二、今后五年的总体要求和重点任务", "five_year_plan"),
    ("一、第十八届人民政府工作回顾", "five_year_review"),
    ("一、过去五年工作回顾", "five_year_review"),
    ("名词解释", "glossary"),
    ("附件", "glossary"),
    ("二、2022年发展思路和工作重点", "plan"),
    ("各位代表：", None),
    ("一、“十二五”时期和2015年工作回顾", "review"),
    # a review heading naming the past term's 主要… is no 十四五 goal (blind audit, Fuping 2021)
    ("一、“十三五”时期和2020年主要工作回顾", "review"),
    ("一、“十一五”规划完成情况及2010年工作回顾", "review"),
    ("二、“十四五”时期主要目标任务", "five_year_plan"),
    ("三、关于《吉林省国民经济和社会发展第十二个五年规划纲要（草案）》的说明", "five_year_plan"),
    ("二、关于2017年工作", "plan"),
    ("名 词 解 释", "glossary"),
    ("二、2014年的形势和主要工作", "plan"),
    ("一、2013年主要工作回顾", "review"),
]


@pytest.mark.parametrize(("heading", "kind"), HEADINGS, ids=[h for h, _ in HEADINGS])
def test_classify_heading(heading: str, kind: str | None) -> None:
    assert classify_heading(heading) == kind


def kinds(text: str) -> list[tuple[str, str, str]]:
    return [(s.kind, s.heading, text[s.start:s.end]) for s in sections(text)]


def test_sections_of_a_report() -> None:
    text = (
        "政府工作报告\n"
        "一、2024年工作回顾\n全区生产总值增长5%。\n"
        "二、2025年工作安排\n地区生产总值增长6%。\n"
        "三、加强政府自身建设\n“三公”经费压减5%。\n"
        "名词解释\n1.“5+N”：指……\n"
    )
    assert kinds(text) == [
        ("preamble", "", "政府工作报告\n"),
        ("review", "一、2024年工作回顾", "一、2024年工作回顾\n全区生产总值增长5%。\n"),
        ("plan", "二、2025年工作安排", "二、2025年工作安排\n地区生产总值增长6%。\n"),
        ("plan", "三、加强政府自身建设", "三、加强政府自身建设\n“三公”经费压减5%。\n"),
        ("glossary", "名词解释", "名词解释\n1.“5+N”：指……\n"),
    ]


def test_sections_cover_the_text_without_gaps() -> None:
    text = "标题\n一、2024年工作回顾\n甲。\n二、2025年工作安排\n乙。\n"
    secs = sections(text)
    assert secs[0].start == 0 and secs[-1].end == len(text)
    assert all(a.end == b.start for a, b in pairwise(secs))


def test_initial_kind_for_a_fragment() -> None:
    text = "全区生产总值增长5%。\n二、2025年工作安排\n增长6%。\n"
    assert [s.kind for s in sections(text, initial="review")] == ["review", "plan"]


def test_paragraph_switches_in_a_combined_review() -> None:
    head = "一、“十二五”时期和2015年工作回顾"
    text = (
        f"{head}\n"
        "五年来，全区生产总值年均增长10%。\n"
        "各位代表，刚刚过去的2015年，全区生产总值增长8%。\n"
        "二、“十三五”时期的总体要求\n到2020年，地区生产总值达到1000亿元。\n"
    )
    assert kinds(text) == [
        ("review", head, f"{head}\n"),
        ("five_year_review", head, "五年来，全区生产总值年均增长10%。\n"),
        ("review", head, "各位代表，刚刚过去的2015年，全区生产总值增长8%。\n"),
        ("five_year_plan", "二、“十三五”时期的总体要求", "二、“十三五”时期的总体要求\n到2020年，地区生产总值达到1000亿元。\n"),
    ]


def test_paragraph_switches_to_the_running_year() -> None:
    """A mid-year report reviews last year and the running year (一、2019年和今年以来工作回顾)."""
    head = "一、2019年和今年以来工作回顾"
    text = (
        f"{head}\n"
        "过去一年，全市生产总值增长6.8%。\n"
        "新冠肺炎疫情发生后，日产口罩提升到3000多万个。\n"
        "我们崇尚科学，累计治愈出院506例。\n"
        "去年以来，我市经济社会发展取得的成绩来之不易。\n"
        "二、2020年主要目标\n"
    )
    assert [(k, t) for k, _, t in kinds(text)] == [
        ("review", f"{head}\n过去一年，全市生产总值增长6.8%。\n"),
        ("current_review", "新冠肺炎疫情发生后，日产口罩提升到3000多万个。\n我们崇尚科学，累计治愈出院506例。\n"),
        ("review", "去年以来，我市经济社会发展取得的成绩来之不易。\n"),
        ("plan", "二、2020年主要目标\n"),
    ]


def test_numbered_annex_is_no_claim_section() -> None:
    """附件1 at the end (a list of projects) is a top-level heading of the glossary kind."""
    text = "二、2022年发展思路和工作重点\n完成36个老旧小区改造。\n附件1\n1、市民文化中心项目地上三层。\n"
    assert [k for k, _, _ in kinds(text)] == ["plan", "glossary"]


def test_sentences_split_at_end_marks_and_newlines() -> None:
    text = "甲增长5%。乙增长6%；丙增长7%！丁？戊\n己;庚!辛?壬"
    sec = Section(0, len(text), "review", "")
    got = [(s.text, s.start, s.end) for s in sentences(text, sec)]
    assert got == [
        ("甲增长5%", 0, 5), ("乙增长6%", 6, 11), ("丙增长7%", 12, 17), ("丁", 18, 19),
        ("戊", 20, 21), ("己", 22, 23), ("庚", 24, 25), ("辛", 26, 27), ("壬", 28, 29),
    ]
    assert all(s.section is sec for s in sentences(text, sec))


def test_sentences_do_not_split_at_commas_and_trim_space() -> None:
    text = "  前三季度,全区生产总值实现518.9亿元、增长5.3%，位居前列。  "
    sec = Section(0, len(text), "review", "")
    assert [s.text for s in sentences(text, sec)] == ["前三季度,全区生产总值实现518.9亿元、增长5.3%，位居前列"]


def test_sentences_skip_spans() -> None:
    text = "甲。乙。丙。"
    sec = Section(0, len(text), "review", "")
    assert [s.text for s in sentences(text, sec, skip=[(2, 4)])] == ["甲", "丙"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("二、2012年的主要工作", "plan"),  # names the report's year: its plan
        ("一、2011年的主要工作", "review"),  # the year before: its review
        ("三、开拓创新，认真做好2012年的工作", "plan"),
        ("一、2011年工作回顾", "review"),  # kind words win over the year
        ("二、2010年的主要工作", None),  # an older year says nothing
    ],
)
def test_heading_naming_a_year(heading: str, kind: str | None) -> None:
    assert classify_heading(heading, report_year=2012) == kind
