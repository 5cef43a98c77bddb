"""Normalize a document's text for matching while keeping the map to the raw input.

Steps (tables in rules/normalize.yaml, page-furniture lines in rules/furniture.yaml):
line breaks (CR LF -> LF), full-width ASCII folded to ASCII, pinyin annotations glued
after characters removed, traditional -> simplified with OpenCC when the document is
traditional, and a warning for mojibake runs of '?'. Each step returns a MappedText whose
offsets still point into the original decoded text.
"""

from __future__ import annotations

import html
import html.entities
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from govextract import rules
from govextract.textmap import MappedText

_HAN = regex.compile(r"\p{Han}")
_NOT_HAN = regex.compile(r"\P{Han}+")


@dataclass
class NormalizedText:
    mapped: MappedText
    traditional: bool
    warnings: list[str] = field(default_factory=list)


def normalize(body: MappedText) -> NormalizedText:
    cfg = rules.load("normalize")
    warnings: list[str] = []
    mojibake = count_mojibake(body.text)
    text = fold_newlines(decode_entities(body))
    text = fold_width(text)
    text = fold_in_context(text)
    text, n_pinyin = strip_pinyin(text)
    if n_pinyin:
        warnings.append(f"pinyin annotations stripped ({n_pinyin})")
    traditional = is_traditional(text.text, cfg["traditional"])
    if traditional:
        text = to_simplified(text)
        warnings.append("traditional text converted to simplified")
    if mojibake:
        warnings.append(f"mojibake: {mojibake} runs of ?")
    return NormalizedText(text, traditional, warnings)


# --- line breaks and width -----------------------------------------------------------


def fold_newlines(mapped: MappedText) -> MappedText:
    """CR LF -> LF (the CR is dropped), lone CR -> LF, so line patterns see one kind of break."""
    if "\r" not in mapped.text:
        return mapped
    t = mapped.text
    crlf = [(m.start(), m.start() + 1) for m in regex.finditer(r"\r\n", t)]
    out = mapped.delete(crlf)
    return out.translate({ord("\r"): "\n"})


@cache
def _fold_table() -> dict[int, str]:
    cfg = rules.load("normalize")["fold"]
    table: dict[int, str] = {}
    for r in cfg.get("ranges") or []:
        for cp in range(int(r["first"]), int(r["last"]) + 1):
            table[cp] = chr(int(r["to"]) + cp - int(r["first"]))
    for src, dst in (cfg.get("chars") or {}).items():
        if len(src) != 1 or len(dst) != 1:
            raise ValueError(f"normalize.yaml fold.chars must be 1:1, got {src!r} -> {dst!r}")
        table[ord(src)] = dst
    for ch in cfg.get("keep") or []:
        table.pop(ord(ch), None)
    return table


def fold_width(mapped: MappedText) -> MappedText:
    """Full-width ASCII -> ASCII and odd spaces -> ' ' (one character for one)."""
    return mapped.translate(_fold_table())


@cache
def _entity() -> regex.Pattern:
    return regex.compile(rules.load("normalize")["entity"])


def _entity_text(entity: str) -> str | None:
    """What an entity stands for: a whole HTML5 name (&permil; -> ‰, never the legacy prefix
    of a longer word: &copyright;) or a code point; None for an unknown name or a control
    character (&#13;: no line break comes back after they were folded)."""
    if entity.startswith("&#"):
        d = html.unescape(entity)
    else:
        d = html.entities.html5.get(entity[1:])
    return d if d and not any(unicodedata.category(ch) == "Cc" for ch in d) else None


def decode_entities(mapped: MappedText) -> MappedText:
    """HTML entities left in a text or Markdown file (6&permil;以内 -> 6‰以内); each decoded
    character maps to the whole entity. (An HTML page's text was decoded at ingest; an
    entity its own text spells out, 6&amp;permil;, is decoded here once more.)"""
    if "&" not in mapped.text:
        return mapped
    edits = [(m.start(), m.end(), d) for m in _entity().finditer(mapped.text) if (d := _entity_text(m.group()))]
    return mapped.replace(edits) if edits else mapped


@cache
def _context_folds() -> list[tuple[regex.Pattern, str]]:
    return [(regex.compile(f["pattern"]), f["to"]) for f in rules.load("normalize").get("in_context") or []]


