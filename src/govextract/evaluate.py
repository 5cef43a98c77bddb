"""Score extracted claims against hand-annotated gold (ANNOTATION.md).

A prediction matches a gold record when it is from the same document, states the same
number (compared in base units, so 1.3万人 matches 13000 人), and its span in the raw
text overlaps one occurrence of the gold quote. Pairs are assigned one-to-one, greedily
by overlap length. Field accuracy is then measured on the matched pairs only, so a
wrong year is a field error, not a miss plus a false positive.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from govextract.ingest import read_document

REL_TOL = 1e-6
SCALE_PREFIXES: dict[str, float] = {"千万": 1e7, "百万": 1e6, "万": 1e4, "亿": 1e8}
# Fields compared on matched pairs, in report order (indicator_soft is derived).
FIELDS = (
    "indicator",
    "indicator_soft",
    "value",
    "unit",
    "growth_rate",
    "growth_unit",
    "base_year",
    "year",
    "period",
    "claim_type",
    "qualifier",
    "district",
)
_QUOTES = "\"'“”‘’「」『』《》〈〉"
_DASHES = re.compile(r"\s*[—–－‐‑―~～至到]+\s*|\s*-+\s*")


# --------------------------------------------------------------------------- report


@dataclass
class FileScore:
    doc: str
    gold: int  # non-borderline gold records
    predicted: int
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    strict: float | None  # share of matched pairs with every field right
    borderline_gold: int = 0
    borderline_matched: int = 0
    raw_path: str | None = None


@dataclass
class Miss:
    doc: str
    quote: str
    indicator: str | None
    value: float | None
    unit: str | None
    growth_rate: float | None
    reason: str  # "no prediction" or "quote not found in raw text" / "raw file not found"


@dataclass
class FalsePositive:
    doc: str
    text: str  # raw[char_start:char_end], or the evidence when the raw text is unknown
    evidence: str
    value: float | None
    unit: str | None
    growth_rate: float | None
    indicator: str | None
    char_start: int | None
    char_end: int | None


@dataclass
class FieldError:
    doc: str
    quote: str
    field: str
    gold: Any
    predicted: Any


@dataclass
class EvalReport:
    n_gold: int
    n_gold_borderline: int
    n_pred: int
    tp: int
    fp: int
    fn: int
    borderline_matched: int
    precision: float
    recall: float
    f1: float
    strict_tp: int
    strict: float | None
    strict_precision: float
    strict_recall: float
    strict_f1: float
    field_accuracy: dict[str, float | None]
    field_correct: dict[str, int]
    files: list[FileScore]
    misses: list[Miss]
    false_positives: list[FalsePositive]
    field_errors: list[FieldError]
    unscored_docs: list[str]
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- units


@cache
def _units() -> dict[str, dict[str, Any]]:
    from govextract import rules

    return dict(rules.load("units").get("units") or {})


@cache
def _scales() -> dict[str, float]:
    # rules/numbers.yaml may carry the scale prefixes; the four common ones suffice otherwise.
    try:
        from govextract import rules

        scales = (rules.load("numbers") or {}).get("unit_scales")
    except (FileNotFoundError, OSError, AttributeError):
        scales = None
    if isinstance(scales, dict) and scales:
        try:
            return {str(k): float(v) for k, v in scales.items()}
        except (TypeError, ValueError):
            pass
    return dict(SCALE_PREFIXES)


def to_base(value: float, unit: str | None) -> tuple[float, str | None]:
    """`value` in `unit` converted to (value, base unit); unknown units pass through."""
    if not unit:
        return value, unit
    units = _units()
    spec = units.get(unit)
    if spec is not None:
        return value * float(spec.get("factor", 1)), spec.get("base", unit)
    for prefix in sorted(_scales(), key=len, reverse=True):
        rest = unit[len(prefix) :]
        if unit.startswith(prefix) and rest in units:
            spec = units[rest]
            if spec.get("scalable", True) is False:
                continue
            return value * _scales()[prefix] * float(spec.get("factor", 1)), spec.get("base", rest)
    return value, unit


# --------------------------------------------------------------------------- helpers


def _clean(v: Any) -> Any:
    """Parquet/pandas nulls (NaN, NA, NaT) -> None."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _num_eq(a: Any, b: Any) -> bool:
    a, b = _clean(a), _clean(b)
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) + 1e-12


