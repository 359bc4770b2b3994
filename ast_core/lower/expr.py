"""Lowering of expressions, blocks and statements: rustc's shapes, not the grammar's.

Repairs tree-sitter needs (ast-model.md §5): `a.f(x)` is a `call_expression` over a
`field_expression` (rustc: `MethodCall`); `&raw const x` and `c"…"` hide in anonymous
tokens; `{ .. } ;` is a statement plus an empty statement (rustc: one `Semi`); let chains
are flat (rustc: left-nested `&&`). Left-nested operator chains are lowered in a loop,
not by recursion, so a 10 000-term `a + b + …` is no deeper than `a + b`.
"""

from __future__ import annotations

from collections.abc import Sequence

import re
from bisect import bisect_left

from ..model import (
    AnonConst,
    AnyExprKind,
    AnyLocalKind,
    AnyStructRest,
    Arm,
    AssignOpKind,
    BinOpKind,
    Block,
    BlockCheckMode,
    BorrowKind,
    CaptureBy,
    ClosureBinder,
    Const,
    CoroutineKind,
    DelimArgs,
    Delimiter,
    Expr,
    ExprField,
    ExprKind,
    FnDecl,
    FnRetTy,
    ForLoopKind,
    GenBlockKind,
    Ident,
    Label,
    Lit,
    LitKind,
    Local,
    LocalKind,
    MacCall,
    MacStmtStyle,
    MatchKind,
    Movability,
    BindingMode,
    Mutability,
    Param,
    PatKind,
    Path,
    PathSegment,
    RangeLimits,
    Stmt,
    StmtKind,
    StructRest,
    Ty,
    TyKind,
    UnOp,
    YieldKind,
)
from ..patterns import lazy_regex
from .. import syntax
from ..syntax import SyntaxNode, fields as F, kinds as K, optional, required
from ..tokens import Token, token_trees, tokenize
from . import attr as _attr
from . import item as _item
from . import pat as _pat
from . import ty as _ty
from .cx import COMMENTS, LITERALS, LowerCx, single_path, span

BIN_OPS = {
    K.PLUS: BinOpKind.Add, K.DASH: BinOpKind.Sub, K.STAR: BinOpKind.Mul, K.SLASH: BinOpKind.Div,
    K.PERCENT: BinOpKind.Rem, K.AMP_AMP: BinOpKind.And, K.PIPE_PIPE: BinOpKind.Or, K.CARET: BinOpKind.BitXor,
    K.AMP: BinOpKind.BitAnd, K.PIPE: BinOpKind.BitOr, K.LT_LT: BinOpKind.Shl, K.GT_GT: BinOpKind.Shr,
    K.EQ_EQ: BinOpKind.Eq, K.LT: BinOpKind.Lt, K.LT_EQ: BinOpKind.Le, K.BANG_EQ: BinOpKind.Ne,
    K.GT_EQ: BinOpKind.Ge, K.GT: BinOpKind.Gt,
}
ASSIGN_OPS = {
    K.PLUS_EQ: AssignOpKind.AddAssign, K.DASH_EQ: AssignOpKind.SubAssign, K.STAR_EQ: AssignOpKind.MulAssign,
    K.SLASH_EQ: AssignOpKind.DivAssign, K.PERCENT_EQ: AssignOpKind.RemAssign, K.CARET_EQ: AssignOpKind.BitXorAssign,
    K.AMP_EQ: AssignOpKind.BitAndAssign, K.PIPE_EQ: AssignOpKind.BitOrAssign,
    K.LT_LT_EQ: AssignOpKind.ShlAssign, K.GT_GT_EQ: AssignOpKind.ShrAssign,
}
UN_OPS = {K.DASH: UnOp.Neg, K.STAR: UnOp.Deref, K.BANG: UnOp.Not}
DELIMS = {K.LPAREN: Delimiter.Parenthesis, K.LBRACK: Delimiter.Bracket, K.LBRACE: Delimiter.Brace}
_INT = lazy_regex(r"(0x[0-9a-fA-F_]*|0o[0-7_]*|0b[01_]*|[0-9][0-9_]*)(.*)", re.S)
_FLOAT = lazy_regex(r"([0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]*[0-9][0-9_]*)?)(.*)", re.S)


def lower_expr(cx: LowerCx, node: SyntaxNode | None) -> Expr:
    if node is None:
        return Expr(ExprKind.Err(), (0, 0), ())
    fn = EXPR.get(node.type)
    if fn is None:
        return Expr(ExprKind.Err(), span(node), ())
    expr = fn(cx, node)
    if cx.repaired and (at := bisect_left(cx.repaired, (node.end_byte, 0))) < len(cx.repaired):
        lo, hi = cx.repaired[at]
        if lo == node.end_byte and lo not in cx.found and cx.src.startswith(b".match", lo):
            return _postfix_match(cx, expr, lo, hi)
    return expr


def _postfix_match(cx: LowerCx, scrutinee: Expr, lo: int, hi: int) -> Expr:
    """`x.match { .. }` after `scrutinee`, which `syntax.parse` spelled as spaces, read
    alone; one that does not read stays unfound."""
    node = syntax.parse_postfix_match(cx.src, lo, hi)
    if node is None:
        return scrutinee
    cx.found.add(lo)
    body = optional(node, F.BODY)
    arms = [lower_arm(cx, c) for c in body.named_children if c.type == K.MATCH_ARM] if body else []
    return Expr(ExprKind.Match(scrutinee, arms, MatchKind.Postfix), (scrutinee.span[0], hi), ())


def _err(cx: LowerCx, node: SyntaxNode) -> Expr:
    return Expr(ExprKind.Err(), span(node), ())


# ----------------------------------------------------------------------------------
# Paths and literals


def _path(cx: LowerCx, node: SyntaxNode) -> Expr:
    qself, path = _ty.lower_path(cx, node)
    return Expr(ExprKind.Path(qself, path), span(node), ())


def _ident(cx: LowerCx, node: SyntaxNode) -> Expr:
    s, e = node.start_byte, node.end_byte
    if e - s == 1 and cx.src[s] == 95:  # `_`, as in `_ = f()`
        return Expr(ExprKind.Underscore(), (s, e), ())
    return Expr(ExprKind.Path(None, single_path(cx.ident(node, "expression"))), (s, e), ())


