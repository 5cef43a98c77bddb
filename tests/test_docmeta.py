from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from govextract.docmeta import (
    DocMeta,
    infer_metadata,
    infer_page,
    normalize_cn_dates,
    read_manifest,
    split_articles,
)

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
CORPUS = ROOT.parent / "shared" / "corpus"  # CI clones the repo with shared/ beside it
PROVINCES = CORPUS / "provinces"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")  # the 海拉尔区 files are GBK


def _meta(path: Path) -> DocMeta:
    return infer_metadata(_read(path), path.name)


def _place(m: DocMeta) -> tuple:
    return (m.province, m.city, m.district, m.adcode, m.level)


# ---- bundled samples --------------------------------------------------------------
def test_licang_2025() -> None:
    m = _meta(RAW / "shandong_qingdao_licang_2025.txt")
    assert _place(m) == ("山东省", "青岛市", "李沧区", "370213", "county")
    assert (m.report_year, m.meeting_date) == (2025, "2025-01-06")
    assert (m.speaker_office, m.speaker_name) == ("代理区长", "傅跃鑫")
    assert m.speaker == "青岛市李沧区人民政府代理区长 傅跃鑫"
    assert m.title == "(山东省)青岛市李沧区人民政府工作报告(2025年1月6日)"
    assert m.is_report and m.warnings == []


def test_shinan_2022_header_split_across_lines() -> None:
    m = _meta(RAW / "shandong_qingdao_shinan_2022.txt")
    assert _place(m) == ("山东省", "青岛市", "市南区", "370202", "county")
    assert (m.report_year, m.meeting_date) == (2022, "2022-02-24")
    assert m.speaker_name == "刘存东"


def test_xihaian_fragment_inferred() -> None:
    m = _meta(RAW / "shandong_qingdao_xihaian_2023_fragment.txt")
    assert _place(m) == ("山东省", "青岛市", "黄岛区", "370211", "county")
    assert m.report_year == 2023
    assert m.is_report and m.title is None and m.meeting_date is None
    assert any("district inferred" in w for w in m.warnings)
    assert any("report year inferred" in w for w in m.warnings)
    assert "fragment without a title" in m.warnings


def test_laishan_traditional_after_t2s() -> None:
    opencc = pytest.importorskip("opencc")
    text = _read(RAW / "shandong_yantai_laishan_2024_traditional.txt")
    text = re.sub(r"\([a-zü]+[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]?[a-zü]*\)", "", text)  # 區(qū)
    text = opencc.OpenCC("t2s").convert(text)
    m = infer_metadata(text, "shandong_yantai_laishan_2024_traditional.txt")
    assert _place(m) == ("山东省", "烟台市", "莱山区", "370613", "county")
    assert (m.report_year, m.meeting_date) == (2024, "2024-01-29")
    assert (m.speaker_office, m.speaker_name) == ("区长", "蒋海华")


def test_news_page_split_into_articles() -> None:
    text = _read(RAW / "shandong_qingdao_licang_news_2025.txt")
    spans = split_articles(text)
    assert len(spans) == 9
    assert "有想补充的信息" not in text[spans[-1][0] : spans[-1][1]]  # furniture left out
    pages = infer_page(text, "shandong_qingdao_licang_news_2025.txt")
    dates = [m.article_date for _, _, m in pages]
    assert dates[0] == "2025-08-08" and dates[-1] == "2025-07-02"
    assert all(d and d.startswith("2025-") for d in dates)
    assert all(m.adcode == "370213" and m.district == "李沧区" for _, _, m in pages)
    reports = [m for _, _, m in pages if m.is_report]
    assert len(reports) == 1
    rep = reports[0]
    assert rep.title is not None and "2020年青岛市李沧区政府工作报告" in rep.title
    assert (rep.report_year, rep.meeting_date, rep.article_date) == (2020, "2020-01-07", "2025-07-08")
    others = [m for _, _, m in pages if not m.is_report]
    assert all(m.report_year == 2025 for m in others)


def test_single_document_is_one_article() -> None:
    text = _read(RAW / "shandong_qingdao_licang_2025.txt")
    assert split_articles(text) == [(0, len(text))]


# ---- corpus -----------------------------------------------------------------------
@needs_corpus
@pytest.mark.parametrize(
    ("file", "adcode", "level", "year", "city", "district"),
    [
        ("henan_2017.txt", "410000", "province", 2017, None, None),
        ("guangdong_guangzhou_2020.txt", "440100", "city", 2020, "广州市", None),
        ("neimenggu_hulunbeier_hailaer_2016.txt", "150702", "county", 2016, "呼伦贝尔市", "海拉尔区"),
        ("neimenggu_hulunbeier_hailaer_2019.txt", "150702", "county", 2019, "呼伦贝尔市", "海拉尔区"),
        ("heilongjiang_qitaihe_2023.txt", "230900", "city", 2023, "七台河市", None),
        ("hebei_baoding_fuping_2021.txt", "130624", "county", 2021, "保定市", "阜平县"),
        ("hebei_baoding_gaoyang_2018.txt", "130628", "county", 2018, "保定市", "高阳县"),
        ("hebei_baoding_anguo_2022.txt", "130683", "county", 2022, "保定市", "安国市"),
        ("hebei_baoding_mancheng_2020.txt", "130607", "county", 2020, "保定市", "满城区"),
        ("xinjiang_yili_2025.txt", "654000", "city", 2025, "伊犁哈萨克自治州", None),
        ("yunnan_kunming_2012.txt", "530100", "city", 2012, "昆明市", None),
        ("yunnan_2015.txt", "530000", "province", 2015, None, None),
        ("shanxi_2016.txt", "140000", "province", 2016, None, None),
    ],
)
def test_corpus_reports(file: str, adcode: str, level: str, year: int, city: str | None, district: str | None) -> None:
    m = _meta(CORPUS / file)
    assert (m.adcode, m.level, m.report_year, m.city, m.district) == (adcode, level, year, city, district)
    assert m.is_report


