"""Ingest: finding input files, decoding bytes, extracting HTML text with its raw map."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

import pytest

from govextract.ingest import (
    INPUT_SUFFIXES,
    RawDocument,
    decode_bytes,
    extract_html,
    iter_input_files,
    read_document,
)

FIXTURES = Path(__file__).parent / "fixtures"


def read_fixture(name: str) -> RawDocument:
    return read_document(FIXTURES / name, FIXTURES)


def body_span(doc: RawDocument, needle: str) -> str:
    """The raw text behind the first occurrence of needle in the document body."""
    assert doc.body is not None and doc.raw_text is not None
    i = doc.body.text.index(needle)
    s, e = doc.body.raw_span(i, i + len(needle))
    return doc.raw_text[s:e]


def test_iter_input_files_sorted_recursive_and_filtered(tmp_path: Path) -> None:
    for rel in [
        "b.txt",
        "a/report.HTML",
        "a/z.md",
        "a/page.htm",
        ".hidden.txt",
        ".cache/x.txt",
        "MANIFEST.csv",
        "notes.pdf",
    ]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("各位代表", encoding="utf-8")
    (tmp_path / "dir.txt").mkdir()  # a directory with a report-like name is not a file
    got = [p.relative_to(tmp_path).as_posix() for p in iter_input_files(tmp_path)]
    assert got == ["a/page.htm", "a/report.HTML", "a/z.md", "b.txt"]
    assert INPUT_SUFFIXES == (".txt", ".htm", ".html", ".md")


def test_gb18030_decodes_without_newline_translation() -> None:
    doc = read_fixture("gb18030_report.txt")
    data = (FIXTURES / "gb18030_report.txt").read_bytes()
    assert doc.error is None
    assert doc.encoding == "gb18030"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.raw_text == data.decode("gb18030")
    assert doc.raw_text.startswith("政府工作报告\r\n——2023年1月10日在青岛市李沧区")
    assert "𠮷祥物" in doc.raw_text  # four-byte GB18030 character, outside GBK
    assert "全区生产总值实现５１８．９亿元" in doc.raw_text  # full-width kept in raw
    assert doc.body is not None and doc.body.text == doc.raw_text  # .txt body is the raw text
    assert list(doc.body.starts) == list(range(len(doc.raw_text)))
    assert doc.source_path == "gb18030_report.txt" and not doc.is_html


def test_utf16_bom() -> None:
    doc = read_fixture("utf16_bom.txt")
    assert doc.error is None
    assert doc.encoding == "utf-16"
    assert doc.raw_text == "各位代表：\n全区生产总值实现518.9亿元、增长5.3%。\n"
    assert (FIXTURES / "utf16_bom.txt").read_bytes().decode(doc.encoding) == doc.raw_text


def test_utf8_bom_is_stripped_from_raw_text(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + "各位代表".encode())
    doc = read_document(p, tmp_path)
    assert doc.encoding == "utf-8-sig" and doc.raw_text == "各位代表"


@pytest.mark.parametrize(
    ("name", "error"),
    [("empty.txt", "empty file"), ("blank.txt", "empty file"), ("binary.txt", "binary file")],
)
def test_bad_files_report_an_error_and_do_not_raise(name: str, error: str) -> None:
    doc = read_fixture(name)
    assert doc.error == error
    assert doc.body is None and doc.raw_text is None and doc.encoding is None
    assert len(doc.sha256) == 64


def test_undecodable_after_bom(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\xef\xbb\xbf\xff\xfe\xfa")
    doc = read_document(p, tmp_path)
    assert doc.error is not None and doc.error.startswith("undecodable: ")
    assert doc.body is None


def test_control_characters_make_a_binary_file() -> None:
    assert decode_bytes(b"\x01\x02\x03\x04abc\x05\x06\x07")[2] == "binary file"


def test_short_gbk_text_is_not_taken_for_korean() -> None:
    warnings: list[str] = []
    encoding, text, error = decode_bytes("各位代表：现在".encode("gbk"), warnings)
    assert (encoding, text, error) == ("gb18030", "各位代表：现在", None)


def test_unreadable_path_does_not_raise(tmp_path: Path) -> None:
    doc = read_document(tmp_path / "missing.txt", tmp_path)
    assert doc.error is not None and doc.error.startswith("unreadable")


# --- HTML --------------------------------------------------------------------------


def test_html_main_text_without_page_furniture() -> None:
    doc = read_fixture("page.html")
    assert doc.error is None and doc.is_html and doc.encoding == "utf-8"
    assert doc.title == "李沧区2025年政府工作报告 & 解读"
    assert doc.body is not None
    assert doc.body.text == (
        "政府工作报告\n"
        "各位代表：\n"
        "前三季度，全区生产总值实现518.9亿元\xa0增长5.3%，R&D投入增长中高速。\n"
        "第一行\n第二行\n"
        "项目 5亿元"
    )
    for gone in ("首页", "政务公开", "版权所有", "ICP", "脚本", "track", "相关链接", "margin"):
        assert gone not in doc.body.text


def test_html_body_maps_back_to_raw_markup() -> None:
    doc = read_fixture("page.html")
    assert body_span(doc, "各位代表：") == "各位代表&#xff1a;"
    assert body_span(doc, "5.3%，R&D投入") == "5.3%，R&amp;D投入"
    assert body_span(doc, "518.9亿元\xa0增长") == "518.9亿元&nbsp;增长"
    assert body_span(doc, "增长中高速") == "增长&#x4e2d;高速"
    assert body_span(doc, "前三季度，全区生产总值实现518.9亿元") == (
        "前三季度，全区生产总值实现518.9亿元"
    )


def test_html_every_character_comes_from_its_raw_span() -> None:
    doc = read_fixture("page.html")
    assert doc.body is not None and doc.raw_text is not None
    body = doc.body
    for i, ch in enumerate(body.text):
        raw = doc.raw_text[body.starts[i] : body.ends[i]]
        if ch in "\n ":  # line breaks at block ends are synthetic; spaces collapse runs
            assert raw.strip() == ""
        else:
            assert html.unescape(raw) == ch or ch in html.unescape(raw)


def test_html_sniffed_in_a_txt_file_and_crlf_inside_paragraph(tmp_path: Path) -> None:
    raw = (
        "<!DOCTYPE html><html><body><nav>导航</nav>"
        "<div><p>增长\r\n  5.3%</p><p>第二段</p></div></body></html>"
    )
    p = tmp_path / "saved.txt"
    p.write_bytes(raw.encode("utf-8"))
    doc = read_document(p, tmp_path)
    assert doc.is_html and doc.body is not None
    assert doc.body.text == "增长 5.3%\n第二段"
    assert body_span(doc, "增长 5.3%") == "增长\r\n  5.3%"


def test_extract_html_keeps_script_lookalike_text_out() -> None:
    raw = '<html><body><script>var x = "<div>假正文</div>";</script><p>真正文</p></body></html>'
    body, title = extract_html(raw)
    assert body.text == "真正文" and title is None
    s, e = body.raw_span(0, len(body))
    assert raw[s:e] == "真正文"
