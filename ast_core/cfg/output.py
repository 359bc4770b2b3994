"""`rust-ast check-cfg`'s two output formats for a diagnostic: docs/json.md's JSON
object and rustc's human-readable rendering.

The human form follows rustc 1.95's emitter: `warning: ...`, ` --> file:line:col`,
the source line with `^` under the primary span and `-` under labelled ones, labels
placed as rustc places them (beside the marks, or below with `|`), `= note:`/`= help:`
lines, then the suggestions. A lone short suggestion is a label (`help: there is a
config with a similar name: `unix``), as rustc shows it; others get their own
`help:` block, as a `-`/`+` diff when they remove text, else the edited line with `+`
under what they insert. Not reproduced: drawings of spans over several lines (the
first line is marked to its end).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from ast_core.cfg.diagnostic import CfgDiagnostic, Child, Label, Suggestion
from ast_core.model.span import LineIndex, Span
from ast_core.record import Record


class Rendered(Record):
    """Another pass's error (autodiff's) in the terms `render_human` reads from a
    `CfgDiagnostic`."""

    __slots__ = ("level", "rustc_code", "message", "span", "labels", "children", "suggestions")

    def __init__(self, level: str, rustc_code: str | None, message: str, span: Span, labels: tuple[Label, ...] = (),
                 children: tuple[Child, ...] = (), suggestions: tuple[Suggestion, ...] = ()) -> None:
        self.level = level
        self.rustc_code = rustc_code
        self.message = message
        self.span = span
        self.labels = labels
        self.children = children
        self.suggestions = suggestions


def summary_line(errors: int, total: int) -> str:
    """rustc's closing lines: `warning: 2 warnings emitted`, `error: aborting due to 1
    previous error; 2 warnings emitted`, and an empty line."""
    warnings = total - errors
    emitted = f"{warnings} warning{'s' * (warnings != 1)} emitted"
    if not errors:
        return f"warning: {emitted}\n\n"
    aborting = f"error: aborting due to {errors} previous error{'s' * (errors != 1)}"
    return f"{aborting}; {emitted}\n\n" if warnings else f"{aborting}\n\n"


def span_json(index: LineIndex, span: Span) -> list[int]:
    """docs/json.md's `[lo_line, lo_col, hi_line, hi_col]`."""
    return index.rustc_span(span)


Files = Mapping[str, tuple[str, LineIndex]]
"""The files a diagnostic's children point into besides its own (`Child.file`): each
as shown, with its line index."""


def _child_place(child: Child, file: str, index: LineIndex, files: Files) -> tuple[str, LineIndex]:
    """The file (as shown) and line index of a child's span."""
    return files[child.file] if child.file is not None else (file, index)


def to_json(diag: CfgDiagnostic, file: str, index: LineIndex, files: Files | None = None) -> dict[str, Any]:
    """One `--format json` line: docs/json.md's fields, plus rustc's error code
    (`rustc_code`), the labels, a child's span where rustc gives one (and its `file`
    when that is another file), and each suggestion's applicability."""
    children = []
    for child in diag.children:
        entry: dict[str, Any] = {"level": child.level, "message": child.message}
        if child.span is not None:
            where, where_index = _child_place(child, file, index, files or {})
            entry["span"] = span_json(where_index, child.span)
            if where != file:
                entry["file"] = where
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

    def columns(self, span: Span, line: int) -> tuple[int, int]:
        """Where marks go under `line` for `span`: display columns [start, end)."""
        lo_line, lo_col, hi_line, hi_col = self.index.rustc_span(span)
        text = self.line(line)
        start = lo_col - 1 if lo_line == line else 0
        end = hi_col - 1 if hi_line == line else len(text)
        indent = _width(text[:start])
        return indent, indent + max(1, _width(text[start:end]))

    def text(self, span: Span) -> str:
        return self.index.data[span[0]:span[1]].decode("utf-8", "replace")


class _Mark(Record):
    """One annotation under a source line: display columns [start, end)."""

    __slots__ = ("start", "end", "primary", "label")

    def __init__(self, start: int, end: int, primary: bool, label: str) -> None:
        self.start = start
        self.end = end
        self.primary = primary
        self.label = label


def _overlaps(a: _Mark, b: _Mark, padding: int) -> bool:
    """rustc's `overlaps`: the padding (room for a label) extends `a`."""
    return b.start <= a.start < b.end or a.start <= b.start < a.end + padding


def _layout(marks: list[_Mark]) -> list[str]:
    """The rows rustc draws under a source line for single-line annotations: the marks,
    then `|` connectors and labels that do not fit beside them (rustc's
    `render_source_line`)."""
    marks = sorted(marks, key=lambda m: -m.start)  # stable, as rustc's sort_by_key
    placed: list[tuple[int, _Mark]] = []
    row = depth = 0
    for i, mark in enumerate(marks):
        for later in marks[i + 1:]:
            if mark.label and row == 0 and _overlaps(later, mark, 0):
                if (later.start, later.end) == (mark.start, mark.end) and not later.label:
                    continue  # merged with an unlabelled mark of the same span
                row += 1
                break
        placed.append((row, mark))
        for later in marks[i + 1:]:
            padding = len(later.label) + 2 if later.label else 0
            if _overlaps(later, mark, padding) and later.label and (
                    mark.label or (later.end <= mark.end and row == 0)):
                row += 1
                break
        depth = max(depth, row)
    grid: list[list[str]] = [[] for _ in range(depth + 2 if depth else 1)]

    def put(r: int, col: int, text: str) -> None:
        line = grid[r]
        line.extend(" " * (col + len(text) - len(line)))
        line[col:col + len(text)] = text

    for r, mark in placed:
        if r > 0 and mark.label:
            for connector in range(1, r + 1):
                put(connector, mark.start, "|")
    for r, mark in placed:
        if mark.label:
            if r == 0:
                put(0, mark.end + 1, mark.label)
            else:
                put(r + 1, mark.start, mark.label)
    for _, mark in sorted(placed, key=lambda p: (p[1].start - p[1].end, p[1].primary)):
        put(0, mark.start, ("^" if mark.primary else "-") * (mark.end - mark.start))
    return ["".join(line).rstrip() for line in grid]


_CONFUSABLE = set("cfikosuvwxyz")


def _case_difference(found: str, suggested: str) -> bool:
    """rustc's `is_case_difference`: the suggestion differs only in the case of letters
    that look alike in both cases."""
    return (found != suggested and found.lower() == suggested.lower()
            and all(f.lower() in _CONFUSABLE for f, s in zip(found, suggested, strict=False) if f != s))


def _inline_suggestion(diag: CfgDiagnostic | Rendered, lines: _Lines) -> _Mark | None:
    """rustc shows a lone one-edit suggestion with a short message (under 10 words)
    as a label on the edited span: `help: MESSAGE: `REPLACEMENT``."""
    if len(diag.suggestions) != 1:
        return None
    suggestion = diag.suggestions[0]
    if len(suggestion.edits) != 1 or len(suggestion.message.split()) >= 10 or "\n" in suggestion.edits[0].replacement:
        return None
    edit = suggestion.edits[0]
    replacement = edit.replacement.strip()
    if not replacement:
        label = f"help: {suggestion.message}"
    else:
        notice = " (notice the capitalization)" if _case_difference(lines.text(edit.span), replacement) else ""
        label = f"help: {suggestion.message}{notice}: `{replacement}`"
    line = lines.index.rustc_span(edit.span)[0]
    start, end = lines.columns(edit.span, line)
    return _Mark(start, end, edit.span == diag.span, label)


def render_human(diag: CfgDiagnostic | Rendered, file: str, index: LineIndex, files: Files | None = None) -> str:
    """`diag` as rustc prints it on a terminal (without colours). A child with a span
    (the "lint level is defined here" note) is a block of its own, with its source
    line; the gutter is as wide as the widest line number shown."""
    code = f"[{diag.rustc_code}]" if diag.rustc_code else ""
    lo_line, lo_col, _, _ = index.rustc_span(diag.span)
    lines = _Lines(index)
    placed = {child: _child_place(child, file, index, files or {}) for child in diag.children if child.span}
    widest = max([lo_line, *(where_index.rustc_span(child.span)[0] for child, (_, where_index) in placed.items()
                             if child.span is not None)])
    gutter = " " * len(str(widest))
    out = [f"{diag.level}{code}: {diag.message}", f"{gutter}--> {file}:{lo_line}:{lo_col}", f"{gutter} |"]
    marks: list[_Mark] = []
    elsewhere = []
    for label in diag.labels:
        line = index.rustc_span(label.span)[0]
        if line == lo_line:
            marks.append(_Mark(*lines.columns(label.span, line), label.span == diag.span, label.message))
        else:
            elsewhere.append((line, label))
    suggestions = diag.suggestions
    inline = _inline_suggestion(diag, lines)
    if inline is not None and index.rustc_span(diag.suggestions[0].edits[0].span)[0] == lo_line:
        marks.append(inline)
        suggestions = ()
    if not any(mark.primary for mark in marks):
        marks.append(_Mark(*lines.columns(diag.span, lo_line), True, ""))
    out.append(f"{str(lo_line).rjust(len(gutter))} | {lines.line(lo_line)}")
    out += [f"{gutter} | {row}".rstrip() for row in _layout(marks)]
    for line, label in elsewhere:
        out.append(f"{str(line).rjust(len(gutter))} | {lines.line(line)}")
        start, end = lines.columns(label.span, line)
        out.append(f"{gutter} | {' ' * start}{'-' * (end - start)} {label.message}")
    if diag.children:
        if diag.children[0] not in placed:
            out.append(f"{gutter} |")
        for child in diag.children:
            if child in placed and child.span is not None:
                out += _spanned_child(child, child.span, *placed[child], gutter)
                continue
            text = child.message.replace("\n", "\n" + " " * (len(gutter) + len(child.level) + 5))
            out.append(f"{gutter} = {child.level}: {text}")
    elif suggestions:
        out.append(f"{gutter} |")
    for suggestion in suggestions:
        out += _suggestion(suggestion, lines)
    return "\n".join(out) + "\n"


def _spanned_child(child: Child, span: Span, file: str, index: LineIndex, gutter: str) -> list[str]:
    """A child with a span, as rustc prints it: `note: ...`, where, and the line marked."""
    line, col, _, _ = index.rustc_span(span)
    lines = _Lines(index)
    start, end = lines.columns(span, line)
    return [f"{child.level}: {child.message}", f"{gutter}--> {file}:{line}:{col}", f"{gutter} |",
            f"{str(line).rjust(len(gutter))} | {lines.line(line)}", f"{gutter} | {' ' * start}{'^' * (end - start)}"]


def _inserted(original: str, new: str) -> tuple[int, str] | None:
    """rustc's `as_substr`: when `new` is `original` with text inserted in one place,
    (where, what); else None (the edit destroys text)."""
    prefix = 0
    for a, b in zip(original, new, strict=False):
        if a != b:
            break
        prefix += 1
    rest = original[prefix:]
    if new[prefix:].endswith(rest):
        return prefix, new[prefix:len(new) - len(rest)]
    return None


def _suggestion(suggestion: Suggestion, lines: _Lines) -> list[str]:
    """A suggestion's own block: `help: MESSAGE`, then the line before and after as a
    diff (`N - old`, `N + new`) when an edit removes text, else the edited line with
    `+` under each insertion."""
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
    patched, marks, cursor, destroys = b"", "", 0, False
    for edit in edits:
        lo, hi = edit.span[0] - line_lo, edit.span[1] - line_lo
        patched += data[cursor:lo]
        inserted = _inserted(data[lo:hi].decode("utf-8", "replace"), edit.replacement)
        destroys = destroys or inserted is None
        if inserted is not None:
            where, what = inserted
            column = _width(patched.decode("utf-8", "replace") + edit.replacement[:where])
            marks += " " * (column - len(marks)) + "+" * _width(what)
        patched += edit.replacement.encode()
        cursor = hi
    patched += data[cursor:]
    gutter = " " * len(str(first))
    new = patched.decode("utf-8", "replace")
    if destroys:
        return out + [f"{gutter} |", f"{first} - {text}", f"{first} + {new}", f"{gutter} |"]
    return out + [f"{gutter} |", f"{first} | {new}", f"{gutter} | {marks}"]
