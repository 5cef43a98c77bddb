"""Text that remembers where every character came from.

Every stage after ingest works on a `MappedText`: a string plus, for each of its
characters, the span of the ORIGINAL decoded input it was made from. Stages that
rewrite text (HTML stripping, full-width folding, pinyin removal, OpenCC) build a
new MappedText from pieces, so a claim found anywhere downstream can be pointed back
at `raw[char_start:char_end]`.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class MappedText:
    text: str
    # starts[i], ends[i]: the raw span that produced text[i]
    starts: array
    ends: array

    @classmethod
    def identity(cls, text: str, offset: int = 0) -> MappedText:
        n = len(text)
        # numpy fills the arrays far faster than array(range(...)) does
        starts, ends = array("q"), array("q")
        starts.frombytes(np.arange(offset, offset + n, dtype=np.int64).tobytes())
        ends.frombytes(np.arange(offset + 1, offset + n + 1, dtype=np.int64).tobytes())
        return cls(text, starts, ends)

    @classmethod
    def from_pieces(cls, pieces: Iterable[tuple[str, int, int]]) -> MappedText:
        """Build from (new_text, raw_start, raw_end) pieces, in order.

        A piece whose text is as long as its raw span maps character by character;
        any other piece maps every one of its characters to the whole raw span.
        """
        parts: list[str] = []
        starts = array("q")
        ends = array("q")
        for new, rs, re_ in pieces:
            if not new:
                continue
            parts.append(new)
            if len(new) == re_ - rs:
                starts.extend(range(rs, re_))
                ends.extend(range(rs + 1, re_ + 1))
            else:
                starts.extend([rs] * len(new))
                ends.extend([re_] * len(new))
        return cls("".join(parts), starts, ends)

    def __len__(self) -> int:
        return len(self.text)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering text[start:end] (end exclusive)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def slice(self, start: int, end: int) -> MappedText:
        return MappedText(self.text[start:end], self.starts[start:end], self.ends[start:end])

    def translate(self, table: dict[int, str | int | None]) -> MappedText:
        """Character-for-character replacement (str.translate with 1:1 entries only)."""
        pairs: list[tuple[str, str]] = []
        for key, new in table.items():
            new = chr(new) if isinstance(new, int) else new
            if new is None or len(new) != 1:
                raise ValueError("translate table must map each character to exactly one character")
            pairs.append((chr(key), new))
        out = self.text
        if any(ord(new) in table for _, new in pairs):
            out = out.translate(table)  # chained entries: sequential replaces would differ
        else:
            # str.translate looks every character up in the dict; one C-speed scan per
            # entry is several times faster on CJK text
            for old, new in pairs:
                if old in out:
                    out = out.replace(old, new)
        return MappedText(out, self.starts, self.ends)

    def delete(self, spans: Iterable[tuple[int, int]]) -> MappedText:
        """Drop the given (start, end) spans of the current text."""
        keep: list[tuple[int, int]] = []
        pos = 0
        for s, e in sorted(spans):
            if s > pos:
                keep.append((pos, s))
            pos = max(pos, e)
        if pos < len(self.text):
            keep.append((pos, len(self.text)))
        text = "".join(self.text[s:e] for s, e in keep)
        starts = array("q")
        ends = array("q")
        for s, e in keep:
            starts.extend(self.starts[s:e])
            ends.extend(self.ends[s:e])
        return MappedText(text, starts, ends)

    def replace(self, edits: Iterable[tuple[int, int, str]]) -> MappedText:
        """Replace (start, end, new_text) spans of the current text; others stay as they are.

        A replacement as long as the span it replaces keeps a character-for-character
        map; otherwise each new character maps to the whole span.
        """
        text_parts: list[str] = []
        starts = array("q")
        ends = array("q")
        pos = 0
        for s, e, new in sorted(edits, key=lambda x: (x[0], x[1])):
            if s < pos:
                continue  # overlapping edit: keep the first
            text_parts.append(self.text[pos:s])
            starts.extend(self.starts[pos:s])
            ends.extend(self.ends[pos:s])
            text_parts.append(new)
            if len(new) == e - s:
                starts.extend(self.starts[s:e])
                ends.extend(self.ends[s:e])
            elif new:
                rs, re_ = self.raw_span(s, e)
                starts.extend([rs] * len(new))
                ends.extend([re_] * len(new))
            pos = e
        text_parts.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText("".join(text_parts), starts, ends)
