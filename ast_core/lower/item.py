"""Lowering of items, associated and foreign items, and their parts: visibility,
generics and where clauses, function signatures and parameters, fields, variants,
use trees.

tree-sitter puts an item's attributes before it as siblings; callers collect them and
pass them in. An item's span leaves them out, as rustc's does.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Sequence

from ..model import (
    AnonConst,
    AnyCoroutineKind,
    AnyModKind,
    AnyWherePredicateKind,
    AssocItem,
    AssocItemKind,
    BindingMode,
    Const,
    ConstBlockItem,
    CoroutineKind,
    Defaultness,
    Delegation,
    DelimArgs,
    Delimiter,
    ExternKind,
    FieldDef,
    FnDecl,
    FnHeader,
    FnRetTy,
    FnSig,
    ForeignItem,
    ForeignItemKind,
    GenericParam,
    GenericParamKind,
    Generics,
    Ident,
    ImplPolarity,
    Inline,
    IsAuto,
    Item,
    ItemKind,
    MacroDef,
    ModKind,
    Mutability,
    Param,
    Pat,
    PatKind,
    Path,
    PathSegment,
    Safety,
    StrLit,
    StrStyle,
    TraitImplHeader,
    TraitRef,
    Ty,
    TyKind,
    UseTree,
    UseTreeKind,
    Variant,
    VariantData,
    Visibility,
    VisibilityKind,
    WhereClause,
    WherePredicate,
    WherePredicateKind,
)
from ..patterns import lazy_regex
from .. import syntax
from ..syntax import SyntaxNode, fields as F, kinds as K, optional, required
from . import attr as _attr
from . import expr as _expr
from . import pat as _pat
from . import ty as _ty
from .cx import COMMENTS, LowerCx, ParseError, span

ITEM_TYPES = frozenset({
    K.FUNCTION_ITEM, K.FUNCTION_SIGNATURE_ITEM, K.STRUCT_ITEM, K.UNION_ITEM, K.ENUM_ITEM,
    K.TYPE_ITEM, K.CONST_ITEM, K.STATIC_ITEM, K.MOD_ITEM, K.FOREIGN_MOD_ITEM, K.IMPL_ITEM,
    K.TRAIT_ITEM, K.USE_DECLARATION, K.EXTERN_CRATE_DECLARATION, K.MACRO_DEFINITION,
    K.ASSOCIATED_TYPE, K.MACRO_INVOCATION,
})
ITEM_CLASS = {"item": Item, "assoc": AssocItem, "foreign": ForeignItem}


# ----------------------------------------------------------------------------------
# Item lists


def lower_items(cx: LowerCx, nodes: Sequence[SyntaxNode], ctxt: str) -> tuple[list, list]:
    """Items of a module, impl, trait or extern block (`ctxt` "item", "assoc",
    "foreign"), and the inner attributes found among them."""
    items: list = []
    inner: list = []
    attrs: list = []
    last_end = -1  # where the last node that is not a comment ends
    for node in nodes:
        t = node.type
        if t == K.ATTRIBUTE_ITEM:
            attrs.append(_attr.lower_attr(cx, node))
        elif t == K.INNER_ATTRIBUTE_ITEM:
            inner.append(_attr.lower_attr(cx, node))
        elif t in COMMENTS:
            if _attr.is_doc_comment(cx, node):
                attr = _attr.lower_attr(cx, node)
                (inner if _attr.is_inner(attr) else attrs).append(attr)
            continue
        elif t in ITEM_TYPES or t == K.EXPRESSION_STATEMENT:
            item = lower_item(cx, node, attrs, ctxt)
            attrs = []
            if item is not None:
                items.append(item)
        elif t == K.EMPTY_STATEMENT and items and _is_unbraced_mac(items[-1]) \
                and items[-1].span[1] == last_end:
            items[-1].span = (items[-1].span[0], node.end_byte)  # `m!(..);`
        elif t == K.ERROR:
            # Keep what tree-sitter recovered inside the error; report the error elsewhere.
            sub, sub_inner = lower_items(cx, node.named_children, ctxt)
            items.extend(sub)
            inner.extend(sub_inner)
        elif t != K.EMPTY_STATEMENT and not node.has_error:
            cx.unreadable(span(node), "item")
        last_end = node.end_byte
    return items, inner


def _is_unbraced_mac(item) -> bool:
    kind = item.kind
    return type(kind).__name__ == "MacCall" and kind.mac.args.delim is not Delimiter.Brace


def lower_item(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str = "item"):
    """One item node as an `Item`/`AssocItem`/`ForeignItem`, or None for a node that
    is not an item (a stray expression statement)."""
    t = node.type
    if t == K.EXPRESSION_STATEMENT:
        mac = next((c for c in node.named_children if c.type == K.MACRO_INVOCATION), None)
        block = next((c for c in node.named_children if c.type == K.CONST_BLOCK), None)
        if block is not None and ctxt == "item" and node.named_child_count == 1:  # `const { .. }`
            body, _ = _expr.lower_block(cx, optional(block, F.BODY))
            return _make(cx, ctxt, attrs, node, _vis_inherited(node), "ConstBlock",
                         ConstBlockItem(span(node), body))
        if mac is None:
            cx.unreadable(span(node), "item")
            return None
        return _make(cx, ctxt, attrs, node, _vis_inherited(node), "MacCall", _expr.lower_mac_call(cx, mac))
    fn = ITEMS[t]
    return fn(cx, node, attrs, ctxt)


def _make(cx: LowerCx, ctxt: str, attrs: list, node: SyntaxNode, vis: Visibility, kind_name: str, *fields):
    """Build the item class for `ctxt` with the kind variant of that name; None (and an
    error, as rustc's parser gives) when that kind cannot appear there."""
    namespace = {"assoc": AssocItemKind, "foreign": ForeignItemKind}.get(ctxt, ItemKind)
    variant = getattr(namespace, _ASSOC_NAMES.get(kind_name, kind_name) if ctxt == "assoc" else kind_name, None)
    if variant is None:
        cx.errors.append(ParseError(span(node), f"this item is not supported in {_CTXT_NAMES[ctxt]}"))
        return None
    return ITEM_CLASS[ctxt](attrs, span(node), vis, variant(*fields))


_ASSOC_NAMES = {"TyAlias": "Type"}
_CTXT_NAMES = {"assoc": "`trait`s or `impl`s", "foreign": "`extern` blocks"}



# ----------------------------------------------------------------------------------
# Visibility


def _vis_inherited(node: SyntaxNode) -> Visibility:
    return Visibility(VisibilityKind.Inherited(), (node.start_byte, node.start_byte))


def lower_vis(cx: LowerCx, node: SyntaxNode) -> Visibility:
    """The item's `visibility_modifier` child, or Inherited."""
    for child in node.children:
        if child.type == K.VISIBILITY_MODIFIER:
            return _vis(cx, child)
        if child.is_named and child.type not in COMMENTS:
            break
    return _vis_inherited(node)


def _vis(cx: LowerCx, node: SyntaxNode) -> Visibility:
    named = [c for c in node.named_children if c.type not in COMMENTS]
    has_in = any(c.type == K.IN for c in node.children)
    if not named:
        if cx.src[node.start_byte:node.end_byte].startswith(b"crate"):
            # `crate fn f()` (removed syntax): rustc reads it as `pub(crate)`.
            path = Path(span(node), [PathSegment(cx.ident(node), None)])
            return Visibility(VisibilityKind.Restricted(path, True), span(node))
        return Visibility(VisibilityKind.Public(), span(node))
    path = _ty.path_of(cx, named[0])
    return Visibility(VisibilityKind.Restricted(path, not has_in), span(node))


# ----------------------------------------------------------------------------------
# Generics


def lower_generic_params(cx: LowerCx, node: SyntaxNode) -> list[GenericParam]:
    params: list[GenericParam] = []
    attrs: list = []
    for child in node.named_children:
        t = child.type
        if is_outer_attr(cx, child):
            attrs.append(_attr.lower_attr(cx, child))
            continue
        if t == K.LIFETIME_PARAMETER:
            name = required(child, F.NAME)
            bounds = optional(child, F.BOUNDS)
            params.append(GenericParam(cx.ident(name), attrs,
                                       _ty.lower_bounds(cx, bounds) if bounds is not None else [],
                                       GenericParamKind.Lifetime(), _colon(bounds)))
        elif t == K.TYPE_PARAMETER:
            name = required(child, F.NAME)
            bounds = optional(child, F.BOUNDS)
            default = optional(child, F.DEFAULT_TYPE)
            params.append(GenericParam(cx.ident(name), attrs,
                                       _ty.lower_bounds(cx, bounds) if bounds is not None else [],
                                       GenericParamKind.Type(
                                           _ty.lower_ty(cx, default) if default is not None else None),
                                       _colon(bounds)))
        elif t == K.CONST_PARAMETER:
            name = required(child, F.NAME)
            ty = optional(child, F.TYPE)
            value = optional(child, F.VALUE)
            const_default = None
            if value is not None:
                const_default = AnonConst(_pat._negative_expr(cx, value) if value.type == K.NEGATIVE_LITERAL
                                          else _expr.lower_expr(cx, value))
            params.append(GenericParam(cx.ident(name), attrs, [], GenericParamKind.Const(
                _ty.lower_ty(cx, ty), span(child), const_default), None))
        elif t == K.LIFETIME:  # `for<'a>` binders
            params.append(lifetime_param(cx, child))
        else:
            continue
        attrs = []
    return params


def lifetime_param(cx: LowerCx, node: SyntaxNode) -> GenericParam:
    return GenericParam(cx.ident(node), [], [], GenericParamKind.Lifetime(), None)


def _colon(bounds: SyntaxNode | None):
    if bounds is None:
        return None
    first = bounds.children[0] if bounds.child_count else None
    return span(first) if first is not None and first.type == K.COLON else None


def lower_where_clause(cx: LowerCx, node: SyntaxNode | None, at: int) -> WhereClause:
    """A `where_clause` node, or the empty clause rustc puts at offset `at`."""
    if node is None:
        return WhereClause(False, [], (at, at))
    preds = []
    for pred, attrs in _with_attrs(cx, node, (K.WHERE_PREDICATE,)):
        if cx.repaired:  # `where #[cfg(x)] T: Copy`
            before = pred.prev_sibling
            attrs = attrs + _attr.blanked_attrs(cx, before.end_byte if before is not None else node.start_byte,
                                                pred.start_byte)
        preds.append(_where_predicate(cx, pred, attrs))
    return WhereClause(True, preds, span(node))


def _with_attrs(cx: LowerCx, node: SyntaxNode, kinds: tuple[str, ...]):
    """Children of the given kinds, each with the outer attributes before it."""
    attrs: list = []
    for child in node.named_children:
        if is_outer_attr(cx, child):
            attrs.append(_attr.lower_attr(cx, child))
        elif child.type in kinds:
            yield child, attrs
            attrs = []


def is_outer_attr(cx: LowerCx, node: SyntaxNode) -> bool:
    t = node.type
    return t == K.ATTRIBUTE_ITEM or (t in COMMENTS and _attr.is_doc_comment(cx, node))


def _where_predicate(cx: LowerCx, node: SyntaxNode, attrs: list) -> WherePredicate:
    left = optional(node, F.LEFT)
    bounds_node = optional(node, F.BOUNDS)
    bounds = _ty.lower_bounds(cx, bounds_node) if bounds_node is not None else []
    kind: AnyWherePredicateKind
    if left is not None and left.type == K.LIFETIME:
        kind = WherePredicateKind.RegionPredicate(_ty.lower_lifetime(cx, left), bounds)
    elif left is not None and left.type == K.HIGHER_RANKED_TRAIT_BOUND:
        tps = optional(left, F.TYPE_PARAMETERS)
        kind = WherePredicateKind.BoundPredicate(
            lower_generic_params(cx, tps) if tps is not None else [],
            _ty.lower_ty(cx, optional(left, F.TYPE)), bounds)
    else:
        bounded = _ty.lower_ty(cx, left)
        if bounds_node is not None and isinstance(bounded.kind, TyKind.Path) and bounded.kind.path.segments and \
                (elided := _ty.elided_args(cx, bounded.span[1], bounds_node.start_byte)) is not None:
            bounded.kind.path.segments[-1].args = elided  # `where T::method(..): Send`
            bounded.span = bounded.kind.path.span = (bounded.span[0], elided.span[1])
        kind = WherePredicateKind.BoundPredicate([], bounded, bounds)
    return WherePredicate(attrs, kind, span(node))


def _generics(cx: LowerCx, node: SyntaxNode, name_end: int, where_at: int) -> Generics:
    tps = optional(node, F.TYPE_PARAMETERS)
    where = next((c for c in node.children if c.type == K.WHERE_CLAUSE), None)
    params = lower_generic_params(cx, tps) if tps is not None else []
    gen_span = span(tps) if tps is not None else (name_end, name_end)
    return Generics(params, lower_where_clause(cx, where, where_at), gen_span)


# ----------------------------------------------------------------------------------
# Functions


def extern_abi(cx: LowerCx, node: SyntaxNode) -> tuple[ExternKind, StrLit | None]:
    """`extern` / `extern "C"` from an `extern_modifier` node."""
    lit = next((c for c in node.named_children if c.type in (K.STRING_LITERAL, K.RAW_STRING_LITERAL)), None)
    if lit is None:
        return ExternKind.Implicit, None
    text = cx.text(lit)
    raw = lit.type == K.RAW_STRING_LITERAL
    symbol = _expr.lower_lit(cx, lit).symbol
    return ExternKind.Explicit, StrLit(symbol if not raw else text, StrStyle.Raw if raw else StrStyle.Cooked,
                                        span(lit))


def _fn(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    name = optional(node, F.NAME)
    params_node = optional(node, F.PARAMETERS)
    ret = optional(node, F.RETURN_TYPE)
    where = next((c for c in node.children if c.type == K.WHERE_CLAUSE), None)
    body_node = optional(node, F.BODY)
    defaultness = Defaultness.Implicit
    coroutine: AnyCoroutineKind | None
    constness, safety, ext, abi, coroutine = Const.No, Safety.Default, ExternKind.None_, None, None
    mods = next((c for c in node.children if c.type == K.FUNCTION_MODIFIERS), None)
    lo = node.start_byte
    if ctxt == "foreign" and mods is None:
        blanked, lo = _blanked_safety(cx, node, K.FN)
        safety = blanked or safety
    if mods is not None:
        for mod in mods.children:
            t = mod.type
            if t == K.ASYNC:
                coroutine = CoroutineKind.Async(span(mod))
            elif t == K.CONST:
                constness = Const.Yes
            elif t == K.UNSAFE:
                safety = Safety.Unsafe
            elif t == K.DEFAULT:
                defaultness = Defaultness.Default
            elif t == K.EXTERN_MODIFIER:
                ext, abi = extern_abi(cx, mod)
    keyword = next((c for c in node.children if c.type == K.FN), None)
    gen = blanked_keyword(cx, b"gen", node.start_byte - 32, keyword.start_byte) if keyword is not None else None
    if gen is not None:  # `gen fn`, `async gen fn`
        coroutine = (CoroutineKind.AsyncGen((coroutine.span[0], gen + 3)) if coroutine is not None
                     else CoroutineKind.Gen((gen, gen + 3)))
        lo = min(lo, gen)
    params_end = params_node.end_byte if params_node is not None else (name.end_byte if name else node.end_byte)
    sig_end = ret.end_byte if ret is not None else params_end
    inputs = lower_params(cx, params_node) if params_node is not None else []
    output = FnRetTy.Ty(_ty.lower_ty(cx, ret)) if ret is not None else FnRetTy.Default((params_end, params_end))
    name_end = name.end_byte if name is not None else node.start_byte
    generics = _generics(cx, node, name_end, sig_end)
    sig_hi = where.end_byte if where is not None else sig_end
    vis = lower_vis(cx, node)
    sig = FnSig(FnHeader(constness, coroutine, safety, ext, abi), FnDecl(inputs, output), (lo, sig_hi))
    body = None
    if body_node is not None:
        body, inner = _expr.lower_block(cx, body_node)
        if inner:
            attrs = attrs + inner
    ident = cx.ident(name) if name is not None else Ident("", (node.start_byte, node.start_byte))
    item = _make(cx, ctxt, attrs, node, vis, "Fn", defaultness, ident, generics, sig, body)
    if item is not None:
        item.span = (lo, item.span[1])
    return item


def lower_params(cx: LowerCx, node: SyntaxNode) -> list[Param]:
    out: list[Param] = []
    attrs: list = []
    for child in node.children:
        t = child.type
        if t == K.ATTRIBUTE_ITEM:
            attrs.append(_attr.lower_attr(cx, child))
            continue
        if t in (K.LPAREN, K.RPAREN, K.COMMA) or t in COMMENTS:
            continue
        if t == K.PARAMETER:
            param = lower_param(cx, child, attrs)
        elif t == K.SELF_PARAMETER:
            param = _self_param(cx, child, attrs)
        elif t == K.VARIADIC_PARAMETER:
            param = _variadic(cx, child, attrs)
        elif t == K.UNDERSCORE:
            param = Param(attrs, Ty(TyKind.Infer(), span(child)), Pat(PatKind.Missing(), span(child)), span(child))
        elif child.is_named:
            ty = _ty.lower_ty(cx, child)
            param = Param(attrs, ty, Pat(PatKind.Missing(), ty.span), ty.span)
        else:
            continue
        if attrs:  # rustc's Param span starts at its first outer attribute
            param.span = (attrs[0].span[0], param.span[1])
        attrs = []
        out.append(param)
    return out


def lower_param(cx: LowerCx, node: SyntaxNode, attrs: list) -> Param:
    pattern = optional(node, F.PATTERN)
    ty = _ty.lower_ty(cx, optional(node, F.TYPE))
    pat = _pat.lower_pat(cx, pattern)
    mut = node.children[0] if node.child_count and node.children[0].type == K.MUTABLE_SPECIFIER else None
    if mut is not None:
        if isinstance(pat.kind, PatKind.Ident):
            pat.kind.binding_mode = BindingMode(pat.kind.binding_mode.by_ref, Mutability.Mut)
        pat.span = (mut.start_byte, pat.span[1])
    if pattern is not None and pattern.type == K.SELF:
        return Param(attrs, ty, pat, pat.span)  # rustc: `self: T` spans `self` alone
    return Param(attrs, ty, pat, span(node))


def _self_param(cx: LowerCx, node: SyntaxNode, attrs: list) -> Param:
    self_node = next(c for c in node.children if c.type == K.SELF)
    lifetime = None
    is_ref = False
    mutbl = Mutability.Not
    for child in node.children:
        t = child.type
        if t == K.AMP:
            is_ref = True
        elif t == K.LIFETIME:
            lifetime = _ty.lower_lifetime(cx, child)
        elif t == K.MUTABLE_SPECIFIER:
            mutbl = Mutability.Mut
    implicit = Ty(TyKind.ImplicitSelf(), span(self_node))
    if is_ref:
        ref = TyKind.PinnedRef if _ty.is_pinned(cx, node) else TyKind.Ref
        ty = Ty(ref(lifetime, _ty.MutTy(implicit, mutbl)), span(node))
        binding = _pat.BY_VALUE
    else:
        ty = implicit
        binding = BindingMode(None, mutbl)
    pat = Pat(PatKind.Ident(binding, cx.ident(self_node), None), span(node))
    return Param(attrs, ty, pat, span(node))


def _variadic(cx: LowerCx, node: SyntaxNode, attrs: list) -> Param:
    dots = next((c for c in node.children if c.type == K.DOT_DOT_DOT), node)
    pattern = optional(node, F.PATTERN)
    pat = _pat.lower_pat(cx, pattern) if pattern is not None else Pat(PatKind.Missing(), span(dots))
    mut = next((c for c in node.children if c.type == K.MUTABLE_SPECIFIER), None)
    if mut is not None and pattern is not None:  # `mut args: ...`: a `mut` binding
        if type(pat.kind) is PatKind.Ident:
            pat.kind.binding_mode = BindingMode(pat.kind.binding_mode.by_ref, Mutability.Mut)
        pat.span = (mut.start_byte, pat.span[1])
    return Param(attrs, Ty(TyKind.CVarArgs(), span(dots)), pat, span(node))


# ----------------------------------------------------------------------------------
# Other items


def _const(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    name = required(node, F.NAME)
    ty_node = optional(node, F.TYPE)
    value = optional(node, F.VALUE)
    ident = cx.ident(name)
    generics = Generics([], WhereClause(False, [], (ty_node.end_byte, ty_node.end_byte) if ty_node else span(name)),
                        (name.end_byte, name.end_byte))
    if cx.repaired and ty_node is not None:
        _const_generics(cx, generics, name.end_byte, ty_node.start_byte, value.end_byte if value else ty_node.end_byte,
                        node.end_byte)
    defaultness, lo = _defaultness(cx, node, K.CONST)
    return _starting(_make(cx, ctxt, attrs, node, lower_vis(cx, node), "Const", defaultness, ident, generics,
                           _ty.lower_ty(cx, ty_node), _expr.lower_expr(cx, value) if value is not None else None), lo)


def _const_generics(cx: LowerCx, generics: Generics, name_end: int, ty_start: int, value_end: int, end: int) -> None:
    """A generic const item's parameters and where clause, which `syntax.parse` spelled
    as spaces, read alone into `generics`; one that does not read stays unfound."""
    for lo, hi in cx.repaired_in(name_end, ty_start, b"<"):
        tps = syntax.parse_generic_params(cx.src, lo, hi)
        if tps is None:
            cx.found.discard(lo)
        else:
            generics.params = lower_generic_params(cx, tps)
            generics.span = (lo, hi)
    for lo, hi in cx.repaired_in(value_end, end, b"where"):
        clause = syntax.parse_where_clause(cx.src, lo, hi)
        if clause is None:
            cx.found.discard(lo)
        else:
            generics.where_clause = lower_where_clause(cx, clause, lo)


def _defaultness(cx: LowerCx, node: SyntaxNode, keyword: str) -> tuple[Defaultness, int]:
    """`default const`, `default type`, `default impl` (specialization): whether the
    keyword `syntax.parse` spelled as spaces is there, and where the item starts."""
    if cx.src.find(b"default", max(0, node.start_byte - 32), node.end_byte) < 0:  # (most items: no children read)
        return Defaultness.Implicit, node.start_byte
    first = next((c for c in node.children if c.type == keyword), None)
    found = blanked_keyword(cx, b"default", node.start_byte - 32, first.start_byte) if first is not None else None
    if found is None:
        return Defaultness.Implicit, node.start_byte
    return Defaultness.Default, min(found, node.start_byte)


def _starting(item, lo: int):
    """`item` (or None), its span starting at `lo` if that comes first."""
    if item is not None and lo < item.span[0]:
        item.span = (lo, item.span[1])
    return item


def _static(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    name = required(node, F.NAME)
    value = optional(node, F.VALUE)
    mutbl = Mutability.Mut if any(c.type == K.MUTABLE_SPECIFIER for c in node.children) else Mutability.Not
    safety, lo = _blanked_safety(cx, node, K.STATIC) if ctxt == "foreign" else (None, node.start_byte)
    item = _make(cx, ctxt, attrs, node, lower_vis(cx, node), "Static", cx.ident(name),
                 _ty.lower_ty(cx, optional(node, F.TYPE)), safety or Safety.Default, mutbl,
                 _expr.lower_expr(cx, value) if value is not None else None)
    if item is not None:
        item.span = (lo, item.span[1])
    return item


_KEYWORD_AT_END: dict[bytes, re.Pattern[bytes]] = {}


def blanked_keyword(cx: LowerCx, word: bytes, floor: int, at: int) -> int | None:
    """Where keyword `word` stands right before byte `at` (whitespace between, not before
    `floor`): a keyword of unstable syntax `syntax.parse` spelled as spaces."""
    pattern = _KEYWORD_AT_END.get(word)
    if pattern is None:
        pattern = _KEYWORD_AT_END[word] = re.compile(rb"(?<![A-Za-z0-9_#])" + word + rb"\s*$")
    found = pattern.search(cx.src, max(0, floor), at)
    if found is None:
        return None
    cx.found.add(found.start())
    return found.start()


_BLANKED_SAFETY = lazy_regex(rb"(?<![A-Za-z0-9_#])(safe|unsafe)\s*$")


def _blanked_safety(cx: LowerCx, node: SyntaxNode, keyword: str) -> tuple[Safety | None, int]:
    """`safe fn`, `safe static`, `unsafe static` in an extern block, whose keyword
    tree-sitter reads as spaces (`syntax.parse`): the safety, and where the item starts
    (at the keyword when no visibility comes first)."""
    kw = next((c for c in node.children if c.type == keyword), None)
    if kw is None:
        return None, node.start_byte
    vis = next((c for c in node.children if c.type == K.VISIBILITY_MODIFIER), None)
    found = _BLANKED_SAFETY().search(cx.src, vis.end_byte if vis is not None else max(0, node.start_byte - 16),
                                   kw.start_byte)
    if found is None:
        return None, node.start_byte
    safety = Safety.Safe if found.group(1) == b"safe" else Safety.Unsafe
    cx.found.add(found.start())
    return safety, min(node.start_byte, found.start())


def _ty_alias(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    """`type A<T> where T: X = B;` (where before `=`), `type A = B where T: X;` (after),
    and `type A: Bound;` in traits; a trait alias `syntax.parse` spelled as one."""
    name = required(node, F.NAME)
    keyword = node.children[1] if node.children[0].type == K.VISIBILITY_MODIFIER else node.children[0]
    if cx.repaired and cx.src.startswith(b"trait", keyword.start_byte):
        return _trait_alias(cx, node, attrs, ctxt, keyword)
    ty_node = optional(node, F.TYPE)
    bounds_node = optional(node, F.BOUNDS)
    if bounds_node is None and ty_node is not None:  # `type A: Copy = u8;`: tree-sitter's ERROR holds the bounds
        error = ty_node.prev_named_sibling
        if error is not None and error.type == K.ERROR and error.named_child_count == 1 and \
                error.named_children[0].type == K.TRAIT_BOUNDS and span(error.named_children[0]) == span(error):
            bounds_node = error.named_children[0]
            cx.read_after_all(error)
    tps = optional(node, F.TYPE_PARAMETERS)
    wheres = [c for c in node.children if c.type == K.WHERE_CLAUSE]
    eq = next((c for c in node.children if c.type == K.EQ), None)
    before = [w for w in wheres if eq is None or w.start_byte < eq.start_byte]
    after = [w for w in wheres if eq is not None and w.start_byte > eq.start_byte]
    params = lower_generic_params(cx, tps) if tps is not None else []
    gen_end = tps.end_byte if tps is not None else name.end_byte
    bounds_end = bounds_node.end_byte if bounds_node is not None else gen_end
    where_before = lower_where_clause(cx, before[0] if before else None, bounds_end)
    generics = Generics(params, where_before, span(tps) if tps is not None else (name.end_byte, name.end_byte))
    ty = _ty.lower_ty(cx, ty_node) if ty_node is not None else None
    after_at = ty.span[1] if ty is not None else before[0].end_byte if before else bounds_end
    after_where = lower_where_clause(cx, after[0] if after else None, after_at)
    bounds = _ty.lower_bounds(cx, bounds_node) if bounds_node is not None else []
    defaultness, lo = _defaultness(cx, node, K.TYPE)
    vis = lower_vis(cx, node)
    if ctxt == "foreign" and cx.repaired and (pub := blanked_keyword(cx, b"pub", lo - 16, lo)) is not None:
        vis, lo = Visibility(VisibilityKind.Public(), (pub, pub + 3)), pub  # `pub type T;` in an extern block
    return _starting(_make(cx, ctxt, attrs, node, vis, "TyAlias", defaultness, cx.ident(name),
                           generics, after_where, bounds, ty), lo)


#: The bounds a trait alias may have, as tree-sitter reads them in a type alias's type.
_ALIAS_BOUNDS = frozenset({K.TYPE_IDENTIFIER, K.SCOPED_TYPE_IDENTIFIER, K.GENERIC_TYPE, K.FUNCTION_TYPE,
                           K.REMOVED_TRAIT_BOUND, K.LIFETIME})


def _trait_alias(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str, keyword: SyntaxNode):
    """`trait A<T> = B + C where T: X;`, read as a type alias (`syntax.parse`); bounds
    of other shapes leave the alias unfound, so unreadable."""
    name = required(node, F.NAME)
    ty_node = required(node, F.TYPE)
    parts = _ty._bounded_parts(ty_node) if ty_node.type == K.BOUNDED_TYPE else [ty_node]
    wheres = [c for c in node.children if c.type == K.WHERE_CLAUSE]
    if any(p.type not in _ALIAS_BOUNDS for p in parts) or any(w.start_byte < ty_node.start_byte for w in wheres):
        return None
    cx.repaired_in(keyword.start_byte, keyword.end_byte + 1, b"trait")
    tps = optional(node, F.TYPE_PARAMETERS)
    params = lower_generic_params(cx, tps) if tps is not None else []
    where = lower_where_clause(cx, wheres[0] if wheres else None, ty_node.end_byte)
    generics = Generics(params, where, span(tps) if tps is not None else (name.end_byte, name.end_byte))
    bounds = [_ty.lower_bound(cx, p) for p in parts]
    return _make(cx, ctxt, attrs, node, lower_vis(cx, node), "TraitAlias", Const.No, cx.ident(name), generics, bounds)


def _variant_data(cx: LowerCx, body: SyntaxNode | None):
    if body is None:
        return VariantData.Unit()
    if body.type == K.FIELD_DECLARATION_LIST:
        fields = []
        for child, field_attrs in _with_attrs(cx, body, (K.FIELD_DECLARATION,)):
            name = required(child, F.NAME)
            field = FieldDef(field_attrs, span(child), lower_vis(cx, child), Safety.Default, cx.ident(name),
                             _ty.lower_ty(cx, optional(child, F.TYPE)), None)
            if cx.repaired:
                _field_default(cx, field, child)
            fields.append(field)
        return VariantData.Struct(fields, False)
    fields = []
    attrs: list = []
    vis = None
    for child in body.named_children:
        t = child.type
        if is_outer_attr(cx, child):
            attrs.append(_attr.lower_attr(cx, child))
        elif t == K.VISIBILITY_MODIFIER:
            vis = child
        elif t not in COMMENTS:
            ty = _ty.lower_ty(cx, child)
            lo = vis.start_byte if vis is not None else child.start_byte
            v = _vis(cx, vis) if vis is not None else Visibility(VisibilityKind.Inherited(), (lo, lo))
            fields.append(FieldDef(attrs, (lo, child.end_byte), v, Safety.Default, None, ty, None))
            attrs, vis = [], None
    return VariantData.Tuple(fields)


def _field_default(cx: LowerCx, field: FieldDef, node: SyntaxNode) -> None:
    """A field's default value `= 1`, which `syntax.parse` spelled as spaces, read alone;
    one that does not read stays unfound."""
    after = node.next_sibling
    for lo, hi in cx.repaired_in(node.end_byte, after.start_byte if after is not None else node.end_byte, b"="):
        value = syntax.parse_value(cx.src, lo, hi)
        if value is None:
            cx.found.discard(lo)
        else:
            field.default = AnonConst(_expr.lower_expr(cx, value))
            field.span = (field.span[0], value.end_byte)


def _struct(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str, kind_name: str = "Struct"):
    name = required(node, F.NAME)
    body = optional(node, F.BODY)
    tps = optional(node, F.TYPE_PARAMETERS)
    where_at = (tps.end_byte if tps is not None else name.end_byte)
    if body is not None and body.type == K.ORDERED_FIELD_DECLARATION_LIST:
        where_at = body.end_byte
    generics = _generics(cx, node, name.end_byte, where_at)
    return _make(cx, ctxt, attrs, node, lower_vis(cx, node), kind_name, cx.ident(name), generics,
                 _variant_data(cx, body))


def _union(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    return _struct(cx, node, attrs, ctxt, "Union")


def _enum(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    name = required(node, F.NAME)
    tps = optional(node, F.TYPE_PARAMETERS)
    generics = _generics(cx, node, name.end_byte, tps.end_byte if tps is not None else name.end_byte)
    body = optional(node, F.BODY)
    variants = []
    if body is not None:
        for child, vattrs in _with_attrs(cx, body, (K.ENUM_VARIANT,)):
            vname = required(child, F.NAME)
            value = optional(child, F.VALUE)
            variants.append(Variant(vattrs, span(child), lower_vis(cx, child), cx.ident(vname),
                                    _variant_data(cx, optional(child, F.BODY)),
                                    AnonConst(_expr.lower_expr(cx, value)) if value is not None else None))
    return _make(cx, ctxt, attrs, node, lower_vis(cx, node), "Enum", cx.ident(name), generics, variants)


def _decl_list(cx: LowerCx, body: SyntaxNode | None, ctxt: str) -> tuple[list, list]:
    if body is None:
        return [], []
    return lower_items(cx, [c for c in body.children if c.is_named], ctxt)


def _trait(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    name = required(node, F.NAME)
    bounds_node = optional(node, F.BOUNDS)
    tps = optional(node, F.TYPE_PARAMETERS)
    where_at = bounds_node.end_byte if bounds_node is not None else (tps.end_byte if tps else name.end_byte)
    generics = _generics(cx, node, name.end_byte, where_at)
    safety = Safety.Unsafe if any(c.type == K.UNSAFE for c in node.children) else Safety.Default
    items, inner = _decl_list(cx, optional(node, F.BODY), "assoc")
    bounds = _ty.lower_bounds(cx, bounds_node) if bounds_node is not None else []
    keyword = next((c for c in node.children if c.type == K.TRAIT), node)
    auto = blanked_keyword(cx, b"auto", node.start_byte - 32, keyword.start_byte)  # `auto trait`
    const = blanked_keyword(cx, b"const", node.start_byte - 32, auto if auto is not None else keyword.start_byte)
    item = _make(cx, ctxt, attrs + inner, node, lower_vis(cx, node), "Trait", Const.No if const is None else Const.Yes,
                 safety, IsAuto.No if auto is None else IsAuto.Yes, cx.ident(name), generics, bounds, items)
    lo = min(x for x in (auto, const, node.start_byte) if x is not None)  # `const trait`
    if item is not None:
        item.span = (min(lo, item.span[0]), item.span[1])
    return item


def _impl(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    trait = optional(node, F.TRAIT)
    self_ty_node = optional(node, F.TYPE)
    impl_kw = next((c for c in node.children if c.type == K.IMPL), node)
    self_ty = _ty.lower_ty(cx, self_ty_node)
    generics = _generics(cx, node, impl_kw.end_byte, self_ty.span[1])
    safety = Safety.Unsafe if any(c.type == K.UNSAFE for c in node.children) else Safety.Default
    of_trait = None
    defaultness, lo = _defaultness(cx, node, "unsafe" if safety is Safety.Unsafe else "impl")
    if trait is not None:
        polarity = ImplPolarity.Negative if any(c.type == K.BANG for c in node.children) else ImplPolarity.Positive
        of_trait = TraitImplHeader(defaultness, safety, polarity, TraitRef(_ty.path_of(cx, trait)))
    items, inner = _decl_list(cx, optional(node, F.BODY), "assoc")
    first = trait if trait is not None else self_ty_node
    const = first is not None and blanked_keyword(cx, b"const", impl_kw.end_byte, first.start_byte) is not None
    return _starting(_make(cx, ctxt, attrs + inner, node, lower_vis(cx, node), "Impl", generics,
                           Const.Yes if const else Const.No, of_trait, self_ty, items), lo)  # `impl const Tr for T`


def _mod(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    name = required(node, F.NAME)
    body = optional(node, F.BODY)
    mod_kind: AnyModKind
    if body is None:
        mod_kind = ModKind.Unloaded()
    else:
        items, inner = _decl_list(cx, body, "item")
        attrs = attrs + inner
        mod_kind = ModKind.Loaded(items, Inline.Yes, span(body))
    return _make(cx, ctxt, attrs, node, lower_vis(cx, node), "Mod", Safety.Default, cx.ident(name), mod_kind)


def _foreign_mod(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    modifier = next((c for c in node.children if c.type == K.EXTERN_MODIFIER), None)
    _, abi = extern_abi(cx, modifier) if modifier is not None else (None, None)
    safety = Safety.Unsafe if any(c.type == K.UNSAFE for c in node.children) else Safety.Default
    if safety is Safety.Default and cx.edition >= 2024:
        cx.errors.append(ParseError(span(node), "extern blocks must be unsafe"))
    items, inner = _decl_list(cx, optional(node, F.BODY), "foreign")
    extern_span = span(modifier.children[0]) if modifier is not None else span(node)
    return _make(cx, ctxt, attrs + inner, node, lower_vis(cx, node), "ForeignMod", extern_span, safety, abi, items)


def _use(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    arg = optional(node, F.ARGUMENT)
    keyword = next(c for c in node.children if c.type == K.USE)
    if cx.repaired and cx.src.startswith(b"reuse", keyword.start_byte):
        return _delegation(cx, node, attrs, ctxt, keyword, arg)
    tree = lower_use_tree(cx, arg) if arg is not None else UseTree(Path(span(node), []), UseTreeKind.Glob(),
                                                                    span(node))
    return _make(cx, ctxt, attrs, node, lower_vis(cx, node), "Use", tree)


def _delegation(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str, keyword: SyntaxNode,
                arg: SyntaxNode | None):
    """`reuse a::f;`, `reuse a::f as g;`, read as a use item (`syntax.parse`); other
    shapes (a body, a list, a qualified path) leave it unfound, so unreadable."""
    alias = None
    if arg is not None and arg.type == K.USE_AS_CLAUSE:
        alias = optional(arg, F.ALIAS)
        arg = optional(arg, F.PATH)
    if arg is None or arg.type not in (K.SCOPED_IDENTIFIER, K.IDENTIFIER):
        return None
    cx.repaired_in(keyword.start_byte, keyword.end_byte + 2, b"reuse")
    path = _ty.path_of(cx, arg)
    rename = cx.ident(alias) if alias is not None else None
    return _make(cx, ctxt, attrs, node, lower_vis(cx, node), "Delegation",
                 Delegation(None, path, rename or path.segments[-1].ident, rename, None, False))


def lower_use_tree(cx: LowerCx, node: SyntaxNode) -> UseTree:
    t = node.type
    if t == K.USE_AS_CLAUSE:
        prefix = _ty.path_of(cx, required(node, F.PATH))
        alias = optional(node, F.ALIAS)
        return UseTree(prefix, UseTreeKind.Simple(cx.ident(alias) if alias is not None else None), span(node))
    if t == K.USE_LIST:
        return UseTree(Path((node.start_byte, node.start_byte), []),
                       UseTreeKind.Nested(_use_list(cx, node), span(node)), span(node))
    if t == K.SCOPED_USE_LIST:
        path_node = optional(node, F.PATH)
        lst = optional(node, F.LIST)
        if path_node is not None:
            prefix = _ty.path_of(cx, path_node)
        else:  # `::{a, b}`
            colons = node.children[0]
            prefix = Path(span(colons), [PathSegment(Ident("{{root}}", (colons.start_byte, colons.start_byte)), None)])
        return UseTree(prefix, UseTreeKind.Nested(_use_list(cx, lst) if lst is not None else [],
                                                  span(lst) if lst is not None else span(node)), span(node))
    if t == K.USE_WILDCARD:
        path_node = next((c for c in node.named_children if c.type not in COMMENTS), None)
        prefix = (_ty.path_of(cx, path_node) if path_node is not None
                  else Path((node.start_byte, node.start_byte), []))
        return UseTree(prefix, UseTreeKind.Glob(), span(node))
    return UseTree(_ty.path_of(cx, node), UseTreeKind.Simple(None), span(node))


def _use_list(cx: LowerCx, node: SyntaxNode) -> list[UseTree]:
    return [lower_use_tree(cx, c) for c in node.named_children if c.type not in COMMENTS]


def _extern_crate(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    name = required(node, F.NAME)
    alias = optional(node, F.ALIAS)
    if alias is not None:
        return _make(cx, ctxt, attrs, node, lower_vis(cx, node), "ExternCrate", cx.text(name), cx.ident(alias))
    return _make(cx, ctxt, attrs, node, lower_vis(cx, node), "ExternCrate", None, cx.ident(name))


def _macro_def(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    name = required(node, F.NAME)
    opens = [c for c in node.children if c.type in (K.LPAREN, K.LBRACK, K.LBRACE)]
    closes = [c for c in node.children if c.type in (K.RPAREN, K.RBRACK, K.RBRACE)]
    lo = opens[0].start_byte if opens else node.end_byte
    hi = closes[-1].end_byte if closes else node.end_byte
    delim = _expr.DELIMS[opens[0].type] if opens else Delimiter.Brace
    body = DelimArgs((lo, hi), delim)
    return _make(cx, ctxt, attrs, node, _vis_inherited(node), "MacroDef", cx.ident(name), MacroDef(body, True))


def _mac_item(cx: LowerCx, node: SyntaxNode, attrs: list, ctxt: str):
    return _make(cx, ctxt, attrs, node, _vis_inherited(node), "MacCall", _expr.lower_mac_call(cx, node))


ITEMS: dict[str, Callable[[LowerCx, SyntaxNode, list, str], Item | AssocItem | ForeignItem | None]] = {
    K.FUNCTION_ITEM: _fn,
    K.FUNCTION_SIGNATURE_ITEM: _fn,
    K.CONST_ITEM: _const,
    K.STATIC_ITEM: _static,
    K.TYPE_ITEM: _ty_alias,
    K.ASSOCIATED_TYPE: _ty_alias,
    K.STRUCT_ITEM: _struct,
    K.UNION_ITEM: _union,
    K.ENUM_ITEM: _enum,
    K.TRAIT_ITEM: _trait,
    K.IMPL_ITEM: _impl,
    K.MOD_ITEM: _mod,
    K.FOREIGN_MOD_ITEM: _foreign_mod,
    K.USE_DECLARATION: _use,
    K.EXTERN_CRATE_DECLARATION: _extern_crate,
    K.MACRO_DEFINITION: _macro_def,
    K.MACRO_INVOCATION: _mac_item,
}
