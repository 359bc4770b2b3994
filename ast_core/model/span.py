"""Spans as byte offsets, identifiers, and the line index that turns offsets into
rustc's `line:col` (columns in Unicode scalar values) and into LSP positions.

The model stores every span as a `(lo, hi)` tuple of UTF-8 byte offsets into the file:
cheap to create, and the only form tree-sitter and edits speak. Line and column are
computed on demand, as rustc's `SourceMap` does.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Literal

Span = tuple[int, int]
"""`(lo, hi)`: UTF-8 byte offsets, `hi` exclusive."""

DUMMY_SP: Span = (0, 0)

PositionEncoding = Literal["utf-8", "utf-16", "utf-32"]


class Ident:
    """An identifier and its span (rustc's `Ident { name, span }`); raw identifiers
    keep their `r#` in `name`, lifetimes their `'`."""

    __slots__ = ("name", "span")
    __match_args__ = ("name", "span")

    def __init__(self, name: str, span: Span) -> None:
        self.name = name
        self.span = span

    def __repr__(self) -> str:
        return f"Ident({self.name!r}, {self.span})"


def _line_starts(data: bytes) -> list[int]:
    starts = [0]
    append, find = starts.append, data.find
    pos = find(b"\n")
    while pos != -1:
        append(pos + 1)
        pos = find(b"\n", pos + 1)
    return starts


class LineIndex:
    """Line starts of a UTF-8 text, updated in place by edits.

    `data` is the text the index describes; it is replaced, not copied, on edits.
    """

    __slots__ = ("data", "starts")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts = _line_starts(data)

    def edit(self, start: int, old_end: int, new_text: bytes, new_data: bytes) -> None:
        """Replace `data[start:old_end]` by `new_text`; `new_data` is the result."""
        starts = self.starts
        first = bisect_right(starts, start)  # lines starting after `start` change
        last = bisect_right(starts, old_end)
        delta = len(new_text) - (old_end - start)
        inserted = [start + i + 1 for i, byte in enumerate(new_text) if byte == 10]
        starts[first:] = inserted + [s + delta for s in starts[last:]]
        self.data = new_data

    def line_of(self, offset: int) -> int:
        """0-based line containing `offset`."""
        return bisect_right(self.starts, offset) - 1

    def line_col(self, offset: int) -> tuple[int, int]:
        """rustc's `line:col` of `offset`: both from 1, the column in characters. As in
        rustc's line table, the end of a file that ends with a newline is on its last
        line (no empty line starts there)."""
        line = bisect_right(self.starts, offset) - 1
        if line and offset == len(self.data) == self.starts[line]:
            line -= 1
        start = self.starts[line]
        prefix = self.data[start:offset]
        if prefix.isascii():
            return line + 1, offset - start + 1
        return line + 1, len(prefix.decode("utf-8", "replace").replace("\r", "")) + 1

    def rustc_span(self, span: Span) -> list[int]:
        """`[lo_line, lo_col, hi_line, hi_col]` as INTERFACE.md prints spans."""
        return [*self.line_col(span[0]), *self.line_col(span[1])]

    def position(self, offset: int, encoding: PositionEncoding = "utf-16") -> tuple[int, int]:
        """LSP `(line, character)` of `offset`, both from 0."""
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        prefix = self.data[start:offset]
        if prefix.isascii() or encoding == "utf-8":
            return line, offset - start
        text = prefix.decode("utf-8", "replace")
        if encoding == "utf-32":
            return line, len(text)
        return line, len(text.encode("utf-16-le")) // 2

    def offset(self, line: int, character: int, encoding: PositionEncoding = "utf-16") -> int:
        """Byte offset of the LSP position; positions past a line's end clamp to it,
        lines past the end to the end of the text (as the LSP spec asks)."""
        starts = self.starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.data)
        start = starts[line]
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(self.data)
        if end > start and self.data[end - 1] == 13:  # keep `\r\n` together
            end -= 1
        raw = self.data[start:end]
        if encoding == "utf-8" or raw.isascii():
            return start + max(0, min(character, end - start))
        text = raw.decode("utf-8", "replace")
        if encoding == "utf-32":
            return start + len(text[: max(0, character)].encode("utf-8"))
        units = 0
        for index, char in enumerate(text):
            if units >= character:
                return start + len(text[:index].encode("utf-8"))
            units += 2 if ord(char) > 0xFFFF else 1
        return end
