"""Claim context: the year a figure is about, its period, and actual/estimate/target.

The section a sentence stands in gives the default (review of last year -> actual of
report_year - 1; the plan -> target of report_year); words in the sentence before the
number override it (预计 -> estimate; 力争/目标 -> target; 前三季度, 年均, 2021-2023,
1994年建区之初). Patterns live in rules/context.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from govextract import rules


@cache
def _re(pattern: str) -> regex.Pattern:
    """Compiled once: the regex module's own cache costs more than the match."""
    return regex.compile(pattern)

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d)")
_YEAR_DATE = regex.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")
_TARGET_YEAR = re.compile(r"(?:到|至|截至|截止|在)\s*((?:19|20)\d{2})\s*年(?:底|末)?")


@dataclass(slots=True)  # not frozen: built per item, frozen __init__ is slow
class ClaimContext:
    year: int | None
    period: str | None
    claim_type: str
    base_year: int | None = None


@dataclass(frozen=True, slots=True)
class _Ctx:
    periods: list[tuple[regex.Pattern, str]]
    any_period: Any  # one scan for "is any period named at all", the common no
    cues: list[tuple[str, Any]]
    base_years: list[regex.Pattern]
    founding: list[regex.Pattern]
    any_founding: Any
    level_words: regex.Pattern
    five_year_period: str


@cache
def _ctx() -> _Ctx:
    c = rules.load("context")
    periods = [(regex.compile(p["pattern"]), p["name"]) for p in c["periods"]]
    cues = [
        (kind, rules.scanner([rules.alternation(words)]))
        for kind, words in c["claim_type_cues"].items()
    ]
    return _Ctx(
        periods=periods,
        any_period=rules.scanner([p["pattern"] for p in c["periods"]]),
        cues=cues,
        base_years=[regex.compile(p) for p in c["base_year_patterns"]],
        founding=[regex.compile(p) for p in c["founding_year_patterns"]],
        any_founding=rules.scanner(c["founding_year_patterns"]),
        level_words=regex.compile(rules.alternation(c["five_year_total"]["not_after"])),
        five_year_period=c["five_year_total"]["period"],
    )


def section_default(kind: str, report_year: int | None, is_report: bool = True, article_year: int | None = None) -> tuple[int | None, str, str | None]:
    """(year, claim_type, period) a section gives its claims when the sentence says nothing."""
    if not is_report:
        return article_year or report_year, "actual", None
    ry = report_year
    if kind in ("review", "preamble"):
        return (ry - 1 if ry else None), "actual", None
    if kind == "five_year_review":
        return (ry - 1 if ry else None), "actual", None
    if kind == "plan":
        return ry, "target", None
    if kind == "five_year_plan":
        return (ry + 4 if ry else None), "target", None
    return (ry - 1 if ry else None), "actual", None


def claim_context(
    sentence: str,
    num_pos: int,
    section_kind: str,
    report_year: int | None,
    is_report: bool = True,
    article_year: int | None = None,
    flow: bool = False,
) -> ClaimContext:
    """Context of the claim whose number stands at `num_pos` of `sentence`."""
    c = _ctx()
    year, ctype, period = section_default(section_kind, report_year, is_report, article_year)
    before = sentence[:num_pos]
    # explicit periods: the last one named before the number wins
    best: tuple[int, str] | None = None
    for pat, name in c.periods if c.any_period.search(before) else ():
        for m in pat.finditer(before):
            label = name
            for gi in (1, 2):
                slot = f"{{{gi}}}"
                if slot in label:
                    label = label.replace(slot, m.group(gi))
            if best is None or m.start() >= best[0]:
                best = (m.start(), label)
    if best:
        period = _norm_period(best[1])
    # years named before the number (not comparison bases, not dates)
    explicit: int | None = None
    years = list(_YEAR.finditer(before))
    base_spans = [m.span(1) for p in c.base_years for m in p.finditer(before)] if years else []
    for m in years:
        if any(s <= m.start(1) < e for s, e in base_spans):
            continue
        y = int(m.group(1))
        if report_year and not (1949 <= y <= report_year + 15):
            continue
        explicit = y
    founding = None
    for p in c.founding if c.any_founding.search(before) else ():
        for m in p.finditer(before):
            # '达到1994年建区之初的60倍' compares with the founding year: a base, not the year
            if not _re(r"[^,，。;；]{0,4}的").match(before, m.end()):
                founding = int(m.group(1))
    if period and _re(r"\d{4}-\d{4}").fullmatch(period):
        explicit = int(period[-4:])
    if founding:
        explicit = founding
    if explicit:
        year = explicit
        if is_report and report_year:
            if explicit >= report_year and section_kind not in ("plan", "five_year_plan") and ctype == "actual":
                # a later year named in the review is a goal (到2025年…)
                if _TARGET_YEAR.search(before):
                    ctype = "target"
            if explicit < report_year - 1 and ctype == "target" and not _TARGET_YEAR.search(before):
                ctype = "actual"
    elif period in ("十四五", "十五五", "十三五", "十二五", "十一五") and report_year:
        year = _plan_period_end(period, report_year)
    # words that change the claim type
    for kind, pat in c.cues:
        if pat.search(before):
            if kind == "estimate":
                ctype = "estimate"
                break
            if kind == "target" and section_kind not in ("review", "five_year_review"):
                ctype = "target"
                break
            if kind == "actual":
                if section_kind in ("plan", "five_year_plan") and ctype == "target" and not explicit and report_year:
                    # an achievement told in the plan part (已经突破50亿元): last year's actual
                    year = report_year - 1
                ctype = "actual"
                break
    if flow and period is None and section_kind == "five_year_review" and not explicit:
        clause = _re(r"[,，;；:：]").split(before)[-1]
        if not c.level_words.search(clause):
            period = c.five_year_period
    return ClaimContext(year=year, period=period, claim_type=ctype)


_PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}


def _plan_period_end(period: str, report_year: int) -> int:
    return _PLAN_END.get(period, report_year)


def _norm_period(p: str) -> str:
    p = _re(r"(?<=\d)\s*[—–~至到-]\s*(?=\d)").sub("-", p)
    return _re(r"\s+").sub("", p)
