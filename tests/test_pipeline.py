"""End-to-end: data/raw through the pipeline, bad input, parallel runs, atomic writes."""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import RAW_DIR, SPEC_CLAIM_COLUMNS, RunOutput

from govextract.normalize import converter
from govextract.pipeline import run
from govextract.write import CLAIMS_SCHEMA

LICANG = "shandong_qingdao_licang_2025"
NEWS = "shandong_qingdao_licang_news_2025"
SHINAN = "shandong_qingdao_shinan_2022.txt"
XIHAIAN = "shandong_qingdao_xihaian_2023_fragment"
LAISHAN = "shandong_yantai_laishan_2024_traditional"


def _simplify(s: str) -> str:
    return converter()[1](unicodedata.normalize("NFKC", s))


def _num(x: float) -> str:
    return f"{abs(x):g}"


def _shows_number(span: str, row: Any) -> bool:
    """The raw span shows the number as written (value_text), or the growth number."""
    simple = _simplify(span)  # value_text is simplified; traditional inputs are not
    if isinstance(row.value_text, str) and row.value_text:
        return row.value_text in span or row.value_text in simple
    return _num(row.growth_rate) in simple


def _one(df: pd.DataFrame, **kw: Any) -> pd.Series:
    m = pd.Series(True, index=df.index)
    for k, v in kw.items():
        m &= df[k] == v
    hits = df[m]
    assert len(hits) == 1, f"{len(hits)} rows for {kw}"
    return hits.iloc[0]


# --------------------------------------------------------------------------- schema, ids


def test_claims_schema(raw_run: RunOutput) -> None:
    schema = pq.read_schema(raw_run.out_dir / "claims.parquet")
    for col in SPEC_CLAIM_COLUMNS:
        assert col in schema.names, col
    for f in CLAIMS_SCHEMA:
        assert schema.field(f.name).type == f.type, f.name
    assert len(raw_run.claims) == raw_run.summary.n_claims > 0
    assert raw_run.errors == []


def test_claim_id_unique_and_stable(raw_run: RunOutput, raw_run_parallel: RunOutput) -> None:
    ids = raw_run.claims.claim_id
    assert ids.is_unique
    # a second run (in worker processes, so no shared hash seed) gives the same ids
    assert ids.tolist() == raw_run_parallel.claims.claim_id.tolist()


def test_parallel_output_identical(raw_run: RunOutput, raw_run_parallel: RunOutput) -> None:
    pd.testing.assert_frame_equal(raw_run.claims, raw_run_parallel.claims)
    pd.testing.assert_frame_equal(raw_run.documents, raw_run_parallel.documents)


# --------------------------------------------------------------------------- offsets


def test_every_span_shows_its_number_and_evidence(raw_run: RunOutput) -> None:
    claims = raw_run.claims
    raws = {sp: raw_run.raw_text(sp) for sp in claims.source_path.unique()}
    bad = []
    for r in claims.itertuples():
        raw = raws[r.source_path]
        span = raw[r.char_start : r.char_end]
        if not (0 <= r.char_start < r.char_end <= len(raw)) or not _shows_number(span, r):
            bad.append((r.source_path, r.char_start, span, r.value_text, r.growth_rate))
        if r.evidence not in raw:
            bad.append((r.source_path, "evidence", r.evidence))
    assert bad == []


# --------------------------------------------------------------------------- known rows


def test_licang_gdp_row(raw_run: RunOutput) -> None:
    c = raw_run.claims
    r = _one(c, doc_id=LICANG, indicator="全区生产总值", value=518.9)
    expected = {
        "unit": "亿元", "value_base": 5.189e10, "unit_base": "元", "growth_rate": 5.3,
        "growth_unit": "%", "year": 2024, "period": "前三季度", "claim_type": "actual",
        "district": "李沧区", "adcode": "370213", "province": "山东省", "city": "青岛市",
        "report_year": 2025,
    }  # fmt: skip
    got = {k: r[k] for k in expected}
    assert math.isclose(got.pop("value_base"), expected.pop("value_base"))
    assert got == expected


def test_licang_growth_and_split_rows(raw_run: RunOutput) -> None:
    c = raw_run.claims
    lc = c[c.doc_id == LICANG]
    assert _one(lc, indicator="全区治安警情").growth_rate == -13
    assert _one(lc, indicator="限上餐饮业营业额").growth_rate == 34
    assert _one(lc, indicator="限上住宿业营业额").growth_rate == 24.7
    assert _one(lc, value=145.0).unit == "个"
    assert _one(lc, value=475.3).unit == "亿元"
    # 亿元 inside 过亿元项目 is part of the name, not a value
    assert lc[(lc.value == 1) & (lc.unit == "亿元")].empty


