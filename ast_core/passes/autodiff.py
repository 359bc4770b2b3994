"""`#[autodiff_forward]` and `#[autodiff_reverse]` as rustc 1.95 expands them.

rustc's `rustc_builtin_macros::autodiff` turns an annotated fn into two items: the fn
itself, marked `#[rustc_autodiff]`, and a generated fn whose body hands both to the
`autodiff` intrinsic (Enzyme later replaces it). This pass does the same on the model:

- recognition: an attribute whose path resolves to one of the two macros the way
  rustc resolves it: `use std::autodiff::*`, a renamed import, a full path, inside a
  true `cfg_attr`; a `use` in a module or block is seen below it, blocks see outward;
- validation: rustc's eight expansion errors at rustc's spans and in rustc's order,
  the inputs on which rustc 1.95 panics (reported as errors here), and the errors the
  expansion leads to later (E0658, E0428, E0425, E0407);
- expansion: `AutodiffExpander`, a `MutVisitor` (`flat_map_item`,
  `flat_map_assoc_item`, `flat_map_stmt`), replaces each annotated fn by itself and
  its generated fns, which `ast_core.pretty` prints as `-Zunpretty=expanded` does.

The expander runs on a copy of each top-level unit that mentions autodiff; the
document's tree is never changed. The document keeps each unit's expansions while the
unit's text is unchanged (`Document.unit_results`), so a keystroke re-expands only the
unit it touched; what depends on the whole crate root (name clashes and unresolved
names at the root) is decided again on each call, from per-unit facts.

The `#[rustc_autodiff(..)]` argument lists rustc synthesises have no source text: the
expander writes them to a scratch source after the file's bytes (rustc's `SourceMap`
gives expansions their own address space too).

Limits: items of out-of-line modules (`mod m;`) and items macros would produce are not
looked at; name resolution for E0425/E0428 knows the names items and imports define,
not what glob imports or the prelude bring (an import counts as a value when its name
starts in lower case); rustc's notes, helps and "similar name" suggestions are not
reproduced, only its errors' messages, codes and spans.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ..cfg.meta import Lit as MetaLit
from ..cfg.meta import MetaItem, MetaItemInner, MetaParseError, MetaParser
from ..lower.attr import inserted_attr
from ..model import (
    AngleBracketedArg,
    AnonConst,
    AssocItem,
    AssocItemKind,
    AttrArgs,
    AttrItem,
    AttrKind,
    Attribute,
    AttrStyle,
    BindingMode,
    Block,
    BlockCheckMode,
    CoroutineKind,
    Crate,
    DelimArgs,
    Delimiter,
    Expr,
    ExprKind,
    FnDecl,
    FnHeader,
    FnRetTy,
    FnSig,
    ForeignItem,
    GenericArg,
    GenericArgs,
    GenericParamKind,
    Ident,
    Item,
    ItemKind,
    LineIndex,
    Lit,
    LitKind,
    ModKind,
    Mutability,
    MutTy,
    MutVisitor,
    Param,
    Pat,
    PatKind,
    Path,
    PathSegment,
    Safety,
    Span,
    Stmt,
    StmtKind,
    Ty,
    TyKind,
    UseTree,
    UseTreeKind,
    VariantData,
)
from ..model._walk import (
    mut_walk_block,
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
from ..pretty import (
    Comment,
    State,
    comments_in,
    gather_comments,
    items_to_string,
    param_to_string,
    ty_to_string,
)
from ..tokens import tokenize
from .configure import Configurer
from .configure import path_names as _path_names


class Mode(enum.Enum):
    """rustc's `DiffMode`, as the attribute's name chooses it."""

    Forward = "Forward"
    Reverse = "Reverse"


MACROS = {"autodiff_forward": Mode.Forward, "autodiff_reverse": Mode.Reverse}
"""The two attribute macros of `std::autodiff`."""

ACTIVITIES = frozenset({"None", "Const", "Active", "ActiveOnly", "Dual", "Dualv", "DualOnly",
                        "DualvOnly", "Duplicated", "DuplicatedOnly"})
"""The names rustc's `DiffActivity::from_str` accepts."""

_FORWARD = frozenset({"Const", "Dual", "DualOnly", "Dualv", "DualvOnly"})
_VALID_INPUT = {Mode.Forward: _FORWARD,
                Mode.Reverse: frozenset({"Const", "Active", "ActiveOnly", "Duplicated", "DuplicatedOnly"})}
_VALID_RET = {Mode.Forward: _FORWARD, Mode.Reverse: frozenset({"Const", "Active", "ActiveOnly"})}
_UNSAFE_INPUTS = frozenset({"DualOnly", "DuplicatedOnly"})
_U32_MAX = 0xFFFF_FFFF
_ICE = "rustc 1.95 crashes on this attribute (internal compiler error): {}"


# ----------------------------------------------------------------------------------
# Results


@dataclass(frozen=True, slots=True)
class AutodiffDiagnostic:
    """An error rustc reports for an autodiff attribute or for the code it generates."""

    span: Span
    message: str
    level: Literal["error", "warning"] = "error"
    #: rustc's error code (E0425, ...); the macro's own errors have none.
    code: str | None = None
    #: Spans with labels, the primary one first where rustc labels it.
    labels: tuple[tuple[Span, str], ...] = ()

    def shifted(self, db: int) -> AutodiffDiagnostic:
        return replace(self, span=_shift(self.span, db),
                       labels=tuple((_shift(s, db), text) for s, text in self.labels))


@dataclass(frozen=True, slots=True)
class ActivityNote:
    """What one activity does: to which parameter (or to the return value), and which
    shadow parameters or return elements it gives the generated fn."""

    activity: str
    #: The activity in the attribute.
    span: Span
    #: The parameter as written (`x: &f64`), or `-> f64` for the return activity.
    target: str
    explanation: str


@dataclass(frozen=True, slots=True)
class AutodiffExpansion:
    """One autodiff attribute: what it says, what rustc makes of it, and why."""

    #: The attribute: `#[autodiff_reverse(..)]`, or `autodiff_reverse(..)` in a `cfg_attr`.
    span: Span
    #: Its path (`autodiff_reverse`, `std::autodiff::autodiff_reverse`).
    path_span: Span
    #: The annotated item with its outer attributes.
    item_span: Span
    #: The module, block or impl the generated fn is defined in.
    scope_span: Span
    source: str
    generated: str | None
    mode: Mode
    width: int
    #: The input activities, then the return activity, as written.
    activities: tuple[str, ...]
    diagnostics: tuple[AutodiffDiagnostic, ...]
    #: The generated fn's signature on one line, for a code lens.
    signature: str | None
    notes: tuple[ActivityNote, ...]
    #: What `-Zunpretty=expanded` prints for the annotated item (every attribute on it
    #: applied) and for this attribute's generated fn, errors or not; None where rustc
    #: prints nothing of the kind (or crashes).
    source_text: str | None
    generated_text: str | None

    @property
    def text(self) -> str | None:
        """The annotated fn with its marker, then the generated fn, as rustc prints
        them; None when rustc reports an error."""
        if self.diagnostics or self.source_text is None or self.generated_text is None:
            return None
        return self.source_text + "\n" + self.generated_text

    def shifted(self, db: int) -> AutodiffExpansion:
        if not db:
            return self
        return replace(
            self, span=_shift(self.span, db), path_span=_shift(self.path_span, db),
            item_span=_shift(self.item_span, db), scope_span=_shift(self.scope_span, db),
            diagnostics=tuple(d.shifted(db) for d in self.diagnostics),
            notes=tuple(replace(n, span=_shift(n.span, db)) for n in self.notes))

    def with_diagnostics(self, extra: Sequence[AutodiffDiagnostic]) -> AutodiffExpansion:
        if not extra:
            return self
        return replace(self, diagnostics=self.diagnostics + tuple(extra))


def _shift(span: Span, db: int) -> Span:
    return (span[0] + db, span[1] + db)


# ----------------------------------------------------------------------------------
# Attributes: resolution and cfg_attr expansion