def _int_or_none(v: Any) -> int | None:
    v = _clean(v)
    if v is None or v == "":
        return None
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def _str_or_none(v: Any) -> str | None:
    v = _clean(v)
    if v is None:
        return None
    s = str(v).strip()
    return s or None  # gold writes "" for unitless values; the extractor may write null


def norm_indicator(s: Any) -> str:
    s = _str_or_none(s) or ""
    return "".join(ch for ch in s if not ch.isspace() and ch not in _QUOTES)


def norm_period(s: Any) -> str | None:
    """'1—11月' / '1-11月份' -> '1-11月'; '2021—2023年' -> '2021-2023'."""
    s = _str_or_none(s)
    if s is None:
        return None
    s = _DASHES.sub("-", s.replace(" ", "").replace("　", ""))
    s = s.replace("月份", "月")
    if re.fullmatch(r"\d{4}-\d{4}年?", s):
        s = s.rstrip("年")
    return s


def indicator_overlap_f1(gold: Any, pred: Any) -> float:
    """F1 of the character multisets: tolerant of extra or missing qualifiers."""
    g, p = Counter(norm_indicator(gold)), Counter(norm_indicator(pred))
    common = sum((g & p).values())
    if not common:
        return 0.0
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def read_raw(path: Path, root: Path | None = None) -> str:
    """The raw text the extractor's offsets refer to, decoded by the ingest stage itself."""
    doc = read_document(path, root if root is not None else path.parent)
    if doc.raw_text is None:
        raise ValueError(f"{path}: {doc.error}")
    return doc.raw_text


