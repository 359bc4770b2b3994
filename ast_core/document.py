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
to the unit's real place only when someone reads it. Units are regrouped only around
the edits (and, after error recovery, where the syntax changed), the units after them
only move. A keystroke therefore costs the re-parse and the units it touched, not the
file.

One thing is not a function of the text: how tree-sitter recovers from a syntax error
depends on the edit history, so after an incremental re-parse that left errors the
tree (and a unit with errors in it) may differ from what a fresh parse gives. Such a
document is not `exact`; `settle` parses it afresh. Whole-file reads settle first;
per-keystroke reads do not (a fresh parse costs ~0.1 s per MB), and the server settles
when typing pauses.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

from . import syntax
from .syntax import kinds as K
from .targets import CfgSet
from .lower import LowerCx, ParseError, crate_span, is_inner_unit, lower_top_level, syntax_errors
from .lower.cx import COMMENTS
from .model import DUMMY_NODE_ID, Crate, Item, ItemKind, LineIndex, Span, Visitor
from .passes import locate
from .passes.node_ids import ChildMod, Hole, ModHook, NodeIdAssigner, crate_prefix
from .record import Record
from .shift import shifted
from .stack import building_model

T = TypeVar("T")


class DocumentConfig(Record):
    """What a file is analysed for: its edition, the active cfg set, where it lives (for
    `mod x;` files; None for an unsaved buffer), and the cfg names a build script may
    set that we cannot read (a cfg naming one has an unknown verdict, and every id
    after it is unknown)."""

    __slots__ = ("edition", "cfg", "path", "open_names")

    def __init__(self, edition: int, cfg: CfgSet, path: Path | None = None,
                 open_names: frozenset[str] | None = frozenset()) -> None:
        self.edition = edition
        self.cfg = cfg
        self.path = path
        self.open_names = open_names


class Unit:
    """One top-level item with its leading attributes, or a crate inner attribute.

    `lo` and `first_id` are the byte offset and first NodeId its nodes hold now; they
    lag behind the unit's real place until `Document.materialize` shifts them."""

    __slots__ = ("key", "items", "inner_attrs", "errors", "lo", "first_id", "id_count", "numbered", "holes",
                 "withheld", "mods_loaded", "child_mods", "dropped", "results")

    def __init__(self, key: bytes, items: list[Item], inner_attrs: list, errors: list[ParseError], lo: int) -> None:
        self.key = key  # its text: a unit with the same text (and no errors) lowers the same
        self.items = items
        self.inner_attrs = inner_attrs
        self.errors = errors
        self.lo = lo
        self.first_id = 0
        self.id_count: int | None = 0  # None: unknown (the unit holds code that could not be read)
        self.numbered = False
        # the `mod x;` files numbered inside the unit, as of `first_id`
        self.holes: list[Hole] = []
        self.withheld: set[int] = set()  # `id()` of its nodes unnumbered: code before them could not be read
        self.mods_loaded = False  # its `mod x;` files were loaded while its ids were unknown
        # what its `mod x;` files numbered when it was numbered, in order (`Document.restore_model`)
        self.child_mods: tuple[ChildMod | None, ...] = ()
        self.dropped = False  # its items were freed (`Document.drop_model`)
        # per-pass results computed on this unit: key -> (byte offset they were made at, value)
        self.results: dict[str, tuple[int, Any]] = {}


