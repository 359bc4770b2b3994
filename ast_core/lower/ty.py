"""Lowering of paths, generic arguments, bounds and types to `TyKind` variants.

tree-sitter spells a path many ways (`identifier`, `scoped_identifier`,
`scoped_type_identifier`, `generic_type`, `generic_function`, `bracketed_type`);
rustc has one `Path` of `PathSegment`s, with a `QSelf` for `<T as Tr>::x`.
"""

from __future__ import annotations

from ..model import (
    AngleBracketedArg,
    AnonConst,
    AssocItemConstraint,
    AssocItemConstraintKind,
    BoundAsyncness,
    BoundConstness,
    BoundPolarity,
    Expr,
    ExprKind,
    ExternKind,
    FnDecl,
    FnRetTy,
    GenericArg,
    GenericArgs,
    GenericBound,
    Ident,
    Lifetime,
    Lit,
    LitKind,
    MutTy,
    Mutability,
    Path,
    PathSegment,
    PolyTraitRef,
    PreciseCapturingArg,
    QSelf,
    Safety,
    Term,
    TraitBoundModifiers,
    TraitObjectSyntax,
    TraitRef,
    Ty,
    TyKind,
)
from ..patterns import lazy_regex
from .. import syntax
from ..syntax import SyntaxNode, fields as F, kinds as K, optional, required
from . import expr as _expr
from . import item as _item
from .cx import COMMENTS, LITERALS, LowerCx, single_path, span

# Nodes that are a single path segment wherever a path may stand.
SEGMENT_TYPES = frozenset({K.IDENTIFIER, K.TYPE_IDENTIFIER, K.PRIMITIVE_TYPE, K.SELF, K.SUPER,
                           K.CRATE, K.FIELD_IDENTIFIER, K.METAVARIABLE,
                           K.SHORTHAND_FIELD_IDENTIFIER})


def lower_lifetime(cx: LowerCx, node: SyntaxNode) -> Lifetime:
    return Lifetime(cx.ident(node))


# ----------------------------------------------------------------------------------
# Paths


def lower_path(cx: LowerCx, node: SyntaxNode) -> tuple[QSelf | None, Path]:
    """Any tree-sitter path form, as rustc's optional `QSelf` and `Path`."""
    segments: list[PathSegment] = []
    qself: QSelf | None = None
    lo = node.start_byte
    cur: SyntaxNode | None = node
    pending_args = None  # generic args of the segment lowered next (right to left)
    # Walk down the left spine, collecting segments from the right.
    while cur is not None:
        kind = cur.type
        if kind in SEGMENT_TYPES:
            segments.append(PathSegment(cx.ident(cur), pending_args))
            pending_args = None
            cur = None
        elif kind in (K.SCOPED_IDENTIFIER, K.SCOPED_TYPE_IDENTIFIER):
            name = optional(cur, F.NAME)
            prefix = optional(cur, F.PATH)
            if name is not None:
                segments.append(PathSegment(cx.ident(name), pending_args))
            pending_args = None
            if prefix is None:
                # `::a` (global path): rustc's `{{root}}` segment
                colons = cur.children[0]
                segments.append(PathSegment(Ident("{{root}}", (colons.start_byte, colons.start_byte)), None))
            elif prefix.type == K.BRACKETED_TYPE:
                qself = _lower_qself(cx, prefix, segments)
                lo = prefix.start_byte
            cur = prefix if prefix is not None and prefix.type != K.BRACKETED_TYPE else None
        elif kind in (K.GENERIC_TYPE, K.GENERIC_FUNCTION, K.GENERIC_PATTERN, K.GENERIC_TYPE_WITH_TURBOFISH):
            args = optional(cur, F.TYPE_ARGUMENTS)
            inner = optional(cur, F.TYPE) or optional(cur, F.FUNCTION)
            if inner is None:
                inner = next((c for c in cur.named_children if c is not args), None)
            pending_args = lower_generic_args(cx, args) if args is not None else None
            cur = inner
        elif kind == K.BRACKETED_TYPE:  # `<T>::x` with nothing before
            qself = _lower_qself(cx, cur, segments)
            cur = None
        else:  # an ERROR or an unexpected shape: keep its text as one segment
            segments.append(PathSegment(cx.ident(cur), pending_args))
            pending_args = None
            cur = None
    segments.reverse()
    return qself, Path((lo, node.end_byte), segments)


