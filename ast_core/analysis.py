"""The facade the CLI and the server call: one file's derived facts, computed on use.

`Analysis` wraps a `Document` (the incremental state) and answers questions about its
current version. Questions about one place (hover, node at a cursor) touch only the
units around it; whole-file questions (the tree, the NodeId table) materialize all.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from .document import Document
from .model import HAS_SPAN, Crate, Span
from .passes import locate
from .render import node_class, node_ident, node_kind, to_json_obj, tree_json, tree_text


class Analysis:
    """Facts about the current version of a `Document`."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def krate(self) -> Crate:
        return self.doc.krate

    # -- the whole tree ---------------------------------------------------------------

    def tree_json(self, with_ids: bool = True) -> str:
        """The crate's JSON; with ids, a crate holding code that could not be read
        lists it in `"unreadable"` (its nodes and the later ones have no ids)."""
        text = tree_json(self.krate, self.doc.index, with_ids, self.unreadable)
        ranges = self.unreadable_ranges() if with_ids else []
        return "{" + f'"unreadable":{json.dumps(ranges)},' + text[1:] if ranges else text

    def tree_text(self, with_ids: bool = True) -> str:
        return tree_text(self.krate, self.doc.index, with_ids)

    def json_obj(self, with_ids: bool = True) -> dict:
        obj = to_json_obj(self.krate, self.doc.index, with_ids, self.unreadable)
        ranges = self.unreadable_ranges() if with_ids else []
        return {"unreadable": ranges, **obj} if ranges else obj

    def subtree_json(self, node: Any) -> dict:
        """One node's tree as JSON objects (for the whole crate, pass `krate`)."""
        return to_json_obj(node, self.doc.index, unreadable=self.unreadable)

    def unreadable(self, node: Any) -> bool:
        """Whether `node` has no NodeId because code before it could not be read."""
        return self.doc.id_unreadable(node)

    def unreadable_ranges(self) -> list[list[int]]:
        """The code that could not be read, as rustc spans."""
        return [list(self.doc.index.rustc_span(span)) for span in self.doc.unreadable_ranges()]

    def id_entries(self) -> list[tuple[int, Any, str | None]]:
        """Every assigned NodeId with its node and slot (None for the node's own id,
        else the reference's slot name), ordered by id."""
        entries = [(value, node, slot) for node in locate.iter_nodes([self.krate])
                   for value, slot in locate.id_slots(node)]
        entries.sort(key=lambda e: e[0])
        return entries

    def id_rows(self) -> list[dict[str, Any]]:
        """`rust-ast ids --json`: one row per assigned NodeId, ordered by id; `span` is
        what rustc's dump prints for the node (null where it prints none)."""
        index = self.doc.index
        rows = []
        for value, node, slot in self.id_entries():
            row: dict[str, Any] = {"id": value, "class": node_class(node), "kind": node_kind(node),
                                   "span": index.rustc_span(node.span) if type(node) in HAS_SPAN else None}
            ident = node_ident(node)
            if ident is not None:
                row["ident"] = ident
            if slot is not None:
                row["field"] = slot
            rows.append(row)
        return rows

    @cached_property
    def by_id(self) -> dict[int, Any]:
        """NodeId -> the node that holds it."""
        return {value: node for value, node, _ in self.id_entries()}

    # -- places -----------------------------------------------------------------------

    def roots_at(self, lo: int, hi: int) -> list[Any]:
        """The top-level nodes (items, crate attributes) near `lo..hi`."""
        return [n for unit in self.doc.units_in(lo, hi) for n in (*unit.inner_attrs, *unit.items)]

    def nodes_at(self, offset: int) -> list[Any]:
        """The nodes at `offset`, outermost first (the crate not included)."""
        src = self.doc.src
        blank_after = offset >= len(src) or src[offset:offset + 1].isspace()
        return locate.path_to(self.roots_at(offset, offset), offset, touching=blank_after)

    def covering(self, lo: int, hi: int) -> list[Any]:
        """The smallest nodes covering `lo..hi` (the crate for the whole file)."""
        nodes = locate.covering(self.roots_at(lo, hi), lo, hi)
        return nodes or [self.krate]

    def extent(self, node: Any) -> Span | None:
        return locate.extent(node)


