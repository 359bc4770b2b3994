"""The comments rustc's printer copies, as rustc_ast's `util/comments.rs` gathers them:
each non-doc comment and blank line of the source, classified by what surrounds it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..tokens import scan

CommentStyle = Literal["Isolated", "Trailing", "Mixed", "BlankLine"]


@dataclass(frozen=True, slots=True)
class Comment:
    """A non-doc comment or a blank line, and how it sits among the code."""

    style: CommentStyle
    lines: tuple[str, ...]
    pos: int


def _block_comment_lines(text: str, col: int) -> tuple[str, ...]:
    """The lines of a block comment, later lines without the whitespace that indents
    the comment's first line (up to `col` characters)."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        line = line.removesuffix("\r")
        cut = 0
        for ch in line[:col]:
            if not ch.isspace():
                cut = -1
                break
            cut += 1
        out.append(line if cut < 0 else line[cut:])
    return tuple(out)


def gather_comments(src: bytes, lo: int = 0, hi: int | None = None) -> list[Comment]:
    """Every comment and blank line of a file (or of `src[lo:hi]`, which should start a
    line), in order, classified as rustc does."""
    comments: list[Comment] = []
    code_to_the_left = False
    pos = lo
    for kind, start, end in scan(src, lo, hi):
        if _blank_lines(src, pos, start, comments):
            code_to_the_left = False
        pos = end
        if kind == "comment":
            text = src[start:end].decode("utf-8", "replace")
            if text.startswith("//"):
                style: CommentStyle = "Trailing" if code_to_the_left else "Isolated"
                comments.append(Comment(style, (text,), start))
                continue
            if src[end:end + 1] not in (b"\r", b"\n"):  # code to the right
                style = "Mixed"
            else:
                style = "Trailing" if code_to_the_left else "Isolated"
            line_start = src.rfind(b"\n", 0, start) + 1
            col = len(src[line_start:start].decode("utf-8", "replace"))
            comments.append(Comment(style, _block_comment_lines(text, col), start))
        elif kind != "doc":  # doc comments are attributes, neither comments nor code here
            code_to_the_left = True
    _blank_lines(src, pos, len(src) if hi is None else min(hi, len(src)), comments)
    return comments


def _blank_lines(src: bytes, lo: int, hi: int, comments: list[Comment]) -> bool:
    """The blank lines of the whitespace `src[lo:hi]` (each newline after its first);
    whether it holds a newline at all."""
    idx = src.find(b"\n", lo, hi)
    if idx == -1:
        return False
    idx = src.find(b"\n", idx + 1, hi)
    while idx != -1:
        comments.append(Comment("BlankLine", (), idx))
        idx = src.find(b"\n", idx + 1, hi)
    return True


def _comment_pos(comment: Comment) -> int:
    return comment.pos


def comments_in(comments: Sequence[Comment], lo: int, hi: int) -> list[Comment]:
    """The comments with positions in `lo..hi` (comments are sorted by position)."""
    return list(comments[bisect_left(comments, lo, key=_comment_pos):bisect_left(comments, hi, key=_comment_pos)])