def _lower_qself(cx: LowerCx, bracketed: SyntaxNode, segments: list[PathSegment]) -> QSelf:
    """`<T as Tr>`: the QSelf; Tr's segments are appended to `segments`, which is
    collected right to left, so that they end up before the rest of the path."""
    inner = next((c for c in bracketed.named_children), None)
    if inner is not None and inner.type == K.QUALIFIED_TYPE:
        ty_node = optional(inner, F.TYPE)
        trait = required(inner, F.ALIAS)
        ty = lower_ty(cx, ty_node)
        _, trait_path = lower_path(cx, trait)
        segments.extend(reversed(trait_path.segments))
        position = len(trait_path.segments)
    else:
        ty = lower_ty(cx, inner) if inner is not None else _err_ty(bracketed)
        position = 0
    return QSelf(ty, span(bracketed), position)


def path_of(cx: LowerCx, node: SyntaxNode) -> Path:
    """A path where rustc allows no qualified self (`Trait for`, attributes)."""
    return lower_path(cx, node)[1]


def lower_generic_args(cx: LowerCx, node: SyntaxNode) -> GenericArgs.AngleBracketed:
    """`<'a, T, N = u8, Item: Copy, 3, { N }>`."""
    args: list = []
    pending: SyntaxNode | None = None
    skip_to = -1  # the end of a const argument read with the ERROR before it
    for child in node.children:
        kind = child.type
        if not child.is_named or child.start_byte < skip_to:
            continue
        if kind == K.TRAIT_BOUNDS:  # `Item: Bound` constraint on the previous name
            if pending is not None and args:
                args[-1] = AngleBracketedArg.Constraint(AssocItemConstraint(
                    cx.ident(pending), elided_args(cx, pending.end_byte, child.start_byte),
                    AssocItemConstraintKind.Bound(lower_bounds(cx, child)),
                    (pending.start_byte, child.end_byte)))
            pending = None
            continue
        if kind == K.ERROR and (constraint := _const_equality(cx, child, pending)) is not None:
            if constraint.constraint.span[0] != child.start_byte:
                args.pop()  # the name before the ERROR
            args.append(constraint)
            pending, skip_to = None, constraint.constraint.span[1]
            continue
        pending = child if kind == K.TYPE_IDENTIFIER else None
        args.append(lower_generic_arg(cx, child))
    return GenericArgs.AngleBracketed(span(node), args)


_CONST_CONSTRAINT = lazy_regex(rb"[A-Za-z_][A-Za-z0-9_]*\s*=")
_CONST_VALUE = lazy_regex(rb"=\s*")


def _const_equality(cx: LowerCx, error: SyntaxNode, name: SyntaxNode | None) -> AngleBracketedArg.Constraint | None:
    """`N = 3`, `N = { 1 + 2 }` (associated const equality), from the ERROR tree-sitter
    makes of it: the name and `=` before a const argument, or (after the name, `name`)
    the `=` and the argument; exact when the ERROR holds just those."""
    inner = error.named_children[0] if error.named_child_count == 1 else None
    if inner is None:
        return None
    if inner.type == K.IDENTIFIER and _CONST_CONSTRAINT().fullmatch(cx.src, error.start_byte, error.end_byte):
        name, value = inner, error.next_named_sibling
    elif name is not None and name.next_named_sibling == error and inner.end_byte == error.end_byte and \
            _CONST_VALUE().fullmatch(cx.src, error.start_byte, inner.start_byte):
        value = inner
    else:
        return None
    if value is None or not (value.type == K.BLOCK or value.type in LITERALS):
        return None
    cx.read_after_all(error)
    return AngleBracketedArg.Constraint(AssocItemConstraint(
        cx.ident(name), None, AssocItemConstraintKind.Equality(Term.Const(AnonConst(_expr.lower_expr(cx, value)))),
        (name.start_byte, value.end_byte)))


def elided_args(cx: LowerCx, lo: int, hi: int) -> GenericArgs.ParenthesizedElided | None:
    """Return type notation's `(..)` between bytes `lo` and `hi`, which `syntax.parse`
    spelled as spaces (`T: Tr<method(..): Send>`)."""
    if not cx.repaired:
        return None
    found = cx.repaired_in(lo, hi, b"(..)")
    return GenericArgs.ParenthesizedElided(found[0]) if found else None


