"""Why a node has no NodeId (INTERFACE `no_id`), in the configuration of its crate.

- `never`: rustc gives nodes of this class no id (a `pub`, a path, a generics list);
- `unreadable`: code at or before it could not be read, so no later id is known;
- `cfg`: a `#[cfg]` on it or around it is false in the configuration: rustc drops the
  node before numbering;
- `expansion`: rustc numbers it only after a macro call or a non-inert attribute
  (`#[derive]`, ...) around it expands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..targets import CfgSet
from ..model import AttrKind, Expr, ExprKind, Item, ItemKind, Pat, PatKind, Stmt, StmtKind, Ty, TyKind
from ..patterns import lazy_regex
from ..render import id_slot, node_class
from .configure import Configurer
from .node_ids import INERT_ATTRS, TEST_ATTRS

if TYPE_CHECKING:  # (the cfg parser loads only when a file has a cfg: CLI start-up)
    from ..cfg.predicate import CfgSite, ParsedCfg

_FEATURE = lazy_regex(r'\(\s*feature\s*=\s*"([^"\\]*)"\s*\)')
_MACRO_CALLS = {Expr: ExprKind.MacCall, Pat: PatKind.MacCall, Ty: TyKind.MacCall, Item: ItemKind.MacCall,
                Stmt: StmtKind.MacCall}


class NoIdReasons:
    """Reasons for one file (`src`) analysed in configuration `cfg`."""

    def __init__(self, src: bytes, cfg: CfgSet, edition: int,
                 unreadable: Callable[[Any], bool] | None = None,
                 whole_file: tuple[str, str] | None = None, unknown_cfg: bool = False) -> None:
        """`unreadable`: whether code at or before a node could not be read;
        `whole_file`: the reason every node of the file has (a module declared inside a
        macro call is numbered after it expands); `unknown_cfg`: ids stop where a cfg
        names one the build script may set (rather than at unreadable code)."""
        self.unknown_cfg = unknown_cfg
        self.src = src
        self.cfg = cfg
        self.edition = edition
        self.unreadable = unreadable
        self.whole_file = whole_file

    def code(self, node: Any, around: str | None) -> str:
        """The JSON `no_id` of a node that has none, inside a node whose code is
        `around` (`render.NoIdSource`)."""
        if self.whole_file is not None:
            return self.whole_file[0]
        if self.unreadable is not None and self.unreadable(node):
            return "unreadable"
        if around is not None:
            return around
        return "cfg" if self._false_cfg(node) is not None else "expansion"

    def reason(self, path: Sequence[Any]) -> tuple[str, str]:
        """`(code, sentence)` for the last node of `path` (outermost first), which has
        no NodeId."""
        node = path[-1]
        if id_slot(node) is None:
            return "never", f"rustc gives `{node_class(node)}` no NodeId"
        if self.whole_file is not None:
            return self.whole_file
        if self.unreadable is not None and self.unreadable(node):
            if self.unknown_cfg:
                return "unreadable", ("NodeId unknown: a cfg at or before this node names a cfg the build "
                                      "script may set (build scripts are not run; give it with --cfg or the "
                                      "`cfg.extra` setting), or code could not be read")
            return "unreadable", ("NodeId unknown: code at or before this node could not be read "
                                  "(see the syntax error); ids come back when it parses")
        for outer in path:
            false_cfg = self._false_cfg(outer)
            if false_cfg is not None:
                return "cfg", false_cfg
        for outer in path:
            why = self._deferred(outer)
            if why is not None:
                return "expansion", why
        return "expansion", "numbered after macro expansion"

    def _false_cfg(self, node: Any) -> str | None:
        """'cfg'd out: ...' when a `cfg` on `node` is false."""
        attrs = _attrs(node)
        if not attrs:
            return None
        false: list[CfgSite] = []

        def seen(site: CfgSite, parsed: ParsedCfg, holds: bool) -> None:
            if not holds:
                false.append(site)

        if Configurer(self.src, self.cfg, self.edition, seen).configure(attrs) is not None or not false:
            return None
        site = false[-1]
        text = self.src[site.args[0]:site.args[1]].decode("utf-8", "replace") if site.args else ""
        feature = _FEATURE().fullmatch(text)
        if feature is not None:
            return f"cfg'd out: feature `{feature.group(1)}` is not enabled"
        return f"cfg'd out: `cfg{text}` is false in this configuration"

    def _deferred(self, node: Any) -> str | None:
        """Why rustc numbers `node` only after expansion, if it is the reason."""
        kind = getattr(node, "kind", None)
        if kind is not None and kind.__class__ is _MACRO_CALLS.get(type(node)):
            mac = getattr(kind, "mac", None)
            mac = getattr(mac, "mac", mac)  # a statement's `MacCallStmt` holds the call
            path = getattr(mac, "path", None)
            if path is None:
                return "numbered after the macro call expands"
            return f"numbered after the macro call `{'::'.join(s.ident.name for s in path.segments)}!` expands"
        for attr in _attrs(node):
            if not isinstance(attr.kind, AttrKind.Normal):
                continue
            names = [seg.ident.name for seg in attr.kind.item.path.segments]
            if len(names) == 1 and (names[0] in INERT_ATTRS or names[0].startswith("rustc_")
                                    or names[0] in TEST_ATTRS):
                continue
            return f"numbered after `#[{'::'.join(names)}]` expands"
        return None


def _attrs(node: Any) -> Sequence[Any]:
    """The attributes on a node (a statement's are on what it holds)."""
    if type(node) is Stmt:
        kind = node.kind
        inner = getattr(kind, "local", None) or getattr(kind, "item", None) or getattr(kind, "expr", None)
        return getattr(inner, "attrs", None) or ()
    return getattr(node, "attrs", None) or ()
