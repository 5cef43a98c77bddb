"""Document metadata: whose report, which year, delivered when and by whom.

Texts reaching here are already normalized (simplified Chinese, full-width ASCII folded).
Order of evidence, strongest first:
  manifest row > header (meeting line, title, speaker, front matter)
  > content (review headings, place mentions, self-references such as 全区/我市)
  > the file name (its year only, as a last resort).
Whatever is not read from a header is said so in `warnings`.
Patterns live in rules/docmeta.yaml.
"""

from __future__ import annotations

import csv
import re as _re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import regex

from govextract.gazetteer import LEVELS, Place, gazetteer
from govextract.rules import load


@dataclass
class DocMeta:
    title: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    adcode: str | None = None
    report_year: int | None = None
    meeting_date: str | None = None  # ISO YYYY-MM-DD (YYYY-MM when the header has no day)
    speaker: str | None = None  # the whole speaker line
    speaker_office: str | None = None  # 代理区长
    speaker_name: str | None = None  # 傅跃鑫
    article_date: str | None = None  # for an article of a news page
    is_report: bool = False
    level: str | None = None  # 'province' | 'city' | 'county'
    warnings: list[str] = field(default_factory=list)
    # where each field came from (header / content / manifest / file name), for review
    provenance: dict[str, str] = field(default_factory=dict)

    def set_place(self, place: Place | None) -> None:
        if place is None:
            return
        self.adcode, self.level = place.adcode, place.level
        self.province, self.city, self.district = place.province, place.city, place.district


@cache
def _rules() -> dict[str, Any]:
    r = dict(load("docmeta"))
    m = regex.MULTILINE
    r["_sep"] = regex.compile(r["articles"]["separator"], m)
    r["_date_line"] = regex.compile(r["articles"]["date_line"], m)
    r["_front"] = regex.compile(r["front_matter"], regex.DOTALL)
    r["_titles"] = [regex.compile(p) for p in r["titles"]]
    r["_title"] = regex.compile("|".join(r["titles"]))
    r["_title_key"] = regex.compile(r["title_key"], m)
    r["_title_reject"] = regex.compile(r["title_reject"])
    r["_title_not"] = regex.compile(r["title_not"])
    r["_title_strip"] = regex.compile(r["title_strip"])
    r["_date"] = regex.compile(r["date"])
    r["_cn_date"] = regex.compile(r["cn_date"])
    r["_meeting"] = regex.compile(r["meeting"])
    r["_speaker"] = regex.compile(r["speaker"], m)
    r["_title_date"] = regex.compile(r["title_date_speaker"])
    r["_signals"] = [(s["name"], s["offset"], s["weight"], regex.compile(s["pattern"], m)) for s in r["year_signals"]]
    r["_review_par"] = regex.compile(r["review_paragraph"], m)
    r["_plan_review"] = regex.compile(r["plan_review"])
    r["_fname_year"] = regex.compile(r["filename_year"])
    r["_year_mention"] = regex.compile(r["year_mention"])
    return r


# ---- multi-article pages ---------------------------------------------------------
def split_articles(text: str) -> list[tuple[int, int]]:
    """Offsets of the articles of a news-list page ('-' line, title, body, date line);
    [(0, len(text))] for a single document. Page furniture after the last article's date
    line and before the first separator is left out."""
    r = _rules()
    seps = [m for m in r["_sep"].finditer(text)]
    if len(seps) < r["articles"]["min_articles"]:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    bounds = [m.end() for m in seps] + [len(text)]
    starts = [m.start() for m in seps[1:]] + [len(text)]
    for begin, limit in zip(bounds[:-1], starts, strict=True):
        dates = list(r["_date_line"].finditer(text, begin, limit))
        if not dates:
            continue
        end = dates[-1].end()  # the date line closes the article
        while begin < end and text[begin] in "\r\n":
            begin += 1
        out.append((begin, end))
    return out if len(out) >= r["articles"]["min_articles"] else [(0, len(text))]