@dataclass(frozen=True, slots=True)
class _Resolution:
    """The autodiff names a scope sees: bare macro names (`autodiff_forward`, or `fwd`
    after `use std::autodiff::autodiff_forward as fwd;`) and names of the
    `std::autodiff` module (`use std::autodiff as ad;` makes `ad::autodiff_forward`)."""

    macros: tuple[tuple[str, Mode], ...] = ()
    modules: tuple[str, ...] = ()
    #: `macros` as a dict
    by_name: dict[str, Mode] = field(init=False, compare=False, repr=False)
    #: What a text must contain to possibly use an autodiff attribute: every path that
    #: resolves to a macro spells `autodiff` or one of these names.
    needles: tuple[bytes, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", dict(self.macros))
        names = (name.encode() for name in (*self.by_name, *self.modules))
        object.__setattr__(self, "needles", (b"autodiff", *(n for n in names if b"autodiff" not in n)))

    def with_uses(self, uses: Iterable[tuple[str, Mode | None]]) -> _Resolution:
        macros = dict(self.macros)
        modules = set(self.modules)
        for name, mode in uses:
            if mode is None:
                modules.add(name)
            else:
                macros[name] = mode
        return _Resolution(tuple(sorted(macros.items(), key=lambda kv: kv[0])), tuple(sorted(modules)))

    def resolve(self, names: Sequence[str], edition: int, at_root: bool) -> Mode | None:
        if not names:
            return None
        if len(names) == 1:
            return self.by_name.get(names[0])
        if names[-1] not in MACROS:
            return None
        prefix = list(names[:-1])
        if prefix[0] == "{{root}}":
            return MACROS[names[-1]] if prefix[1:] == ["std", "autodiff"] else None
        if prefix == ["std", "autodiff"] and (edition >= 2018 or at_root):
            return MACROS[names[-1]]
        if len(prefix) == 1 and prefix[0] in self.modules:
            return MACROS[names[-1]]
        return None


def _use_leaves(tree: UseTree, prefix: tuple[str, ...] = ()
                ) -> Iterator[tuple[tuple[str, ...], str | None, UseTree]]:
    """`(full path, bound name, leaf)` of each leaf of a use tree; globs bind None."""
    path = prefix + tuple(seg.ident.name for seg in tree.prefix.segments)
    kind = tree.kind
    if isinstance(kind, UseTreeKind.Glob):
        yield path, None, tree
    elif isinstance(kind, UseTreeKind.Nested):
        for sub in kind.items:
            yield from _use_leaves(sub, path)
    else:
        if path and path[-1] == "self":
            path = path[:-1]
        if path:
            yield path, kind.rename.name if kind.rename is not None else path[-1], tree


def _autodiff_uses(tree: UseTree) -> Iterator[tuple[str, Mode | None]]:
    """The autodiff names a `use` brings into scope: macros with their mode, and names
    of the `std::autodiff` module (mode None)."""
    for path, name, _ in _use_leaves(tree):
        if path[0] == "{{root}}":
            path = path[1:]
        if name is None:
            if path == ("std", "autodiff"):
                yield from MACROS.items()
        elif name != "_":
            if path == ("std", "autodiff"):
                yield name, None
            elif len(path) == 3 and path[:2] == ("std", "autodiff") and path[2] in MACROS:
                yield name, MACROS[path[2]]


class _Configurer(Configurer):
    """`Configurer` with what rustc would print: `attributes` keeps doc comments and
    gives the model attributes a true `cfg_attr` inserts."""

    def attributes(self, attrs: Sequence[Attribute]) -> list[Attribute] | None:
        """The attributes rustc keeps on a node; None when a `cfg` is false (the node
        goes). True `cfg`s vanish, as rustc prints no `cfg_trace`."""
        if not any(_path_names(a) in _CFG_PATHS for a in attrs):
            return list(attrs)
        configured = self.configure(attrs, keep_docs=True)
        if configured is None:
            return None
        return [inserted_attr(self.src, a.span, a.source.style) if a.inserted else a.source for a in configured]


_CFG_PATHS = (("cfg",), ("cfg_attr",))


# ----------------------------------------------------------------------------------
# Arguments


def _lit_int(item: MetaItemInner | None) -> int | None:
    """The value of an integer literal (`1_0` is 10, `0x2` is 2, `2usize` is 2)."""
    if not (isinstance(item, MetaLit) and item.kind == "int"):
        return None
    digits = (item.text[:len(item.text) - len(item.suffix)] if item.suffix else item.text).replace("_", "")
    base = {"0x": 16, "0o": 8, "0b": 2}.get(digits[:2], 10)
    return int(digits[2:] if base != 10 else digits, base)


def _first_ident(item: MetaItemInner) -> str | None:
    """rustc's `first_ident`: an integer literal's decimal value, or the only segment of
    a path (`Dual(x)` and `Dual = 3` are `Dual`); None where rustc 1.95 panics."""
    value = _lit_int(item)
    if value is not None:
        return str(value)
    if isinstance(item, MetaItem) and len(item.path.segments) == 1:
        return item.path.segments[0].name
    return None


def _written(item: MetaItemInner) -> str:
    name = _first_ident(item)
    if name is not None:
        return name
    return item.text if isinstance(item, MetaLit) else "::".join(s.name for s in item.path.segments)


@dataclass(slots=True)
class _Args:
    """An attribute's arguments as far as rustc read them."""

    name: str | None = None
    name_span: Span = (0, 0)
    width: int = 1
    written: tuple[str, ...] = ()


# ----------------------------------------------------------------------------------
# Building the generated fn


def _ident_name(pat: Pat) -> str | None:
    kind = pat.kind
    return kind.ident.name if isinstance(kind, PatKind.Ident) else None


def _has_ret(output: Any) -> bool:
    """rustc's `has_ret`: a return type is written and it is not `()`."""
    if not isinstance(output, FnRetTy.Ty):
        return False
    return not (isinstance(output.ty.kind, TyKind.Tup) and not output.ty.kind.tys)


def _valid_ty_for_activity(ty: Ty, activity: str) -> bool:
    """rustc's `valid_ty_for_activity`: only the written type counts, so `(&f64)` is no
    reference and `&self` is one."""
    if activity in ("Duplicated", "DuplicatedOnly"):
        return isinstance(ty.kind, (TyKind.Ref, TyKind.Ptr))
    return activity != "None"


def _mut_ref(ty: Ty) -> Ty:
    """rustc's `assure_mut_ref`: the outermost reference or pointer made mutable."""
    kind = ty.kind
    if isinstance(kind, TyKind.Ref):
        return Ty(TyKind.Ref(kind.lifetime, MutTy(kind.mt.ty, Mutability.Mut)), ty.span)
    return Ty(TyKind.Ptr(MutTy(kind.mt.ty, Mutability.Mut)), ty.span)


def _path(names: Sequence[str], span: Span, last_span: Span | None = None, args: Any = None) -> Path:
    segments = [PathSegment(Ident(name, span), None) for name in names]
    if last_span is not None:
        segments[-1].ident = Ident(names[-1], last_span)
    segments[-1].args = args
    return Path(span, segments)


def _ty_path(name: str, span: Span) -> Ty:
    return Ty(TyKind.Path(None, _path([name], span)), span)


def _ident_pat(name: str, span: Span) -> Pat:
    return Pat(PatKind.Ident(BindingMode(None, Mutability.Not), Ident(name, span), None), span)


def _shadow(param: Param, name: str, ty: Ty) -> Param:
    """A shadow parameter: a plain identifier, the source parameter's attributes (a
    false `#[cfg]` removes both) and the given type."""
    return Param(list(param.attrs), ty, _ident_pat(name, param.pat.span), param.span)


def _usize(value: int, span: Span) -> AnonConst:
    return AnonConst(Expr(ExprKind.Lit(Lit(LitKind.Integer, str(value), "usize", 0)), span, ()))


def _forward_output(output: Any, ret: str, width: int, has_ret: bool, span: Span) -> Any:
    """Forward mode's return type (spec §4.4): `()` written out when there is none;
    `Dual` pairs the primal with its tangent, or makes an array of `width + 1`."""
    if not has_ret:
        return FnRetTy.Ty(Ty(TyKind.Tup([]), span))
    ret_ty = output.ty
    if ret == "Dual":
        if width == 1:
            return FnRetTy.Ty(Ty(TyKind.Tup([ret_ty, ret_ty]), span))
        return FnRetTy.Ty(Ty(TyKind.Array(ret_ty, _usize(width + 1, span)), span))
    if ret == "Dualv":
        return FnRetTy.Ty(Ty(TyKind.Tup([ret_ty, ret_ty]), span))
    if ret in ("DualOnly", "DualvOnly") and width > 1:
        return FnRetTy.Ty(Ty(TyKind.Array(ret_ty, _usize(width, span)), span))
    return output


def _reverse_output(output: Any, ret: str, actives: list[Ty], span: Span) -> Any:
    """Reverse mode's return type (spec §4.3): the primal value (dropped by
    `ActiveOnly`) followed by the `Active` inputs' gradients; one value stays bare."""
    base = output.ty if isinstance(output, FnRetTy.Ty) and ret != "ActiveOnly" else None
    if not actives:
        return FnRetTy.Default(span) if ret == "ActiveOnly" else output
    if base is None:
        return FnRetTy.Ty(actives[0] if len(actives) == 1 else Ty(TyKind.Tup(list(actives)), span))
    return FnRetTy.Ty(Ty(TyKind.Tup([base, *actives]), span))


def _is_path(attr: Attribute, name: str) -> bool:
    return _path_names(attr) == (name,)


def _outer_attr(path: Path, args: Any, span: Span) -> Attribute:
    return Attribute(AttrKind.Normal(AttrItem(Safety.Default, path, args)), 0, AttrStyle.Outer, span)


def _item_name(node: Any) -> str:
    ident = getattr(node.kind, "ident", None)
    return ident.name if isinstance(ident, Ident) else ""


def _head_span(src: bytes, span: Span) -> Span:
    """rustc's `guess_head_span`: up to the first `{`, without the space before it."""
    brace = src.find(b"{", span[0], span[1])
    if brace == -1:
        return span
    hi = brace
    while hi > span[0] and src[hi - 1:hi].isspace():
        hi -= 1
    return (span[0], hi)


def _full_span(node: Any, attrs: Sequence[Attribute] | None = None) -> Span:
    """A node with its outer attributes (`node.attrs` unless given; rustc's item and
    statement spans leave them out)."""
    attrs = node.attrs if attrs is None else attrs
    return (min(node.span[0], attrs[0].span[0]) if attrs else node.span[0], node.span[1])


def _stmt_holder(kind: Any) -> Any:
    """What holds a statement's attributes (its local, expression, or itself for a macro
    call); None for an item statement (the item does) and `;`."""
    if isinstance(kind, StmtKind.Let):
        return kind.local
    if isinstance(kind, (StmtKind.Expr, StmtKind.Semi)):
        return kind.expr
    return kind if isinstance(kind, StmtKind.MacCall) else None


def _signature(gen: Any, src: bytes, edition: int) -> str:
    """The generated fn's signature on one line."""
    kind = gen.kind
    bare = type(kind)(kind.defaultness, kind.ident, kind.generics, kind.sig, None)
    text = items_to_string([type(gen)([], gen.span, gen.vis, bare)], src, edition=edition)
    return re.sub(r"\s*\n\s*", " ", text).removesuffix(";")


# ----------------------------------------------------------------------------------
# Scopes, for name clashes (E0428) and unresolved names (E0425)


@dataclass(slots=True, eq=False)
class _Binding:
    """A value name defined in a module or block. `order` is when rustc's resolver
    defines it: plain items first, then what expansions produce, in expansion order.
    `owner` is the record of the attribute that generated it, if one did."""

    name: str
    span: Span
    order: tuple[int, ...]
    owner: _Record | None = None
    import_: bool = False


@dataclass(slots=True, eq=False)
class _Scope:
    """A module or block: the autodiff names it resolves, the value names it defines,
    and the enclosing scope (a block sees its enclosing scopes; a module does not).
    `plain` are its active items without autodiff attributes, `bindings` what its
    expansions define (the two meet only where a generated name clashes)."""

    kind: Literal["crate", "mod", "block"]
    span: Span
    resolution: _Resolution
    parent: _Scope | None
    values: set[str] = field(default_factory=set)
    plain: list[Item] = field(default_factory=list)
    bindings: list[_Binding] = field(default_factory=list)

    def module(self) -> _Scope:
        scope = self
        while scope.kind == "block" and scope.parent is not None:
            scope = scope.parent
        return scope


@dataclass(frozen=True, slots=True)
class _ScopeItems:
    """What the items of a module or block declare, `cfg` and `cfg_attr` applied: the
    active items with the attribute paths in effect on each, the autodiff names their
    `use`s bring in, the value names they define or import, and the methods of their
    traits."""

    active: list[tuple[Item, tuple[tuple[str, ...], ...]]]
    uses: tuple[tuple[str, Mode | None], ...]
    values: frozenset[str]
    traits: tuple[tuple[str, frozenset[str]], ...]

    @staticmethod
    def of(items: Sequence[Item], configurer: _Configurer) -> _ScopeItems:
        active = [(item, tuple(_path_names(a) for a in attrs)) for item in items
                  if (attrs := configurer.attributes(item.attrs)) is not None]
        kept = [item for item, _ in active]
        uses = tuple(use for item in kept if isinstance(item.kind, ItemKind.Use)
                     for use in _autodiff_uses(item.kind.tree))
        values = frozenset(name for name, _ in _value_items(kept)) | frozenset(_imported_names(kept))
        traits = tuple((item.kind.ident.name, frozenset(sub.kind.ident.name for sub in item.kind.items
                                                        if isinstance(sub.kind, AssocItemKind.Fn)))
                       for item in kept if isinstance(item.kind, ItemKind.Trait))
        return _ScopeItems(active, uses, values, traits)


def _value_items(items: Iterable[Item]) -> Iterator[tuple[str, Span]]:
    """The value-namespace names items define (fns, consts, statics, tuple and unit
    structs, foreign fns and statics), with their item spans."""
    for item in items:
        kind = item.kind
        if isinstance(kind, (ItemKind.Fn, ItemKind.Const, ItemKind.Static)):
            yield kind.ident.name, item.span
        elif isinstance(kind, ItemKind.Struct) and not isinstance(kind.data, VariantData.Struct):
            yield kind.ident.name, item.span
        elif isinstance(kind, ItemKind.ForeignMod):
            for sub in kind.items:
                ident = getattr(sub.kind, "ident", None)
                if isinstance(ident, Ident):
                    yield ident.name, sub.span


def _imported_names(items: Iterable[Item]) -> Iterator[str]:
    for item in items:
        if isinstance(item.kind, ItemKind.Use):
            for _, name, _ in _use_leaves(item.kind.tree):
                if name is not None:
                    yield name


def _plain_bindings(items: Sequence[Item], src: bytes, names: Container[str] | None = None) -> list[_Binding]:
    """The value names (among `names`, if given) that items without autodiff attributes
    bind, in source order: rustc defines them before it expands anything. An import binds a
    value if its name starts in lower case (a guess: what it imports is not known
    here)."""
    out: list[_Binding] = []
    for item in items:
        if isinstance(item.kind, ItemKind.Use):
            for _, name, leaf in _use_leaves(item.kind.tree):
                if name is not None and name[:1].islower() and (names is None or name in names):
                    out.append(_Binding(name, leaf.span, (0, len(out)), import_=True))
        else:
            for name, span in _value_items([item]):
                if names is None or name in names:
                    out.append(_Binding(name, _head_span(src, span), (0, len(out))))
    return out


# ----------------------------------------------------------------------------------
# The expander


@dataclass(slots=True, eq=False)
class _Record:
    """An attribute being expanded."""

    span: Span
    path_span: Span
    item_span: Span
    scope: _Scope
    scope_span: Span
    source: str
    mode: Mode
    args: _Args = field(default_factory=_Args)
    diagnostics: list[AutodiffDiagnostic] = field(default_factory=list)
    #: Diagnostics of later compiler phases, with their phase (1: E0428, 2: internal
    #: attribute, 3: late resolution), sorted in at the end.
    late: list[tuple[int, AutodiffDiagnostic]] = field(default_factory=list)
    notes: list[ActivityNote] = field(default_factory=list)
    generated: Any = None
    source_text: str | None = None
    generated_text: str | None = None
    signature: str | None = None
    crashed: bool = False
    #: Names the generated body uses that may not resolve: (name, span).
    lookups: list[tuple[str, Span]] = field(default_factory=list)

    def error(self, span: Span, message: str, code: str | None = None) -> None:
        self.diagnostics.append(AutodiffDiagnostic(span, message, code=code))

    def crash(self, why: str) -> None:
        self.error(self.span, _ICE.format(why))
        self.crashed = True

    def finish(self) -> AutodiffExpansion:
        diagnostics = tuple(self.diagnostics) + tuple(d for _, d in sorted(self.late, key=lambda p: p[0]))
        return AutodiffExpansion(
            self.span, self.path_span, self.item_span, self.scope_span, self.source, self.args.name,
            self.mode, self.args.width, self.args.written, diagnostics, self.signature,
            tuple(self.notes), self.source_text, self.generated_text)


_ITEM_LIKE = (Item, AssocItem, ForeignItem, Stmt)
"""What the expander may leave alone: the nodes it reaches through `flat_map_*` that
hold their own attributes and can be big."""


class AutodiffExpander(MutVisitor):
    """Expands the autodiff attributes below the nodes it visits and records one
    `_Record` per attribute in `records`, as rustc's `InvocationCollector` does: a node's
    `cfg` and `cfg_attr` are applied before its attributes are looked at.

    The nodes it is given are never changed: a node whose text spells no name that
    could resolve to the macros (`_Resolution.needles`) is left as it is, unwalked;
    another is copied before it changes, its item-like children left for their own
    turn. An annotated item is copied whole, since it is printed: everything in it is
    walked (`full`) and configured."""

    def __init__(self, src: bytes, configurer: _Configurer, root: _Scope, feature: bool, unit_lo: int,
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
        self.records: list[_Record] = []
        self.order = 0
        #: The impl whose items are visited: None outside impls, else (is a trait impl,
        #: the trait's path as written, its methods if the trait is defined here).
        self.impl: tuple[bool, str, frozenset[str] | None] | None = None
        self.impl_span: Span = root.span
        self.traits: dict[str, frozenset[str]] = {}
        #: id(generated item) -> the record of the attribute that generated it
        self.generated_by: dict[int, _Record] = {}

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
              parent: _Scope | None) -> _Scope:
        """The scope of a module or block whose items are `items`."""
        base = parent.resolution if parent is not None else _Resolution()
        declared = _ScopeItems.of(items, self.configurer)
        scope = _Scope(kind, span, base.with_uses(declared.uses), parent, set(declared.values))
        at_root = scope.module().kind == "crate"
        scope.plain = [item for item, paths in declared.active
                       if not any(scope.resolution.resolve(p, self.edition, at_root) for p in paths)]
        self.traits.update(declared.traits)
        return scope

    def _resolve(self, attr: Attribute) -> Mode | None:
        names = _path_names(attr)
        if not names:
            return None
        return self.scope.resolution.resolve(names, self.edition, self.scope.module().kind == "crate")

    def _close(self, scope: _Scope) -> None:
        """What waits on a finished module or block: name clashes (E0428), and the
        names generated bodies use that it may define (E0425)."""
        generated = {b.name for b in scope.bindings if b.owner is not None}
        if generated:
            plain = _plain_bindings(scope.plain, self.src, generated)
            for owner, diag in conflicts(plain + scope.bindings):
                owner.late.append((1, diag))
        for record in self.records:
            if record.lookups and record.scope is scope:
                record.lookups = resolve_names(record, scope)

    # -- copying and skipping -----------------------------------------------------------

    def _mentions(self, span: Span) -> bool:
        """Whether `src[span]` spells a name that could resolve to the macros here."""
        src, (lo, hi) = self.src, span
        return any(src.find(needle, lo, hi) != -1 for needle in self.scope.resolution.needles)

    def _own(self, node: Any) -> Any:
        """`node`, or a copy of it the walk may change (its item-like children shared)."""
        return node if self.full else clone(node, _ITEM_LIKE)

    def _skip(self, node: Any) -> list[Any]:
        """Leave a node that names no macro alone. Walking a module would register its
        traits, and those of the modules in it, which stay nameable outside: do that."""
        kind = node.kind
        if (isinstance(node, Item) and isinstance(kind, ItemKind.Mod) and isinstance(kind.mod_kind, ModKind.Loaded)
                and self.src.find(b"trait", node.span[0], node.span[1]) != -1
                and self.configurer.configure(node.attrs) is not None):
            self._register_traits(kind.mod_kind.items)
        return [node]

    def _register_traits(self, items: Sequence[Item]) -> None:
        declared = _ScopeItems.of(items, self.configurer)
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
            owner.late.append((3, AutodiffDiagnostic(
                here, f"duplicate definitions with name `{name}`:", code="E0201",
                labels=((here, "duplicate definition"), (before, "previous definition here")))))

    def _binding_span(self, item: Any) -> Span:
        record = self.generated_by.get(id(item))
        return record.span if record is not None else _head_span(self.src, item.span)

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
            if isinstance(kind, (StmtKind.Let, StmtKind.MacCall)):
                modes = [self._resolve(attr) for attr in configured]
                for attr, mode in zip(configured, modes):
                    if mode is not None:
                        record = self._record(attr, node.span, "", mode)
                        record.error(node.span, "autodiff must be applied to function")
                # the macro is consumed even where it does not apply
                configured = [attr for attr, mode in zip(configured, modes) if mode is None]
            _stmt_holder(node.kind).attrs = configured
        return walk_flat_map_stmt(self, node)

    # -- attributes where no macro may go ---------------------------------------------------

    def _non_macro_position(self, node: Any, walk: Any) -> list[Any]:
        """A node that is no item (its owner was copied): `cfg` and `cfg_attr` first,
        then a macro among its attributes is an error."""
        if node.attrs:
            configured = self.configurer.attributes(node.attrs)
            if configured is None:
                return []
            node.attrs = configured
            for attr in configured:
                if self._resolve(attr) is not None:
                    path = attr.kind.item.path
                    name = path.segments[-1].ident.name
                    record = self._record(attr, attr.span, "", MACROS.get(name, Mode.Forward))
                    record.diagnostics.append(AutodiffDiagnostic(
                        path.span, f"expected non-macro attribute, found attribute macro `{name}`",
                        labels=((path.span, "not a non-macro attribute"),)))
        return walk(self, node)

    def flat_map_variant(self, node: Any) -> list[Any]:
        return self._non_macro_position(node, walk_flat_map_variant)

    def flat_map_field_def(self, node: Any) -> list[Any]:
        return self._non_macro_position(node, walk_flat_map_field_def)

    def flat_map_param(self, node: Any) -> list[Any]:
        return self._non_macro_position(node, walk_flat_map_param)

    def flat_map_generic_param(self, node: Any) -> list[Any]:
        return self._non_macro_position(node, walk_flat_map_generic_param)

    def flat_map_arm(self, node: Any) -> list[Any]:
        return self._non_macro_position(node, walk_flat_map_arm)

    def flat_map_expr_field(self, node: Any) -> list[Any]:
        return self._non_macro_position(node, walk_flat_map_expr_field)

    def flat_map_pat_field(self, node: Any) -> list[Any]:
        return self._non_macro_position(node, walk_flat_map_pat_field)

    def flat_map_where_predicate(self, node: Any) -> list[Any]:
        return self._non_macro_position(node, walk_flat_map_where_predicate)

    # -- expansion ------------------------------------------------------------------------------

    def _record(self, attr: Attribute, item_span: Span, source: str, mode: Mode) -> _Record:
        scope_span = self.impl_span if self.impl is not None else self.scope.span
        record = _Record(attr.span, attr.kind.item.path.span, item_span, self.scope, scope_span, source, mode)
        if not self.feature:
            record.diagnostics.append(AutodiffDiagnostic(
                attr.kind.item.path.span, "use of unstable library feature `autodiff`", code="E0658"))
        self.records.append(record)
        return record

    def _flat_map(self, node: Any, walk: Any) -> list[Any]:
        if not self.full and not self._mentions(_full_span(node)):
            return self._skip(node)
        configured = self.configurer.attributes(node.attrs) if node.attrs else []
        if configured is None:
            return []  # a false `#[cfg]`: rustc removes the item before expanding anything
        modes = [self._resolve(a) for a in configured]
        for attr, mode in zip(configured, modes):
            names = _path_names(attr)
            if mode is None and len(names) == 1 and names[0] in MACROS:
                # `autodiff_forward` without an import: not expanded, and an error
                record = _Record(attr.span, attr.kind.item.path.span, _full_span(node), self.scope,
                                 self.scope.span, _item_name(node), MACROS[names[0]])
                record.diagnostics.append(AutodiffDiagnostic(
                    attr.kind.item.path.span, f"cannot find attribute `{names[0]}` in this scope"))
                self.records.append(record)
        if any(modes):
            return self._expand_item(node if self.full else clone(node), configured, modes, walk)
        node = self._own(node)
        node.attrs = configured
        return walk(self, node)

    def _expand_item(self, node: Any, configured: list[Attribute], modes: list[Mode | None],
                     walk: Any) -> list[Any]:
        """rustc expands an item's macro attributes top to bottom; each expansion puts
        the item back first, so the generated fns end up in reverse order. `node` is
        the expander's own copy: it is printed, so everything in it is configured."""
        item_span = _full_span(node)
        node.attrs = [a for a, mode in zip(configured, modes) if mode is None]
        fn_kind = self._fn_kind(node)
        records = []
        for attr, mode in zip(configured, modes):
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
            internal = [a for a in node.attrs if _is_path(a, "rustc_autodiff")]
            if internal:  # an error on the item every attribute's text shows
                for record in records:
                    record.late.append((2, AutodiffDiagnostic(
                        internal[0].span, "use of an internal attribute", code="E0658")))
            else:
                node.attrs.append(_outer_attr(_path(["rustc_autodiff"], records[0].span), AttrArgs.Empty(),
                                              records[0].span))
        self._define(node, generated)
        # items nested in the fn's body expand too, and `cfg`s in it apply; rustc
        # expands the macro on the item as written, so the generated fn was built first
        outer, self.full = self.full, True
        out = walk(self, node)
        self.full = outer
        for record in generated:  # rustc walks the expansion's output too
            _CfgStrip(self.configurer).strip(record.generated)
        self._print(node, records, item_span)
        for record in reversed(generated):
            out.append(record.generated)
        return out

    def _define(self, node: Any, generated: list[_Record]) -> None:
        """Bind the generated fns, then the annotated item, in the value namespace of the
        enclosing module or block (impl items bind nothing there)."""
        if not isinstance(node, Item):
            return
        for record in generated:
            self.order += 1
            self.scope.bindings.append(_Binding(record.args.name or "", record.span, (1, self.order), record))
            self.scope.values.add(record.args.name or "")
        for name, span in _value_items([node]):
            self.order += 1
            self.scope.bindings.append(_Binding(name, _head_span(self.src, span), (1, self.order)))

    def _print(self, node: Any, records: list[_Record], item_span: Span) -> None:
        if any(r.crashed for r in records):
            return  # rustc prints nothing when it panics
        src, edition = self.src + bytes(self.scratch), self.edition
        source_text = items_to_string([node], src, self._comments(item_span), edition)
        for record in records:
            record.source_text = source_text
            if record.generated is not None:
                record.generated_text = items_to_string([record.generated], src, edition=edition)
                record.signature = _signature(record.generated, src, edition)

    def _fn_kind(self, node: Any) -> Any:
        """The annotated fn, if the macro accepts the item: a free fn (also in a block)
        or a fn in an impl; not a fn of a trait or an extern block."""
        kind = node.kind
        if isinstance(node, Item) and isinstance(kind, ItemKind.Fn):
            return kind
        if isinstance(node, AssocItem) and isinstance(kind, AssocItemKind.Fn) and self.impl is not None:
            return kind
        return None

    def _parse_args(self, record: _Record, attr: Attribute, node: Any) -> list[MetaItemInner] | None:
        """The attribute's arguments as rustc's `parse_meta` reads them; None after E2 or
        a syntax error (rustc then leaves the item alone)."""
        args = attr.kind.item.args
        if not isinstance(args, AttrArgs.Delimited):
            record.error(node.span, "autodiff requires at least a name and mode")
            return None
        lo, hi = args.args.dspan
        if args.args.delim is not Delimiter.Parenthesis:
            record.error((lo, hi), "wrong meta list delimiters")
        parser = MetaParser(self.src, lo + 1, hi - 1, self.edition)
        try:
            items = parser.parse_list_to_end()
        except MetaParseError as err:
            record.diagnostics.extend(AutodiffDiagnostic(d.span, d.message) for d in parser.errors)
            tok = parser.token
            if err.diagnostic.message.startswith("expected a literal") and tok is not None:
                # what rustc's `parse_meta` (not the newer cfg parser) says
                record.error(tok.span, f"expected unsuffixed literal, found `{tok.text}`")
            else:
                record.error(err.diagnostic.span, err.diagnostic.message)
            return None
        record.diagnostics.extend(AutodiffDiagnostic(d.span, d.message) for d in parser.errors)
        if not items:
            record.error(node.span, "autodiff requires at least a name and mode")
            return None
        return list(items)

    def _expand_one(self, record: _Record, attr: Attribute, kind: Any, node: Any) -> Any:
        """One attribute on a fn: rustc's `expand_with_mode`. Returns the generated item,
        or None where rustc generates nothing."""
        items = self._parse_args(record, attr, node)
        if items is None:
            return None
        decl: FnDecl = kind.sig.decl
        has_ret = _has_ret(decl.output)
        width = _lit_int(items[1]) if len(items) >= 2 else None
        first = 1 if width is None else 2
        args = record.args
        args.name, args.name_span = _first_ident(items[0]), items[0].span
        args.written = tuple(_written(i) for i in items[first:])
        # rustc writes the `#[rustc_autodiff]` tokens first: an activity that is neither
        # a name nor an integer panics before anything is checked
        if any(_first_ident(i) is None for i in items[first:]):
            return record.crash("an activity must be a name")
        if width is not None:
            if width > _U32_MAX:
                record.error(items[1].span, f"autodiff width must fit u32, but is {width}")
                return None
            args.width = width
        activities = [(_first_ident(i) or "", i.span) for i in items[first:]]
        unknown = [(name, span) for name, span in activities if name not in ACTIVITIES]
        for name, span in unknown:
            record.error(span, f"did not recognize Activity: `{name}`")
        if unknown:
            return None
        if has_ret and not activities:
            return record.crash("no activity for a function that returns a value")
        if has_ret:
            inputs, (ret, ret_span) = activities[:-1], activities[-1]
        else:
            inputs, ret, ret_span = activities, "None", record.span
        params = decl.inputs
        mode = record.mode
        found = len(inputs) + (ret != "None")
        expected = len(params) + has_ret
        errored = found != expected
        if errored:
            record.error(record.span, f"expected {expected} activities, but found {found}")
        elif len(inputs) != len(params):
            return record.crash("`None` as the last of more activities than the function has")
        else:
            for param, (act, _) in zip(params, inputs):
                if act not in _VALID_INPUT[mode]:
                    record.error(record.span, f"{act} can not be used in {mode.value} Mode")
                    errored = True
                if not _valid_ty_for_activity(param.ty, act):
                    record.error(param.ty.span, f"{act} can not be used for this type")
                    errored = True
            if has_ret and ret not in _VALID_RET[mode]:
                record.diagnostics.append(AutodiffDiagnostic(
                    record.span, f"invalid return activity {ret} in {mode.value} Mode"))
        if any(_ident_name(p.pat) is None for p in params):
            return record.crash("a parameter whose pattern is not an identifier")
        if not errored and mode is Mode.Forward and ret == "ActiveOnly":
            return record.crash("`ActiveOnly` as the return activity in Forward Mode")
        if args.name is None:
            return record.crash("the generated function's name must be an identifier or an integer")
        record.notes = _explain(record, params, inputs, ret, ret_span, has_ret, decl.output, errored, self.src,
                                self.edition)
        return self._generate(record, kind, node, None if errored else inputs, ret, has_ret)

    def _synth(self, text: str) -> Span:
        """Write synthesised tokens to the scratch source; their span lies after the file."""
        lo = len(self.src) + len(self.scratch) + 1
        self.scratch += b"\n" + text.encode()
        return (lo, lo + len(text.encode()))

    def _generate(self, record: _Record, kind: Any, node: Any, inputs: list[tuple[str, Span]] | None,
                  ret: str, has_ret: bool) -> Any:
        """The generated fn. `inputs` is None after E5-E7: rustc then keeps the
        source's signature."""
        args = record.args
        span = record.span
        decl = kind.sig.decl
        header = kind.sig.header
        params: list[Param] = list(decl.inputs)
        output = decl.output
        if inputs is not None:
            params = []
            actives: list[Ty] = []
            for param, (act, _) in zip(decl.inputs, inputs):
                params.append(param)
                name = _ident_name(param.pat)
                if act in ("Duplicated", "DuplicatedOnly"):
                    params += [_shadow(param, f"d{name}_{i}", _mut_ref(param.ty)) for i in range(args.width)]
                elif act in ("Dual", "DualOnly"):
                    params += [_shadow(param, f"b{name}_{i}", param.ty) for i in range(args.width)]
                elif act in ("Dualv", "DualvOnly"):
                    params.append(_shadow(param, f"b{name}_0", param.ty))
                elif act == "Active":
                    actives.append(param.ty)
            if record.mode is Mode.Forward:
                output = _forward_output(decl.output, ret, args.width, has_ret, span)
            else:
                output = _reverse_output(decl.output, ret, actives, span)
                if ret in ("Active", "ActiveOnly"):
                    params.append(Param([], decl.output.ty, _ident_pat("dret", span), span))
            if any(act in _UNSAFE_INPUTS for act, _ in inputs):
                header = FnHeader(header.constness, header.coroutine_kind, Safety.Unsafe, header.ext,
                                  header.abi)
        if inputs is not None and not _missing_lifetimes(decl.inputs, decl.output):
            missing = _missing_lifetimes(params, output)
            if missing:  # rustc resolves the generated signature's lifetimes before its body
                record.late.append((3, AutodiffDiagnostic(
                    missing[0], "missing lifetime specifier" + ("s" if len(missing) > 1 else ""), code="E0106",
                    labels=tuple((sp, "expected named lifetime parameter") for sp in missing))))
        body = self._body(record, kind, params)
        sig = FnSig(header, FnDecl(params, output), span)
        name = Ident(args.name or "", args.name_span)
        gen_kind = type(kind)(kind.defaultness, name, kind.generics, sig, body)
        written = [*args.written, *([] if has_ret else ["None"])]
        activities = ", ".join([record.mode.value, str(args.width), *written])
        attrs = [self._synth_attr("rustc_autodiff", f"({activities})", span)]
        if any(_is_path(a, "inline") for a in node.attrs):
            attrs.append(self._synth_attr("inline", "(never)", span))
        return type(node)(attrs, span, node.vis, gen_kind)

    def _synth_attr(self, name: str, args: str, span: Span) -> Attribute:
        """`#[name(args)]`, its arguments written to the scratch source."""
        delimited = AttrArgs.Delimited(DelimArgs(self._synth(args), Delimiter.Parenthesis))
        return _outer_attr(_path([name], span), delimited, span)

    def _body(self, record: _Record, kind: Any, params: list[Param]) -> Block:
        """`{ ::core::intrinsics::autodiff(P::<T..>, Q::<T..>, (params..)) }`; `P` and
        `Q` get `Self::` in a trait impl, and only there."""
        span = record.span
        args = record.args
        # the fn's own type and const parameters, as bare names
        targs = [AngleBracketedArg.Arg(GenericArg.Type(_ty_path(p.ident.name, span)))
                 for p in kind.generics.params if not isinstance(p.kind, GenericParamKind.Lifetime)]
        in_trait_impl = self.impl is not None and self.impl[0]

        def fn_path(name: str, name_span: Span) -> Expr:
            names = ["Self", name] if in_trait_impl else [name]
            path = _path(names, span, name_span, GenericArgs.AngleBracketed(span, list(targs)))
            return Expr(ExprKind.Path(None, path), span, ())

        names = [_ident_name(p.pat) or "_" for p in params]
        tuple_expr = Expr(ExprKind.Tup([Expr(ExprKind.Path(None, _path([n], span)), span, ()) for n in names]),
                          span, ())
        intrinsic_path = _path(["{{root}}", "core", "intrinsics", "autodiff"], span)
        intrinsic = Expr(ExprKind.Path(None, intrinsic_path), span, ())
        call = Expr(ExprKind.Call(intrinsic, [fn_path(kind.ident.name, kind.ident.span),
                                              fn_path(args.name or "", args.name_span), tuple_expr]), span, ())
        if self.impl is not None and not in_trait_impl:
            # bare names in an inherent impl: resolved as free values, which they are not
            record.lookups += [(kind.ident.name, kind.ident.span), (args.name or "", args.name_span)]
        for name, param in zip(names, params):
            if param.attrs and self.configurer.configure(param.attrs) is None:
                record.lookups.append((name, span))  # a cfg'd-out parameter stays in the tuple
        if in_trait_impl:
            assert self.impl is not None
            _, trait_name, methods = self.impl
            if methods is None or args.name not in methods:
                record.late.append((3, AutodiffDiagnostic(
                    span, f"method `{args.name}` is not a member of trait `{trait_name}`", code="E0407",
                    labels=((span, f"not a member of trait `{trait_name}`"),))))
        return Block([Stmt(StmtKind.Expr(call), span)], BlockCheckMode.Default, span)


def _lifetimes(ty: Ty) -> Iterator[tuple[str | None, Span]]:
    """The lifetimes `ty` names or elides (`&T` and `'_` give None), outside fn
    pointers and trait bounds, which bind their own."""
    kind = ty.kind
    if isinstance(kind, (TyKind.Ref, TyKind.PinnedRef)):
        if kind.lifetime is None:
            yield None, (ty.span[0], ty.span[0] + 1)
        else:
            name = kind.lifetime.ident.name
            yield (None if name == "'_" else name), kind.lifetime.ident.span
        yield from _lifetimes(kind.mt.ty)
    elif isinstance(kind, TyKind.Ptr):
        yield from _lifetimes(kind.mt.ty)
    elif isinstance(kind, (TyKind.Slice, TyKind.Array, TyKind.Paren)):
        yield from _lifetimes(kind.ty)
    elif isinstance(kind, TyKind.Tup):
        for sub in kind.tys:
            yield from _lifetimes(sub)
    elif isinstance(kind, TyKind.Path):
        for seg in kind.path.segments:
            if isinstance(seg.args, GenericArgs.AngleBracketed):
                for arg in seg.args.args:
                    if not isinstance(arg, AngleBracketedArg.Arg):
                        continue
                    if isinstance(arg.arg, GenericArg.Type):
                        yield from _lifetimes(arg.arg.ty)
                    elif isinstance(arg.arg, GenericArg.Lifetime):
                        name = arg.arg.lifetime.ident.name
                        yield (None if name == "'_" else name), arg.arg.lifetime.ident.span


def _missing_lifetimes(params: Sequence[Param], output: Any) -> list[Span]:
    """E0106's spans: the elided lifetimes of the return type when elision cannot pick
    one: no `&self`, and the inputs do not have exactly one lifetime (each elided one
    is a lifetime of its own, a named one counts once)."""
    if not isinstance(output, FnRetTy.Ty):
        return []
    elided = [span for name, span in _lifetimes(output.ty) if name is None]
    if not elided:
        return []
    if params and _ident_name(params[0].pat) == "self" and isinstance(params[0].ty.kind, TyKind.Ref):
        return []
    inputs = [name for p in params for name, _ in _lifetimes(p.ty)]
    if sum(name is None for name in inputs) + len({name for name in inputs if name is not None}) == 1:
        return []
    return elided


class _CfgStrip(MutVisitor):
    """What rustc does to a generated fn as it walks the expansion: nodes under a false
    `cfg` go (the source's parameters, which the macro saw), `cfg_attr`s become what
    they insert, true `cfg`s vanish. (The annotated item is configured as the expander
    walks it.)"""

    def __init__(self, configurer: _Configurer) -> None:
        self.configurer = configurer

    def visit_attribute(self, node: Attribute) -> None:
        """Not walked into (they may be the document's own)."""

    def strip(self, node: Any) -> None:
        if isinstance(node, AssocItem):
            walk_flat_map_assoc_item(self, node)
        else:
            walk_flat_map_item(self, node)

    def _keep(self, node: Any) -> bool:
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

    def flat_map_param(self, node: Any) -> list[Any]:
        return walk_flat_map_param(self, node) if self._keep(node) else []

    def flat_map_field_def(self, node: Any) -> list[Any]:
        return walk_flat_map_field_def(self, node) if self._keep(node) else []

    def flat_map_variant(self, node: Any) -> list[Any]:
        return walk_flat_map_variant(self, node) if self._keep(node) else []

    def flat_map_arm(self, node: Any) -> list[Any]:
        return walk_flat_map_arm(self, node) if self._keep(node) else []

    def flat_map_expr_field(self, node: Any) -> list[Any]:
        return walk_flat_map_expr_field(self, node) if self._keep(node) else []

    def flat_map_pat_field(self, node: Any) -> list[Any]:
        return walk_flat_map_pat_field(self, node) if self._keep(node) else []

    def flat_map_generic_param(self, node: Any) -> list[Any]:
        return walk_flat_map_generic_param(self, node) if self._keep(node) else []

    def flat_map_where_predicate(self, node: Any) -> list[Any]:
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
# Late resolution: E0428 and E0425


def conflicts(bindings: Iterable[_Binding]) -> Iterator[tuple[Any, AutodiffDiagnostic]]:
    """E0428 (E0255 with an import) where a generated fn's name meets another value
    name of its module or block, with the owner of the generated binding. rustc reports each binding that
    meets an earlier-defined one, at whichever of the two is later in the file."""
    first: dict[str, _Binding] = {}
    for binding in sorted(bindings, key=lambda b: b.order):
        old = first.setdefault(binding.name, binding)
        if old is binding:
            continue
        owner = binding.owner if binding.owner is not None else old.owner
        if owner is None:
            continue
        later, earlier = (binding, old) if binding.span[0] >= old.span[0] else (old, binding)
        name = binding.name
        yield owner, AutodiffDiagnostic(
            later.span, f"the name `{name}` is defined multiple times",
            code="E0255" if later.import_ or earlier.import_ else "E0428",
            labels=((later.span, f"`{name}` {'reimported' if later.import_ else 'redefined'} here"),
                    (earlier.span,
                     f"previous {'import' if earlier.import_ else 'definition'} of the value `{name}` here")))


def _unresolved(name: str, span: Span) -> AutodiffDiagnostic:
    return AutodiffDiagnostic(span, f"cannot find value `{name}` in this scope", code="E0425")


def resolve_names(record: _Record, scope: _Scope) -> list[tuple[str, Span]]:
    """E0425 for each name of a generated body that neither `scope` nor the scopes it
    sees define. Names still unresolved at the crate root wait for the root's names
    (returned)."""
    pending = []
    for name, span in record.lookups:
        cur: _Scope | None = scope
        while cur is not None and name not in cur.values:
            cur = cur.parent
        if cur is not None:
            continue
        if scope.module().kind == "crate":
            pending.append((name, span))
        else:
            record.late.append((3, _unresolved(name, span)))
    return pending


# ----------------------------------------------------------------------------------
# Explanations


def _explain(record: _Record, params: Sequence[Param], inputs: Sequence[tuple[str, Span]], ret: str,
             ret_span: Span, has_ret: bool, output: Any, errored: bool, src: bytes, edition: int
             ) -> list[ActivityNote]:
    """One note per activity, as an editor shows them on hover."""
    width = record.args.width
    mode = record.mode
    notes: list[ActivityNote] = []
    gradients = 0
    # in reverse mode the gradients follow the primal value in the returned tuple
    first_gradient = 1 if isinstance(output, FnRetTy.Ty) and ret != "ActiveOnly" else 0
    active_count = sum(act == "Active" for act, _ in inputs)
    for param, (act, span) in zip(params, inputs):
        name = _ident_name(param.pat) or "_"
        ty = ty_to_string(param.ty, src, edition)
        if act not in _VALID_INPUT[mode]:
            text = f"`{act}` is not an input activity of {mode.value} mode: rustc rejects it."
        elif act == "Const":
            text = f"`{name}` is constant: passed through, without a shadow."
        elif act == "Active":
            if first_gradient + active_count == 1:
                text = f"`{name}` is active: its gradient (`{ty}`) is what the generated fn returns."
            else:
                text = (f"`{name}` is active: its gradient (`{ty}`) is element `.{first_gradient + gradients}` "
                        f"of the returned tuple.")
            gradients += 1
        elif act == "ActiveOnly":
            text = f"`{name}` is active, but no gradient is returned for it."
        elif act in ("Duplicated", "DuplicatedOnly"):
            shadow_ty = ty_to_string(_mut_ref(param.ty), src, edition) if _valid_ty_for_activity(param.ty, act) else ty
            text = f"`{name}` is duplicated: {_shadows('d' + name, width, shadow_ty)} its gradient."
            if act == "DuplicatedOnly":
                text += " The generated fn is `unsafe`."
        elif act in ("Dual", "DualOnly"):
            text = f"`{name}` is dual: {_shadows('b' + name, width, ty)} its tangent."
            if act == "DualOnly":
                text += " The generated fn is `unsafe`."
        else:
            text = (f"`{name}` is dual in vector mode: one shadow `b{name}_0` (`{ty}`) carries all "
                    f"{width} tangents.")
        if errored and act in _VALID_INPUT[mode]:
            text += " (rustc reports an error: the generated fn keeps the source's signature.)"
        notes.append(ActivityNote(act, span, param_to_string(param, src, edition), text))
    if has_ret:
        ty = ty_to_string(output.ty, src, edition)
        notes.append(ActivityNote(ret, ret_span, f"-> {ty}", _explain_ret(mode, ret, width, ty, gradients)))
    return notes


def _shadows(prefix: str, width: int, ty: str) -> str:
    """`the shadow `dx_0` (`&mut f64`) holds` and its plural."""
    if width == 0:
        return "width 0 gives no shadow for"
    if width == 1:
        return f"the shadow `{prefix}_0` (`{ty}`) holds"
    return f"the shadows `{prefix}_0` .. `{prefix}_{width - 1}` (`{ty}`) hold"


def _explain_ret(mode: Mode, ret: str, width: int, ty: str, gradients: int) -> str:
    if ret not in _VALID_RET[mode]:
        return (f"`{ret}` is not a return activity of {mode.value} mode: rustc rejects it; "
                f"the return type stays `{ty}`.")
    if mode is Mode.Forward:
        if ret == "Const":
            return f"The return value is constant: the generated fn returns the primal `{ty}`."
        if ret == "Dual":
            if width == 1:
                return f"The generated fn returns `({ty}, {ty})`: the primal value and its tangent."
            return f"The generated fn returns `[{ty}; {width + 1}]`: the primal value, then {width} tangents."
        if ret == "Dualv":
            return f"The generated fn returns `({ty}, {ty})`: the primal value and the tangent vector."
        if width > 1:
            return f"The generated fn returns `[{ty}; {width}]`: {width} tangents, without the primal value."
        return f"The generated fn returns the tangent `{ty}`, without the primal value."
    grads = f", followed by {gradients} gradient{'s' if gradients != 1 else ''}" if gradients else ""
    if ret == "Const":
        return f"The return value is constant: the generated fn returns the primal `{ty}`{grads}."
    if ret == "Active":
        return (f"`dret: {ty}` seeds the return value's adjoint; the generated fn returns the primal "
                f"`{ty}`{grads}.")
    dropped = f"only the gradient{'s' if gradients != 1 else ''}" if gradients else "nothing"
    return (f"`dret: {ty}` seeds the return value's adjoint; the generated fn returns {dropped}, "
            f"not the primal value.")


# ----------------------------------------------------------------------------------
# Copying a unit


def _slots(cls: type) -> tuple[str, ...]:
    names = _SLOTS.get(cls)
    if names is None:
        names = tuple(name for klass in cls.__mro__ for name in getattr(klass, "__slots__", ()))
        _SLOTS[cls] = names
    return names


_SLOTS: dict[type, tuple[str, ...]] = {}
_SHARED = (str, int, bool, float, type(None), enum.Enum, Ident)


def clone(node: Any, keep: tuple[type, ...] = ()) -> Any:
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


# ----------------------------------------------------------------------------------
# The driver: per-unit results, then the crate root


@dataclass(frozen=True, slots=True)
class _Context:
    """What a unit's expansion depends on besides its own text."""

    edition: int
    cfg: Any
    feature: bool
    resolution: _Resolution
    traits: tuple[tuple[str, frozenset[str]], ...]


@dataclass(frozen=True, slots=True)
class _UnitFacts:
    """What the crate root needs to know of one unit, whatever it expands to: the
    autodiff names its `use`s bring in, the value names it defines or imports, the
    value names its plain items bind (for each, the span a clash is reported at,
    whether it is an import, and its item's attribute paths: an annotated item is
    defined later), its traits' methods, and whether its inner attributes enable the
    feature."""

    uses: tuple[tuple[str, Mode | None], ...]
    values: frozenset[str]
    bindings: tuple[tuple[str, Span, bool, tuple[tuple[str, ...], ...]], ...]
    traits: tuple[tuple[str, frozenset[str]], ...]
    feature: bool

    def shifted(self, db: int) -> _UnitFacts:
        if not db:
            return self
        return replace(self, bindings=tuple((n, _shift(s, db), i, a) for n, s, i, a in self.bindings))


def _unit_facts(unit: Any, configurer: _Configurer) -> _UnitFacts:
    declared = _ScopeItems.of(unit.items, configurer)
    bindings = tuple((b.name, b.span, b.import_, paths) for item, paths in declared.active
                     for b in _plain_bindings([item], configurer.src))
    return _UnitFacts(declared.uses, declared.values, bindings, declared.traits,
                      _feature_enabled(unit.inner_attrs, configurer))


@dataclass(frozen=True, slots=True)
class _UnitResult:
    """A unit's expansions, and what waits on the crate root: the value names its
    expansions bind there (with the index of the owning expansion), the names its
    generated bodies use that only the root may define, and the printed replacement
    of each annotated item."""

    expansions: tuple[AutodiffExpansion, ...]
    #: which expansions the crate root scopes (their `scope_span` is the crate's)
    at_root: tuple[bool, ...]
    bindings: tuple[tuple[str, Span, int, int | None], ...]
    lookups: tuple[tuple[int, str, Span], ...]
    texts: tuple[tuple[Span, str], ...]

    def shifted(self, db: int) -> _UnitResult:
        """The result of a unit that moved by `db` bytes."""
        return _UnitResult(
            tuple(e.shifted(db) for e in self.expansions),
            self.at_root,
            tuple((n, _shift(s, db), o, i) for n, s, o, i in self.bindings),
            tuple((i, n, _shift(s, db)) for i, n, s in self.lookups),
            tuple((_shift(s, db), t) for s, t in self.texts))

    def in_crate(self, crate_span: Span) -> _UnitResult:
        """The result with the crate root's expansions scoped to `crate_span` (the
        file's length changes with edits elsewhere)."""
        if not any(self.at_root):
            return self
        return replace(self, expansions=tuple(
            replace(e, scope_span=crate_span) if root else e for e, root in zip(self.expansions, self.at_root)))


def _feature_enabled(attrs: Sequence[Attribute], configurer: Configurer) -> bool:
    """Whether inner attributes say `#![feature(autodiff)]`."""
    for attr in configurer.configure([a for a in attrs if a.style is AttrStyle.Inner]) or ():
        if attr.path == ("feature",) and attr.args is not None:
            if any(t.text == "autodiff" for t in tokenize(configurer.src, *attr.args)):
                return True
    return False


def _unit_expander(unit: Any, src: bytes, configurer: _Configurer, ctx: _Context,
                   scratch: bytearray | None = None, full: bool = False) -> AutodiffExpander:
    """An expander for the items of `unit`, at the crate root `ctx` describes."""
    root = _Scope("crate", (0, len(src)), ctx.resolution, None)
    expander = AutodiffExpander(src, configurer, root, ctx.feature, unit.lo, scratch, full)
    expander.traits = dict(ctx.traits)
    return expander


def _expand_unit(unit: Any, src: bytes, configurer: _Configurer, ctx: _Context) -> _UnitResult | None:
    """Expand one unit's items (copying only what changes); None when its text names
    no autodiff macro."""
    if not unit.items:
        return None
    lo, hi = unit.lo, max(item.span[1] for item in unit.items)
    if not any(src.find(needle, lo, hi) != -1 for needle in ctx.resolution.needles):
        return None
    expander = _unit_expander(unit, src, configurer, ctx)
    for item in unit.items:
        expander.flat_map_item(item)
    records = expander.records
    root = expander.scope
    crate_span = root.span
    index = {id(r): i for i, r in enumerate(records)}
    bindings = tuple((b.name, b.span, b.order[1], index[id(b.owner)] if b.owner is not None else None)
                     for b in root.bindings)
    lookups = tuple((i, name, span) for i, r in enumerate(records) for name, span in r.lookups)
    return _UnitResult(tuple(r.finish() for r in records), tuple(r.scope_span == crate_span for r in records),
                       bindings, lookups, _item_texts(records))


def _item_texts(records: Sequence[_Record]) -> tuple[tuple[Span, str], ...]:
    """Each annotated item's replacement: the item, then its generated fns (the last
    attribute's first), as rustc prints them."""
    by_item: dict[Span, list[_Record]] = {}
    for record in records:
        if record.source_text is not None:
            by_item.setdefault(record.item_span, []).append(record)
    out = []
    for span, group in by_item.items():
        parts = [group[0].source_text] + [r.generated_text for r in reversed(group) if r.generated_text]
        out.append((span, "\n".join(p for p in parts if p is not None)))
    return tuple(out)


_FACTS = "autodiff-facts"
"""`Document.unit_results` keys: a unit's `_UnitFacts`, and its expansions (in a context)."""
_EXPANSIONS = "autodiff-expansions"


def _context(doc: Any) -> tuple[_Configurer, list[_UnitFacts], _Context]:
    """The document's configurer, each unit's facts (kept by the document while the
    unit's text is unchanged), and what they make the context of every unit."""
    config = doc.config
    configurer = _Configurer(doc.src, config.cfg, config.edition)
    facts = doc.unit_results(_FACTS, lambda unit: _unit_facts(unit, configurer), _UnitFacts.shifted)
    resolution = _Resolution().with_uses(u for f in facts for u in f.uses)
    ctx = _Context(config.edition, config.cfg, any(f.feature for f in facts), resolution,
                   tuple(sorted(t for f in facts for t in f.traits)))
    return configurer, facts, ctx


def _collect(doc: Any) -> tuple[list[AutodiffExpansion], list[tuple[Span, str]]]:
    """Every expansion of the document, and the printed replacement of each annotated
    item. Both come from per-unit results the document keeps while a unit's text is
    unchanged; only the crate root's decisions are made again on each call."""
    configurer, facts, ctx = _context(doc)
    crate_span = (0, len(doc.src))
    results = [r.in_crate(crate_span) for r in doc.unit_results(
        _EXPANSIONS, lambda unit: _expand_unit(unit, doc.src, configurer, ctx),
        lambda r, db: r and r.shifted(db), inputs=ctx) if r is not None]
    return _finish_root(results, facts, ctx), [t for r in results for t in r.texts]


def _finish_root(results: Sequence[_UnitResult], facts: Sequence[_UnitFacts], ctx: _Context
                 ) -> list[AutodiffExpansion]:
    """Add what the crate root decides: clashes of generated names with root items or
    each other (E0428, E0255) and names of generated bodies nothing defines (E0425).
    Only the names the expansions generate or look up are looked at."""
    expansions = [e for r in results for e in r.expansions]
    extra: dict[int, list[AutodiffDiagnostic]] = {}
    generated = {name for r in results for name, _, _, owner in r.bindings if owner is not None}
    if generated:
        resolve = ctx.resolution.resolve
        plain = [(name, span, import_) for f in facts for name, span, import_, paths in f.bindings
                 if name in generated and not any(resolve(p, ctx.edition, True) for p in paths)]
        bindings = [_Binding(name, span, (0, order), import_=import_)
                    for order, (name, span, import_) in enumerate(plain)]
        base = 0
        for unit_order, result in enumerate(results):
            for name, span, order, owner in result.bindings:
                if name in generated:
                    owner_index = None if owner is None else base + owner
                    bindings.append(_Binding(name, span, (1, unit_order, order), owner_index))
            base += len(result.expansions)
        for owner, diag in conflicts(bindings):
            extra.setdefault(owner, []).append(diag)
    base = 0
    for result in results:
        for i, name, span in result.lookups:
            if name not in generated and not any(name in f.values for f in facts):
                extra.setdefault(base + i, []).append(_unresolved(name, span))
        base += len(result.expansions)
    finished = [e.with_diagnostics(extra.get(i, ())) for i, e in enumerate(expansions)]
    return sorted(finished, key=lambda e: e.span[0])  # source order (a unit's walk nearly keeps it)


# ----------------------------------------------------------------------------------
# Public API


def autodiff_expansions(doc: Any) -> list[AutodiffExpansion]:
    """Every autodiff attribute of a `Document`, in source order, with its expansion
    and diagnostics. After an edit only the units whose text changed expand again.
    Every way to name the two macros spells `autodiff`; a file that never does costs
    one byte search per keystroke."""
    if b"autodiff" not in doc.src:
        return []
    return _collect(doc)[0]


def expand(doc: Any) -> tuple[list[AutodiffExpansion], str]:
    """`autodiff_expansions` and `expanded_source` of a document, from one pass."""
    if b"autodiff" not in doc.src:
        return [], doc.src.decode("utf-8", "replace")
    expansions, texts = _collect(doc)
    return expansions, _spliced(doc.src, texts)


def expansion_at(expansions: Sequence[AutodiffExpansion], offset: int) -> AutodiffExpansion | None:
    """The attribute at `offset`, else the innermost annotated item containing it."""
    for exp in expansions:
        if exp.span[0] <= offset < exp.span[1]:
            return exp
    inside = [e for e in expansions if e.item_span[0] <= offset < e.item_span[1]]
    return min(inside, key=lambda e: e.item_span[1] - e.item_span[0], default=None)


def expansion_for_name(expansions: Sequence[AutodiffExpansion], name: str, offset: int
                       ) -> AutodiffExpansion | None:
    """The expansion whose generated fn a path naming `name` at `offset` refers to
    (hover on `df(..)`): among those generating `name`, the one defined in the
    innermost scope around `offset`, else the first."""
    candidates = [e for e in expansions if e.generated == name and e.generated_text is not None]
    around = [e for e in candidates if e.scope_span[0] <= offset <= e.scope_span[1]]
    if around:
        return min(around, key=lambda e: e.scope_span[1] - e.scope_span[0])
    return candidates[0] if candidates else None


_IDENT_BYTE = re.compile(rb"[A-Za-z0-9_\x80-\xff]")


def generated_at(src: bytes, expansions: Sequence[AutodiffExpansion], offset: int) -> AutodiffExpansion | None:
    """The expansion whose generated fn the identifier at `offset` names."""
    lo = hi = offset
    while lo > 0 and _IDENT_BYTE.match(src, lo - 1):
        lo -= 1
    while hi < len(src) and _IDENT_BYTE.match(src, hi):
        hi += 1
    if lo == hi:
        return None
    return expansion_for_name(expansions, src[lo:hi].decode("utf-8", "replace"), offset)


def expansion_json(exp: AutodiffExpansion, index: LineIndex) -> dict[str, Any]:
    """INTERFACE.md's object for `rust-ast expand --json`."""
    return {
        "span": index.rustc_span(exp.span),
        "source": exp.source,
        "generated": exp.generated,
        "mode": exp.mode.value,
        "width": exp.width,
        "activities": list(exp.activities),
        "text": exp.text,
        "diagnostics": [{"span": index.rustc_span(d.span), "level": d.level, "message": d.message}
                        for d in exp.diagnostics],
    }


def expanded_source(doc: Any) -> str:
    """The file with each annotated item replaced by what rustc prints for it: the
    item and its generated fns (errors or not; unchanged where rustc expands nothing)."""
    return expand(doc)[1]


def _spliced(src: bytes, texts: Iterable[tuple[Span, str]]) -> str:
    """`src` with each span replaced by its text, indented like the line it starts."""
    out: list[bytes] = []
    pos = 0
    for (lo, hi), text in sorted(texts):
        if lo < pos:
            continue  # inside an item already replaced (its text includes this one)
        line_start = src.rfind(b"\n", 0, lo) + 1
        prefix = src[line_start:lo]
        indent = prefix.decode("utf-8", "replace") if prefix.isspace() else ""
        out += [src[pos:lo], text.replace("\n", "\n" + indent).encode()]
        pos = hi
    out.append(src[pos:])
    return b"".join(out).decode("utf-8", "replace")


def expanded_crate(doc: Any) -> str:
    """The whole crate as `rustc -Zunpretty=expanded` prints it, without the prelude
    header rustc injects and with other macro calls left unexpanded: every autodiff
    attribute expanded, `cfg`s applied, comments kept. Each unit is expanded as
    `autodiff_expansions` expands it, on a whole copy that is kept and printed."""
    configurer, _, ctx = _context(doc)
    src = doc.src
    units = doc.units_in(0, len(src))
    scratch = bytearray()
    items = []
    for unit in units:
        expander = _unit_expander(unit, src, configurer, ctx, scratch, full=True)
        items += [new for item in unit.items for new in expander.flat_map_item(clone(item))]
    inner = configurer.attributes([a for unit in units for a in unit.inner_attrs]) or []
    state = State(src + bytes(scratch), gather_comments(src), ctx.edition)
    state.print_crate(Crate(inner, items, (0, len(src))))
    return state.eof()
