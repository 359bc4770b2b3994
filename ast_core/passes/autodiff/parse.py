"""Reading an autodiff attribute: the attributes rustc keeps on a node (`cfg` and
`cfg_attr` applied, inserted attributes built from their tokens), then the macro's
arguments as rustc's `parse_meta` reads them, and what rustc takes from each one."""

from __future__ import annotations

from collections.abc import Sequence

from ...meta import MetaItemLit
from ...meta import MetaItem, MetaItemInner, MetaParseError, MetaParser
from ...lower.attr import inserted_attr
from ...model import AttrArgs, AttrKind, Attribute, Delimiter, Span
from ..configure import Configurer, path_names
from .results import AutodiffDiagnostic

U32_MAX = 0xFFFF_FFFF
_CFG_PATHS = (("cfg",), ("cfg_attr",))


class AttrConfigurer(Configurer):
    """`Configurer` with what rustc would print: `attributes` keeps doc comments and
    gives the model attributes a true `cfg_attr` inserts."""

    def attributes(self, attrs: Sequence[Attribute]) -> list[Attribute] | None:
        """The attributes rustc keeps on a node; None when a `cfg` is false (the node
        goes). True `cfg`s vanish, as rustc prints no `cfg_trace`."""
        if not any(path_names(a) in _CFG_PATHS for a in attrs):
            return list(attrs)
        configured = self.configure(attrs, keep_docs=True)
        if configured is None:
            return None
        return [inserted_attr(self.src, a.span, a.source.style) if a.inserted else a.source for a in configured]


def parse_args(src: bytes, attr: Attribute, item_span: Span, edition: int
               ) -> tuple[list[MetaItemInner] | None, list[AutodiffDiagnostic]]:
    """The attribute's arguments as rustc's `parse_meta` reads them, and the errors on
    the way; None after "requires at least a name and mode" or a syntax error (rustc
    then leaves the item alone)."""
    diagnostics: list[AutodiffDiagnostic] = []
    assert isinstance(attr.kind, AttrKind.Normal)
    args = attr.kind.item.args
    if not isinstance(args, AttrArgs.Delimited):
        return None, [AutodiffDiagnostic(item_span, "autodiff requires at least a name and mode")]
    lo, hi = args.args.dspan
    if args.args.delim is not Delimiter.Parenthesis:
        diagnostics.append(AutodiffDiagnostic((lo, hi), "wrong meta list delimiters"))
    parser = MetaParser(src, lo + 1, hi - 1, edition)
    try:
        items = parser.parse_list_to_end()
    except MetaParseError as err:
        diagnostics += [AutodiffDiagnostic(d.span, d.message) for d in parser.errors]
        tok = parser.token
        if err.diagnostic.message.startswith("expected a literal") and tok is not None:
            # what rustc's `parse_meta` (not the newer cfg parser) says
            diagnostics.append(AutodiffDiagnostic(tok.span, f"expected unsuffixed literal, found `{tok.text}`"))
        else:
            diagnostics.append(AutodiffDiagnostic(err.diagnostic.span, err.diagnostic.message))
        return None, diagnostics
    diagnostics += [AutodiffDiagnostic(d.span, d.message) for d in parser.errors]
    if not items:
        diagnostics.append(AutodiffDiagnostic(item_span, "autodiff requires at least a name and mode"))
        return None, diagnostics
    return list(items), diagnostics


def lit_int(item: MetaItemInner | None) -> int | None:
    """The value of an integer literal (`1_0` is 10, `0x2` is 2, `2usize` is 2)."""
    if not (isinstance(item, MetaItemLit) and item.kind == "int"):
        return None
    digits = (item.text[:len(item.text) - len(item.suffix)] if item.suffix else item.text).replace("_", "")
    base = {"0x": 16, "0o": 8, "0b": 2}.get(digits[:2], 10)
    return int(digits[2:] if base != 10 else digits, base)


def first_ident(item: MetaItemInner) -> str | None:
    """rustc's `first_ident`: an integer literal's decimal value, or the only segment of
    a path (`Dual(x)` and `Dual = 3` are `Dual`); None where rustc 1.95 panics."""
    value = lit_int(item)
    if value is not None:
        return str(value)
    if isinstance(item, MetaItem) and len(item.path.segments) == 1:
        return item.path.segments[0].name
    return None


def written(item: MetaItemInner) -> str:
    """An argument as the expansion shows it: its `first_ident`, else its text."""
    name = first_ident(item)
    if name is not None:
        return name
    return item.text if isinstance(item, MetaItemLit) else "::".join(s.name for s in item.path.segments)