def test_traditional_laishan(raw_run: RunOutput) -> None:
    c = raw_run.claims
    ls = c[c.doc_id == LAISHAN]
    assert len(ls) > 50
    assert set(ls.district) == {"莱山区"}
    assert set(ls.adcode) == {"370613"}
    assert set(ls.report_year) == {2024}
    assert all(_simplify(i) == i for i in ls.indicator), "indicators must be simplified"
    assert _one(ls, indicator="地区生产总值", value=500.0).unit == "亿元"


def test_xihaian_fragment(raw_run: RunOutput) -> None:
    c, d = raw_run.claims, raw_run.documents
    xc = c[c.doc_id == XIHAIAN]
    assert len(xc) > 0
    assert set(xc.district) == {"黄岛区"}
    assert set(xc.adcode) == {"370211"}
    assert set(xc.report_year) == {2023}
    doc = _one(d, doc_id=XIHAIAN)
    assert any("inferred" in w for w in doc.warnings), list(doc.warnings)


def test_documents_rows(raw_run: RunOutput) -> None:
    d = raw_run.documents
    raw = (RAW_DIR / f"{NEWS}.txt").read_text(encoding="utf-8")
    # articles of the news page are separated by lines holding a lone '-'
    n_articles = sum(1 for line in raw.splitlines() if line.strip() == "-")
    assert n_articles == 9  # counted by eye
    news = d[d.source_path == f"{NEWS}.txt"]
    assert len(news) == n_articles
    others = d[d.source_path != f"{NEWS}.txt"]
    assert sorted(others.source_path) == sorted(
        p.name for p in RAW_DIR.iterdir() if p.name != f"{NEWS}.txt"
    )
    assert len(d) == raw_run.summary.n_documents == 4 + n_articles
    assert d.doc_id.is_unique
    assert _one(d, title="【李沧区招商】2020年青岛市李沧区政府工作报告").report_year == 2020
    # n_claims agrees with claims.parquet
    counts = raw_run.claims.doc_id.value_counts()
    for r in d.itertuples():
        assert r.n_claims == counts.get(r.doc_id, 0), r.doc_id


def test_no_claims_from_glossary(raw_run: RunOutput) -> None:
    raw = raw_run.raw_text(SHINAN)
    cut = raw.find("名词解释")
    assert cut > 0
    c = raw_run.claims
    assert (c[c.source_path == SHINAN].char_start < cut).all()


def test_a_headline_figure_the_body_repeats_is_one_claim(raw_run: RunOutput) -> None:
    """青岛李沧集中发布617个固定资产投资项目库 heads an article whose body tells the 617
    again: one claim, the body's; the glossary of the report pasted into the page gives none
    (blind audit, Licang news)."""
    raw = raw_run.raw_text(f"{NEWS}.txt")
    c = raw_run.claims
    news = c[c.source_path == f"{NEWS}.txt"]
    head = raw.find("青岛李沧集中发布617个")
    body = raw.find("涵盖617个固定资产投资项目")
    assert 0 < head < body
    got = news[news.value == 617]
    # the one claim's span ends on the body's 617个 (涵盖617个), not the headline's
    assert len(got) == 1 and got.char_end.iloc[0] == body + len("涵盖617个")
    assert raw[got.char_start.iloc[0]:got.char_end.iloc[0]] == "青岛李沧区集中发布涵盖617个"
    assert not (news.char_start > raw.find("名词解释")).any()


# --------------------------------------------------------------------------- bad input

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
UNDECODABLE = b"\xc0\xc1\xf5\xff\x98\x81" * 100  # valid in no codec we know


def _gb_excerpt() -> str:
    text = (RAW_DIR / f"{LICANG}.txt").read_text(encoding="utf-8")
    return text[: text.rfind("\n", 0, 3000) + 1]


def _bad_dir(root: Path, with_good: bool = True) -> Path:
    d = root / "in"
    d.mkdir()
    if with_good:
        (d / f"{LICANG}.txt").write_bytes((RAW_DIR / f"{LICANG}.txt").read_bytes())
        (d / "licang_gb.txt").write_bytes(_gb_excerpt().encode("gb18030"))
    (d / "empty.txt").write_bytes(b"")
    (d / "image.txt").write_bytes(PNG)
    (d / "garbage.txt").write_bytes(UNDECODABLE)
    return d


