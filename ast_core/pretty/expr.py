"""Expressions as rustc_ast_pretty's `pprust/state/expr.rs` prints them, dispatched by
a table on the `ExprKind` variant."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..model import (
    AnonConst,
    Arm,
    Attribute,
    Block,
    BlockCheckMode,
    BorrowKind,
    CaptureBy,
    ClosureBinder,
    Expr,
    ExprKind,
    ForLoopKind,
    GenBlockKind,
    Lit,
    LitKind,
    MatchKind,
    Movability,
    RangeLimits,
    StructRest,
    UnOp,
    UnsafeBinderCastKind,
    YieldKind,
)
from .pp import INDENT_UNIT
from .state import PrintState, expr_span

_BINOP = {
    "Add": "+", "Sub": "-", "Mul": "*", "Div": "/", "Rem": "%", "And": "&&", "Or": "||",
    "BitXor": "^", "BitAnd": "&", "BitOr": "|", "Shl": "<<", "Shr": ">>", "Eq": "==",
    "Lt": "<", "Le": "<=", "Ne": "!=", "Ge": ">=", "Gt": ">",
}
_ASSIGNOP = {
    "AddAssign": "+=", "SubAssign": "-=", "MulAssign": "*=", "DivAssign": "/=", "RemAssign": "%=",
    "BitXorAssign": "^=", "BitAndAssign": "&=", "BitOrAssign": "|=", "ShlAssign": "<<=",
    "ShrAssign": ">>=",
}
_UNOP = {UnOp.Deref: "*", UnOp.Not: "!", UnOp.Neg: "-"}


#: A quoted literal's prefix and quote, and whether it is raw (`r#"a"#`); the other
#: literals (numbers, `true`) print their symbol alone.
_QUOTED = {
    LitKind.Byte: ("b", "'", False), LitKind.Char: ("", "'", False),
    LitKind.Str: ("", '"', False), LitKind.StrRaw: ("r", '"', True),
    LitKind.ByteStr: ("b", '"', False), LitKind.ByteStrRaw: ("br", '"', True),
    LitKind.CStr: ("c", '"', False), LitKind.CStrRaw: ("cr", '"', True),
}


def literal_to_string(lit: Lit) -> str:
    """A literal token as rustc prints it: as written (`1_000u32`, `r#"a"#`)."""
    quoted = _QUOTED.get(lit.kind)
    if quoted is None:
        out = lit.symbol
    else:
        prefix, quote, raw = quoted
        hashes = "#" * lit.raw_hashes if raw else ""
        out = f"{prefix}{hashes}{quote}{lit.symbol}{quote}{hashes}"
    out += lit.suffix or ""
    # rustc normalises line endings when it loads a file, also inside literals
    return out.replace("\r\n", "\n") if "\r" in out else out


class ExprState(PrintState):
    """The expression half of `State`."""

    def print_expr(self, expr: Expr) -> None:
        self.print_expr_outer_attr_style(expr, True)

    def print_expr_outer_attr_style(self, expr: Expr, inline: bool) -> None:
        self.maybe_print_comment(expr.span[0])
        attrs = expr.attrs
        if inline:
            self.print_outer_attributes_inline(attrs)
        else:
            self.print_outer_attributes(attrs)
        self.ibox(INDENT_UNIT)
        kind = expr.kind
        method = _EXPR_PRINTERS.get(type(kind))
        if method is None:
            self.word("(/*ERROR*/)")
        else:
            method(self, kind, expr)
        self.end()

    def _expr_array(self, kind: ExprKind.Array, expr: Expr) -> None:
        self.ibox(INDENT_UNIT)
        self.word("[")
        self.commasep_exprs(False, kind.exprs)
        self.word("]")
        self.end()

    def print_expr_anon_const(self, anon: AnonConst, attrs: Sequence[Attribute]) -> None:
        self.ibox(INDENT_UNIT)
        self.word("const")
        self.nbsp()
        value = anon.value
        if isinstance(value.kind, ExprKind.Block) and value.kind.label is None:
            self.cbox(0)
            self.ibox(0)
            self.print_block_with_attrs(value.kind.block, attrs)
        else:
            self.print_expr(value)
        self.end()

    def _expr_const_block(self, kind: ExprKind.ConstBlock, expr: Expr) -> None:
        self.print_expr_anon_const(kind.anon_const, expr.attrs)

    def _expr_repeat(self, kind: ExprKind.Repeat, expr: Expr) -> None:
        self.ibox(INDENT_UNIT)
        self.word("[")
        self.print_expr(kind.expr)
        self.word_space(";")
        self.print_expr(kind.count.value)
        self.word("]")
        self.end()

    def _expr_struct(self, kind: ExprKind.Struct, expr: Expr) -> None:
        self.print_opt_qpath(kind.qself, kind.path, True)
        self.nbsp()
        self.word("{")
        has_rest = not isinstance(kind.rest, StructRest.None_)
        if not kind.fields and not has_rest:
            self.word("}")
            return
        self.cbox(0)
        last = len(kind.fields) - 1
        for i, field in enumerate(kind.fields):
            self.maybe_print_comment(field.span[1])
            self.print_outer_attributes(field.attrs)
            if i == 0:
                self.space_if_not_bol()
            if not field.is_shorthand:
                self.print_ident(field.ident.name)
                self.word_nbsp(":")
            self.print_expr(field.expr)
            if i != last or has_rest:
                self.word_space(",")
            else:
                self.trailing_comma_or_space()
        if has_rest:
            if not kind.fields:
                self.space()
            self.word("..")
            if isinstance(kind.rest, StructRest.Base):
                self.print_expr(kind.rest.expr)
            self.space()
        self.offset(-INDENT_UNIT)
        self.end()
        self.word("}")

    def _expr_tup(self, kind: ExprKind.Tup, expr: Expr) -> None:
        self.print_tuple(kind.exprs, self.print_expr, expr_span)

    def _call_args(self, args: Sequence[Expr]) -> None:
        self.popen()
        self.commasep_exprs(False, args)
        self.pclose()

    def _expr_call(self, kind: ExprKind.Call, expr: Expr) -> None:
        self.print_expr(kind.func)
        self._call_args(kind.args)

    def _expr_method_call(self, kind: ExprKind.MethodCall, expr: Expr) -> None:
        self.print_expr(kind.receiver)
        if _ends_with_dot(kind.receiver):
            self.word(" ")
        self.word(".")
        self.print_ident(kind.seg.ident.name)
        if kind.seg.args is not None:
            self.print_generic_args(kind.seg.args, True)
        self._call_args(kind.args)

    def _expr_binary(self, kind: ExprKind.Binary, expr: Expr) -> None:
        self.print_expr(kind.lhs)
        self.space()
        self.word_space(_BINOP[kind.op.name])
        self.print_expr(kind.rhs)

    def _expr_unary(self, kind: ExprKind.Unary, expr: Expr) -> None:
        self.word(_UNOP[kind.op])
        self.print_expr(kind.expr)

    def _expr_addr_of(self, kind: ExprKind.AddrOf, expr: Expr) -> None:
        self.word("&")
        if kind.kind is BorrowKind.Ref:
            self.print_mutability(kind.mutbl, False)
        else:
            self.word_nbsp("raw" if kind.kind is BorrowKind.Raw else "pin")
            self.print_mutability(kind.mutbl, True)
        self.print_expr(kind.expr)

    def _expr_lit(self, kind: ExprKind.Lit, expr: Expr) -> None:
        self.maybe_print_comment(expr.span[0])
        self.word(literal_to_string(kind.lit))

    def _expr_cast(self, kind: ExprKind.Cast, expr: Expr) -> None:
        self.print_expr(kind.expr)
        self.space()
        self.word_space("as")
        self.print_type(kind.ty)

    def _expr_type(self, kind: ExprKind.Type, expr: Expr) -> None:
        self.word("builtin # type_ascribe")
        self.popen()
        self.ibox(0)
        self.print_expr(kind.expr)
        self.word(",")
        self.space_if_not_bol()
        self.print_type(kind.ty)
        self.end()
        self.pclose()

    def _expr_let(self, kind: ExprKind.Let, expr: Expr) -> None:
        self.word("let ")
        self.print_pat(kind.pat)
        self.space()
        self.word_space("=")
        self.print_expr(kind.expr)

    def _print_if(self, cond: Expr, then: Block, els: Expr | None) -> None:
        self.cbox(0)
        self.ibox(0)
        self.word_nbsp("if")
        self.print_expr(cond)
        self.space()
        self.print_block(then)
        self._print_else(els)

    def _print_else(self, els: Expr | None) -> None:
        """`else if` chains and the final `else` (the parser produces nothing else)."""
        if els is None:
            return
        kind = els.kind
        self.cbox(0)
        self.ibox(0)
        if isinstance(kind, ExprKind.If):
            self.word(" else if ")
            self.print_expr(kind.cond)
            self.space()
            self.print_block(kind.then)
            self._print_else(kind.els)
        else:
            assert isinstance(kind, ExprKind.Block), kind
            self.word(" else ")
            self.print_block(kind.block)

    def _expr_if(self, kind: ExprKind.If, expr: Expr) -> None:
        self._print_if(kind.cond, kind.then, kind.els)

    def _print_label(self, label: Any) -> None:
        if label is not None:
            self.print_ident(label.ident.name)
            self.word_space(":")

    def _expr_while(self, kind: ExprKind.While, expr: Expr) -> None:
        self._print_label(kind.label)
        self.cbox(0)
        self.ibox(0)
        self.word_nbsp("while")
        self.print_expr(kind.cond)
        self.space()
        self.print_block_with_attrs(kind.body, expr.attrs)

    def _expr_for_loop(self, kind: ExprKind.ForLoop, expr: Expr) -> None:
        self._print_label(kind.label)
        self.cbox(0)
        self.ibox(0)
        self.word_nbsp("for")
        if kind.kind is ForLoopKind.ForAwait:
            self.word_nbsp("await")
        self.print_pat(kind.pat)
        self.space()
        self.word_space("in")
        self.print_expr(kind.iter)
        self.space()
        self.print_block_with_attrs(kind.body, expr.attrs)

    def _expr_loop(self, kind: ExprKind.Loop, expr: Expr) -> None:
        self.cbox(0)
        self.ibox(0)
        self._print_label(kind.label)
        self.word_nbsp("loop")
        self.print_block_with_attrs(kind.body, expr.attrs)

    def _expr_match(self, kind: ExprKind.Match, expr: Expr) -> None:
        self.cbox(0)
        self.ibox(0)
        if kind.kind is MatchKind.Prefix:
            self.word_nbsp("match")
            self.print_expr(kind.expr)
            self.space()
        else:
            self.print_expr(kind.expr)
            self.word_nbsp(".match")
        self.bopen()
        self.print_inner_attributes(expr.attrs, trailing_hardbreak=False)
        for arm in kind.arms:
            self._print_arm(arm)
        # rustc passes the scrutinee's span here (its `expr` binding shadows the match's):
        # comments after the last arm are printed after the `}`, not before it
        self.bclose(kind.expr.span, not expr.attrs and not kind.arms)

    def _print_arm(self, arm: Arm) -> None:
        if not arm.attrs:
            self.space()
        self.cbox(INDENT_UNIT)
        self.ibox(0)
        self.maybe_print_comment(arm.pat.span[0])
        self.print_outer_attributes(arm.attrs)
        self.print_pat(arm.pat)
        self.space()
        if arm.guard is not None:
            self.word_space("if")
            self.print_expr(arm.guard)
            self.space()
        body = arm.body
        if body is not None:
            self.word_space("=>")
            if isinstance(body.kind, ExprKind.Block):
                self._print_label(body.kind.label)
                self.print_block_with_attrs(body.kind.block, (), close_box=False)
                if body.kind.block.rules is BlockCheckMode.Unsafe:
                    self.word(",")
            else:
                self.end()
                self.print_expr(body)
                self.word(",")
        else:
            self.end()
            self.word(",")
        self.end()

    def _expr_closure(self, kind: ExprKind.Closure, expr: Expr) -> None:
        if isinstance(kind.binder, ClosureBinder.For):
            self.print_formal_generic_params(kind.binder.generic_params)
        self.print_constness(kind.constness)
        if kind.movability is Movability.Static:
            self.word_space("static")
        if kind.coroutine_kind is not None:
            self.print_coroutine_kind(kind.coroutine_kind)
        self._print_capture_clause(kind.capture_clause)
        self.print_fn_params_and_ret(kind.fn_decl, True)
        self.space()
        self.print_expr(kind.body)

    def _print_capture_clause(self, capture: CaptureBy) -> None:
        if capture is CaptureBy.Value:
            self.word_space("move")
        elif capture is CaptureBy.Use:
            self.word_space("use")

    def _expr_block(self, kind: ExprKind.Block, expr: Expr) -> None:
        self._print_label(kind.label)
        self.cbox(0)
        self.ibox(0)
        self.print_block_with_attrs(kind.block, expr.attrs)

    def _expr_gen(self, kind: ExprKind.Gen, expr: Expr) -> None:
        modifier = {GenBlockKind.Async: "async", GenBlockKind.Gen: "gen", GenBlockKind.AsyncGen: "async gen"}
        self.word_nbsp(modifier[kind.kind])
        self._print_capture_clause(kind.capture_clause)
        self.cbox(0)
        self.ibox(0)
        self.print_block_with_attrs(kind.block, expr.attrs)

    def _expr_await(self, kind: ExprKind.Await, expr: Expr) -> None:
        self.print_expr(kind.expr)
        self.word(".await")

    def _expr_use(self, kind: ExprKind.Use, expr: Expr) -> None:
        self.print_expr(kind.expr)
        self.word(".use")

    def _expr_try_block(self, kind: ExprKind.TryBlock, expr: Expr) -> None:
        self.cbox(0)
        self.ibox(0)
        self.word_nbsp("try")
        self.print_block_with_attrs(kind.block, expr.attrs)

    def _expr_assign(self, kind: ExprKind.Assign, expr: Expr) -> None:
        self.print_expr(kind.lhs)
        self.space()
        self.word_space("=")
        self.print_expr(kind.rhs)

    def _expr_assign_op(self, kind: ExprKind.AssignOp, expr: Expr) -> None:
        self.print_expr(kind.lhs)
        self.space()
        self.word_space(_ASSIGNOP[kind.op.name])
        self.print_expr(kind.rhs)

    def _expr_field(self, kind: ExprKind.Field, expr: Expr) -> None:
        self.print_expr(kind.expr)
        if _ends_with_dot(kind.expr):
            self.word(" ")
        self.word(".")
        self.print_ident(kind.ident.name)

    def _expr_index(self, kind: ExprKind.Index, expr: Expr) -> None:
        self.print_expr(kind.expr)
        self.word("[")
        self.print_expr(kind.index)
        self.word("]")

    def _expr_range(self, kind: ExprKind.Range, expr: Expr) -> None:
        if kind.start is not None:
            self.print_expr(kind.start)
            if _ends_with_dot(kind.start):
                self.word(" ")
        self.word("..=" if kind.limits is RangeLimits.Closed else "..")
        if kind.end is not None:
            self.print_expr(kind.end)

    def _expr_underscore(self, kind: ExprKind.Underscore, expr: Expr) -> None:
        self.word("_")

    def _expr_path(self, kind: ExprKind.Path, expr: Expr) -> None:
        self.print_opt_qpath(kind.qself, kind.path, True)

    def _expr_break(self, kind: ExprKind.Break, expr: Expr) -> None:
        self.word("break")
        if kind.label is not None:
            self.space()
            self.print_ident(kind.label.ident.name)
        if kind.expr is not None:
            self.space()
            self.print_expr(kind.expr)

    def _expr_continue(self, kind: ExprKind.Continue, expr: Expr) -> None:
        self.word("continue")
        if kind.label is not None:
            self.space()
            self.print_ident(kind.label.ident.name)

    def _expr_ret(self, kind: ExprKind.Ret, expr: Expr) -> None:
        self.word("return")
        if kind.expr is not None:
            self.word(" ")
            self.print_expr(kind.expr)

    def _expr_yeet(self, kind: ExprKind.Yeet, expr: Expr) -> None:
        self.word("do")
        self.word(" ")
        self.word("yeet")
        if kind.expr is not None:
            self.word(" ")
            self.print_expr(kind.expr)

    def _expr_become(self, kind: ExprKind.Become, expr: Expr) -> None:
        self.word("become")
        self.word(" ")
        self.print_expr(kind.expr)

    def _expr_offset_of(self, kind: ExprKind.OffsetOf, expr: Expr) -> None:
        self.word("builtin # offset_of")
        self.popen()
        self.ibox(0)
        self.print_type(kind.container)
        self.word(",")
        self.space()
        for i, field in enumerate(kind.fields):
            if i:
                self.word(".")
            self.print_ident(field.name)
        self.end()
        self.pclose()

    def _expr_mac_call(self, kind: ExprKind.MacCall, expr: Expr) -> None:
        self.print_mac(kind.mac)

    def _expr_paren(self, kind: ExprKind.Paren, expr: Expr) -> None:
        self.popen()
        self.print_expr(kind.expr)
        self.pclose()

    def _expr_yield(self, kind: ExprKind.Yield, expr: Expr) -> None:
        if kind.kind is YieldKind.Postfix and kind.expr is not None:
            self.print_expr(kind.expr)
            self.word(".yield")
            return
        self.word("yield")
        if kind.expr is not None:
            self.space()
            self.print_expr(kind.expr)

    def _expr_try(self, kind: ExprKind.Try, expr: Expr) -> None:
        self.print_expr(kind.expr)
        self.word("?")

    def _expr_unsafe_binder_cast(self, kind: ExprKind.UnsafeBinderCast, expr: Expr) -> None:
        self.word("builtin # ")
        self.word("wrap_binder" if kind.kind is UnsafeBinderCastKind.Wrap else "unwrap_binder")
        self.popen()
        self.ibox(0)
        self.print_expr(kind.expr)
        if kind.ty is not None:
            self.word(",")
            self.space()
            self.print_type(kind.ty)
        self.end()
        self.pclose()

    def _expr_err(self, kind: Any, expr: Expr) -> None:
        self.popen()
        self.word("/*ERROR*/" if isinstance(kind, ExprKind.Err) else "/*DUMMY*/")
        self.pclose()


def _ends_with_dot(expr: Expr) -> bool:
    """An unsuffixed float like `0.`: a following `.`/`..` needs a space."""
    kind = expr.kind
    return (isinstance(kind, ExprKind.Lit) and kind.lit.kind is LitKind.Float
            and kind.lit.suffix is None and kind.lit.symbol.endswith("."))


#: `ExprKind` variant -> the `State` method printing it. `InlineAsm`, `IncludedBytes` and
#: `FormatArgs` exist only after macro expansion, which the model never holds.
_EXPR_PRINTERS: dict[type, Callable[[ExprState, Any, Expr], None]] = {
    ExprKind.Array: ExprState._expr_array,
    ExprKind.ConstBlock: ExprState._expr_const_block,
    ExprKind.Repeat: ExprState._expr_repeat,
    ExprKind.Struct: ExprState._expr_struct,
    ExprKind.Tup: ExprState._expr_tup,
    ExprKind.Call: ExprState._expr_call,
    ExprKind.MethodCall: ExprState._expr_method_call,
    ExprKind.Binary: ExprState._expr_binary,
    ExprKind.Unary: ExprState._expr_unary,
    ExprKind.AddrOf: ExprState._expr_addr_of,
    ExprKind.Lit: ExprState._expr_lit,
    ExprKind.Cast: ExprState._expr_cast,
    ExprKind.Type: ExprState._expr_type,
    ExprKind.Let: ExprState._expr_let,
    ExprKind.If: ExprState._expr_if,
    ExprKind.While: ExprState._expr_while,
    ExprKind.ForLoop: ExprState._expr_for_loop,
    ExprKind.Loop: ExprState._expr_loop,
    ExprKind.Match: ExprState._expr_match,
    ExprKind.Closure: ExprState._expr_closure,
    ExprKind.Block: ExprState._expr_block,
    ExprKind.Gen: ExprState._expr_gen,
    ExprKind.Await: ExprState._expr_await,
    ExprKind.Use: ExprState._expr_use,
    ExprKind.TryBlock: ExprState._expr_try_block,
    ExprKind.Assign: ExprState._expr_assign,
    ExprKind.AssignOp: ExprState._expr_assign_op,
    ExprKind.Field: ExprState._expr_field,
    ExprKind.Index: ExprState._expr_index,
    ExprKind.Range: ExprState._expr_range,
    ExprKind.Underscore: ExprState._expr_underscore,
    ExprKind.Path: ExprState._expr_path,
    ExprKind.Break: ExprState._expr_break,
    ExprKind.Continue: ExprState._expr_continue,
    ExprKind.Ret: ExprState._expr_ret,
    ExprKind.Yeet: ExprState._expr_yeet,
    ExprKind.Become: ExprState._expr_become,
    ExprKind.OffsetOf: ExprState._expr_offset_of,
    ExprKind.MacCall: ExprState._expr_mac_call,
    ExprKind.Paren: ExprState._expr_paren,
    ExprKind.Yield: ExprState._expr_yield,
    ExprKind.Try: ExprState._expr_try,
    ExprKind.UnsafeBinderCast: ExprState._expr_unsafe_binder_cast,
    ExprKind.Err: ExprState._expr_err,
    ExprKind.Dummy: ExprState._expr_err,
}
