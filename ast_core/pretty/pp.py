"""The line breaker of rustc's `pp.rs` (after Oppen, "Pretty Printing", 1979): the
AST printer emits words, breaks and boxes; `Printer` decides which breaks become
newlines so lines stay within `MARGIN` columns."""

from __future__ import annotations

from collections import deque
from typing import Any


MARGIN = 78
"""Target line width."""
MIN_SPACE = 60
"""Every line gets at least this much room, however deep its indentation."""
SIZE_INFINITY = 0xFFFF
INDENT_UNIT = 4


class Break:
    """A place where the line may break: `blank_space` spaces if it does not,
    a newline indented by the enclosing box plus `offset` if it does; `pre_break` is
    printed before the newline (the trailing comma of a broken list)."""

    __slots__ = ("offset", "blank_space", "pre_break")

    def __init__(self, offset: int, blank_space: int, pre_break: str | None = None) -> None:
        self.offset = offset
        self.blank_space = blank_space
        self.pre_break = pre_break

    def is_hardbreak(self) -> bool:
        return self.offset == 0 and self.blank_space == SIZE_INFINITY and self.pre_break is None


class Begin:
    """Opens a box: `indent` is the offset for broken lines (None: align with the
    column where the box starts); a consistent box breaks all its breaks or none."""

    __slots__ = ("indent", "consistent")

    def __init__(self, indent: int | None, consistent: bool) -> None:
        self.indent = indent
        self.consistent = consistent


class End:
    __slots__ = ()


END = End()
_PpToken = str | Break | Begin | End


def _width(text: str) -> int:
    """rustc measures words in bytes."""
    return len(text) if text.isascii() else len(text.encode("utf-8"))