def lower_lit(cx: LowerCx, node: SyntaxNode) -> Lit:
    text = cx.text(node)
    kind = node.type
    if kind == K.INTEGER_LITERAL:
        m = _INT().match(text)
        assert m is not None  # an integer literal starts with a digit
        return Lit(LitKind.Integer, m.group(1), m.group(2) or None, 0)
    if kind == K.FLOAT_LITERAL:
        m = _FLOAT().match(text)
        assert m is not None  # a float literal starts with a digit
        return Lit(LitKind.Float, m.group(1), m.group(2) or None, 0)
    if kind == K.BOOLEAN_LITERAL:
        return Lit(LitKind.Bool, text, None, 0)
    if kind == K.CHAR_LITERAL:
        if text.startswith("b"):
            return Lit(LitKind.Byte, text[2:-1], None, 0)
        return Lit(LitKind.Char, text[1:-1], None, 0)
    if kind == K.STRING_LITERAL:
        prefix = text[0]
        close = text.rfind('"')
        body = text[text.index('"') + 1:close] if close > 0 else text[1:]
        suffix = text[close + 1:] or None if close > 0 else None
        lit_kind = {"b": LitKind.ByteStr, "c": LitKind.CStr}.get(prefix, LitKind.Str)
        return Lit(lit_kind, body, suffix, 0)
    if kind == K.RAW_STRING_LITERAL:
        prefix = text[: text.index("r")]
        hashes = len(text) - len(text.rstrip("#"))
        open_quote = text.index('"')
        body = text[open_quote + 1: len(text) - hashes - 1]
        lit_kind = {"b": LitKind.ByteStrRaw, "c": LitKind.CStrRaw}.get(prefix, LitKind.StrRaw)
        return Lit(lit_kind, body, None, hashes)
    return Lit(LitKind.Err, text, None, 0)


def _lit(cx: LowerCx, node: SyntaxNode) -> Expr:
    return Expr(ExprKind.Lit(lower_lit(cx, node)), span(node), ())


# ----------------------------------------------------------------------------------
# Operators


def _unary(cx: LowerCx, node: SyntaxNode) -> Expr:
    kids = node.children
    op = UN_OPS.get(kids[0].type)
    if op is None or len(kids) < 2:
        return _err(cx, node)
    return Expr(ExprKind.Unary(op, lower_expr(cx, kids[-1])), span(node), ())


def _reference(cx: LowerCx, node: SyntaxNode) -> Expr:
    kind, mutbl = BorrowKind.Ref, Mutability.Not
    for child in node.children:
        t = child.type
        if t == K.RAW:
            kind = BorrowKind.Raw
        elif t == K.MUTABLE_SPECIFIER:
            mutbl = Mutability.Mut
    if kind is BorrowKind.Ref and _ty.is_pinned(cx, node):
        kind = BorrowKind.Pin
    return Expr(ExprKind.AddrOf(kind, mutbl, lower_expr(cx, optional(node, F.VALUE))),
                span(node), ())


def _binary(cx: LowerCx, node: SyntaxNode) -> Expr:
    # Descend the left spine iteratively, then build from the innermost operation out.
    spine = []
    cur = node
    while cur.type == K.BINARY_EXPRESSION:
        spine.append(cur)
        left = optional(cur, F.LEFT)
        if left is None:
            break
        cur = left
    if cur.type == K.RANGE_EXPRESSION and _open_range_before(cx, cur, spine[-1]):
        return _range_with_prefix_operator(cx, cur, spine)
    acc = lower_expr(cx, cur) if cur.type != K.BINARY_EXPRESSION else _err(cx, cur)
    for bin_node in reversed(spine):
        op = optional(bin_node, F.OPERATOR)
        rhs = lower_expr(cx, optional(bin_node, F.RIGHT))
        op_kind = BIN_OPS.get(op.type) if op is not None else None
        if op is None or op_kind is None:
            acc = Expr(ExprKind.Err(), span(bin_node), ())
            continue
        acc = Expr(ExprKind.Binary(op_kind, span(op), acc, rhs), span(bin_node), ())
    return acc


_PREFIX_OPS = {K.DASH: UnOp.Neg, K.STAR: UnOp.Deref, K.AMP: None}


def _open_range_before(cx: LowerCx, rng: SyntaxNode, bin_node: SyntaxNode) -> bool:
    """`a..` as the left operand of `-`, `*` or `&`: tree-sitter's reading of
    `a..-b`, `a..*p`, `a..&x`, where rustc's range ends in a prefix expression."""
    kids = rng.children
    op = optional(bin_node, F.OPERATOR)
    return bool(kids) and kids[-1].type in (K.DOT_DOT, K.DOT_DOT_DOT) and op is not None and op.type in _PREFIX_OPS


def _range_with_prefix_operator(cx: LowerCx, rng: SyntaxNode, spine: Sequence[SyntaxNode]) -> Expr:
    """Rebuild `a.. OP x op2 y` as rustc parses it: `a..((OP x) op2 y)`; the prefix
    operator binds to the leftmost operand of `x` (tighter than binary operators and
    casts, looser than calls, fields and indexing)."""
    start_kids = [c for c in rng.named_children if c.type not in COMMENTS]
    start = lower_expr(cx, start_kids[0]) if start_kids else None
    dots = rng.children[-1]
    first = spine[-1]
    op = required(first, F.OPERATOR)
    end = _prefix(op, lower_expr(cx, optional(first, F.RIGHT)))
    for bin_node in reversed(spine[:-1]):
        bin_op = optional(bin_node, F.OPERATOR)
        rhs = lower_expr(cx, optional(bin_node, F.RIGHT))
        kind = BIN_OPS.get(bin_op.type) if bin_op is not None else None
        if bin_op is None or kind is None:
            return _err(cx, spine[0])
        end = Expr(ExprKind.Binary(kind, span(bin_op), end, rhs), (end.span[0], rhs.span[1]), ())
    closed = dots.type == K.DOT_DOT_DOT or cx.src[dots.end_byte:dots.end_byte + 1] == b"="
    return Expr(ExprKind.Range(start, end, RangeLimits.Closed if closed else RangeLimits.HalfOpen),
                span(spine[0]), ())


