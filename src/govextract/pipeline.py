"""The pipeline: ingest -> normalize -> segment -> extract -> validate -> write.

`process_file` runs every stage but the write for one input file and returns plain
dicts (cheap to send back from worker processes); `run` does a whole input directory,
in parallel when asked, and writes the Parquet files. Output does not depend on the
number of workers: files are processed and written in sorted order.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
from pydantic import TypeAdapter, ValidationError

from govextract import context as ctxmod
from govextract import docmeta, extract, segment
from govextract.indicators import indicator_id
from govextract.ingest import iter_input_files, read_document
from govextract.models import Claim, Document, Reject
from govextract.normalize import furniture_spans, normalize
from govextract.write import CLAIMS_SCHEMA, DOCUMENTS_SCHEMA, REJECTS_SCHEMA, to_table, write_table

_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_MIN_HAN_SHARE = 0.2


def _han_share(text: str) -> float:
    sample = "".join(text[:4000].split())  # the head decides; the whole text costs
    return len(_NOT_HAN.sub("", sample)) / len(sample) if sample else 0.0


@dataclass
class FileResult:
    source_path: str
    documents: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each for stderr


@dataclass
class RunSummary:
    n_files: int = 0
    n_documents: int = 0
    n_claims: int = 0
    n_rejects: int = 0
    n_warnings: int = 0
    errors: list[str] = field(default_factory=list)


_CLAIMS = TypeAdapter(list[Claim])


def _doc_id(source_path: str, article: int | None) -> str:
    stem = str(Path(source_path).with_suffix(""))
    return stem if article is None else f"{stem}#{article:02d}"


def _claim_id(doc_id: str, c: dict[str, Any]) -> str:
    key = f"{doc_id}|{c['char_start']}|{c['char_end']}|{c.get('value')}|{c.get('growth_rate')}|{c['indicator']}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def process_file(path: Path, root: Path, manifest: dict[str, dict] | None = None) -> FileResult:
    raw = read_document(path, root)
    res = FileResult(raw.source_path)
    base_doc = {
        "source_path": raw.source_path,
        "sha256": raw.sha256,
        "encoding": raw.encoding,
    }
    if raw.error or raw.body is None or raw.raw_text is None:
        reason = raw.error or "no text"
        res.errors.append(f"{raw.source_path}: {reason}")
        doc = Document(doc_id=_doc_id(raw.source_path, None), warnings=[*raw.warnings, reason], **base_doc)
        res.documents.append(doc.model_dump())
        return res
    norm = normalize(raw.body)
    mapped = norm.mapped
    text = mapped.text
    raw_text = raw.raw_text
    if _han_share(text) < _MIN_HAN_SHARE:
        # decodable, but not Chinese text (garbage read as some single-byte code page)
        reason = "holds no report text (almost no Chinese characters)"
        res.errors.append(f"{raw.source_path}: {reason}")
        doc = Document(doc_id=_doc_id(raw.source_path, None), warnings=[*raw.warnings, reason], n_chars=len(raw_text), **base_doc)
        res.documents.append(doc.model_dump())
        return res
    skip = furniture_spans(text)
    articles = docmeta.split_articles(text)
    multi = len(articles) > 1
    mrow = (manifest or {}).get(path.name) or (manifest or {}).get(raw.source_path)
    for a_idx, (a_s, a_e) in enumerate(articles):
        art = text[a_s:a_e]
        # a manifest's report year is the page's; each article of a news page keeps its own
        row = {k: v for k, v in mrow.items() if k not in ("report_year", "year_delivered")} if (mrow and multi) else mrow
        meta = docmeta.infer_metadata(art, path.name, row)
        doc_id = _doc_id(raw.source_path, a_idx if multi else None)
        warnings = list(raw.warnings) + list(norm.warnings) + list(meta.warnings)
        if not meta.is_report and not multi:
            warnings.append("no report header found")
        ds, de = mapped.raw_span(a_s, a_e) if a_e > a_s else (0, 0)
        claims, rejects = _claims_of_article(
            text, a_s, a_e, mapped, raw_text, skip, meta, doc_id, raw.source_path
        )
        res.claims.extend(claims)
        res.rejects.extend(rejects)
        doc = Document(
            doc_id=doc_id,
            title=meta.title or getattr(raw, "title", None),
            province=meta.province,
            city=meta.city,
            district=meta.district,
            adcode=meta.adcode,
            report_year=meta.report_year,
            meeting_date=meta.meeting_date if meta.is_report else None,
            article_date=getattr(meta, "article_date", None),
            speaker=meta.speaker,
            article_index=a_idx if multi else None,
            char_start=ds,
            char_end=de,
            n_chars=de - ds,
            n_claims=len(claims),
            warnings=warnings,
            **base_doc,
        )
        res.documents.append(doc.model_dump())
    return res


def _claims_of_article(
    text: str,
    a_s: int,
    a_e: int,
    mapped: Any,
    raw_text: str,
    skip: list[tuple[int, int]],
    meta: Any,
    doc_id: str,
    source_path: str,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    is_report = bool(meta.is_report)
    article_year = None
    if getattr(meta, "article_date", None):
        article_year = int(str(meta.article_date)[:4])
    initial = "preamble"
    secs = segment.sections(text, a_s, a_e, initial, meta.report_year)
    if is_report and any("fragment" in w or "no header" in w for w in meta.warnings):
        first = secs[0].end if secs and secs[0].kind == "preamble" else a_s
        initial = segment.leaning_kind(text[a_s:first])  # a fragment: what its opening leans to
        secs = segment.sections(text, a_s, a_e, initial, meta.report_year)
    claims: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    seen: set[tuple[int, int, float | None, float | None, str]] = set()  # (…, indicator: A、B均增长8% spans both)
    pending: list[tuple[dict[str, Any], Any]] = []
    meeting_month = int(meta.meeting_date[5:7]) if meta.meeting_date and len(meta.meeting_date) >= 7 else None
    title_end = docmeta.title_line_end(text, a_s, a_e)
    in_title: set[int] = set()  # pending rows whose figure stands in the title line
    for sec in secs:
        if sec.kind == "glossary":
            continue
        carried: str | None = None  # a cue that holds to the 。 (预计…；…)
        goal: int | None = None  # a goal year that holds in the paragraph (到2010年，…)
        last_end = sec.start
        for sent in segment.sentences(text, sec, skip):
            if text.find("\n", last_end, sent.start) >= 0:
                goal = None  # a new paragraph
            last_end = sent.end
            goal_here, goal = ctxmod.goal_year(sent.text, goal, meta.report_year if is_report else None)
            goes_on = sent.after_semicolon or ctxmod.carries_into(sent.text)  # …；or 。其中…
            carried = (carried if goes_on else None) or ctxmod.carried_type(sent.text)
            carried_here = carried if goes_on else None  # only the parts after its ；, or a 。其中… sentence
            started: dict[int, int | None] = {}  # undated starting levels' years, by where the figure they change to stands
            for cand in extract.extract_sentence(sent.text):
                # (a share, a rate or a gap in points is no flow to sum over years; one with a
                # growth from a whole term is read, like one without, at its own figure)
                flow = cand.value is not None and cand.unit not in ("%", "‰", "") and cand.unit_base != "百分点"
                term_total = flow and cand.growth_rate is not None and ctxmod.compared_with_term(sent.text[cand.num_start:cand.end])
                flow = flow and (cand.growth_rate is None or term_total)
                ctx = ctxmod.claim_context(
                    sent.text,
                    cand.end if cand.growth_rate is not None and not term_total else cand.num_start,
                    sec.kind,
                    meta.report_year,
                    is_report,
                    article_year,
                    flow=flow,
                    meeting_month=meeting_month,
                    carried=carried_here,
                    growth_pos=cand.extra.get("growth_at"),
                    term_total=term_total,
                    unit_base=cand.unit_base,
                    goal=goal_here,
                )
                ns, ne = sent.start + cand.start, sent.start + cand.end
                rs, re_ = mapped.raw_span(ns, ne)
                key = (rs, re_, cand.value, cand.growth_rate, cand.indicator)
                if key in seen:
                    continue
                seen.add(key)
                es, ee = mapped.raw_span(sent.start, sent.end)
                dated = cand.extra.get("dated")
                if cand.extra.get("from_start"):
                    # 由346.7亿元|增加到…: the actual level the change starts from
                    dated = ctxmod.start_year(
                        sec.kind, ctx.year, ctx.claim_type, meta.report_year,
                        sent.text[:cand.num_start], cand.extra["from_words"], cand.extra["change"],
                    )
                    started[cand.extra["to_at"]] = dated
                elif cand.growth_rate is not None and cand.base_year is None and (at := cand.extra.get("from_start_at")) in started:
                    cand.base_year = started[at]  # …增加到1034.5亿元，增长2倍: from that level
                row: dict[str, Any] = {
                    "doc_id": doc_id,
                    "source_path": source_path,
                    "province": meta.province,
                    "city": meta.city,
                    "district": meta.district,
                    "adcode": meta.adcode,
                    "report_year": meta.report_year,
                    # a figure dated at a base year (比2000年的1570亿元) is that year's actual level
                    "year": dated or (ctx.year - cand.extra.get("years_back", 0) if ctx.year else ctx.year),
                    # a list over periods (一季度、上半年…分别增长…) names each claim's own
                    "period": None if dated else cand.extra.get("period", ctx.period),
                    # (a growth said as the base of this year's is last year's result)
                    "claim_type": "actual" if dated or cand.extra.get("years_back") else ctx.claim_type,
                    "indicator": cand.indicator,
                    "indicator_id": indicator_id(cand.indicator),
                    "value": cand.value,
                    "unit": cand.unit,
                    "value_base": cand.value_base,
                    "unit_base": cand.unit_base,
                    "growth_rate": cand.growth_rate,
                    "growth_unit": cand.growth_unit,
                    "base_year": cand.base_year,
                    "qualifier": cand.qualifier,
                    "evidence": raw_text[es:ee],
                    "char_start": rs,
                    "char_end": re_,
                    "rule": cand.rule,
                    "value_text": cand.value_text,
                    "section": sec.kind,
                }
                row["claim_id"] = _claim_id(doc_id, row)
                if ns < title_end:
                    in_title.add(len(pending))
                pending.append((row, cand))
    if in_title:
        # 青岛李沧集中发布617个固定资产投资项目库: a headline's figure the body tells again is the body's
        def said(row: dict[str, Any]) -> tuple[Any, ...]:
            return row["value"], row["unit"], row["growth_rate"]

        told = {said(row) for k, (row, _) in enumerate(pending) if k not in in_title}
        pending = [p for k, p in enumerate(pending) if k not in in_title or said(p[0]) not in told]
    # one validation call for the article; a failure sends each row through on its own
    try:
        valid: list[Claim] | None = _CLAIMS.validate_python([row for row, _ in pending])
    except ValidationError:
        valid = None
    for k, (row, cand) in enumerate(pending):
        if valid is not None:
            claim = valid[k]
        else:
            try:
                claim = Claim.model_validate(row)
            except ValidationError as e:
                reason = "; ".join(err["msg"] for err in e.errors())
                rejects.append(
                    Reject(
                        doc_id=doc_id,
                        source_path=source_path,
                        reason=reason,
                        evidence=row["evidence"],
                        char_start=row["char_start"],
                        char_end=row["char_end"],
                        rule=cand.rule,
                        candidate=json.dumps(row, ensure_ascii=False, default=str),
                    ).model_dump()
                )
                continue
        out = dict(claim.__dict__)  # a flat model: its fields, cheaper than model_dump
        out["place"] = meta.district or meta.city or meta.province
        out["value_max"] = cand.value_max
        out["growth_rate_max"] = cand.growth_rate_max
        claims.append(out)
    return claims, rejects


@dataclass
class _Packed:
    """The result of one file, or of a run of files, as Arrow tables: columns pickle far
    cheaper than dicts do, and the conversion runs in the worker, not in the parent."""

    errors: list[str]
    claims: pa.Table
    documents: pa.Table
    rejects: pa.Table
    n_warnings: int
    n_files: int = 1


def _process_safely(path: str, root: str, manifest: dict | None) -> FileResult:
    try:
        return process_file(Path(path), Path(root), manifest)
    except Exception as e:  # a bug on one file must not stop the run
        rel = os.path.relpath(path, root)
        res = FileResult(rel)
        res.errors.append(f"{rel}: internal error: {type(e).__name__}: {e}")
        sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        res.documents.append(
            Document(doc_id=_doc_id(rel, None), source_path=rel, sha256=sha, warnings=[f"internal error: {e}"]).model_dump()
        )
        return res


def _work_chunk(chunk: list[tuple[str, str, dict | None]]) -> _Packed:
    """Several files in one go: one result to pickle per chunk instead of per file."""
    parts = [_work(j) for j in chunk]
    return _Packed(
        errors=[e for p in parts for e in p.errors],
        claims=pa.concat_tables([p.claims for p in parts]),
        documents=pa.concat_tables([p.documents for p in parts]),
        rejects=pa.concat_tables([p.rejects for p in parts]),
        n_warnings=sum(p.n_warnings for p in parts),
        n_files=len(parts),
    )


def _work(args: tuple[str, str, dict | None]) -> _Packed:
    res = _process_safely(*args)
    return _Packed(
        errors=res.errors,
        claims=to_table(res.claims, CLAIMS_SCHEMA),
        documents=to_table(res.documents, DOCUMENTS_SCHEMA),
        rejects=to_table(res.rejects, REJECTS_SCHEMA),
        n_warnings=sum(len(d.get("warnings") or []) for d in res.documents),
    )


def run(
    input_dir: Path,
    out_dir: Path,
    workers: int = 1,
    progress: bool = False,
    on_error: Callable[[str], None] | None = None,
) -> RunSummary:
    input_dir = Path(input_dir)
    out_dir = Path(out_dir)
    files = iter_input_files(input_dir)
    manifest = docmeta.read_manifest(input_dir)
    jobs = [(str(p), str(input_dir), manifest) for p in files]
    summary = RunSummary(n_files=len(files))
    tables: dict[str, list[pa.Table]] = {"claims": [], "documents": [], "rejects": []}
    report = on_error or (lambda line: print(line, file=sys.stderr))

    def consume(res: _Packed) -> None:
        tables["claims"].append(res.claims)
        tables["documents"].append(res.documents)
        tables["rejects"].append(res.rejects)
        summary.n_warnings += res.n_warnings
        for line in res.errors:
            summary.errors.append(line)
            report(line)

    results = _map(jobs, workers)
    if progress and files:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("extracting", total=len(files))
            for res in results:
                consume(res)
                bar.advance(task, res.n_files)
    else:
        for res in results:
            consume(res)
    for name, schema in (("claims", CLAIMS_SCHEMA), ("documents", DOCUMENTS_SCHEMA), ("rejects", REJECTS_SCHEMA)):
        table = pa.concat_tables(tables[name]) if tables[name] else schema.empty_table()
        write_table(table, schema, out_dir / f"{name}.parquet")
        setattr(summary, f"n_{name}", table.num_rows)
    (out_dir / "run.json").write_text(
        json.dumps({"input_dir": str(input_dir.resolve()), "files": len(files)}, ensure_ascii=False),
        encoding="utf-8",
    )
    return summary


def _map(jobs: list[tuple[str, str, dict | None]], workers: int) -> Iterator[_Packed]:
    if workers <= 1 or len(jobs) <= 1:
        yield from (_work(j) for j in jobs)
        return
    # The parent does the first file itself: that loads the rules and compiles every
    # pattern once, and forked workers inherit them instead of each paying ~1 s again.
    yield _work(jobs[0])
    rest = jobs[1:]
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork") if sys.platform == "linux" and "fork" in methods else None
    size = max(1, len(rest) // (workers * 16))  # small enough that no worker idles long at the end
    chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as ex:
        # map keeps input order, so output is the same as with one worker
        yield from ex.map(_work_chunk, chunks)