def lower_generic_arg(cx: LowerCx, node: SyntaxNode):
    kind = node.type
    if kind == K.LIFETIME:
        return AngleBracketedArg.Arg(GenericArg.Lifetime(lower_lifetime(cx, node)))
    if kind == K.TYPE_BINDING:
        name = required(node, F.NAME)
        targs = optional(node, F.TYPE_ARGUMENTS)
        ty = optional(node, F.TYPE)
        term = (Term.Const(AnonConst(Expr(ExprKind.Lit(Lit(LitKind.Bool, cx.text(ty), None, 0)), span(ty), ())))
                if ty is not None and cx.text(ty) in ("true", "false")
                else Term.Ty(lower_ty(cx, ty)))  # `B = true`: a const argument
        return AngleBracketedArg.Constraint(AssocItemConstraint(
            cx.ident(name), lower_generic_args(cx, targs) if targs is not None else None,
            AssocItemConstraintKind.Equality(term), span(node)))
    if kind == K.BLOCK or kind in LITERALS or kind == K.NEGATIVE_LITERAL or kind == K.UNARY_EXPRESSION:
        return AngleBracketedArg.Arg(GenericArg.Const(AnonConst(_expr.lower_expr(cx, node))))
    return AngleBracketedArg.Arg(GenericArg.Type(lower_ty(cx, node)))


# ----------------------------------------------------------------------------------
# Bounds


def lower_bounds(cx: LowerCx, node: SyntaxNode) -> list:
    """The bounds of a `trait_bounds` node (`: A + 'a + ?Sized`) or any bound list; the
    MISSING bound of empty bounds (`T:`) is none (`syntax_errors` says whether it reads)."""
    bounds = []
    negative = None  # `!Tr` (negative bounds): tree-sitter reads the `!` as an ERROR of its own
    for child in node.named_children:
        if child.is_missing:
            continue
        if child.type == K.ERROR and cx.src[child.start_byte:child.end_byte] == b"!":
            negative = child
            continue
        bound = lower_bound(cx, child)
        if negative is not None and isinstance(bound, GenericBound.Trait) and \
                bound.poly.modifiers.polarity is BoundPolarity.Positive:
            bound.poly.modifiers.polarity = BoundPolarity.Negative
            bound.poly.span = (negative.start_byte, bound.poly.span[1])
            cx.read_after_all(negative)
        negative = None
        bounds.append(bound)
    return bounds


def lower_bound(cx: LowerCx, node: SyntaxNode):
    kind = node.type
    if kind == K.LIFETIME:
        return GenericBound.Outlives(lower_lifetime(cx, node))
    if kind == K.USE_BOUNDS:
        return GenericBound.Use([_precise_capturing_arg(cx, c) for c in node.named_children], span(node))
    return GenericBound.Trait(lower_poly_trait_ref(cx, node))


def _precise_capturing_arg(cx: LowerCx, node: SyntaxNode):
    if node.type == K.LIFETIME:
        return PreciseCapturingArg.Lifetime(lower_lifetime(cx, node))
    return PreciseCapturingArg.Arg(single_path(cx.ident(node)))


def lower_poly_trait_ref(cx: LowerCx, node: SyntaxNode) -> PolyTraitRef:
    """`?Sized`, `for<'a> Tr<'a>`, `(Tr)`, `Fn(u8) -> u8`."""
    params: list = []
    polarity = BoundPolarity.Positive
    parens = False
    lo, hi = node.start_byte, node.end_byte
    cur = node
    while True:
        kind = cur.type
        if kind == K.REMOVED_TRAIT_BOUND:
            polarity = BoundPolarity.Maybe
            cur = cur.named_children[0]
        elif kind == K.HIGHER_RANKED_TRAIT_BOUND:
            tps = optional(cur, F.TYPE_PARAMETERS)
            params = _item.lower_generic_params(cx, tps) if tps is not None else []
            cur = required(cur, F.TYPE)
        elif kind == K.TUPLE_TYPE and cur.named_child_count == 1 and not _has_trailing_comma(cur):
            parens = True
            cur = cur.named_children[0]
        elif kind == K.FUNCTION_TYPE:
            for_lt = next((c for c in cur.named_children if c.type == K.FOR_LIFETIMES), None)
            if for_lt is not None:
                params = _for_lifetimes(cx, for_lt)
            break
        else:
            break
    path = _bound_path(cx, cur)
    # `[const] Tr`, `~const Tr`, `const Tr`, `async Fn()`: modifiers `syntax.parse` spelled as spaces
    constness = BoundConstness.Never
    asyncness = BoundAsyncness.Normal
    floor = lo - 16
    if (async_at := _item.blanked_keyword(cx, b"async", floor, lo)) is not None:
        asyncness = BoundAsyncness.Async
        lo = async_at
    for modifier, written in ((b"\\[const\\]", BoundConstness.Maybe), (b"~const", BoundConstness.Maybe),
                              (b"const", BoundConstness.Always)):
        found = _item.blanked_keyword(cx, modifier, floor, lo)
        if found is not None:
            constness, lo = written, found
            break
    return PolyTraitRef(params, TraitBoundModifiers(constness, asyncness, polarity), TraitRef(path), (lo, hi), parens)