def _prefix(op: SyntaxNode, expr: Expr) -> Expr:
    kind = expr.kind
    if isinstance(kind, (ExprKind.Binary, ExprKind.Cast)):  # binds to the leftmost operand
        if isinstance(kind, ExprKind.Binary):
            kind.lhs = _prefix(op, kind.lhs)
        else:
            kind.expr = _prefix(op, kind.expr)
        expr.span = (op.start_byte, expr.span[1])
        return expr
    unop = _PREFIX_OPS[op.type]
    new_kind = (ExprKind.Unary(unop, expr) if unop is not None
                else ExprKind.AddrOf(BorrowKind.Ref, Mutability.Not, expr))
    return Expr(new_kind, (op.start_byte, expr.span[1]), ())


def _assign(cx: LowerCx, node: SyntaxNode) -> Expr:
    """`a = b`, `a += b`. tree-sitter nests `a = b = c` to the left; rustc's
    assignments are right-associative: `a = (b = c)`."""
    ops: list[SyntaxNode] = []  # the assignment nodes, innermost (leftmost operator) last
    operands: list[SyntaxNode | None] = []
    cur: SyntaxNode | None = node
    while cur is not None and cur.type in _ASSIGNS:
        ops.append(cur)
        operands.append(optional(cur, F.RIGHT))
        cur = optional(cur, F.LEFT)
    operands.append(cur)
    ops.reverse()
    operands.reverse()  # operands[i] op(ops[i]) operands[i + 1]
    acc = lower_expr(cx, operands[-1])
    for op_node, left_node in zip(reversed(ops), reversed(operands[:-1]), strict=True):
        left = lower_expr(cx, left_node)
        where = (left_node.start_byte if left_node is not None else op_node.start_byte, acc.span[1])
        if op_node.type == K.ASSIGNMENT_EXPRESSION:
            eq = next((c for c in op_node.children if c.type == K.EQ), None)
            if eq is not None and cx.repaired and (value_attrs := _attr.blanked_attrs(cx, eq.end_byte, acc.span[0])):
                give_outer_attrs(acc, value_attrs)  # `x = #[a] y`
            acc = Expr(ExprKind.Assign(left, acc, span(eq) if eq is not None else span(op_node)), where, ())
            continue
        op = optional(op_node, F.OPERATOR)
        op_kind = ASSIGN_OPS.get(op.type) if op is not None else None
        if op is None or op_kind is None:
            cx.unreadable(span(op_node), "assignment")
            return _err(cx, node)
        acc = Expr(ExprKind.AssignOp(op_kind, span(op), left, acc), where, ())
    return acc


_ASSIGNS = (K.ASSIGNMENT_EXPRESSION, K.COMPOUND_ASSIGNMENT_EXPR)


def _cast(cx: LowerCx, node: SyntaxNode) -> Expr:
    return Expr(ExprKind.Cast(lower_expr(cx, optional(node, F.VALUE)),
                              _ty.lower_ty(cx, optional(node, F.TYPE))), span(node), ())


def _range(cx: LowerCx, node: SyntaxNode) -> Expr:
    start = end = None
    limits = RangeLimits.HalfOpen
    seen_op = False
    for child in node.children:
        t = child.type
        if t in (K.DOT_DOT, K.DOT_DOT_DOT, K.DOT_DOT_EQ):
            seen_op = True
            # `..=` is parsed as `.. ` (see syntax/parser.py): look at the real text.
            closed = t != K.DOT_DOT or cx.src[child.end_byte:child.end_byte + 1] == b"="
            limits = RangeLimits.Closed if closed else RangeLimits.HalfOpen
        elif child.is_named and t not in COMMENTS:
            if seen_op:
                end = lower_expr(cx, child)
            else:
                start = lower_expr(cx, child)
    return Expr(ExprKind.Range(start, end, limits), span(node), ())


# ----------------------------------------------------------------------------------
# Calls, fields, indexing


def _call(cx: LowerCx, node: SyntaxNode) -> Expr:
    func = optional(node, F.FUNCTION)
    args_node = optional(node, F.ARGUMENTS)
    args = _expr_list(cx, args_node) if args_node is not None else []
    if func is not None:
        seg_args = None
        callee = func
        if func.type == K.GENERIC_FUNCTION:
            inner = optional(func, F.FUNCTION)
            if inner is not None and inner.type == K.FIELD_EXPRESSION:
                targs = optional(func, F.TYPE_ARGUMENTS)
                seg_args = _ty.lower_generic_args(cx, targs) if targs is not None else None
                callee = inner
        if callee.type == K.FIELD_EXPRESSION:
            field = optional(callee, F.FIELD)
            if field is not None and field.type == K.FIELD_IDENTIFIER:
                receiver = lower_expr(cx, optional(callee, F.VALUE))
                seg = PathSegment(cx.ident(field), seg_args)
                return Expr(ExprKind.MethodCall(seg, receiver, args, (field.start_byte, node.end_byte)),
                            span(node), ())
    return Expr(ExprKind.Call(lower_expr(cx, func), args), span(node), ())


def _expr_list(cx: LowerCx, node: SyntaxNode) -> list[Expr]:
    """The expressions of `(a, #[attr] b)` / `[a, b]`, with their outer attributes."""
    out: list[Expr] = []
    attrs: list = []
    for child in node.children:
        if not child.is_named:
            continue
        if _item.is_outer_attr(cx, child):
            attrs.append(_attr.lower_attr(cx, child))
        elif child.type not in COMMENTS:
            expr = lower_expr(cx, child)
            if attrs:
                expr.attrs = attrs
                attrs = []
            out.append(expr)
    return out


def _field(cx: LowerCx, node: SyntaxNode) -> Expr:
    value = lower_expr(cx, optional(node, F.VALUE))
    field = optional(node, F.FIELD)
    if field is None:
        return _err(cx, node)
    name = cx.text(field)
    if field.type == K.FIELD_IDENTIFIER and name == "yield":
        return Expr(ExprKind.Yield(YieldKind.Postfix, value), span(node), ())
    if field.type == K.FIELD_IDENTIFIER and name == "use":
        return Expr(ExprKind.Use(value, span(field)), span(node), ())
    return Expr(ExprKind.Field(value, Ident(name, span(field))), span(node), ())


def _await(cx: LowerCx, node: SyntaxNode) -> Expr:
    kw = next((c for c in node.children if c.type == K.AWAIT), None)
    inner = node.named_children[0]
    return Expr(ExprKind.Await(lower_expr(cx, inner), span(kw) if kw is not None else span(node)),
                span(node), ())


