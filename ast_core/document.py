"""An open Rust file, kept up to date edit by edit at the cheapest layer that is exact.

A file is a sequence of *units*: each top-level item with the attributes and comments
before it, or a crate inner attribute. After an edit, tree-sitter re-parses
incrementally, and a unit whose text is unchanged keeps its lowered items: a top-level
item's model depends on its own text only. (tree-sitter's subtree ids are no key: it
re-creates subtrees holding comments even far from an edit.) Only the other units are
lowered and numbered again.

NodeIds run over the whole crate, so an edit that adds nodes shifts every later id;
byte offsets shift the same way. Neither is rewritten eagerly: a unit carries the
byte offset and first NodeId its nodes hold now, and `materialize` shifts its subtree
to the unit's real place only when someone reads it. A keystroke therefore costs the
re-parse and the units it touched, not the file.

One thing is not a function of the text: how tree-sitter recovers from a syntax error
depends on the edit history, so after an incremental re-parse that left errors the
tree (and a unit with errors in it) may differ from what a fresh parse gives. Such a
document is not `exact`; `settle` parses it afresh. Whole-file reads settle first;
per-keystroke reads do not (a fresh parse costs ~0.1 s per MB), and the server settles
when typing pauses.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import syntax
from .cfg.targets import CfgSet
from .lower import LowerCx, ParseError, crate_span, lower_file, lower_top_level, syntax_errors
from .model import DUMMY_NODE_ID, Crate, Item, LineIndex, Visitor, shift
from .passes.node_ids import LoadedMod, NodeIdAssigner, crate_prefix
from .project import ModFiles, UsageError, read_source
from .stack import paused_gc

log = logging.getLogger(__name__)
T = TypeVar("T")
FREEZE_MIN_UNITS = 64


@dataclass(frozen=True, slots=True)
class DocumentConfig:
    """What a file is analysed for: its edition, the active cfg set, and where it lives
    (for `mod x;` files; None for an unsaved buffer)."""

    edition: int
    cfg: CfgSet
    path: Path | None = None


@dataclass(slots=True, eq=False)
class Unit:
    """One top-level item with its leading attributes, or a crate inner attribute.

    `lo` and `first_id` are the byte offset and first NodeId its nodes hold now; they
    lag behind the unit's real place until `Document.materialize` shifts them."""

    key: bytes  # its text: a unit with the same text (and no errors) lowers the same
    items: list[Item]
    inner_attrs: list
    errors: list[ParseError]
    lo: int
    first_id: int = 0
    id_count: int = 0
    numbered: bool = False
    # per-pass results computed on this unit: key -> (byte offset they were made at, value)
    results: dict[str, tuple[int, Any]] = field(default_factory=dict)


def group_units(nodes: Iterable[syntax.SyntaxNode], src: bytes) -> Iterator[list[syntax.SyntaxNode]]:
    """Split `source_file`'s children into units: attributes and comments go with the
    item after them, a `;` with the item before it (`m!(..);`); inner attributes and
    inner doc comments stand alone."""
    units = list(_group_runs(nodes, src))
    merged: list[list[syntax.SyntaxNode]] = []
    for run in units:
        if merged and run[0].type == "empty_statement":
            merged[-1].extend(run)
        else:
            merged.append(run)
    return iter(merged)


def _group_runs(nodes: Iterable[syntax.SyntaxNode], src: bytes) -> Iterator[list[syntax.SyntaxNode]]:
    pending: list[syntax.SyntaxNode] = []
    for node in nodes:
        t = node.type
        inner = t == "inner_attribute_item" or (
            t in ("line_comment", "block_comment")
            and src[node.start_byte:node.start_byte + 3] in (b"//!", b"/*!"))
        if inner:
            if pending:
                yield pending
                pending = []
            yield [node]
        elif t in ("attribute_item", "line_comment", "block_comment"):
            pending.append(node)
        else:
            pending.append(node)
            yield pending
            pending = []
    if pending:
        yield pending


def lower_unit(cx: LowerCx, nodes: list[syntax.SyntaxNode]) -> tuple[list, list, list[ParseError]]:
    """A unit's items, inner attributes and errors (tree-sitter's and lowering's). A bug
    in lowering becomes an error on the unit, never an exception: a document must not
    be lost to one."""
    errors: list[ParseError] = []
    for node in nodes:
        syntax_errors(node, errors, cx.src)
    cx.errors = errors
    try:
        items, inner = lower_top_level(cx, nodes)
    except Exception as exc:  # noqa: BLE001
        log.exception("lowering failed at byte %d", nodes[0].start_byte)
        items, inner = [], []
        errors.append(ParseError((nodes[0].start_byte, nodes[-1].end_byte),
                                 f"rust-ast could not lower this item ({type(exc).__name__}: {exc}); "
                                 "please report this"))
    errors.sort(key=lambda e: e.span)
    return items, inner, errors


