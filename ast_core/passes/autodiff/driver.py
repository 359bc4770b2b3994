"""The per-unit driver: each top-level unit of a `Document` expands on its own, its
results kept by the document while the unit's text is unchanged
(`Document.unit_results`), so a keystroke re-expands only the unit it touched; what
depends on the whole crate root (name clashes and unresolved names at the root) is
decided again on each call, from per-unit facts. The expander runs on copies: the
document's tree is never changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...targets import CfgSet
from ...model import Attribute, AttrStyle, Crate, Span
from ...pretty import State, gather_comments
from ...shift import shifted
from ...tokens import tokenize
from ..configure import Configurer
from .attrs import DiffMode
from .expander import AutodiffExpander, clone
from .parse import AttrConfigurer
from .printing import item_texts, spliced
from .resolve import Binding, Resolution, Scope, ScopeItems, conflicts, plain_bindings, unresolved
from .results import AutodiffDiagnostic, AutodiffExpansion

if TYPE_CHECKING:
    from ...document import Document, Unit


@dataclass(frozen=True, slots=True)
class _Context:
    """What a unit's expansion depends on besides its own text."""

    edition: int
    cfg: CfgSet
    feature: bool
    resolution: Resolution
    traits: tuple[tuple[str, frozenset[str]], ...]


@dataclass(frozen=True, slots=True)
class _UnitFacts:
    """What the crate root needs to know of one unit, whatever it expands to: the
    autodiff names its `use`s bring in, the value names it defines or imports, the
    value names its plain items bind (for each, the span a clash is reported at,
    whether it is an import, and its item's attribute paths: an annotated item is
    defined later), its traits' methods, and whether its inner attributes enable the
    feature."""

    uses: tuple[tuple[str, DiffMode | None], ...]
    values: frozenset[str]
    bindings: tuple[tuple[str, Span, bool, tuple[tuple[str, ...], ...]], ...]
    traits: tuple[tuple[str, frozenset[str]], ...]
    feature: bool


def _unit_facts(unit: Unit, configurer: AttrConfigurer) -> _UnitFacts:
    declared = ScopeItems.of(unit.items, configurer)
    bindings = tuple((b.name, b.span, b.import_, paths) for item, paths in declared.active
                     for b in plain_bindings([item], configurer.src))
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

    def in_crate(self, crate_span: Span) -> _UnitResult:
        """The result with the crate root's expansions scoped to `crate_span` (the
        file's length changes with edits elsewhere)."""
        if not any(self.at_root):
            return self
        pairs = zip(self.expansions, self.at_root, strict=True)
        return replace(self, expansions=tuple(replace(e, scope_span=crate_span) if root else e for e, root in pairs))


def _feature_enabled(attrs: Sequence[Attribute], configurer: Configurer) -> bool:
    """Whether inner attributes say `#![feature(autodiff)]`."""
    for attr in configurer.configure([a for a in attrs if a.style is AttrStyle.Inner]) or ():
        if attr.path == ("feature",) and attr.args is not None and any(
                t.text == "autodiff" for t in tokenize(configurer.src, *attr.args)):
            return True
    return False


def _unit_expander(unit: Unit, src: bytes, configurer: AttrConfigurer, ctx: _Context,
                   scratch: bytearray | None = None, full: bool = False) -> AutodiffExpander:
    """An expander for the items of `unit`, at the crate root `ctx` describes."""
    root = Scope("crate", (0, len(src)), ctx.resolution, None)
    expander = AutodiffExpander(src, configurer, root, ctx.feature, unit.lo, scratch, full)
    expander.traits = dict(ctx.traits)
    return expander


def _expand_unit(unit: Unit, src: bytes, configurer: AttrConfigurer, ctx: _Context) -> _UnitResult | None:
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
                       bindings, lookups, item_texts(records))


_FACTS = "autodiff-facts"
"""`Document.unit_results` keys: a unit's `_UnitFacts`, and its expansions (in a context)."""
_EXPANSIONS = "autodiff-expansions"


def _context(doc: Document) -> tuple[AttrConfigurer, list[_UnitFacts], _Context]:
    """The document's configurer, each unit's facts (kept by the document while the
    unit's text is unchanged), and what they make the context of every unit."""
    config = doc.config
    configurer = AttrConfigurer(doc.src, config.cfg, config.edition)
    facts = doc.unit_results(_FACTS, lambda unit: _unit_facts(unit, configurer), shifted)
    resolution = Resolution().with_uses(u for f in facts for u in f.uses)
    ctx = _Context(config.edition, config.cfg, any(f.feature for f in facts), resolution,
                   tuple(sorted(t for f in facts for t in f.traits)))
    return configurer, facts, ctx


def _collect(doc: Document) -> tuple[list[AutodiffExpansion], list[tuple[Span, str]]]:
    """Every expansion of the document, and the printed replacement of each annotated
    item. Both come from per-unit results the document keeps while a unit's text is
    unchanged; only the crate root's decisions are made again on each call."""
    configurer, facts, ctx = _context(doc)
    crate_span = (0, len(doc.src))
    results = [r.in_crate(crate_span) for r in doc.unit_results(
        _EXPANSIONS, lambda unit: _expand_unit(unit, doc.src, configurer, ctx),
        shifted, inputs=ctx) if r is not None]
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
        bindings = [Binding(name, span, (0, order), import_=import_)
                    for order, (name, span, import_) in enumerate(plain)]
        base = 0
        for unit_order, result in enumerate(results):
            for name, span, order, owner in result.bindings:
                if name in generated:
                    owner_index = None if owner is None else base + owner
                    bindings.append(Binding(name, span, (1, unit_order, order), owner_index))
            base += len(result.expansions)
        for index, diag in conflicts(bindings):
            assert isinstance(index, int)
            extra.setdefault(index, []).append(diag)
    base = 0
    for result in results:
        for i, name, span in result.lookups:
            if name not in generated and not any(name in f.values for f in facts):
                extra.setdefault(base + i, []).append(unresolved(name, span))
        base += len(result.expansions)
    finished = [e.with_diagnostics(extra.get(i, ())) for i, e in enumerate(expansions)]
    return sorted(finished, key=lambda e: e.span[0])  # source order (a unit's walk nearly keeps it)


def autodiff_expansions(doc: Document) -> list[AutodiffExpansion]:
    """Every autodiff attribute of a `Document`, in source order, with its expansion
    and diagnostics. After an edit only the units whose text changed expand again.
    Every way to name the two macros spells `autodiff`; a file that never does costs
    one byte search per keystroke."""
    if b"autodiff" not in doc.src:
        return []
    return _collect(doc)[0]


def expand(doc: Document) -> tuple[list[AutodiffExpansion], str]:
    """`autodiff_expansions` and `expanded_source` of a document, from one pass."""
    if b"autodiff" not in doc.src:
        return [], doc.src.decode("utf-8", "replace")
    expansions, texts = _collect(doc)
    return expansions, spliced(doc.src, texts)


def expanded_source(doc: Document) -> str:
    """The file with each annotated item replaced by what rustc prints for it: the
    item and its generated fns (errors or not; unchanged where rustc expands nothing)."""
    return expand(doc)[1]


def expanded_crate(doc: Document) -> str:
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
