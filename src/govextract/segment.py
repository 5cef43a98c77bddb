"""Segment stage: cut normalized text into sections, sentences and clauses.

Offsets are positions in the normalized text (MappedText.text); the MappedText maps
them back to the raw input.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from govextract import rules
from govextract.numbers import parse_numbers


@dataclass(frozen=True, slots=True)
class Section:
    start: int
    end: int
    kind: str  # preamble | review | five_year_review | current_review | plan | five_year_plan | glossary
    heading: str


@dataclass(slots=True)  # not frozen: built per item, frozen __init__ is slow
class Sentence:
    start: int
    end: int
    text: str
    section: Section
    after_semicolon: bool = False  # it goes on a sentence that ended in ；(one 。-sentence)


_SENTENCE_END = regex.compile(r"[。!?;！？；\n]+")
_HEADING_YEAR = regex.compile(r"((?:19|20)\d{2})\s*年")
# section kinds of the two families: the past (a target cue there tells no target) and the plan
REVIEW_KINDS = ("review", "five_year_review", "current_review")
PLAN_KINDS = ("plan", "five_year_plan")
FIVE_YEAR_KINDS = ("five_year_review", "five_year_plan")


@cache
def _heading_res() -> tuple[list[regex.Pattern], list[tuple[str, list[regex.Pattern]]], int]:
    ctx = rules.load("context")
    heads = [regex.compile(p) for p in ctx["heading_patterns"]]
    kinds = [(k["kind"], [regex.compile(p) for p in k["patterns"]]) for k in ctx["section_kinds"]]
    return heads, kinds, int(ctx.get("heading_max_len", 60))


@cache
def _soft_heading() -> regex.Pattern:
    return regex.compile(rules.load("context")["soft_heading"])


@cache
def _plain_heading() -> tuple[regex.Pattern, frozenset[str]]:
    ctx = rules.load("context")
    return regex.compile(ctx["plain_heading"]), frozenset(ctx["plain_heading_kinds"])


@cache
def _inline_res() -> tuple[regex.Pattern, int, regex.Pattern, int]:
    ctx = rules.load("context")
    return (
        regex.compile(ctx["inline_heading"]), int(ctx.get("inline_heading_words", 24)),
        regex.compile(ctx["trailing_heading"]), int(ctx["trailing_heading_chars"]),
    )


def classify_heading(heading: str, report_year: int | None = None) -> str | None:
    """The section kind a heading announces, or None when it says nothing about it. A
    heading with no review or five-year words that names the report's year is its plan, the
    year before its review (一、2008年的主要工作 in a 2009 report, 一、全面完成2003年各项
    预期目标 in a 2004 one); one with no kind words at all that names a plan term is the
    coming plan or the past term by the report's year; one naming last year before another
    part (一、2012年及过去五年工作回顾) is last year's review, whatever follows."""
    _, kinds, _ = _heading_res()
    if report_year and _last_year_first(report_year).search(heading):
        return "review"
    for kind, pats in kinds:
        if kind == "plan" and report_year and (m := _HEADING_YEAR.search(heading)):
            by_year = {report_year: "plan", report_year - 1: "review"}.get(int(m.group(1)))
            if by_year:
                return by_year
        if any(p.search(heading) for p in pats):
            if kind == "five_year_plan" and report_year and (t := _heading_term().search(heading)):
                if plan_terms().get(t.group(1), report_year) < report_year:
                    return "five_year_review"  # 一、“十五”计划目标和任务… in a 2006 report: the past term
            return kind
    if report_year and (t := _heading_term().search(heading)):
        # 二、科学规划“十三五”,… in a 2016 report: the term starting this year is the coming
        # plan, the one that ended last year the past term's review
        end = plan_terms().get(t.group(1))
        return {report_year + 4: "five_year_plan", report_year - 1: "five_year_review"}.get(end or 0)
    return None


def _ordinal(head: str) -> float | None:
    """The ordinal a heading opens with (六、…, 第六部分: 6), None when it has none."""
    m = _heading_ordinal().match(head)
    nums = parse_numbers(m["n"]) if m else []
    return nums[0].value if nums else None


def _next_ordinal(before: str, head: str) -> bool:
    """head's ordinal follows the one of the heading before (五、… then 六、…)."""
    a, b = _ordinal(before), _ordinal(head)
    return a is not None and b is not None and b == a + 1


def _only_weak_plan(head: str) -> bool:
    """The heading names the plan only by a weak word (政府自身建设), no other plan word."""
    weak, plan = _weak_plan()
    return bool(weak.search(head)) and not any(p.search(weak.sub("", head)) for p in plan)


