"""rules.scanner: one fast pattern for a list of rule patterns, same matches as `regex`."""

from __future__ import annotations

import re

import pytest
import regex

from govextract import rules

TEXT = "第3次会议，2024年完成投资5亿元，拨打12345热线；“十四五”期间，《方案》出台，Q3增长"


@pytest.mark.parametrize(
    "patterns",
    [
        [r"第\s*\d+", r"(?<![\d.])20\d{2}\s*年", r"\d{4,}\s*热线"],
        [r"“[^”]{1,14}”", r"《[^》]*》"],
        [r"(?:列|居)?\d+", r"[A-Za-z]+\d+"],
        [r"\s*年"],  # starts with something optional: the class holds both
    ],
)
def test_scanner_matches_like_regex(patterns: list[str]) -> None:
    fast = rules.scanner(patterns)
    slow = regex.compile("|".join(f"(?:{p})" for p in patterns))
    assert isinstance(fast, re.Pattern)
    assert [m.span() for m in fast.finditer(TEXT)] == [m.span() for m in slow.finditer(TEXT)]


def test_scanner_looks_ahead_at_the_first_characters() -> None:
    fast = rules.scanner([r"第\s*\d+", r"(?<![\d.])20\d{2}年", r"[“《]"])
    assert fast.pattern.startswith("(?=[")
    assert set(fast.pattern[4 : fast.pattern.index("]")]) == set("第2“《")


@pytest.mark.parametrize(
    "patterns",
    [
        [r"\d+", r"[^，]{0,3}圈"],  # a negated class can start anywhere
        [r"\d*"],  # matches the empty string
        [r"(?i)abc"],  # case folding: the plain characters would not do
    ],
)
def test_scanner_without_a_bound_has_no_lookahead(patterns: list[str]) -> None:
    fast = rules.scanner(patterns)
    assert not fast.pattern.startswith("(?=[")
    assert fast.pattern == "|".join(f"(?:{p})" for p in patterns)


def test_scanner_takes_regex_only_syntax() -> None:
    fast = rules.scanner([r"\d+\s*分钟\p{Han}{0,6}圈", r"(?<=年\s*)\d+"])
    assert isinstance(fast, regex.Pattern)
    assert [m.group() for m in fast.finditer("15分钟便民生活圈，2024年 3")] == ["15分钟便民生活圈", "3"]


def test_the_stop_patterns_stay_on_the_fast_scanner() -> None:
    """(review) claims.yaml's stop patterns compile with the stdlib `re` behind a lookahead on
    their first characters: one pattern in `regex`-only syntax (\\p{Han} inside a class, a
    lookbehind of several widths) sends the whole set to the slow path, about nine times
    slower over a corpus, with no other sign."""
    from govextract.extract import _rules

    stop = _rules().stop_re
    assert isinstance(stop, re.Pattern)
    assert stop.pattern.startswith("(?=[")