BAD = {"empty.txt": "empty", "image.txt": "binary", "garbage.txt": "undecodable"}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> RunOutput:
    root = tmp_path_factory.mktemp("bad")
    errors: list[str] = []
    d = _bad_dir(root)
    summary = run(d, root / "out", on_error=errors.append)
    return RunOutput(d, root / "out", summary, errors)


def test_bad_files_reported_and_run_goes_on(bad_run: RunOutput) -> None:
    assert bad_run.summary.n_files == 5
    assert len(bad_run.errors) == len(BAD) == len(bad_run.summary.errors)
    for name, reason in BAD.items():
        lines = [e for e in bad_run.errors if name in e]
        assert len(lines) == 1 and reason in lines[0], (name, bad_run.errors)
    d = bad_run.documents
    for name, reason in BAD.items():
        row = _one(d, source_path=name)
        assert any(reason in w for w in row.warnings), (name, list(row.warnings))
        assert row.n_claims == 0
    c = bad_run.claims
    assert (c.source_path == f"{LICANG}.txt").sum() > 50  # the good file is still read


def test_gb18030_offsets(bad_run: RunOutput) -> None:
    d = bad_run.documents
    assert _one(d, source_path="licang_gb.txt").encoding.replace("-", "").lower() == "gb18030"
    raw = bad_run.raw_text("licang_gb.txt")
    c = bad_run.claims
    gb = c[c.source_path == "licang_gb.txt"]
    assert len(gb) > 20
    for r in gb.itertuples():
        assert _shows_number(raw[r.char_start : r.char_end], r), r
        assert r.evidence in raw
    # the excerpt is a prefix of the UTF-8 file: same character offsets, same claims
    key = ["char_start", "char_end", "indicator", "value", "growth_rate"]
    full = c[c.source_path == f"{LICANG}.txt"][key]
    merged = gb[key].merge(full, on=key, how="left", indicator=True)
    assert (merged["_merge"] == "both").all()


def test_bad_files_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = _bad_dir(tmp_path, with_good=False)
    summary = run(d, tmp_path / "out")
    err = capsys.readouterr().err.splitlines()
    assert len(err) == len(BAD) == len(summary.errors)
    for name, reason in BAD.items():
        assert sum(name in line and reason in line for line in err) == 1, (name, err)


def test_file_without_report_is_reported(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "noise.txt").write_bytes(b"report \x80\xff\xfe\x80 " * 300)
    errors: list[str] = []
    run(d, tmp_path / "out", on_error=errors.append)
    assert len(errors) == 1 and "noise.txt" in errors[0] and "no report text" in errors[0]
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert len(docs) == 1 and any("no report text" in w for w in docs.iloc[0]["warnings"])


# --------------------------------------------------------------------------- atomic write


def test_atomic_write_keeps_previous_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "licang_excerpt.txt").write_text(_gb_excerpt(), encoding="utf-8")
    out = tmp_path / "out"
    run(src, out)
    before = (out / "claims.parquet").read_bytes()
    assert len(pd.read_parquet(out / "claims.parquet")) > 0
    real = pq.write_table

    def crashing(table: Any, where: Any, *a: Any, **kw: Any) -> None:
        if "claims" in str(where):
            Path(where).write_bytes(b"PAR1 half a file")
            raise OSError("disk full")
        real(table, where, *a, **kw)

    monkeypatch.setattr(pq, "write_table", crashing)
    (src / "licang_excerpt.txt").write_text(_gb_excerpt()[:500], encoding="utf-8")
    with pytest.raises(OSError, match="disk full"):
        run(src, out)
    assert (out / "claims.parquet").read_bytes() == before
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".")]
    assert leftovers == []


def _claims_of(tmp_path: Path, report: str) -> pd.DataFrame:
    """The claims a run makes of one report text."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "report.txt").write_text(report, encoding="utf-8")
    run(d, tmp_path / "out")
    return pd.read_parquet(tmp_path / "out" / "claims.parquet")


def _report_head(year: int, congress: str, session: str, place: str = "某省") -> str:
    """The title and meeting line a report opens with (2011年某省政府工作报告, ——2011年1月20日在
    某省第十一届人民代表大会第四次会议上)."""
    return f"{year}年{place}政府工作报告\n\n——{year}年1月20日在{place}第{congress}届人民代表大会第{session}次会议上\n\n"


def _nan_none(x: Any) -> Any:
    return None if pd.isna(x) else x


def _by_figure(c: pd.DataFrame, *fields: str) -> dict[tuple[Any, Any], tuple[Any, ...]]:
    """{(value, growth_rate): (the fields asked for)} of a run's claims, NaN read as None."""
    return {
        (_nan_none(r.value), _nan_none(r.growth_rate)): tuple(_nan_none(getattr(r, f)) for f in fields)
        for r in c.itertuples()
    }


