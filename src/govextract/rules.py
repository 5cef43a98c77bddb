"""Load the rule files in rules/ (YAML an analyst edits; the engine only reads them)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

try:  # the stdlib regex parser, to learn what a pattern can start with
    from re import _constants as _sre  # Python >= 3.11
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# libyaml's loader when the wheel has it: the rule files load several times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def rules_dir() -> Path:
    """rules/ of the checkout, or GOVEXTRACT_RULES when set (to try edited rules)."""
    env = os.environ.get("GOVEXTRACT_RULES")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "rules"
        if cand.is_dir() and (cand / "units.yaml").exists():
            return cand
    raise FileNotFoundError("rules/ directory not found; set GOVEXTRACT_RULES")


@cache
def load(name: str) -> Any:
    """Parsed content of rules/<name>.yaml (cached: rules are read once per process)."""
    path = rules_dir() / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so the longest match wins."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT} | ({_sre.POSSESSIVE_REPEAT} if hasattr(_sre, "POSSESSIVE_REPEAT") else set())
_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s"}


def _class_char(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """(class items a match of this parsed sequence can start with, whether it can match
    the empty string); None for the set when it can't be bounded (., negated classes)."""
    firsts: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            return firsts | {_class_char(chr(av))}, False
        if op is _sre.IN:
            for iop, iav in av:
                if iop is _sre.LITERAL:
                    firsts.add(_class_char(chr(iav)))
                elif iop is _sre.RANGE:
                    firsts.add(f"{_class_char(chr(iav[0]))}-{_class_char(chr(iav[1]))}")
                elif iop is _sre.CATEGORY and iav in _CATEGORIES:
                    firsts.add(_CATEGORIES[iav])
                else:
                    return None, False  # a negated class, \\w, \\S ...: most of any text
            return firsts, False
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width: the match starts with what follows
        if op is _sre.SUBPATTERN:
            if av[1] & _sre.SRE_FLAG_IGNORECASE:
                return None, False
            sub, nullable = _first_chars(av[-1])
        elif op is _sre.BRANCH:
            sub, nullable = set(), False
            for seq in av[1]:
                s, n = _first_chars(seq)
                if s is None:
                    return None, False
                sub |= s
                nullable = nullable or n
        elif op in _REPEATS:
            sub, nullable = _first_chars(av[2])
            nullable = nullable or av[0] == 0
        else:
            return None, False  # ., backreferences, conditionals: no bound
        if sub is None:
            return None, False
        firsts |= sub
        if not nullable:
            return firsts, False
    return firsts, True


def fast_compile(pattern: str) -> Any:
    """The pattern compiled with the stdlib `re` (faster on short strings), or with
    `regex` when it uses syntax only `regex` has."""
    import re

    try:
        return re.compile(pattern)
    except re.error:
        import regex

        return regex.compile(pattern)


@cache
def _han_ranges() -> str:
    """\\p{Han} as the ranges of a character class the stdlib `re` reads, taken from the
    `regex` module's own Unicode tables (Han lies between U+2E80 and plane 3's end)."""
    import regex

    chars = "".join(map(chr, range(0x2E80, 0x40000)))
    return "".join(f"{m.group()[0]}-{m.group()[-1]}" for m in regex.finditer(r"\p{Han}+", chars))


def _stdlib_han(pattern: str) -> str:
    """Each \\p{Han} outside a character class spelt as a class `re` reads (one inside a
    class stays: `re` then fails and the patterns go to `regex`, as before)."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        if pattern.startswith("\\p{Han}", i) and not in_class:
            out.append(f"[{_han_ranges()}]")
            i += 7
            continue
        c = pattern[i]
        step = 2 if c == "\\" else 1
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        out.append(pattern[i : i + step])
        i += step
    return "".join(out)


def scanner(patterns: list[str]) -> Any:
    """One compiled pattern matching any of `patterns`, for finditer over long text.

    The stdlib `re` behind a lookahead on the characters a match can start with rejects
    most positions at once: about twice as fast as the `regex` module here. A pattern
    written in `regex`-only syntax (\\p{Han}, variable-width lookbehinds) still works:
    then all are compiled with `regex`, without the lookahead.
    """
    import re

    # (size_class_name's (?=\\p{Han}) would otherwise send all of them to `regex`)
    alt = "|".join(f"(?:{_stdlib_han(p)})" for p in patterns)
    try:
        compiled = re.compile(alt)
        parsed = _sre_parse.parse(alt)
    except re.error:
        import regex

        return regex.compile(alt)
    firsts, nullable = _first_chars(parsed)
    if firsts is None or nullable or not firsts or parsed.state.flags & re.IGNORECASE:
        return compiled
    return re.compile(f"(?=[{''.join(sorted(firsts))}])(?:{alt})")
