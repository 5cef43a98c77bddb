"""Segment stage: cut normalized text into sections, sentences and clauses.

Offsets are positions in the normalized text (MappedText.text); the MappedText maps
them back to the raw input.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from govextract import rules


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


@cache
def _heading_res() -> tuple[list[regex.Pattern], list[tuple[str, list[regex.Pattern]]], int]:
    ctx = rules.load("context")
    heads = [regex.compile(p) for p in ctx["heading_patterns"]]
    kinds = [(k["kind"], [regex.compile(p) for p in k["patterns"]]) for k in ctx["section_kinds"]]
    return heads, kinds, int(ctx.get("heading_max_len", 60))


@cache
def _inline_res() -> tuple[regex.Pattern, int]:
    ctx = rules.load("context")
    return regex.compile(ctx["inline_heading"]), int(ctx.get("inline_heading_words", 24))


def classify_heading(heading: str, report_year: int | None = None) -> str | None:
    """The section kind a heading announces, or None when it says nothing about it. A
    heading with no kind words that names the report's year is its plan, the year before
    its review (一、2008年的主要工作 in a 2009 report)."""
    _, kinds, _ = _heading_res()
    for kind, pats in kinds:
        if any(p.search(heading) for p in pats):
            return kind
    if report_year and (m := _HEADING_YEAR.search(heading)):
        return {report_year: "plan", report_year - 1: "review"}.get(int(m.group(1)))
    return None


def sections(
    text: str, start: int = 0, end: int | None = None, initial: str = "preamble", report_year: int | None = None
) -> list[Section]:
    """Cut text[start:end] at its top-level headings.

    `initial` is the kind of the text before the first heading (preamble for a report
    with a header, or a guess for a fragment that starts mid-report).
    """
    end = len(text) if end is None else end
    heads, _, max_len = _heading_res()
    cuts: list[tuple[int, str, str]] = []  # (offset, kind, heading)
    pos = start
    prev_kind = initial
    inline, inline_words = _inline_res()
    for line in text[start:end].splitlines(keepends=True):
        stripped = line.strip()
        if stripped and len(stripped) <= max_len and any(h.search(stripped) for h in heads):
            kind = classify_heading(stripped, report_year) or (prev_kind if prev_kind != "preamble" else "review")
            cuts.append((pos, kind, stripped.strip("*")))
            prev_kind = kind
        elif len(stripped) > 10 * max_len:
            # a whole report on one line: find its headings inside it
            for m in inline.finditer(line):
                head = line[m.start():m.end() + inline_words]
                kind = classify_heading(head, report_year) or (prev_kind if prev_kind != "preamble" else "review")
                cuts.append((pos + m.start(), kind, head))
                prev_kind = kind
        pos += len(line)
    out: list[Section] = []
    first = cuts[0][0] if cuts else end
    if first > start:
        out.append(Section(start, first, initial, ""))
    for i, (off, kind, head) in enumerate(cuts):
        nxt = cuts[i + 1][0] if i + 1 < len(cuts) else end
        out.extend(_paragraph_switches(text, Section(off, nxt, kind, head)))
    return out


@cache
def _switch_res() -> list[tuple[str, regex.Pattern]]:
    sw = rules.load("context").get("paragraph_switch", {})
    return [(kind, regex.compile(p)) for kind, pats in sw.items() for p in pats]


def _paragraph_switches(text: str, sec: Section) -> list[Section]:
    """Split a review section where a paragraph turns to the past term, to last year or to
    the running year."""
    if sec.kind not in ("review", "five_year_review"):
        return [sec]
    out: list[Section] = []
    cur_start, cur_kind = sec.start, sec.kind
    pos = sec.start
    for line in text[sec.start:sec.end].splitlines(keepends=True):
        if pos > sec.start:
            head = line.strip()[:40]
            for kind, pat in _switch_res():
                if kind != cur_kind and pat.search(head):
                    out.append(Section(cur_start, pos, cur_kind, sec.heading))
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