class Printer:
    """The breaking engine: a stream of words, breaks and boxes in, text out.

    SCAN (`_scan_*`) buffers tokens until the size of each pending box or break is
    known (or obviously too large); PRINT (`_print_*`) then decides each break."""

    def __init__(self) -> None:
        self._out: list[str] = []
        self._space = MARGIN
        self._buf: deque[list[Any]] = deque()  # [token, size]
        self._buf_first = 0  # absolute index of _buf[0]
        self._left_total = 0
        self._right_total = 0
        self._scan_stack: deque[int] = deque()
        self._print_stack: list[tuple[int, bool] | None] = []  # None: the box fits
        self._indent = 0
        self._pending_indentation = 0
        self._last_printed: _PpToken | None = None

    # -- scanning ---------------------------------------------------------------------

    def _push(self, token: _PpToken, size: int) -> int:
        self._buf.append([token, size])
        return self._buf_first + len(self._buf) - 1

    def _clear(self) -> None:
        self._buf_first += len(self._buf)
        self._buf.clear()

    def _scan_begin(self, token: Begin) -> None:
        if not self._scan_stack:
            self._left_total = self._right_total = 1
            self._clear()
        self._scan_stack.append(self._push(token, -self._right_total))

    def _scan_end(self) -> None:
        if not self._scan_stack:
            self._print_end()
        else:
            self._scan_stack.append(self._push(END, -1))

    def _scan_break(self, token: Break) -> None:
        if not self._scan_stack:
            self._left_total = self._right_total = 1
            self._clear()
        else:
            self._check_stack(0)
        self._scan_stack.append(self._push(token, -self._right_total))
        self._right_total += token.blank_space

    def _scan_string(self, text: str) -> None:
        if not self._scan_stack:
            self._print_string(text)
        else:
            size = _width(text)
            self._push(text, size)
            self._right_total += size
            self._check_stream()

    def _check_stream(self) -> None:
        while self._right_total - self._left_total > self._space:
            if self._scan_stack[0] == self._buf_first:
                self._scan_stack.popleft()
                self._buf[0][1] = SIZE_INFINITY
            self._advance_left()
            if not self._buf:
                break

    def _advance_left(self) -> None:
        buf = self._buf
        while buf[0][1] >= 0:
            token, size = buf.popleft()
            self._buf_first += 1
            if isinstance(token, str):
                self._left_total += _width(token)
                self._print_string(token)
            elif isinstance(token, Break):
                self._left_total += token.blank_space
                self._print_break(token, size)
            elif isinstance(token, Begin):
                self._print_begin(token, size)
            else:
                self._print_end()
            self._last_printed = token
            if not buf:
                break

    def _check_stack(self, depth: int) -> None:
        stack = self._scan_stack
        while stack:
            entry = self._buf[stack[-1] - self._buf_first]
            token = entry[0]
            if isinstance(token, Begin):
                if depth == 0:
                    break
                stack.pop()
                entry[1] += self._right_total
                depth -= 1
            elif isinstance(token, End):
                stack.pop()
                entry[1] = 1
                depth += 1
            else:
                stack.pop()
                entry[1] += self._right_total
                if depth == 0:
                    break

    # -- printing -----------------------------------------------------------------------

    def _print_begin(self, token: Begin, size: int) -> None:
        if size > self._space:
            self._print_stack.append((self._indent, token.consistent))
            if token.indent is None:
                self._indent = MARGIN - self._space
            else:
                self._indent = self._indent + token.indent
        else:
            self._print_stack.append(None)

    def _print_end(self) -> None:
        frame = self._print_stack.pop()
        if frame is not None:
            self._indent = frame[0]

    def _print_break(self, token: Break, size: int) -> None:
        top = self._print_stack[-1] if self._print_stack else (0, False)
        fits = top is None or (not top[1] and size <= self._space)
        if fits:
            self._pending_indentation += token.blank_space
            self._space -= token.blank_space
        else:
            if token.pre_break is not None:
                self._out.append(token.pre_break)
            self._out.append("\n")
            indent = self._indent + token.offset
            self._pending_indentation = indent
            self._space = max(MARGIN - indent, MIN_SPACE)

    def _print_string(self, text: str) -> None:
        if self._pending_indentation:
            self._out.append(" " * self._pending_indentation)
            self._pending_indentation = 0
        self._out.append(text)
        self._space -= _width(text)

    # -- the convenience layer (`pp/convenience.rs`) --------------------------------------

    def ibox(self, indent: int) -> None:
        """An inconsistent box: breaks as few of its breaks as it must."""
        self._scan_begin(Begin(indent, False))

    def cbox(self, indent: int) -> None:
        """A consistent box: breaks all of its breaks or none."""
        self._scan_begin(Begin(indent, True))

    def visual_align(self) -> None:
        self._scan_begin(Begin(None, True))

    def end(self) -> None:
        self._scan_end()

    def word(self, text: str) -> None:
        self._scan_string(text)

    def break_offset(self, n: int, off: int) -> None:
        self._scan_break(Break(off, n))

    def space(self) -> None:
        self.break_offset(1, 0)

    def zerobreak(self) -> None:
        self.break_offset(0, 0)

    def hardbreak(self) -> None:
        self.break_offset(SIZE_INFINITY, 0)

    def trailing_comma(self) -> None:
        self._scan_break(Break(0, 0, ","))

    def trailing_comma_or_space(self) -> None:
        self._scan_break(Break(0, 1, ","))

    def offset(self, off: int) -> None:
        if self._buf and isinstance(self._buf[-1][0], Break):
            self._buf[-1][0].offset += off

    def last_token(self) -> _PpToken | None:
        return self._buf[-1][0] if self._buf else self._last_printed

    def is_beginning_of_line(self) -> bool:
        last = self.last_token()
        return last is None or (isinstance(last, Break) and last.is_hardbreak())

    def hardbreak_if_not_bol(self) -> None:
        if not self.is_beginning_of_line():
            self.hardbreak()

    def space_if_not_bol(self) -> None:
        if not self.is_beginning_of_line():
            self.space()

    def break_offset_if_not_bol(self, n: int, off: int) -> None:
        if not self.is_beginning_of_line():
            self.break_offset(n, off)
        elif off != 0 and self._buf and isinstance(self._buf[-1][0], Break) \
                and self._buf[-1][0].is_hardbreak():
            # rustc tucks the offset into the hardbreak that is still buffered
            self._buf[-1][0] = Break(off, SIZE_INFINITY)

    def nbsp(self) -> None:
        self.word(" ")

    def word_nbsp(self, text: str) -> None:
        self.word(text)
        self.nbsp()

    def word_space(self, text: str) -> None:
        self.word(text)
        self.space()

    def popen(self) -> None:
        self.word("(")

    def pclose(self) -> None:
        self.word(")")

    def eof(self) -> str:
        if self._scan_stack:
            self._check_stack(0)
            self._advance_left()
        return "".join(self._out)
