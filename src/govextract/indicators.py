"""Map an extracted indicator phrase to a canonical id from rules/indicators.yaml."""

from __future__ import annotations

from functools import cache

import regex

from govextract import rules

_SCOPE = regex.compile(r"^(?:全区|全市|全县|全省|全旗|全州|全社会|全域|我区|我市|我县|我省|本区|本市)")


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for iid, spec in rules.load("indicators")["indicators"].items():
        for s in [spec["name"], *spec.get("synonyms", [])]:
            table.setdefault(s, iid)
    return table


@cache
def _alias() -> regex.Pattern[str]:
    return regex.compile(rules.load("indicators")["alias"])


@cache
def _per_unit() -> tuple[str, ...]:
    return tuple(rules.load("indicators")["per_unit_prefixes"])


@cache
def _exact() -> dict[str, str]:
    return {s: iid for iid, spec in rules.load("indicators")["indicators"].items() for s in spec.get("exact", [])}


@cache
def indicator_id(indicator: str) -> str | None:
    """The canonical id of the longest synonym the indicator ends with (or equals), or of
    an exact synonym it is (经济 alone is the economy's output, 非公有制经济 is not)."""
    s = _SCOPE.sub("", indicator.replace(" ", ""))
    s = _alias().sub("", s) or s  # 全省生产总值（GDP）: the name, not its alias
    if iid := _exact().get(s):
        return iid
    table = _synonyms()
    per_unit = _per_unit()
    # suffixes from the longest down: 规模以上工业增加值 wins over 工业增加值
    for i in range(len(s)):
        iid = table.get(s[i:])
        if iid:
            return None if s[:i].endswith(per_unit) else iid
    return None
