"""NodeIds, numbered as rustc 1.95's first expansion walk numbers them (node-ids.md).

rustc's `InvocationCollector` is a `MutVisitor` that assigns ids from one counter as it
walks the crate in `rustc_ast::visit` order. Before numbering an item, statement,
expression, ... it expands `cfg_attr`, drops the node if a `cfg` is false (or it is a
`#[test]`), and sets it aside if a non-inert attribute or a macro call means expansion
must run first. This pass does the same walk, so every node numbered by rustc's first
walk gets exactly rustc's id; nodes rustc numbers only after expansion keep
`DUMMY_NODE_ID` (printed as null), never a wrong number.

Where a unit holds code tree-sitter could not read (`unreadable_from`, the first ERROR
or MISSING node), the walk numbers nodes only until it reaches that point: what rustc
makes of the code there is unknown, and with it every later id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..model import (
    DUMMY_NODE_ID,
    Arm,
    AssocItem,
    AssocItemKind,
    AttrArgs,
    AttrKind,
    Attribute,
    Block,
    Crate,
    Expr,
    ExprField,
    ExprKind,
    FieldDef,
    ForeignItem,
    ForeignItemKind,
    GenericParam,
    Item,
    ItemKind,
    ModKind,
    Param,
    Pat,
    PatField,
    PatKind,
    Stmt,
    StmtKind,
    TraitRef,
    Ty,
    TyKind,
    UseTree,
    Variant,
    Visitor,
    WherePredicate,
)
from ..model._walk import walk_attribute, walk_item, walk_path, walk_stmt, walk_use_tree_kind
from ..record import Record
from ..targets import CfgSet
from ..tokens import tokenize, unescape_str
from .configure import Configurer, SiteHook, path_names
from .locate import extent

if TYPE_CHECKING:  # (the cfg parser loads only when a file has a cfg: CLI start-up)
    from ..cfg.predicate import CfgSite, ParsedCfg, Predicate

# Built-in attributes that do not make rustc set a node aside for expansion (node-ids.md §6).
INERT_ATTRS = frozenset("""
allow warn deny forbid expect deprecated must_use doc inline cold repr non_exhaustive path coroutine
macro_use macro_export no_mangle export_name link_section link link_name used track_caller
target_feature automatically_derived ignore should_panic proc_macro proc_macro_attribute
proc_macro_derive instruction_set naked coverage optimize unstable stable thread_local no_link
crate_type crate_name recursion_limit type_length_limit collapse_debuginfo debugger_visualizer
patchable_function_entry lang fundamental marker sanitize no_builtins no_std no_core no_main
no_implicit_prelude windows_subsystem feature cfg cfg_attr test_runner reexport_test_harness_name
link_ordinal ffi_pure ffi_const may_dangle panic_handler prelude_import compiler_builtins
allow_internal_unstable allow_internal_unsafe macro_escape omit_gdb_pretty_printer_section
register_tool move_size_limit
""".split())
# cfg names no build script sets: cargo's and rustc's own besides the well-known ones.
OWN_NAMES = ("feature", "test", "docsrs")
# Attributes that remove their item when rustc runs without `--test` (with it, `cfg(test)`
# holds and they are attribute macros).
TEST_ATTRS = frozenset({"test", "bench", "test_case"})

# Classes whose id the walk assigns after their children (a nested use tree, a trait
# ref's `ref_id`, a block): numbered only when the children end before an unreadable point.
POST_ORDER_IDS = frozenset({Block, TraitRef, UseTree})

# Ids the prelude injection uses after the crate's inner attributes: `extern crate std;`,
# the `use`, its `prelude_import` segment, then the prelude path's segments.
INJECTED_IDS = {2015: 7, 2018: 6, 2021: 6, 2024: 6}


class AttrsEffect(Record):
    """What a node's attributes make of it: dropped, set aside, or numbered."""

    __slots__ = ("removed", "deferred")

    def __init__(self, removed: bool, deferred: bool) -> None:
        self.removed = removed
        self.deferred = deferred


KEEP = AttrsEffect(False, False)
REMOVED = AttrsEffect(True, False)
DEFERRED = AttrsEffect(False, True)

