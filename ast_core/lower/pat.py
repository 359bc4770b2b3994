"""Lowering of patterns to `PatKind` variants.

`ref mut x @ p` is three tree-sitter nodes (ref_pattern, mut_pattern, captured_pattern)
and one rustc `PatKind::Ident` with a `BindingMode`; `(p)` is a Paren, `(p,)` a Tuple.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import (
    BindingMode,
    Expr,
    ExprKind,
    Mutability,
    Pat,
    PatField,
    PatFieldsRest,
    PatKind,
    Pinnedness,
    RangeEnd,
    RangeSyntax,
    UnOp,
)
from ..patterns import lazy_regex
from .. import syntax
from ..syntax import SyntaxNode, fields as F, kinds as K, optional, required
from . import attr as _attr
from . import expr as _expr
from . import ty as _ty
from .cx import COMMENTS, LITERALS, LowerCx, span

BY_VALUE = BindingMode(None, Mutability.Not)


def lower_pat(cx: LowerCx, node: SyntaxNode | None) -> Pat:
    if node is None:
        return Pat(PatKind.Err(), (0, 0))
    fn = PAT.get(node.type)
    if fn is None:
        if not node.has_error:
            cx.unreadable(span(node), f"pattern (`{node.type}`)")
        return Pat(PatKind.Err(), span(node))
    pat = fn(cx, node)
    return _repaired_around(cx, node, pat) if cx.repaired else pat


_BOX = lazy_regex(rb"(?<![A-Za-z0-9_#])box\s*$")


def _repaired_around(cx: LowerCx, node: SyntaxNode, pat: Pat) -> Pat:
    """`pat` with what `syntax.parse` spelled as spaces around it: `box` before it (once
    for the innermost pattern starting there; the others start at it), and a guard `if
    c` after it when no pattern around it ends there too (`(a | b if c)`)."""
    starts = {lo for lo, _ in cx.repaired}
    lo = node.start_byte
    while (found := _BOX().search(cx.src, max(0, lo - 16), lo)) is not None and found.start() in starts:
        lo = found.start()
        if lo in cx.found:  # a pattern inside this one starting here has it
            pat.span = (lo, pat.span[1])
        else:
            cx.found.add(lo)
            pat = Pat(PatKind.Box(pat), (lo, pat.span[1]))
    parent = node.parent
    if parent is None or parent.end_byte == node.end_byte or (
            parent.type == K.TUPLE_PATTERN and parent.parent is not None and parent.parent.type == K.MATCH_PATTERN):
        return pat  # (rustc rejects a match arm's pattern `(p if c)` and recovers in a way not read here)
    after = node.next_sibling
    for guard_lo, guard_hi in cx.repaired_in(node.end_byte, after.start_byte if after is not None else node.end_byte,
                                             b"if"):
        cond = syntax.parse_condition(cx.src, guard_lo, guard_hi)
        if cond is None:
            cx.found.discard(guard_lo)
        else:
            pat = Pat(PatKind.Guard(pat, _expr.lower_expr(cx, cond)), (pat.span[0], cond.end_byte))
    return pat


def _ident(cx: LowerCx, node: SyntaxNode) -> Pat:
    return Pat(PatKind.Ident(BY_VALUE, cx.ident(node), None), span(node))


def _binding(cx: LowerCx, node: SyntaxNode | None, by_ref: Mutability | None, mutbl: Mutability) -> Pat:
    """`node` under `ref`/`mut` wrappers: an identifier or `x @ sub` gets the binding
    mode; anything else keeps its own shape (rustc reports the misuse)."""
    if node is None:
        return Pat(PatKind.Err(), (0, 0))
    if node.type in (K.IDENTIFIER, K.SELF, K.SHORTHAND_FIELD_IDENTIFIER):
        return Pat(PatKind.Ident(BindingMode(by_ref, mutbl), cx.ident(node), None), span(node))
    if node.type == K.CAPTURED_PATTERN:
        return _captured(cx, node, BindingMode(by_ref, mutbl))
    if node.type == K.MUT_PATTERN:
        return _binding(cx, _sub_pattern(node), by_ref, Mutability.Mut)
    return lower_pat(cx, node)


def _mut(cx: LowerCx, node: SyntaxNode) -> Pat:
    inner = _sub_pattern(node)
    if inner is None:
        return Pat(PatKind.Err(), span(node))
    if inner.type == K.REF_PATTERN:  # `mut ref x`
        pat = _binding(cx, _sub_pattern(inner), Mutability.Not, Mutability.Mut)
    else:
        pat = _binding(cx, inner, None, Mutability.Mut)
    pat.span = span(node)
    return pat


def _ref(cx: LowerCx, node: SyntaxNode) -> Pat:
    inner = _sub_pattern(node)
    if inner is None:
        return Pat(PatKind.Err(), span(node))
    if inner.type == K.MUT_PATTERN:  # `ref mut x`
        pat = _binding(cx, _sub_pattern(inner), Mutability.Mut, Mutability.Not)
    else:
        pat = _binding(cx, inner, Mutability.Not, Mutability.Not)
    pat.span = span(node)
    return pat


def _captured(cx: LowerCx, node: SyntaxNode, mode: BindingMode = BY_VALUE) -> Pat:
    name = next(c for c in node.children if c.is_named)
    inner = _sub_pattern(node)
    sub = lower_pat(cx, inner) if inner is not None and inner != name else None
    return Pat(PatKind.Ident(mode, cx.ident(name), sub), span(node))


def _wild(cx: LowerCx, node: SyntaxNode) -> Pat:
    return Pat(PatKind.Wild(), span(node))


def _rest(cx: LowerCx, node: SyntaxNode) -> Pat:
    return Pat(PatKind.Rest(), span(node))


def _elements(cx: LowerCx, node: SyntaxNode) -> list[Pat]:
    return [lower_pat(cx, c) for c in node.children
            if (c.is_named and c.type not in COMMENTS) or c.type == K.UNDERSCORE]


def _tuple(cx: LowerCx, node: SyntaxNode) -> Pat:
    pats = _elements(cx, node)
    kids = node.children
    if len(pats) == 1 and not (len(kids) >= 2 and kids[-2].type == K.COMMA):
        return Pat(PatKind.Paren(pats[0]), span(node))
    return Pat(PatKind.Tuple(pats), span(node))


def _slice(cx: LowerCx, node: SyntaxNode) -> Pat:
    return Pat(PatKind.Slice(_elements(cx, node)), span(node))


def _tuple_struct(cx: LowerCx, node: SyntaxNode) -> Pat:
    path_node = required(node, F.TYPE)
    qself, path = _ty.lower_path(cx, path_node)
    pats = [lower_pat(cx, c) for c in node.children
            if (c.is_named or c.type == K.UNDERSCORE) and c != path_node and c.type not in COMMENTS]
    return Pat(PatKind.TupleStruct(qself, path, pats), span(node))


def _struct(cx: LowerCx, node: SyntaxNode) -> Pat:
    path_node = required(node, F.TYPE)
    qself, path = _ty.lower_path(cx, path_node)
    fields: list[PatField] = []
    rest = PatFieldsRest.None_
    attrs: list = []
    index = None  # `0:` before a field: tree-sitter knows no numbered fields (`T { 0: a }`)
    for child in node.children:
        kind = child.type
        if kind == K.FIELD_PATTERN:
            if cx.repaired and (before := child.prev_sibling) is not None:  # `let S { #[cfg(x)] a } = s;`
                attrs = attrs + _attr.blanked_attrs(cx, before.end_byte, child.start_byte)
            field = _field(cx, child, attrs)
            if index is not None and field.is_shorthand:
                number = index.named_children[0]
                field.ident = cx.ident(number)
                field.is_shorthand = False
                field.span = (index.start_byte, field.span[1])
                cx.read_after_all(index)
            fields.append(field)
            attrs = []
            index = None
            continue
        index = None
        if kind == K.ERROR and child.named_child_count == 1 and child.named_children[0].type == K.INTEGER_LITERAL \
                and cx.text(child).replace(" ", "").endswith(":"):
            index = child
        elif kind == K.REMAINING_FIELD_PATTERN:
            rest = PatFieldsRest.Rest
        elif kind == K.ATTRIBUTE_ITEM or _attr.is_doc_comment(cx, child):
            attrs.append(_attr.lower_attr(cx, child))
    return Pat(PatKind.Struct(qself, path, fields, rest), span(node))


def _field(cx: LowerCx, node: SyntaxNode, attrs: list) -> PatField:
    name = required(node, F.NAME)
    pattern = optional(node, F.PATTERN)
    if pattern is not None:
        return PatField(cx.ident(name), lower_pat(cx, pattern), False, attrs, span(node))
    by_ref = None
    mutbl = Mutability.Not
    for child in node.children:
        if child.type == K.REF:
            by_ref = Mutability.Not
        elif child.type == K.MUTABLE_SPECIFIER:
            if by_ref is not None:
                by_ref = Mutability.Mut
            else:
                mutbl = Mutability.Mut
    ident = cx.ident(name)
    pat = Pat(PatKind.Ident(BindingMode(by_ref, mutbl), ident, None), span(node))
    return PatField(ident, pat, True, attrs, span(node))


def _reference(cx: LowerCx, node: SyntaxNode) -> Pat:
    mutbl = Mutability.Mut if any(c.type == K.MUTABLE_SPECIFIER for c in node.children) else Mutability.Not
    return Pat(PatKind.Ref(lower_pat(cx, _sub_pattern(node)), Pinnedness.Not, mutbl), span(node))


def _sub_pattern(node: SyntaxNode) -> SyntaxNode | None:
    """The pattern inside `&p`, `ref p`, `mut p`: the last child that is a pattern
    (`_` is an anonymous node to tree-sitter)."""
    for child in reversed(node.children):
        if (child.is_named and child.type not in COMMENTS and child.type != K.MUTABLE_SPECIFIER) \
                or child.type == K.UNDERSCORE:
            return child
    return None


def _or(cx: LowerCx, node: SyntaxNode) -> Pat:
    pats: list[Pat] = []
    stack = [node]
    while stack:  # flatten left-nested `a | b | c`
        cur = stack.pop()
        if cur.type == K.OR_PATTERN:
            stack.extend(reversed([c for c in cur.children
                                   if (c.is_named or c.type == K.UNDERSCORE) and c.type not in COMMENTS]))
        else:
            pats.append(lower_pat(cx, cur))
    return Pat(PatKind.Or(pats), span(node))  # `| a` too; a leading `|` is inside rustc's span


def _leading_vert(cx: LowerCx, node: SyntaxNode) -> Pat:
    """`(| A(x) | B(x))`: tree-sitter reads a pattern that starts with `|` inside
    parentheses or brackets as a closure; read alone, it is an or-pattern whose span
    starts at the `|`."""
    inner = syntax.parse_pattern(cx.src, node.start_byte, node.end_byte)
    if inner is None:
        cx.unreadable(span(node), "pattern")
        return Pat(PatKind.Err(), span(node))
    pat = lower_pat(cx, inner)
    if type(pat.kind) is not PatKind.Or:
        pat = Pat(PatKind.Or([pat]), pat.span)
    pat.span = (node.start_byte, pat.span[1])
    return pat


def _path(cx: LowerCx, node: SyntaxNode) -> Pat:
    qself, path = _ty.lower_path(cx, node)
    return Pat(PatKind.Path(qself, path), span(node))


def _expr_pat(cx: LowerCx, node: SyntaxNode) -> Pat:
    """A literal or `const { .. }` pattern."""
    return Pat(PatKind.Expr(_expr.lower_expr(cx, node)), span(node))


def _negative(cx: LowerCx, node: SyntaxNode) -> Pat:
    return Pat(PatKind.Expr(_negative_expr(cx, node)), span(node))


def _negative_expr(cx: LowerCx, node: SyntaxNode) -> Expr:
    lit = _expr.lower_expr(cx, node.named_children[-1])
    return Expr(ExprKind.Unary(UnOp.Neg, lit), span(node), ())


def _range_end(cx: LowerCx, node: SyntaxNode) -> Expr:
    if node.type == K.NEGATIVE_LITERAL:
        return _negative_expr(cx, node)
    if node.type in LITERALS:
        return _expr.lower_expr(cx, node)
    qself, path = _ty.lower_path(cx, node)
    return Expr(ExprKind.Path(qself, path), span(node), ())


def _range(cx: LowerCx, node: SyntaxNode) -> Pat:
    left = optional(node, F.LEFT)
    right = optional(node, F.RIGHT)
    op = next(c for c in node.children if c.type in (K.DOT_DOT, K.DOT_DOT_EQ, K.DOT_DOT_DOT))
    op_span = span(op)
    if op.type == K.DOT_DOT_EQ or (op.type == K.DOT_DOT and cx.src[op.end_byte:op.end_byte + 1] == b"="):
        # `..=` is parsed as `.. ` (see syntax/parser.py): look at the real text.
        end_kind, syntax, op_span = RangeEnd.Included, RangeSyntax.DotDotEq, (op.start_byte, op.end_byte + 1)
    elif op.type == K.DOT_DOT_DOT:
        end_kind, syntax = RangeEnd.Included, RangeSyntax.DotDotDot
    else:
        end_kind, syntax = RangeEnd.Excluded, None
    return Pat(PatKind.Range(_range_end(cx, left) if left is not None else None,
                             _range_end(cx, right) if right is not None else None,
                             end_kind, syntax, op_span), span(node))


def _mac(cx: LowerCx, node: SyntaxNode) -> Pat:
    return Pat(PatKind.MacCall(_expr.lower_mac_call(cx, node)), span(node))


PAT: dict[str, Callable[[LowerCx, SyntaxNode], Pat]] = {
    K.IDENTIFIER: _ident,
    K.SELF: _ident,
    K.MUT_PATTERN: _mut,
    K.REF_PATTERN: _ref,
    K.CAPTURED_PATTERN: _captured,
    K.UNDERSCORE: _wild,
    K.REMAINING_FIELD_PATTERN: _rest,
    K.TUPLE_PATTERN: _tuple,
    K.SLICE_PATTERN: _slice,
    K.TUPLE_STRUCT_PATTERN: _tuple_struct,
    K.STRUCT_PATTERN: _struct,
    K.REFERENCE_PATTERN: _reference,
    K.OR_PATTERN: _or,
    K.CLOSURE_EXPRESSION: _leading_vert,
    K.SCOPED_IDENTIFIER: _path,
    K.GENERIC_PATTERN: _path,
    K.NEGATIVE_LITERAL: _negative,
    K.RANGE_PATTERN: _range,
    K.CONST_BLOCK: _expr_pat,
    K.MACRO_INVOCATION: _mac,
    **{kind: _expr_pat for kind in LITERALS},
}
