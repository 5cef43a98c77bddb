"""China's administrative divisions (GB/T 2260): look-up by name and mentions in text.

The table is rules/gazetteer.csv (generated from cpca's division list by
scripts/build_gazetteer.py); aliases, functional zones, later changes and the word lists
that tame ambiguous names are in rules/gazetteer_aliases.yaml.

How `find_mentions` decides (leftmost, longest match; one scan over the text):
- full names (李沧区, 青岛市, 山东省), aliases (西海岸新区) and functional zones
  (董家口循环经济区) always count, except full names that are ordinary words (城区,
  老城区, 和平区: `needs_parent`), which count only right after their city's name, and
  a full name in 区/县 followed by 域/划/... (河北区域, 县域), which is a word;
- province short forms (山东, 内蒙古) always count;
- city short forms (青岛, 呼伦贝尔) count unless listed in `short_stop` (朝阳, 大庆);
- county short forms (李沧, 市南), weak aliases (西海岸) and stop-listed city short
  forms count only right after their parent's name (青岛李沧), or, when the caller
  says which city the text is about (`within`), if the unit is in that city and the
  next character is not CJK or starts a word of `short_next_ok` (李沧、; 李沧人).
  So 市南 inside 城市南部 (next 部) is no mention even in a Qingdao report.
A span matching several units (吉林 the province and 吉林市) yields one tuple per unit,
narrowed to units related to `within` when some are.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from govextract.rules import load, rules_dir

LEVELS = ("province", "city", "county")
# Kinds of name, strongest first: the order `lookup` returns candidates in.
_KIND_RANK = {"full": 0, "alias": 1, "zone": 2, "short": 3, "weak": 4}


@dataclass(frozen=True)
class Place:
    adcode: str
    name: str
    level: str  # 'province' | 'city' | 'county'
    province: str
    city: str | None  # None for a province, and for 省直辖 county-level units (济源市)
    district: str | None  # the county-level name; None for a city or province
    short: str = ""

    def within(self, other: Place) -> bool:
        """True if self is `other` or lies inside it (by names: later changes keep
        their parent's name but not always its code prefix, e.g. 莱芜区 in 济南市)."""
        if self.adcode == other.adcode:
            return True
        if other.level == "province":
            return self.province == other.province
        if other.level == "city":
            return self.level == "county" and self.city == other.name
        return False

    def related(self, other: Place) -> bool:
        return self.within(other) or other.within(self)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "〇"


class Gazetteer:
    def __init__(self) -> None:
        rules = load("gazetteer_aliases")
        self._places: dict[str, Place] = {}
        self._names: dict[str, list[tuple[Place, str]]] = defaultdict(list)
        with (rules_dir() / "gazetteer.csv").open(encoding="utf-8") as fh:
            rows = [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
        rows += [{k: ("" if v is None else str(v)) for k, v in ch.items()} for ch in rules.get("changes") or []]
        for r in rows:
            level = r["level"]
            place = Place(
                adcode=r["adcode"],
                name=r["name"],
                level=level,
                province=r["province"],
                city=(r["name"] if level == "city" else r["city"] or None) if level != "province" else None,
                district=r["name"] if level == "county" else None,
                short=r.get("short", "") or "",
            )
            self._places[place.adcode] = place
            self._add(place.name, place, "full")
            if place.short:
                self._add(place.short, place, "short")
        for kind, key in (("alias", "aliases"), ("weak", "weak_aliases"), ("zone", "zones")):
            for code, names in (rules.get(key) or {}).items():
                place = self._places[str(code)]
                for name in names or []:
                    self._add(name, place, kind)
        m = rules.get("mentions") or {}
        self._needs_parent: set[str] = set(m.get("needs_parent") or [])
        self._bad_next_full: set[str] = set(m.get("bad_next_after_full") or [])
        self._short_stop: set[str] = set(m.get("short_stop") or [])
        self._bad_next_any: list[str] = list(m.get("bad_next_any") or [])
        self._prov_bad_next: set[str] = set(m.get("province_short_bad_next") or [])
        self._two_prev_ok: set[str] = set(m.get("two_char_prev_ok") or [])
        self._next_words: list[str] = sorted(m.get("short_next_ok") or [], key=len, reverse=True)
        # Lengths of names by their first two characters: the scan tries only these.
        self._lengths: dict[str, list[int]] = defaultdict(list)
        for name in self._names:
            if len(name) >= 2:
                self._lengths[name[:2]].append(len(name))
        for k, v in self._lengths.items():
            self._lengths[k] = sorted(set(v), reverse=True)

    def _add(self, name: str, place: Place, kind: str) -> None:
        entries = self._names[name]
        if not any(p.adcode == place.adcode and k == kind for p, k in entries):
            entries.append((place, kind))

    # ---- look-up -----------------------------------------------------------------
    def by_code(self, adcode: str) -> Place | None:
        return self._places.get(str(adcode).strip()[:6])

    def parent(self, place: Place) -> Place | None:
        """The city of a county (or its province when it has none); a city's province."""
        if place.level == "province":
            return None
        if place.level == "county" and place.city:
            for p, _ in self._names.get(place.city, []):
                if p.level in ("city", "province") and p.province == place.province:
                    return p
        for p, _ in self._names.get(place.province, []):
            if p.level == "province":
                return p
        return None

    def lookup(self, name: str, within: Place | None = None) -> list[Place]:
        """Units called `name` (full name, short form, alias or zone), strongest first;
        `within` (a province or city) keeps only units inside it."""
        entries = sorted(self._names.get(name.strip(), []), key=lambda e: (_KIND_RANK[e[1]], e[0].adcode))
        out: list[Place] = []
        for place, _ in entries:
            if within is not None and not place.within(within):
                continue
            if place not in out:
                out.append(place)
        return out

    def is_full_name(self, name: str) -> bool:
        """`name` is a unit's full name or alias (塔城地区), not only a short form (塔城)."""
        return any(kind in ("full", "alias") for _, kind in self._names.get(name, ()))

    def places(self, level: str | None = None) -> list[Place]:
        return [p for p in self._places.values() if level is None or p.level == level]

    # ---- mentions in running text ------------------------------------------------
    def _parent_names(self, place: Place) -> set[str]:
        parent = self.parent(place)
        out: set[str] = set()
        while parent is not None:
            out.update(n for n in (parent.name, parent.short) if n)
            parent = self.parent(parent) if parent.level == "city" else None
        return out

    def _after_parent(self, text: str, start: int, place: Place) -> bool:
        return any(n and text[max(0, start - len(n)) : start] == n for n in self._parent_names(place))

    def _next_ok(self, text: str, end: int) -> bool:
        if end >= len(text) or not _is_cjk(text[end]):
            return True
        return any(text.startswith(w, end) for w in self._next_words)

    def _accept(self, text: str, start: int, end: int, place: Place, kind: str, within: Place | None) -> bool:
        name = text[start:end]
        if any(text.startswith(w, end) for w in self._bad_next_any):
            return False
        if kind in ("alias", "zone"):
            return True
        if kind == "full":
            if name in self._needs_parent:
                return self._after_parent(text, start, place)
            if name[-1] in "区县" and end < len(text) and text[end] in self._bad_next_full:
                return False
            if len(name) == 2 and start > 0 and _is_cjk(text[start - 1]):
                return text[start - 1] in self._two_prev_ok or self._after_parent(text, start, place)
            return True
        if kind == "short" and place.level == "province":
            return end >= len(text) or text[end] not in self._prov_bad_next
        if kind == "short" and place.level == "city" and name not in self._short_stop:
            return True
        # county short forms, weak aliases, stop-listed city short forms
        if self._after_parent(text, start, place):
            return True
        if name in self._short_stop or within is None or within.level == "province":
            return False
        scope = within if within.level == "city" else self.parent(within)
        return scope is not None and place.within(scope) and self._next_ok(text, end)

    def find_mentions(self, text: str, within: Place | None = None) -> list[tuple[int, int, Place]]:
        """(start, end, place) for every place named in `text`, leftmost-longest."""
        out: list[tuple[int, int, Place]] = []
        i, n = 0, len(text)
        while i < n - 1:
            lengths = self._lengths.get(text[i : i + 2])
            step = 1
            for length in lengths or ():
                if i + length > n:
                    continue
                name = text[i : i + length]
                entries = self._names.get(name)
                if not entries:
                    continue
                ok = [p for p, k in entries if self._accept(text, i, i + length, p, k, within)]
                if not ok:
                    continue
                if within is not None and any(p.related(within) for p in ok):
                    ok = [p for p in ok if p.related(within)]
                end = i + length
                # 青岛市南区: the 市 is shared with 市南区; give it to the county
                if name.endswith("市") and any(p.level == "city" for p in ok):
                    county = self._county_at(text, end - 1, [p for p in ok if p.level == "city"])
                    if county is not None:
                        end -= 1
                seen: set[str] = set()
                for p in ok:
                    if p.adcode not in seen:
                        seen.add(p.adcode)
                        out.append((i, end, p))
                step = end - i
                break
            i += step
        return out

    def _county_at(self, text: str, pos: int, cities: list[Place]) -> Place | None:
        for length in self._lengths.get(text[pos : pos + 2], ()):
            for p, kind in self._names.get(text[pos : pos + length], []):
                if kind == "full" and p.level == "county" and any(p.within(c) for c in cities):
                    return p
        return None

    def resolve(self, phrase: str, within: Place | None = None) -> list[Place]:
        """The units a place phrase (山东省青岛市李沧区, 市南区) can denote, most specific
        first: every mention must fit the others (李沧区 inside 青岛市)."""
        mentions = self.find_mentions(phrase, within=within)
        if not mentions:
            return []
        spans: dict[int, list[Place]] = defaultdict(list)
        for s, _, p in mentions:
            spans[s].append(p)
        last = max(spans)
        cands = spans.pop(last)
        # each earlier span must name something containing the candidate
        fit = [c for c in cands if all(any(c.within(o) for o in ps) for ps in spans.values())]
        fit = fit or cands
        if within is not None and any(c.within(within) for c in fit):
            fit = [c for c in fit if c.within(within)]
        return sorted(fit, key=lambda p: LEVELS.index(p.level), reverse=True)


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once: the CSV and YAML are read on first use)."""
    return Gazetteer()