def find_all(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (possibly overlapping) occurrence of quote in text."""
    spans: list[tuple[int, int]] = []
    if not quote:
        return spans
    i = text.find(quote)
    while i != -1:
        spans.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return spans


# --------------------------------------------------------------------------- loading


@dataclass
class _Gold:
    rec: dict[str, Any]
    origin: str
    borderline: bool
    spans: list[tuple[int, int]] = field(default_factory=list)


def load_gold(gold_dir: Path) -> dict[str, list[_Gold]]:
    """Gold records by doc, merged over every *.jsonl under gold_dir."""
    by_doc: dict[str, list[_Gold]] = defaultdict(list)
    for path in sorted(Path(gold_dir).rglob("*.jsonl")):
        with path.open(encoding="utf-8-sig") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{lineno}: bad JSON: {exc}") from exc
                if not isinstance(rec, dict) or not rec.get("doc") or "quote" not in rec:
                    raise ValueError(f"{path}:{lineno}: record needs 'doc' and 'quote'")
                note = str(rec.get("note") or "").strip().lower()
                by_doc[str(rec["doc"])].append(
                    _Gold(rec, f"{path}:{lineno}", note.startswith("borderline"))
                )
    return dict(by_doc)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _clean(v) for k, v in row.items()} for row in df.to_dict("records")]


def _recorded_root(docs: pd.DataFrame | None, out_dir: Path) -> Path | None:
    """The input directory of the run, if the run wrote it down somewhere."""
    if docs is not None:
        for col in ("input_dir", "raw_dir", "input_root", "root"):
            if col in docs.columns:
                vals = docs[col].dropna().astype(str)
                if len(vals):
                    return Path(vals.iloc[0])
    for js in sorted(out_dir.glob("*.json")):
        try:
            meta = json.loads(js.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict):
            for key in ("input_dir", "raw_dir", "input_root"):
                if isinstance(meta.get(key), str):
                    return Path(meta[key])
    return None


def _locate_raw(
    doc: str, source_paths: list[str], roots: list[Path]
) -> tuple[Path | None, Path | None]:
    """(raw file, root it is relative to) for a doc; root-relative first, then by stem."""
    for sp in source_paths:
        p = Path(sp)
        if p.is_absolute() and p.is_file():
            return p, p.parent
        for root in roots:
            if (root / p).is_file():
                return root / p, root
    for root in roots:
        if root.is_dir():
            hits = sorted(f for f in root.rglob("*") if f.is_file() and f.stem == doc)
            if hits:
                return hits[0], root
    return None, None


# --------------------------------------------------------------------------- matching


def _pred_base(p: dict[str, Any]) -> float | None:
    if p.get("value_base") is not None:
        return float(p["value_base"])
    if p.get("value") is not None:
        return to_base(float(p["value"]), _str_or_none(p.get("unit")))[0]
    return None


def _same_number(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gv = _clean(g.get("value"))
    if gv is not None:
        pb = _pred_base(p)
        return pb is not None and _num_eq(to_base(float(gv), _str_or_none(g.get("unit")))[0], pb)
    gr, pr = _clean(g.get("growth_rate")), p.get("growth_rate")
    return gr is not None and pr is not None and _num_eq(gr, pr)


def _overlap(spans: list[tuple[int, int]], p: dict[str, Any]) -> int:
    s, e = _int_or_none(p.get("char_start")), _int_or_none(p.get("char_end"))
    if s is None or e is None:
        return 0
    return max((min(e, ge) - max(s, gs) for gs, ge in spans), default=0)


def _assign(
    golds: list[_Gold], preds: list[dict[str, Any]], used: set[int]
) -> list[tuple[int, int]]:
    """Greedy one-to-one assignment by overlap length; returns (gold idx, pred idx)."""
    cands: list[tuple[int, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            ov = _overlap(g.spans, p)
            if ov > 0 and _same_number(g.rec, p):
                cands.append((-ov, gi, pi))
    cands.sort()
    pairs: list[tuple[int, int]] = []
    seen_g: set[int] = set()
    for _, gi, pi in cands:
        if gi in seen_g or pi in used:
            continue
        seen_g.add(gi)
        used.add(pi)
        pairs.append((gi, pi))
    return pairs


def compare_fields(g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    """Per-field correctness of one matched pair."""
    return {
        "indicator": norm_indicator(g.get("indicator")) == norm_indicator(p.get("indicator")),
        "indicator_soft": indicator_overlap_f1(g.get("indicator"), p.get("indicator")) >= 0.5,
        "value": _num_eq(g.get("value"), p.get("value")),
        "unit": _str_or_none(g.get("unit")) == _str_or_none(p.get("unit")),
        "growth_rate": _num_eq(g.get("growth_rate"), p.get("growth_rate")),
        "growth_unit": _str_or_none(g.get("growth_unit")) == _str_or_none(p.get("growth_unit")),
        "base_year": _int_or_none(g.get("base_year")) == _int_or_none(p.get("base_year")),
        "year": _int_or_none(g.get("year")) == _int_or_none(p.get("year")),
        "period": norm_period(g.get("period")) == norm_period(p.get("period")),
        "claim_type": _str_or_none(g.get("claim_type")) == _str_or_none(p.get("claim_type")),
        "qualifier": _str_or_none(g.get("qualifier")) == _str_or_none(p.get("qualifier")),
        "district": _str_or_none(g.get("district")) == _place(p),
    }


def _place(p: dict[str, Any]) -> str | None:
    """The unit a claim is about: district, or for a city's / province's own report (whose
    district column is null by the contract) the city or the province."""
    for key in ("district", "city", "province"):
        v = _str_or_none(p.get(key))
        if v:
            return v
    return None


def _is_strict(ok: dict[str, bool]) -> bool:
    return all(v for k, v in ok.items() if k != "indicator")  # indicator by the soft rule


# --------------------------------------------------------------------------- evaluate


def evaluate(gold_dir: Path, out_dir: Path, raw_dir: Path | None = None) -> EvalReport:
    """Score out_dir/claims.parquet against every gold JSONL under gold_dir."""
    gold_dir, out_dir = Path(gold_dir), Path(out_dir)
    claims_path = out_dir / "claims.parquet"
    if not claims_path.is_file():
        raise FileNotFoundError(f"{claims_path} not found: run the extractor first")
    gold = load_gold(gold_dir)
    warnings: list[str] = []
    if not gold:
        warnings.append(f"no gold records under {gold_dir}")

    preds_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in _records(pd.read_parquet(claims_path)):
        preds_by_doc[Path(str(p.get("source_path") or "")).stem].append(p)

    docs_path = out_dir / "documents.parquet"
    docs = pd.read_parquet(docs_path) if docs_path.is_file() else None
    sources: dict[str, list[str]] = defaultdict(list)
    if docs is not None and "source_path" in docs.columns:
        for sp in docs["source_path"].dropna().astype(str).unique():
            sources[Path(sp).stem].append(sp)
    roots = [Path(raw_dir)] if raw_dir is not None else []
    recorded = _recorded_root(docs, out_dir)
    if recorded is not None and recorded not in roots:
        roots.append(recorded)
    for stem, plist in preds_by_doc.items():  # claims carry source_path too
        for sp in dict.fromkeys(str(p["source_path"]) for p in plist if p.get("source_path")):
            if sp not in sources[stem]:
                sources[stem].append(sp)

    files: list[FileScore] = []
    misses: list[Miss] = []
    fps: list[FalsePositive] = []
    field_errors: list[FieldError] = []
    field_correct: Counter[str] = Counter()
    n_matched = strict_tp = 0

    for doc in sorted(gold):
        golds = gold[doc]
        preds = preds_by_doc.get(doc, [])
        raw_path, root = _locate_raw(doc, sources.get(doc, []), roots)
        raw: str | None = None
        if raw_path is None:
            warnings.append(f"{doc}: raw file not found (pass raw_dir); its gold cannot match")
        else:
            raw = read_raw(raw_path, root)
            for g in golds:
                g.spans = find_all(raw, str(g.rec.get("quote") or ""))
                if not g.spans:
                    warnings.append(f"{g.origin}: quote not found in {raw_path.name}")

        # Required gold first, so a borderline record never takes a prediction from one.
        used: set[int] = set()
        req = [i for i, g in enumerate(golds) if not g.borderline]
        opt = [i for i, g in enumerate(golds) if g.borderline]
        pairs = [(req[gi], pi) for gi, pi in _assign([golds[i] for i in req], preds, used)]
        bl_pairs = _assign([golds[i] for i in opt], preds, used)

        tp = len(pairs)
        fn = len(req) - tp
        fp = len(preds) - len(used)
        doc_strict = 0
        for gi, pi in pairs:
            g, p = golds[gi].rec, preds[pi]
            ok = compare_fields(g, p)
            field_correct.update(k for k, v in ok.items() if v)
            if _is_strict(ok):
                doc_strict += 1
            for k, v in ok.items():
                if not v and k != "indicator_soft":
                    field_errors.append(
                        FieldError(doc, str(g.get("quote")), k, _clean(g.get(k)), p.get(k))
                    )
        n_matched += tp
        strict_tp += doc_strict

        matched_g = {gi for gi, _ in pairs}
        for gi in req:
            if gi in matched_g:
                continue
            g = golds[gi]
            if raw is None:
                reason = "raw file not found"
            elif not g.spans:
                reason = "quote not found in raw text"
            elif any(pi not in used and _overlap(g.spans, p) > 0 for pi, p in enumerate(preds)):
                reason = "overlapping prediction, different number"
            else:
                reason = "no prediction"
            misses.append(
                Miss(
                    doc,
                    str(g.rec.get("quote")),
                    _str_or_none(g.rec.get("indicator")),
                    _clean(g.rec.get("value")),
                    _str_or_none(g.rec.get("unit")),
                    _clean(g.rec.get("growth_rate")),
                    reason,
                )
            )
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            s, e = _int_or_none(p.get("char_start")), _int_or_none(p.get("char_end"))
            evidence = str(p.get("evidence") or "")
            text = raw[s:e] if raw is not None and s is not None and e is not None else evidence
            fps.append(
                FalsePositive(
                    doc,
                    text,
                    evidence,
                    p.get("value"),
                    p.get("unit"),
                    p.get("growth_rate"),
                    p.get("indicator"),
                    s,
                    e,
                )
            )
        prec, rec, f1 = _prf(tp, fp, fn)
        files.append(
            FileScore(
                doc=doc,
                gold=len(req),
                predicted=len(preds),
                tp=tp,
                fp=fp,
                fn=fn,
                precision=prec,
                recall=rec,
                f1=f1,
                strict=doc_strict / tp if tp else None,
                borderline_gold=len(opt),
                borderline_matched=len(bl_pairs),
                raw_path=str(raw_path) if raw_path else None,
            )
        )

    tp = sum(f.tp for f in files)
    fp = sum(f.fp for f in files)
    fn = sum(f.fn for f in files)
    prec, rec, f1 = _prf(tp, fp, fn)
    # A match with a wrong field counts as both a false positive and a miss, so strict P
    # and R keep the plain denominators TP+FP and TP+FN.
    sprec, srec, sf1 = _prf(strict_tp, fp + tp - strict_tp, fn + tp - strict_tp)
    return EvalReport(
        n_gold=sum(f.gold for f in files),
        n_gold_borderline=sum(f.borderline_gold for f in files),
        n_pred=sum(f.predicted for f in files),
        tp=tp,
        fp=fp,
        fn=fn,
        borderline_matched=sum(f.borderline_matched for f in files),
        precision=prec,
        recall=rec,
        f1=f1,
        strict_tp=strict_tp,
        strict=strict_tp / n_matched if n_matched else None,
        strict_precision=sprec,
        strict_recall=srec,
        strict_f1=sf1,
        field_accuracy={k: (field_correct[k] / n_matched if n_matched else None) for k in FIELDS},
        field_correct={k: field_correct[k] for k in FIELDS},
        files=files,
        misses=misses,
        false_positives=fps,
        field_errors=field_errors,
        unscored_docs=sorted(d for d in preds_by_doc if d not in gold),
        warnings=warnings,
    )


# --------------------------------------------------------------------------- output


def report_to_dict(report: EvalReport) -> dict[str, Any]:
    """Plain JSON-ready dict of the whole report (lists are not truncated)."""
    return asdict(report)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _short(s: Any, n: int = 60) -> str:
    s = "" if s is None else str(s).replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _more(console: Any, n: int, shown: int, what: str) -> None:
    if n > shown:
        console.print(f"[dim]… {n - shown} more {what} (use --json for all)[/dim]")


def render_report(report: EvalReport, console: Any, max_items: int = 50) -> None:
    """Print the report as rich tables on a rich Console."""
    from rich.table import Table

    r = report
    summary = Table(title="Claims vs gold", show_header=True)
    for col in ("gold", "borderline", "predicted", "TP", "FP", "FN", "P", "R", "F1"):
        summary.add_column(col, justify="right")
    summary.add_column("strict", justify="right")
    summary.add_column("strict F1", justify="right")
    summary.add_row(
        str(r.n_gold),
        f"{r.n_gold_borderline} ({r.borderline_matched} hit)",
        str(r.n_pred),
        str(r.tp),
        str(r.fp),
        str(r.fn),
        _pct(r.precision),
        _pct(r.recall),
        _pct(r.f1),
        _pct(r.strict),
        _pct(r.strict_f1),
    )
    console.print(summary)

    fields = Table(title=f"Field accuracy on {r.tp} matched pairs")
    fields.add_column("field")
    fields.add_column("right", justify="right")
    fields.add_column("accuracy", justify="right")
    for k in FIELDS:
        fields.add_row(k, str(r.field_correct.get(k, 0)), _pct(r.field_accuracy.get(k)))
    console.print(fields)

    per_file = Table(title="Per file")
    per_file.add_column("doc")
    for col in ("gold", "predicted", "TP", "FP", "FN", "P", "R", "F1", "strict"):
        per_file.add_column(col, justify="right")
    for f in r.files:
        per_file.add_row(
            f.doc,
            str(f.gold),
            str(f.predicted),
            str(f.tp),
            str(f.fp),
            str(f.fn),
            _pct(f.precision),
            _pct(f.recall),
            _pct(f.f1),
            _pct(f.strict),
        )
    console.print(per_file)

    if r.misses:
        t = Table(title=f"Misses (gold not matched): {len(r.misses)}")
        for col in ("doc", "quote", "value", "unit", "growth", "why"):
            t.add_column(col)
        for m in r.misses[:max_items]:
            t.add_row(
                m.doc, _short(m.quote), _fmt(m.value), m.unit or "", _fmt(m.growth_rate), m.reason
            )
        console.print(t)
        _more(console, len(r.misses), max_items, "misses")

    if r.false_positives:
        t = Table(title=f"False positives (predicted not matched): {len(r.false_positives)}")
        for col in ("doc", "text", "evidence", "value", "unit", "growth", "indicator"):
            t.add_column(col)
        for p in r.false_positives[:max_items]:
            t.add_row(
                p.doc,
                _short(p.text, 40),
                _short(p.evidence, 50),
                _fmt(p.value),
                p.unit or "",
                _fmt(p.growth_rate),
                _short(p.indicator, 30),
            )
        console.print(t)
        _more(console, len(r.false_positives), max_items, "false positives")

    if r.field_errors:
        t = Table(title=f"Field errors on matched pairs: {len(r.field_errors)}")
        for col in ("doc", "quote", "field", "gold", "predicted"):
            t.add_column(col)
        for e in r.field_errors[:max_items]:
            t.add_row(e.doc, _short(e.quote, 40), e.field, _fmt(e.gold), _fmt(e.predicted))
        console.print(t)
        _more(console, len(r.field_errors), max_items, "field errors")

    if r.unscored_docs:
        console.print(f"[dim]unscored (no gold): {', '.join(r.unscored_docs)}[/dim]")
    for w in r.warnings[:max_items]:
        console.print(f"[yellow]warning:[/yellow] {w}")
