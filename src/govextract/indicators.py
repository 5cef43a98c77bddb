"""Map an extracted indicator phrase to a canonical id from rules/indicators.yaml."""

from __future__ import annotations

from functools import cache

import regex

from govextract import rules

_SCOPE = regex.compile(r"^(?:全区|全市|全县|全省|全旗|全州|全社会|全域|我区|我市|我县|我省|本区|本市)")


@cache
def _synonyms() -> list[tuple[str, str]]:
    pairs = []
    for iid, spec in rules.load("indicators")["indicators"].items():
        for s in [spec["name"], *spec.get("synonyms", [])]:
            pairs.append((s, iid))
    # longest synonym first: 规模以上工业增加值 before 工业增加值 before 增加值
    pairs.sort(key=lambda p: len(p[0]), reverse=True)
    return pairs


def indicator_id(indicator: str) -> str | None:
    """The canonical id of the longest synonym the indicator ends with (or equals)."""
    s = _SCOPE.sub("", indicator.replace(" ", ""))
    for syn, iid in _synonyms():
        if s == syn or s.endswith(syn):
            return iid
    return None