ModHook = Callable[[Item, tuple[str, ...], "str | None", bool], "ChildMod | None"]
"""Loads `mod x;`: given the item, the inline-module path around it, its
`#[path = "..."]` (after cfg_attr) and whether its count is needed (not past
unreadable code), what the module's file numbers, or None when the file does not
exist (or cannot be read)."""


class ChildMod(Record):
    """What an out-of-line module's file numbers, as its `mod x;` item sees it: its
    key (the file), whether a `#![cfg]` in it removes the module, and how many ids its
    inner attributes and its items (with their own module files) use; None when
    unknown (the file holds code that could not be read): every later id is unknown."""

    __slots__ = ("key", "removed", "inner_ids", "item_ids")

    def __init__(self, key: object, removed: bool, inner_ids: int, item_ids: int | None) -> None:
        self.key = key
        self.removed = removed
        self.inner_ids = inner_ids
        self.item_ids = item_ids


class Hole(Record):
    """Where a `mod x;` file's ids go in the numbering of the file declaring it: its
    inner attributes from `inner_base`, its items from `items_base` (the module item's
    visibility sits between)."""

    __slots__ = ("key", "inner_base", "items_base")

    def __init__(self, key: object, inner_base: int, items_base: int) -> None:
        self.key = key
        self.inner_base = inner_base
        self.items_base = items_base

    def shifted(self, delta: int) -> Hole:
        return Hole(self.key, self.inner_base + delta, self.items_base + delta)


def walk_use_tree_kind_only(vis: Visitor, tree: Any) -> None:
    """A use tree's prefix and kind, without its own (absent) id."""
    walk_path(vis, tree.prefix)
    walk_use_tree_kind(vis, tree.kind)