class ModLoader:
    """The files of out-of-line modules (`mod x;`), found as rustc finds them and
    lowered once (cached by path and modification time)."""

    def __init__(self, config: DocumentConfig) -> None:
        self.config = config
        self.files = ModFiles(config.path) if config.path is not None else None
        self._loaded: dict[tuple[Path, int], LoadedMod | None] = {}

    def load(self, item: Item, mod_path: tuple[str, ...], path_attr: str | None) -> LoadedMod | None:
        if self.files is None:
            return None
        path = self.files.resolve(item, mod_path, path_attr)
        if path is None:
            return None
        try:
            key = (path, path.stat().st_mtime_ns)
        except OSError:
            return None
        if key not in self._loaded:
            try:
                data = read_source(path)
            except UsageError:
                self._loaded[key] = None
            else:
                items, inner = lower_file(data, self.config.edition)
                self._loaded[key] = LoadedMod(data, inner, items)
        return self._loaded[key]


class ClearIds(Visitor):
    """Sets every NodeId back to the dummy."""

    def visit_id(self, owner: object, field: str) -> None:
        setattr(owner, field, DUMMY_NODE_ID)


class Document:
    """The text, syntax tree, line index and lowered units of one file."""

    def __init__(self, src: bytes, config: DocumentConfig) -> None:
        self.config = config
        self.src = src
        self.index = LineIndex(src)
        self.tree = syntax.parse(src, edition=config.edition)
        self.mods = ModLoader(config)
        self.units: list[Unit] = []
        self.starts: list[int] = []  # where each unit's syntax starts now
        self.bases: list[int] = []  # each unit's first NodeId now
        self.crate_span = (0, 0)
        self.crate_removed = False
        self.next_id = 0
        self.revision = 0  # counts rebuilds: a cache of derived facts is valid for one
        self._result_inputs: dict[str, Hashable] = {}  # `unit_results`' inputs, by key
        self.exact = True  # the tree is what a fresh parse of `src` gives
        self._dirty = False
        self._rebuild(previous={})

    # -- editing --------------------------------------------------------------------

    def edit(self, start: int, old_end: int, new_text: bytes) -> None:
        """Replace bytes `start:old_end` by `new_text` (offsets into the current text).

        Only the text, line index and syntax tree's positions change here; the re-parse
        and re-lowering wait for the next read (`sync`), so a burst of keystrokes costs
        one re-parse."""
        src = self.src
        start = max(0, min(start, len(src)))
        old_end = max(start, min(old_end, len(src)))
        new_src = src[:start] + new_text + src[old_end:]
        start_pt = self._point(start)
        old_end_pt = self._point(old_end)
        self.index.edit(start, old_end, new_text, new_src)
        self.src = new_src
        new_end = start + len(new_text)
        syntax.edit(self.tree, start, old_end, new_end, start_pt, old_end_pt, self._point(new_end))
        self._dirty = True

    def sync(self) -> None:
        """Re-parse and re-lower what the edits since the last read touched."""
        if self._dirty:
            self._dirty = False
            self.tree = syntax.parse(self.src, self.tree, self.config.edition)
            self.exact = self.exact and not self.tree.root_node.has_error
            self._rebuild(self._reusable(self.units))

    def settle(self) -> bool:
        """Make the model what a fresh parse of the text gives (see the module's
        docstring); units without errors are kept. Returns whether it re-parsed."""
        self.sync()
        if self.exact:
            return False
        self.tree = syntax.parse(self.src, edition=self.config.edition)
        self.exact = True
        self._rebuild(self._reusable([u for u in self.units if not u.errors]))
        return True

    @staticmethod
    def _reusable(units: list[Unit]) -> dict[bytes, list[Unit]]:
        previous: dict[bytes, list[Unit]] = {}
        for unit in reversed(units):  # reused in order: `pop` takes the first
            previous.setdefault(unit.key, []).append(unit)
        return previous

    def _point(self, offset: int) -> tuple[int, int]:
        line = self.index.line_of(offset)
        return (line, offset - self.index.starts[line])

    # -- lowering and numbering -------------------------------------------------------

    def _rebuild(self, previous: dict[bytes, list[Unit]]) -> None:
        """Regroup the new tree into units, reusing previous units whose syntax
        survived and lowering the rest; then number the new units."""
        children = self.tree.root_node.children
        src = self.src
        plan: list[tuple[list[syntax.SyntaxNode], bytes, Unit | None]] = []
        for nodes in group_units([c for c in children if c.is_named], src):
            key = src[nodes[0].start_byte:nodes[-1].end_byte]
            reusable = previous.get(key)
            plan.append((nodes, key, reusable.pop() if reusable else None))
        to_lower = sum(unit is None for _, _, unit in plan)
        cx = LowerCx(src, self.config.edition)
        # freezing pays off for a large model kept for long, not for a keystroke's unit
        with paused_gc(freeze=to_lower >= FREEZE_MIN_UNITS or 2 * to_lower > len(plan)):
            self.units = [unit or self._lower_unit(cx, nodes, key) for nodes, key, unit in plan]
            self.starts = [nodes[0].start_byte for nodes, _, _ in plan]
            self.bases = [0] * len(plan)
            self.crate_span = crate_span(cx, children)
            self._number()
        self.revision += 1

    def _lower_unit(self, cx: LowerCx, nodes: list[syntax.SyntaxNode], key: bytes) -> Unit:
        items, inner, errors = lower_unit(cx, nodes)
        return Unit(key, items, inner, errors, nodes[0].start_byte)

    def _assigner(self, next_id: int) -> NodeIdAssigner:
        return NodeIdAssigner(self.src, self.config.cfg, next_id, self.mods.load)

    def _number(self) -> None:
        """Number the crate prefix, then each unit not numbered yet from its place in
        the sequence. Units numbered before keep their ids until read."""
        attrs = [a for i, u in enumerate(self.units) if u.inner_attrs
                 for a in self.materialize(i, ids=False).inner_attrs]
        clear = ClearIds()
        for attr in attrs:  # a crate `#![cfg(false)]` leaves them unnumbered
            clear.visit_attribute(attr)
        assigner = self._assigner(0)
        kept = crate_prefix(assigner, Crate(attrs, [], self.crate_span), self.config.edition)
        if self.crate_removed == kept:  # a crate `#![cfg(false)]` came or went
            for unit in self.units:
                if unit.numbered:
                    for item in unit.items:
                        clear.visit_item(item)
                    unit.numbered = False
                    unit.id_count = 0
        self.crate_removed = not kept
        next_id = assigner.next_id
        for index, unit in enumerate(self.units):
            self.bases[index] = next_id
            if not unit.numbered:
                self.materialize(index, ids=False)
                unit.first_id = next_id
                if kept:
                    sub = self._assigner(next_id)
                    for item in unit.items:
                        sub.visit_item(item)
                    unit.id_count = sub.next_id - next_id
                unit.numbered = True
            next_id += unit.id_count
        self.next_id = next_id

    def materialize(self, index: int, ids: bool = True) -> Unit:
        """Bring unit `index`'s spans (and ids) to where the unit is now."""
        self.sync()
        unit = self.units[index]
        db = self.starts[index] - unit.lo
        di = self.bases[index] - unit.first_id if ids and unit.numbered else 0
        if db or di:
            for item in unit.items:
                shift(item, db, di)
            for attr in unit.inner_attrs:  # numbered with the crate root, not the unit
                shift(attr, db, 0)
            if db:
                unit.errors = [ParseError((e.span[0] + db, e.span[1] + db), e.message)
                               for e in unit.errors]
            unit.lo += db
            unit.first_id += di
        return unit

    # -- reading ----------------------------------------------------------------------

    @property
    def krate(self) -> Crate:
        """The whole crate, settled, every unit brought up to date."""
        self.settle()
        attrs: list = []
        items: list = []
        for index, (unit, start, base) in enumerate(zip(self.units, self.starts, self.bases)):
            if unit.lo != start or (unit.numbered and unit.first_id != base):
                self.materialize(index)
            attrs += unit.inner_attrs
            items += unit.items
        return Crate(attrs, items, self.crate_span, id=0)

    @property
    def errors(self) -> list[ParseError]:
        """Syntax errors in file order (shifted copies: the units stay as they are)."""
        self.sync()
        out: list[ParseError] = []
        for unit, start in zip(self.units, self.starts):
            db = start - unit.lo
            out.extend(e if not db else ParseError((e.span[0] + db, e.span[1] + db), e.message)
                       for e in unit.errors)
        return out

    def unit_results(self, key: str, compute: Callable[[Unit], T], shift: Callable[[T, int], T],
                     inputs: Hashable = None) -> list[T]:
        """`compute(unit)` for every unit, cached on the unit until it is lowered again
        or `inputs` (what `compute` depends on besides the unit: a session, a context)
        changes. Units whose text did not change are neither recomputed nor
        materialized, so a keystroke costs the changed units; a cached value whose unit
        moved by `delta` bytes since is `shift(value, delta)` (and cached so)."""
        self.sync()
        if self._result_inputs.get(key, inputs) != inputs:
            for unit in self.units:
                unit.results.pop(key, None)
        self._result_inputs[key] = inputs
        out = []
        for index, unit in enumerate(self.units):
            cached = unit.results.get(key)
            if cached is None:
                self.materialize(index)
                cached = unit.results[key] = (unit.lo, compute(unit))
            elif cached[0] != self.starts[index]:
                cached = unit.results[key] = (self.starts[index], shift(cached[1], self.starts[index] - cached[0]))
            out.append(cached[1])
        return out

    def units_in(self, lo: int, hi: int) -> list[Unit]:
        """The units that may overlap bytes `lo..hi`, brought up to date."""
        self.sync()
        first = max(0, bisect_right(self.starts, lo) - 1)
        last = bisect_right(self.starts, hi)
        return [self.materialize(i) for i in range(first, last)]
