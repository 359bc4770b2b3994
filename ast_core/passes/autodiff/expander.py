"""The expansion, as rustc_builtin_macros' `autodiff.rs` does it: `AutodiffExpander`, a
`MutVisitor` (`flat_map_item`, `flat_map_assoc_item`, `flat_map_stmt`), replaces each
annotated fn by itself, marked `#[rustc_autodiff]`, and its generated fns, whose
bodies hand both to the `autodiff` intrinsic; a node's `cfg` and `cfg_attr` are
applied before its attributes are looked at, as rustc's `InvocationCollector` does.
Autodiff attributes where no fn is (a statement, an expression, a field) get rustc's
errors.

The `#[rustc_autodiff(..)]` argument lists rustc synthesises have no source text: the
expander writes them to a scratch source after the file's bytes (rustc's `SourceMap`
gives expansions their own address space too)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar, cast

from ...model import (
    AngleBracketedArg,
    AnyStmtKind,
    Arm,
    AssocItem,
    AssocItemKind,
    AttrArgs,
    AttrKind,
    Attribute,
    AttrStyle,
    Block,
    BlockCheckMode,
    CoroutineKind,
    DelimArgs,
    Delimiter,
    Expr,
    ExprField,
    ExprKind,
    FieldDef,
    FieldlessEnum,
    FnDecl,
    FnHeader,
    FnRetTy,
    FnSig,
    ForeignItem,
    GenericArg,
    GenericArgs,
    GenericParam,
    GenericParamKind,
    Ident,
    Item,
    ItemKind,
    Local,
    ModKind,
    Param,
    PatField,
    PatKind,
    Safety,
    Span,
    Stmt,
    StmtKind,
    Ty,
    Variant,
    WherePredicate,
)
from ...model.mut_visit import (
    MutVisitor,
    mut_walk_block,
    mut_walk_expr,
    mut_walk_item,
    walk_flat_map_arm,
    walk_flat_map_assoc_item,
    walk_flat_map_expr_field,
    walk_flat_map_field_def,
    walk_flat_map_foreign_item,
    walk_flat_map_generic_param,
    walk_flat_map_item,
    walk_flat_map_param,
    walk_flat_map_pat_field,
    walk_flat_map_stmt,
    walk_flat_map_variant,
    walk_flat_map_where_predicate,
)
from ...pretty import Comment, comments_in, gather_comments, items_to_string
from ..configure import path_names
from .attrs import MACROS, DiffActivity, DiffMode
from .explain import explain
from .generate import (
    build_path, forward_output, ident_pat, is_path, mut_ref, outer_attr, reverse_output, shadow, ty_path,
)
from .parse import AttrConfigurer, parse_args
from .printing import signature
from .resolve import (
    Binding, Resolution, Scope, ScopeItems, conflicts, head_span, plain_bindings, resolve_names, value_items,
)
from .results import AutodiffDiagnostic, Phase, Record
from .validate import Activities, check_activities, ident_name, missing_lifetimes, rebound_params

Annotatable = Item | AssocItem | ForeignItem
"""What an attribute macro may be applied to (rustc's `Annotatable`, the kinds seen here)."""
FnKind = ItemKind.Fn | AssocItemKind.Fn
N = TypeVar("N")
A = TypeVar("A", Item, AssocItem, ForeignItem)
P = TypeVar("P", Variant, FieldDef, Param, GenericParam, Arm, ExprField, PatField, WherePredicate)
HasAttrs = (Item | AssocItem | ForeignItem | Variant | FieldDef | Param | GenericParam | Arm | ExprField | PatField
            | WherePredicate | Local | Expr | StmtKind.MacCall)


def _item_name(node: Annotatable) -> str:
    ident = getattr(node.kind, "ident", None)
    return ident.name if isinstance(ident, Ident) else ""


def _full_span(node: Annotatable | Stmt | Expr, attrs: Sequence[Attribute]) -> Span:
    """A node with its outer attributes (`node.attrs` unless given; rustc's item and
    statement spans leave them out)."""
    attrs = node.attrs if attrs is None else attrs
    return (min(node.span[0], attrs[0].span[0]) if attrs else node.span[0], node.span[1])


def _stmt_holder(kind: AnyStmtKind) -> Local | Expr | StmtKind.MacCall | None:
    """What holds a statement's attributes (its local, expression, or itself for a macro
    call); None for an item statement (the item does) and `;`."""
    if isinstance(kind, StmtKind.Let):
        return kind.local
    if isinstance(kind, (StmtKind.Expr, StmtKind.Semi)):
        return kind.expr
    return kind if isinstance(kind, StmtKind.MacCall) else None


_ITEM_LIKE = (Item, AssocItem, ForeignItem, Stmt)
"""What the expander may leave alone: the nodes it reaches through `flat_map_*` that
hold their own attributes and can be big."""


class AutodiffExpander(MutVisitor):
    """Expands the autodiff attributes below the nodes it visits and records one
    `Record` per attribute in `records`, as rustc's `InvocationCollector` does: a node's
    `cfg` and `cfg_attr` are applied before its attributes are looked at.

    The nodes it is given are never changed: a node whose text spells no name that
    could resolve to the macros (`Resolution.needles`) is left as it is, unwalked;
    another is copied before it changes, its item-like children left for their own
    turn. An annotated item is copied whole, since it is printed: everything in it is
    walked (`full`) and configured."""

    def __init__(self, src: bytes, configurer: AttrConfigurer, root: Scope, feature: bool, unit_lo: int,
                 scratch: bytearray | None = None, full: bool = False) -> None:
        self.src = src
        self.configurer = configurer
        self.edition = configurer.edition
        self.feature = feature
        #: where the walked items' unit starts: a line, and no comment or string
        self.unit_lo = unit_lo
        self.scope = root
        #: where the `#[rustc_autodiff(..)]` arguments are written (expanders that print
        #: one crate together share it)
        self.scratch = bytearray() if scratch is None else scratch
        #: walking nodes that are the expander's own copies, every one of them
        self.full = full
        self.records: list[Record] = []
        self.order = 0
        #: The impl whose items are visited: None outside impls, else (is a trait impl,
        #: the trait's path as written, its methods if the trait is defined here).
        self.impl: tuple[bool, str, frozenset[str] | None] | None = None
        self.impl_span: Span = root.span
        self.traits: dict[str, frozenset[str]] = {}
        #: id(generated item) -> the record of the attribute that generated it
        self.generated_by: dict[int, Record] = {}

    def _comments(self, span: Span) -> list[Comment]:
        """The comments in `src[span]`, classified as `gather_comments` does from the
        start of the file: from the start of the line when only whitespace precedes
        them there, else from the start of the unit."""
        lo, hi = span
        line_start = self.src.rfind(b"\n", 0, lo) + 1
        if line_start < lo and not self.src[line_start:lo].isspace():
            line_start = min(self.unit_lo, lo)
        return comments_in(gather_comments(self.src, line_start, hi), lo, hi)

    # -- scopes -----------------------------------------------------------------------

    def enter(self, kind: Literal["mod", "block"], span: Span, items: Sequence[Item],
              parent: Scope | None) -> Scope:
        """The scope of a module or block whose items are `items`."""
        base = parent.resolution if parent is not None else Resolution()
        declared = ScopeItems.of(items, self.configurer)
        scope = Scope(kind, span, base.with_uses(declared.uses), parent, set(declared.values))
        at_root = scope.module().kind == "crate"
        scope.plain = [item for item, paths in declared.active
                       if not any(scope.resolution.resolve(p, self.edition, at_root) for p in paths)]
        self.traits.update(declared.traits)
        return scope

    def _resolve(self, attr: Attribute) -> DiffMode | None:
        names = path_names(attr)
        if not names:
            return None
        return self.scope.resolution.resolve(names, self.edition, self.scope.module().kind == "crate")

    def _close(self, scope: Scope) -> None:
        """What waits on a finished module or block: name clashes (E0428), and the
        names generated bodies use that it may define (E0425)."""
        generated = {b.name for b in scope.bindings if b.owner is not None}
        if generated:
            plain = plain_bindings(scope.plain, self.src, generated)
            for owner, diag in conflicts(plain + scope.bindings):
                assert isinstance(owner, Record)
                owner.late.append((Phase.NAME_CLASH, diag))
        for record in self.records:
            if record.lookups and record.scope is scope:
                record.lookups = resolve_names(record, scope)

    # -- copying and skipping -----------------------------------------------------------

    def _mentions(self, span: Span) -> bool:
        """Whether `src[span]` spells a name that could resolve to the macros here."""
        src, (lo, hi) = self.src, span
        return any(src.find(needle, lo, hi) != -1 for needle in self.scope.resolution.needles)

    def _own(self, node: N) -> N:
        """`node`, or a copy of it the walk may change (its item-like children shared)."""
        return node if self.full else clone(node, _ITEM_LIKE)

    def _skip(self, node: A) -> list[A]:
        """Leave a node that names no macro alone. Walking a module would register its
        traits, and those of the modules in it, which stay nameable outside: do that."""
        kind = node.kind
        if (isinstance(node, Item) and isinstance(kind, ItemKind.Mod) and isinstance(kind.mod_kind, ModKind.Loaded)
                and self.src.find(b"trait", node.span[0], node.span[1]) != -1
                and self.configurer.configure(node.attrs) is not None):
            self._register_traits(kind.mod_kind.items)
        return [node]

    def _register_traits(self, items: Sequence[Item]) -> None:
        declared = ScopeItems.of(items, self.configurer)
        self.traits.update(declared.traits)
        for item, _ in declared.active:
            if isinstance(item.kind, ItemKind.Mod) and isinstance(item.kind.mod_kind, ModKind.Loaded):
                self._register_traits(item.kind.mod_kind.items)

    # -- walking -------------------------------------------------------------------------

    def visit_attribute(self, node: Attribute) -> None:
        """Attributes are read where their node is configured, never walked into (so
        copies may share them)."""

    def visit_item(self, node: Item) -> None:
        kind = node.kind
        outer_impl, outer_impl_span = self.impl, self.impl_span
        if isinstance(kind, ItemKind.Mod) and isinstance(kind.mod_kind, ModKind.Loaded):
            outer = self.scope
            self.scope = self.enter("mod", node.span, kind.mod_kind.items, None)
            self.impl = None
            mut_walk_item(self, node)
            self._close(self.scope)
            self.scope = outer
        elif isinstance(kind, ItemKind.Impl):
            header = kind.of_trait
            if header is None:
                self.impl = (False, "", None)
            else:
                segments = header.trait_ref.path.segments
                self.impl = (True, "::".join(seg.ident.name for seg in segments),
                             self.traits.get(segments[-1].ident.name))
            self.impl_span = node.span
            mut_walk_item(self, node)
            if header is not None:
                self._duplicates(kind.items)
        else:
            self.impl = None
            mut_walk_item(self, node)
        self.impl, self.impl_span = outer_impl, outer_impl_span

    def _duplicates(self, items: Sequence[AssocItem]) -> None:
        """E0201 in a trait impl: an item named like one before it in the expanded impl
        (the annotated fn, then its generated fns, last attribute's first)."""
        seen: dict[str, AssocItem] = {}
        for item in items:
            if not isinstance(item.kind, (AssocItemKind.Fn, AssocItemKind.Const)):
                continue
            name = item.kind.ident.name
            previous = seen.setdefault(name, item)
            if previous is item:
                continue
            owner = self.generated_by.get(id(item)) or self.generated_by.get(id(previous))
            if owner is None:
                continue
            here, before = (self._binding_span(item), self._binding_span(previous))
            owner.late.append((Phase.LATE_RESOLUTION, AutodiffDiagnostic(
                here, f"duplicate definitions with name `{name}`:", code="E0201",
                labels=((here, "duplicate definition"), (before, "previous definition here")))))

    def _binding_span(self, item: AssocItem) -> Span:
        record = self.generated_by.get(id(item))
        return record.span if record is not None else head_span(self.src, item.span)

    def visit_block(self, node: Block) -> None:
        items = [s.kind.item for s in node.stmts if isinstance(s.kind, StmtKind.Item)]
        outer = self.scope
        self.scope = self.enter("block", node.span, items, outer)
        outer_impl, self.impl = self.impl, None
        mut_walk_block(self, node)
        self.impl = outer_impl
        self._close(self.scope)
        self.scope = outer

    def flat_map_item(self, node: Item) -> list[Item]:
        return self._flat_map(node, walk_flat_map_item)

    def flat_map_assoc_item(self, node: AssocItem) -> list[AssocItem]:
        return self._flat_map(node, walk_flat_map_assoc_item)

    def flat_map_foreign_item(self, node: ForeignItem) -> list[ForeignItem]:
        return self._flat_map(node, walk_flat_map_foreign_item)

    def flat_map_stmt(self, node: Stmt) -> list[Stmt]:
        kind = node.kind
        if isinstance(kind, StmtKind.Item):
            items = self._flat_map(kind.item, walk_flat_map_item)
            if len(items) == 1 and items[0] is kind.item:
                return [node]
            # the item comes back first (if its `cfg` holds), then its generated fns
            return [Stmt(StmtKind.Item(item), node.span if i == 0 else item.span) for i, item in enumerate(items)]
        holder = _stmt_holder(kind)
        attrs = holder.attrs if holder is not None else []
        if not self.full and not self._mentions(_full_span(node, attrs)):
            return [node]
        configured = self.configurer.attributes(attrs) if attrs else []
        if configured is None:
            return []
        node = self._own(node)
        if attrs:
            if isinstance(kind, (StmtKind.Let, StmtKind.MacCall, StmtKind.Semi)):
                modes = [self._resolve(attr) for attr in configured]
                for attr, mode in zip(configured, modes, strict=True):
                    if mode is not None:
                        record = self._record(attr, node.span, "", mode)
                        record.error(node.span, "autodiff must be applied to function")
                # the macro is consumed even where it does not apply
                configured = [attr for attr, mode in zip(configured, modes, strict=True) if mode is None]
            holder = _stmt_holder(node.kind)
            assert holder is not None
            holder.attrs = configured
        return walk_flat_map_stmt(self, node)

    def visit_expr(self, node: Expr) -> None:
        """An autodiff attribute on an expression (a closure, say): rustc gates the
        attribute, and the macro applies to fns only. (A statement ending in `;` is a
        statement: `flat_map_stmt` reports it.) The attribute is consumed."""
        if node.attrs:
            configured = self.configurer.attributes(node.attrs)
            modes = [self._resolve(attr) for attr in configured or ()]
            if configured is not None and any(modes):
                for attr, mode in zip(configured, modes, strict=True):
                    if mode is not None:
                        record = self._record(attr, _full_span(node, node.attrs), "", mode)
                        record.error(attr.span, "attributes on expressions are experimental", code="E0658")
                        record.error(node.span, "autodiff must be applied to function")
                node.attrs = [attr for attr, mode in zip(configured, modes, strict=True) if mode is None]
        mut_walk_expr(self, node)

    # -- attributes where no macro may go ---------------------------------------------------

    def _non_macro_position(self, node: P, walk: Callable[[MutVisitor, P], list[P]]) -> list[P]:
        """A node that is no item (its owner was copied): `cfg` and `cfg_attr` first,
        then a macro among its attributes is an error."""
        if node.attrs:
            configured = self.configurer.attributes(node.attrs)
            if configured is None:
                return []
            node.attrs = configured
            for attr in configured:
                if self._resolve(attr) is not None:
                    assert isinstance(attr.kind, AttrKind.Normal)
                    path = attr.kind.item.path
                    name = path.segments[-1].ident.name
                    record = self._record(attr, attr.span, "", MACROS.get(name, DiffMode.Forward))
                    record.diagnostics.append(AutodiffDiagnostic(
                        path.span, f"expected non-macro attribute, found attribute macro `{name}`",
                        labels=((path.span, "not a non-macro attribute"),)))
        return walk(self, node)

    def flat_map_variant(self, node: Variant) -> list[Variant]:
        return self._non_macro_position(node, walk_flat_map_variant)

    def flat_map_field_def(self, node: FieldDef) -> list[FieldDef]:
        return self._non_macro_position(node, walk_flat_map_field_def)

    def flat_map_param(self, node: Param) -> list[Param]:
        return self._non_macro_position(node, walk_flat_map_param)

    def flat_map_generic_param(self, node: GenericParam) -> list[GenericParam]:
        return self._non_macro_position(node, walk_flat_map_generic_param)

    def flat_map_arm(self, node: Arm) -> list[Arm]:
        return self._non_macro_position(node, walk_flat_map_arm)

    def flat_map_expr_field(self, node: ExprField) -> list[ExprField]:
        return self._non_macro_position(node, walk_flat_map_expr_field)

    def flat_map_pat_field(self, node: PatField) -> list[PatField]:
        return self._non_macro_position(node, walk_flat_map_pat_field)

    def flat_map_where_predicate(self, node: WherePredicate) -> list[WherePredicate]:
        return self._non_macro_position(node, walk_flat_map_where_predicate)

    # -- expansion ------------------------------------------------------------------------------

    def _record(self, attr: Attribute, item_span: Span, source: str, mode: DiffMode) -> Record:
        """A record for an attribute that resolves to a macro, with the errors its
        resolution gives: the feature gate, and the inner form's gate."""
        assert isinstance(attr.kind, AttrKind.Normal)
        path_span = attr.kind.item.path.span
        scope_span = self.impl_span if self.impl is not None else self.scope.span
        record = Record(attr.span, path_span, item_span, self.scope, scope_span, source, mode)
        if not self.feature:
            record.error(path_span, "use of unstable library feature `autodiff`", code="E0658")
        if attr.style is AttrStyle.Inner:  # `#![autodiff_reverse(..)]` in a fn body applies to the fn
            record.error(path_span, "inner macro attributes are unstable", code="E0658")
        self.records.append(record)
        return record

    def _flat_map(self, node: A, walk: Callable[[MutVisitor, A], list[A]]) -> list[A]:
        if not self.full and not self._mentions(_full_span(node, node.attrs)):
            return self._skip(node)
        configured = self.configurer.attributes(node.attrs) if node.attrs else []
        if configured is None:
            return []  # a false `#[cfg]`: rustc removes the item before expanding anything
        modes = [self._resolve(a) for a in configured]
        for attr, mode in zip(configured, modes, strict=True):
            names = path_names(attr)
            if mode is None and len(names) == 1 and names[0] in MACROS:
                # `autodiff_forward` without an import: not expanded, and an error
                assert isinstance(attr.kind, AttrKind.Normal)
                record = Record(attr.span, attr.kind.item.path.span, _full_span(node, node.attrs), self.scope,
                                 self.scope.span, _item_name(node), MACROS[names[0]])
                record.diagnostics.append(AutodiffDiagnostic(
                    attr.kind.item.path.span, f"cannot find attribute `{names[0]}` in this scope"))
                self.records.append(record)
        if any(modes):
            return self._expand_item(node if self.full else clone(node), configured, modes, walk)
        node = self._own(node)
        node.attrs = configured
        return walk(self, node)

    def _expand_item(self, node: A, configured: list[Attribute], modes: list[DiffMode | None],
                     walk: Callable[[MutVisitor, A], list[A]]) -> list[A]:
        """rustc expands an item's macro attributes top to bottom; each expansion puts
        the item back first, so the generated fns end up in reverse order. `node` is
        the expander's own copy: it is printed, so everything in it is configured."""
        item_span = _full_span(node, node.attrs)
        node.attrs = [a for a, mode in zip(configured, modes, strict=True) if mode is None]
        fn_kind = self._fn_kind(node)
        records = []
        for attr, mode in zip(configured, modes, strict=True):
            if mode is None:
                continue
            record = self._record(attr, item_span, _item_name(node), mode)
            records.append(record)
            coroutine = fn_kind.sig.header.coroutine_kind if fn_kind is not None else None
            if isinstance(coroutine, CoroutineKind.Async) and self.edition == 2015:
                # a parse error on the item, reported before anything expands
                record.diagnostics.insert(0, AutodiffDiagnostic(
                    coroutine.span, "`async fn` is not permitted in Rust 2015", code="E0670"))
            if fn_kind is None:
                record.error(node.span, "autodiff must be applied to function")
            else:
                record.generated = self._expand_one(record, attr, fn_kind, node)
        generated = [r for r in records if r.generated is not None]
        self.generated_by.update((id(r.generated), r) for r in generated)
        if generated and not any(r.crashed for r in records):
            internal = [a for a in node.attrs if is_path(a, "rustc_autodiff")]
            if internal:  # an error on the item every attribute's text shows
                for record in records:
                    record.late.append((Phase.INTERNAL_ATTR, AutodiffDiagnostic(
                        internal[0].span, "use of an internal attribute", code="E0658")))
            else:
                node.attrs.append(outer_attr(build_path(["rustc_autodiff"], records[0].span), AttrArgs.Empty(),
                                              records[0].span))
        self._define(node, generated)
        # items nested in the fn's body expand too, and `cfg`s in it apply; rustc
        # expands the macro on the item as written, so the generated fn was built first
        outer, self.full = self.full, True
        out = walk(self, node)
        self.full = outer
        for record in generated:  # rustc walks the expansion's output too
            assert record.generated is not None
            CfgStrip(self.configurer).strip(record.generated)
        self._print(node, records, item_span)
        # a generated fn is of its annotated node's class
        out += [cast(A, record.generated) for record in reversed(generated)]
        return out

    def _define(self, node: Annotatable, generated: list[Record]) -> None:
        """Bind the generated fns, then the annotated item, in the value namespace of the
        enclosing module or block (impl items bind nothing there)."""
        if not isinstance(node, Item):
            return
        for record in generated:
            self.order += 1
            self.scope.bindings.append(Binding(record.args.name or "", record.span, (1, self.order), record))
            self.scope.values.add(record.args.name or "")
        for name, span in value_items([node]):
            self.order += 1
            self.scope.bindings.append(Binding(name, head_span(self.src, span), (1, self.order)))

    def _print(self, node: Annotatable, records: list[Record], item_span: Span) -> None:
        if any(r.crashed for r in records):
            return  # rustc prints nothing when it panics
        src, edition = self.src + bytes(self.scratch), self.edition
        source_text = items_to_string([node], src, self._comments(item_span), edition)
        for record in records:
            record.source_text = source_text
            if record.generated is not None:
                record.generated_text = items_to_string([record.generated], src, edition=edition)
                record.signature = signature(record.generated, src, edition)

    def _fn_kind(self, node: Annotatable) -> FnKind | None:
        """The annotated fn, if the macro accepts the item: a free fn (also in a block)
        or a fn in an impl; not a fn of a trait or an extern block."""
        kind = node.kind
        if isinstance(node, Item) and isinstance(kind, ItemKind.Fn):
            return kind
        if isinstance(node, AssocItem) and isinstance(kind, AssocItemKind.Fn) and self.impl is not None:
            return kind
        return None

    def _expand_one(self, record: Record, attr: Attribute, kind: FnKind, node: Annotatable) -> Item | AssocItem | None:
        """One attribute on a fn: rustc's `expand_with_mode`. Returns the generated item,
        or None where rustc generates nothing."""
        items, diagnostics = parse_args(self.src, attr, node.span, self.edition)
        record.diagnostics += diagnostics
        if items is None:
            return None
        decl = kind.sig.decl
        acts = check_activities(record, items, decl)
        if acts is None:
            return None
        record.notes = explain(record.mode, record.args.width, decl.inputs, acts, decl.output, self.src,
                               self.edition)
        return self._generate(record, kind, node, acts)

    def _synth(self, text: str) -> Span:
        """Write synthesised tokens to the scratch source; their span lies after the file."""
        lo = len(self.src) + len(self.scratch) + 1
        self.scratch += b"\n" + text.encode()
        return (lo, lo + len(text.encode()))

    def _generate(self, record: Record, kind: FnKind, node: Annotatable, acts: Activities) -> Item | AssocItem:
        """The generated fn. After a count, mode or type error rustc keeps the source's
        signature."""
        args = record.args
        span = record.span
        decl = kind.sig.decl
        header = kind.sig.header
        params: list[Param] = list(decl.inputs)
        output = decl.output
        if not acts.errored:
            params = []
            actives: list[Ty] = []
            #: what late resolution checks for E0415: (name, span, generated)
            bound: list[tuple[str, Span, bool]] = []
            for param, (act, _) in zip(decl.inputs, acts.inputs, strict=True):
                params.append(param)
                assert isinstance(param.pat.kind, PatKind.Ident)  # `check_activities` crashed otherwise
                ident = param.pat.kind.ident
                name = ident.name
                bound.append((name, ident.span, False))
                if act.is_duplicated():
                    params += [shadow(param, f"d{name}_{i}", mut_ref(param.ty)) for i in range(args.width)]
                elif act.is_dual():
                    params += [shadow(param, f"b{name}_{i}", param.ty) for i in range(args.width)]
                elif act.is_dualv():
                    params.append(shadow(param, f"b{name}_0", param.ty))
                elif act is DiffActivity.Active:
                    actives.append(param.ty)
                bound += [(ident_name(p.pat) or "", ident.span, True) for p in params[len(bound):]]
            if record.mode is DiffMode.Forward:
                output = forward_output(decl.output, acts.ret, args.width, acts.has_ret, span)
            else:
                output = reverse_output(decl.output, acts.ret, actives, span)
                if acts.ret.is_active():
                    assert isinstance(decl.output, FnRetTy.Ty)
                    params.append(Param([], decl.output.ty, ident_pat("dret", span), span))
                    bound.append(("dret", decl.output.ty.span, True))
            if any(act.makes_unsafe() for act, _ in acts.inputs):
                header = FnHeader(header.constness, header.coroutine_kind, Safety.Unsafe, header.ext,
                                  header.abi)
            if not missing_lifetimes(decl.inputs, decl.output):
                missing = missing_lifetimes(params, output)
                if missing:  # rustc resolves the generated signature's lifetimes before its body
                    record.late.append((Phase.LATE_RESOLUTION, AutodiffDiagnostic(
                        missing[0], "missing lifetime specifier" + ("s" if len(missing) > 1 else ""),
                        code="E0106", labels=tuple((sp, "expected named lifetime parameter") for sp in missing))))
            record.late += [(Phase.LATE_RESOLUTION, diag) for diag in rebound_params(bound)]
        body = self._body(record, kind, params)
        sig = FnSig(header, FnDecl(params, output), span)
        gen_ident = Ident(args.name or "", args.name_span)
        written = [*args.written, *([] if acts.has_ret else ["None"])]
        activities = ", ".join([record.mode.value, str(args.width), *written])
        attrs = [self._synth_attr("rustc_autodiff", f"({activities})", span)]
        if any(is_path(a, "inline") for a in node.attrs):
            attrs.append(self._synth_attr("inline", "(never)", span))
        if isinstance(node, Item) and isinstance(kind, ItemKind.Fn):
            return Item(attrs, span, node.vis, ItemKind.Fn(kind.defaultness, gen_ident, kind.generics, sig, body))
        assert isinstance(node, AssocItem) and isinstance(kind, AssocItemKind.Fn)
        return AssocItem(attrs, span, node.vis, AssocItemKind.Fn(kind.defaultness, gen_ident, kind.generics, sig, body))

    def _synth_attr(self, name: str, args: str, span: Span) -> Attribute:
        """`#[name(args)]`, its arguments written to the scratch source."""
        delimited = AttrArgs.Delimited(DelimArgs(self._synth(args), Delimiter.Parenthesis))
        return outer_attr(build_path([name], span), delimited, span)

    def _body(self, record: Record, kind: FnKind, params: list[Param]) -> Block:
        """`{ ::core::intrinsics::autodiff(P::<T..>, Q::<T..>, (params..)) }`; `P` and
        `Q` get `Self::` in a trait impl, and only there."""
        span = record.span
        args = record.args
        # the fn's own type and const parameters, as bare names
        targs = [AngleBracketedArg.Arg(GenericArg.Type(ty_path(p.ident.name, span)))
                 for p in kind.generics.params if not isinstance(p.kind, GenericParamKind.Lifetime)]
        in_trait_impl = self.impl is not None and self.impl[0]

        def fn_path(name: str, name_span: Span) -> Expr:
            names = ["Self", name] if in_trait_impl else [name]
            path = build_path(names, span, name_span, GenericArgs.AngleBracketed(span, list(targs)))
            return Expr(ExprKind.Path(None, path), span, ())

        names = [ident_name(p.pat) or "_" for p in params]
        tuple_expr = Expr(ExprKind.Tup([Expr(ExprKind.Path(None, build_path([n], span)), span, ()) for n in names]),
                          span, ())
        intrinsic_path = build_path(["{{root}}", "core", "intrinsics", "autodiff"], span)
        intrinsic = Expr(ExprKind.Path(None, intrinsic_path), span, ())
        call = Expr(ExprKind.Call(intrinsic, [fn_path(kind.ident.name, kind.ident.span),
                                              fn_path(args.name or "", args.name_span), tuple_expr]), span, ())
        if self.impl is not None and not in_trait_impl:
            # bare names in an inherent impl: resolved as free values, which they are not
            record.lookups += [(kind.ident.name, kind.ident.span), (args.name or "", args.name_span)]
        for name, param in zip(names, params, strict=True):
            if param.attrs and self.configurer.configure(param.attrs) is None:
                record.lookups.append((name, span))  # a cfg'd-out parameter stays in the tuple
        if in_trait_impl:
            assert self.impl is not None
            _, trait_name, methods = self.impl
            if methods is None or args.name not in methods:
                record.late.append((Phase.LATE_RESOLUTION, AutodiffDiagnostic(
                    span, f"method `{args.name}` is not a member of trait `{trait_name}`", code="E0407",
                    labels=((span, f"not a member of trait `{trait_name}`"),))))
        return Block([Stmt(StmtKind.Expr(call), span)], BlockCheckMode.Default, span)


class CfgStrip(MutVisitor):
    """What rustc does to a generated fn as it walks the expansion: nodes under a false
    `cfg` go (the source's parameters, which the macro saw), `cfg_attr`s become what
    they insert, true `cfg`s vanish. (The annotated item is configured as the expander
    walks it.)"""

    def __init__(self, configurer: AttrConfigurer) -> None:
        self.configurer = configurer

    def visit_attribute(self, node: Attribute) -> None:
        """Not walked into (they may be the document's own)."""

    def strip(self, node: Item | AssocItem) -> None:
        if isinstance(node, AssocItem):
            walk_flat_map_assoc_item(self, node)
        else:
            walk_flat_map_item(self, node)

    def _keep(self, node: HasAttrs) -> bool:
        if not node.attrs:
            return True
        configured = self.configurer.attributes(node.attrs)
        if configured is None:
            return False
        node.attrs = configured
        return True

    def flat_map_item(self, node: Item) -> list[Item]:
        return walk_flat_map_item(self, node) if self._keep(node) else []

    def flat_map_assoc_item(self, node: AssocItem) -> list[AssocItem]:
        return walk_flat_map_assoc_item(self, node) if self._keep(node) else []

    def flat_map_foreign_item(self, node: ForeignItem) -> list[ForeignItem]:
        return walk_flat_map_foreign_item(self, node) if self._keep(node) else []

    def flat_map_param(self, node: Param) -> list[Param]:
        return walk_flat_map_param(self, node) if self._keep(node) else []

    def flat_map_field_def(self, node: FieldDef) -> list[FieldDef]:
        return walk_flat_map_field_def(self, node) if self._keep(node) else []

    def flat_map_variant(self, node: Variant) -> list[Variant]:
        return walk_flat_map_variant(self, node) if self._keep(node) else []

    def flat_map_arm(self, node: Arm) -> list[Arm]:
        return walk_flat_map_arm(self, node) if self._keep(node) else []

    def flat_map_expr_field(self, node: ExprField) -> list[ExprField]:
        return walk_flat_map_expr_field(self, node) if self._keep(node) else []

    def flat_map_pat_field(self, node: PatField) -> list[PatField]:
        return walk_flat_map_pat_field(self, node) if self._keep(node) else []

    def flat_map_generic_param(self, node: GenericParam) -> list[GenericParam]:
        return walk_flat_map_generic_param(self, node) if self._keep(node) else []

    def flat_map_where_predicate(self, node: WherePredicate) -> list[WherePredicate]:
        return walk_flat_map_where_predicate(self, node) if self._keep(node) else []

    def flat_map_stmt(self, node: Stmt) -> list[Stmt]:
        kind = node.kind
        holder = (kind.local if isinstance(kind, StmtKind.Let) else
                  kind.item if isinstance(kind, StmtKind.Item) else
                  kind.expr if isinstance(kind, (StmtKind.Expr, StmtKind.Semi)) else
                  kind if isinstance(kind, StmtKind.MacCall) else None)
        if holder is not None and not self._keep(holder):
            return []
        return walk_flat_map_stmt(self, node)


# ----------------------------------------------------------------------------------
# Copying a unit


def _slots(cls: type) -> tuple[str, ...]:
    names = _SLOTS.get(cls)
    if names is None:
        names = tuple(name for klass in cls.__mro__ for name in getattr(klass, "__slots__", ()))
        _SLOTS[cls] = names
    return names


_SLOTS: dict[type, tuple[str, ...]] = {}
_SHARED = (str, int, bool, float, type(None), FieldlessEnum, Ident)


def clone(node: N, keep: tuple[type, ...] = ()) -> N:
    """A copy of a subtree that the expander may change: nodes and lists are copied;
    spans, identifiers and enums, which nothing changes, are shared, and so are the
    nodes of the `keep` types below `node`."""
    cls = type(node)
    new = cls.__new__(cls)
    for name in _slots(cls):
        setattr(new, name, _copy(getattr(node, name), keep))
    return new


def _copy(value: Any, keep: tuple[type, ...]) -> Any:
    if isinstance(value, list):
        return [_copy(x, keep) for x in value]
    if isinstance(value, tuple):
        return value if not value or isinstance(value[0], int) else tuple(_copy(x, keep) for x in value)
    if isinstance(value, _SHARED) or (keep and isinstance(value, keep)):
        return value
    return clone(value, keep)

