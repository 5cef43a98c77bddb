"""govextract.numbers by example: each behaviour is a table of inputs and exact results."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from govextract.numbers import NumberSpan, Quantity, parse_numbers, parse_quantities

ROOT = Path(__file__).resolve().parents[1]


def numbers(text: str) -> list[tuple[str, float]]:
    return [(n.text, n.value) for n in parse_numbers(text)]


def quantities(text: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.unit) for q in parse_quantities(text)]


def approx(rows: list[tuple]) -> list[tuple]:
    return [tuple(pytest.approx(x) if isinstance(x, float) else x for x in r) for r in rows]


ARABIC = [
    ("518.9", [("518.9", 518.9)]),
    ("1,234.5", [("1,234.5", 1234.5)]),
    ("1，234", [("1，234", 1234.0)]),
    ("1,050,000,000", [("1,050,000,000", 1.05e9)]),
    ("１２３．５", [("１２３．５", 123.5)]),
    ("1, 234", [("1", 1.0), ("234", 234.0)]),  # a comma and a space separate numbers
    ("1,2345", [("1", 1.0), ("2345", 2345.0)]),
    ("增长-5%", [("-5", -5.0)]),
    ("1-11月", [("1", 1.0), ("11", 11.0)]),  # a dash between numbers is no sign
    ("5  -3", [("5", 5.0), ("3", 3.0)]),  # ... nor with spaces around it
    ("2025年 - 2026年", [("2025", 2025.0), ("2026", 2026.0)]),
    ("下降 -3.5", [("-3.5", -3.5)]),  # after a word it is one
    ("1.23.4", [("1", 1.0), ("23", 23.0), ("4", 4.0)]),
    ("1,234.5.6", [("1,234", 1234.0), ("5", 5.0), ("6", 6.0)]),
    ("负1.1", [("负1.1", -1.1)]),
    (".5", [(".5", 0.5)]),
    ("1.2.3", [("1", 1.0), ("2", 2.0), ("3", 3.0)]),
    ("12345热线", [("12345", 12345.0)]),  # never split inside a run of digits
]

SCALED = [
    ("2.6万", [("2.6万", 2.6e4)]),
    ("518.9亿", [("518.9亿", 518.9e8)]),
    ("1.2万亿", [("1.2万亿", 1.2e12)]),
    ("3千", [("3千", 3000.0)]),
    ("10万万", [("10万万", 1e9)]),
    ("3万4000", [("3万4000", 34000.0)]),
    ("25万6千", [("25万6千", 256000.0)]),
    ("1000  万", [("1000  万", 1e7)]),
    ("500余万", [("500余万", 5e6)]),
    ("1万2024年", [("1万", 1e4), ("2024", 2024.0)]),  # a year after 万 is no digit group
]

CHINESE = [
    ("两", [("两", 2.0)]),
    ("三百", [("三百", 300.0)]),
    ("一万二", [("一万二", 12000.0)]),
    ("百亿", [("百亿", 1e10)]),
    ("千万", [("千万", 1e7)]),
    ("十五", [("十五", 15.0)]),
    ("二十五万", [("二十五万", 250000.0)]),
    ("三点五", [("三点五", 3.5)]),
    ("零点五", [("零点五", 0.5)]),
    ("一百零八", [("一百零八", 108.0)]),
    ("两千四百五", [("两千四百五", 2450.0)]),
    ("一万五千亿", [("一万五千亿", 1.5e12)]),
    ("四亿五千六百四十二万零一十五", [("四亿五千六百四十二万零一十五", 456420015.0)]),
    ("一百零十万", [("一百零十万", 1.1e6)]),
    ("两千三点一", [("两千三点一", 2300.1)]),
    ("肆佰陆拾", [("肆佰陆拾", 460.0)]),
    ("十余万", [("十余万", 1e5)]),
    ("一点两小时", [("一", 1.0), ("两", 2.0)]),  # 两 is no decimal digit
    ("第七届", [("七", 7.0)]),  # ordinals are reported; filtering is not this module's job
    ("五十千", [("五十", 50.0)]),
]

DIGITS = [
    ("二〇二四年", [("二〇二四", 2024.0)]),
    ("二零二四年", [("二零二四", 2024.0)]),
    ("二○二三年", [("二○二三", 2023.0)]),
    ("一九九一年", [("一九九一", 1991.0)]),
]

FRACTIONS = [
    ("三分之一", [("三分之一", 1 / 3)]),
    ("1/70", [("1/70", 1 / 70)]),
    ("百分之三十", [("百分之三十", 0.3)]),
    ("十分之一", [("十分之一", 0.1)]),
    ("三百五十又三分之一", [("三百五十又三分之一", 350 + 1 / 3)]),
    ("2024/1/15", [("2024", 2024.0), ("1", 1.0), ("15", 15.0)]),  # a date, no fraction
]

NO_NUMBER = [
    "亿元以上",
    "亿",
    "万",
    "万万",
    "十几个",
    "数十家",
    "几百人",
    "二十几万",
    "二三十个",
    "十四五",
    "五一",
    "两两",
    "一切",
    "一般公共预算",
    "进一步",
    "汽车及零部件工业园",
    "零距离服务",
    "四川",
    "队伍",
    "大陆",
    "收拾",
    "百姓",
    "千方百计",
    "千家万户",
    "十分重要",
    "负责",
    "见 https://www.gov.cn/2024/10/05/content_123.htm",
]


@pytest.mark.parametrize(
    ("text", "want"), ARABIC + SCALED + CHINESE + DIGITS + FRACTIONS, ids=lambda v: str(v)
)
def test_parse_numbers(text: str, want: list[tuple[str, float]]) -> None:
    assert numbers(text) == approx(want)


@pytest.mark.parametrize("text", NO_NUMBER)
def test_no_number(text: str) -> None:
    assert parse_numbers(text) == []


def test_number_span_fields() -> None:
    text = "全区生产总值实现518.9亿元、增长二〇二四"
    got = parse_numbers(text)
    assert got == [
        NumberSpan(8, 14, 518.9e8, "518.9亿", "mixed"),
        NumberSpan(18, 22, 2024.0, "二〇二四", "digits"),
    ]
    assert all(text[n.start : n.end] == n.text for n in got)
    kinds = [n.kind for n in parse_numbers("5.3，三百，3千，三分之一，1/70，二〇二四")]
    assert kinds == ["arabic", "chinese", "mixed", "fraction", "fraction", "digits"]


UNITS = [
    ("518.9亿元", [("518.9亿元", 518.9, "亿元")]),
    ("1.3万人", [("1.3万人", 1.3, "万人")]),
    ("2.6万人次", [("2.6万人次", 2.6, "万人次")]),
    ("50万平方米", [("50万平方米", 50.0, "万平方米")]),
    ("1.2万亿元", [("1.2万亿元", 1.2, "万亿元")]),
    ("3千万元", [("3千万元", 3.0, "千万元")]),
    ("千万人次", [("千万人次", 1000.0, "万人次")]),
    ("突破万亿元", [("万亿元", 1.0, "万亿元")]),  # bare_compound_scales: one 万亿
    ("万亿美元", [("万亿美元", 1.0, "万亿美元")]),
    ("二十五万人", [("二十五万人", 25.0, "万人")]),
    ("一万二千人", [("一万二千人", 12000.0, "人")]),
    ("145个", [("145个", 145.0, "个")]),
    ("两个", [("两个", 2.0, "个")]),
    ("6家金融机构", [("6家", 6.0, "家")]),
    ("3个月", [("3个月", 3.0, "个月")]),
    ("提高5个百分点", [("5个百分点", 5.0, "个百分点")]),
    ("1.9倍", [("1.9倍", 1.9, "倍")]),
    ("900余场次", [("900余场次", 900.0, "场次")]),
    ("10余万元", [("10余万元", 10.0, "万元")]),
    ("9万多件", [("9万多件", 9.0, "万件")]),  # 余/多 between scale and unit: one unit
    ("2万余名", [("2万余名", 2.0, "万名")]),
    ("518.9 亿元", [("518.9 亿元", 518.9, "亿元")]),
    ("110千伏", [("110千伏", 110.0, "千伏")]),
    ("5万千瓦", [("5万千瓦", 5.0, "万千瓦")]),
    ("12千米", [("12千米", 12.0, "千米")]),
    ("PM2.5浓度30微克/立方米", [("2.5", 2.5, None), ("30微克/立方米", 30.0, "微克/立方米")]),
    ("七十五万个百分点", [("七十五万个百分点", 750000.0, "个百分点")]),
    ("常住人口20.5万", [("20.5万", 20.5, "万")]),  # a bare scale stands as the unit
    ("三成", [("三成", 3.0, "成")]),
    ("12345热线", [("12345", 12345.0, None)]),
    # doubling (numbers.yaml doubling): 2 to the power of the numeral, in 倍
    ("翻一番", [("一番", 2.0, "倍")]),
    ("翻了两番多", [("两番", 4.0, "倍")]),
    ("实现翻番", [("番", 2.0, "倍")]),
    ("翻两番半", [("两", 2.0, None)]),  # a half power: no multiple read
    ("两个翻一番", [("两个", 2.0, "个"), ("一", 1.0, None)]),  # a slogan's count
    ("“五翻番”", [("五", 5.0, None)]),
    ("翻番目标的70%", [("70%", 70.0, "%")]),
]

PERCENTS = [
    ("增长5.3%", [("5.3%", 5.3, "%")]),
    ("５．５％", [("５．５％", 5.5, "%")]),
    ("下降-22.2%", [("-22.2%", -22.2, "%")]),
    ("负3.9%", [("负3.9%", -3.9, "%")]),
    ("百分之五", [("百分之五", 5.0, "%")]),
    ("百分之百", [("百分之百", 100.0, "%")]),
    ("百分之2.4", [("百分之2.4", 2.4, "%")]),
    ("千分之三", [("千分之三", 3.0, "‰")]),
    ("万分之三", [("万分之三", 3.0, "‱")]),
    ("三分之一", [("三分之一", 1 / 3, "")]),
    ("一百分之二", [("一百分之二", 0.02, "")]),  # a fraction with 一 is no percent
]

NO_QUANTITY = ["亿元以上", "过亿元项目", "万元", "个百分点", "亿万元", "农民收入翻番计划"]


@pytest.mark.parametrize(("text", "want"), UNITS + PERCENTS, ids=lambda v: str(v))
def test_parse_quantities(text: str, want: list[tuple[str, float, str | None]]) -> None:
    assert quantities(text) == approx(want)


@pytest.mark.parametrize("text", NO_QUANTITY)
def test_no_quantity(text: str) -> None:
    assert parse_quantities(text) == []


RANGES = [
    ("200至400个", [("200至400个", 200.0, 400.0, "个")]),
    ("3-5万元", [("3-5万元", 3.0, 5.0, "万元")]),
    ("10%到15%", [("10%到15%", 10.0, 15.0, "%")]),
    ("14%—15%", [("14%—15%", 14.0, 15.0, "%")]),
    ("1.5万-2万元", [("1.5万-2万元", 1.5, 2.0, "万元")]),
    ("三至五万元", [("三至五万元", 3.0, 5.0, "万元")]),
    ("20 - 100", [("20 - 100", 20.0, 100.0, None)]),
    ("2021-2023年", [("2021-2023年", 2021.0, 2023.0, "年")]),
    ("20～30个", [("20～30个", 20.0, 30.0, "个")]),
    ("2025年-2026年", [("2025年-2026年", 2025.0, 2026.0, "年")]),
    (
        "2025-07-31",
        [("2025", 2025.0, None, None), ("07", 7.0, None, None), ("31", 31.0, None, None)],
    ),
    # no range: units differ, the order is reversed, or a word sits between
    ("5%至3个", [("5%", 5.0, None, "%"), ("3个", 3.0, None, "个")]),
    ("10至5个", [("10", 10.0, None, None), ("5个", 5.0, None, "个")]),
    ("由3.2%提高至5%", [("3.2%", 3.2, None, "%"), ("5%", 5.0, None, "%")]),
]


@pytest.mark.parametrize(("text", "want"), RANGES, ids=lambda v: str(v))
def test_ranges(text: str, want: list[tuple]) -> None:
    got = [(q.text, q.value, q.value_max, q.unit) for q in parse_quantities(text)]
    assert got == want


def test_quantity_fields() -> None:
    text = "前三季度,全区生产总值实现518.9亿元、增长5.3%,接待游客2.6万人次"
    got = [q for q in parse_quantities(text) if q.unit]
    assert got == [
        Quantity(
            start=13,
            end=20,
            text="518.9亿元",
            value=518.9,
            value_max=None,
            unit="亿元",
            unit_base="元",
            factor=1e8,
            kind="money",
            number=NumberSpan(13, 19, 518.9e8, "518.9亿", "mixed"),
        ),
        Quantity(
            start=23,
            end=27,
            text="5.3%",
            value=5.3,
            value_max=None,
            unit="%",
            unit_base="%",
            factor=1.0,
            kind="percent",
            number=NumberSpan(23, 26, 5.3, "5.3", "arabic"),
        ),
        Quantity(
            start=32,
            end=38,
            text="2.6万人次",
            value=2.6,
            value_max=None,
            unit="万人次",
            unit_base="人次",
            factor=1e4,
            kind="person_times",
            number=NumberSpan(32, 36, 2.6e4, "2.6万", "mixed"),
        ),
    ]
    assert all(text[q.start : q.end] == q.text for q in got)
    area = parse_quantities("387万亩")[0]
    assert area.value * (area.factor or 0) == pytest.approx(387e4 * 2000 / 3)


def test_traditional_text() -> None:
    assert quantities("兩萬個") == [("兩萬個", 2.0, "万个")]
    assert quantities("四點五個百分點") == [("四點五個百分點", 4.5, "个百分点")]


def test_speed_on_a_report() -> None:
    """A 60 KB report parses in well under 50 ms (the pipeline targets 1 MB/s)."""
    raw = sorted((ROOT / "data" / "raw").glob("*.txt"), key=lambda p: p.stat().st_size)
    if not raw:
        pytest.skip("no reports in data/raw")
    text = raw[-1].read_text(encoding="utf-8", errors="replace")
    parse_quantities(text)  # warm the compiled rules
    best = min(_timed(text) for _ in range(3))
    per_60kb = best * 60_000 / len(text.encode("utf-8"))
    assert per_60kb < 0.05, f"{per_60kb * 1000:.1f} ms per 60 KB"


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    parse_quantities(text)
    return time.perf_counter() - t0
