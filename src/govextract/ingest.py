"""Read input files: find them, decode their bytes, and pull the main text out of HTML.

`RawDocument.raw_text` is the file's bytes decoded with the detected encoding and nothing
else (no newline translation): every character offset the pipeline reports indexes it.
`RawDocument.body` is the text later stages read, mapped back into `raw_text`.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from govextract.textmap import MappedText

INPUT_SUFFIXES = (".txt", ".htm", ".html", ".md")
HTML_SUFFIXES = (".htm", ".html")

# (BOM, codec): longest first, since the UTF-32-LE BOM starts with the UTF-16-LE one.
# The codecs named here strip the BOM, so raw_text == data.decode(encoding) holds.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# GBK and GB2312 are subsets of GB18030: decoding with the superset never loses characters.
_GB_ALIASES = {"gbk", "gb2312", "cp936", "ms936", "euc_cn", "hz", "gb18030"}
# Share of control characters (other than whitespace) above which a file is binary.
_MAX_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 65536


def iter_input_files(input_dir: Path) -> list[Path]:
    """Report files under input_dir: sorted, recursive, no hidden files or manifest CSVs."""
    input_dir = Path(input_dir)
    found: list[Path] = []
    for path in input_dir.rglob("*"):
        rel = path.relative_to(input_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if not path.is_file() or path.suffix.lower() not in INPUT_SUFFIXES:
            continue  # manifest .csv files and everything else are not reports
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(input_dir).as_posix())


@dataclass
class RawDocument:
    path: Path
    source_path: str
    sha256: str
    encoding: str | None
    raw_text: str | None
    body: MappedText | None
    is_html: bool
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    title: str | None = None


def read_document(path: Path, root: Path) -> RawDocument:
    """Read, decode and (for HTML) extract one file. Bad content sets `error`, never raises."""
    path = Path(path)
    try:
        source_path = path.relative_to(root).as_posix()
    except ValueError:
        source_path = path.name
    is_html = path.suffix.lower() in HTML_SUFFIXES
    try:
        data = path.read_bytes()
    except OSError as exc:
        return RawDocument(
            path, source_path, "", None, None, None, is_html, error=f"unreadable: {exc}"
        )
    doc = RawDocument(
        path, source_path, hashlib.sha256(data).hexdigest(), None, None, None, is_html
    )
    if not data.strip():
        doc.error = "empty file"
        return doc
    encoding, text, error = decode_bytes(data, doc.warnings)
    if error is not None or text is None:
        doc.error = error
        return doc
    doc.encoding, doc.raw_text = encoding, text
    if not text.strip():
        doc.error = "empty file"  # e.g. a UTF-16 file holding only spaces
        return doc
    if not is_html and _looks_like_html(text):
        is_html = doc.is_html = True  # a web page saved as .txt
    if is_html:
        try:
            doc.body, doc.title = extract_html(text)
        except Exception as exc:  # a parser failure must not stop the run
            doc.error = f"html extraction failed: {exc}"
            return doc
        if not doc.body.text.strip():
            doc.warnings.append("no visible text in HTML")
    else:
        doc.body = MappedText.identity(text)
    return doc


# --- decoding -------------------------------------------------------------------------


def decode_bytes(
    data: bytes, warnings: list[str] | None = None
) -> tuple[str | None, str | None, str | None]:
    """(encoding, text, error): BOM, then strict UTF-8, then charset-normalizer's guess.

    Notes on a doubtful guess are appended to `warnings` when given.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return codec, data.decode(codec), None
            except UnicodeDecodeError as exc:
                return None, None, f"undecodable: invalid {codec} after BOM ({exc.reason})"
    if _is_binary_bytes(data):
        return None, None, "binary file"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _is_binary_text(text):
            return None, None, "binary file"
        return "utf-8", text, None
    encoding = _guess_encoding(data)
    if encoding not in _CHINESE_CODECS and _decodes_as_chinese(data):
        # Short GB texts fool the detector (into Korean or Cyrillic codecs); Chinese
        # reports that strictly decode as GB18030 into mostly Han are GB18030.
        if warnings is not None:
            warnings.append(f"encoding guessed as gb18030 (detector said {encoding})")
        encoding = "gb18030"
    if encoding is None:
        return None, None, "undecodable: no encoding detected"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        return None, None, f"undecodable: {encoding} guess failed ({exc})"
    if _is_binary_text(text):
        return None, None, "binary file"
    return encoding, text, None


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    name = best.encoding.lower().replace("-", "_")
    if name in _GB_ALIASES:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