class NodeIdAssigner(Visitor):
    """Numbers nodes from `next_id` on, in rustc's order, as `InvocationCollector` does."""

    def __init__(self, src: bytes, cfg: CfgSet, next_id: int,
                 load_mod: ModHook | None = None, edition: int = 2021,
                 unreadable_from: int | None = None,
                 open_names: frozenset[str] | None = frozenset()) -> None:
        # the edition decides how cfg predicates parse (`cfg(async)` is malformed from
        # 2018 on, and a malformed `cfg` keeps its node)
        # `open_names`: cfgs a build script may set that we cannot read (None: any name
        # but the known ones); a cfg naming one has an unknown verdict, and every id
        # from there on is unknown
        hook = None
        if open_names is None:
            from ..cfg.expected import well_known  # noqa: PLC0415 (loaded only when needed: CLI start-up)

            known = frozenset((*well_known(), *OWN_NAMES, *(name for name, _ in cfg)))
            hook = self._check_names(lambda name: name not in known)
        elif open_names:
            prefixes = tuple(name[:-1] for name in open_names if name.endswith("*"))  # `has_*`
            hook = self._check_names(lambda name: name in open_names or name.startswith(prefixes))
        self.configurer = Configurer(src, cfg, edition, hook)
        self.test_harness = ("test", None) in cfg
        self.next_id = next_id
        self.load_mod = load_mod
        self.mod_path: list[str] = []
        self.holes: list[Hole] = []  # the `mod x;` files numbered in place, in order
        self.unreadable_from = unreadable_from
        self.stopped = False  # the walk reached `unreadable_from`: no more ids
        self.withheld: set[int] = set()  # `id()` of the nodes left without an id so

    def _check_names(self, unknown: Callable[[str], bool]) -> SiteHook:
        def check(site: CfgSite, parsed: ParsedCfg, holds: bool) -> None:
            if parsed.predicate is not None and any(unknown(name) for name in leaf_names(parsed.predicate)):
                self.stopped = True

        return check

    @property
    def src(self) -> bytes:
        """The text of the file being numbered (a `mod x;` file while inside it)."""
        return self.configurer.src

    @src.setter
    def src(self, value: bytes) -> None:
        self.configurer.src = value

    # -- attributes -----------------------------------------------------------------

    def effect(self, attrs: Sequence[Attribute]) -> AttrsEffect:
        configured = self.configurer.configure(attrs)
        if configured is None:
            return REMOVED
        deferred = False
        for attr in configured:
            path = attr.path
            if len(path) == 1 and path[0] in TEST_ATTRS:
                if not self.test_harness:
                    return REMOVED
                deferred = True  # with `--test`, the test harness's attribute macros expand them
                continue
            if len(path) != 1 or not (path[0] in INERT_ATTRS or path[0].startswith("rustc_")):
                deferred = True
        return DEFERRED if deferred else KEEP

    def path_attr(self, attrs: Sequence[Attribute]) -> str | None:
        """The value of the module's `#[path = "..."]`, also when a cfg_attr inserts it."""
        for attr in attrs:
            kind = attr.kind
            if not isinstance(kind, AttrKind.Normal):
                continue
            names = path_names(attr)
            if names == ("path",) and isinstance(kind.item.args, AttrArgs.Eq):
                lit = kind.item.args.expr.kind
                if isinstance(lit, ExprKind.Lit):
                    return lit.lit.symbol
            elif names == ("cfg_attr",):
                for item in self.configurer.expansion(attr) or ():
                    if item.path == "path" and item.args is not None:
                        tokens = tokenize(self.src, item.args[0], item.args[1])
                        if len(tokens) == 2 and tokens[0].text == "=":
                            value = unescape_str(tokens[1].text)
                            if value is not None:
                                return value
        return None

    def visit_attribute(self, node: Attribute) -> None:
        walk_attribute(self, node)
        if isinstance(node.kind, AttrKind.Normal) and path_names(node) == ("cfg_attr",):
            # The attributes a true cfg_attr inserts are numbered right after it: each
            # path segment, and a `= value`.
            for item in self.configurer.expansion(node) or ():
                segments = [s for s in item.path.split("::") if s]
                self.next_id += len(segments)
                if item.args is not None and self.src[item.args[0]:item.args[0] + 1] == b"=":
                    self.next_id += 1

    # -- the numbering itself ----------------------------------------------------------

    def visit_id(self, owner: Any, field: str) -> None:
        cut = self.unreadable_from
        if self.stopped or (cut is not None and self._reaches(owner, cut)):
            self.stopped = True
            self.withheld.add(id(owner))
            return
        setattr(owner, field, self.next_id)
        self.next_id += 1

    @staticmethod
    def _reaches(owner: Any, cut: int) -> bool:
        """Whether numbering `owner` needs the code from `cut` on: it starts there, or
        its id comes after children that reach it."""
        span = extent(owner)
        if span is None:
            return False
        return span[0] >= cut or (type(owner) in POST_ORDER_IDS and span[1] > cut)

    def _kept(self, attrs: Sequence[Attribute]) -> bool:
        eff = self.effect(attrs)
        return not (eff.removed or eff.deferred)

    def visit_item(self, node: Item) -> None:
        if not self._kept(node.attrs) or isinstance(node.kind, ItemKind.MacCall):
            return
        kind = node.kind
        if isinstance(kind, ItemKind.Mod):
            self._visit_mod(node, kind)
            return
        if isinstance(kind, ItemKind.Use):
            # A `use` item's top tree has no id (rustc keeps ids beside nested trees).
            self.visit_id(node, "id")
            for attr in node.attrs:
                self.visit_attribute(attr)
            self.visit_visibility(node.vis)
            walk_use_tree_kind_only(self, kind.tree)
            return
        walk_item(self, node)

    def _visit_mod(self, node: Item, kind: ItemKind.Mod) -> None:
        name = kind.ident.name
        if isinstance(kind.mod_kind, ModKind.Unloaded):
            child = (self.load_mod(node, tuple(self.mod_path), self.path_attr(node.attrs), not self.stopped)
                     if self.load_mod is not None else None)
            if child is not None and child.removed:  # `#![cfg(false)]` in the file drops the item
                return
            self.visit_id(node, "id")
            for attr in node.attrs:
                self.visit_attribute(attr)
            if child is None:
                self.visit_visibility(node.vis)
                return
            # rustc appends the file's inner attributes to the item's, then walks the
            # visibility, then the file's items
            inner_base = self.next_id
            self.next_id += child.inner_ids
            self.visit_visibility(node.vis)
            if not self.stopped:  # (past unreadable code, the file's place is unknown)
                self.holes.append(Hole(child.key, inner_base, self.next_id))
            if child.item_ids is None:  # unknown: so is every later id
                self.stopped = True
            else:
                self.next_id += child.item_ids
            return
        self.mod_path.append(name)
        walk_item(self, node)
        self.mod_path.pop()

    def visit_assoc_item(self, node: AssocItem) -> None:
        if self._kept(node.attrs) and node.kind.__class__ is not AssocItemKind.MacCall:
            super().visit_assoc_item(node)

    def visit_foreign_item(self, node: ForeignItem) -> None:
        if self._kept(node.attrs) and node.kind.__class__ is not ForeignItemKind.MacCall:
            super().visit_foreign_item(node)

    def visit_stmt(self, node: Stmt) -> None:
        kind = node.kind
        if isinstance(kind, StmtKind.MacCall):
            return
        if isinstance(kind, StmtKind.Expr):
            # rustc numbers an expression statement before it looks at the expression:
            # if the expression is then cfg'd out, the id stays used.
            if self.effect(kind.expr.attrs).removed:
                self.next_id += 1
                return
            self.visit_id(node, "id")
            self.visit_expr(kind.expr)
            return
        attrs: Sequence[Attribute]
        if isinstance(kind, StmtKind.Let):
            attrs = kind.local.attrs
        elif isinstance(kind, StmtKind.Item):
            attrs = kind.item.attrs
            if isinstance(kind.item.kind, ItemKind.MacCall):
                return
        elif isinstance(kind, StmtKind.Semi):
            attrs = kind.expr.attrs
            if isinstance(kind.expr.kind, ExprKind.MacCall):
                return
        else:
            attrs = ()
        if self._kept(attrs):
            walk_stmt(self, node)

    def visit_expr(self, node: Expr) -> None:
        if node.kind.__class__ is ExprKind.MacCall:
            return
        if node.attrs and not self._kept(node.attrs):
            return
        super().visit_expr(node)

    def visit_pat(self, node: Pat) -> None:
        if node.kind.__class__ is not PatKind.MacCall:
            super().visit_pat(node)

    def visit_ty(self, node: Ty) -> None:
        if node.kind.__class__ is not TyKind.MacCall:
            super().visit_ty(node)

    def _visit_attrs_node(self, node: Any, method: Callable[[Any], None]) -> None:
        if not node.attrs or self._kept(node.attrs):
            method(node)

    def visit_param(self, node: Param) -> None:
        self._visit_attrs_node(node, super().visit_param)

    def visit_arm(self, node: Arm) -> None:
        self._visit_attrs_node(node, super().visit_arm)

    def visit_expr_field(self, node: ExprField) -> None:
        self._visit_attrs_node(node, super().visit_expr_field)

    def visit_pat_field(self, node: PatField) -> None:
        self._visit_attrs_node(node, super().visit_pat_field)

    def visit_field_def(self, node: FieldDef) -> None:
        self._visit_attrs_node(node, super().visit_field_def)

    def visit_variant(self, node: Variant) -> None:
        self._visit_attrs_node(node, super().visit_variant)

    def visit_generic_param(self, node: GenericParam) -> None:
        self._visit_attrs_node(node, super().visit_generic_param)

    def visit_where_predicate(self, node: WherePredicate) -> None:
        self._visit_attrs_node(node, super().visit_where_predicate)