def test_dated_figures_end_to_end(tmp_path: Path) -> None:
    """A base figure is of its own year; a date without a year is dated by the meeting."""
    c = _claims_of(
        tmp_path,
        "2020年广州市政府工作报告\n\n——2020年6月6日在广州市第十五届人民代表大会第五次会议上\n\n"
        "一、2019年工作回顾\n\n"
        "地方一般预算收入4516亿元，增长23.8%，是2005年1807亿元的2.5倍。"
        "截止6月1日，全市累计报告确诊病例512例。\n\n"
        "新冠肺炎疫情发生后，我们强化防疫物资生产保障，日产口罩提升到3100万个。\n\n"
        "二、2020年工作安排\n\n"
        "力争地方税收达到5000亿元，比2015年的3000亿元增长66%。\n",
    )
    got = _by_figure(c, "year", "period", "base_year", "claim_type")
    assert got == {
        (4516.0, 23.8): (2019, None, None, "actual"),
        (1807.0, None): (2005, None, None, "actual"),  # the base figure is a level of 2005
        (None, 2.5): (2019, None, 2005, "actual"),
        (512.0, None): (2020, "截止6月1日", None, "actual"),  # a June meeting: this year's 6月1日
        (3100.0, None): (2020, None, None, "actual"),  # a paragraph on the running year
        (5000.0, 66.0): (2020, None, 2015, "target"),
        (3000.0, None): (2015, None, None, "actual"),  # a base figure in the plan is no target
    }


def test_a_listed_levels_growths_are_dated_by_the_words_before_them(tmp_path: Path) -> None:
    """…分别达17699元和5624元，五年年均增长9.7%和7.5%: each level joined to its growth is
    年均, the second too (blind audit, Guangdong 2008: only the first, or none, was)."""
    c = _claims_of(
        tmp_path,
        "2008年广东省政府工作报告\n\n一、过去五年工作回顾\n\n"
        "城乡居民人均可支配收入分别达17699元和5624元，五年年均增长9.7%和7.5%。\n\n"
        "二、2008年工作安排\n\n地区生产总值增长9%。\n",
    )
    got = _by_figure(c, "indicator", "year", "period")
    assert len(c) == len(got)  # (no record hides behind a duplicate key)
    assert got == {
        (17699.0, 9.7): ("城镇居民人均可支配收入", 2007, "年均"),
        (5624.0, 7.5): ("农村居民人均可支配收入", 2007, "年均"),
        (None, 9.0): ("地区生产总值", 2008, None),
    }


def test_starting_levels_end_to_end(tmp_path: Path) -> None:
    """A level a change starts from with no year of its own (由346.7亿元增加到…) is an actual
    level: of the term's start in a five-year review, a term before where the change is said
    to span years (年均), a year before otherwise, last year's in a plan; a plan term's end or
    an earlier dated start in the sentence dates it. A growth after the figure it changes
    to runs from it (blind audit, Anhui 2008)."""
    c = _claims_of(
        tmp_path,
        "2008年安徽省政府工作报告\n\n——2008年1月20日在安徽省第十一届人民代表大会第一次会议上\n\n"
        "一、抢抓机遇，开拓奋进的五年\n\n"
        "财政收入由346.7亿元增加到1034.5亿元，增长2倍。"
        "城镇居民人均可支配收入由“九五”期末的5524.5元提高到8786元。"
        "比重由2002年的19.4%上升为28.2%，林果总面积由274万亩扩大到582万亩。\n\n"
        "二、2007年工作回顾\n\n"
        "城镇化率由38.7%提高到40.5%。全省生产总值由7360.9亿元增加到7364亿元，年均增长13.2%。\n\n"
        "三、2008年工作安排\n\n"
        "新型农村合作医疗筹资水平由每人每年50元提高到100元。\n",
    )
    got = _by_figure(c, "year", "period", "base_year", "claim_type")
    assert len(c) == len(got)
    assert got == {
        (346.7, None): (2002, None, None, "actual"),
        (1034.5, 2.0): (2007, None, 2002, "actual"),
        (5524.5, None): (2000, None, None, "actual"),
        (8786.0, None): (2007, None, None, "actual"),
        (19.4, None): (2002, None, None, "actual"),
        (28.2, None): (2007, None, None, "actual"),
        (274.0, None): (2002, None, None, "actual"),
        (582.0, None): (2007, None, None, "actual"),
        (38.7, None): (2006, None, None, "actual"),
        (40.5, None): (2007, None, None, "actual"),
        (7360.9, None): (2002, None, None, "actual"),
        (7364.0, 13.2): (2007, "年均", 2002, "actual"),
        (50.0, None): (2007, None, None, "actual"),
        (100.0, None): (2008, None, None, "target"),
    }