@needs_corpus
def test_henan_chinese_numeral_date() -> None:
    m = _meta(CORPUS / "henan_2017.txt")
    assert m.meeting_date == "2017-01-16" and m.province == "河南省"
    assert (m.speaker_office, m.speaker_name) == ("省长", "陈润儿")


@needs_corpus
def test_fuping_web_date_is_not_the_report_year() -> None:
    m = _meta(CORPUS / "hebei_baoding_fuping_2021.txt")  # page says 时间：2023-01-24
    assert (m.report_year, m.meeting_date) == (2021, "2021-02-05")


def test_normalize_cn_dates() -> None:
    assert normalize_cn_dates("二〇一七年一月十六日在") == "2017年1月16日在"
    assert normalize_cn_dates("二0二一年二月五日") == "2021年2月5日"
    assert normalize_cn_dates("二〇〇八年十二月三十一日") == "2008年12月31日"


def test_header_patterns_minimal() -> None:
    text = "政府工作报告\n——2005年1月在甘肃省十届人大三次会议上\n各位代表：\n一、2004年政府工作回顾\n"
    m = infer_metadata(text, "x.txt")
    assert (m.adcode, m.report_year, m.meeting_date) == ("620000", 2005, "2005-01")
    text = "政府工作报告\n在四川省第十一届人民代表大会第五次会议上（2012年1月10日）\n四川省人民政府省长蒋巨峰\n各位代表：\n"
    m = infer_metadata(text, "sichuan_2011.txt")
    assert (m.adcode, m.report_year, m.speaker_office, m.speaker_name) == ("510000", 2012, "省长", "蒋巨峰")


def test_content_year_rules() -> None:
    body = "（上接第二版）全区上下……\n一、2021年工作回顾\n过去一年，黄岛区……西海岸新区……西海岸新区\n"
    m = infer_metadata(body, "fragment.txt")
    assert m.report_year == 2022
    assert any("report year inferred from content" in w for w in m.warnings)
    plan = "2022年，全区生产总值增长5%。西海岸新区、青岛西海岸新区、前湾综保区……2023年，全区要……各位代表，请审议。政府自身建设"
    m = infer_metadata(plan, "page.txt")
    assert (m.adcode, m.report_year) == ("370211", 2023)


# ---- manifests --------------------------------------------------------------------
def test_manifest_overrides(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text(
        "file,district,report_year\nfrag.txt,黄岛区,2023\ncode.txt,,2019\n", encoding="utf-8"
    )
    (tmp_path / "MANIFEST_extra.csv").write_text("file,adcode,report_year\ncode.txt,230900,2019\n", encoding="utf-8")
    rows = read_manifest(tmp_path)
    assert set(rows) == {"frag.txt", "code.txt"}
    text = _read(RAW / "shandong_qingdao_xihaian_2023_fragment.txt")
    m = infer_metadata(text, "frag.txt", rows["frag.txt"])
    assert (m.adcode, m.report_year, m.provenance["place"], m.provenance["report_year"]) == (
        "370211", 2023, "manifest", "manifest"
    )
    assert not any("inferred" in w for w in m.warnings)
    m = infer_metadata(_read(RAW / "shandong_qingdao_licang_2025.txt"), "code.txt", rows["code.txt"])
    assert (m.adcode, m.level, m.report_year) == ("230900", "city", 2019)
    assert any("manifest overrides" in w for w in m.warnings)


@needs_corpus
@pytest.mark.parametrize("file", ["anhui_2002.txt", "sichuan_2017.txt", "shanxi_2008.txt", "jiangsu_2003.txt",
                                  "xizang_2006.txt", "neimenggu_2007.txt", "guangxi_2012.txt", "shaanxi_2014.txt"])
def test_provinces_with_and_without_manifest(file: str) -> None:
    rows = read_manifest(PROVINCES)
    row = rows[file]
    text = _read(PROVINCES / file)
    for m in (infer_metadata(text, file), infer_metadata(text, file, row)):
        assert m.province is not None and m.province.startswith(row["province"])
        assert (m.level, m.city, m.district) == ("province", None, None)
        assert m.report_year == int(row["year_delivered"])


@needs_corpus
def test_all_provinces_without_manifest() -> None:
    rows = read_manifest(PROVINCES)
    with (PROVINCES / "MANIFEST.csv").open(encoding="utf-8") as fh:
        assert len(rows) == sum(1 for _ in csv.DictReader(fh))
    prov_ok = year_ok = 0
    for file, row in rows.items():
        m = infer_metadata(_read(PROVINCES / file), file)
        prov_ok += bool(m.province and m.province.startswith(row["province"]) and m.level == "province")
        year_ok += m.report_year == int(row["year_delivered"])
    assert prov_ok == len(rows)
    assert year_ok >= 0.95 * len(rows)
