"""Numbers and quantities in report text: 518.9亿元, 一万二, 二〇二四, 三分之一, 3-5万元.

The word lists (numerals, scales, connectors, words that are not numbers) live in
rules/numbers.yaml and the units in rules/units.yaml; this module only reads them.
Text is scanned once with one precompiled regex for runs of numeral atoms; each run is
tokenised and read by a small accumulator (sections below 万, large scales on top).
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import regex

from govextract import rules

__all__ = ["NumberSpan", "Quantity", "parse_numbers", "parse_quantities"]


@dataclass(slots=True)  # not frozen: built per item, frozen __init__ is slow
class NumberSpan:
    start: int  # offset in the input string
    end: int  # exclusive
    value: float
    text: str  # text[start:end]
    kind: str  # 'arabic' | 'chinese' | 'mixed' | 'fraction' | 'digits'


@dataclass(slots=True)  # not frozen: built per item, frozen __init__ is slow
class Quantity:
    start: int
    end: int
    text: str
    value: float  # as stated in the stated unit; the low end of a range
    value_max: float | None  # high end of a range, else None
    unit: str | None  # as stated, scale prefix included: 亿元, 万人, %, 个
    unit_base: str | None  # base unit from rules/units.yaml
    factor: float | None  # value * factor = value in unit_base
    kind: str | None  # the unit's kind from rules/units.yaml
    number: NumberSpan  # the (first) number inside


_SP = "[ \\t\\u3000]"  # spaces that may sit inside a number or a unit (PDF extractions)
_SPACES = frozenset(" \t\u3000")


@dataclass(slots=True)
class _Tok:
    # A arabic, R slash fraction, D digit 1-9, Z zero, S 十百千, L 万亿, P 点, Y 余/多,
    # F 分之, M 又, N sign
    kind: str
    start: int
    end: int
    value: float
    ndig: int  # A: digit count of an integer (0 for decimals)
    char: str


@dataclass(slots=True)
class _Num:
    start: int
    end: int
    value: float
    kind: str
    toks: list[_Tok]  # value tokens (sign excluded), for folding the scale into the unit
    sign: float
    pct: str | None  # %, ‰, ‱ for 百分之 / 千分之 / 万分之
    stated: float  # the numerator of a pct fraction, else value


@dataclass(frozen=True, slots=True)
class _Unit:
    base: str | None
    factor: float
    kind: str | None
    written: str | None = None  # the unit column for a variant spelling (人（次） -> 人次)


class _Tables:
    """rules/numbers.yaml and rules/units.yaml compiled once per process."""

    def __init__(self) -> None:
        cfg: dict[str, Any] = rules.load("numbers")
        src, dst = "", ""
        for a, b in cfg["char_map"]:
            if len(a) != len(b):
                raise ValueError(f"numbers.yaml char_map: {a!r} and {b!r} differ in length")
            src, dst = src + a, dst + b
        # (source, target) pairs; str.replace on the few present is much faster than
        # str.translate over a whole report
        self.fold_pairs = [(a, b) for a, b in zip(src, dst, strict=True) if a != b]
        # the stdlib re is several times faster than regex at a plain character class
        self.fold_search = re.compile("[" + re.escape("".join(a for a, _ in self.fold_pairs)) + "]").search

        self.digits: dict[str, int] = {str(k): int(v) for k, v in cfg["digits"].items()}
        self.counting_only = frozenset(cfg["counting_only"])
        self.alone_not = frozenset(cfg["alone_not_number"])
        self.small: dict[str, float] = {str(k): float(v) for k, v in cfg["small_scales"].items()}
        self.large: dict[str, float] = {str(k): float(v) for k, v in cfg["large_scales"].items()}
        self.bare_lead = frozenset(self.small[c] for c in cfg["bare_lead"])
        self.bare_compounds = frozenset(cfg["bare_compound_scales"])
        self.points = frozenset(cfg["decimal_point"])
        self.negs = frozenset(cfg["negative"]) | {"-"}
        self.approx = frozenset(cfg["approx_inner"])
        self.vague_before = frozenset(cfg["vague_before"])
        self.vague_after = frozenset(cfg["vague_after"])
        self.min_digits = int(cfg["digit_string_min_len"])
        scale_value = {**self.small, **self.large}
        self.pct_by_scale = {scale_value[k]: str(v) for k, v in cfg["percent_denominators"].items()}
        self.unit_scales: dict[str, float] = {
            str(k): float(v) for k, v in cfg["unit_scales"].items()
        }

        def cls(chars: Any) -> str:
            return "[" + "".join(regex.escape(c) for c in chars) + "]"

        def spaced(word: str) -> str:
            return f"{_SP}*".join(regex.escape(c) for c in word)

        numch_chars = "".join([*self.digits, *self.small, *self.large])
        unit_names = [str(u) for u in rules.load("units")["units"]]
        unit_last = regex.escape("".join(sorted({u[-1] for u in unit_names if not u.isascii()})))
        numch = cls(numch_chars)
        dec = cls(c for c in self.digits if c not in self.counting_only)
        large = cls(self.large)
        frac = spaced(cfg["fraction_marker"])
        mixed = regex.escape(cfg["mixed_fraction_marker"])
        # 负 after 减/担/胜 (减负900亿元, 担负) is no sign
        not_after = "".join(regex.escape(c) for c in cfg.get("negative_not_after", []))
        neg_words = "|".join((f"(?<![{not_after}])" if not_after else "") + regex.escape(w) for w in cfg["negative"])
        num_inner = regex.escape(numch_chars)
        # '-' after a digit, a letter or a unit joins two figures (1-11月, 2025年-2026年).
        # The scan is built for the stdlib `re` (about twice as fast as `regex` here),
        # whose lookbehinds have a fixed width: a leading '-' with spaces between it and
        # such a character is caught after the match (_joins_figures).
        joiner = f"[0-9A-Za-z.%\\-{num_inner}{unit_last}]"
        self.joiners = frozenset(string.digits + string.ascii_letters + ".%-" + numch_chars + "".join(u[-1] for u in unit_names if not u.isascii()))
        sign = f"(?:{neg_words}|(?<!{joiner})-)(?={_SP}*[0-9.{num_inner}])"
        # inside a run the figure before may also end in spaces (5 -3 is two figures)
        inner_sign = f"(?:{neg_words}|(?<!{joiner[:-1]} \\t\u3000])-)(?={_SP}*[0-9.{num_inner}])"
        # A run of thousands groups must not leave a fourth digit behind (1,2345 is 1);
        # dotted chains (1.2.3) are separate integers, never decimals.
        # (a run never starts inside digits, so "after 1." is "not after \\d\\.\\d+")
        arabic = r"(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+(?![.\d]))?|(?<!\d\.)\d+(?:\.\d+(?![.\d]))?|\d+)"
        leaddot = r"(?<![\d.])\.\d+(?![.\d])"
        # (not 80/10万: the number of a rate per 100,000, whose unit /10万 holds the 10)
        per_tails = sorted({regex.sub(r"^/\d+", "", u) for u in unit_names if regex.match(r"/\d", u)} - {""})
        slash = r"(?<![\d/.])\d+/\d+(?![\d/]" + "".join(f"|{regex.escape(t)}" for t in per_tails) + ")"
        first = f"(?:{slash}|{arabic}|{leaddot}|{numch})"
        atom = (
            f"(?:{slash}|{arabic}|{leaddot}|{numch}"
            f"|{cls(self.points)}(?={_SP}*{dec})"
            f"|{cls(self.approx)}(?={_SP}*{large})"
            f"|{frac}|{mixed}(?={_SP}*[0-9{num_inner}]))"
        )
        run = f"(?:{sign}{_SP}*)?{first}(?:{_SP}*(?:{inner_sign}{_SP}*)?{atom})*"
        skip = "|".join(f"(?:{p})" for p in cfg["not_numbers"])
        # The lookahead lets the engine reject most positions on their first character.
        starts = {p[0] for p in cfg["not_numbers"] if p[0] not in "([\\.?*+"}
        starts |= {c for p in cfg["not_numbers"] if p.startswith("[") for c in p[1 : p.index("]")]}
        starts |= set(numch_chars) | set(cfg["negative"]) | set("-.0123456789hw")
        scan = f"(?=[{regex.escape(''.join(sorted(starts)))}\\d])(?:(?P<skip>{skip})|(?P<run>{run}))"
        try:
            self.scan: Any = re.compile(scan)
        except re.error:  # a not_numbers pattern in `regex`-only syntax
            self.scan = regex.compile(scan)
        self.tok = rules.fast_compile(
            f"(?P<sp>{_SP}+)|(?P<N>{neg_words}|-)|(?P<R>\\d+/\\d+)|(?P<A>{arabic}|\\.\\d+)"
            f"|(?P<F>{frac})|(?P<D>{cls(self.digits)})|(?P<S>{cls(self.small)})"
            f"|(?P<L>{large})|(?P<P>{cls(self.points)})|(?P<Y>{cls(self.approx)})|(?P<M>{mixed})"
        )
        dbl = cfg["doubling"]
        self.doubling = regex.compile(dbl["pattern"])
        self.doubling_unit = str(dbl["unit"])
        self.doubling_word = str(dbl["word"])
        self.doubling_not_before = regex.compile(dbl["not_before"])
        self.doubling_not_after = regex.compile(dbl["not_after"])
        conns = sorted(cfg["range_connectors"], key=len, reverse=True)
        self.connector = rules.fast_compile(
            f"{_SP}*(?:{'|'.join(regex.escape(c) for c in conns)}){_SP}*"
        )

        # Every unit as stated (scale prefixes folded in) -> base, factor, kind.
        self.units: dict[str, _Unit] = {}
        listed: dict[str, Any] = rules.load("units")["units"]
        for name, spec in listed.items():
            if spec.get("scalable", True) is False:
                continue
            for sc, sf in self.unit_scales.items():
                self.units[sc + str(name)] = _Unit(
                    spec.get("base"), sf * float(spec.get("factor", 1)), spec.get("kind"),
                    sc + spec["as"] if "as" in spec else None,
                )
        for name, spec in listed.items():  # listed units win over composed ones
            self.units[str(name)] = _Unit(
                spec.get("base"), float(spec.get("factor", 1)), spec.get("kind"), spec.get("as")
            )
        self.unit_maxlen = max(len(u) for u in self.units)
        self.unit_lens = sorted({len(u) for u in self.units}, reverse=True)
        self.unit_first = frozenset(u[0] for u in self.units)
        self.doubling_info = self.units[self.doubling_unit]


@cache
def _tables() -> _Tables:
    return _Tables()


# ---------------------------------------------------------------- reading a run


def _tokens(tb: _Tables, norm: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in tb.tok.finditer(norm, start, end):
        kind = m.lastgroup
        if kind == "sp" or kind is None:
            continue
        s, e = m.span()
        ch = norm[s]
        value, ndig = 0.0, 0
        if kind == "A":
            digits = m.group().replace(",", "")
            value = float(digits)
            ndig = len(digits) if "." not in digits else 0
        elif kind == "D":
            value = float(tb.digits[ch])
            if value == 0:
                kind = "Z"
        elif kind == "S":
            value = tb.small[ch]
        elif kind == "L":
            value = tb.large[ch]
        out.append(_Tok(kind, s, e, value, ndig, ch))
    return out


def _digit_strings(tb: _Tables, toks: list[_Tok], norm: str) -> dict[int, int] | None:
    """Start -> end index of digit-by-digit strings (二〇二四); None when the run is vague.

    Adjacent digits that are no digit string only approximate (二三十, 十一五, 五五):
    such a run is no number at all.
    """
    found: dict[int, int] = {}
    n = len(toks)
    i = 0
    while i < n:
        if toks[i].kind not in "DZ":
            i += 1
            continue
        j = i + 1
        while j < n and toks[j].kind in "DZ" and toks[j].start == toks[j - 1].end:
            j += 1
        if i and toks[i - 1].kind == "P":
            i = j  # decimals (点五五四四) are digit by digit anyway
            continue
        if j - i >= 2:
            before = toks[i - 1].kind if i and toks[i - 1].end == toks[i].start else ""
            after = toks[j].kind if j < n and toks[j].start == toks[j - 1].end else ""
            seq = toks[i:j]
            has_zero = any(t.kind == "Z" for t in seq)
            adjacent = any(a.kind == "D" and b.kind == "D" for a, b in pairwise(seq))
            ok_chars = all(t.char not in tb.counting_only for t in seq)
            if (
                before not in ("S", "L")
                and after not in ("S", "L", "P", "Y", "F")
                and ok_chars
                and (has_zero or j - i >= tb.min_digits)
            ):
                found[i] = j
            elif adjacent:
                return None
        i = j
    return found


def _read_int(
    tb: _Tables, toks: list[_Tok], j: int, n: int, norm: str
) -> tuple[float, int, bool, bool, bool] | None:
    """The longest integer-or-decimal number at toks[j:n].

    Returns (value, end index, has arabic, has chinese, needs context) where `needs
    context` marks a bare 百/千 not followed by 万/亿 (only a fraction may use it).
    """
    entries: list[list[float]] = []  # [value, level] of parts closed by 万/亿
    section = 0.0  # the part below the last large scale
    pending: float | None = None  # a digit waiting for its scale
    pend_arabic = False
    abbrev = 0.0  # the scale right before a pending Chinese digit: 一万二 -> 2 * 1000
    last_small = math.inf
    last_scale = 0.0
    level_digits = 0
    prev = ""
    end = j
    has_a = has_c = frac = bare = False
    k = j
    while k < n:
        t = toks[k]
        kd = t.kind
        if kd == "D":
            if pending is not None or frac:
                break
            pending, pend_arabic = t.value, False
            abbrev = last_scale if prev in ("S", "L") else 0.0
            prev, end, has_c = "D", k + 1, True
        elif kd == "Z":
            if pending is not None or frac:
                break
            if prev == "":
                end = k + 1  # 零 alone is 0; 零十, 零点五 go on
            prev, last_scale, has_c = "Z", 0.0, True
        elif kd == "A":
            nxt = toks[k + 1].kind if k + 1 < n else ""
            if frac or pending is not None:
                break
            if prev in ("", "Z"):
                pass
            elif (
                prev in ("S", "L")
                and nxt in ("S", "L")
                and (nxt == "L" or toks[k + 1].value < last_small)
            ):
                pass  # 5万4千6百, 7 万5 千4 百; not 三百 3千
            elif prev == "L" and t.ndig == level_digits and norm[t.end : t.end + 1] != "年":
                pass  # 3万4000; not 1万2024年
            else:
                break
            pending, pend_arabic, abbrev = t.value, True, 0.0
            prev, end, has_a = "A", k + 1, True
        elif kd == "S":
            s = t.value
            if frac:
                break
            if pending is None:
                if prev == "":
                    bare = s not in tb.bare_lead
                elif not (prev == "Z" and s in tb.bare_lead):
                    break
                mult = 1.0
            else:
                mult = pending
            if s >= last_small:
                break
            section += mult * s
            pending, last_small, last_scale = None, s, s
            prev, end, has_c = "S", k + 1, True
        elif kd == "L":
            lv = t.value
            if pending is None and section == 0:
                if prev != "L" or not entries:
                    break
                entries[-1][0] *= lv  # 万万, 万亿: compound scales
                entries[-1][1] *= lv
            else:
                cur = section + (pending or 0.0)
                while entries and entries[-1][1] < lv:
                    cur += entries.pop()[0]
                if entries and entries[-1][1] <= lv:
                    break  # 一万二万: a scale may not repeat
                entries.append([cur * lv, lv])
                section, pending, last_small = 0.0, None, math.inf
            last_scale = lv
            level_digits = round(math.log10(entries[-1][1]))
            prev, end, has_c = "L", k + 1, True
        elif kd == "P":
            if frac or pend_arabic or has_a or prev in ("", "Y"):
                break
            m = k + 1
            ds: list[str] = []
            while m < n and toks[m].kind in "DZ" and toks[m].char not in tb.counting_only:
                ds.append(str(int(toks[m].value)))
                m += 1
            if not ds:
                break
            p = pending or 0.0
            if pending is not None and abbrev:
                p = pending * abbrev / 10  # 两千三点一 = 2300.1
            pending, abbrev, frac = p + float("0." + "".join(ds)), 0.0, True
            prev, end = "P", m
            k = m
            continue
        elif kd == "Y":
            if not (k + 1 < n and toks[k + 1].kind == "L"):
                break
        else:
            break
        k += 1
    if end == j:
        return None
    p = pending or 0.0
    if pending is not None and not pend_arabic and abbrev and prev == "D":
        p = pending * abbrev / 10
    value = sum(e[0] for e in entries) + section + p
    needs_ctx = bare and not (j + 1 < end and toks[j + 1].kind == "L")
    return value, end, has_a, has_c, needs_ctx


def _kind(has_a: bool, has_c: bool) -> str:
    if has_a and has_c:
        return "mixed"
    return "arabic" if has_a else "chinese"


def _read_at(tb: _Tables, toks: list[_Tok], j: int, norm: str, dstr: dict[int, int]) -> _Num | None:
    """The number starting at toks[j], or None."""
    n = len(toks)
    sign, k = 1.0, j
    if toks[k].kind == "N":
        sign, k = -1.0, k + 1
        if k >= n:
            return None
    start = toks[j].start
    t = toks[k]
    if k in dstr:
        b = dstr[k]
        v = float("".join(str(int(x.value)) for x in toks[k:b]))
        return _Num(start, toks[b - 1].end, sign * v, "digits", toks[k:b], sign, None, sign * v)
    if t.kind == "R":
        a, _, b = norm[t.start : t.end].partition("/")
        if float(b) == 0:
            return None
        v = sign * float(a) / float(b)
        return _Num(start, t.end, v, "fraction", [t], sign, None, v)
    if t.kind == "L":
        # 万分之三, 万万分之七: a bare large scale only as a denominator
        m = k
        den = 1.0
        while m < n and toks[m].kind == "L":
            den *= toks[m].value
            m += 1
        if m < n and toks[m].kind == "F":
            return _fraction(tb, toks, j, k, m, den, sign, 1 == m - k, norm, has_a=False)
        if norm[t.start : toks[m - 1].end] in tb.bare_compounds:
            return _Num(start, toks[m - 1].end, sign * den, _kind(False, True), toks[k:m], sign, None, sign * den)
        return None
    r = _read_int(tb, toks, k, n, norm)
    if r is None:
        return None
    value, e, has_a, has_c, needs_ctx = r
    single = e - k == 1 and toks[k].kind in ("S", "L")
    if needs_ctx and not single:
        return None  # 千三: a bare 百/千 with digits is colloquial
    if e < n and toks[e].kind == "F":
        got = _fraction(tb, toks, j, k, e, value, sign, single, norm, has_a)
        if got is not None:
            return got
    elif e < n and toks[e].kind == "M":
        w = _read_int(tb, toks, e + 1, n, norm)
        if w is not None and w[1] < n and toks[w[1]].kind == "F" and not w[4]:
            part = _fraction(tb, toks, e + 1, e + 1, w[1], w[0], 1.0, False, norm, w[2])
            if part is not None:
                v = sign * (value + part.value)
                return _Num(
                    start, part.end, v, "fraction", toks[k : e + 1] + part.toks, sign, None, v
                )
    if needs_ctx:
        return None
    if e - k == 1 and toks[k].char in tb.alone_not and toks[k].kind in "DZS":
        return None
    v = sign * value
    return _Num(start, toks[e - 1].end, v, _kind(has_a, has_c), toks[k:e], sign, None, v)


def _fraction(
    tb: _Tables,
    toks: list[_Tok],
    j: int,
    k: int,
    f: int,
    den: float,
    sign: float,
    bare_scale: bool,
    norm: str,
    has_a: bool,
) -> _Num | None:
    """X分之Y with the denominator at toks[k:f] and 分之 at toks[f]."""
    n = len(toks)
    m, nsign = f + 1, 1.0
    if m < n and toks[m].kind == "N":
        nsign, m = -1.0, m + 1
    if m >= n or den == 0:
        return None
    r = _read_int(tb, toks, m, n, norm)
    if r is None:
        return None
    num, e = r[0] * nsign, r[1]
    v = sign * num / den
    pct = tb.pct_by_scale.get(toks[k].value) if bare_scale else None
    return _Num(toks[j].start, toks[e - 1].end, v, "fraction", toks[k:e], sign, pct, sign * num)


def _fold(tb: _Tables, text: str) -> str:
    if tb.fold_search(text) is None:
        return text  # the common case: one C scan instead of one per pair
    for a, b in tb.fold_pairs:
        if a in text:
            text = text.replace(a, b)
    return text


def _joins_figures(tb: _Tables, norm: str, pos: int) -> bool:
    """The '-' at pos, after spaces, follows a digit, a letter or a unit: a joiner (1 - 5)."""
    i = pos
    while i > 0 and norm[i - 1] in _SPACES:
        i -= 1
    return 0 < i < pos and norm[i - 1] in tb.joiners


def _scan(norm: str) -> list[_Num]:
    tb = _tables()
    out: list[_Num] = []
    for m in tb.scan.finditer(norm):
        if m.lastgroup != "run":
            continue
        s, e = m.span()
        word = m.group()
        if word[0] == "-" and _joins_figures(tb, norm, s):
            s = e - len(word[1:].lstrip(" \t\u3000"))
            word = norm[s:e]
        # fast paths for the commonest runs: a plain Arabic number, one Chinese digit
        if word.isdigit() or (word.count(".") == 1 and word.replace(".", "").isdigit()):
            v = float(word)
            tok = _Tok("A", s, e, v, 0, word[0])
            out.append(_Num(s, e, v, "arabic", [tok], 1.0, None, v))
            continue
        if len(word) == 1 and word in tb.digits and word not in tb.alone_not:
            if norm[e : e + 1] in tb.vague_after:
                continue
            v = float(tb.digits[word])
            tok = _Tok("Z" if v == 0 else "D", s, e, v, 0, word)
            out.append(_Num(s, e, v, "chinese", [tok], 1.0, None, v))
            continue
        toks = _tokens(tb, norm, s, e)
        if not toks:
            continue
        # 几十, 数百, 十几, 二十几万: vague counts are no numbers
        if (s and norm[s - 1] in tb.vague_before and toks[0].kind in "SL") or (
            norm[e : e + 1] in tb.vague_after
        ):
            continue
        dstr = _digit_strings(tb, toks, norm)
        if dstr is None:
            continue
        i = 0
        while i < len(toks):
            num = _read_at(tb, toks, i, norm, dstr)
            if num is None:
                i += 1
                continue
            out.append(num)
            while i < len(toks) and toks[i].start < num.end:
                i += 1
    return out


def parse_numbers(text: str) -> list[NumberSpan]:
    """All numbers in text, non-overlapping, left to right."""
    norm = _fold(_tables(), text)
    return [NumberSpan(x.start, x.end, x.value, text[x.start : x.end], x.kind) for x in _scan(norm)]


# ---------------------------------------------------------------- quantities


def _unit_at(tb: _Tables, norm: str, pos: int) -> tuple[str, int] | None:
    """The longest unit starting at pos (spaces inside ignored): (unit as stated, end)."""
    head = norm[pos : pos + tb.unit_maxlen]
    if not head or (head[0] not in tb.unit_first and head[0] not in _SPACES):
        return None  # the common case: no unit here
    if _SPACES.isdisjoint(head):
        for ln in tb.unit_lens:
            if ln <= len(head) and head[:ln] in tb.units:
                return head[:ln], pos + ln
        return None
    chars: list[str] = []
    ends: list[int] = []
    i, n = pos, len(norm)
    while i < n and len(chars) < tb.unit_maxlen:
        c = norm[i]
        i += 1
        if c in _SPACES:
            continue
        chars.append(c)
        ends.append(i)
    word = "".join(chars)
    for ln in tb.unit_lens:
        if ln <= len(word) and word[:ln] in tb.units:
            return word[:ln], ends[ln - 1]
    return None


def _after_approx(tb: _Tables, norm: str, pos: int) -> int:
    """Position after spaces and one 余/多 (900余场次), else pos."""
    i = pos
    while i < len(norm) and norm[i] in _SPACES:
        i += 1
    if i < len(norm) and norm[i] in tb.approx:
        return i + 1
    return pos


@dataclass(slots=True)
class _Q:
    start: int
    end: int
    value: float
    unit: str | None
    scale: str  # the scale word folded into the unit ('' if none)
    info: _Unit | None
    num: _Num


def _quantity(tb: _Tables, x: _Num, norm: str) -> _Q:
    if x.pct is not None:
        return _Q(x.start, x.end, x.stated, x.pct, "", tb.units.get(x.pct), x)
    if x.kind == "fraction":
        return _Q(x.start, x.end, x.value, "", "", _Unit("", 1.0, "fraction"), x)
    toks = x.toks
    n = len(toks)
    if x.kind == "chinese" and n > 1 and all(t.kind == "L" for t in toks):
        # 突破万亿元 (bare_compound_scales): one of the compound scale -> 1 万亿元
        u = _unit_at(tb, norm, toks[0].start)
        if u is not None and u[1] >= x.end:
            scale = "".join(t.char for t in toks)
            return _Q(x.start, u[1], x.sign * 1.0, u[0], scale, tb.units[u[0]], x)
    cands: list[int] = []
    if x.kind in ("mixed", "chinese") and n > 1:
        s = n
        while s > 0 and toks[s - 1].kind in "SL":
            s -= 1
        core = [t for t in toks[:s] if t.kind != "Y"]
        if len(core) == 1 and core[0].kind == "A":
            cands = list(range(s, n))  # 3千万元 -> 3 千万元
        else:
            # 四千万 -> 4000 万, 千万人次 -> 1000 万人次: Chinese numerals split at 万/亿 only
            cands = [i for i in range(max(s, 1), n) if toks[i].kind == "L"]
    plain = _unit_at(tb, norm, _after_approx(tb, norm, x.end))
    for c in cands:
        scale = "".join(t.char for t in toks[c:])
        if scale not in tb.unit_scales:
            continue
        r = _read_int(tb, toks, 0, c, norm)
        if r is None:
            continue
        value = x.sign * r[0]
        u = _unit_at(tb, norm, toks[c].start)
        if plain is not None and c == n - 1 and (u is None or plain[1] > u[1]):
            # 9万多件, 2万余名: 余/多 between the scale and the unit; the scale joins the unit
            joined = scale + plain[0]
            if u is None and _after_approx(tb, norm, x.end) > x.end and joined in tb.units:
                return _Q(x.start, plain[1], value, joined, scale, tb.units[joined], x)
        if plain is not None and (u is None or plain[1] > u[1]):
            break  # 七十五万个百分点: a longer unit that takes no scale keeps it in the value
        if u is not None and u[1] >= x.end and u[0].startswith(scale):
            return _Q(x.start, u[1], value, u[0], scale, tb.units[u[0]], x)
        if plain is None:
            # no unit at all: the scale word stands as the unit (20.5万)
            sf = tb.unit_scales[scale]
            return _Q(x.start, x.end, value, scale, scale, _Unit(None, sf, "number"), x)
    if plain is not None:
        return _Q(x.start, plain[1], x.value, plain[0], "", tb.units[plain[0]], x)
    return _Q(x.start, x.end, x.value, None, "", None, x)


def _span(x: _Num, text: str) -> NumberSpan:
    return NumberSpan(x.start, x.end, x.value, text[x.start : x.end], x.kind)


def parse_quantities(text: str) -> list[Quantity]:
    """Numbers with the unit that follows them, percents, ranges and fractions.

    A scale word before a unit is folded into the unit (1.3万人 -> 1.3 万人, factor 1e4);
    a scale with no unit after it stands as the unit (20.5万 -> 20.5 万, kind 'number');
    余/多 between the number and its unit stay inside the span (900余场次).
    """
    tb = _tables()
    norm = _fold(tb, text)
    qs = [_quantity(tb, x, norm) for x in _scan(norm)]
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if out and a.start < out[-1].end:
            i += 1  # 80/10万: a number inside the unit before (a rate per 100,000) is no figure
            continue
        vmax: float | None = None
        end = a.end
        q = a
        if i + 1 < len(qs):
            b = qs[i + 1]
            lo = _range_low(tb, a, b, norm)
            if lo is not None:
                # the range reads in b's unit, from a's number
                q = _Q(a.start, b.end, lo, b.unit, b.scale, b.info, a.num)
                vmax, end = b.value, b.end
                i += 1
        info = q.info
        out.append(
            Quantity(
                start=q.start,
                end=end,
                text=text[q.start : end],
                value=q.value,
                value_max=vmax,
                unit=(info.written or q.unit) if info else q.unit,
                unit_base=info.base if info else None,
                factor=info.factor if info else None,
                kind=info.kind if info else None,
                number=_span(q.num, text),
            )
        )
        i += 1
    if tb.doubling_word in norm:
        out = _doublings(tb, text, norm, out)
    return out


def _doublings(tb: _Tables, text: str, norm: str, out: list[Quantity]) -> list[Quantity]:
    """翻一番 -> 2 倍, 翻两番 -> 4 倍 (numbers.yaml doubling), in place of the bare numeral."""
    added: list[Quantity] = []
    for m in tb.doubling.finditer(norm):
        if tb.doubling_not_before.search(norm, max(0, m.start() - 8), m.start()) or tb.doubling_not_after.match(norm, m.end()):
            continue
        n = tb.digits[m["n"]] if m["n"] else 1
        info = tb.doubling_info
        span = NumberSpan(m.start(), m.end(), float(n), text[m.start() : m.end()], "chinese")
        added.append(Quantity(
            start=m.start(), end=m.end(), text=span.text, value=float(2**n), value_max=None,
            unit=tb.doubling_unit, unit_base=info.base, factor=info.factor, kind=info.kind, number=span,
        ))
    if not added:
        return out
    kept = [q for q in out if not any(q.start < a.end and a.start < q.end for a in added)]
    return sorted(kept + added, key=lambda q: q.start)


def _range_low(tb: _Tables, a: _Q, b: _Q, norm: str) -> float | None:
    """The low end if `a CONNECTOR b` is a range in b's unit (3-5万元, 10%到15%)."""
    if a.end > b.start or not tb.connector.fullmatch(norm, a.end, b.start):
        return None
    if b.num.sign < 0 and norm[b.num.start] == "-":
        return None
    # 2025-07-31: a date's dash chain is no range
    if (
        norm[a.start - 1 : a.start] in "-/"
        and a.start
        and norm[a.start - 2 : a.start - 1].isdigit()
    ):
        return None
    if norm[b.end : b.end + 1] in ("-", "/") and norm[b.end + 1 : b.end + 2].isdigit():
        return None
    if a.unit is None:
        if b.unit == "":
            return None
        lo = a.value
    elif a.unit == b.unit or (a.scale and a.unit == a.scale and b.scale == a.scale):
        lo = a.value  # 10%到15%; 1.5万-2万元 shares the scale
    else:
        return None
    if b.unit is None and a.unit is not None:
        return None
    return lo if lo <= b.value else None