def _index(cx: LowerCx, node: SyntaxNode) -> Expr:
    named = [c for c in node.named_children if c.type not in COMMENTS]
    if len(named) < 2:
        return _err(cx, node)
    bracket = next((c for c in node.children if c.type == K.LBRACK), None)
    lo = bracket.start_byte if bracket is not None else named[1].start_byte
    return Expr(ExprKind.Index(lower_expr(cx, named[0]), lower_expr(cx, named[1]), (lo, node.end_byte)),
                span(node), ())


def _try(cx: LowerCx, node: SyntaxNode) -> Expr:
    return Expr(ExprKind.Try(lower_expr(cx, node.named_children[0])), span(node), ())


# ----------------------------------------------------------------------------------
# Aggregates


def _array(cx: LowerCx, node: SyntaxNode) -> Expr:
    length = optional(node, F.LENGTH)
    if length is not None:
        elems = [c for c in node.named_children if c.type not in COMMENTS and c.type != K.ATTRIBUTE_ITEM]
        return Expr(ExprKind.Repeat(lower_expr(cx, elems[0]), AnonConst(lower_expr(cx, length))),
                    span(node), ())
    return Expr(ExprKind.Array(_expr_list(cx, node)), span(node), ())


def _tuple(cx: LowerCx, node: SyntaxNode) -> Expr:
    return Expr(ExprKind.Tup(_expr_list(cx, node)), span(node), ())


def _unit(cx: LowerCx, node: SyntaxNode) -> Expr:
    return Expr(ExprKind.Tup([]), span(node), ())


def _paren(cx: LowerCx, node: SyntaxNode) -> Expr:
    inner = _operand(cx, node)
    if inner is None:
        return _err(cx, node)
    return Expr(ExprKind.Paren(lower_expr(cx, inner)), span(node), ())


def _struct(cx: LowerCx, node: SyntaxNode) -> Expr:
    qself, path = _ty.lower_path(cx, required(node, F.NAME))
    fields: list[ExprField] = []
    rest: AnyStructRest = StructRest.None_()
    body = optional(node, F.BODY)
    for child in body.named_children if body is not None else ():
        t = child.type
        if t == K.FIELD_INITIALIZER:
            attrs = _attr.leading_attrs(cx, child)
            field = required(child, F.FIELD)
            value = optional(child, F.VALUE)
            fields.append(ExprField(attrs, (field.start_byte, child.end_byte), cx.ident(field),
                                    lower_expr(cx, value), False))
        elif t == K.SHORTHAND_FIELD_INITIALIZER:
            attrs = _attr.leading_attrs(cx, child)
            name = child.named_children[-1]
            fields.append(ExprField(attrs, span(name), cx.ident(name), _ident(cx, name), True))
        elif t == K.BASE_FIELD_INITIALIZER:
            inner = child.named_children
            rest = StructRest.Base(lower_expr(cx, inner[-1])) if inner else StructRest.Rest(span(child))
        elif t == K.ERROR and cx.src[child.start_byte:child.end_byte] == b".." and child.next_sibling is not None \
                and child.next_sibling.type == K.RBRACE:  # `S { a: 1, .. }` (default field values)
            rest = StructRest.Rest(span(child))
            cx.read_after_all(child)
    return Expr(ExprKind.Struct(qself, path, fields, rest), span(node), ())


# ----------------------------------------------------------------------------------
# Control flow


def lower_label(cx: LowerCx, node: SyntaxNode) -> Label:
    return Label(cx.ident(node))


def _label_of(cx: LowerCx, node: SyntaxNode) -> Label | None:
    for child in node.children:
        if child.type == K.LABEL:
            return lower_label(cx, child)
    return None


def _operand(cx: LowerCx, node: SyntaxNode) -> SyntaxNode | None:
    """The one operand of `return e`, `yield e`, `(e)`."""
    inner = [c for c in node.named_children if c.type not in COMMENTS]
    return inner[-1] if inner else None


def _return(cx: LowerCx, node: SyntaxNode) -> Expr:
    inner = _operand(cx, node)
    return Expr(ExprKind.Ret(lower_expr(cx, inner) if inner is not None else None), span(node), ())


def _yield(cx: LowerCx, node: SyntaxNode) -> Expr:
    inner = _operand(cx, node)
    return Expr(ExprKind.Yield(YieldKind.Prefix, lower_expr(cx, inner) if inner is not None else None),
                span(node), ())


def _break(cx: LowerCx, node: SyntaxNode) -> Expr:
    label = None
    value = None
    for child in node.named_children:
        if child.type == K.LABEL:
            label = lower_label(cx, child)
        elif child.type not in COMMENTS:
            value = lower_expr(cx, child)
    return Expr(ExprKind.Break(label, value), span(node), ())


def _continue(cx: LowerCx, node: SyntaxNode) -> Expr:
    return Expr(ExprKind.Continue(_label_of(cx, node)), span(node), ())


def lower_cond(cx: LowerCx, node: SyntaxNode | None) -> Expr:
    """An `if`/`while`/guard condition: an expression, `let p = e`, or a let chain."""
    if node is None:
        return Expr(ExprKind.Err(), (0, 0), ())
    if node.type == K.LET_CONDITION:
        return _let(cx, node)
    if node.type == K.LET_CHAIN:
        parts = [c for c in node.children if c.is_named and c.type not in COMMENTS]
        ops = [c for c in node.children if c.type == K.AMP_AMP]
        acc = lower_cond(cx, parts[0])
        for op, part in zip(ops, parts[1:], strict=False):  # (a chain tree-sitter recovered may lack one)
            rhs = lower_cond(cx, part)
            acc = Expr(ExprKind.Binary(BinOpKind.And, span(op), acc, rhs), (acc.span[0], rhs.span[1]), ())
        return acc
    return lower_expr(cx, node)


def _let(cx: LowerCx, node: SyntaxNode) -> Expr:
    pat = _pat.lower_pat(cx, optional(node, F.PATTERN))
    value = lower_expr(cx, optional(node, F.VALUE))
    return Expr(ExprKind.Let(pat, value, span(node), False), span(node), ())


