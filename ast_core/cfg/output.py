"""`rust-ast check-cfg`'s two output formats for a diagnostic: INTERFACE.md's JSON
object and rustc's human-readable rendering.

The human form follows rustc's layout (`warning: ...`, ` --> file:line:col`, the
source line with carets under the primary span and dashes under labelled ones,
`= note:`/`= help:` lines, then each suggestion as `help: ...` with the line as it
would read once applied); it does not reproduce every layout rustc chooses (inline
`help:` labels, multi-line drawings).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ast_core.cfg.diagnostic import CfgDiagnostic, Suggestion
from ast_core.model.span import LineIndex, Span


def span_json(index: LineIndex, span: Span) -> list[int]:
    """INTERFACE.md's `[lo_line, lo_col, hi_line, hi_col]`."""
    return index.rustc_span(span)


def to_json(diag: CfgDiagnostic, file: str, index: LineIndex) -> dict[str, Any]:
    """One `--format json` line: INTERFACE.md's fields, plus rustc's error code
    (`rustc_code`), the labels, a child's span where rustc gives one, and each
    suggestion's applicability."""
    children = []
    for child in diag.children:
        entry: dict[str, Any] = {"level": child.level, "message": child.message}
        if child.span is not None:
            entry["span"] = span_json(index, child.span)
        children.append(entry)
    return {
        "file": file, "span": span_json(index, diag.span), "code": diag.code, "level": diag.level,
        "what": diag.what, "name": diag.name, "value": diag.value, "message": diag.message,
        "children": children,
        "suggestions": [{"message": s.message, "applicability": s.applicability,
                         "edits": [{"span": span_json(index, e.span), "replacement": e.replacement}
                                   for e in s.edits]} for s in diag.suggestions],
        "rustc_code": diag.rustc_code,
        "labels": sorted(({"span": span_json(index, label.span), "label": label.message}
                          for label in diag.labels), key=lambda d: d["span"]),
    }


def _width(text: str) -> int:
    """Columns a terminal gives `text` (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Lines:
    """Source lines and their gutter, for one diagnostic."""

    def __init__(self, index: LineIndex) -> None:
        self.index = index

    def line(self, number: int) -> str:
        """Line `number` (1-based) without its newline, tabs shown as four spaces."""
        starts, data = self.index.starts, self.index.data
        lo = starts[number - 1]
        hi = starts[number] if number < len(starts) else len(data)
        return data[lo:hi].decode("utf-8", "replace").rstrip("\r\n").replace("\t", "    ")

    def marks(self, span: Span, line: int) -> tuple[int, int]:
        """Where marks go under `line` for `span`: (indent, count), in columns."""
        lo_line, lo_col, hi_line, hi_col = self.index.rustc_span(span)
        text = self.line(line)
        start = lo_col - 1 if lo_line == line else 0
        end = hi_col - 1 if hi_line == line else len(text)
        indent = _width(text[:start])
        return indent, max(1, _width(text[start:end]))


def render_human(diag: CfgDiagnostic, file: str, index: LineIndex) -> str:
    """`diag` as rustc prints it on a terminal (without colours)."""
    code = f"[{diag.rustc_code}]" if diag.rustc_code else ""
    lo_line, lo_col, _, _ = index.rustc_span(diag.span)
    lines = _Lines(index)
    gutter = " " * len(str(lo_line))
    out = [f"{diag.level}{code}: {diag.message}", f"{gutter}--> {file}:{lo_line}:{lo_col}", f"{gutter} |"]
    out.append(f"{lo_line} | {lines.line(lo_line)}")
    indent, count = lines.marks(diag.span, lo_line)
    primary = [label.message for label in diag.labels if label.span == diag.span]
    out.append(f"{gutter} | {' ' * indent}{'^' * count}" + (f" {primary[0]}" if primary else ""))
    for label in diag.labels:
        if label.span == diag.span:
            continue
        line = index.rustc_span(label.span)[0]
        if line != lo_line:
            out.append(f"{str(line).rjust(len(gutter))} | {lines.line(line)}")
        indent, count = lines.marks(label.span, line)
        out.append(f"{gutter} | {' ' * indent}{'-' * count} {label.message}")
    if diag.children:
        out.append(f"{gutter} |")
        for child in diag.children:
            text = child.message.replace("\n", "\n" + " " * (len(gutter) + len(child.level) + 5))
            out.append(f"{gutter} = {child.level}: {text}")
    for suggestion in diag.suggestions:
        out += _suggestion(suggestion, lines, gutter)
    return "\n".join(out) + "\n"


def _suggestion(suggestion: Suggestion, lines: _Lines, gutter: str) -> list[str]:
    """`help: MESSAGE` and the first edited line as it would read, `~` under new text
    (`-` where text goes)."""
    out = [f"help: {suggestion.message}"]
    index = lines.index
    first = index.rustc_span(suggestion.edits[0].span)[0]
    edits = sorted((e for e in suggestion.edits if index.rustc_span(e.span)[0] == first
                    and index.rustc_span(e.span)[2] == first), key=lambda e: e.span)
    if not edits:
        return out
    text = lines.line(first)
    line_lo = index.starts[first - 1]
    data = text.encode()
    patched, marks, cursor = b"", "", 0
    for edit in edits:
        lo, hi = edit.span[0] - line_lo, edit.span[1] - line_lo
        patched += data[cursor:lo]
        marks += " " * (_width(patched.decode("utf-8", "replace")) - len(marks))
        new = edit.replacement.encode()
        patched += new
        marks += ("~" if hi > lo else "+") * _width(edit.replacement) if new else "-" * max(1, hi - lo)
        cursor = hi
    patched += data[cursor:]
    width = len(gutter)
    out += [f"{gutter} |", f"{str(first).rjust(width)} | {patched.decode('utf-8', 'replace')}",
            f"{gutter} | {marks}"]
    return out