def test_flows_compared_with_a_whole_term_are_totals(tmp_path: Path) -> None:
    """In a five-year review a flow compared with a whole term or the five years before
    (比“九五”时期, 比上个五年) is a five-year total with its growth too; one compared with a
    term's end (比“九五”末) is not, nor is a gap in points."""
    c = _claims_of(
        tmp_path,
        _report_head(2006, "十", "四") +
        "一、“十五”时期工作回顾\n\n"
        "五年实际利用外资51.9亿美元，比“九五”时期增长13.4%。"
        "累计投入“三农”资金475.8亿元，比上个五年增长2.4倍。"
        "出口120亿美元，比“九五”末增长50%。"
        "国内生产总值年均增长11%，高于全国2.7个百分点。"
        "省财政对欠发达地区累计转移支付513亿元，比前五年增长1.8倍。"
        "五年转移农村劳动力1974万人，年劳务收入1316亿元，比“九五”时期增长20%。\n",
    )
    got = _by_figure(c, "year", "period")
    assert len(c) == len(got)  # (no record hides behind a duplicate key)
    assert got == {
        (51.9, 13.4): (2005, "五年累计"),
        (475.8, 2.4): (2005, "五年累计"),
        (120.0, 50.0): (2005, None),
        (None, 11.0): (2005, "年均"),
        # (a gap in points is no flow to sum over the term)
        (2.7, None): (2005, None),
        # (欠发达 holds 达 but says no level; blind audit round 18, Zhejiang 2008)
        (513.0, 1.8): (2005, "五年累计"),
        # (review) a year's amount (年劳务收入) is no total, compared with a term or not
        (1974.0, None): (2005, "五年累计"),
        (1316.0, 20.0): (2005, None),
    }


def test_one_figure_said_of_each_name_keeps_every_name(tmp_path: Path) -> None:
    """A、B均增长8%: both claims span the same words and figure; the run keeps both (it had
    dropped all but the first as a repeat; blind audit round 18, Hailaer 2016)."""
    c = _claims_of(
        tmp_path,
        _report_head(2016, "十四", "五", place="某区") +
        "一、2016年工作安排\n\n城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%。\n",
    )
    assert sorted(zip(c.indicator, c.growth_rate, c.claim_type, strict=True)) == [
        ("农村常住居民人均可支配收入", 8.0, "target"),
        ("城镇常住居民人均可支配收入", 8.0, "target"),
    ]


def test_growth_said_as_a_base_is_of_the_year_before(tmp_path: Path) -> None:
    """在上年增长18%的基础上再增长14.8%: the 18% is the year before last year's; a goal kept
    within last year's rise (控制在去年实际涨幅4.8%以内) stays the plan year's."""
    c = _claims_of(
        tmp_path,
        _report_head(2016, "十二", "四") +
        "一、2015年工作回顾\n\n哈尔滨机场旅客吞吐量在上年增长18%的基础上再增长14.8%。\n\n"
        "二、2016年工作安排\n\n居民消费价格涨幅控制在去年实际涨幅4.8%以内。"
        "全省生产总值力争在上年增长7%的基础上再增长7.5%。\n",
    )
    got = {r.growth_rate: (r.indicator, r.year, r.claim_type) for r in c.itertuples()}
    assert len(c) == len(got)  # (no record hides behind a duplicate key)
    assert got == {
        18.0: ("哈尔滨机场旅客吞吐量", 2014, "actual"),
        14.8: ("哈尔滨机场旅客吞吐量", 2015, "actual"),
        4.8: ("居民消费价格涨幅控制在去年", 2016, "target"),
        # (review) the base said in the plan is last year's result
        7.0: ("全省生产总值", 2015, "actual"),
        7.5: ("全省生产总值", 2016, "target"),
    }


