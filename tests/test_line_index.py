"""LineIndex against a reference: LSP positions break lines at `\n`, `\r\n` and a lone
`\r`; rustc's `line:col` at `\n` only; both stay exact through incremental edits."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ast_core.model.span import LineIndex

PIECES = st.sampled_from(["a", "é", "𝕏", "\n", "\r", "\r\n", " ", "fn", "\r\r", "\n\r"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def lsp_lines(text: str) -> list[str]:
    """The text's lines as LSP counts them, each without its break."""
    return re.split(r"\r\n|\r|\n", text)


def reference_position(text: str, char_offset: int) -> tuple[int, int]:
    lines = lsp_lines(text[:char_offset])
    return len(lines) - 1, len(lines[-1].encode("utf-16-le")) // 2


def check(index: LineIndex, text: str) -> None:
    data = text.encode()
    assert index.data == data
    assert LineIndex(data).starts == index.starts
    assert LineIndex(data).lsp_starts == index.lsp_starts
    for char_offset in range(len(text) + 1):
        if text[char_offset - 1:char_offset + 1] == "\r\n":
            continue  # between the two bytes of one break: no LSP position
        byte = len(text[:char_offset].encode())
        line, character = reference_position(text, char_offset)
        assert index.position(byte) == (line, character)
        assert index.offset(line, character) == byte
    for line, content in enumerate(lsp_lines(text)):  # past a line's end: its end
        end = index.offset(line, 0) + len(content.encode())
        assert index.offset(line, len(content.encode("utf-16-le")) // 2 + 5) == end


@given(TEXTS)
def test_positions_follow_lsp_line_breaks(text: str) -> None:
    check(LineIndex(text.encode()), text)


@settings(max_examples=300)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), TEXTS), max_size=6))
def test_edits_keep_both_numberings_exact(text: str, edits: list[tuple[int, int, str]]) -> None:
    index = LineIndex(text.encode())
    for a, b, new in edits:
        a, b = sorted((min(a, len(text)), min(b, len(text))))
        old = text.encode()
        start, end = len(text[:a].encode()), len(text[:b].encode())
        text = text[:a] + new + text[b:]
        index.edit(start, end, new.encode(), text.encode())
        assert old[:start] + new.encode() + old[end:] == text.encode()
        check(index, text)


def test_lone_cr_is_an_lsp_break_but_not_a_rustc_one() -> None:
    index = LineIndex(b"fn a() {}\rfn b() {}\r")
    assert index.position(13) == (1, 3)
    assert index.offset(1, 3) == 13
    assert index.line_col(13) == (1, 14)  # rustc: one line, the `\r` is a character
    assert index.lsp_line(13) == 1 and index.line_of(13) == 0


def test_rustc_columns_do_not_count_the_cr_of_crlf() -> None:
    index = LineIndex("é\r\nb\r\n".encode())
    assert index.line_col(2) == (1, 2)  # at the `\r`
    assert index.line_col(3) == (1, 2)  # at the `\n` of `\r\n`: the `\r` is normalized away
    assert index.line_col(4) == (2, 1)
