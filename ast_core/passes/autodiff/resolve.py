"""Name resolution around autodiff: which paths name the two macros in a scope (as
rustc resolves them: `use std::autodiff::*`, a renamed import, a full path; a `use` in
a module or block is seen below it, blocks see outward), and the value names modules
and blocks define, for the errors expansions lead to later: name clashes (E0428,
E0255) and names a generated body uses that nothing defines (E0425)."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ...model import AssocItemKind, Ident, Item, ItemKind, Span, UseTree, UseTreeKind, VariantData
from ..configure import path_names
from .attrs import MACROS, DiffMode
from .parse import AttrConfigurer
from .results import AutodiffDiagnostic, Phase, Record


@dataclass(frozen=True, slots=True)
class Resolution:
    """The autodiff names a scope sees: bare macro names (`autodiff_forward`, or `fwd`
    after `use std::autodiff::autodiff_forward as fwd;`) and names of the
    `std::autodiff` module (`use std::autodiff as ad;` makes `ad::autodiff_forward`)."""

    macros: tuple[tuple[str, DiffMode], ...] = ()
    modules: tuple[str, ...] = ()
    #: `macros` as a dict
    by_name: dict[str, DiffMode] = field(init=False, compare=False, repr=False)
    #: What a text must contain to possibly use an autodiff attribute: every path that
    #: resolves to a macro spells `autodiff` or one of these names.
    needles: tuple[bytes, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", dict(self.macros))
        names = (name.encode() for name in (*self.by_name, *self.modules))
        object.__setattr__(self, "needles", (b"autodiff", *(n for n in names if b"autodiff" not in n)))

    def with_uses(self, uses: Iterable[tuple[str, DiffMode | None]]) -> Resolution:
        macros = dict(self.macros)
        modules = set(self.modules)
        for name, mode in uses:
            if mode is None:
                modules.add(name)
            else:
                macros[name] = mode
        return Resolution(tuple(sorted(macros.items(), key=lambda kv: kv[0])), tuple(sorted(modules)))

    def resolve(self, names: Sequence[str], edition: int, at_root: bool) -> DiffMode | None:
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


def use_leaves(tree: UseTree, prefix: tuple[str, ...] = ()
                ) -> Iterator[tuple[tuple[str, ...], str | None, UseTree]]:
    """`(full path, bound name, leaf)` of each leaf of a use tree; globs bind None."""
    path = prefix + tuple(seg.ident.name for seg in tree.prefix.segments)
    kind = tree.kind
    if isinstance(kind, UseTreeKind.Glob):
        yield path, None, tree
    elif isinstance(kind, UseTreeKind.Nested):
        for sub in kind.items:
            yield from use_leaves(sub, path)
    else:
        assert isinstance(kind, UseTreeKind.Simple)
        if path and path[-1] == "self":
            path = path[:-1]
        if path:
            yield path, kind.rename.name if kind.rename is not None else path[-1], tree


def autodiff_uses(tree: UseTree) -> Iterator[tuple[str, DiffMode | None]]:
    """The autodiff names a `use` brings into scope: macros with their mode, and names
    of the `std::autodiff` module (mode None)."""
    for path, name, _ in use_leaves(tree):
        if path[:1] == ("{{root}}",):  # (a glob may have no path at all: `use *;`, `use {*};`)
            path = path[1:]
        if name is None:
            if path == ("std", "autodiff"):
                yield from MACROS.items()
        elif name != "_":
            if path == ("std", "autodiff"):
                yield name, None
            elif len(path) == 3 and path[:2] == ("std", "autodiff") and path[2] in MACROS:
                yield name, MACROS[path[2]]


def head_span(src: bytes, span: Span) -> Span:
    """rustc's `guess_head_span`: up to the first `{`, without the space before it."""
    brace = src.find(b"{", span[0], span[1])
    if brace == -1:
        return span
    hi = brace
    while hi > span[0] and src[hi - 1:hi].isspace():
        hi -= 1
    return (span[0], hi)


@dataclass(slots=True, eq=False)
class Binding:
    """A value name defined in a module or block. `order` is when rustc's resolver
    defines it: plain items first, then what expansions produce, in expansion order.
    `owner` is the attribute that generated it, if one did: its record while a unit
    expands, its index among the file's expansions at the crate root."""

    name: str
    span: Span
    order: tuple[int, ...]
    owner: Record | int | None = None
    import_: bool = False