def _if(cx: LowerCx, node: SyntaxNode) -> Expr:
    cond = lower_cond(cx, optional(node, F.CONDITION))
    then = lower_block(cx, optional(node, F.CONSEQUENCE))[0]
    els = None
    alt = optional(node, F.ALTERNATIVE)
    if alt is not None:
        inner = [c for c in alt.named_children if c.type not in COMMENTS]
        if inner:
            els = lower_expr(cx, inner[0])
    return Expr(ExprKind.If(cond, then, els), span(node), ())


def _match(cx: LowerCx, node: SyntaxNode) -> Expr:
    scrutinee = lower_expr(cx, optional(node, F.VALUE))
    body = optional(node, F.BODY)
    arms = [lower_arm(cx, c) for c in body.named_children if c.type == K.MATCH_ARM] if body else []
    return Expr(ExprKind.Match(scrutinee, arms, MatchKind.Prefix), span(node), ())


def lower_arm(cx: LowerCx, node: SyntaxNode) -> Arm:
    """`pat if guard => body,`; the span runs from the pattern to the body."""
    attrs = _attr.leading_attrs(cx, node)
    mp = optional(node, F.PATTERN)
    value = optional(node, F.VALUE)
    pat_node = None
    guard = None
    if mp is not None:
        pat_node = next((c for c in mp.children if c.is_named and c.type not in COMMENTS
                         and c != optional(mp, F.CONDITION)), None)
        if pat_node is None:
            pat_node = next((c for c in mp.children if c.type == K.UNDERSCORE), None)
        cond = optional(mp, F.CONDITION)
        guard = lower_cond(cx, cond) if cond is not None else None
    pat = _pat.lower_pat(cx, pat_node) if pat_node is not None else _pat.lower_pat(cx, mp)
    body = lower_expr(cx, value) if value is not None else None
    lo = pat.span[0] if mp is not None else node.start_byte
    hi = body.span[1] if body is not None else node.end_byte
    return Arm(attrs, pat, guard, body, (lo, hi))


def _while(cx: LowerCx, node: SyntaxNode) -> Expr:
    cond = lower_cond(cx, optional(node, F.CONDITION))
    body = lower_block(cx, optional(node, F.BODY))[0]
    return Expr(ExprKind.While(cond, body, _label_of(cx, node)), span(node), ())


def _loop(cx: LowerCx, node: SyntaxNode) -> Expr:
    body = lower_block(cx, optional(node, F.BODY))[0]
    kw = next((c for c in node.children if c.type == K.LOOP), None)
    return Expr(ExprKind.Loop(body, _label_of(cx, node), span(kw) if kw is not None else span(node)),
                span(node), ())


def _for(cx: LowerCx, node: SyntaxNode) -> Expr:
    pat_node = optional(node, F.PATTERN)
    pat = _pat.lower_pat(cx, pat_node)
    iter_ = lower_expr(cx, optional(node, F.VALUE))
    body = lower_block(cx, optional(node, F.BODY))[0]
    keyword = next((c for c in node.children if c.type == K.FOR), None)
    awaits = (keyword is not None and pat_node is not None
              and _item.blanked_keyword(cx, b"await", keyword.end_byte, pat_node.start_byte) is not None)
    return Expr(ExprKind.ForLoop(pat, iter_, body, _label_of(cx, node),
                                 ForLoopKind.ForAwait if awaits else ForLoopKind.For), span(node), ())


def _closure(cx: LowerCx, node: SyntaxNode) -> Expr:
    capture = CaptureBy.Ref
    movability = Movability.Movable
    coroutine = None
    for child in node.children:
        t = child.type
        if t == K.MOVE:
            capture = CaptureBy.Value
        elif t == K.STATIC:
            movability = Movability.Static
        elif t == K.ASYNC:
            coroutine = CoroutineKind.Async(span(child))
        elif child.is_named:
            break
    params_node = optional(node, F.PARAMETERS)
    ret = optional(node, F.RETURN_TYPE)
    body_node = optional(node, F.BODY)
    params = _closure_params(cx, params_node) if params_node is not None else []
    output = (FnRetTy.Ty(_ty.lower_ty(cx, ret)) if ret is not None
              else FnRetTy.Default((params_node.end_byte, params_node.end_byte) if params_node else span(node)))
    if body_node is None:
        underscore = next((c for c in node.children if c.type == K.UNDERSCORE), None)
        body = (Expr(ExprKind.Underscore(), span(underscore), ()) if underscore is not None
                else _err(cx, node))
    else:
        body = lower_expr(cx, body_node)
    decl_hi = ret.end_byte if ret is not None else (params_node.end_byte if params_node else node.end_byte)
    start = node.start_byte  # before it: `use` (ergonomic clones) and `const`, which `syntax.parse` spelled as spaces
    if (use_at := _item.blanked_keyword(cx, b"use", start - 16, start)) is not None:
        capture, start = CaptureBy.Use, use_at
    constness = Const.No
    if (const_at := _item.blanked_keyword(cx, b"const", start - 16, start)) is not None:
        constness, start = Const.Yes, const_at
    binder, lo = _closure_binder(cx, start)
    return Expr(ExprKind.Closure(binder, capture, constness, coroutine, movability,
                                 FnDecl(params, output), body, (node.start_byte, decl_hi),
                                 span(params_node) if params_node is not None else span(node)),
                (lo, node.end_byte), ())


_BINDER = lazy_regex(rb"(?<![A-Za-z0-9_#])for\s*(<[^<>{};]*>)\s*$")


def _closure_binder(cx: LowerCx, start: int):
    """`for<'a> |x| ..`: the binder `syntax.parse` spelled as spaces before byte `start`,
    and where the closure starts."""
    found = _BINDER().search(cx.src, max(0, start - 64), start)
    if found is None:
        return ClosureBinder.NotPresent(), start
    cx.found.add(found.start())
    if not cx.src[found.start(1) + 1:found.end(1) - 1].strip():  # `for<>`
        return ClosureBinder.For((found.start(), found.end(1)), []), found.start()
    tps = syntax.parse_generic_params(cx.src, found.start(1), found.end(1))
    if tps is None:
        cx.unreadable(found.span(), "closure binder")
        return ClosureBinder.NotPresent(), start
    return ClosureBinder.For((found.start(), found.end(1)), _item.lower_generic_params(cx, tps)), found.start()


