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
from govextract.segment import FIVE_YEAR_KINDS, PLAN_KINDS, REVIEW_KINDS, fill_pattern, plan_terms


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
    periods: list[tuple[regex.Pattern, str, int | None, str | None, bool]]  # pattern, name, month group, level_free, own clause only
    period_not_after: regex.Pattern
    period_reset: tuple[str, ...]  # 全年 after a period word: the claim is of the whole year
    report_year_cues: tuple[str, ...]
    default_meeting_month: int
    any_period: Any  # one scan for "is any period named at all", the common no
    cues: list[tuple[str, Any]]
    actual_cue: Any  # the actual cues of `cues` (已, 实现了)
    base_years: list[regex.Pattern]
    founding: list[regex.Pattern]
    any_founding: Any
    level_words: regex.Pattern
    sum_words: regex.Pattern  # 累计达, 共达: a sum, not a level
    sum_units: frozenset[str]  # 元: money said 累计达 is a sum with no five years named
    not_levels: regex.Pattern  # 规模以上: holds a level word, names a class
    comparison_start: regex.Pattern  # 比2010年增加…: a clause read with the one before
    five_year_period: str
    five_year_plan_period: str  # a flow's period in a five-year plan with no term ending then
    per_year: regex.Pattern  # 每年…: a figure of each year, no total
    not_term: tuple[str, ...]  # 去年, 近两年, 以来: a figure of another span than the term
    five_years: regex.Pattern  # 五年: …unless the term is named after it
    cumulative_change: regex.Pattern  # 累计下降: a change of the term, like a flow
    per_year_clause: regex.Pattern  # …,年劳务收入|1316亿元: a year's amount, no total
    term_comparison: regex.Pattern  # 比“九五”时期增长13.4%: a flow's total, growth or not
    carry: list[tuple[str, regex.Pattern]]  # 预计… opening a sentence: holds past its ；
    actual_own_clause: bool  # in plan parts, an actual cue counts only in its own clause
    preamble_target: Any  # the target cues that count in a preamble (力争, not 控制在)
    projection: Any  # 建成后将…: a target even in a review
    carry_into: regex.Pattern  # 。其中…: a sentence breaking the one before down
    goal_opens: regex.Pattern  # 到2010年，… opening a sentence: a goal year for the paragraph
    goal_goes_on: regex.Pattern  # 人均GDP达到27000元: a goal of its own, the goal year holds
    goal_ends: Any  # a time of the sentence's own: the goal year holds no more
    # from_start: dating a level a change starts from (由346.7亿元|增加到…)
    term_end: regex.Pattern
    term_ending: dict[int, str]  # a plan term by its last year (2025: 十四五)
    dated_from: regex.Pattern
    last_year: regex.Pattern
    over_years: regex.Pattern
    over_years_span: int
    start_span: dict[str, int]
    default_span: int