def group_units(cx: LowerCx, nodes: Iterable[syntax.SyntaxNode]) -> Iterator[list[syntax.SyntaxNode]]:
    """Split `source_file`'s children into units: attributes and comments go with the
    item after them, a `;` with the unit before it (`m!(..);`); inner attributes and
    inner doc comments stand alone. A unit is given once the node after it shows it is
    complete (is no `;` joining it), so a caller may stop at any unit."""
    last: list[syntax.SyntaxNode] | None = None  # the last unit, open to a `;`
    pending: list[syntax.SyntaxNode] = []  # attributes and comments waiting for an item
    for node in nodes:
        t = node.type
        if last is not None:  # (then nothing is pending)
            if t == K.EMPTY_STATEMENT:
                last.append(node)
                continue
            yield last
            last = None
        if is_inner_unit(cx, node):
            if pending:
                yield pending
                pending = []
            last = [node]
        elif t == K.ATTRIBUTE_ITEM or t in COMMENTS:
            pending.append(node)
        else:
            pending.append(node)
            last, pending = pending, []
    if last is not None:
        yield last
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
        import logging  # noqa: PLC0415 (only on such a failure: CLI start-up)

        logging.getLogger(__name__).exception("lowering failed at byte %d", nodes[0].start_byte)
        items, inner = [], []
        errors.append(ParseError((nodes[0].start_byte, nodes[-1].end_byte),
                                 f"rust-ast could not lower this item ({type(exc).__name__}: {exc}); "
                                 "please report this", True))
    errors.sort(key=lambda e: e.span)
    return items, inner, errors


class ModuleLink(Protocol):
    """How a file sits in its crate (`ast_core.crate`): whether it is the crate root,
    and the files of its `mod x;` items (found, numbered and counted by the crate)."""

    @property
    def is_root(self) -> bool: ...

    def load_child(self, item: Item, mod_path: tuple[str, ...], path_attr: str | None,
                   count: bool) -> ChildMod | None: ...


class ClearIds(Visitor):
    """Sets every NodeId back to the dummy."""

    def visit_id(self, owner: object, field: str) -> None:
        setattr(owner, field, DUMMY_NODE_ID)