def _bound_path(cx: LowerCx, node: SyntaxNode) -> Path:
    if node.type == K.FUNCTION_TYPE:  # `Fn(A) -> B`: parenthesized args on the last segment
        trait = optional(node, F.TRAIT)
        if trait is None:
            return Path(span(node), [PathSegment(Ident(cx.text(node), span(node)), None)])
        path = path_of(cx, trait)
        path.segments[-1].args = _parenthesized_args(cx, node, path.segments[-1].ident.span[0])
        path.span = (path.span[0], node.end_byte)
        for_lt = next((c for c in node.named_children if c.type == K.FOR_LIFETIMES), None)
        if for_lt is not None:
            path.span = (trait.start_byte, node.end_byte)
        return path
    return path_of(cx, node)


def _parenthesized_args(cx: LowerCx, node: SyntaxNode, lo: int) -> GenericArgs.Parenthesized:
    """`(A, B) -> C` of `Fn(A, B) -> C`; rustc's span starts at the segment's name."""
    params = required(node, F.PARAMETERS)
    ret = optional(node, F.RETURN_TYPE)
    inputs = [lower_ty(cx, c) for c in params.named_children if c.type != K.ATTRIBUTE_ITEM]
    output = (FnRetTy.Ty(lower_ty(cx, ret)) if ret is not None
              else FnRetTy.Default((params.end_byte, params.end_byte)))
    return GenericArgs.Parenthesized((lo, node.end_byte), inputs, span(params), output)


def _for_lifetimes(cx: LowerCx, node: SyntaxNode) -> list:
    return [_item.lifetime_param(cx, c) for c in node.named_children if c.type == K.LIFETIME]


def _has_trailing_comma(node: SyntaxNode) -> bool:
    kids = node.children
    return len(kids) >= 2 and kids[-2].type == K.COMMA


# ----------------------------------------------------------------------------------
# Types


def _err_ty(node: SyntaxNode) -> Ty:
    return Ty(TyKind.Err(), span(node))


def lower_ty(cx: LowerCx, node: SyntaxNode | None) -> Ty:
    if node is None:
        return Ty(TyKind.Err(), (0, 0))
    fn = TY.get(node.type)
    if fn is None:
        return _err_ty(node)
    ty = fn(cx, node)
    src = cx.src
    at = node.start_byte - 1
    while at > 0 and src[at] in b" \t\r\n":
        at -= 1
    return _unsafe_binder(cx, ty) if at > 0 and src[at] == 62 else ty  # after a `>`


_UNSAFE_BINDER = lazy_regex(rb"(?<![A-Za-z0-9_#])unsafe(<[^<>{};]*>)\s*$")


def _unsafe_binder(cx: LowerCx, ty: Ty) -> Ty:
    """`unsafe<'a> &'a T`: the binder `syntax.parse` spelled as spaces, around `ty`."""
    lo = ty.span[0]
    found = _UNSAFE_BINDER().search(cx.src, max(0, lo - 64), lo)
    if found is None:
        return ty
    cx.found.add(found.start())
    tps = syntax.parse_generic_params(cx.src, found.start(1), found.end(1))
    if tps is None:
        cx.unreadable(found.span(), "unsafe binder")
        return ty
    return Ty(TyKind.UnsafeBinder(_item.lower_generic_params(cx, tps), ty), (found.start(), ty.span[1]))