def _closure_params(cx: LowerCx, node: SyntaxNode) -> list[Param]:
    out: list[Param] = []
    attrs: list = []
    for child in node.children:
        t = child.type
        if t == K.ATTRIBUTE_ITEM:
            attrs.append(_attr.lower_attr(cx, child))
            continue
        if t == K.ERROR:  # an attribute on a closure parameter, which tree-sitter does not know
            attr_node = syntax.parse_attribute(cx.src, child.start_byte, child.end_byte)
            if attr_node is not None:
                attrs.append(_attr.lower_attr(cx, attr_node))
                cx.read_after_all(child)
            continue
        if not (child.is_named or t == K.UNDERSCORE) or t in COMMENTS:
            continue
        if t == K.PARAMETER:
            param = _item.lower_param(cx, child, attrs)
        else:
            pat = _pat.lower_pat(cx, child)
            param = Param(attrs, Ty(TyKind.Infer(), pat.span), pat, pat.span)
        if attrs:
            param.span = (attrs[0].span[0], param.span[1])
        attrs = []
        out.append(param)
    return out


# ----------------------------------------------------------------------------------
# Blocks


def _block_expr(cx: LowerCx, node: SyntaxNode) -> Expr:
    block, _ = lower_block(cx, node)
    return Expr(ExprKind.Block(block, _label_of(cx, node)), span(node), ())


def _unsafe_block(cx: LowerCx, node: SyntaxNode) -> Expr:
    inner = next((c for c in node.named_children if c.type == K.BLOCK), None)
    block, _ = lower_block(cx, inner)
    block.rules = BlockCheckMode.Unsafe
    block.span = span(node)
    return Expr(ExprKind.Block(block, None), span(node), ())


def _gen_block(cx: LowerCx, node: SyntaxNode) -> Expr:
    inner = next((c for c in node.named_children if c.type == K.BLOCK), None)
    block, _ = lower_block(cx, inner)
    capture = CaptureBy.Value if any(c.type == K.MOVE for c in node.children) else CaptureBy.Ref
    kind = GenBlockKind.Gen if node.type == K.GEN_BLOCK else GenBlockKind.Async
    if kind is GenBlockKind.Async and node.child_count > 1 and \
            _item.blanked_keyword(cx, b"gen", node.children[0].end_byte, node.children[1].start_byte) is not None:
        kind = GenBlockKind.AsyncGen  # `async gen {}`
    return Expr(ExprKind.Gen(capture, block, kind, (node.start_byte, block.span[0])), span(node), ())


def _try_block(cx: LowerCx, node: SyntaxNode) -> Expr:
    inner = next((c for c in node.named_children if c.type == K.BLOCK), None)
    return Expr(ExprKind.TryBlock(lower_block(cx, inner)[0]), span(node), ())


def _const_block(cx: LowerCx, node: SyntaxNode) -> Expr:
    inner = optional(node, F.BODY)
    block, _ = lower_block(cx, inner)
    value = Expr(ExprKind.Block(block, None), block.span, ())
    return Expr(ExprKind.ConstBlock(AnonConst(value)), span(node), ())


def lower_mac_call(cx: LowerCx, node: SyntaxNode) -> MacCall:
    name = optional(node, F.MACRO)
    tt = next((c for c in node.children if c.type == K.TOKEN_TREE), None)
    path = _ty.path_of(cx, name) if name is not None else Path(span(node), [])
    if tt is None:
        return MacCall(path, DelimArgs((node.end_byte, node.end_byte), Delimiter.Parenthesis))
    return MacCall(path, _attr.delim_args(cx, tt))


def _mac(cx: LowerCx, node: SyntaxNode) -> Expr:
    if _is_builtin(cx, node):
        return _builtin(cx, node)
    return Expr(ExprKind.MacCall(lower_mac_call(cx, node)), span(node), ())


def _is_builtin(cx: LowerCx, node: SyntaxNode) -> bool:
    """`builtin # offset_of(..)`, which `syntax.parse` spelled as a macro call."""
    return bool(cx.repaired) and cx.src.startswith(b"builtin #", node.start_byte)


_FIELDS = lazy_regex(rb"\s*([A-Za-z_][A-Za-z0-9_]*|[0-9]+)\s*(?:\.|$)")


def _builtin(cx: LowerCx, node: SyntaxNode) -> Expr:
    """`builtin # offset_of(T, a.b)`, `builtin # type_ascribe(e, T)`, read as a macro
    call (`syntax.parse`): the arguments read alone; other shapes stay unfound."""
    args = next((c for c in node.children if c.type == K.TOKEN_TREE), None)
    trees = token_trees(tokenize(cx.src, args.start_byte + 1, args.end_byte - 1)) if args is not None else []
    commas = [t for t in trees if isinstance(t, Token) and t.text == ","]
    if args is None or len(commas) not in (1, 2) or (len(commas) == 2 and trees[-1] is not commas[1]):
        return _err(cx, node)
    lo, comma, hi = args.start_byte + 1, commas[0].lo, (commas[1].lo if len(commas) == 2 else args.end_byte - 1)
    if cx.src.startswith(b"builtin # offset_of", node.start_byte):
        ty_node = syntax.parse_type(cx.src, lo, comma)
        fields = []
        at = comma + 1
        while at < hi and (found := _FIELDS().match(cx.src, at, hi)) is not None and found.end() > at:
            fields.append(Ident(found.group(1).decode(), found.span(1)))
            at = found.end()
        if ty_node is None or not fields or cx.src[at:hi].strip():
            return _err(cx, node)
        kind: AnyExprKind = ExprKind.OffsetOf(_ty.lower_ty(cx, ty_node), fields)
    else:
        expr_node, ty_node = syntax.parse_expression(cx.src, lo, comma), syntax.parse_type(cx.src, comma + 1, hi)
        if expr_node is None or ty_node is None:
            return _err(cx, node)
        kind = ExprKind.Type(lower_expr(cx, expr_node), _ty.lower_ty(cx, ty_node))
    cx.found.add(node.start_byte)
    return Expr(kind, span(node), ())