_CHINESE_CODECS = {"gb18030", "big5", "big5hkscs", "cp950"}
_HAN_RE = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
_MIN_HAN_SHARE = 0.6  # of the non-ASCII characters


def _decodes_as_chinese(data: bytes) -> bool:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii or any(unicodedata.category(c) == "Co" for c in non_ascii):
        return False  # private-use code points: bytes of some other codec
    han = sum(1 for c in non_ascii if _HAN_RE.match(c))
    return han / len(non_ascii) >= _MIN_HAN_SHARE


def _is_binary_bytes(data: bytes) -> bool:
    # Text in any encoding we accept without a BOM has no NUL byte.
    return b"\x00" in data[:_SNIFF_BYTES]


def _is_binary_text(text: str) -> bool:
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return False
    # C0/C1 control characters other than whitespace (category Cc); one regex pass is
    # much cheaper than a per-character category lookup
    controls = len(_CONTROLS.findall(sample))
    return controls / len(sample) > _MAX_CONTROL_SHARE


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:1024].lstrip("\ufeff")))


# --- HTML -----------------------------------------------------------------------------

# Elements whose text is never body text.
_DROP_TAGS = frozenset(
    "script style noscript template nav header footer aside form iframe svg select button "
    "object embed canvas math head title".split()
)
# Elements that start a new line in rendered text.
_BLOCK_TAGS = frozenset(
    "address article blockquote body br dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr "
    "li main ol p pre section table tbody thead tfoot tr ul center".split()
)
# Cells in a row are separated by a space, rows by a newline.
_CELL_TAGS = frozenset(("td", "th"))
# Raw-text elements: their content is not markup (and, for script/style, not body text).
_RAWTEXT_TAGS = ("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title")
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comment (unterminated runs to the end)
    r"|<![^>]*>"  # doctype, CDATA-ish declarations
    r"|<\?[^>]*>"  # processing instruction
    r"|</?[A-Za-z][^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>",  # tag, quotes may hold '>'
    re.DOTALL,
)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_MIN_SHARE_OF_BEST = 0.8  # the main container holds at least this share of the page's prose


def _raw_text_stream(raw: str) -> MappedText:
    """The text between tags, entity-decoded, with the raw span of every character.

    Script and style content is skipped (the parser's text nodes for them are skipped
    too); title and textarea content is kept because the parser reports it as text.
    """
    starts = array("q")
    ends = array("q")
    parts: list[str] = []

    def emit(seg_start: int, seg_end: int, decode: bool) -> None:
        pos = seg_start
        while pos < seg_end:
            amp = raw.find("&", pos, seg_end) if decode else -1
            stop = seg_end if amp < 0 else amp
            # plain run; CR LF and lone CR become LF, as in the parser's text
            i = pos
            while i < stop:
                ch = raw[i]
                if ch == "\r":
                    j = i + 2 if i + 1 < seg_end and raw[i + 1] == "\n" else i + 1
                    parts.append("\n")
                    starts.append(i)
                    ends.append(j)
                    i = j
                    continue
                parts.append(ch)
                starts.append(i)
                ends.append(i + 1)
                i += 1
            if amp < 0:
                break
            m = _ENTITY.match(raw, amp, seg_end)
            if m is None:
                parts.append("&")
                starts.append(amp)
                ends.append(amp + 1)
                pos = amp + 1
                continue
            decoded = html.unescape(m.group())
            for ch in decoded:
                parts.append(ch)
                starts.append(m.start())
                ends.append(m.end())
            pos = m.end()

    pos = 0
    n = len(raw)
    while pos < n:
        m = _TOKEN.search(raw, pos)
        if m is None:
            emit(pos, n, True)
            break
        emit(pos, m.start(), True)
        pos = m.end()
        tag = m.group()
        name_m = _TAG_NAME.match(tag)
        if name_m and not tag.startswith("</") and not tag.endswith("/>"):
            name = name_m.group(1).lower()
            if name in _RAWTEXT_TAGS:
                close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(raw, pos)
                end = close.start() if close else n
                if name in ("title", "textarea"):
                    emit(pos, end, True)
                pos = close.end() if close else n
    return MappedText("".join(parts), starts, ends)


def _walk_skip(node: LexborNode, skip: frozenset[str]) -> Iterator[LexborNode]:
    """Text nodes under node in document order, not descending into `skip` elements."""
    stack = [node.child] if node.child is not None else []
    while stack:
        cur = stack.pop()
        if cur is None:
            continue
        if cur.next is not None:
            stack.append(cur.next)
        if cur.tag == "-text":
            yield cur
        elif cur.tag not in skip and cur.child is not None and not cur.tag.startswith("-"):
            stack.append(cur.child)