def _ty_path(cx: LowerCx, node: SyntaxNode) -> Ty:
    if node.type == K.TYPE_IDENTIFIER and cx.src[node.start_byte:node.end_byte] == b"_":
        return Ty(TyKind.Infer(), span(node))
    qself, path = lower_path(cx, node)
    return Ty(TyKind.Path(qself, path), span(node))


_PINNED = lazy_regex(rb"&\s*(?:'\w+\s+)?(pin)\s+(?:mut|const)\b")


def is_pinned(cx: LowerCx, node: SyntaxNode) -> bool:
    """`&pin mut x`, `&pin const T`: a pinned reference, whose `pin` (`pin const`)
    `syntax.parse` spelled as spaces."""
    found = _PINNED().match(cx.src, node.start_byte)
    if found is None:
        return False
    cx.found.add(found.start(1))
    return True


def _ty_ref(cx: LowerCx, node: SyntaxNode) -> Ty:
    lifetime = None
    mutbl = Mutability.Not
    for child in node.children:
        if child.type == K.LIFETIME:
            lifetime = lower_lifetime(cx, child)
        elif child.type == K.MUTABLE_SPECIFIER:
            mutbl = Mutability.Mut
    inner = lower_ty(cx, optional(node, F.TYPE))
    if is_pinned(cx, node):
        return Ty(TyKind.PinnedRef(lifetime, MutTy(inner, mutbl)), span(node))
    return Ty(TyKind.Ref(lifetime, MutTy(inner, mutbl)), span(node))


def _ty_ptr(cx: LowerCx, node: SyntaxNode) -> Ty:
    mutbl = Mutability.Mut if any(c.type == K.MUTABLE_SPECIFIER for c in node.children) else Mutability.Not
    inner = lower_ty(cx, optional(node, F.TYPE))
    return Ty(TyKind.Ptr(MutTy(inner, mutbl)), span(node))


def _ty_array(cx: LowerCx, node: SyntaxNode) -> Ty:
    elem = lower_ty(cx, optional(node, F.ELEMENT))
    length = optional(node, F.LENGTH)
    if length is None:
        return Ty(TyKind.Slice(elem), span(node))
    return Ty(TyKind.Array(elem, AnonConst(_expr.lower_expr(cx, length))), span(node))


def _ty_tuple(cx: LowerCx, node: SyntaxNode) -> Ty:
    elems = [c for c in node.named_children
             if c.type not in (K.LINE_COMMENT, K.BLOCK_COMMENT) and not c.is_missing]
    if len(elems) == 1 and not _has_trailing_comma(node):
        return Ty(TyKind.Paren(lower_ty(cx, elems[0])), span(node))
    return Ty(TyKind.Tup([lower_ty(cx, c) for c in elems]), span(node))


def _ty_unit(cx: LowerCx, node: SyntaxNode) -> Ty:
    return Ty(TyKind.Tup([]), span(node))


def _ty_never(cx: LowerCx, node: SyntaxNode) -> Ty:
    return Ty(TyKind.Never(), span(node))


def _ty_fn(cx: LowerCx, node: SyntaxNode) -> Ty:
    if optional(node, F.TRAIT) is not None:
        # `Fn(u8) -> u8` without `dyn`: rustc's parser keeps a path type (it becomes a
        # bare trait object only after expansion).
        return Ty(TyKind.Path(None, _bound_path(cx, node)), span(node))
    generic_params: list = []
    safety, ext, abi = Safety.Default, ExternKind.None_, None
    for child in node.children:
        if child.type == K.FOR_LIFETIMES:
            generic_params = _for_lifetimes(cx, child)
        elif child.type == K.FUNCTION_MODIFIERS:
            for mod in child.children:
                if mod.type == K.UNSAFE:
                    safety = Safety.Unsafe
                elif mod.type == K.EXTERN_MODIFIER:
                    ext, abi = _item.extern_abi(cx, mod)
    params = required(node, F.PARAMETERS)
    ret = optional(node, F.RETURN_TYPE)
    decl = FnDecl(_item.lower_params(cx, params),
                  FnRetTy.Ty(lower_ty(cx, ret)) if ret is not None
                  else FnRetTy.Default((params.end_byte, params.end_byte)))
    fn_kw = next((c for c in node.children if c.type == K.FN), None)
    decl_lo = fn_kw.start_byte if fn_kw is not None else node.start_byte
    return Ty(TyKind.FnPtr(safety, ext, abi, generic_params, decl, (decl_lo, node.end_byte)), span(node))


