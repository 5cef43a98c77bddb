from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

from govextract.gazetteer import Place, gazetteer
from govextract.rules import rules_dir

ROOT = Path(__file__).resolve().parents[1]


def _one(name: str, within: Place | None = None) -> Place:
    found = gazetteer().lookup(name, within=within)
    assert found, name
    return found[0]


def test_csv_is_generated_with_provenance() -> None:
    path = rules_dir() / "gazetteer.csv"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and "cpca" in first and "build_gazetteer.py" in first
    rows = list(csv.DictReader(line for line in path.open(encoding="utf-8") if not line.startswith("#")))
    assert len(rows) > 3000
    assert all(len(r["adcode"]) == 6 and r["adcode"].isdigit() for r in rows)
    assert {r["level"] for r in rows} == {"province", "city", "county"}
    assert not any(r["name"] in {"市辖区", "县", "省直辖县级行政区划"} for r in rows)


@pytest.mark.skipif(importlib.util.find_spec("cpca") is None, reason="cpca not installed")
def test_csv_matches_build_script() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_gazetteer
    finally:
        sys.path.pop(0)
    built = build_gazetteer.build()
    path = rules_dir() / "gazetteer.csv"
    committed = list(csv.DictReader(line for line in path.open(encoding="utf-8") if not line.startswith("#")))
    assert built == committed


@pytest.mark.parametrize(
    ("name", "adcode", "level"),
    [
        ("海拉尔区", "150702", "county"),
        ("阜平县", "130624", "county"),
        ("七台河市", "230900", "city"),
        ("高阳县", "130628", "county"),
        ("安国市", "130683", "county"),
        ("满城区", "130607", "county"),
        ("伊犁哈萨克自治州", "654000", "city"),
        ("昆明市", "530100", "city"),
        ("广州市", "440100", "city"),
        ("河南省", "410000", "province"),
        ("李沧区", "370213", "county"),
    ],
)
def test_corpus_places_resolve(name: str, adcode: str, level: str) -> None:
    p = _one(name)
    assert (p.adcode, p.level) == (adcode, level)


def test_output_columns_by_level() -> None:
    g = gazetteer()
    lc = g.by_code("370213")
    assert lc is not None and (lc.province, lc.city, lc.district) == ("山东省", "青岛市", "李沧区")
    qth = g.by_code("230900")
    assert qth is not None and (qth.province, qth.city, qth.district) == ("黑龙江省", "七台河市", None)
    hn = g.by_code("410000")
    assert hn is not None and (hn.province, hn.city, hn.district) == ("河南省", None, None)
    # municipality districts: the municipality is their city; 省直辖 units have none
    dc = _one("东城区")
    assert (dc.province, dc.city) == ("北京市", "北京市")
    jy = _one("济源市")
    assert (jy.province, jy.city, jy.level) == ("河南省", None, "county")
    assert _one("仙桃市").city is None


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("李沧区", "李沧"),
        ("青岛市", "青岛"),
        ("山东省", "山东"),
        ("内蒙古自治区", "内蒙古"),
        ("新疆维吾尔自治区", "新疆"),
        ("广西壮族自治区", "广西"),
        ("宁夏回族自治区", "宁夏"),
        ("西藏自治区", "西藏"),
        ("呼伦贝尔市", "呼伦贝尔"),
        ("延边朝鲜族自治州", "延边"),
        ("鄂温克族自治旗", "鄂温克"),
    ],
)
def test_short_forms(full: str, short: str) -> None:
    assert _one(full).short == short
    assert _one(full) in gazetteer().lookup(short)


def test_no_one_character_short_forms() -> None:
    assert _one("城区").short == ""  # 城 alone would be no name
    assert _one("赵县").short == ""


def test_aliases() -> None:
    g = gazetteer()
    assert _one("李沧").adcode == "370213"
    for alias in ("西海岸新区", "青岛西海岸新区", "青岛经济技术开发区"):
        assert _one(alias).adcode == "370211"
    qd = g.by_code("370200")
    assert [p.adcode for p in g.lookup("市南", within=qd)] == ["370202"]
    assert g.lookup("李沧", within=g.by_code("370600")) == []  # not in Yantai
    assert _one("董家口循环经济区").adcode == "370211"  # a functional zone of 黄岛区


def test_later_changes_from_yaml() -> None:
    jm = gazetteer().by_code("370215")
    assert jm is not None and (jm.name, jm.city) == ("即墨区", "青岛市")
    assert gazetteer().by_code("370282") is not None  # the old 即墨市 stays for old reports


def _mentions(text: str, within: str | None = None) -> list[tuple[str, str]]:
    g = gazetteer()
    w = g.by_code(within) if within else None
    return [(text[s:e], p.adcode) for s, e, p in g.find_mentions(text, within=w)]


def test_find_mentions_full_and_short() -> None:
    assert _mentions("山东省青岛市李沧区") == [("山东省", "370000"), ("青岛市", "370200"), ("李沧区", "370213")]
    assert _mentions("青岛李沧集中发布") == [("青岛", "370200"), ("李沧", "370213")]
    # 青岛市南区: the 市 belongs to 市南区
    assert ("市南区", "370202") in _mentions("青岛市南区")


def test_find_mentions_avoids_false_hits() -> None:
    assert _mentions("推动城市南部发展", within="370200") == []
    assert _mentions("市南、崂山等区", within="370200") == [("市南", "370202"), ("崂山", "370212")]
    assert _mentions("李沧构筑产业生态") == []  # a short form alone, no known city
    assert _mentions("推进天水路、唐山路隧道建设") == []  # streets named after cities
    assert _mentions("省法治政府建设示范县") == []  # 范县 inside 示范县
    assert _mentions("京津冀及河北区域") == [("河北", "130000")]
    assert _mentions("主城区和老城区") == []
    assert _mentions("长治市城区") == [("长治市", "140400"), ("城区", "140402")]
    assert _mentions("中山路历史街区") in ([], [("中山路历史城区", "370202")])


def test_resolve_phrase() -> None:
    g = gazetteer()
    assert [p.adcode for p in g.resolve("呼伦贝尔市海拉尔区")][:1] == ["150702"]
    chaoyang = {p.adcode for p in g.resolve("朝阳区")}
    assert {"110105", "220104"} <= chaoyang
    assert [p.adcode for p in g.resolve("长春市朝阳区")] == ["220104"]