def fold_in_context(mapped: MappedText) -> MappedText:
    """One-character replacements that depend on their neighbours (10。1万户: a 。 between
    digits is a decimal point) or drops (19. 3%: a space inside a decimal); normalize.yaml
    in_context."""
    edits = []
    for pat, to in _context_folds():
        edits.extend((m.start(), m.end(), to) for m in pat.finditer(mapped.text) if m.end() - m.start() == (len(to) or 1))
    return mapped.replace(edits) if edits else mapped


# --- pinyin --------------------------------------------------------------------------


@cache
def _pinyin_patterns() -> tuple[Any, Any, frozenset[str], int]:
    cfg = rules.load("normalize")["pinyin"]
    letters = cfg["letters"]
    opens = regex.escape(cfg["open"])
    closes = regex.escape(cfg["close"])
    # a Han character, then a bracketed run of pinyin letters (no digits, no capitals)
    annot = regex.compile(rf"(?<=\p{{Han}})[{opens}]([{letters}]{{1,7}})[{closes}]")
    initials = rules.alternation(cfg["initials"])
    finals = rules.alternation(cfg["finals"])
    syllable = regex.compile(rf"(?:{initials})?(?:{finals})")
    return annot, syllable, frozenset(cfg["tone_marks"]), int(cfg["min_plain_letters"])


def _plain(s: str) -> str:
    """Pinyin without tone marks, ü written as v (the form the syllable table uses)."""
    s = s.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v").replace("ǚ", "v").replace("ǜ", "v")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


@cache  # few distinct syllables recur thousands of times in a long document
def is_pinyin(s: str) -> bool:
    """Whether s (the bracket content) is one pinyin syllable, toned or plain."""
    _, syllable, tone_marks, min_plain = _pinyin_patterns()
    if not syllable.fullmatch(_plain(s)):
        return False
    return any(c in tone_marks for c in s) or len(s) >= min_plain


def strip_pinyin(mapped: MappedText) -> tuple[MappedText, int]:
    """Remove pinyin annotations glued after characters: 區(qū) -> 區. Returns (text, count)."""
    annot = _pinyin_patterns()[0]
    spans = [m.span() for m in annot.finditer(mapped.text) if is_pinyin(m.group(1))]
    if not spans:
        return mapped, 0
    return mapped.delete(spans), len(spans)


# --- traditional -> simplified ---------------------------------------------------------


@cache
def converter() -> tuple[str, Callable[[str], str]]:
    """(backend name, t2s convert function): the C++ OpenCC binding when it works.

    Both PyPI packages install a module named `opencc`; whichever owns __init__.py wins,
    and the pure-Python one stays reachable as opencc.opencc. Each candidate must turn a
    known traditional string into simplified before it is used.
    """
    probe, expected = "萊山區業", "莱山区业"

    def cxx() -> Any:
        import opencc

        if opencc.OpenCC.__module__ == "opencc.opencc":
            raise ImportError("opencc is the pure-Python reimplementation")
        try:
            return opencc.OpenCC("t2s")
        except Exception:
            return opencc.OpenCC("t2s.json")

    def pure() -> Any:
        try:
            from opencc.opencc import OpenCC  # the reimplementation, when shadowed
        except ImportError:
            from opencc import OpenCC
        return OpenCC("t2s")

    candidates: list[tuple[str, Callable[[], Any]]] = [
        ("opencc", cxx),
        ("opencc-python-reimplemented", pure),
    ]
    errors: list[str] = []
    for name, make in candidates:
        try:
            conv = make()
            if conv.convert(probe) == expected:
                return name, conv.convert
            errors.append(f"{name}: wrong conversion")
        except Exception as exc:
            errors.append(f"{name}: {exc}")
    raise RuntimeError("no working OpenCC backend: " + "; ".join(errors))