@cache
def _ctx() -> _Ctx:
    c = rules.load("context")
    periods = [
        (regex.compile(p["pattern"]), p["name"], p.get("month"), p.get("level_free"), bool(p.get("clause")))
        for p in c["periods"]
    ]
    cues = [
        (kind, rules.scanner([rules.alternation(words)]))
        for kind, words in c["claim_type_cues"].items()
    ]
    fs = c["from_start"]
    return _Ctx(
        periods=periods,
        period_not_after=regex.compile(c["period_not_after"]),
        period_reset=tuple(c["period_reset"]),
        report_year_cues=tuple(c["report_year_cues"]),  # literal words: `in` beats a scan
        default_meeting_month=int(c["default_meeting_month"]),
        any_period=rules.scanner([p["pattern"] for p in c["periods"]]),
        cues=cues,
        actual_cue=dict(cues)["actual"],
        # a comparison base (比2017年) or a span's start (自1993年…以来): not the claim's year
        base_years=[regex.compile(p) for p in c["base_year_patterns"] + c["since_year_patterns"]],
        founding=[regex.compile(p) for p in c["founding_year_patterns"]],
        any_founding=rules.scanner(c["founding_year_patterns"]),
        level_words=regex.compile(rules.alternation(c["five_year_total"]["not_after"])),
        sum_words=regex.compile(
            rf"(?:{rules.alternation(c['five_year_total']['sum_words'])})(?:{rules.alternation(c['five_year_total']['not_after'])})"
        ),
        sum_units=frozenset(c["five_year_total"]["sum_units"]),
        not_levels=regex.compile(rules.alternation(c["five_year_total"]["not_levels"])),
        comparison_start=regex.compile(c["five_year_total"]["comparison_start"]),
        five_year_period=c["five_year_total"]["period"],
        five_year_plan_period=c["five_year_total"]["plan_period"],
        per_year=regex.compile(rules.alternation(c["five_year_total"]["per_year"])),
        not_term=tuple(c["five_year_total"]["not_term"]),
        five_years=regex.compile(c["five_year_total"]["five_years"]),
        cumulative_change=regex.compile(c["five_year_total"]["cumulative_change"]),
        per_year_clause=regex.compile(c["five_year_total"]["per_year_clause"]),
        term_comparison=regex.compile(fill_pattern(c["five_year_total"]["term_comparison"]) or ""),
        carry=[(kind, rules.fast_compile(p)) for kind, p in c["carry_to_semicolon"].items()],
        actual_own_clause=bool(c.get("actual_cue_own_clause", False)),
        preamble_target=rules.scanner(c["preamble_target_cues"]),
        projection=rules.scanner(c["projection_cues"]),
        carry_into=regex.compile(c["carry_into"]),
        goal_opens=regex.compile(c["goal_year"]["opens"]),
        goal_goes_on=regex.compile(c["goal_year"]["goes_on"]),
        goal_ends=rules.scanner(c["goal_year"]["ends"]),
        term_end=regex.compile(fill_pattern(fs["term_end"]) or ""),
        term_ending={end: term for term, end in plan_terms().items()},
        dated_from=regex.compile(fs["dated_from"]),
        last_year=regex.compile(fs["last_year"]),
        over_years=regex.compile(fs["over_years"]),
        over_years_span=int(fs["over_years_span"]),
        start_span=dict(fs["span"]),
        default_span=int(fs["default_span"]),
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
    if kind == "current_review":  # 年初以来 / 疫情发生后 in a mid-year report: the running year
        return ry, "actual", None
    if kind == "plan":
        return ry, "target", None
    if kind == "five_year_plan":
        return (ry + 4 if ry else None), "target", None
    return (ry - 1 if ry else None), "actual", None


def start_year(
    section_kind: str, year: int | None, claim_type: str, report_year: int | None, before: str, words: str, change: str
) -> int | None:
    """The year of a level a change starts from with no year of its own (由346.7亿元|增加到…),
    given the year read for it, the sentence before it, the words between 由 and it and the
    figure it changes to with its growth; see context.yaml from_start."""
    c = _ctx()
    if t := c.term_end.search(words):
        return plan_terms()[t.group(1)]
    if dated := [int(m.group(1)) for m in c.dated_from.finditer(before)]:
        return dated[-1]
    if claim_type == "target" and report_year:
        return report_year - 1
    if c.last_year.match(words):
        return year - 1 if year else None
    span = c.over_years_span if c.over_years.search(change) else c.start_span.get(section_kind, c.default_span)
    return year - span if year else None


def compared_with_term(words: str) -> bool:
    """Whether words between a flow and its growth compare it with a whole term (…，比“九五”
    时期增长): the flow is then a term's total like one with no growth."""
    return bool(_ctx().term_comparison.search(words))


def carried_type(sentence: str) -> str | None:
    """The claim type a sentence's opening cue gives the parts after its ；(预计… -> estimate)."""
    for kind, pat in _ctx().carry:
        if pat.search(sentence):
            return kind
    return None


def carries_into(sentence: str) -> bool:
    """Whether the sentence breaks down the one before (其中…), whose carried cue then holds."""
    return bool(_ctx().carry_into.match(sentence))


def goal_year(sentence: str, goal: int | None, report_year: int | None) -> tuple[int | None, int | None]:
    """(the goal year for this sentence's figures, the one for the sentences after): a goal
    year opening a sentence (到2010年，…) holds on in its paragraph through the goals said
    after it."""
    c = _ctx()
    m = c.goal_opens.match(sentence)
    if m and report_year and (y := int(m.group(1))) >= report_year:
        return None, y  # (its own sentence reads the year itself)
    if goal and (c.goal_ends.search(sentence) or not c.goal_goes_on.match(sentence)):
        return None, None
    return goal, goal


def claim_context(
    sentence: str,
    num_pos: int,
    section_kind: str,
    report_year: int | None,
    is_report: bool = True,
    article_year: int | None = None,
    flow: bool = False,
    meeting_month: int | None = None,
    carried: str | None = None,
    growth_pos: int | None = None,
    term_total: bool = False,
    unit_base: str | None = None,
    goal: int | None = None,
) -> ClaimContext:
    """Context of the claim whose number stands at `num_pos` of `sentence`; `growth_pos`:
    where its growth stands when that comes before its number (增长17.4%，达72.8亿美元);
    `term_total`: the flow is compared with a whole term (累计达518.86亿美元，比“八五”增加…),
    a total whatever level word its clause holds; `goal`: a goal year carried from a sentence
    before (到2010年，…。人均GDP达到27000元)."""
    c = _ctx()
    year, ctype, period = section_default(section_kind, report_year, is_report, article_year)
    default_year = year
    before = sentence[:num_pos]
    # explicit periods: the last one named before the number wins
    best: tuple[int, str, int | None, str | None, int] | None = None
    term: str | None = None  # a plan term named before (“十五”期间,…年均增长9.8%): its years
    for pat, name, month_group, level_free, own_clause in c.periods if c.any_period.search(before) else ():
        for m in pat.finditer(before):
            if c.period_not_after.search(before, max(0, m.start() - 6), m.start()):
                continue  # 与上半年相比: a base, not the period
            label = name
            for gi in (0, 1, 2):
                slot = f"{{{gi}}}"
                if slot in label:
                    label = label.replace(slot, m.group(gi))
            is_term = label in plan_terms()
            # (only these two tests read it: most periods skip the search)
            later_clause = _CLAUSE_SEP.search(before, m.end(), growth_pos or len(before)) if own_clause or is_term else None
            if own_clause and later_clause:
                # 年均增长10%，|形成6个千亿级产业: 年均 was another clause's (but 年均增长17.4%，
                # 达72.8亿美元 is one claim whose growth stands in 年均's clause)
                continue
            if is_term and (
                m.start() <= 2 or not later_clause
            ):
                term = label  # opening the sentence (“十五”期间，…) or in the figure's own clause
            if best is None or m.start() >= best[0]:
                month = int(m.group(month_group)) if month_group else None
                best = (m.start(), label, month, level_free, m.end())
    if best and any(before.find(w, best[4]) >= 0 for w in c.period_reset):
        best = None  # 9月份以来明显回落,全年居民消费价格上升4.1%: the whole year again
    if best:
        period = _norm_period(best[1])
        level_free = best[3]
        same_clause = level_free == "sum" and not _CLAUSE_SEP_COLON.search(before, best[4])
        if level_free and not same_clause and _sums_no_level(c, before, best[4], True):
            period = None  # 五年来,…面积达到12.93平方米: a level, not a five-year total
        if best[2] and is_report and report_year and section_kind in _ACTUAL_KINDS:
            # 截止6月1日 in a June report is this year; 截至11月底 in a January one, last year's
            late = best[2] > (meeting_month or c.default_meeting_month)
            year = report_year - 1 if late else report_year
    elif is_report and report_year and section_kind in _ACTUAL_KINDS and any(w in before for w in c.report_year_cues):
        year = report_year  # 年初以来,…: the running year of a mid-year report
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
    goal = goal if goal and not explicit and not term and period in (None, "年均") else None
    if goal and c.actual_cue.search(before):
        goal = None  # 已经…: an achievement, not the goal's
    if goal:
        explicit = goal
    if explicit:
        year = explicit
        if is_report and report_year:
            if explicit >= report_year and section_kind not in PLAN_KINDS and ctype == "actual":
                # a later year named in the review is a goal (到2025年…)
                if goal or _TARGET_YEAR.search(before):
                    ctype = "target"
            if explicit < report_year - 1 and ctype == "target" and not _TARGET_YEAR.search(before):
                ctype = "actual"
    elif (period in (terms := plan_terms()) or term) and report_year:
        year = terms[period if period in terms else term]  # type: ignore[index]
        if is_report and year < report_year and ctype == "target":
            ctype = "actual"  # “十五”期间…年均增长9.8% in a 2006 report's 十一五 part: the past term
    # words that change the claim type
    projected = section_kind in REVIEW_KINDS and c.projection.search(before)
    for kind, pat in () if projected else c.cues:
        if pat.search(before):
            if kind == "estimate":
                ctype = "estimate"
                break
            if kind == "target" and section_kind not in REVIEW_KINDS:
                if section_kind == "preamble":
                    if not c.preamble_target.search(before):
                        continue  # 人口自然增长率控制在6‰以内, 列入国家破产计划的: last year's results
                    if not explicit and not period and report_year:
                        year = report_year  # 今年我省国内生产总值预期增长9%: this year's goal
                ctype = "target"
                break
            if kind == "actual":
                if c.actual_own_clause and section_kind in PLAN_KINDS and not pat.search(_CLAUSE_SEP_COLON.split(before)[-1]):
                    continue  # 落实好已出台的…政策，|再出台10项新政策: the cue is another clause's
                if section_kind in PLAN_KINDS and ctype == "target" and not explicit and report_year:
                    # an achievement told in the plan part (已经突破50亿元): last year's actual
                    year = report_year - 1
                ctype = "actual"
                break
    else:
        if projected:
            ctype = "target"  # 电厂建成后将新增产值265亿元: a project's promise, told in the review
        elif carried:  # 预计…；…；农民人均纯收入达6900元: the cue that opened the sentence
            ctype = carried
    if period == c.five_year_plan_period and is_report and report_year and not explicit:
        year = report_year + 4  # 今后五年…: the last year of the coming term
    # (a goal year carried in a five-year plan, 到2010年，…。新增装机容量1000万千瓦, is the term's)
    term_part = period is None and section_kind in FIVE_YEAR_KINDS and (not explicit or goal is not None)
    own_clause = _CLAUSE_SEP.split(before)[-1] if term_part else ""  # (most claims stop at term_part)
    cumulative = term_part and not flow and bool(c.cumulative_change.search(own_clause))  # 累计下降20%: the term's change
    if (
        term_part and (flow or cumulative)
        and not any(w in before for w in c.period_reset)  # 全年又有91.62万人…: one year's
        and not _not_the_term(c, before)  # 去年…, 近两年…, …以来: not the term's
        and (term_total or cumulative or not _sums_no_level(c, before, 0, unit_base in c.sum_units))
        and not c.per_year_clause.search(own_clause)
    ):
        if section_kind == "five_year_review":
            period = c.five_year_period
        elif year is not None and year == default_year and not c.per_year.search(before):
            # the term's last year (a year of its own is one year's figure)
            period = c.term_ending.get(year, c.five_year_plan_period)
    return ClaimContext(year=year, period=period, claim_type=ctype)


_CLAUSE_SEP = regex.compile(r"[,，;；]")
_CLAUSE_SEP_COLON = regex.compile(r"[,，;；:：]")  # …and a colon (主要预期目标是：…)
_ACTUAL_KINDS = (*REVIEW_KINDS, "preamble")


def _not_the_term(c: _Ctx, before: str) -> bool:
    """A word of another span than the term (去年, 近两年, …以来) stands before the number with no
    five years named after it (去年专利申请量突破2万件，…，五年获…150项 is the term's; the
    word reaches the clauses after it: 近两年实施结构调整项目300多个，总投资400多亿元)."""
    at = max(before.rfind(w) for w in c.not_term)
    return at >= 0 and not c.five_years.search(before, at)


def _sums_no_level(c: _Ctx, before: str, period_end: int, named: bool) -> bool:
    """The clause before the number, after the period words, states a level (达到, 人均, …率);
    a clause that is only a comparison (比2010年增加…) is read with the clause before it.
    With five years named (named), 累计达 is a sum; without, it is a running total
    (航线累计达到60条)."""
    parts = _CLAUSE_SEP_COLON.split(before[period_end:])
    clause = parts[-1]
    if len(parts) > 1 and c.comparison_start.match(clause):
        clause = parts[-2] + clause
    clause = c.not_levels.sub("", clause)
    return bool(c.level_words.search(c.sum_words.sub("", clause) if named else clause))


def _norm_period(p: str) -> str:
    p = _re(r"(?<=\d)\s*[—–~至到-]\s*(?=\d)").sub("-", p)
    return _re(r"\s+").sub("", p)