def test_starting_levels_dated_by_their_own_words(tmp_path: Path) -> None:
    """A start's own words or the sentence date it (由“八五”期末的, 由上年的, an earlier
    由2005年的); 年均 counts only in the figure it changes to; a goal's start is last year's;
    按2000年不变价 is a price base; a growth after another figure is no growth from the start."""
    c = _claims_of(
        tmp_path,
        "2008年安徽省政府工作报告\n\n——2008年1月20日在安徽省第十一届人民代表大会第一次会议上\n\n"
        "一、抢抓机遇，开拓奋进的五年\n\n"
        "普通高校在校生数由“八五”期末的3.7万人增加到12.2万人。"
        "人均收入由上年的8000元增加到9000元。"
        "国内生产总值由4638亿元增加到7670亿元，其中2007年比上年增长12.3%。\n\n"
        "二、2007年工作回顾\n\n"
        "比重由2005年的19.4%上升为28.2%，林果总面积由274万亩扩大到582万亩。"
        "贷款余额由500亿元增加到800亿元，城镇化率年均提高1个百分点。\n\n"
        "三、今后五年的目标\n\n"
        "到2012年，全省生产总值由7360亿元增加到15000亿元，年均增长12%。\n\n"
        "四、2008年工作安排\n\n"
        "万元生产总值能耗按2000年不变价计算由1.88吨标准煤下降到1.80吨标准煤。\n",
    )
    got = _by_figure(c, "year", "base_year", "claim_type")
    assert len(c) == len(got)
    assert got == {
        (3.7, None): (1995, None, "actual"),
        (12.2, None): (2007, None, "actual"),
        (8000.0, None): (2006, None, "actual"),
        (9000.0, None): (2007, None, "actual"),
        (4638.0, None): (2002, None, "actual"),
        (7670.0, None): (2007, None, "actual"),
        (None, 12.3): (2007, None, "actual"),
        (19.4, None): (2005, None, "actual"),
        (28.2, None): (2007, None, "actual"),
        (274.0, None): (2005, None, "actual"),
        (582.0, None): (2007, None, "actual"),
        (500.0, None): (2006, None, "actual"),
        (800.0, None): (2007, None, "actual"),
        (None, 1.0): (2007, None, "actual"),
        (7360.0, None): (2007, None, "actual"),
        (15000.0, 12.0): (2012, 2007, "target"),
        (1.88, None): (2007, None, "actual"),
        (1.8, None): (2008, None, "target"),
    }


def test_estimate_cue_holds_to_the_full_stop(tmp_path: Path) -> None:
    """预计 opening a sentence makes every part after its ；an estimate, up to the 。."""
    c = _claims_of(
        tmp_path,
        "2012年昆明市政府工作报告\n\n——2012年1月11日在昆明市第十三届人民代表大会第一次会议上\n\n"
        "一、2011年工作回顾\n\n"
        "预计完成地区生产总值2500亿元，增长14%以上；地方财政一般预算收入317.69亿元，增长25.2%；"
        "农民人均纯收入达6900元，实际增长13.1%。城镇新增就业5.6万人；城镇登记失业率3.9%。"
        "预计全省国内生产总值达到390亿元，比上年增长12.1%。其中第一产业增长3.8%，第二产业增长16.4%。\n",
    )
    got = _by_figure(c, "year", "claim_type")
    assert len(got) == len(c)
    assert got == {
        (2500.0, 14.0): (2011, "estimate"),
        (317.69, 25.2): (2011, "estimate"),
        (6900.0, 13.1): (2011, "estimate"),
        # a new 。-sentence without the cue: actual again, past its ；too
        (5.6, None): (2011, "actual"),
        (3.9, None): (2011, "actual"),
        (390.0, 12.1): (2011, "estimate"),
        # ...but a 。-sentence opening with 其中 breaks the estimate down (blind audit, Qinghai 2004)
        (None, 3.8): (2011, "estimate"),
        (None, 16.4): (2011, "estimate"),
    }