def lower_block(cx: LowerCx, node: SyntaxNode | None) -> tuple[Block, list]:
    """A block and the inner attributes (`#![..]`, `//!`) found in it, which rustc
    gives to the enclosing item."""
    if node is None:
        return Block([], BlockCheckMode.Default, (0, 0)), []
    stmts: list[Stmt] = []
    inner_attrs: list = []
    attrs: list = []
    kids = [c for c in node.children if c.is_named]
    n = len(kids)
    last = next((k for k in range(n - 1, -1, -1) if kids[k].type not in COMMENTS), -1)
    i = 0
    while i < n:
        child = kids[i]
        t = child.type
        i += 1
        if t == K.ATTRIBUTE_ITEM:
            attrs.append(_attr.lower_attr(cx, child))
            continue
        if t in COMMENTS:
            if _attr.is_doc_comment(cx, child):
                attr = _attr.lower_attr(cx, child)
                (inner_attrs if _attr.is_inner(attr) else attrs).append(attr)
            continue
        if t == K.INNER_ATTRIBUTE_ITEM:
            inner_attrs.append(_attr.lower_attr(cx, child))
            continue
        if t == K.LABEL:
            continue
        split = _brace_macro_split(cx, child)
        if split is not None:
            kids[i - 1:i] = split
            n = len(kids)
            last = next((k for k in range(n - 1, -1, -1) if kids[k].type not in COMMENTS), -1)
            child = kids[i - 1]
        stmt = _stmt(cx, child, attrs, i - 1 == last)  # only comments after it
        attrs = []
        if stmt is None:
            continue
        before = kids[i - 2].end_byte if i > 1 else node.start_byte + 1
        become = _item.blanked_keyword(cx, b"become", before, child.start_byte)
        if become is not None:
            _become(cx, stmt, become)
        yeet = _item.blanked_keyword(cx, b"do yeet", before, child.start_byte)
        if yeet is not None:
            _yeet(cx, stmt, yeet)
        if isinstance(stmt.kind, StmtKind.Expr) and i < n and kids[i].type == K.EMPTY_STATEMENT:
            # `{ .. } ;`: rustc's parser makes this one `Semi` statement.
            semi = kids[i]
            i += 1
            stmt = Stmt(StmtKind.Semi(stmt.kind.expr), (stmt.span[0], semi.end_byte))
        elif isinstance(stmt.kind, StmtKind.MacCall) and i < n and kids[i].type == K.EMPTY_STATEMENT \
                and stmt.kind.style is MacStmtStyle.Braces:
            semi = kids[i]
            i += 1
            stmt.kind.style = MacStmtStyle.Semicolon
            stmt.span = (stmt.span[0], semi.end_byte)
        stmts.append(stmt)
    return Block(stmts, BlockCheckMode.Default, span(node)), inner_attrs  # a label is inside


def _become(cx: LowerCx, stmt: Stmt, at: int) -> None:
    """`become f(x)`: the statement's expression, which follows the keyword `become`
    `syntax.parse` spelled as spaces, is a tail call."""
    kind = stmt.kind
    if not isinstance(kind, (StmtKind.Expr, StmtKind.Semi)):
        cx.unreadable((at, stmt.span[1]), "`become`")
        return
    kind.expr = Expr(ExprKind.Become(kind.expr), (at, kind.expr.span[1]), ())
    stmt.span = (at, stmt.span[1])


def _yeet(cx: LowerCx, stmt: Stmt, at: int) -> None:
    """`do yeet e` / `do yeet;`: the statement after the keywords `syntax.parse` spelled
    as spaces (an expression, or the lone `;`) is a yeet."""
    kind = stmt.kind
    if isinstance(kind, StmtKind.Empty):
        stmt.kind = StmtKind.Semi(Expr(ExprKind.Yeet(None), (at, at + len(b"do yeet")), ()))
    elif isinstance(kind, (StmtKind.Expr, StmtKind.Semi)):
        kind.expr = Expr(ExprKind.Yeet(kind.expr), (at, kind.expr.span[1]), ())
    else:
        cx.unreadable((at, stmt.span[1]), "`do yeet`")
        return
    stmt.span = (at, stmt.span[1])


def _brace_macro_split(cx: LowerCx, node: SyntaxNode) -> list[SyntaxNode] | None:
    """`m! {} - 1`: a statement that starts with a braced macro call ends after it
    (unless `.` or `?` follows), so rustc reads a statement `m! {}` and then `-1`;
    tree-sitter reads `m! {} - 1` as one binary expression. The macro call and the
    rest read again as statements, or None when `node` is no such case."""
    expr: SyntaxNode | None = node
    if node.type == K.EXPRESSION_STATEMENT:
        expr = next((c for c in node.named_children if c.type not in COMMENTS), None)
    cur = expr
    while cur is not None and cur.type in _LEFT_OPERAND:
        cur = cur.named_children[0] if cur.named_child_count else None
    if cur is None or cur is expr or cur.type != K.MACRO_INVOCATION or cur.start_byte != node.start_byte:
        return None
    tree = cur.named_children[-1]
    if tree.type != K.TOKEN_TREE or cx.src[tree.start_byte:tree.start_byte + 1] != b"{":
        return None
    rest = syntax.parse_statements(cx.src, cur.end_byte, node.end_byte)
    if rest is None:
        cx.unreadable(span(node), "statement")
        return None
    return [cur, *rest]


# expressions whose first child is their left operand, down to a braced macro call
_LEFT_OPERAND = frozenset({K.BINARY_EXPRESSION, K.CALL_EXPRESSION, K.INDEX_EXPRESSION, K.RANGE_EXPRESSION})