def _ty_impl(cx: LowerCx, node: SyntaxNode) -> Ty:
    return Ty(TyKind.ImplTrait(_bounds_of(cx, node)), span(node))


def _ty_dyn(cx: LowerCx, node: SyntaxNode) -> Ty:
    return Ty(TyKind.TraitObject(_bounds_of(cx, node), TraitObjectSyntax.Dyn), span(node))


def _bounds_of(cx: LowerCx, node: SyntaxNode) -> list:
    """The bounds after `impl`/`dyn`; `impl for<'a> Tr<'a>` keeps its binder."""
    trait = optional(node, F.TRAIT)
    tps = next((c for c in node.children if c.type == K.TYPE_PARAMETERS), None)
    if trait is None:
        return []
    if trait.type == K.BOUNDED_TYPE:  # `impl 'a + Tr`
        return [lower_bound(cx, part) for part in _bounded_parts(trait)]
    bound = lower_bound(cx, trait)
    if tps is not None and isinstance(bound, GenericBound.Trait):
        for_kw = next(c for c in node.children if c.type == K.FOR)
        bound.poly.bound_generic_params = _item.lower_generic_params(cx, tps)
        bound.poly.span = (for_kw.start_byte, bound.poly.span[1])
    return [bound]


def _bounded_parts(node: SyntaxNode) -> list[SyntaxNode]:
    """The operands of a left-nested `A + B + 'c` (`bounded_type`), in order."""
    parts: list[SyntaxNode] = []
    cur = node
    while cur.type == K.BOUNDED_TYPE:
        kids = [c for c in cur.named_children if c.type not in COMMENTS]
        parts[:0] = kids[1:]
        cur = kids[0]
    return [cur, *parts]


def _ty_bounded(cx: LowerCx, node: SyntaxNode) -> Ty:
    """`impl A + B`, `dyn A + 'a`, `A + B` (2015 trait object): one type, flat bounds."""
    cur, *parts = _bounded_parts(node)
    if cur.type in (K.ABSTRACT_TYPE, K.DYNAMIC_TYPE):
        bounds = _bounds_of(cx, cur) + [lower_bound(cx, p) for p in parts]
        if cur.type == K.ABSTRACT_TYPE:
            return Ty(TyKind.ImplTrait(bounds), span(node))
        return Ty(TyKind.TraitObject(bounds, TraitObjectSyntax.Dyn), span(node))
    bounds = [lower_bound(cx, cur)] + [lower_bound(cx, p) for p in parts]
    return Ty(TyKind.TraitObject(bounds, TraitObjectSyntax.None_), span(node))


def _ty_mac(cx: LowerCx, node: SyntaxNode) -> Ty:
    return Ty(TyKind.MacCall(_expr.lower_mac_call(cx, node)), span(node))


def _ty_removed_bound(cx: LowerCx, node: SyntaxNode) -> Ty:
    bound = GenericBound.Trait(lower_poly_trait_ref(cx, node))
    return Ty(TyKind.TraitObject([bound], TraitObjectSyntax.None_), span(node))


TY = {
    K.TYPE_IDENTIFIER: _ty_path,
    K.PRIMITIVE_TYPE: _ty_path,
    K.SCOPED_TYPE_IDENTIFIER: _ty_path,
    K.GENERIC_TYPE: _ty_path,
    K.SCOPED_IDENTIFIER: _ty_path,
    K.IDENTIFIER: _ty_path,
    K.SELF: _ty_path,
    K.METAVARIABLE: _ty_path,
    K.REFERENCE_TYPE: _ty_ref,
    K.POINTER_TYPE: _ty_ptr,
    K.ARRAY_TYPE: _ty_array,
    K.TUPLE_TYPE: _ty_tuple,
    K.UNIT_TYPE: _ty_unit,
    K.NEVER_TYPE: _ty_never,
    K.FUNCTION_TYPE: _ty_fn,
    K.ABSTRACT_TYPE: _ty_impl,
    K.DYNAMIC_TYPE: _ty_dyn,
    K.BOUNDED_TYPE: _ty_bounded,
    K.MACRO_INVOCATION: _ty_mac,
    K.REMOVED_TRAIT_BOUND: _ty_removed_bound,
}