def test_this_years_targets_under_a_heading_that_tells_no_kind(tmp_path: Path) -> None:
    """Province reports often title their parts with slogans. The targets announced under a
    heading read as the review (二、应对挑战、化危为机) are this year's targets; a later
    slogan heading whose words are a plan's goes on as the plan."""
    c = _claims_of(
        tmp_path,
        "2009年云南省政府工作报告\n\n——2009年1月15日在云南省第十一届人民代表大会第二次会议上\n\n"
        "一、攻坚克难、真抓实干，经济社会发展取得新成绩\n\n"
        "过去一年，全省生产总值达到5700亿元，增长10.6%。\n\n"
        "二、应对挑战、化危为机，努力保持经济社会平稳较快发展\n\n"
        "去年以来，国际金融危机影响加深。\n\n"
        "综合考虑国内外形势，今年全省经济社会发展的主要预期目标建议为：生产总值增长9%，"
        "全社会固定资产投资增长20%以上。\n\n"
        "三、突出重点、锐意进取\n\n"
        "要加快推进工业化，力争规模以上工业增加值增长10%，确保完成任务，着力扩大内需，"
        "积极推进改革，进一步加强管理，坚持稳中求进。\n",
    )
    assert len(c) == 4  # no claim hides behind a duplicate key below
    got = _by_figure(c, "year", "claim_type", "section")
    assert got == {
        (5700.0, 10.6): (2008, "actual", "review"),
        (None, 9.0): (2009, "target", "plan"),
        (None, 20.0): (2009, "target", "plan"),
        (None, 10.0): (2009, "target", "plan"),
    }


def test_a_change_said_over_five_years_is_a_five_year_total(tmp_path: Path) -> None:
    """五年下降/5年提高 states the change's span: 五年累计 (blind audit round 19, Shanxi 2016);
    a streak (连续5年增长) states none, and the level before its change keeps no period."""
    c = _claims_of(
        tmp_path,
        _report_head(2016, "十二", "四") +
        "一、“十二五”时期工作回顾\n\n"
        "煤矿百万吨死亡率5年下降57.98%。"
        "城镇化率达到53.2%，五年提高8.5个百分点。"
        "粮食产量连续5年增长4%。\n",
    )
    assert len(c) == 4
    got = _by_figure(c, "year", "period")
    assert got == {
        (None, -57.98): (2015, "五年累计"),
        (53.2, None): (2015, None),
        (None, 8.5): (2015, "五年累计"),
        (None, 4.0): (2015, None),
    }


def test_sector_ratios_and_starts_across_a_comma_are_dated(tmp_path: Path) -> None:
    """A three-sector ratio after a year (转为2007年的…) is that year's; a start dated by 由…年
    dates only itself, also when a comma stands before the words of change (round 19)."""
    c = _claims_of(
        tmp_path,
        _report_head(2008, "十一", "一") +
        "一、过去五年工作回顾\n\n"
        "三次产业结构由2002年的14.9∶45.6∶39.5转为2007年的11.5∶49.7∶38.8。"
        "农业增加值由2002年的13.2亿元，增加到20.5亿元。\n",
    )
    assert len(c) == 8
    v = _nan_none
    got = {(r.indicator, v(r.value)): r.year for r in c.itertuples()}
    assert got == {
        ("第一产业比重", 14.9): 2002,
        ("第二产业比重", 45.6): 2002,
        ("第三产业比重", 39.5): 2002,
        ("第一产业比重", 11.5): 2007,
        ("第二产业比重", 49.7): 2007,
        ("第三产业比重", 38.8): 2007,
        ("农业增加值", 13.2): 2002,
        ("农业增加值", 20.5): 2007,
    }


def test_money_summed_in_a_five_year_review_is_a_total(tmp_path: Path) -> None:
    """In a five-year review money said 累计达 is a five-year total with no five years named,
    a count so said a running total; 累计下降 is the term's change (round 20, Shandong 2011)."""
    c = _claims_of(
        tmp_path,
        _report_head(2011, "十一", "四") +
        "一、“十一五”时期工作回顾\n\n"
        "财政对民生投入累计达到7004.5亿元。新开通航线累计达到60条。"
        "二氧化硫排放量累计下降20%。\n\n"
        "二、2011年工作\n\n今年二氧化硫排放量累计下降3%。\n",
    )
    assert len(c) == 4
    got = _by_figure(c, "year", "period")
    assert got == {
        (7004.5, None): (2010, "五年累计"),
        (60.0, None): (2010, None),
        (None, -20.0): (2010, "五年累计"),
        (None, -3.0): (2011, None),
    }


def test_a_figure_of_last_year_in_a_five_year_review_is_no_total(tmp_path: Path) -> None:
    """去年…/近两年… in a five-year review names less than the term: no 五年累计, unless five
    years are named after it (round 20, Shandong 2011)."""
    c = _claims_of(
        tmp_path,
        _report_head(2011, "十一", "四") +
        "一、“十一五”时期工作回顾\n\n"
        "近两年启动了8546个重大项目建设。"
        "去年专利申请量突破2万件，五年获国家科学技术奖项150项。"
        "新建农村公路4.1万公里。\n",
    )
    assert len(c) == 4
    v = _nan_none
    got = {v(r.value): (r.year, v(r.period)) for r in c.itertuples()}
    assert got == {
        8546.0: (2010, None),
        2.0: (2010, None),
        150.0: (2010, "五年累计"),
        4.1: (2010, "五年累计"),
    }


