"""Normalize: width folding, pinyin stripping, t2s, mojibake, furniture; all keep the map."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from govextract import normalize as norm
from govextract.ingest import iter_input_files, read_document
from govextract.normalize import (
    NormalizedText,
    converter,
    count_mojibake,
    furniture_spans,
    is_traditional,
    normalize,
    strip_pinyin,
    to_simplified,
)
from govextract.textmap import MappedText

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
FIXTURES = Path(__file__).parent / "fixtures"


def norm_text(s: str) -> NormalizedText:
    return normalize(MappedText.identity(s))


def raw_of(n: NormalizedText, raw: str, needle: str) -> str:
    i = n.mapped.text.index(needle)
    s, e = n.mapped.raw_span(i, i + len(needle))
    return raw[s:e]


def marked_lines(text: str) -> list[str]:
    return [text[s:e] for s, e in furniture_spans(text)]


# --- folding -----------------------------------------------------------------------


def test_full_width_folds_and_maps_one_to_one() -> None:
    raw = "增长５．３％（ＧＤＰ）　达到１２３亿元，比上年：增加；ａｂ、。“”《》"
    n = norm_text(raw)
    assert n.mapped.text == "增长5.3%(GDP) 达到123亿元,比上年:增加;ab、。“”《》"
    assert list(n.mapped.starts) == list(range(len(raw)))
    assert list(n.mapped.ends) == list(range(1, len(raw) + 1))
    assert raw_of(n, raw, "5.3%") == "５．３％"
    assert n.warnings == [] and not n.traditional


def test_line_breaks_fold_to_lf() -> None:
    raw = "甲\r\n乙\r丙\n"
    n = norm_text(raw)
    assert n.mapped.text == "甲\n乙\n丙\n"
    assert [raw[s:e] for s, e in zip(n.mapped.starts, n.mapped.ends, strict=True)] == [
        "甲",
        "\n",
        "乙",
        "\r",
        "丙",
        "\n",
    ]


# --- pinyin ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected", "count"),
    [
        ("萊山區(qū)人民", "萊山區人民", 1),
        ("產(chǎn)業(yè)發(fā)展", "產業發展", 3),
        ("現（xiàn）在", "現在", 1),  # full-width brackets
        ("綠(lǜ)色", "綠色", 1),
        ("項目(zhu)", "項目", 1),  # toneless but a pinyin syllable
        ("(一)聚力擴內需", "(一)聚力擴內需", 0),
        ("濃度(PM2.5)下降", "濃度(PM2.5)下降", 0),
        ("總值(GDP)增長", "總值(GDP)增長", 0),
        ("附件(a)", "附件(a)", 0),  # one plain letter: a list label, not pinyin
        ("方案(abc)", "方案(abc)", 0),  # not a syllable
        ("通知(2023)", "通知(2023)", 0),
        ("it (qū) x", "it (qū) x", 0),  # not glued to a character
    ],
)
def test_strip_pinyin(raw: str, expected: str, count: int) -> None:
    out, n = strip_pinyin(MappedText.identity(raw))
    assert (out.text, n) == (expected, count)
    for i, ch in enumerate(out.text):
        assert raw[out.starts[i] : out.ends[i]] == ch


def test_pinyin_strip_keeps_offsets_after_the_gap() -> None:
    out, n = strip_pinyin(MappedText.identity("李滄區(qū)人民"))
    assert out.text == "李滄區人民" and n == 1
    assert list(out.starts) == [0, 1, 2, 7, 8]


def test_entities_in_text_decode_and_map_to_the_whole_entity() -> None:
    """A Markdown report's 6&permil; is 6‰ (round 20, Kunming 2012); a bare & and an unknown
    name stay."""
    out = norm.decode_entities(MappedText.identity("控制在6&permil;以内，R&D投入&foo;"))
    assert out.text == "控制在6‰以内，R&D投入&foo;"
    assert out.raw_span(4, 5) == (4, 12)
    assert out.raw_span(5, 6) == (12, 13)
    # (review) only a whole name decodes (not the legacy prefix of &copyright;), and no
    # control character comes back (&#13;)
    assert norm.decode_entities(MappedText.identity("&copyright;&#13;&#8240;")).text == "&copyright;&#13;‰"
    # ...and normalize decodes them
    assert norm_text("增长率控制在6&permil;以内").mapped.text == "增长率控制在6‰以内"


# --- traditional -------------------------------------------------------------------


def test_converter_backend_converts() -> None:
    name, convert = converter()
    assert name in ("opencc", "opencc-python-reimplemented")
    assert convert("煙臺市萊山區") == "烟台市莱山区"


def test_traditional_fixture_is_converted_with_exact_map() -> None:
    doc = read_document(FIXTURES / "traditional_pinyin.txt", FIXTURES)
    assert doc.body is not None and doc.raw_text is not None
    n = normalize(doc.body)
    assert n.traditional
    assert n.warnings == [
        "pinyin annotations stripped (8)",
        "traditional text converted to simplified",
    ]
    assert n.mapped.text == (
        "(山东省)2024年青岛市李沧区人民政府工作报告\n"
        "各位代表:\n"
        "现在,我代表区人民政府向大会报告工作。\n"
        "(一)坚定不移优服务,实体经济量质齐升。\n"
        "全区生产总值增长5.3%,PM2.5浓度下降(GDP)。\n"
    )
    raw = doc.raw_text
    assert raw_of(n, raw, "李沧区") == "李滄區"
    # the pinyin sits between 区 and 人 in the raw text, not in the normalized text
    assert raw_of(n, raw, "李沧区人民") == "李滄區(qū)人民"
    i = n.mapped.text.index("李沧区")
    for k, expected in enumerate("李滄區"):
        s, e = n.mapped.starts[i + k], n.mapped.ends[i + k]
        assert raw[s:e] == expected and e - s == 1
    assert raw_of(n, raw, "5.3%") == "５．３％"
    assert raw_of(n, raw, "现在") == "現(xiàn)在"


def test_simplified_text_is_left_alone() -> None:
    raw = "著力推动高质量发展，乾隆年间的古建筑得到保护，全区生产总值增长5.3%。"
    assert not is_traditional(raw)
    n = norm_text(raw)
    assert not n.traditional and n.mapped.text == raw.replace("，", ",")


def test_to_simplified_length_change_falls_back_per_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fake(s: str) -> str:
        return s.replace("區", "区").replace("X", "YY")

    monkeypatch.setattr(norm, "converter", lambda: ("fake", fake))
    out = to_simplified(MappedText.identity("區X\n區"))
    assert out.text == "区YY\n区"
    assert list(out.starts) == [0, 1, 1, 2, 3]
    assert list(out.ends) == [1, 2, 2, 3, 4]


# --- mojibake ----------------------------------------------------------------------


def test_mojibake_runs_are_counted_and_kept() -> None:
    raw = "区长?? ?? 程?? 杰,有想补充的信息?点我投稿\ufffd\ufffd"
    assert count_mojibake(raw) == 4
    n = norm_text(raw)
    assert n.warnings == ["mojibake: 4 runs of ?"]
    assert "??" in n.mapped.text and "\ufffd\ufffd" in n.mapped.text


# --- furniture ---------------------------------------------------------------------


def test_furniture_exact_lines_on_an_inline_page() -> None:
    text = "\n".join(
        [
            "English|日本语|韩语",
            "|设为首页 |加入收藏 |无障碍",
            "登录 注册",
            "首页 > 政务公开 > 政府工作报告",
            "    发布时间:2022-02-24  来源:区政府办",
            "政府工作报告",
            "各位代表:",
            "现在,我代表区人民政府向大会报告工作,请予审议。",
            "一、2024年工作回顾",
            "全区生产总值实现518.9亿元、增长5.3%,来源:统计局快报。",
            "分享到:",
            "QQ空间",
            "新浪微博",
            "上一篇:2021年政府工作报告",
            "相关文章",
            "03-30",
            "保定市满城区2021年政府工作报告",
            "各位代表!让我们团结奋斗。",
            "留言与评论(共有 0 条评论)",
            "昵称:",
            "验证码:",
            "有想补充的信息?点我投稿",
            "- 联系我们",
            "版权所有 青岛市李沧区人民政府 鲁ICP备05000000号",
        ]
    )
    assert marked_lines(text) == [
        "English|日本语|韩语",
        "|设为首页 |加入收藏 |无障碍",
        "登录 注册",
        "首页 > 政务公开 > 政府工作报告",
        "发布时间:2022-02-24  来源:区政府办",
        "分享到:",
        "QQ空间",
        "新浪微博",
        "上一篇:2021年政府工作报告",
        "相关文章",
        "03-30",
        "保定市满城区2021年政府工作报告",
        "留言与评论(共有 0 条评论)",
        "昵称:",
        "验证码:",
        "有想补充的信息?点我投稿",
        "- 联系我们",
        "版权所有 青岛市李沧区人民政府 鲁ICP备05000000号",
    ]


def test_markdown_table_rows_are_not_menus() -> None:
    text = "| 序号 | 领域 | 事项 |\n| 1 | 交通 | 改造拥堵点 |\n序号 | 项目 | 投资5亿元"
    assert furniture_spans(text) == []


def _normalized(name: str) -> tuple[str, str, NormalizedText]:
    doc = read_document(RAW / name, RAW)
    assert doc.body is not None and doc.raw_text is not None
    return name, doc.raw_text, normalize(doc.body)


def test_furniture_on_shinan() -> None:
    _, raw, n = _normalized("shandong_qingdao_shinan_2022.txt")
    got = marked_lines(n.mapped.text)
    assert got == [
        "English|日本语|韩语",
        "|设为首页 |加入收藏 |无障碍 |智能机器人 |政务微信 |政务微博 |办公邮箱",
        "登录 注册",
        "首页 > 政务公开 > 规划计划 > 政府工作报告 > 政府工作报告",
        "发布时间:2022-02-24",
    ]
    s, e = n.mapped.raw_span(*furniture_spans(n.mapped.text)[-1])
    assert raw[s:e] == "发布时间:2022-02-24"


def test_furniture_on_licang_report_and_news() -> None:
    _, _, n = _normalized("shandong_qingdao_licang_2025.txt")
    got = marked_lines(n.mapped.text)
    assert got[0] == "导航菜单"
    assert got[1].startswith("本文仅代表作者观点,不代表本站立场。")
    assert got[2:] == [
        "本文地址:/baogao/huadong/12367.html",
        "留言与评论(共有 0 条评论)",
        "昵称:",
        "匿名发表 登录账号",
        "验证码:",
    ]
    _, raw, n = _normalized("shandong_qingdao_licang_news_2025.txt")
    assert marked_lines(n.mapped.text) == ["有想补充的信息?点我投稿", "- 联系我们", "- 企业入驻"]
    s, e = n.mapped.raw_span(*furniture_spans(n.mapped.text)[0])
    assert raw[s:e] == "有想补充的信息?点我投稿"


@pytest.mark.parametrize("path", iter_input_files(RAW), ids=lambda p: p.name)
def test_furniture_never_marks_report_body(path: Path) -> None:
    _, _, n = _normalized(path.name)
    text = n.mapped.text
    body_lines = {
        ln.strip() for ln in text.split("\n") if "各位代表" in ln or "政府工作报告" == ln.strip()
    }
    for line in marked_lines(text):
        assert "各位代表" not in line
        assert line not in body_lines
        assert "。" not in line or line.startswith("本文仅代表作者观点")


# --- the central invariant over the sample inputs ------------------------------------


@pytest.mark.parametrize("path", iter_input_files(RAW), ids=lambda p: p.name)
def test_normalized_characters_map_back_to_raw(path: Path) -> None:
    doc = read_document(path, RAW)
    assert doc.error is None and doc.body is not None and doc.raw_text is not None
    n = normalize(doc.body)
    m = n.mapped
    assert len(m.starts) == len(m.ends) == len(m.text)
    # order is preserved: raw spans never go backwards
    assert all(a <= b for a, b in zip(m.starts, m.starts[1:], strict=False))
    _, convert = converter()
    fold = norm._fold_table()
    rng = random.Random(20240129)
    for i in rng.sample(range(len(m.text)), 200):
        ch = m.text[i]
        raw = doc.raw_text[m.starts[i] : m.ends[i]]
        assert len(raw) == 1  # txt inputs: every character has its own raw character
        expected = raw.translate(fold)
        if n.traditional:
            # t2s per character; a phrase rule may pick another simplified form than
            # the character alone, so the conversion in context is accepted too
            context = doc.raw_text[max(0, m.starts[i] - 3) : m.ends[i] + 3]
            assert ch in (convert(raw).translate(fold), expected) or ch in convert(context)
        else:
            assert ch == expected
        # pinyin annotations are gone from the text (deleted, never mapped to)
        assert not (raw == "(" and doc.raw_text[m.ends[i] : m.ends[i] + 2] in ("qū", "yè"))


def test_traditional_sample_warnings() -> None:
    _, _, n = _normalized("shandong_yantai_laishan_2024_traditional.txt")
    assert n.traditional
    assert n.warnings[1:] == ["traditional text converted to simplified", "mojibake: 1 runs of ?"]
    assert n.warnings[0].startswith("pinyin annotations stripped (")
    assert "莱山区人民政府" in n.mapped.text and "(qū)" not in n.mapped.text


def test_a_full_stop_between_digits_is_a_decimal_point() -> None:
    """10。1万户 (blind audit, Hubei 2009); but not the sentence end before a year."""
    out = norm_text("沼气用户10。1万户。比例为40.0。2010年城镇化率38%").mapped
    assert out.text == "沼气用户10.1万户。比例为40.0。2010年城镇化率38%"
    assert out.raw_span(6, 7) == (6, 7)  # one character for one: offsets stay exact


def test_ocr_damage_inside_numbers_is_mended() -> None:
    """年均增长19. 3%, l.28万亿元, l08件, 95.l% (blind audit, Guangdong 2008; 56 broken
    decimals in the corpus); an l in a word stays."""
    out = norm_text("年均增长19. 3%,达l.28万亿元、l08件,满意率95.l%,增长l0%;level 3").mapped
    assert out.text == "年均增长19.3%,达1.28万亿元、108件,满意率95.1%,增长10%;level 3"
    assert out.raw_span(4, 8) == (4, 9)  # 19.3 points back to 19. 3
    # an ordinal before a year or a figure is no decimal (guard)
    assert norm_text("1. 2010年全省生产总值增长10%").mapped.text == "1. 2010年全省生产总值增长10%"
