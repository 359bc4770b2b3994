"""`cfg` and `cfg_attr` applied to one attribute list, as rustc's `StripUnconfigured`
applies them before it looks at a node: attributes in order, a `cfg_attr` replaced by
what it inserts when its predicate holds (nested ones expanded in turn), and the node
dropped at the first false `cfg`. Attributes after that `cfg` are never read.

A malformed `cfg` keeps its node (rustc reports the error and goes on as if it held); a
malformed `cfg_attr` inserts nothing.

`on_parsed` sees every predicate rustc parses, in rustc's order, with its verdict: the
check-cfg pass lints and records them from there; the NodeId pass needs only the
verdicts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..model import AttrArgs, AttrKind, AttrStyle, Attribute, Span
from ..record import Record

# The cfg parser (`ast_core.cfg.predicate`) loads when the first `cfg`/`cfg_attr` is
# met, not with this module: a file without one, or `rust-ast tree`'s start-up, never
# pays for it.
if TYPE_CHECKING:
    from ..cfg.predicate import ActiveCfg, CfgSite, ParsedCfg, SiteKind
    from ..cfg.predicate import AttrItem as CfgAttrItem

SiteHook = Callable[["CfgSite", "ParsedCfg", bool], None]
"""Called with each parsed site, its parse, and whether it holds (a false `cfg` drops
its node; a false `cfg_attr` inserts nothing)."""


def path_names(attr: Attribute) -> tuple[str, ...]:
    """The segments of a normal attribute's path (`("tokio", "main")`); () for a doc comment."""
    if not isinstance(attr.kind, AttrKind.Normal):
        return ()
    return tuple(seg.ident.name for seg in attr.kind.item.path.segments)


def args_span(attr: Attribute) -> Span | None:
    """What `ast_core.cfg` reads an attribute's arguments from: the delimited group
    with its delimiters, or `= value`; None for a bare `#[name]` (and a doc comment)."""
    if not isinstance(attr.kind, AttrKind.Normal):
        return None
    args = attr.kind.item.args
    if isinstance(args, AttrArgs.Delimited):
        return args.args.dspan
    if isinstance(args, AttrArgs.Eq):
        return (args.eq_span[0], args.expr.span[1])
    return None


def attr_site(attr: Attribute, kind: SiteKind) -> CfgSite:
    from ..cfg.predicate import SiteStyle  # noqa: PLC0415 (see above)
    from ..cfg.predicate import CfgSite  # noqa: PLC0415

    style = SiteStyle.INNER if attr.style is AttrStyle.Inner else SiteStyle.OUTER
    return CfgSite(kind, attr.span, args_span(attr), style)


class EffectiveAttr(Record):
    """An attribute in effect once `cfg` and `cfg_attr` are applied: written on the
    node, or inserted by a true `cfg_attr` (`inserted`). `args` is as for `args_span`;
    `source` is the written attribute: this one, or the `cfg_attr` that inserted it."""

    __slots__ = ("path", "span", "args", "source", "inserted")

    def __init__(self, path: tuple[str, ...], span: Span, args: Span | None, source: Attribute,
                 inserted: bool = False) -> None:
        self.path = path
        self.span = span
        self.args = args
        self.source = source
        self.inserted = inserted


class Configurer:
    """Applies `cfg`/`cfg_attr` to attribute lists of one file for one active
    configuration. A caller walking `mod x;` files switches `src` as it enters one."""

    def __init__(self, src: bytes, active: ActiveCfg, edition: int = 2021,
                 on_parsed: SiteHook | None = None) -> None:
        self._src = src
        self.active = active
        self.edition = edition
        self.on_parsed = on_parsed
        #: `expansion`'s results by the `cfg_attr`'s span (attributes of one file have
        #: distinct spans; a copy of a node keeps them)
        self._expansions: dict[Span, list[CfgAttrItem] | None] = {}

    @property
    def src(self) -> bytes:
        return self._src

    @src.setter
    def src(self, value: bytes) -> None:
        if value is not self._src:
            self._src = value
            self._expansions.clear()  # spans of another file

    def cfg_holds(self, site: CfgSite) -> bool:
        """A `cfg`'s verdict; a malformed one keeps its node, as rustc does."""
        from ..cfg.predicate import eval_predicate, parse_cfg  # noqa: PLC0415 (see above)

        parsed = parse_cfg(self.src, site, self.edition)
        holds = parsed.predicate is None or eval_predicate(parsed.predicate, self.active)
        if self.on_parsed is not None:
            self.on_parsed(site, parsed, holds)
        return holds

    def cfg_attr_expansion(self, site: CfgSite) -> list[CfgAttrItem] | None:
        """What a `cfg_attr` expands to, nested `cfg`/`cfg_attr` items included (each
        followed by what it expands to); None when an inserted `cfg` is false."""
        from ..cfg.predicate import eval_predicate, parse_cfg_attr  # noqa: PLC0415 (see above)

        parsed = parse_cfg_attr(self.src, site, self.edition)
        holds = parsed.predicate is not None and eval_predicate(parsed.predicate, self.active)
        if self.on_parsed is not None:
            self.on_parsed(site, parsed, holds)
        if not holds:
            return []
        out: list[CfgAttrItem] = []
        for item in parsed.attrs:
            nested = parsed.nested_site(item, site)
            out.append(item)
            if nested is None:
                continue
            if item.path == "cfg":
                if not self.cfg_holds(nested):
                    return None
                continue
            inner = self.cfg_attr_expansion(nested)
            if inner is None:
                return None
            out.extend(inner)
        return out

    def expansion(self, attr: Attribute) -> list[CfgAttrItem] | None:
        """`cfg_attr_expansion` of a written `cfg_attr`, computed (and reported to
        `on_parsed`) once per attribute."""
        key = attr.span
        if key not in self._expansions:
            from ..cfg.predicate import SiteKind  # noqa: PLC0415 (see above)

            self._expansions[key] = self.cfg_attr_expansion(attr_site(attr, SiteKind.CFG_ATTR))
        return self._expansions[key]

    def configure(self, attrs: Sequence[Attribute], keep_docs: bool = False) -> list[EffectiveAttr] | None:
        """The attributes in effect on a node, `cfg` and `cfg_attr` themselves left
        out; None when a `cfg` removes the node. Doc comments are left out too, unless
        `keep_docs` (their `path` is ())."""
        out: list[EffectiveAttr] = []
        for attr in attrs:
            names = path_names(attr)
            if names == ("cfg",):
                from ..cfg.predicate import SiteKind  # noqa: PLC0415 (see above)

                if not self.cfg_holds(attr_site(attr, SiteKind.CFG)):
                    return None
            elif names == ("cfg_attr",):
                inserted = self.expansion(attr)
                if inserted is None:
                    return None
                out.extend(EffectiveAttr(tuple(item.path.split("::")), item.span, item.args, attr, True)
                           for item in inserted if item.path not in ("cfg", "cfg_attr"))
            elif isinstance(attr.kind, AttrKind.Normal):
                out.append(EffectiveAttr(names, attr.span, args_span(attr), attr))
            elif keep_docs:
                out.append(EffectiveAttr((), attr.span, None, attr))
        return out