def test_cumulative_changes_and_sums_keep_a_period_or_year_named(tmp_path: Path) -> None:
    """(review) 累计增长 is the term's change only when no period, year or other span is named:
    1-11月, 2010年, “十一五”期间, 去年, …以来 keep theirs; money summed since an origin is no
    five-year total."""
    c = _claims_of(
        tmp_path,
        _report_head(2011, "十一", "四") +
        "一、“十一五”时期工作回顾\n\n"
        "2010年1-11月，全省规模以上工业增加值累计增长18%。"
        "2010年全省进出口总额累计增长30%。"
        "“十一五”期间，能耗累计下降20%。"
        "去年全省社会消费品零售总额累计增长18%。"
        "改革开放以来全省实际利用外资累计达到500亿美元。"
        "去年启动第二个五年行动计划，新增造林面积120万亩。\n",
    )
    v = _nan_none
    got = sorted((r.indicator, v(r.value), v(r.growth_rate), r.year, v(r.period)) for r in c.itertuples())
    assert got == sorted([
        ("全省规模以上工业增加值", None, 18.0, 2010, "1-11月"),
        ("全省进出口总额", None, 30.0, 2010, None),
        ("能耗", None, -20.0, 2010, "十一五"),
        ("全省社会消费品零售总额", None, 18.0, 2010, None),
        ("改革开放以来全省实际利用外资", 500.0, None, 2010, None),
        ("新增造林面积", 120.0, None, 2010, None),
    ])


def test_a_goal_year_holds_in_the_goals_said_after_it(tmp_path: Path) -> None:
    """到2010年，… opening a sentence dates the goals said after it in its paragraph (人均GDP达到
    27000元。外商直接投资年均增长12%以上), also in a review part (blind audit round 21, Liaoning
    2004). An achievement (已…) takes none; a time of its own (去年…), a sentence of another
    kind or a new paragraph ends it; a goal only referred to (按照到2007年…的目标) or a year
    before the report's opens none. In a five-year plan a carried flow is the term's."""
    c = _claims_of(
        tmp_path,
        _report_head(2004, "十", "二") +
        "一、2003年工作回顾\n\n"
        "到2010年，全省GDP达到11800亿元，年均增长10%以上；人均GDP达到27000元。"
        "外商直接投资年均增长12%以上。外贸出口已达到50亿美元。去年粮食产量达到300亿斤。"
        "地方财政收入增长16%。\n\n"
        "到2010年，全省公路达到6万公里。以7个农产品加工行业为重点，不断壮大农产品加工业。"
        "城镇居民人均可支配收入达到7241元。\n\n"
        "到2010年，全省电话用户达到3000万户。\n\n"
        "农民人均纯收入达到2690元。\n\n"
        "到2000年，全省铁路达到8500公里。农村公路达到8000公里。\n\n"
        "按照到2007年全省高速公路总里程达到2000公里的目标，抓紧建设。城市道路达到600公里。\n\n"
        "二、今后五年的主要任务\n\n"
        "到2008年，全省生产总值达到9000亿元。电力装机新增1000万千瓦。\n",
    )
    got = _by_figure(c, "year", "period", "claim_type")
    assert len(c) == len(got)
    assert got == {
        (11800.0, 10.0): (2010, "年均", "target"),
        (27000.0, None): (2010, None, "target"),
        (None, 12.0): (2010, "年均", "target"),
        # (an achievement takes no goal; a time of its own ends it)
        (50.0, None): (2003, None, "actual"),
        (300.0, None): (2003, None, "actual"),
        (None, 16.0): (2003, None, "actual"),
        (6.0, None): (2010, None, "target"),
        # (a sentence of another kind ends it, and it holds no more after)
        (7.0, None): (2003, None, "actual"),
        (7241.0, None): (2003, None, "actual"),
        (3000.0, None): (2010, None, "target"),
        # (a new paragraph ends it)
        (2690.0, None): (2003, None, "actual"),
        # (a year before the report's opens none)
        (8500.0, None): (2000, None, "actual"),
        (8000.0, None): (2003, None, "actual"),
        # (guards: a goal only referred to)
        (2000.0, None): (2007, None, "target"),
        (600.0, None): (2003, None, "actual"),
        (9000.0, None): (2008, None, "target"),
        (1000.0, None): (2008, "今后五年", "target"),
    }