# ---- small parsers ---------------------------------------------------------------
def title_line_end(text: str, a_s: int, a_e: int) -> int:
    """End of an article's title line (a short first line with no sentence end), else a_s."""
    r = _rules()
    nl = text.find("\n", a_s, a_e)
    first = text[a_s:nl] if nl > a_s else ""
    return nl if first.strip() and len(first) <= r["title_max_len"] and not r["_title_not"].search(first) else a_s


def _cn_number(s: str, digits: dict[str, int]) -> int:
    if "十" not in s:
        return int("".join(str(digits[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def normalize_cn_dates(text: str) -> str:
    """二〇一七年一月十六日 -> 2017年1月16日 (other text unchanged)."""
    r = _rules()
    digits = {k: int(v) for k, v in r["cn_digits"].items()}

    def rep(m: regex.Match[str]) -> str:
        y = "".join(str(digits[c]) for c in m["y"])
        out = f"{y}年{_cn_number(m['m'], digits)}月"
        return out + (f"{_cn_number(m['d'], digits)}日" if m["d"] else "")

    return r["_cn_date"].sub(rep, text)


def _iso(date_text: str) -> tuple[int, str] | None:
    m = _rules()["_date"].search(date_text)
    if not m:
        return None
    y, mo = int(m["y"]), int(m["m"])
    if not 1 <= mo <= 12:
        return None
    if m["d"]:
        return y, f"{y:04d}-{mo:02d}-{int(m['d']):02d}"
    return y, f"{y:04d}-{mo:02d}"


def _header_region(text: str) -> tuple[str, bool]:
    """(the header text, whether a salutation closes it)."""
    h = _rules()["header"]
    pos = text.find(h["salutation"], 0, h["header_max"])
    if pos >= 0:
        return text[:pos], True
    return text[: h["header_min"]], False


def _find_title(header: str) -> str | None:
    """The first header line matching the strongest title pattern, before the body
    starts (a fragment's running head '政府工作报告' mid-text is no title)."""
    r = _rules()
    lines: list[str] = []
    for line in header.splitlines():
        if len(line.strip()) > r["title_max_len"] * 2:
            break  # body text: anything later is not a title
        lines.append(_clean_line(line))
    for pat in r["_titles"]:
        for c in lines:
            squeezed = _re.sub(r"\s+", "", c) if _re.fullmatch(r"(?:\S\s+){3,}\S", c) else c
            if squeezed and len(squeezed) <= r["title_max_len"] and pat.search(squeezed) and not r["_title_reject"].search(squeezed):
                return squeezed
    return None


def _clean_line(line: str) -> str:
    return _rules()["_title_strip"].sub("", line.replace("**", "")).strip()


# ---- content evidence ------------------------------------------------------------
def _self_level(text: str) -> str | None:
    """The level a text speaks from, by its self-references (全区, 我市, 全省)."""
    words = _rules()["self_words"]
    counts = {lvl: sum(text.count(w) for w in words[lvl]) for lvl in LEVELS}
    # 全区/我区 is also how an autonomous region speaks of itself; 自治区 settles it
    if counts["county"] and text.count("自治区") * 2 >= counts["county"]:
        counts["province"] += counts["county"]
        counts["county"] = 0
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    # weak or split evidence (全省旅游发展大会 in a district report) decides nothing
    if ranked[0][1] >= 3 and ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


def _place_from_content(text: str, level_hint: str | None, within: Place | None) -> Place | None:
    """The unit a text is about: the most mentioned unit of the level it speaks from,
    inside the most mentioned city (and that city's province)."""
    g = gazetteer()
    mentions = g.find_mentions(text, within=within)
    by_level: dict[str, Counter[str]] = {lvl: Counter() for lvl in LEVELS}
    for _, _, p in mentions:
        by_level[p.level][p.adcode] += 1
        if p.level == "county" and p.city:  # a district names its city implicitly
            for c in g.lookup(p.city):
                if c.level == "city" and c.province == p.province:
                    by_level["city"][c.adcode] += 1
    if within is None and by_level["city"]:
        # second pass inside the leading city: short forms (李沧, 西海岸) now count
        city = g.by_code(by_level["city"].most_common(1)[0][0])
        if city is not None:
            return _place_from_content_in(text, level_hint, city, by_level)
    return _pick(by_level, level_hint, within)


def _place_from_content_in(text: str, level_hint: str | None, city: Place, first: dict[str, Counter[str]]) -> Place | None:
    g = gazetteer()
    by_level: dict[str, Counter[str]] = {lvl: Counter() for lvl in LEVELS}
    for _, _, p in g.find_mentions(text, within=city):
        by_level[p.level][p.adcode] += 1
    by_level["city"] = first["city"]
    by_level["province"] = first["province"]
    return _pick(by_level, level_hint, city)


def _pick(by_level: dict[str, Counter[str]], level_hint: str | None, within: Place | None) -> Place | None:
    g = gazetteer()
    top_city = g.by_code(by_level["city"].most_common(1)[0][0]) if by_level["city"] else None
    top_prov = g.by_code(by_level["province"].most_common(1)[0][0]) if by_level["province"] else None
    # 全区/我区 in an autonomous region's own report: the region, not a district
    if level_hint == "county" and top_prov is not None and top_prov.name.endswith("自治区"):
        strongest = max((n for n in by_level["county"].values()), default=0)
        if by_level["province"][top_prov.adcode] > max(strongest, by_level["city"].most_common(1)[0][1] if by_level["city"] else 0):
            level_hint = "province"
    if level_hint == "province":
        return top_prov or (g.parent(top_city) if top_city else None)
    if level_hint == "county" or (level_hint is None and by_level["county"]):
        scope = top_city or within
        counties = [p for c, _ in by_level["county"].most_common() if (p := g.by_code(c)) is not None]
        counties = [p for p in counties if scope is None or p.within(scope)]
        if counties and (level_hint == "county" or by_level["county"][counties[0].adcode] >= 3):
            return counties[0]
    if level_hint in ("city", "county", None) and top_city is not None:
        return top_city
    return top_prov


def _year_from_content(text: str) -> tuple[int, str] | None:
    r = _rules()
    score: Counter[int] = Counter()
    why: dict[int, str] = {}
    for name, offset, weight, pat in r["_signals"]:
        for m in pat.finditer(text):
            y = int(m["y"]) + offset
            score[y] += weight
            why.setdefault(y, f"{name}: {m.group(0).strip()[:30]}")
    for m in r["_plan_review"].finditer(text):
        y = r["plan_periods"][m["plan"]] + 1
        score[y] += 4
        why.setdefault(y, f"plan-period review: {m.group(0)[:30]}")
    sal = text.find(r["header"]["salutation"])
    if sal >= 0:
        window = text[sal : sal + r["review_paragraph_window"]]
        m = r["_review_par"].search(window)
        if m:
            y = int(m["y"]) + 1
            score[y] += 2
            why.setdefault(y, f"opening review paragraph: {m.group(0).strip()[:20]}")
    if not score:
        return None
    best, _ = score.most_common(1)[0]
    return best, why[best]


def _year_from_mentions(text: str) -> int | None:
    """Last resort, from the years a text names (targets like 到2020年 left out): with
    the latest year and the one before both named often, the latest is the plan year;
    with only the latest, it is the year reviewed."""
    years = Counter(int(m["y"]) for m in _rules()["_year_mention"].finditer(text))
    often = [y for y, n in years.items() if n >= 2]
    if not often:
        return max(years) if years else None
    latest = max(often)
    return latest if years.get(latest - 1, 0) >= 2 else latest + 1


# ---- the main entry ----------------------------------------------------------------
def infer_metadata(text: str, source_name: str, manifest_row: dict | None = None) -> DocMeta:
    r = _rules()
    g = gazetteer()
    meta = DocMeta()
    body = text

    # article of a news page: its own date line at the end
    tail = text.rstrip()[-40:]
    dl = list(r["_date_line"].finditer(tail))
    if dl:
        m = dl[-1]
        meta.article_date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"

    front_title = None
    fm = r["_front"].match(text)
    if fm:
        for line in fm["body"].splitlines():
            k, _, v = line.partition(":")
            if k.strip() == "title" and v.strip():
                front_title = v.strip().strip("'\"")
        body = text[fm.end() :]

    header, saluted = _header_region(body)
    if meta.article_date and not saluted:
        header = body[: r["header"]["header_max"]]  # a report inside an article: no line breaks
    flat = normalize_cn_dates(_re.sub(r"[\s\u3000?？*#]+", "", header))

    # title
    title = front_title
    tk = r["_title_key"].search(header)
    if tk:
        title = title or _clean_line(tk["title"])
    if title is None:
        title = _find_title(header)
    if title is None and meta.article_date:
        title = _clean_line(body.lstrip().splitlines()[0]) if body.strip() else None
    meta.title = title

    # meeting line
    header_place: Place | None = None
    title_year: int | None = None
    level_hint: str | None = None
    mm = r["_meeting"].search(flat)
    if mm:
        meta.is_report = True
        if mm["date"] or mm["date2"]:
            d = _iso(mm["date"] or mm["date2"])
            if d:
                meta.report_year, meta.meeting_date = d
                meta.provenance["report_year"] = "header: meeting line"
        if mm["place"]:
            cands = g.resolve(mm["place"])
            if cands:
                header_place = cands[0] if len(cands) == 1 else _disambiguate(cands, body)
                meta.provenance["place"] = f"header: meeting line ({mm['place']})"

    # speaker line
    for line in header.splitlines():
        c = _clean_line(line).replace("?", " ").strip()
        sm = r["_speaker"].match(c)
        if sm:
            meta.speaker = _re.sub(r"\s+", " ", c)
            meta.speaker_office = sm["office"]
            meta.speaker_name = sm["name"]
            level_hint = r["offices"][_re.sub("^(代理|代)", "", sm["office"])]
            if header_place is None and sm["place"]:
                cands = g.resolve(sm["place"])
                if cands:
                    header_place = cands[0] if len(cands) == 1 else _disambiguate(cands, body)
                    meta.provenance["place"] = f"header: speaker line ({sm['place']})"
            break

    # title / front-matter title: place, date, year
    if title:
        t = normalize_cn_dates(title)
        td = r["_title_date"].search(t)
        if td and meta.report_year is None:
            d = _iso(td["date"])
            if d:
                meta.report_year, meta.meeting_date = d
                meta.provenance["report_year"] = "header: date in title"
            if td["name"] and not meta.speaker_name:
                meta.speaker_name = td["name"]
        if header_place is None and r["_title"].search(t):
            place_part = r["_title_date"].sub("", t)
            place_part = _re.sub(r"(?:19|20)\d{2}年", "", place_part)
            cands = g.resolve(place_part)
            if cands:
                header_place = cands[0] if len(cands) == 1 else _disambiguate(cands, body)
                meta.provenance["place"] = "header: title"
        if r["_title"].search(t):
            ty = _re.search(r"((?:19|20)\d{2})年(?!\d{1,2}月)", t)
            if ty:
                # weaker than the body: some sites name a report after the year it reviews
                title_year = int(ty[1])
                meta.is_report = True

    if not meta.is_report:
        markers = sum(1 for w in r["report_markers"] if w in body)
        meta.is_report = markers >= r["report_markers_min"] and not (meta.article_date and markers < 3)

    # the unit: header, else content
    if header_place is not None:
        meta.set_place(header_place)
    else:
        hint = level_hint or _self_level(body)
        place = _place_from_content(body, hint, None)
        if place is not None:
            meta.set_place(place)
            meta.provenance["place"] = "content"
            meta.warnings.append("no header: district inferred from content" if meta.is_report else "district inferred from content")
        else:
            meta.warnings.append("district unknown")

    # the year: header, else content, else the file name
    standalone = meta.is_report or not meta.article_date  # a news article has its date
    if meta.report_year is None and standalone:
        y = _year_from_content(body)
        if y is not None:
            meta.report_year = y[0]
            meta.provenance["report_year"] = f"content: {y[1]}"
            meta.warnings.append("no header: report year inferred from content")
    if title_year is not None:
        if meta.report_year is None:
            meta.report_year = title_year
            meta.provenance["report_year"] = "header: year in title"
        elif meta.provenance.get("report_year", "").startswith("content"):
            if meta.report_year == title_year:
                meta.provenance["report_year"] = "header: year in title (content agrees)"
            else:
                meta.warnings.append(f"title says {title_year}, the text reads as a {meta.report_year} report")
        meta.warnings = [w for w in meta.warnings if w != "no header: report year inferred from content"] if meta.report_year == title_year else meta.warnings
    if meta.report_year is None and meta.article_date and not meta.is_report:
        meta.report_year = int(meta.article_date[:4])
        meta.provenance["report_year"] = "article date"
        meta.warnings.append("not a work report: year taken from the article date")
    if meta.report_year is None:
        fy = r["_fname_year"].search(Path(source_name).stem)
        if fy:
            meta.report_year = int(fy["y"])
            meta.provenance["report_year"] = "file name"
            meta.warnings.append("no header: report year inferred from the file name")
    if meta.report_year is None and standalone:
        y2 = _year_from_mentions(body)
        if y2 is not None:
            meta.report_year = y2
            meta.provenance["report_year"] = "content: years mentioned"
            meta.warnings.append("no header: report year guessed from the years mentioned")

    if meta.title is None and meta.is_report and not mm:
        meta.warnings.append("fragment without a title")

    if manifest_row:
        _apply_manifest(meta, manifest_row)
    return meta


def _disambiguate(cands: list[Place], body: str) -> Place:
    """Of several same-named units (朝阳区 in 北京 and 长春), the one whose city (or
    province) the body mentions most."""
    g = gazetteer()
    counts: Counter[str] = Counter()
    for _, _, p in g.find_mentions(body):
        counts[p.adcode] += 1
    def score(c: Place) -> int:
        par = g.parent(c)
        s = counts[par.adcode] if par else 0
        gp = g.parent(par) if par and par.level == "city" else None
        return s * 10 + (counts[gp.adcode] if gp else 0)
    return max(cands, key=score)


def _apply_manifest(meta: DocMeta, row: dict) -> None:
    """Manifest values override inferred ones; a disagreement is worth a warning."""
    g = gazetteer()
    row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
    place: Place | None = None
    if row.get("adcode"):
        place = g.by_code(row["adcode"])
    if place is None:
        scope: Place | None = None
        for key in ("province", "city", "district"):
            if not row.get(key):
                continue
            cands = g.lookup(row[key], within=scope) or g.resolve(row[key], within=scope)
            if key == "province":
                cands = [c for c in cands if c.level == "province"] or cands
            if cands:
                scope = place = cands[0]
    if place is not None:
        if meta.adcode and meta.adcode != place.adcode:
            meta.warnings.append(f"manifest overrides inferred place {meta.adcode}")
        meta.set_place(place)
        meta.provenance["place"] = "manifest"
        meta.warnings = [w for w in meta.warnings if "district inferred" not in w and w != "district unknown"]
    year = row.get("report_year") or row.get("year_delivered") or row.get("year")
    if year and year.isdigit():
        if meta.report_year and meta.report_year != int(year):
            meta.warnings.append(f"manifest overrides inferred report year {meta.report_year}")
        meta.report_year = int(year)
        meta.provenance["report_year"] = "manifest"
        meta.warnings = [w for w in meta.warnings if "report year" not in w or "manifest" in w]


def infer_page(text: str, source_name: str, manifest_row: dict | None = None) -> list[tuple[int, int, DocMeta]]:
    """Split a page into articles and infer each one's metadata: (start, end, meta)."""
    return [(s, e, infer_metadata(text[s:e], source_name, manifest_row)) for s, e in split_articles(text)]


def read_manifest(input_dir: Path) -> dict[str, dict]:
    """Rows of the optional manifest CSV(s) in `input_dir` (manifest.csv, MANIFEST.csv, ...),
    keyed by file name. Columns: file, and adcode or district (optionally city/province),
    and report_year (year_delivered also accepted)."""
    out: dict[str, dict] = {}
    for path in sorted(Path(input_dir).glob("*.csv")):
        if "manifest" not in path.stem.lower():
            continue
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                name = (row.get("file") or row.get("filename") or "").strip()
                if name:  # several manifests: non-empty values add up
                    merged = out.setdefault(Path(name).name, {})
                    merged.update({k: v for k, v in row.items() if k and (v or "").strip()})
    return out