@dataclass(slots=True, eq=False)
class Scope:
    """A module or block: the autodiff names it resolves, the value names it defines,
    and the enclosing scope (a block sees its enclosing scopes; a module does not).
    `plain` are its active items without autodiff attributes, `bindings` what its
    expansions define (the two meet only where a generated name clashes)."""

    kind: Literal["crate", "mod", "block"]
    span: Span
    resolution: Resolution
    parent: Scope | None
    values: set[str] = field(default_factory=set)
    plain: list[Item] = field(default_factory=list)
    bindings: list[Binding] = field(default_factory=list)

    def module(self) -> Scope:
        scope = self
        while scope.kind == "block" and scope.parent is not None:
            scope = scope.parent
        return scope


@dataclass(frozen=True, slots=True)
class ScopeItems:
    """What the items of a module or block declare, `cfg` and `cfg_attr` applied: the
    active items with the attribute paths in effect on each, the autodiff names their
    `use`s bring in, the value names they define or import, and the methods of their
    traits."""

    active: list[tuple[Item, tuple[tuple[str, ...], ...]]]
    uses: tuple[tuple[str, DiffMode | None], ...]
    values: frozenset[str]
    traits: tuple[tuple[str, frozenset[str]], ...]

    @staticmethod
    def of(items: Sequence[Item], configurer: AttrConfigurer) -> ScopeItems:
        active = [(item, tuple(path_names(a) for a in attrs)) for item in items
                  if (attrs := configurer.attributes(item.attrs)) is not None]
        kept = [item for item, _ in active]
        uses = tuple(use for item in kept if isinstance(item.kind, ItemKind.Use)
                     for use in autodiff_uses(item.kind.tree))
        values = frozenset(name for name, _ in value_items(kept)) | frozenset(imported_names(kept))
        traits = tuple((item.kind.ident.name, frozenset(sub.kind.ident.name for sub in item.kind.items
                                                        if isinstance(sub.kind, AssocItemKind.Fn)))
                       for item in kept if isinstance(item.kind, ItemKind.Trait))
        return ScopeItems(active, uses, values, traits)


def value_items(items: Iterable[Item]) -> Iterator[tuple[str, Span]]:
    """The value-namespace names items define (fns, consts, statics, tuple and unit
    structs, foreign fns and statics), with their item spans."""
    for item in items:
        kind = item.kind
        if isinstance(kind, (ItemKind.Fn, ItemKind.Const, ItemKind.Static)) or (
                isinstance(kind, ItemKind.Struct) and not isinstance(kind.data, VariantData.Struct)):
            yield kind.ident.name, item.span
        elif isinstance(kind, ItemKind.ForeignMod):
            for sub in kind.items:
                ident = getattr(sub.kind, "ident", None)
                if isinstance(ident, Ident):
                    yield ident.name, sub.span


def imported_names(items: Iterable[Item]) -> Iterator[str]:
    for item in items:
        if isinstance(item.kind, ItemKind.Use):
            for _, name, _ in use_leaves(item.kind.tree):
                if name is not None:
                    yield name


def plain_bindings(items: Sequence[Item], src: bytes, names: Container[str] | None = None) -> list[Binding]:
    """The value names (among `names`, if given) that items without autodiff attributes
    bind, in source order: rustc defines them before it expands anything. An import binds a
    value if its name starts in lower case (a guess: what it imports is not known
    here)."""
    out: list[Binding] = []
    for item in items:
        if isinstance(item.kind, ItemKind.Use):
            for _, name, leaf in use_leaves(item.kind.tree):
                if name is not None and name[:1].islower() and (names is None or name in names):
                    out.append(Binding(name, leaf.span, (0, len(out)), import_=True))
        else:
            for name, span in value_items([item]):
                if names is None or name in names:
                    out.append(Binding(name, head_span(src, span), (0, len(out))))
    return out


def conflicts(bindings: Iterable[Binding]) -> Iterator[tuple[Record | int, AutodiffDiagnostic]]:
    """E0428 (E0255 with an import) where a generated fn's name meets another value
    name of its module or block, with the owner of the generated binding. rustc reports
    each binding that meets an earlier-defined one, at whichever of the two is later in
    the file."""
    first: dict[str, Binding] = {}
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


def unresolved(name: str, span: Span) -> AutodiffDiagnostic:
    return AutodiffDiagnostic(span, f"cannot find value `{name}` in this scope", code="E0425")


def resolve_names(record: Record, scope: Scope) -> list[tuple[str, Span]]:
    """E0425 for each name of a generated body that neither `scope` nor the scopes it
    sees define. Names still unresolved at the crate root wait for the root's names
    (returned)."""
    pending = []
    for name, span in record.lookups:
        cur: Scope | None = scope
        while cur is not None and name not in cur.values:
            cur = cur.parent
        if cur is not None:
            continue
        if scope.module().kind == "crate":
            pending.append((name, span))
        else:
            record.late.append((Phase.LATE_RESOLUTION, unresolved(name, span)))
    return pending