@cache
def _weak_plan() -> tuple[regex.Pattern, list[regex.Pattern]]:
    _, kinds, _ = _heading_res()
    return regex.compile(rules.alternation(rules.load("context")["weak_plan_headings"])), dict(kinds)["plan"]


@cache
def _heading_ordinal() -> regex.Pattern:
    return regex.compile(rules.load("context")["heading_ordinal"])


@cache
def _last_year_first(report_year: int) -> regex.Pattern:
    return regex.compile(fill_pattern(rules.load("context")["last_year_first"], report_year) or "(?!)")


@cache
def plan_terms() -> dict[str, int]:
    """Five-year plan terms and their last years (context.yaml plan_terms)."""
    return {str(k): int(v) for k, v in rules.load("context")["plan_terms"].items()}


@cache
def _terms() -> str:
    return rules.alternation(list(plan_terms()))


def fill_pattern(pattern: str, report_year: int | None = None) -> str | None:
    """A rules pattern with its placeholders filled: {terms} (every plan term), {past_terms}
    (those ended before the report year), {address} (各位代表！ opening a paragraph),
    {report_year} and {last_year}; None when it names a year and the year is unknown."""
    if "{report_year}" in pattern or "{last_year}" in pattern:
        if not report_year:
            return None
        pattern = pattern.replace("{report_year}", str(report_year)).replace("{last_year}", str(report_year - 1))
    if "{past_terms}" in pattern:
        pattern = pattern.replace("{past_terms}", past_terms(report_year))
    return pattern.replace("{terms}", _terms()).replace("{address}", rules.load("context")["switch_address"])


@cache
def _heading_term() -> regex.Pattern:
    return regex.compile(fill_pattern("“?({terms})”?") or "")


def past_terms(report_year: int | None) -> str:
    """The plan terms ended before the report year, as a regex alternation (for
    {past_terms} in paragraph switches): 十二五|十一五|十五|九五 in a 2016 report."""
    if not report_year:
        return "十[一二三四五]五"
    return rules.alternation([t for t, end in plan_terms().items() if end < report_year]) or "(?!)"


def sections(
    text: str, start: int = 0, end: int | None = None, initial: str = "preamble", report_year: int | None = None
) -> list[Section]:
    """Cut text[start:end] at its top-level headings.

    `initial` is the kind of the text before the first heading (preamble for a report
    with a header, or a guess for a fragment that starts mid-report).
    """
    end = len(text) if end is None else end
    heads, _, max_len = _heading_res()
    cuts: list[tuple[int, str | None, str]] = []  # (offset, kind or None when the heading tells none, heading)
    pos = start
    inline, inline_words, trailing, trailing_tail = _inline_res()
    soft = _soft_heading()
    plain, plain_kinds = _plain_heading()
    for line in text[start:end].splitlines(keepends=True):
        stripped = line.strip()
        if stripped and len(stripped) <= max_len and any(h.search(stripped) for h in heads):
            cuts.append((pos, classify_heading(stripped, report_year), stripped.strip("*")))
        elif (
            (bold := bool(soft.match(stripped))) or plain.match(stripped)
        ) and not (cuts and cuts[-1][1] == "glossary") and (
            # **关于“十一五”规划**, **2008年工作回顾**: a bold line with no number that names a
            # part (not a title inside an annex: **附件2** **2019年十件民生实事完成情况**); 过去五年
            # 工作回顾 on a plain line, when the part is no plan (not a sub-heading read as one)
            (kind := classify_heading(stripped, report_year)) and (bold or kind in plain_kinds)
        ):
            cuts.append((pos, kind, stripped.strip("*")))
        else:
            n = len(cuts)
            if len(stripped) > 10 * max_len:
                # a whole report on one line: find its headings inside it
                for m in inline.finditer(line):
                    head = line[m.start():m.end() + inline_words]
                    cuts.append((pos + m.start(), classify_heading(head, report_year), head))
            # …新局面！附件: a glossary heading glued to the line's end (only its end can hold it),
            # after any headings inside a one-line report
            mt = trailing.search(line, max(0, len(line) - trailing_tail))
            if mt and not any(c[0] >= pos + mt.start() for c in cuts[n:]):
                cuts.append((pos + mt.start(), "glossary", mt.group().strip()))
        pos += len(line)
    out: list[Section] = []
    first = cuts[0][0] if cuts else end
    if first > start:
        out.extend(_paragraph_switches(text, Section(start, first, initial, ""), report_year))
    prev_kind = initial
    for i, (off, kind, head) in enumerate(cuts):
        nxt = cuts[i + 1][0] if i + 1 < len(cuts) else end
        if kind is None:
            # a heading that says nothing (二、乘势而上,奋力加快…): its words tell, else the kind before
            kind = body_kind(text[off:nxt], prev_kind) or (prev_kind if prev_kind != "preamble" else "review")
        elif (
            kind == "plan" and prev_kind in REVIEW_KINDS and i and _only_weak_plan(head)
            and _next_ordinal(cuts[i - 1][2], head) and body_kind(text[off:nxt], prev_kind) not in PLAN_KINDS
        ):
            kind = prev_kind  # 五、…|六、加强政府自身建设…: the review's next part, told in its past
        out.extend(_paragraph_switches(text, Section(off, nxt, kind, head), report_year))
        prev_kind = "plan" if out[-1].kind == "plan" else kind  # once the plan began, it goes on
    return out