def _stmt(cx: LowerCx, node: SyntaxNode, attrs: list, is_last: bool) -> Stmt | None:
    t = node.type
    if t == K.LET_DECLARATION:
        local = lower_local(cx, node, attrs)
        return Stmt(StmtKind.Let(local), local.span)
    if t == K.EXPRESSION_STATEMENT:
        inner = [c for c in node.named_children if c.type not in COMMENTS]
        has_semi = node.children[-1].type == K.SEMI and not node.children[-1].is_missing
        if not inner:
            return None
        expr_node = inner[0]
        if expr_node.type == K.MACRO_INVOCATION and not _is_builtin(cx, expr_node):
            mac = lower_mac_call(cx, expr_node)
            if has_semi:
                return Stmt(StmtKind.MacCall(mac, MacStmtStyle.Semicolon, attrs), span(node))
            if mac.args.delim is Delimiter.Brace:
                return Stmt(StmtKind.MacCall(mac, MacStmtStyle.Braces, attrs), span(node))
        expr = lower_expr(cx, expr_node)
        stmt_span = expr.span
        if attrs:
            give_outer_attrs(expr, attrs)
        if has_semi:
            return Stmt(StmtKind.Semi(expr), span(node))
        return Stmt(StmtKind.Expr(expr), stmt_span)
    if t == K.EMPTY_STATEMENT:
        return Stmt(StmtKind.Empty(), span(node))
    if t == K.MACRO_INVOCATION and not _is_builtin(cx, node):
        mac = lower_mac_call(cx, node)
        if mac.args.delim is Delimiter.Brace or not is_last:
            return Stmt(StmtKind.MacCall(mac, MacStmtStyle.Braces if mac.args.delim is Delimiter.Brace
                                         else MacStmtStyle.NoBraces, attrs), span(node))
        expr = Expr(ExprKind.MacCall(mac), span(node), attrs)
        return Stmt(StmtKind.Expr(expr), span(node))
    if t in _item.ITEM_TYPES and not _is_builtin(cx, node):
        item = _item.lower_item(cx, node, attrs)
        if item is None:
            return None
        return Stmt(StmtKind.Item(item), item.span)
    expr = lower_expr(cx, node)
    stmt_span = expr.span
    if attrs:
        give_outer_attrs(expr, attrs)
    return Stmt(StmtKind.Expr(expr), stmt_span)


def give_outer_attrs(expr: Expr, attrs: list) -> None:
    """Put the outer attributes written before `expr` where rustc's parser puts them: on
    its leftmost operand, each infix expression above that starting at the first
    attribute (rustc's `mk_expr_sp`): `#[a] x + 1` is `Binary(#[a] x, 1)`."""
    cur = expr
    while True:
        kind = cur.kind
        left = (kind.lhs if isinstance(kind, ExprKind.Binary | ExprKind.Assign | ExprKind.AssignOp)
                else kind.expr if isinstance(kind, ExprKind.Cast)
                else kind.start if isinstance(kind, ExprKind.Range) else None)
        if left is None:
            break
        cur.span = (attrs[0].span[0], cur.span[1])
        cur = left
    cur.attrs = attrs


def lower_local(cx: LowerCx, node: SyntaxNode, attrs: list) -> Local:
    pat_node = optional(node, F.PATTERN)
    pat = _pat.lower_pat(cx, pat_node)
    mut = next((c for c in node.children if c.type == K.MUTABLE_SPECIFIER), None)
    if mut is not None and pat_node is not None and mut.start_byte < pat_node.start_byte:
        # `let mut x` / `let mut ref x`: the `mut` belongs to the binding.
        if isinstance(pat.kind, PatKind.Ident):
            pat.kind.binding_mode = BindingMode(pat.kind.binding_mode.by_ref, Mutability.Mut)
        pat.span = (mut.start_byte, pat.span[1])
    ty_node = optional(node, F.TYPE)
    ty = _ty.lower_ty(cx, ty_node) if ty_node is not None else None
    colon = next((c for c in node.children if c.type == K.COLON), None)
    value = optional(node, F.VALUE)
    alt = optional(node, F.ALTERNATIVE)
    init = None
    if value is not None:
        init = lower_expr(cx, value)
        if cx.repaired:  # `let c = #[coroutine] || ..`
            eq = value.prev_sibling
            if eq is not None and (expr_attrs := _attr.blanked_attrs(cx, eq.end_byte, value.start_byte)):
                give_outer_attrs(init, expr_attrs)
    kind: AnyLocalKind
    if init is None:
        kind = LocalKind.Decl()
    elif alt is None:
        kind = LocalKind.Init(init)
    else:
        kind = LocalKind.InitElse(init, lower_block(cx, alt)[0])
    sup = _item.blanked_keyword(cx, b"super", node.start_byte - 32, node.start_byte)  # `super let`
    return Local(None if sup is None else (sup, sup + 5), pat, ty, kind,
                 (node.start_byte if sup is None else sup, node.end_byte), span(colon) if colon is not None else None,
                 attrs)


EXPR = {
    K.IDENTIFIER: _ident,
    K.SELF: _ident,
    K.SUPER: _ident,
    K.CRATE: _ident,
    K.METAVARIABLE: _ident,
    K.SCOPED_IDENTIFIER: _path,
    K.GENERIC_FUNCTION: _path,
    K.UNARY_EXPRESSION: _unary,
    K.REFERENCE_EXPRESSION: _reference,
    K.BINARY_EXPRESSION: _binary,
    K.ASSIGNMENT_EXPRESSION: _assign,
    K.COMPOUND_ASSIGNMENT_EXPR: _assign,
    K.TYPE_CAST_EXPRESSION: _cast,
    K.RANGE_EXPRESSION: _range,
    K.CALL_EXPRESSION: _call,
    K.FIELD_EXPRESSION: _field,
    K.AWAIT_EXPRESSION: _await,
    K.INDEX_EXPRESSION: _index,
    K.TRY_EXPRESSION: _try,
    K.ARRAY_EXPRESSION: _array,
    K.TUPLE_EXPRESSION: _tuple,
    K.UNIT_EXPRESSION: _unit,
    K.PARENTHESIZED_EXPRESSION: _paren,
    K.STRUCT_EXPRESSION: _struct,
    K.RETURN_EXPRESSION: _return,
    K.YIELD_EXPRESSION: _yield,
    K.BREAK_EXPRESSION: _break,
    K.CONTINUE_EXPRESSION: _continue,
    K.LET_CONDITION: _let,
    K.LET_CHAIN: lower_cond,
    K.IF_EXPRESSION: _if,
    K.MATCH_EXPRESSION: _match,
    K.WHILE_EXPRESSION: _while,
    K.LOOP_EXPRESSION: _loop,
    K.FOR_EXPRESSION: _for,
    K.CLOSURE_EXPRESSION: _closure,
    K.BLOCK: _block_expr,
    K.UNSAFE_BLOCK: _unsafe_block,
    K.ASYNC_BLOCK: _gen_block,
    K.GEN_BLOCK: _gen_block,
    K.TRY_BLOCK: _try_block,
    K.CONST_BLOCK: _const_block,
    K.MACRO_INVOCATION: _mac,
    **{kind: _lit for kind in LITERALS},
}