def is_traditional(text: str, cfg: dict[str, Any] | None = None) -> bool:
    """Whether enough CJK characters change under t2s for the text to be traditional."""
    cfg = cfg or rules.load("normalize")["traditional"]
    n = int(cfg["sample_chars"])
    # Chinese text is mostly Han: a short prefix nearly always holds n Han characters
    han = _NOT_HAN.sub("", text[: n + n // 2])
    if len(han) < n:
        han = _NOT_HAN.sub("", text[: n * 4])
    han = han[:n]
    if not han:
        return False
    conv = converter()[1](han)
    if len(conv) != len(han):  # phrase conversions changed the length: compare per char
        conv = "".join(converter()[1](c) for c in han)
    changed = sum(1 for a, b in zip(han, conv, strict=False) if a != b)
    return changed / len(han) > float(cfg["min_changed_share"])


def to_simplified(mapped: MappedText) -> MappedText:
    """OpenCC t2s over the whole text, keeping the map.

    t2s nearly always keeps length, so lines whose length is unchanged map character for
    character; any line that changed length is redone character by character, each
    output piece mapped to the character it came from.
    """
    convert = converter()[1]
    src = mapped.text
    out = convert(src)
    src_lines = src.split("\n")
    out_lines = out.split("\n")
    if len(out) == len(src) and [len(x) for x in src_lines] == [len(x) for x in out_lines]:
        return MappedText(out, mapped.starts, mapped.ends)
    if len(src_lines) != len(out_lines):
        out_lines = [convert(line) for line in src_lines]
    parts: list[str] = []
    starts = array("q")
    ends = array("q")
    pos = 0
    for i, (s_line, o_line) in enumerate(zip(src_lines, out_lines, strict=True)):
        if i:
            parts.append("\n")
            starts.append(mapped.starts[pos - 1])
            ends.append(mapped.ends[pos - 1])
        n = len(s_line)
        if len(o_line) == n:
            parts.append(o_line)
            starts.extend(mapped.starts[pos : pos + n])
            ends.extend(mapped.ends[pos : pos + n])
        else:
            for k, ch in enumerate(s_line):
                piece = convert(ch)
                parts.append(piece)
                starts.extend([mapped.starts[pos + k]] * len(piece))
                ends.extend([mapped.ends[pos + k]] * len(piece))
        pos += n + 1
    return MappedText("".join(parts), starts, ends)


# --- mojibake ------------------------------------------------------------------------


def count_mojibake(text: str) -> int:
    """Runs of min_run or more '?' / U+FFFD: characters lost in a bad conversion."""
    cfg = rules.load("normalize")["mojibake"]
    chars = regex.escape(cfg["chars"])
    return len(regex.findall(rf"[{chars}]{{{int(cfg['min_run'])},}}", text))


# --- page furniture ------------------------------------------------------------------


@cache
def _furniture_rules() -> tuple[Any, Any, Any, Any, int, int, str]:
    """The pattern lists joined into one regex each (one search per line, not one per
    pattern); None for an empty list."""
    cfg = rules.load("furniture")

    def joined(patterns: list[str]) -> Any:
        return regex.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    any_len = joined([i["pattern"] for i in cfg["lines"] if i.get("any_length", False)])
    short_only = joined([i["pattern"] for i in cfg["lines"] if not i.get("any_length", False)])
    block = cfg["block_lines"]
    return (
        any_len,
        short_only,
        joined(cfg["block_headers"]),
        joined(cfg.get("protect") or []),
        int(cfg["max_line_chars"]),
        int(block["max_chars"]),
        str(block["sentence_end"]),
    )


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of page-furniture lines in text, line breaks not included.

    A line is furniture when it matches a line pattern of rules/furniture.yaml (short
    lines only, unless the pattern says any_length), or when it follows a block header
    (相关文章, 阅读排行, 分享到 ...) in an unbroken run of short lines without sentence
    punctuation. Lines matching a `protect` pattern (各位代表 ...) are never marked.
    """
    any_len, short_only, block_headers, protect, max_chars, block_max, sentence_end = _furniture_rules()
    spans: list[tuple[int, int]] = []
    in_block = False
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue  # blank lines neither mark nor end a block
        s_off = start + (len(line) - len(line.lstrip()))
        e_off = s_off + len(stripped)
        if protect is not None and protect.search(stripped):
            in_block = False
            continue
        short = len(stripped) <= max_chars
        if block_headers is not None and len(stripped) <= block_max and block_headers.search(stripped):
            in_block = True
            spans.append((s_off, e_off))
            continue
        if in_block:
            if len(stripped) <= block_max and not any(c in stripped for c in sentence_end):
                spans.append((s_off, e_off))
                continue
            in_block = False
        if (any_len is not None and any_len.search(stripped)) or (
            short and short_only is not None and short_only.search(stripped)
        ):
            spans.append((s_off, e_off))
    return spans