def body_kind(body: str, prev_kind: str) -> str | None:
    """review or plan, when a section's words say so clearly (了/取得/比上年 against
    要/力争/着力); None when they do not. Kept in the family of the kind before: a body
    that reads as a review after a five-year review stays that."""
    *_, plan_below, review_from, min_cues = _body_vote()
    r, p = _cue_counts(body)
    if r + p < min_cues:
        return None
    share = r / (r + p)
    if share < plan_below:
        return prev_kind if prev_kind in PLAN_KINDS else "plan"
    if share >= review_from:
        return prev_kind if prev_kind in REVIEW_KINDS else "review"
    return None


def leaning_kind(body: str) -> str:
    """plan or review, whichever cues of body_vote are more (the opening of a fragment)."""
    r, p = _cue_counts(body)
    return "plan" if p > r else "review"


def _cue_counts(body: str) -> tuple[int, int]:
    """(review cues, plan cues) of body_vote in body."""
    review, plan, *_ = _body_vote()
    return len(review.findall(body)), len(plan.findall(body))


@cache
def _body_vote() -> tuple[regex.Pattern, regex.Pattern, float, float, int]:
    v = rules.load("context")["body_vote"]
    return (
        regex.compile("|".join(v["review"])),
        regex.compile("|".join(v["plan"])),
        float(v["plan_below"]),
        float(v["review_from"]),
        int(v["min_cues"]),
    )


@cache
def _switch_res(report_year: int | None) -> list[tuple[str, frozenset[str], regex.Pattern, bool]]:
    """The paragraph switches as (kind, from kinds, pattern, for one paragraph only);
    {report_year} in a pattern is the report's year (a pattern that names it is left out
    when the year is unknown)."""
    out = []
    for sw in rules.load("context")["paragraph_switch"]:
        for p in sw["patterns"]:
            if (filled := fill_pattern(p, report_year)) is not None:
                out.append((sw["kind"], frozenset(sw["from"]), regex.compile(filled), sw.get("scope") == "paragraph"))
    return out


def _paragraph_switches(text: str, sec: Section, report_year: int | None = None) -> list[Section]:
    """Split a section where a paragraph turns to another part (context.yaml
    paragraph_switch): a review to the past term, to last year or to the running year; any
    part before the plan to this year's plan (今年…的主要预期目标是:); a paragraph of the plan
    that looks back on last year (刚刚过去的2015年,…), for that paragraph only."""
    switches = _switch_res(report_year)
    if not any(sec.kind in src for _, src, _, _ in switches):
        return [sec]
    out: list[Section] = []
    cur_start, cur_kind = sec.start, sec.kind
    back: str | None = None  # the kind a one-paragraph switch returns to
    pos = sec.start
    for line in text[sec.start:sec.end].splitlines(keepends=True):
        if back is not None and line.strip():
            out.append(Section(cur_start, pos, cur_kind, sec.heading))
            cur_start, cur_kind, back = pos, back, None
        if pos > sec.start:
            para = line.strip()
            for kind, src, pat, one in switches:
                if kind != cur_kind and cur_kind in src and pat.search(para):
                    out.append(Section(cur_start, pos, cur_kind, sec.heading))
                    back = cur_kind if one else None
                    cur_start, cur_kind = pos, kind
                    break
        pos += len(line)
    out.append(Section(cur_start, sec.end, cur_kind, sec.heading))
    return [s for s in out if s.end > s.start]


def sentences(text: str, section: Section, skip: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Sentences of a section: cut at 。!?; and line breaks; spans in `skip` are left out."""
    out: list[Sentence] = []
    pos = section.start
    cont = False
    for m in _SENTENCE_END.finditer(text, section.start, section.end):
        _add(out, text, pos, m.start(), section, skip, cont)
        pos = m.end()
        cont = all(ch in ";；" for ch in m.group())
    _add(out, text, pos, section.end, section, skip, cont)
    return out


def _add(
    out: list[Sentence], text: str, s: int, e: int, section: Section, skip: list[tuple[int, int]] | None, cont: bool = False
) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return
    if skip and any(a <= s and e <= b for a, b in skip):
        return
    out.append(Sentence(s, e, text[s:e], section, cont))
