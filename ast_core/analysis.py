"""The facade the CLI and the server call: one file's derived facts, computed on use.

`Analysis` wraps a `Document` (the incremental state) and answers questions about its
current version, in the crate the file belongs to (`ast_core.crate`): its NodeIds are
the crate's. Questions about one place (hover, node at a cursor) touch only the units
around it; whole-file questions (the tree, the NodeId table) materialize all.

What a pass derives from the whole version (autodiff expansions, a check-cfg report)
is computed once per `Analysis`: the server keeps one per open document while its
version lasts (`Analysis.current`), so a hover, inlay hints and diagnostics in a row
share it, and the CLI reads the same entry points.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from .crate import CrateFile
from .document import Document
from .model import HAS_SPAN, Attribute, Crate, Item, Span
from .passes import locate
from .passes.no_id import NoIdReasons
from .crate.config import cfg_text
from .render import node_class, node_ident, node_kind, nodes_json, to_json_obj, tree_json, tree_lines

if TYPE_CHECKING:
    from .cfg.diagnostic import CfgDiagnostic
    from .cfg.report import FileContext
    from .cfg.scan import InactiveCode
    from .cfg.session import CfgSession
    from .passes.autodiff import AutodiffExpansion

T = TypeVar("T")


class Analysis:
    """Facts about the current version of a `Document`, in its crate."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        link = doc.link
        self.file = link if isinstance(link, CrateFile) else None
        _bring_up_to_date(doc)
        self.revision = doc.revision
        self._results: dict[Hashable, Any] = {}

    @classmethod
    def current(cls, analysis: Analysis | None, doc: Document) -> Analysis:
        """`analysis` while it still describes `doc` as it is now (no edit of it, and no
        edit before it in the crate that moved its ids), else a new `Analysis` of it."""
        _bring_up_to_date(doc)
        if analysis is not None and analysis.doc is doc and analysis.revision == doc.revision:
            return analysis
        return cls(doc)

    def _once(self, key: Hashable, compute: Callable[[Document], T]) -> T:
        """`compute(doc)` once for this version, under `key` (a pass and its arguments)."""
        if key not in self._results:
            self._results[key] = compute(self.doc)
        return self._results[key]

    # -- what passes derive from the whole version -------------------------------------

    def autodiff_expansions(self) -> list[AutodiffExpansion]:
        """Every autodiff attribute of the file, in source order, with its expansion
        and rustc's diagnostics."""
        from .passes.autodiff import autodiff_expansions  # noqa: PLC0415 (tree and ids never load autodiff)

        return self._once("autodiff", autodiff_expansions)

    def autodiff_expanded(self) -> str:
        """The file with each annotated item replaced by its expansion (`rust-ast
        expand`); its expansions come from the same pass."""
        from .passes.autodiff import expand  # noqa: PLC0415

        expansions, text = expand(self.doc)
        self._results.setdefault("autodiff", expansions)
        return text

    def cfg_report(self, session: CfgSession,
                   context: FileContext | None = None) -> tuple[list[CfgDiagnostic], list[InactiveCode]]:
        """The file's check-cfg findings and inactive code as `session` lints it, placed
        in its crate by `context` (its parents' lint levels; None: a crate root)."""
        from .cfg.report import document_report  # noqa: PLC0415 (tree and ids never load check-cfg)

        return self._once(("cfg_report", session, context), lambda doc: document_report(doc, session, context))

    @property
    def is_module(self) -> bool:
        """A module file (not a crate root): its tree's root is the `Module` node."""
        return self.file is not None and not self.file.is_root

    def crate_info(self) -> dict[str, Any]:
        """`rustAst/crateInfo`: the crate and configuration the file is analysed in."""
        if self.file is None:
            return {"root": None, "module": "crate", "target": None, "edition": self.doc.config.edition,
                    "features": [], "cfg": []}
        crate = self.file.crate
        config = crate.config
        return {"root": str(crate.root), "module": self.file.module_name, "kind": crate.kind, "name": crate.name,
                "target": config.target, "edition": crate.edition, "features": list(config.features),
                "cfg": [cfg_text(cfg) for cfg in config.cfgs]}

    @cached_property
    def no_id_reasons(self) -> NoIdReasons:
        """Why nodes of this file have no NodeId (INTERFACE `no_id`)."""
        config = self.doc.config
        whole_file = None
        macro = self.file.declaring_macro if self.file is not None else None
        if macro is not None:
            whole_file = ("expansion", f"numbered after the macro call `{macro}!` declaring this module expands")
        unknown_cfg = config.open_names != frozenset() and not self.doc.unreadable_ranges()
        # the document's method, not this Analysis's: no cycle keeps an old version alive
        return NoIdReasons(self.doc.src, config.cfg, config.edition, self.doc.id_unreadable, whole_file, unknown_cfg)

    def context_line(self) -> str | None:
        """Which crate, module and configuration the file is analysed in (for hovers)."""
        if self.file is None:
            return None
        crate = self.file.crate
        name = f"`{crate.name}` " if crate.name else ""
        return (f"crate {name}({crate.kind}, `{crate.display_root()}`) · module `{self.file.module_name}` · "
                f"{crate.config.describe()}")

    def module_head(self) -> dict[str, Any]:
        """A module file's root node (INTERFACE: `Module`), without its children."""
        assert self.file is not None
        return {"class": "Module", "kind": None, "module": self.file.module_name,
                "crate_root": self.file.crate.display_root(), "span": self.doc.index.rustc_span(self.krate.span)}

    def _module_json(self, with_ids: bool) -> str:
        """A module file's tree: the `Module` node holding its inner attributes and items."""
        krate = self.krate
        kids: list[Attribute | Item] = [*krate.attrs, *krate.items]
        kids.sort(key=lambda node: node.span[0])
        children = nodes_json(kids, self.doc.index, with_ids, no_id=self.no_id_reasons)
        head = json.dumps(self.module_head(), separators=(",", ":"), ensure_ascii=False)
        return head[:-1] + f',"children":[{children}]}}'

    @cached_property
    def krate(self) -> Crate:
        return self.doc.krate

    # -- the whole tree ---------------------------------------------------------------

    def tree_json(self, with_ids: bool = True) -> str:
        """The crate's JSON; with ids, a crate holding code that could not be read
        lists it in `"unreadable"` (its nodes and the later ones have no ids)."""
        if self.is_module:
            text = self._module_json(with_ids)
        else:
            text = tree_json(self.krate, self.doc.index, with_ids, self.no_id_reasons)
        ranges = self.unreadable_ranges() if with_ids else []
        return "{" + f'"unreadable":{json.dumps(ranges)},' + text[1:] if ranges else text

    def tree_text(self, with_ids: bool = True) -> str:
        return "".join(self.tree_lines(with_ids))

    def tree_lines(self, with_ids: bool = True) -> Iterator[str]:
        """`tree_text` a line at a time."""
        lines = tree_lines(self.krate, self.doc.index, with_ids)
        if self.is_module:  # the root line names the module, not a crate
            assert self.file is not None
            first = next(lines)
            yield f"Module {self.file.module_name} (crate root {self.file.crate.display_root()})" + \
                first.removeprefix("Crate")
        yield from lines

    def json_obj(self, with_ids: bool = True) -> dict:
        if self.is_module:
            obj = json.loads(self._module_json(with_ids))
        else:
            obj = to_json_obj(self.krate, self.doc.index, with_ids, self.no_id_reasons)
        ranges = self.unreadable_ranges() if with_ids else []
        return {"unreadable": ranges, **obj} if ranges else obj

    def subtree_json(self, node: Any) -> dict:
        """One node's tree as JSON objects (for the whole crate, pass `krate`)."""
        return to_json_obj(node, self.doc.index, no_id=self.no_id_reasons)

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


def _bring_up_to_date(doc: Document) -> None:
    """Take in `doc`'s pending edits and put its ids where its crate numbers them now."""
    doc.sync()
    link = doc.link
    if isinstance(link, CrateFile):
        link.crate.prepare(link)