class Document:
    """The text, syntax tree, line index and lowered units of one file.

    A crate root numbers from 0. A module file (`link.is_root` False) numbers its
    inner attributes from `place`'s first id and its items from its second, where the
    crate puts them (`move_to`); until then from 0. Without `link`, a file on disk is
    the root of a crate of its own (`rustc FILE`), and an unsaved buffer loads no
    module files."""

    def __init__(self, src: bytes, config: DocumentConfig, link: ModuleLink | None = None,
                 placed: bool = True) -> None:
        self.config = config
        self.src = src
        self.index = LineIndex(src)
        self._gates = syntax.gates(src)  # what the parser's repairs look for, followed edit by edit
        # what the tree is a parse of, and where it is spelled otherwise than the text
        spelled = self._spelled_all()
        self._spelled, self._places = spelled.text, spelled.places
        self.tree = syntax.parse_spelled(self._spelled)
        if link is None and config.path is not None:
            from .crate import standalone_link  # noqa: PLC0415 (the crate package builds on this one)

            link = standalone_link(self)
        self.link = link
        self.place: tuple[int, int | None] | None = None  # a module file's (inner_base, items_base)
        self.unplaced = not placed  # a module file whose place is unknown: no id of it is known
        self.inner_ids = 0  # the ids of the file's inner attributes
        self.units: list[Unit] = []
        self.starts: list[int] = []  # where each unit's syntax starts now
        self.bases: list[int] = []  # each numbered unit's first NodeId now
        self.prefix_end = 0  # the first NodeId of the items (after the crate root or inner attributes)
        self._inner: list[int] = []  # the units with crate inner attributes
        self.crate_span = (0, 0)
        self.crate_removed = False  # a `#![cfg]` removes the crate's items (or this module)
        self.next_id: int | None = 0  # None: unknown (code that could not be read comes before)
        # the nodes unnumbered because code before them could not be read: those of the
        # first such unit (`withheld`, by `id()`) and every node from `unknown_after` on
        self.withheld: set[int] = set()
        self.unknown_after: int | None = None
        self.revision = 0  # counts rebuilds: a cache of derived facts is valid for one
        # False: the model is dropped once `unit_results` made results from it (`drop_model`)
        self.model_kept = True
        self._result_inputs: dict[str, Hashable] = {}  # `unit_results`' inputs, by key
        self.exact = True  # the tree is what a fresh parse of `src` gives
        # what the edits since the last rebuild replaced: bytes `lo:old_hi` of the text
        # then became `lo:new_hi` of the text now (None: no edit)
        self._edited: tuple[int, int, int] | None = None
        self._rebuild()

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
        lo, old_hi, new_hi = self._edited or (start, start, start)
        # the union with what earlier edits replaced; bytes after it moved by the edits
        end = max(new_hi, old_end)
        self._edited = (min(lo, start), old_hi + end - new_hi, end + new_end - old_end)

    def sync(self) -> None:
        """Re-parse and re-lower what the edits since the last read touched."""
        if self._edited is not None:
            lo, old_hi, new_hi = self._edited
            self._edited = None
            old_tree = self.tree
            self._gates = syntax.gates(self.src, self._gates, (lo, new_hi))
            windowed = not old_tree.root_node.has_error and bool(self.units)
            spelled = self._respelled(lo, old_hi, new_hi) if windowed else self._spelled_all()
            for _ in range(2):
                respelled = syntax.respelled(self._spelled[:lo] + spelled.text[lo:new_hi] + self._spelled[old_hi:],
                                             spelled.text)
                if respelled is not None:  # a repair outside the edits came or went: re-read it too
                    a, b = respelled
                    syntax.edit(old_tree, a, b, b, self._point(a), self._point(b), self._point(b))
                    if a < lo or b > new_hi:
                        old_hi, new_hi = old_hi + max(b, new_hi) - new_hi, max(b, new_hi)
                        lo = min(lo, a)
                self.tree = syntax.parse_spelled(spelled.text, old_tree)
                if not (windowed and self.tree.root_node.has_error):
                    break
                # Code that does not parse may not end where a top-level item ended
                # before: a repair can reach across (see `_respelled`); so all of it.
                windowed, spelled = False, self._spelled_all()
            self._spelled, self._places = spelled.text, spelled.places
            self.exact = self.exact and not self.tree.root_node.has_error
            if old_tree.root_node.has_error or self.tree.root_node.has_error:
                # Error recovery depends on the history: the syntax may also change
                # away from the edits. (Without errors, both trees are what a fresh
                # parse gives, and at a boundary of top-level items after the edits,
                # the same text parses the same way.)
                for changed in old_tree.changed_ranges(self.tree):
                    lo = min(lo, changed.start_byte)
                    if changed.end_byte > new_hi:
                        old_hi, new_hi = old_hi + changed.end_byte - new_hi, changed.end_byte
            self._rebuild(edited=(lo, old_hi, new_hi))

    def _spelled_all(self) -> syntax.Spelled:
        return syntax.spelled(self.src, self.config.edition, self._gates)

    def _respelled(self, lo: int, old_hi: int, new_hi: int) -> syntax.Spelled:
        """The spelled text and places (`syntax.spelled`) after edits that replaced bytes
        `lo:old_hi` of the text at the last rebuild with `lo:new_hi`: the old one, with
        the units around the edits spelled again (a keystroke costs them, not the
        file). Sound when the tree before the edits had no error and the new one has
        none (`sync` checks): no repair reaches out of a top-level item."""
        starts = self.starts
        before = bisect_right(starts, lo) - 2  # (`_rebuild` regroups from the unit before the edits')
        a = starts[before] if before >= 0 else 0
        after = bisect_right(starts, old_hi)  # the first unit after the edits
        b_old = starts[after] if after < len(starts) else len(self._spelled)
        delta = new_hi - old_hi
        window = syntax.spelled(self.src[a:b_old + delta], self.config.edition, self._gates)
        places = self._places
        first, last = bisect_left(places, (a,)), bisect_left(places, (b_old,))
        return syntax.Spelled(self._spelled[:a] + window.text + self._spelled[b_old:], [
            *places[:first], *((start + a, end + a) for start, end in window.places),
            *((start + delta, end + delta) for start, end in places[last:])])

    def settle(self) -> bool:
        """Make the model what a fresh parse of the text gives (see the module's
        docstring); units without errors are kept. Returns whether it re-parsed."""
        self.sync()
        if self.exact:
            return False
        self.tree = syntax.parse_spelled(self._spelled)
        self.exact = True
        self._rebuild(self._reusable([u for u in self.units if not u.errors]))
        return True

    def drop_tree(self) -> None:
        """Free the syntax tree of a document no editor edits (a crate's file read from
        disk): about 40% of its memory. Its model stays readable; `edit` needs the tree
        (a file opened in the editor is read into a document of its own)."""
        self.sync()
        del self.tree

    @property
    def editable(self) -> bool:
        return hasattr(self, "tree")

    def drop_model(self) -> None:
        """Free the lowered items of a document no editor edits and no numbering of an
        edited file walks (most of a crate's files): about 90% of what is left after
        `drop_tree`. What the crate's numbering needs stays: each unit's place, id
        count and `mod x;` files (`holes`, `child_mods`), the crate inner attributes,
        and the per-unit results (`unit_results`). Reading a unit lowers them again
        (`restore_model`)."""
        assert not self.editable, "an edited document keeps its model"
        for unit in self.units:
            if unit.items and not unit.dropped:
                unit.dropped = True
                unit.key = b""
                unit.items = []
                unit.withheld.clear()  # (the same set as `self.withheld`, when it is)

    def restore_model(self) -> None:
        """Lower again the units `drop_model` freed, numbered as they were (from their
        first id, their `mod x;` files counted as then): the text did not change, and
        a fresh parse of it groups the same units."""
        if not any(unit.dropped for unit in self.units):
            return
        tree = syntax.parse_spelled(self._spelled)
        cx = LowerCx(self.src, self.config.edition, self._places)
        groups = list(group_units(cx, (c for c in tree.root_node.children if c.is_named)))
        assert len(groups) == len(self.units), "the same text groups the same units"
        with building_model(len(self.src)):
            for unit, nodes in zip(self.units, groups, strict=True):
                if not unit.dropped:
                    continue
                lo = self.unit_start(nodes[0].start_byte)
                unit.key = self.src[lo:nodes[-1].end_byte]
                unit.items, _, unit.errors = lower_unit(cx, nodes)
                unit.lo = lo
                unit.dropped = False
                if unit.numbered and not self.crate_removed:
                    sub = self._assigner(unit.first_id, unreadable_from(unit.errors), _replay(unit.child_mods))
                    for item in unit.items:
                        sub.visit_item(item)
                    assert sub.holes == unit.holes, "a unit lowered again numbers as it did"
                    unit.withheld.update(sub.withheld)

    @staticmethod
    def _reusable(units: Iterable[Unit], previous: dict[bytes, deque[Unit]] | None = None) -> dict[bytes, deque[Unit]]:
        """Units by text, to be reused in order (`popleft`), added to `previous`."""
        previous = {} if previous is None else previous
        for unit in units:
            if unit.key in previous:
                previous[unit.key].append(unit)
            else:
                previous[unit.key] = deque((unit,))
        return previous

    def _point(self, offset: int) -> tuple[int, int]:
        line = self.index.line_of(offset)
        return (line, offset - self.index.starts[line])

    # -- lowering and numbering -------------------------------------------------------

    def _rebuild(self, previous: dict[bytes, deque[Unit]] | None = None,
                 edited: tuple[int, int, int] | None = None) -> None:
        """Regroup the new tree into units, reusing previous units whose syntax
        survived and lowering the rest; then number the new units.

        With `edited` (`lo, old_hi, new_hi`: the bytes `lo:old_hi` of the text at the
        last rebuild, now `lo:new_hi`, hold every edit and syntax change since), only
        the units around it are regrouped, the previous ones among them reused: the
        units before are unchanged, those after only moved."""
        root = self.tree.root_node
        src = self.src
        cx = LowerCx(src, self.config.edition, self._places)
        old_units, old_starts = self.units, self.starts
        head, tail, delta = 0, len(old_units), 0  # the units kept: before `head`, from `tail`
        nodes = None
        if edited is not None and old_units:
            lo, old_hi, new_hi = edited
            delta = new_hi - old_hi
            # from the unit before the one holding `lo` (a `;` typed first joins it)
            head = max(0, bisect_right(old_starts, lo) - 2)
            nodes = syntax.named_children_from(root, old_starts[head] if head else 0)
        if nodes is None:  # regroup all
            head, edited = 0, None
            nodes = (c for c in root.children if c.is_named)
            previous = previous if previous is not None else self._reusable(old_units)
        else:
            seen = bisect_left(old_starts, old_hi)  # old units in `previous` start before it
            previous = self._reusable(old_units[head:seen])
        plan: list[tuple[list[syntax.SyntaxNode], bytes, Unit | None]] = []
        for unit_nodes in group_units(cx, nodes):
            lo_byte, hi_byte = self.unit_start(unit_nodes[0].start_byte), unit_nodes[-1].end_byte
            if edited is not None and lo_byte >= new_hi:  # past the edits: the old units again?
                index = bisect_left(old_starts, lo_byte - delta, head)
                if (index < len(old_starts) and old_starts[index] == lo_byte - delta
                        and len(old_units[index].key) == hi_byte - lo_byte):
                    tail = index
                    break
                end = bisect_left(old_starts, hi_byte - delta)
                if end > seen:  # the old units that may have this unit's text
                    self._reusable(old_units[seen:end], previous)
                    seen = end
            key = src[lo_byte:hi_byte]
            reusable = previous.get(key)
            plan.append((unit_nodes, key, reusable.popleft() if reusable else None))
        end = head + len(plan)  # the units from `head` to `end` are new or moved
        with building_model(sum(len(key) for _, key, unit in plan if unit is None)):
            middle = [unit or self._lower_unit(cx, nodes, key) for nodes, key, unit in plan]
            self.units = [*old_units[:head], *middle, *old_units[tail:]]
            self.starts = [*old_starts[:head], *(self.unit_start(nodes[0].start_byte) for nodes, _, _ in plan),
                           *(start + delta for start in old_starts[tail:])]
            shift = end - tail
            self._inner = [*(i for i in self._inner if i < head),
                           *(head + i for i, unit in enumerate(middle) if unit.inner_attrs),
                           *(i + shift for i in self._inner if i >= tail)]
            self.crate_span = crate_span(cx, root)
            self._number(None if edited is None else (head, end, tail))
        self.revision += 1

    def _lower_unit(self, cx: LowerCx, nodes: list[syntax.SyntaxNode], key: bytes) -> Unit:
        items, inner, errors = lower_unit(cx, nodes)
        return Unit(key, items, inner, errors, self.unit_start(nodes[0].start_byte))

    def unit_start(self, start: int) -> int:
        """Where a unit whose first syntax node starts at `start` begins: before the
        keywords the parser's repairs spelled as spaces in front of it (`gen` of `gen
        fn`), which lowering reads into the unit's model, so they are part of its key."""
        spelled, src = self._spelled, self.src
        lo = start
        while lo and spelled[lo - 1] in b" \t\r\n":
            lo -= 1
        while lo < start and src[lo] == spelled[lo]:
            lo += 1
        return lo

    @property
    def is_module(self) -> bool:
        return self.link is not None and not self.link.is_root

    def _assigner(self, next_id: int, unreadable_from: int | None = None,
                  load_mod: ModHook | None = None) -> NodeIdAssigner:
        if load_mod is None and self.link is not None:
            load_mod = self.link.load_child
        return NodeIdAssigner(self.src, self.config.cfg, next_id, load_mod, self.config.edition,
                              unreadable_from, self.config.open_names)

    def _recording(self, answers: list[ChildMod | None]) -> ModHook | None:
        """The crate's `load_child`, noting its answers in `answers`."""
        if self.link is None:
            return None
        load_child = self.link.load_child

        def load(item: Item, mod_path: tuple[str, ...], path_attr: str | None, count: bool) -> ChildMod | None:
            answer = load_child(item, mod_path, path_attr, count)
            answers.append(answer)
            return answer

        return load

    def _number_prefix(self, attrs: list) -> tuple[bool, int, bool]:
        """Number the crate root (or, in a module file, nothing) and the inner
        attributes: whether a `#![cfg]` removes the items, their first id, and whether
        it is known (a cfg of unknown verdict makes every id after it unknown)."""
        if not self.is_module:
            assigner = self._assigner(0)
            removed = not crate_prefix(assigner, Crate(attrs, [], self.crate_span), self.config.edition)
            self.inner_ids = 0
            return removed, assigner.next_id, not assigner.stopped
        inner_base, items_base = self.place or (0, None)
        assigner = self._assigner(inner_base)
        removed = assigner.effect(attrs).removed
        if not removed and not self.unplaced:
            for attr in attrs:
                assigner.visit_attribute(attr)
        self.inner_ids = assigner.next_id - inner_base
        return removed, assigner.next_id if items_base is None else items_base, not assigner.stopped

    def move_to(self, place: tuple[int, int | None] | None) -> None:
        """Put a module file's ids where its `mod x;` item puts them (`inner_base,
        items_base`; items_base None: right after the inner attributes): the units'
        ids follow lazily. None: that place is unknown (code before the item could not
        be read, or a macro call declares the module), and so is every id of the file."""
        self.sync()
        if (place is None) != self.unplaced:  # numbered afresh (rare: an ancestor broke or healed)
            self.unplaced = place is None
            self.place = place
            self._number()
            self.revision += 1
        elif place is not None and self.place != place:
            self.place = place
            self._number((0, 0, 0))
            self.revision += 1

    def child_mod(self, key: object) -> ChildMod:
        """What this module file numbers, for its `mod x;` item (`key` names the file)."""
        self.sync()
        return ChildMod(key, self.crate_removed, self.inner_ids,
                        None if self.next_id is None else self.next_id - self.prefix_end)

    def renumber_holes(self, key: object, counts: ChildMod | None = None) -> bool:
        """Number again the units holding `mod x;` items of file `key` (its count
        changed); the units after them move. Whether any did. With `counts` (what the
        file numbers now), a unit that numbered it with these counts is left as it is:
        most edits of a module file change no count."""
        self.sync()
        found = False
        for index, unit in enumerate(self.units):
            if unit.numbered and any(hole.key == key for hole in unit.holes):
                if counts is not None and all(answer == counts for answer in unit.child_mods
                                              if answer is not None and answer.key == key):
                    continue
                clear = ClearIds()
                for item in unit.items:
                    clear.visit_item(item)
                unit.numbered = False
                unit.id_count = 0
                unit.holes = []
                self._number((index, index + 1, index + 1))
                found = True
        if found:
            self.revision += 1
        return found

    def hole(self, key: object) -> Hole | None:
        """Where the ids of `mod x;` file `key` go now (the first such item)."""
        self.sync()
        for index, unit in enumerate(self.units):
            for hole in unit.holes:
                if hole.key == key:
                    return hole.shifted(self.bases[index] - unit.first_id)
        return None

    def _number(self, kept: tuple[int, int, int] | None = None) -> None:
        """Number the crate prefix, then each unit not numbered yet from its place in
        the sequence. Units numbered before keep their ids until read.

        With `kept` (`head, end, tail`: only units `head:end` are new, those before
        were there already, those after were at `tail` and on), only the new units
        are visited; the others' first ids move with the prefix and the new units.

        A unit holding code that could not be read is numbered up to that point; its
        id count is unknown (None), and so is every later unit's first id (its base is
        None and its ids stay dummies) until the code can be read again."""
        attrs = [a for i in self._inner for a in self.materialize(i, ids=False).inner_attrs]
        clear = ClearIds()
        for attr in attrs:  # a crate `#![cfg(false)]` leaves them unnumbered
            clear.visit_attribute(attr)
        # crate attributes after code that could not be read may be no crate attributes
        # (tree-sitter may have put a function's `#![..]` at the top level): not numbered
        unreadable_at = next((i for i, unit in enumerate(self.units) if unreadable_from(unit.errors) is not None),
                             len(self.units)) if self._inner else len(self.units)
        readable = [a for i in self._inner if i < unreadable_at for a in self.units[i].inner_attrs]
        removed, start, known = self._number_prefix(readable)
        if self.crate_removed != removed:  # a crate `#![cfg(false)]` came or went
            for unit in self.units:
                if unit.numbered:
                    for item in unit.items:
                        clear.visit_item(item)
                    unit.numbered = False
                    unit.id_count = 0
                    unit.holes = []
            kept = None
        self.crate_removed = removed
        next_id: int | None = start
        if self.unplaced or not known or any(i >= unreadable_at for i in self._inner):
            next_id = None  # the file's place, or the crate root's attributes, could not all be read
        if kept is not None and (self.unknown_after is not None or next_id is None or any(
                unreadable_from(unit.errors) is not None for unit in self.units[kept[0]:kept[1]])):
            kept = None  # renumber around the unreadable code (numbered units only move)
        if kept is None:
            self.bases = [0] * len(self.units)
            head, end = 0, len(self.units)
        else:
            head, end, tail = kept
            assert next_id is not None  # kept only while the ids up to it are known (above)
            old = self.bases
            moved = next_id - self.prefix_end  # the prefix's ids grew or shrank by as many
            self.bases = [*(base + moved for base in old[:head]), *([0] * (end - head)), *old[tail:]]
            if head:
                count = self.units[head - 1].id_count
                assert count is not None  # (likewise: the units before are known)
                next_id = self.bases[head - 1] + count
        self.prefix_end = start
        self.unknown_after = None if next_id is not None else 0
        self.withheld = set()
        for index in range(head, end):
            unit = self.units[index]
            if next_id is None:  # after unreadable code: no id is known
                if unit.numbered:
                    for item in unit.items:
                        clear.visit_item(item)
                    unit.numbered = False
                    unit.holes = []
                self._load_mods(unit)
                continue
            self.bases[index] = next_id
            if not unit.numbered:
                self.materialize(index, ids=False)
                unit.first_id = next_id
                unit.holes = []
                unit.child_mods = ()
                unit.id_count = 0
                unit.withheld = set()
                if not removed:
                    cut = unreadable_from(unit.errors)
                    answers: list[ChildMod | None] = []
                    sub = self._assigner(next_id, cut, self._recording(answers))
                    for item in unit.items:
                        sub.visit_item(item)
                    unit.id_count = None if cut is not None or sub.stopped else sub.next_id - next_id
                    unit.withheld = sub.withheld
                    unit.holes = sub.holes
                    unit.child_mods = tuple(answers)
                unit.numbered = True
            if unit.id_count is None:
                next_id = None
                self.withheld = unit.withheld
                self.unknown_after = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.src)
            else:
                next_id += unit.id_count
        if kept is not None and end < len(self.units):  # the units after: moved
            if next_id is None:  # a unit numbered again has unknown ids now (its `mod x;` file's are),
                self._number()  # so has every unit after it: numbered afresh, they lose theirs
                return
            assert self.next_id is not None  # (the kept units' ids are known)
            moved = next_id - self.bases[end]
            if moved:
                self.bases[end:] = [base + moved for base in self.bases[end:]]
            next_id = self.next_id + moved
        self.next_id = next_id

    def _load_mods(self, unit: Unit) -> None:
        """Let the crate load the files of a unit's `mod x;` items without numbering
        anything (the unit's ids are unknown; its modules still belong to the crate).
        Once per unit, as a numbered unit loads them once: each renumbering of the
        document would walk every such unit again (all of a file after unreadable code)."""
        if unit.mods_loaded or self.link is None or not any(isinstance(item.kind, ItemKind.Mod) for item in unit.items):
            return
        sub = self._assigner(0)
        sub.stopped = True
        for item in unit.items:
            if isinstance(item.kind, ItemKind.Mod):
                sub.visit_item(item)
        unit.mods_loaded = True

    def materialize(self, index: int, ids: bool = True) -> Unit:
        """Bring unit `index`'s spans (and ids) to where the unit is now."""
        self.sync()
        unit = self.units[index]
        if unit.dropped:
            self.restore_model()
        db = self.starts[index] - unit.lo
        di = self.bases[index] - unit.first_id if ids and unit.numbered else 0
        if db or di:
            from .model.shift_tree import shift  # noqa: PLC0415 (after an edit only: CLI start-up)

            for item in unit.items:
                shift(item, db, di)
            for attr in unit.inner_attrs:  # numbered with the crate root, not the unit
                shift(attr, db, 0)
            if di:
                unit.holes = [hole.shifted(di) for hole in unit.holes]
            if db:
                unit.errors = _shifted(unit.errors, db)
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
        for index in range(len(self.units)):
            unit = self.materialize(index)
            attrs += unit.inner_attrs
            items += unit.items
        return Crate(attrs, items, self.crate_span, id=DUMMY_NODE_ID if self.is_module else 0)

    @property
    def errors(self) -> list[ParseError]:
        """Syntax errors in file order (shifted copies: the units stay as they are)."""
        self.sync()
        out: list[ParseError] = []
        for unit, start in zip(self.units, self.starts, strict=True):
            if unit.errors:
                out += _shifted(unit.errors, start - unit.lo)
        return out

    def id_unreadable(self, node: Any) -> bool:
        """Whether `node` has no NodeId because code before it could not be read."""
        if self.unknown_after is None:
            return False
        if id(node) in self.withheld:
            return True
        span = locate.extent(node)
        return span is not None and span[0] >= self.unknown_after

    def unreadable_ranges(self) -> list[Span]:
        """The code that could not be read (tree-sitter's ERROR and MISSING nodes)."""
        return [e.span for e in self.errors if e.unreadable]

    def unit_results(self, key: str, compute: Callable[[Unit], T], shift: Callable[[T, int], T],
                     inputs: Hashable = None) -> list[T]:
        """`compute(unit)` for every unit, cached on the unit until it is lowered again
        or `inputs` (what `compute` depends on besides the unit: a session, a context)
        changes. Units whose text did not change are neither recomputed nor
        materialized, so a keystroke costs the changed units; a cached value whose unit
        moved by `delta` bytes since is `shift(value, delta)` (and cached so). Without
        `model_kept`, the model is dropped once the results are made: a crate-wide pass
        (check-cfg's session) reads each file of a crate once, lowered as it was loaded."""
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
        if not self.model_kept:
            self.drop_model()
        return out

    def units_in(self, lo: int, hi: int) -> list[Unit]:
        """The units that may overlap bytes `lo..hi`, brought up to date."""
        self.sync()
        first = max(0, bisect_right(self.starts, lo) - 1)
        last = bisect_right(self.starts, hi)
        return [self.materialize(i) for i in range(first, last)]


def _shifted(errors: list[ParseError], db: int) -> list[ParseError]:
    """`errors` moved by `db` bytes (the list itself when `db` is 0)."""
    if not db:
        return errors
    return [shifted(e, db) for e in errors]


def _replay(answers: Iterable[ChildMod | None]) -> ModHook:
    """A `load_child` giving `answers` in turn: a unit numbered again as it was."""
    given = iter(answers)
    return lambda item, mod_path, path_attr, count: next(given)


def unreadable_from(errors: list[ParseError]) -> int | None:
    """Where the first code that could not be read starts (None: all was read)."""
    return min((e.ids_from for e in errors if e.unreadable), default=None)
