"""The `unexpected_cfgs` pass: every cfg predicate rustc 1.95 parses, found on the AST,
linted with `ast_core.cfg`, with what emission order and lint levels need.

Sites, as rustc's expansion reaches them (check-cfg.md §3):

- `#[cfg]` and `#[cfg_attr]` (nested ones through a true `cfg_attr`) on items, assoc
  and foreign items, statements, expressions, fields, variants, params, arms, generic
  params, where predicates, and crate and module inner attributes (`configure.py`
  applies them in rustc's order). rustc reads nothing inside a node a false `cfg`
  removes: we read it as a configuration that compiles it would (its attributes as
  written, cfgs inside evaluated as the active configuration evaluates them), its
  findings marked as found in another configuration (`Finding.other`, `OTHER_WHY`);
  it declares no module the crate loads and calls no macro that counts.
- `cfg!(..)` and every arm of `cfg_select! { PRED => .. }`, written in the source.
- `#[doc(cfg(..))]`, `#[doc(auto_cfg(hide(..)))]` and `#[link(.., cfg(..))]`, which
  rustc's attribute parser lints after expansion.
- Code inside macro calls, which rustc only sees once the macro expands: we cannot
  expand, so the arguments of every macro call (except the few known to drop or quote
  their input, `_OPAQUE_MACROS`) are read as tokens for the same sites: attributes
  (a false `cfg` skips the item or expression after it), `cfg!`, `cfg_select!`, and
  `cfg_if!`'s `if #[cfg(..)] {..} else ..` chains. What a user macro throws away by
  other means (`($($t:tt)*) => {}`) is wrongly linted; a cfg leaf a macro receives as
  an argument and pastes into its own `#[cfg]` is linted with the macro's rules
  (below).
- `macro_rules!` bodies: their cfg sites are linted once, tagged with the macro's
  name, and kept only if the crate invokes the macro (rustc lints them per expansion);
  in a predicate with `$` fragments, the leaves written out are linted; what the
  fragments bring is linted per call (`fragments.py`: the scan keeps the crate's
  `macro_rules!` (`templates`) and its macro calls (`calls`)). A macro whose
  every rule puts a false cfg on its input (`$(#[cfg(x)] $item)*`) drops its input:
  what is written in its arguments is not linted, and `mod` declared there is removed.
- `mod x;` declarations, in the AST and among macro-argument tokens, feed the crate's
  module tree (`driver.py`), with whether a cfg removes them.

A rejected predicate (`predicate is None`) behaves as in rustc: the item stays, the
`cfg_attr` inserts nothing. Its errors are reported even when checking is off.

Results are per scan (a whole file, or one unit of an open `Document`), with byte
spans; `report.py` turns scans into rustc's emission order, levels and texts.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Annotated, Any

from .diagnostic import CfgDiagnostic
from ..meta import syntax_error
from .findings import check_leaf
from .fragments import MacroCall, MacroTemplate, template_of
from .predicate import SiteStyle
from .predicate import (
    RUSTC_VERSION, CfgAll, CfgAny, CfgBool, CfgLeaf, CfgNot, CfgSite, CfgVersion, ParsedCfg, Predicate, SiteKind,
    eval_predicate, explain, parse_cfg, parse_predicate, parse_predicate_list, parse_select_arm,
)
from .session import OTHER_WHY, CfgSession, LevelSpec, level_spec
from ..model import (
    Arm,
    AssocItem,
    AssocItemKind,
    Attribute,
    Expr,
    ExprField,
    ExprKind,
    FieldDef,
    ForeignItem,
    ForeignItemKind,
    GenericParam,
    Item,
    ItemKind,
    MacCall,
    ModKind,
    Param,
    Pat,
    PatField,
    PatKind,
    Span,
    Stmt,
    StmtKind,
    Ty,
    TyKind,
    Variant,
    Visitor,
    WherePredicate,
)
from ..model._walk import (
    walk_arm, walk_assoc_item, walk_expr_field, walk_field_def, walk_foreign_item, walk_generic_param,
    walk_item, walk_param, walk_pat, walk_pat_field, walk_stmt, walk_ty, walk_variant,
    walk_where_predicate,
)
from ..model._walk import walk_expr_kind
from ..shift import MovesWhenRead, shifted
from ..tokens import Token, TokenTree, split_commas, token_trees, tokenize, unescape_str
from ..passes.configure import Configurer, EffectiveAttr, args_span, path_names
from ..passes.locate import extent

#: Macros whose arguments never become code rustc checks (they are quoted, printed or
#: read as data), so cfgs written in them are not linted.
_OPAQUE_MACROS = frozenset({
    "stringify", "concat", "include", "include_str", "include_bytes", "env", "option_env",
    "compile_error", "quote", "quote_spanned", "parse_quote", "parse_quote_spanned",
    "global_asm", "asm", "naked_asm", "module_path", "file", "line", "column",
})
_NO_LEVELS = LevelSpec()
#: Path roots under which a call may name the crate's own `macro_rules!`.
_OWN_PATHS = frozenset({"crate", "$crate", "self", "super"})
_CFG_MACRO_PATHS = frozenset({("cfg",), ("std", "cfg"), ("core", "cfg"), ("{{root}}", "std", "cfg"),
                              ("{{root}}", "core", "cfg")})


# -- what a scan records ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Finding:
    """One diagnostic and where rustc emits it.

    `node` is the path (child ordinals from the scan's root) of the AST node the lint
    is attached to (rustc's `lint_node_id`: the parent of the cfg'd node; for
    `doc`/`link` cfgs the node itself); `late` marks what rustc only sees after macro
    expansion; `phase` 1 marks the attribute parser's lints (`doc`/`link`), emitted
    after all others. `levels` are those set between the scan's root and `node`.
    `macro` names the `macro_rules!` whose body holds the site; `inside` the macros
    whose arguments hold it (outermost first).
    """

    diag: CfgDiagnostic
    node: tuple[int, ...]
    late: bool
    phase: int
    levels: LevelSpec
    macro: str | None = None
    inside: tuple[str, ...] = ()
    #: Why the site is found in another configuration than the active one ("" when
    #: the active configuration compiles it): a false cfg removes code around it.
    other: str = ""
    #: Where rustc meets it among its node's lints when that is not its own span: the
    #: arguments of the macro call whose expansion makes it (`fragments.py`).
    order: int | None = None

@dataclass(frozen=True, slots=True)
class SiteInfo:
    """A parsed predicate, for hovers: `span` covers what the hover answers for (the
    attribute or call), `holds` its value for the session (None where rustc rejected
    it), `why` the atoms deciding that value."""

    kind: SiteKind
    span: Span
    leaves: tuple[CfgLeaf, ...]
    holds: bool | None
    why: str

@dataclass(frozen=True, slots=True)
class InactiveCode:
    """Code a false cfg removes: its extent (attributes included), and why the cfg is
    false (`feature = "x" is disabled`; "" when no atom decides it)."""

    span: Span
    reason: str

@dataclass(frozen=True, slots=True)
class ModDecl:
    """A `mod name;` rustc would load (`active`) or that a cfg removes: its `#[path]`,
    the inline modules around it in its file, its node path and the levels set on it
    and around it, and the macros whose arguments hold it (when one of those drops its
    input, the module is removed after all)."""

    name: str
    path_attr: str | None
    inline: tuple[str, ...]
    node: tuple[int, ...]
    levels: LevelSpec
    active: bool
    inside: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CfgScan:
    """What the pass found in a file or a unit. `levels` and `removed` come from inner
    attributes at the scan's root (the crate's, or a module file's): their levels
    apply to everything in the file, and a false `#![cfg]` removes the whole file.
    `invoked` and `drops` are for the crate to combine: what is linted in a macro's
    body counts if some file calls it, what is linted in a macro's arguments does not
    if the macro drops them."""

    findings: tuple[Finding, ...] = ()
    inactive: tuple[InactiveCode, ...] = ()
    sites: Annotated[tuple[SiteInfo, ...], MovesWhenRead] = ()
    mods: tuple[ModDecl, ...] = ()
    #: The macros called, each with the macros whose arguments hold the call.
    invoked: frozenset[tuple[str, tuple[str, ...]]] = frozenset()
    #: `macro_rules!` defined here whose every rule puts a false cfg on what it is
    #: given (`macro_rules! cfg_x { ($($i:item)*) => { $(#[cfg(x)] $i)* } }`).
    drops: frozenset[str] = frozenset()
    levels: LevelSpec = LevelSpec()
    removed: InactiveCode | None = None
    #: The `macro_rules!` defined here, and the macro calls (outside macro bodies):
    #: the crate matches them to lint the cfgs a macro makes of its arguments.
    templates: tuple[MacroTemplate, ...] = ()
    calls: tuple[MacroCall, ...] = ()
    #: How far `sites` lie behind the text: they are read for one hover, so a move
    #: (every keystroke before them) only adds here; `located_sites` applies it.
    sites_behind: int = 0

    def shifted(self, db: int) -> CfgScan:
        """The scan of the same text moved by `db` bytes (`ast_core.shift`); `sites`
        only record the move."""
        moved = shifted(self, db)
        return replace(moved, sites_behind=self.sites_behind + db) if self.sites and db else moved

    def located_sites(self) -> tuple[SiteInfo, ...]:
        """`sites` where they are now."""
        return tuple(shifted(s, self.sites_behind) for s in self.sites)


# -- the pass ---------------------------------------------------------------------------

#: What a `CfgPass` records (lists and sets of results): what reading a macro call's
#: arguments added to them is replayed when the call is met again (`_ArgumentScans`).
_RECORDS = ("findings", "inactive", "sites", "mods", "invoked", "drops", "templates", "calls")
#: Macro arguments shorter than this are read again each time (it costs less than keeping them).
_REPLAY_MIN_BYTES = 256


class _ArgumentScans:
    """What reading large macro arguments recorded, by their text and the pass's state
    around them (and the session), with the offset they were read at: the latest
    calls, up to `limit` bytes of text. A keystroke in a unit rescans it; its macro
    calls (a test module's hundred `assert_eq!`s) are mostly as they were."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._scans: OrderedDict[tuple[Any, ...], tuple[int, tuple[tuple[Any, ...], ...]]] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> tuple[int, tuple[tuple[Any, ...], ...]] | None:
        found = self._scans.get(key)
        if found is not None:
            self._scans.move_to_end(key)
        return found

    def put(self, key: tuple[Any, ...], lo: int,
            made: tuple[tuple[Any, ...], ...]) -> tuple[int, tuple[tuple[Any, ...], ...]]:
        self._scans[key] = (lo, made)
        self.size += len(key[1])
        while self.size > self.limit:
            oldest, _ = self._scans.popitem(last=False)
            self.size -= len(oldest[1])
        return lo, made


_ARGUMENT_SCANS = _ArgumentScans(2 << 20)



class CfgPass(Visitor):
    """Walks items (or crate inner attributes) of one file in rustc's order, linting
    each cfg site at the lint node rustc attaches it to."""

    def __init__(self, src: bytes, session: CfgSession) -> None:
        self.src = src
        self.session = session
        self.configurer = Configurer(src, session.active, session.lint.edition, self._on_parsed)
        self.findings: list[Finding] = []
        self.inactive: list[InactiveCode] = []
        self.sites: list[SiteInfo] = []
        self.mods: list[ModDecl] = []
        self.invoked: set[tuple[str, tuple[str, ...]]] = set()
        self.drops: set[str] = set()
        self.templates: list[MacroTemplate] = []
        self.calls: list[MacroCall] = []
        self.inside: list[str] = []  # the macros whose arguments are being read
        self.node: list[int] = []  # the current lint node's path
        self.children = [0]  # child counters, one per open node
        self.levels = [LevelSpec()]
        self.inline: list[str] = []  # inline modules around the current item
        self.late = False
        self.macro: str | None = None
        self._removed_by = ""  # why the last false `cfg` is false
        self.other = ""  # inside code a false cfg removes: why (`Finding.other`)
        self._removed_for_good = False  # the last false `cfg` is false in every configuration

    def result(self, levels: LevelSpec = _NO_LEVELS, removed: InactiveCode | None = None) -> CfgScan:
        return CfgScan(tuple(self.findings), tuple(self.inactive), tuple(self.sites), tuple(self.mods),
                       frozenset(self.invoked), frozenset(self.drops), levels, removed, tuple(self.templates),
                       tuple(self.calls))

    # -- recording -------------------------------------------------------------------

    def _record(self, parsed: ParsedCfg, phase: int = 0) -> None:
        """A parsed predicate's errors and unexpected leaves, at the current lint node."""
        node, levels, inside = tuple(self.node), self.levels[-1], tuple(self.inside)
        for error in parsed.errors:
            self.findings.append(Finding(error, node, self.late, phase, levels, self.macro, inside, self.other))
        for leaf in parsed.leaves:
            diag = check_leaf(leaf, self.session.lint)
            if diag is not None:
                self.findings.append(Finding(diag, node, self.late, phase, levels, self.macro, inside, self.other))

    def _site(self, site: CfgSite, parsed: ParsedCfg, holds: bool | None, why: str | None = None) -> None:
        """Keep a predicate for hovers (outside `macro_rules!` bodies); `why` when known."""
        if self.macro is None:
            if why is None:
                why = "" if holds is None else explain(parsed.predicate, self.session.active, holds)
            self.sites.append(SiteInfo(site.kind, site.span, parsed.leaves, holds, why))

    def _lint_site(self, site: CfgSite, parsed: ParsedCfg, phase: int = 0) -> bool | None:
        """A parsed predicate that configures nothing here (`cfg!`, a `cfg_select!` arm,
        `doc`/`link` cfgs): linted, evaluated and kept for hovers; its value (None
        where rustc rejects it)."""
        self._record(parsed, phase)
        holds = None if parsed.predicate is None else eval_predicate(parsed.predicate, self.session.active)
        self._site(site, parsed, holds)
        return holds

    def _on_parsed(self, site: CfgSite, parsed: ParsedCfg, holds: bool) -> None:
        """A `cfg`/`cfg_attr` predicate the configurer evaluated (a rejected one holds)."""
        self._record(parsed)
        why = None
        if site.kind is SiteKind.CFG and not holds:
            why = self._removed_by = explain(parsed.predicate, self.session.active, False)
            self._removed_for_good = parsed.predicate is not None and not _can_hold(parsed.predicate)[0]
        self._site(site, parsed, None if parsed.predicate is None else holds, why)

    # -- nodes -----------------------------------------------------------------------

    def _configure(self, attrs: Sequence[Attribute], span: Span | None) -> list[EffectiveAttr] | None:
        """Lint a node's cfg attributes at the current lint node; None (and the node
        recorded as inactive) when one removes it."""
        if not attrs:
            return []
        self._removed_by = ""
        self._removed_for_good = False
        configured = self.configurer.configure(attrs)
        if configured is None and span is not None and self.macro is None and not self.other:
            lo = min(attrs[0].span[0], span[0])
            self.inactive.append(InactiveCode((lo, max(span[1], attrs[-1].span[1])), self._removed_by))
        return configured

    def _configured(self, attrs: Sequence[Attribute], span: Span | None,
                    then: Callable[[Sequence[EffectiveAttr]], None]) -> None:
        """Lint a node's cfg attributes, then go on with the attributes that remain
        (`then`); a node a false cfg removes is read all the same with its attributes
        as written, what it holds found in another configuration (not in `macro_rules!`
        bodies: those count per expansion)."""
        configured = self._configure(attrs, span)
        if configured is not None:
            then(configured)
            return
        if self.macro is not None or self._removed_for_good:  # (`cfg(any())`: no configuration compiles it)
            return
        outer = self.other
        self.other = outer or OTHER_WHY + (f" ({self._removed_by})" if self._removed_by else "")
        then([EffectiveAttr(path_names(a), a.span, args_span(a), a) for a in attrs if path_names(a)])
        self.other = outer

    def _enter(self, configured: Sequence[EffectiveAttr]) -> None:
        """Open a lint node (rustc's `assign_id!`) under the current one."""
        self.children[-1] += 1
        self.node.append(self.children[-1])
        self.children.append(0)
        self.levels.append(level_spec(configured, self.src).under(self.levels[-1]) if configured
                           else self.levels[-1])
        self._attribute_cfgs(configured)

    def _leave(self) -> None:
        self.node.pop()
        self.children.pop()
        self.levels.pop()

    def _attribute_cfgs(self, configured: Sequence[EffectiveAttr]) -> None:
        """`#[doc(cfg(..))]`, `#[doc(auto_cfg(hide(..)))]`, `#[link(.., cfg(..))]`:
        linted by rustc's attribute parser, on the node they sit on."""
        for attr in configured:
            if attr.path not in (("doc",), ("link",)) or attr.args is None:
                continue
            if self.src[attr.args[0]:attr.args[0] + 1] != b"(":
                continue
            kind = SiteKind.DOC if attr.path == ("doc",) else SiteKind.LINK
            site = CfgSite(kind, attr.span, attr.args)
            trees = token_trees(tokenize(self.src, attr.args[0] + 1, attr.args[1] - 1))
            for part in split_commas(trees):
                if len(part) != 2 or not isinstance(part[0], Token) or not isinstance(part[1], TokenTree):
                    continue
                name, group = part[0].text, part[1]
                parsed: ParsedCfg | None
                if name == "cfg" and group.close is not None:
                    whole = (part[0].lo, group.hi) if kind is SiteKind.LINK else None
                    parsed = parse_predicate(self.src, (group.lo, group.hi), site, self.session.lint.edition, whole)
                elif name == "auto_cfg" and kind is SiteKind.DOC:
                    parsed = self._auto_cfg_hide(group, site)
                    if parsed is None:
                        continue
                else:
                    continue
                self._lint_site(site, parsed, phase=1)

    def _auto_cfg_hide(self, group: TokenTree, site: CfgSite) -> ParsedCfg | None:
        for part in split_commas(group.trees):
            if (len(part) == 2 and isinstance(part[0], Token) and part[0].text == "hide"
                    and isinstance(part[1], TokenTree) and part[1].close is not None):
                return parse_predicate_list(self.src, (part[1].lo, part[1].hi), site, self.session.lint.edition)
        return None

    def _visit_with_attrs(self, node: Any, span: Span | None, walk: Callable[[Visitor, Any], None]) -> None:
        def visit(configured: Sequence[EffectiveAttr]) -> None:
            self._enter(configured)
            walk(self, node)
            self._leave()

        self._configured(node.attrs, span, visit)

    def visit_attribute(self, node: Attribute) -> None:
        """Attributes are read where their node is configured, not walked into."""

    def visit_item(self, node: Item) -> None:
        kind = node.kind
        if isinstance(kind, ItemKind.Mod) and isinstance(kind.mod_kind, ModKind.Unloaded):
            configured = self._configure(node.attrs, node.span)
            if configured is not None and not self.other:
                self._item(node, configured)
                return
            written = [EffectiveAttr(path_names(a), a.span, args_span(a), a) for a in node.attrs if path_names(a)]
            # where it would be, with the levels it would set: for linting its file in
            # a configuration that compiles it
            self.mods.append(ModDecl(kind.ident.name, _path_value(written, self.src), tuple(self.inline),
                                     (*self.node, self.children[-1] + 1),
                                     level_spec(written, self.src).under(self.levels[-1]), False))
            return
        self._configured(node.attrs, node.span, lambda configured: self._item(node, configured))

    def _item(self, node: Item, configured: Sequence[EffectiveAttr]) -> None:
        kind = node.kind
        if isinstance(kind, ItemKind.MacCall):
            self.visit_mac_call(kind.mac)
            return
        if isinstance(kind, ItemKind.MacroDef) and not self.other:
            self._macro_rules(kind)
        self._enter(configured)
        if isinstance(kind, ItemKind.Mod):
            self._visit_mod(node, kind, configured)
        else:
            walk_item(self, node)
        self._leave()

    def _visit_mod(self, node: Item, kind: ItemKind.Mod, configured: Sequence[EffectiveAttr]) -> None:
        if isinstance(kind.mod_kind, ModKind.Unloaded):
            self.mods.append(ModDecl(kind.ident.name, _path_value(configured, self.src), tuple(self.inline),
                                     tuple(self.node), self.levels[-1], not self.other))
            return
        self.inline.append(kind.ident.name)
        walk_item(self, node)
        self.inline.pop()

    def _configured_mac_call(self, attrs: Sequence[Attribute], span: Span, mac: MacCall) -> None:
        """A macro call in item or statement position: its attributes are configured
        here, what it expands to is linted at the current node (no node of its own)."""
        self._configured(attrs, span, lambda _: self.visit_mac_call(mac))

    def visit_assoc_item(self, node: AssocItem) -> None:
        if isinstance(node.kind, AssocItemKind.MacCall):
            self._configured_mac_call(node.attrs, node.span, node.kind.mac)
        else:
            self._visit_with_attrs(node, node.span, walk_assoc_item)

    def visit_foreign_item(self, node: ForeignItem) -> None:
        if isinstance(node.kind, ForeignItemKind.MacCall):
            self._configured_mac_call(node.attrs, node.span, node.kind.mac)
        else:
            self._visit_with_attrs(node, node.span, walk_foreign_item)

    def visit_stmt(self, node: Stmt) -> None:
        kind = node.kind
        if isinstance(kind, StmtKind.Item):
            self.visit_item(kind.item)
            return
        if isinstance(kind, StmtKind.MacCall):
            self._configured_mac_call(kind.attrs, node.span, kind.mac)
            return
        if isinstance(kind, (StmtKind.Expr, StmtKind.Semi)):
            expr = kind.expr

            def visit_expr(configured: Sequence[EffectiveAttr]) -> None:
                # The statement's attributes are its expression's, read once, here.
                self._enter(configured)
                self._walk_expr(expr)
                self._leave()

            self._configured(expr.attrs, node.span, visit_expr)
            return

        def visit(configured: Sequence[EffectiveAttr]) -> None:
            self._enter(configured)
            walk_stmt(self, node)
            self._leave()

        self._configured(kind.local.attrs if isinstance(kind, StmtKind.Let) else (), node.span, visit)

    def visit_expr(self, node: Expr) -> None:
        if not node.attrs:
            self._walk_expr(node)
            return

        def visit(configured: Sequence[EffectiveAttr]) -> None:
            self._enter(configured)
            self._walk_expr(node)
            self._leave()

        self._configured(node.attrs, node.span, visit)

    def _walk_expr(self, node: Expr) -> None:
        """An expression whose attributes were configured already."""
        if isinstance(node.kind, ExprKind.MacCall):
            self.visit_mac_call(node.kind.mac)
        else:
            walk_expr_kind(self, node.kind)

    def visit_param(self, node: Param) -> None:
        self._visit_with_attrs(node, node.span, walk_param)

    def visit_arm(self, node: Arm) -> None:
        self._visit_with_attrs(node, node.span, walk_arm)

    def visit_expr_field(self, node: ExprField) -> None:
        self._visit_with_attrs(node, node.span, walk_expr_field)

    def visit_pat_field(self, node: PatField) -> None:
        self._visit_with_attrs(node, node.span, walk_pat_field)

    def visit_field_def(self, node: FieldDef) -> None:
        self._visit_with_attrs(node, node.span, walk_field_def)

    def visit_variant(self, node: Variant) -> None:
        self._visit_with_attrs(node, node.span, walk_variant)

    def visit_generic_param(self, node: GenericParam) -> None:
        self._visit_with_attrs(node, extent(node), walk_generic_param)

    def visit_where_predicate(self, node: WherePredicate) -> None:
        self._visit_with_attrs(node, node.span, walk_where_predicate)

    def visit_pat(self, node: Pat) -> None:
        if isinstance(node.kind, PatKind.MacCall):
            self.visit_mac_call(node.kind.mac)
        else:
            walk_pat(self, node)

    def visit_ty(self, node: Ty) -> None:
        if isinstance(node.kind, TyKind.MacCall):
            self.visit_mac_call(node.kind.mac)
        else:
            walk_ty(self, node)

    # -- crate and module-file inner attributes ----------------------------------------

    def inner_attributes(self, attrs: Sequence[Attribute]) -> tuple[LevelSpec, InactiveCode | None]:
        """The crate's (or a module file's) inner attributes: linted at the root; the
        levels they set, and the `#![cfg]` that removes the file when one is false
        (its span is that attribute's: the report spreads it to the whole file)."""
        self._removed_by = ""
        configured = self.configurer.configure(attrs)
        if configured is None:
            return LevelSpec(), InactiveCode((attrs[0].span[0], attrs[-1].span[1]), self._removed_by)
        self._attribute_cfgs(configured)
        return level_spec(configured, self.src), None

    # -- macro calls ---------------------------------------------------------------------

    def visit_mac_call(self, node: MacCall) -> None:
        """A macro call: `cfg!`, `cfg_select!`, or another macro whose arguments are
        read as tokens. What it expands to is linted late, at the current node."""
        names = tuple(seg.ident.name for seg in node.path.segments)
        if not self.other:
            self.invoked.add((names[-1], tuple(self.inside)))
        lo, hi = node.args.dspan
        self._call(names, (lo + 1, hi - 1))
        late, self.late = self.late, True
        if names in _CFG_MACRO_PATHS:
            self._cfg_macro(CfgSite(SiteKind.CFG_MACRO, (node.path.span[0], hi), (lo, hi)))
        elif names[-1] == "cfg_select":
            self._cfg_select(token_trees(tokenize(self.src, lo + 1, hi - 1)), (node.path.span[0], hi))
        elif names[-1] not in _OPAQUE_MACROS:
            self.inside.append(names[-1])
            self._arguments(names[-1], lo + 1, hi - 1)
            self.inside.pop()
        self.late = late

    def _arguments(self, name: str, lo: int, hi: int) -> None:
        """The arguments `lo..hi` of a call of macro `name`, read as tokens. What that
        records depends on their text and on the state around the call only: a large
        call met again in the same state (a keystroke elsewhere in its unit rescans
        the unit) replays what it recorded then, moved (`_ArgumentScans`)."""
        if hi - lo < _REPLAY_MIN_BYTES:
            self._tokens(token_trees(tokenize(self.src, lo, hi)), cfg_if=name == "cfg_if")
            return
        # (the levels as seen from the call: a replay moves what it recorded, levels included)
        key = (self.session, self.src[lo:hi], name, tuple(self.inside), tuple(self.node),
               shifted(self.levels[-1], -lo), tuple(self.inline), self.other, self.macro, self.late)
        replay = _ARGUMENT_SCANS.get(key)
        if replay is None:
            outer = [getattr(self, record) for record in _RECORDS]
            for record, value in zip(_RECORDS, outer, strict=True):
                setattr(self, record, type(value)())
            self._tokens(token_trees(tokenize(self.src, lo, hi)), cfg_if=name == "cfg_if")
            made = tuple(tuple(getattr(self, record)) for record in _RECORDS)
            for record, value in zip(_RECORDS, outer, strict=True):
                setattr(self, record, value)
            replay = _ARGUMENT_SCANS.put(key, lo, made)
        at, made = replay
        for record, values in zip(_RECORDS, made, strict=True):
            kept = getattr(self, record)
            if isinstance(kept, set):  # (of names: nothing to move)
                kept.update(values)
            else:
                kept.extend(values if at == lo else [shifted(value, lo - at) for value in values])

    def _call(self, path: tuple[str, ...], args: Span) -> None:
        """A call that may be of a crate's `macro_rules!`: by its name alone, or
        through `crate::`, `self::`, `super::` (another crate's path names another
        crate's macro); not in a macro's body, where its arguments are not known yet."""
        name = path[-1]
        if self.macro is None and name not in _OPAQUE_MACROS and name not in ("cfg", "cfg_select", "macro_rules") \
                and (len(path) == 1 or path[0] in _OWN_PATHS):
            self.calls.append(MacroCall(name, args, tuple(self.node), self.levels[-1], tuple(self.inside), self.other))

    def _cfg_macro(self, site: CfgSite) -> None:
        self._lint_site(site, parse_cfg(self.src, site, self.session.lint.edition))

    def _cfg_select(self, trees: list[TokenTree | Token], call: Span) -> None:
        """Every arm's predicate is linted; only the first true arm's body is read.
        With no true arm, rustc's error on the call (unless an arm was rejected)."""
        chosen = rejected = False
        for predicate, body in _select_arms(trees):
            if len(predicate) == 1 and _is_token(predicate[0], "_"):
                holds: bool | None = True
            elif _has_metavariable(predicate):
                holds = None
            else:
                span = (predicate[0].lo, predicate[-1].hi)
                site = CfgSite(SiteKind.CFG_SELECT, span, span)
                holds = self._lint_site(site, parse_select_arm(self.src, site, self.session.lint.edition))
            rejected |= holds is None
            if holds and not chosen:
                chosen = True
                self._tokens(body)
            else:
                self._removed_mods(body)
        if not chosen and not rejected:
            self._record(ParsedCfg(None, (), (syntax_error(
                "none of the predicates in this `cfg_select` evaluated to true", call),)))

    def _macro_rules(self, kind: ItemKind.MacroDef) -> None:
        """A `macro_rules!` body's sites, linted once for all its expansions."""
        if not kind.def_.macro_rules:
            return
        lo, hi = kind.def_.body.dspan
        trees = token_trees(tokenize(self.src, lo + 1, hi - 1))
        bodies = [tree for i, tree in enumerate(trees)
                  if isinstance(tree, TokenTree) and i and _is_token(trees[i - 1], "=>")]
        self.templates.append(template_of(kind.ident.name, self.src, (lo + 1, hi - 1), bodies))
        macro, late = self.macro, self.late
        self.macro, self.late = kind.ident.name, True
        for body in bodies:
            self._tokens(body.trees)
        self.macro, self.late = macro, late
        if bodies and all(self._drops_input(body.trees, []) for body in bodies):
            self.drops.add(kind.ident.name)

    def _drops_input(self, trees: Sequence[TokenTree | Token], pending: list[CfgSite]) -> bool:
        """Whether a macro rule's body puts a false `#[cfg]` on the first thing it
        transcribes from its input (`$(#[cfg(x)] $item)*`): the cfg attributes right
        before the item that holds the first `$`."""
        i, n = 0, len(trees)
        while i < n:
            tree = trees[i]
            attr = _attribute_at(trees, i)
            if attr is not None:
                end, site, group = attr
                if site is not None and site.kind is SiteKind.CFG and not _has_metavariable(group.trees):
                    pending = [*pending, site]
                i = end
                continue
            if _is_token(tree, "$") or (isinstance(tree, TokenTree) and _has_metavariable(tree.trees)):
                nested = trees[i + 1] if _is_token(tree, "$") and i + 1 < n else tree
                if isinstance(nested, TokenTree):
                    return self._drops_input(nested.trees, pending)
                return any(not self._holds_quietly(site) for site in pending)
            if _is_token(tree, ";") or (isinstance(tree, TokenTree) and tree.open.text == "{"):
                pending = []
            i += 1
        return False

    def _holds_quietly(self, site: CfgSite) -> bool:
        """A `cfg`'s value, not linted (its body was linted already)."""
        predicate = parse_cfg(self.src, site, self.session.lint.edition).predicate
        return predicate is None or eval_predicate(predicate, self.session.active)

    # -- tokens ------------------------------------------------------------------------

    def _tokens(self, trees: Sequence[TokenTree | Token], cfg_if: bool = False) -> None:
        """Cfg sites in token trees (macro arguments, macro bodies, a chosen
        `cfg_select!` arm): attributes, `cfg!`, `cfg_select!`, nested calls; and the
        `mod` declarations there, for the crate's module tree."""
        i, n = 0, len(trees)
        path_attr: str | None = None
        while i < n:
            tree = trees[i]
            if isinstance(tree, TokenTree):
                self._tokens(tree.trees)
                i += 1
                continue
            text = tree.text
            if text == "#":
                attr = _attribute_at(trees, i)
                if attr is not None:
                    end, site, group = attr
                    path_attr = _path_attr(group) or path_attr
                    if self._token_attribute(site, group):
                        i = end
                    else:
                        i = _item_end(trees, end)
                        self._removed_mods(trees[end:i])
                        path_attr = None
                    continue
            elif cfg_if and text == "if":
                i = self._cfg_if_chain(trees, i)
                continue
            elif text == "mod" and (decl := _mod_at(trees, i)) is not None:
                name, body = decl
                if body is None:
                    self.mods.append(ModDecl(name, path_attr, tuple(self.inline), tuple(self.node), self.levels[-1],
                                             not self.other, tuple(self.inside)))
                else:
                    self.inline.append(name)
                    self._tokens(body.trees)
                    self.inline.pop()
                path_attr = None
                i += 3
                continue
            elif tree.kind == "ident" and i + 2 < n and _is_token(trees[i + 1], "!") \
                    and isinstance(call := trees[i + 2], TokenTree):
                if not self.other:
                    self.invoked.add((text, tuple(self.inside)))
                if call.close is not None:
                    self._call(_path_before(trees, i), (call.lo + 1, call.hi - 1))
                if text == "cfg":
                    if not _has_metavariable(call.trees) and call.close is not None:
                        self._cfg_macro(CfgSite(SiteKind.CFG_MACRO, (tree.lo, call.hi), (call.lo, call.hi)))
                elif text == "cfg_select":
                    self._cfg_select(call.trees, (tree.lo, call.hi))
                elif text not in _OPAQUE_MACROS and text != "macro_rules":
                    self.inside.append(text)
                    self._tokens(call.trees, cfg_if=text == "cfg_if")
                    self.inside.pop()
                i += 3
                continue
            elif text in (";", "}"):
                path_attr = None
            i += 1

    def _removed_mods(self, trees: Sequence[TokenTree | Token]) -> None:
        """`mod x;` declarations in tokens a cfg removes: rustc never loads their files."""
        for i, tree in enumerate(trees):
            if _is_token(tree, "mod") and (decl := _mod_at(trees, i)) is not None and decl[1] is None:
                self.mods.append(ModDecl(decl[0], None, tuple(self.inline), tuple(self.node), self.levels[-1], False))

    def _token_attribute(self, site: CfgSite | None, group: TokenTree) -> bool:
        """A `#[..]` met among tokens: linted if it is a cfg site; False when it
        removes what follows. In a macro body, a predicate with `$` fragments has
        only its written leaves linted, and is taken to hold."""
        if site is None:
            return True
        if _has_metavariable(group.trees):
            if self.macro is not None and site.kind is SiteKind.CFG:
                masked: list[Span] = []
                parsed = parse_cfg(_without_metavariables(self.src, group.trees, masked), site,
                                   self.session.lint.edition)
                written = tuple(leaf for leaf in parsed.leaves
                                if not any(lo < leaf.span[1] and leaf.span[0] < hi for lo, hi in masked))
                self._record(parsed.replace(leaves=written, errors=()))
            return True
        if site.kind is SiteKind.CFG:
            return self.configurer.cfg_holds(site)
        return self.configurer.cfg_attr_expansion(site) is not None

    def _cfg_if_chain(self, trees: Sequence[TokenTree | Token], i: int) -> int:
        """`if #[cfg(A)] { .. } else if #[cfg(B)] { .. } else { .. }` in `cfg_if!`:
        every predicate is linted, only the first true branch is read. A chain whose
        `#[cfg(..)]` holds more than one predicate does not match `cfg_if!`'s
        `#[cfg($meta:meta)]`: rustc reports the macro call, and lints nothing in it."""
        chosen = False
        n = len(trees)
        if not _cfg_if_matches(trees, i):
            return n
        while i < n and _is_token(trees[i], "if"):
            attr = _attribute_at(trees, i + 1)
            if attr is None:
                return i + 1
            end, site, group = attr
            holds = self._token_attribute(site, group)
            body = trees[end] if end < n else None
            if isinstance(body, TokenTree):
                if holds and not chosen:
                    self._tokens(body.trees)
                else:
                    self._removed_mods(body.trees)
                end += 1
            chosen = chosen or holds
            i = end
            if i < n and _is_token(trees[i], "else"):
                i += 1
                if i < n and isinstance(last := trees[i], TokenTree):
                    if not chosen:
                        self._tokens(last.trees)
                    else:
                        self._removed_mods(last.trees)
                    return i + 1
        return i


def _can_hold(pred: Predicate) -> tuple[bool, bool]:
    """Whether some configuration makes `pred` true, and whether some makes it false
    (each name and value taken as free: `cfg(any())` and `cfg(false)` never hold)."""
    match pred:
        case CfgAny(preds=preds):
            parts = [_can_hold(p) for p in preds]
            return any(t for t, _ in parts), all(f for _, f in parts)
        case CfgAll(preds=preds):
            parts = [_can_hold(p) for p in preds]
            return all(t for t, _ in parts), any(f for _, f in parts)
        case CfgNot(pred=inner):
            can_true, can_false = _can_hold(inner)
            return can_false, can_true
        case CfgBool(value=value):
            return value, not value
        case CfgVersion(min=minimum):
            holds = minimum is not None and minimum <= RUSTC_VERSION
            return holds, not holds
    return True, True  # a leaf


def _cfg_if_matches(trees: Sequence[TokenTree | Token], i: int) -> bool:
    """Whether each `if #[cfg(..)]` of the `cfg_if!` chain at `i` holds one predicate."""
    n = len(trees)
    while i < n and _is_token(trees[i], "if"):
        attr = _attribute_at(trees, i + 1)
        if attr is None:
            return True
        end, _, group = attr
        args = group.trees[1] if len(group.trees) == 2 else None
        if isinstance(args, TokenTree) and len([part for part in split_commas(args.trees) if part]) > 1:
            return False
        i = end + 1
        if i < n and _is_token(trees[i], "else"):
            i += 1
    return True


def _path_value(configured: Sequence[EffectiveAttr], src: bytes) -> str | None:
    """The `#[path = ".."]` among a module's attributes."""
    for attr in configured:
        if attr.path == ("path",) and attr.args is not None:
            tokens = tokenize(src, attr.args[0], attr.args[1])
            if len(tokens) == 2 and tokens[0].text == "=":
                return unescape_str(tokens[1].text)
    return None


def _mod_at(trees: Sequence[TokenTree | Token], i: int) -> tuple[str, TokenTree | None] | None:
    """`mod name;` (body None) or `mod name { .. }` starting at the `mod` token `i`."""
    if i + 2 >= len(trees):
        return None
    name, after = trees[i + 1], trees[i + 2]
    if not isinstance(name, Token) or name.kind != "ident":
        return None
    if _is_token(after, ";"):
        return name.text, None
    if isinstance(after, TokenTree) and after.open.text == "{":
        return name.text, after
    return None


def _path_attr(group: TokenTree) -> str | None:
    """The value of a `#[path = ".."]` attribute read as tokens."""
    inside = group.trees
    if len(inside) == 3 and _is_token(inside[0], "path") and _is_token(inside[1], "="):
        literal = inside[2]
        return unescape_str(literal.text) if isinstance(literal, Token) else None
    return None


def _path_before(trees: Sequence[TokenTree | Token], i: int) -> tuple[str, ...]:
    """The path whose last segment is the identifier `trees[i]` (`a::b::m` of `m`)."""
    path: list[str] = []
    while isinstance(segment := trees[i], Token) and segment.kind == "ident":
        path.insert(0, segment.text)
        if not (i >= 2 and _is_token(trees[i - 1], "::")):
            break
        i -= 2
    if i >= 1 and _is_token(trees[i - 1], "::") and path and not isinstance(trees[i], TokenTree):
        path.insert(0, "{{root}}")
    return tuple(path)


def _is_token(tree: TokenTree | Token, text: str) -> bool:
    return isinstance(tree, Token) and tree.text == text


def _without_metavariables(src: bytes, trees: Sequence[TokenTree | Token],
                           masked: list[Span]) -> bytes:
    """`src` with the `$x` and `$(..)*` fragments in `trees` masked (same length, so
    spans hold; their spans go to `masked`): a `$x` becomes a string literal (it often
    stands for a value), a repetition blanks. What is left of a macro's cfg template
    is what every expansion says."""
    data = bytearray(src)
    i, n = 0, len(trees)
    while i < n:
        tree = trees[i]
        if isinstance(tree, TokenTree):
            data[:] = _without_metavariables(bytes(data), tree.trees, masked)
            i += 1
            continue
        if tree.text != "$" or i + 1 >= n:
            i += 1
            continue
        end = i + 2
        if isinstance(trees[i + 1], TokenTree):  # `$( .. ) sep? op`
            while end < n and isinstance(op := trees[end], Token) and op.text in ("*", "+", "?", ","):
                end += 1
            hi = trees[end - 1].hi
            data[tree.lo:hi] = b" " * (hi - tree.lo)
        else:
            hi = trees[i + 1].hi
            data[tree.lo:hi] = b'"' + b" " * (hi - tree.lo - 2) + b'"'
        masked.append((tree.lo, hi))
        i = end
    return bytes(data)


def _has_metavariable(trees: Sequence[TokenTree | Token]) -> bool:
    for tree in trees:
        if isinstance(tree, TokenTree):
            if _has_metavariable(tree.trees):
                return True
        elif tree.text == "$":
            return True
    return False


def _attribute_at(trees: Sequence[TokenTree | Token], i: int) -> tuple[int, CfgSite | None, TokenTree] | None:
    """The attribute `#[..]` / `#![..]` starting at `trees[i]`: the index after it, its
    cfg site (None for other attributes) and its bracket group."""
    n = len(trees)
    if i >= n or not _is_token(trees[i], "#"):
        return None
    j = i + 1
    inner = j < n and _is_token(trees[j], "!")
    j += inner
    group = trees[j] if j < n else None
    if not isinstance(group, TokenTree) or group.open.text != "[" or group.close is None:
        return None
    site = None
    inside = group.trees
    if inside and isinstance(inside[0], Token) and inside[0].text in ("cfg", "cfg_attr"):
        args = inside[1] if len(inside) > 1 else None
        args_at = ((args.lo, args.hi) if isinstance(args, TokenTree)
                   else (args.lo, inside[-1].hi) if args is not None else None)
        kind = SiteKind.CFG if inside[0].text == "cfg" else SiteKind.CFG_ATTR
        site = CfgSite(kind, (trees[i].lo, group.hi), args_at,
                       SiteStyle.INNER if inner else SiteStyle.OUTER)
    return j + 1, site, group


def _item_end(trees: Sequence[TokenTree | Token], i: int) -> int:
    """The index after the item, statement or expression starting at `i` among
    tokens: through a `;` or `,`, or through its `{..}` body."""
    n = len(trees)
    while i < n:
        tree = trees[i]
        if isinstance(tree, TokenTree):
            i += 1
            if tree.open.text == "{":
                return i
            continue
        if tree.text == "#" and (attr := _attribute_at(trees, i)) is not None:
            i = attr[0]
            continue
        i += 1
        if tree.text in (";", ","):
            return i
    return i


def _select_arms(
        trees: Sequence[TokenTree | Token]) -> Iterable[tuple[list[Token | TokenTree], list[TokenTree | Token]]]:
    """The arms of a `cfg_select!`: (predicate tokens, body trees)."""
    i, n = 0, len(trees)
    while i < n:
        start = i
        while i < n and not _is_token(trees[i], "=>"):
            i += 1
        predicate = list(trees[start:i])
        i += 1
        if i > n or not predicate:
            return
        if i < n and isinstance(braced := trees[i], TokenTree) and braced.open.text == "{":
            body = braced.trees
            i += 1
        else:
            body_start = i
            while i < n and not _is_token(trees[i], ","):
                i += 1
            body = list(trees[body_start:i])
        if i < n and _is_token(trees[i], ","):
            i += 1
        yield predicate, body


# -- entry points -----------------------------------------------------------------------


def scan_file(src: bytes, inner_attrs: Sequence[Attribute], items: Sequence[Item],
              session: CfgSession) -> CfgScan:
    """The pass over a file's inner attributes, then its items unless they remove
    it: a whole file, or one `Document` unit (which holds one or the other)."""
    cfg_pass = CfgPass(src, session)
    levels, removed = cfg_pass.inner_attributes(inner_attrs)
    if removed is None:
        for item in items:
            cfg_pass.visit_item(item)
    return cfg_pass.result(levels, removed)


__all__ = ["CfgPass", "CfgScan", "CfgSite", "Finding", "InactiveCode", "ModDecl", "SiteInfo", "scan_file"]