def crate_prefix(assigner: NodeIdAssigner, krate: Crate, edition: int) -> bool:
    """Number the crate root, its inner attributes and the injected prelude; False when
    a crate-level `#![cfg]` is false (rustc then keeps no attribute and no item)."""
    assigner.visit_id(krate, "id")
    if assigner.effect(krate.attrs).removed:
        assigner.next_id += INJECTED_IDS[edition]
        return False
    names: set[str] = set()
    for attr in krate.attrs:
        assigner.visit_attribute(attr)
        if isinstance(attr.kind, AttrKind.Normal):
            names.update(path_names(attr)[:1])
    if "no_core" not in names:
        assigner.next_id += INJECTED_IDS[edition]
    return True


def leaf_names(pred: Predicate) -> list[str]:
    """The cfg names a predicate tests."""
    from ..cfg.predicate import CfgAll, CfgAny, CfgLeaf, CfgNot  # noqa: PLC0415 (as `Configurer` loads it)

    if isinstance(pred, CfgLeaf):
        return [pred.name]
    if isinstance(pred, (CfgAny, CfgAll)):
        return [name for sub in pred.preds for name in leaf_names(sub)]
    if isinstance(pred, CfgNot):
        return leaf_names(pred.pred)
    return []


__all__ = ["DUMMY_NODE_ID", "ChildMod", "Hole", "NodeIdAssigner", "crate_prefix"]