def _align(tree: LexborHTMLParser, stream: MappedText) -> dict[int, MappedText]:
    """Map each parser text node (by mem_id) to its characters in the raw stream.

    Text nodes come in source order, so each is searched from where the previous one
    ended; every node (nav and footer too) is aligned so none steals a later one's place.
    """
    aligned: dict[int, MappedText] = {}
    cursor = 0
    for node in _walk_skip(tree.root, frozenset(("script", "style"))):
        text = node.text_content or ""
        if not text.strip():
            continue
        at = stream.text.find(text, cursor)
        if at < 0:
            continue  # parser rewrote it beyond recognition; the node is left out
        aligned[node.mem_id] = stream.slice(at, at + len(text))
        cursor = at + len(text)
    return aligned


def _prose_len(node: LexborNode) -> int:
    """Characters of non-link text under node, outside dropped elements."""
    total = 0
    for t in _walk_skip(node, _DROP_TAGS):
        if t.parent is not None and t.parent.tag == "a":
            continue
        total += len("".join((t.text_content or "").split()))
    return total


def _main_container(tree: LexborHTMLParser) -> LexborNode:
    """The deepest container holding most of the page's prose (nav/footer/links excluded)."""
    body = tree.body or tree.root
    best_len = _prose_len(body)
    chosen, chosen_total = body, None
    for cand in body.css("article, main, section, div, td"):
        length = _prose_len(cand)
        if length < _MIN_SHARE_OF_BEST * best_len or length == 0:
            continue
        # deeper candidates have less total text; prefer the smallest that still qualifies
        total = len(cand.text(deep=True) or "")
        if chosen_total is None or total <= chosen_total:
            chosen, chosen_total = cand, total
    return chosen


class _Builder:
    """Accumulates mapped characters, collapsing whitespace the way a browser shows it."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts = array("q")
        self.ends = array("q")

    def _last_end(self) -> int:
        return self.ends[-1] if self.ends else 0

    def text(self, mapped: MappedText) -> None:
        for m in re.finditer(r"\s+|\S+", mapped.text):
            s, e = m.span()
            if m.group()[0].isspace() and m.group()[0] != "\xa0":
                if not self.chars or self.chars[-1] in (" ", "\n"):
                    continue
                self.chars.append(" ")
                self.starts.append(mapped.starts[s])
                self.ends.append(mapped.ends[e - 1])
            else:
                self.chars.extend(m.group())
                self.starts.extend(mapped.starts[s:e])
                self.ends.extend(mapped.ends[s:e])

    def separator(self, sep: str) -> None:
        if not self.chars:
            return
        if self.chars[-1] == " ":
            self.chars.pop()
            self.starts.pop()
            self.ends.pop()
        if not self.chars or self.chars[-1] == "\n" or (sep == " " and self.chars[-1] == " "):
            return
        pos = self._last_end()
        self.chars.append(sep)
        self.starts.append(pos)  # a synthetic break: zero-width at the end of the last text
        self.ends.append(pos)

    def build(self) -> MappedText:
        while self.chars and self.chars[-1] in (" ", "\n"):
            self.chars.pop()
            self.starts.pop()
            self.ends.pop()
        return MappedText("".join(self.chars), self.starts, self.ends)


def _render(node: LexborNode, aligned: dict[int, MappedText], out: _Builder) -> None:
    """Visible text of node into out, with newlines at block boundaries."""
    # explicit stack of (node, leaving) so deep pages cannot hit the recursion limit
    stack: list[tuple[LexborNode, bool]] = [(node, False)]
    while stack:
        cur, leaving = stack.pop()
        tag = cur.tag or ""
        if leaving:
            if tag in _BLOCK_TAGS:
                out.separator("\n")
            elif tag in _CELL_TAGS:
                out.separator(" ")
            continue
        if tag == "-text":
            mapped = aligned.get(cur.mem_id)
            if mapped is not None:
                out.text(mapped)
            elif not (cur.text_content or "").strip():
                out.separator(" ")  # whitespace between inline elements still separates words
            continue
        if (tag.startswith("-") and cur is not node) or tag in _DROP_TAGS:
            continue
        if tag in _BLOCK_TAGS:
            out.separator("\n")
        stack.append((cur, True))
        children: list[LexborNode] = []
        child = cur.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))


def extract_html(raw: str) -> tuple[MappedText, str | None]:
    """(main visible text mapped into raw, <title> text) of an HTML page."""
    tree = LexborHTMLParser(raw)
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node is not None else None
    aligned = _align(tree, _raw_text_stream(raw))
    out = _Builder()
    _render(_main_container(tree), aligned, out)
    return out.build(), title or None
