"""The AST printer's core, as rustc_ast_pretty's `pprust/state.rs`: comments,
attributes, token trees and macro calls, visibility, paths and generic arguments,
types, patterns, statements and blocks. Expressions (`expr.py`) and items
(`item.py`) are printed by the rest of `State`, as rustc splits `impl State`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..model import (
    AnyFnRetTy,
    AngleBracketedArg,
    AnonConst,
    AnyGenericArgs,
    AnyGenericBound,
    AssocItemConstraint,
    AssocItemConstraintKind,
    AttrArgs,
    AttrKind,
    Attribute,
    AttrStyle,
    Block,
    BlockCheckMode,
    CommentKind,
    Const,
    Crate,
    DelimArgs,
    Delimiter,
    Expr,
    ExprKind,
    FnDecl,
    FnHeader,
    GenericArg,
    GenericArgs,
    GenericBound,
    GenericParam,
    GenericParamKind,
    Generics,
    Item,
    Local,
    LocalKind,
    MacCall,
    MacStmtStyle,
    Mutability,
    MutTy,
    Pat,
    PatFieldsRest,
    PatKind,
    Path,
    PathSegment,
    PolyTraitRef,
    PreciseCapturingArg,
    QSelf,
    RangeEnd,
    RangeSyntax,
    Safety,
    Span,
    Stmt,
    StmtKind,
    Term,
    TraitObjectSyntax,
    Ty,
    TyKind,
    TyPat,
    TyPatKind,
    Visibility,
    VisibilityKind,
    WhereClause,
)
from ..meta import is_reserved
from ..tokens import Token, TokenTree, doc_comment_to_string, token_trees, tokenize
from .comments import Comment
from .pp import INDENT_UNIT, Begin, End, Printer

_OPEN = {Delimiter.Parenthesis: "(", Delimiter.Bracket: "[", Delimiter.Brace: "{"}
_CLOSE = {Delimiter.Parenthesis: ")", Delimiter.Bracket: "]", Delimiter.Brace: "}"}
_DELIM_OF = {"(": Delimiter.Parenthesis, "[": Delimiter.Bracket, "{": Delimiter.Brace}


def _expr_requires_semi_to_be_stmt(expr: Expr) -> bool:
    """rustc's `classify::expr_requires_semi_to_be_stmt`: block-like expressions end a
    statement without `;`."""
    kind = expr.kind
    return not isinstance(kind, (ExprKind.If, ExprKind.Match, ExprKind.Block, ExprKind.While,
                                 ExprKind.Loop, ExprKind.ForLoop, ExprKind.TryBlock,
                                 ExprKind.ConstBlock)) and not (
        isinstance(kind, ExprKind.MacCall) and kind.mac.args.delim is Delimiter.Brace)


def _is_punct(tree: Token | TokenTree) -> bool:
    return isinstance(tree, Token) and tree.kind == "punct"


def _space_between(tt1: Token | TokenTree, tt2: Token | TokenTree, edition: int) -> bool:
    """rustc's `space_between`: whether two tokens that had whitespace between them in
    the source are printed with a space (`x,` and `f(..)` are printed tight; a keyword
    of the edition keeps its space: `if !x`, `async (..)` from 2018 on)."""
    if isinstance(tt1, Token) and tt1.kind == "doc" and tt1.text.startswith("//"):
        return False
    if isinstance(tt1, Token) and tt1.text == "." and not _is_punct(tt2):
        return False
    if isinstance(tt1, Token) and tt1.text == "$" and isinstance(tt2, Token) and tt2.kind == "ident":
        return False
    if isinstance(tt2, Token) and tt2.text in (",", ";", ".") and not _is_punct(tt1):
        return False
    if isinstance(tt1, Token) and tt1.kind == "ident":
        raw_or_free = tt1.text.startswith("r#") or not is_reserved(tt1.text, edition)
        if isinstance(tt2, Token) and tt2.text == "!" and raw_or_free:
            return False
        if isinstance(tt2, TokenTree) and tt2.open.text == "(" and (
                raw_or_free or tt1.text in ("fn", "Self", "pub")):
            return False
    return not (isinstance(tt1, Token) and tt1.text == "#" and isinstance(tt2, TokenTree) and tt2.open.text == "[")


def expr_span(expr: Expr) -> Span:
    return expr.span


class PrintState(Printer):
    """The core of `State` (see there): what expressions and items both print."""

    def __init__(self, src: bytes, comments: Sequence[Comment] = (), edition: int = 2021) -> None:
        super().__init__()
        self.src = src
        self.edition = edition
        self._comments = list(reversed(comments))

    if TYPE_CHECKING:  # printed by `ExprState` and `ItemState`, which `State` joins
        def print_expr(self, expr: Expr) -> None: ...
        def print_expr_outer_attr_style(self, expr: Expr, inline: bool) -> None: ...
        def print_fn_ret_ty(self, output: AnyFnRetTy) -> None: ...
        def print_coroutine_kind(self, kind: Any) -> None: ...
        def print_expr_anon_const(self, anon: AnonConst, attrs: Sequence[Attribute]) -> None: ...
        def print_item(self, item: Item) -> None: ...
        def print_fn(self, decl: FnDecl, header: FnHeader, ident: str | None, generics: Generics | None
                     ) -> None: ...
        def print_fn_params_and_ret(self, decl: FnDecl, is_closure: bool) -> None: ...
        def print_where_clause(self, where: WhereClause) -> None: ...

    def to_string(self, f: Callable[[PrintState], object]) -> str:
        """What `f` prints on a fresh printer of the same kind, as a string."""
        state = type(self)(self.src, edition=self.edition)
        f(state)
        return state.eof()

    # -- comments ---------------------------------------------------------------------

    def maybe_print_comment(self, pos: int) -> bool:
        printed = False
        comments = self._comments
        while comments and comments[-1].pos < pos:
            self._print_comment(comments.pop())
            printed = True
        return printed

    def _print_comment(self, cmnt: Comment) -> None:
        style = cmnt.style
        if style == "Mixed":
            if not self.is_beginning_of_line():
                self.zerobreak()
            if cmnt.lines:
                self.ibox(0)
                for line in cmnt.lines[:-1]:
                    self.word(line)
                    self.hardbreak()
                self.word(cmnt.lines[-1])
                self.space()
                self.end()
            self.zerobreak()
        elif style == "Isolated":
            self.hardbreak_if_not_bol()
            for line in cmnt.lines:
                if line:
                    self.word(line)
                self.hardbreak()
        elif style == "Trailing":
            if not self.is_beginning_of_line():
                self.word(" ")
            if len(cmnt.lines) == 1:
                self.word(cmnt.lines[0])
                self.hardbreak()
            else:
                self.visual_align()
                for line in cmnt.lines:
                    if line:
                        self.word(line)
                    self.hardbreak()
                self.end()
        else:
            last = self.last_token()
            if last == ";" or isinstance(last, (Begin, End)):
                self.hardbreak()
            self.hardbreak()

    def _maybe_print_trailing_comment(self, span: Span, next_pos: int | None) -> None:
        comments = self._comments
        if not comments or comments[-1].style != "Trailing":
            return
        cmnt = comments[-1]
        nxt = next_pos if next_pos is not None else cmnt.pos + 1
        if span[1] < cmnt.pos < nxt and b"\n" not in self.src[span[1]:cmnt.pos]:
            self._print_comment(comments.pop())

    def print_remaining_comments(self) -> None:
        if not self._comments:
            self.hardbreak()
        while self._comments:
            self._print_comment(self._comments.pop())

    # -- shared helpers ---------------------------------------------------------------

    def head(self, word: str) -> None:
        self.cbox(INDENT_UNIT)
        self.ibox(0)
        if word:
            self.word_nbsp(word)

    def bopen(self) -> None:
        self.word("{")
        self.end()  # the head box

    def bclose_maybe_open(self, span: Span, no_space: bool, close_box: bool) -> None:
        has_comment = self.maybe_print_comment(span[1])
        if not no_space or has_comment:
            self.break_offset_if_not_bol(1, -INDENT_UNIT)
        self.word("}")
        if close_box:
            self.end()

    def bclose(self, span: Span, no_space: bool) -> None:
        self.bclose_maybe_open(span, no_space, True)

    def commasep(self, consistent: bool, elts: Sequence[Any], op: Callable[[Any], None]) -> None:
        self.strsep(",", False, consistent, elts, op)

    def strsep(self, sep: str, space_before: bool, consistent: bool, elts: Sequence[Any],
               op: Callable[[Any], None]) -> None:
        if consistent:
            self.cbox(0)
        else:
            self.ibox(0)
        for i, elt in enumerate(elts):
            if i:
                if space_before:
                    self.space()
                self.word_space(sep)
            op(elt)
        self.end()

    def commasep_cmnt(self, consistent: bool, elts: Sequence[Any], op: Callable[[Any], None],
                      get_span: Callable[[Any], Span]) -> None:
        if consistent:
            self.cbox(0)
        else:
            self.ibox(0)
        n = len(elts)
        for i, elt in enumerate(elts):
            self.maybe_print_comment(get_span(elt)[1])
            op(elt)
            if i + 1 < n:
                self.word(",")
                self._maybe_print_trailing_comment(get_span(elt), get_span(elts[i + 1])[1])
                self.space_if_not_bol()
        self.end()

    def print_tuple(self, elts: Sequence[Any], op: Callable[[Any], None],
                    span_of: Callable[[Any], Span] | None = None) -> None:
        """`(a, b)`, and `(a,)` for one element; with `span_of`, comments between the
        elements are printed too."""
        self.popen()
        if span_of is None:
            self.commasep(False, elts, op)
        else:
            self.commasep_cmnt(False, elts, op, span_of)
        if len(elts) == 1:
            self.word(",")
        self.pclose()

    def commasep_exprs(self, consistent: bool, exprs: Sequence[Expr]) -> None:
        self.commasep_cmnt(consistent, exprs, self.print_expr, expr_span)

    def print_ident(self, name: str) -> None:
        self.word(name)

    # -- attributes and token streams ----------------------------------------------------

    def print_outer_attributes(self, attrs: Sequence[Attribute]) -> bool:
        return self._print_either_attributes(attrs, AttrStyle.Outer, False, True)

    def print_inner_attributes(self, attrs: Sequence[Attribute], trailing_hardbreak: bool = True) -> bool:
        return self._print_either_attributes(attrs, AttrStyle.Inner, False, trailing_hardbreak)

    def print_outer_attributes_inline(self, attrs: Sequence[Attribute]) -> bool:
        return self._print_either_attributes(attrs, AttrStyle.Outer, True, True)

    def _print_either_attributes(self, attrs: Sequence[Attribute], style: AttrStyle, inline: bool,
                                 trailing_hardbreak: bool) -> bool:
        printed = False
        for attr in attrs:
            if attr.style is style:
                self.print_attribute(attr, inline)
                if inline:
                    self.nbsp()
                printed = True
        if printed and trailing_hardbreak and not inline:
            self.hardbreak_if_not_bol()
        return printed

    def print_attribute(self, attr: Attribute, inline: bool = False) -> None:
        if not inline:
            self.hardbreak_if_not_bol()
        self.maybe_print_comment(attr.span[0])
        kind = attr.kind
        if isinstance(kind, AttrKind.DocComment):
            self.word(doc_comment_to_string(kind.comment_kind is CommentKind.Line, attr.style is AttrStyle.Inner,
                                            kind.symbol))
            self.hardbreak()
            return
        self.word("#![" if attr.style is AttrStyle.Inner else "#[")
        assert isinstance(kind, AttrKind.Normal)
        item = kind.item
        self.ibox(0)
        if item.unsafety is Safety.Unsafe:
            self.word("unsafe")
            self.popen()
        args = item.args
        if isinstance(args, AttrArgs.Delimited):
            self.print_mac_common(item.path, False, None, args.args, attr.span)
        else:
            self.print_path(item.path, False)
            if isinstance(args, AttrArgs.Eq):
                self.space()
                self.word_space("=")
                expr = args.expr
                self.word(self.to_string(lambda s: s.print_expr(expr)))
        if item.unsafety is Safety.Unsafe:
            self.pclose()
        self.end()
        self.word("]")

    def _delimited(self, args: DelimArgs) -> TokenTree | None:
        lo, hi = args.dspan
        trees = token_trees(tokenize(self.src, lo, hi, keep_docs=True))
        if len(trees) == 1 and isinstance(trees[0], TokenTree):
            return trees[0]
        return None

    def print_mac_common(self, header: Path | str | None, has_bang: bool, ident: str | None,
                         args: DelimArgs, span: Span) -> None:
        """A macro call, macro definition or attribute with delimited arguments."""
        group = self._delimited(args)
        trees = group.trees if group is not None else []
        # rustc has no spacing for the outermost `{`: it prints a space after it
        self._print_delimited(header, has_bang, ident, args.delim, True, trees, span)

    def _print_delimited(self, header: Path | str | None, has_bang: bool, ident: str | None,
                         delim: Delimiter, open_alone: bool, trees: list[Token | TokenTree],
                         span: Span) -> None:
        brace = delim is Delimiter.Brace
        if brace:
            self.cbox(INDENT_UNIT)
        if isinstance(header, Path):
            self.print_path(header, False)
        elif header is not None:
            self.word(header)
        if has_bang:
            self.word("!")
        if ident is not None:
            self.nbsp()
            self.print_ident(ident)
        if brace:
            if header is not None or has_bang or ident is not None:
                self.nbsp()
            self.word("{")
            open_space = open_alone and bool(trees)
            if open_space:
                self.space()
            self.ibox(0)
            self.print_tts(trees)
            self.end()
            self.bclose(span, not open_space)
        else:
            self.word(_OPEN[delim])
            self.ibox(0)
            self.print_tts(trees)
            self.end()
            self.word(_CLOSE[delim])

    def print_tts(self, trees: list[Token | TokenTree]) -> None:
        """Tokens as written, spaced as they were (rustc keeps each token's `Spacing`)."""
        for i, tree in enumerate(trees):
            if isinstance(tree, Token):
                self.word(tree.text.replace("\r\n", "\n") if "\r" in tree.text else tree.text)
                if tree.kind == "doc":
                    self.hardbreak()
            else:
                inner = tree.trees
                open_alone = bool(inner) and tree.open.hi < inner[0].lo
                delim = _DELIM_OF[tree.open.text]
                self._print_delimited(None, False, None, delim, open_alone, inner, (tree.lo, tree.hi))
            if i + 1 < len(trees):
                nxt = trees[i + 1]
                if tree.hi < nxt.lo and _space_between(tree, nxt, self.edition):
                    self.space()

    def print_mac(self, mac: MacCall) -> None:
        self.print_mac_common(mac.path, True, None, mac.args, (mac.path.span[0], mac.args.dspan[1]))

    def print_crate(self, krate: Crate) -> None:
        self.print_inner_attributes(krate.attrs)
        for item in krate.items:
            self.print_item(item)
        self.print_remaining_comments()

    def print_visibility(self, vis: Visibility) -> None:
        kind = vis.kind
        if isinstance(kind, VisibilityKind.Public):
            self.word_nbsp("pub")
        elif isinstance(kind, VisibilityKind.Restricted):
            path = self.to_string(lambda s: s.print_path(kind.path, False))
            if kind.shorthand and path in ("crate", "self", "super"):
                self.word_nbsp(f"pub({path})")
            else:
                self.word_nbsp(f"pub(in {path})")

    def _visibility_qualified(self, vis: Visibility, word: str) -> str:
        return self.to_string(lambda s: s.print_visibility(vis)) + word

    def print_defaultness(self, defaultness: Any) -> None:
        if defaultness.name == "Default":
            self.word_nbsp("default")

    def print_safety(self, safety: Safety) -> None:
        if safety is Safety.Unsafe:
            self.word_nbsp("unsafe")
        elif safety is Safety.Safe:
            self.word_nbsp("safe")

    def print_constness(self, constness: Const) -> None:
        if constness is Const.Yes:
            self.word_nbsp("const")

    # -- generics, paths, bounds -------------------------------------------------------------

    def print_generic_params(self, params: Sequence[GenericParam]) -> None:
        if not params:
            return
        self.word("<")
        self.commasep(False, params, self._print_generic_param)
        self.word(">")

    def _print_generic_param(self, param: GenericParam) -> None:
        self.print_outer_attributes_inline(param.attrs)
        kind = param.kind
        if isinstance(kind, GenericParamKind.Lifetime):
            self.print_lifetime(param.ident.name)
            if param.bounds:
                self.word_nbsp(":")
                self._print_lifetime_bounds(param.bounds)
        elif isinstance(kind, GenericParamKind.Type):
            self.print_ident(param.ident.name)
            if param.bounds:
                self.word_nbsp(":")
                self.print_type_bounds(param.bounds)
            if kind.default is not None:
                self.space()
                self.word_space("=")
                self.print_type(kind.default)
        else:
            assert isinstance(kind, GenericParamKind.Const)
            self.word_space("const")
            self.print_ident(param.ident.name)
            self.space()
            self.word_space(":")
            self.print_type(kind.ty)
            if param.bounds:
                self.word_nbsp(":")
                self.print_type_bounds(param.bounds)
            if kind.default is not None:
                self.space()
                self.word_space("=")
                self.print_expr(kind.default.value)

    def print_formal_generic_params(self, params: Sequence[GenericParam]) -> None:
        if params:
            self.word("for")
            self.print_generic_params(params)
            self.nbsp()

    def print_lifetime(self, name: str) -> None:
        self.word(name)

    def _print_opt_lifetime(self, lifetime: Any) -> None:
        if lifetime is not None:
            self.print_lifetime(lifetime.ident.name)
            self.nbsp()

    def _print_lifetime_bounds(self, bounds: Sequence[AnyGenericBound]) -> None:
        for i, bound in enumerate(bounds):
            if i:
                self.word(" + ")
            if isinstance(bound, GenericBound.Outlives):
                self.print_lifetime(bound.lifetime.ident.name)

    def print_type_bounds(self, bounds: Sequence[AnyGenericBound]) -> None:
        for i, bound in enumerate(bounds):
            if i:
                self.nbsp()
                self.word_space("+")
            if isinstance(bound, GenericBound.Trait):
                self.print_poly_trait_ref(bound.poly)
            elif isinstance(bound, GenericBound.Outlives):
                self.print_lifetime(bound.lifetime.ident.name)
            else:
                assert isinstance(bound, GenericBound.Use)
                self.word("use")
                self.word("<")

                def arg(a: Any) -> None:
                    if isinstance(a, PreciseCapturingArg.Lifetime):
                        self.print_lifetime(a.lifetime.ident.name)
                    else:
                        self.print_path(a.path, False)

                self.commasep(False, bound.args, arg)
                self.word(">")

    def print_poly_trait_ref(self, poly: PolyTraitRef) -> None:
        self.print_formal_generic_params(poly.bound_generic_params)
        modifiers = poly.modifiers
        if modifiers.constness.name == "Always":
            self.word_space("const")
        elif modifiers.constness.name == "Maybe":
            self.word_space("[const]")
        if modifiers.asyncness.name == "Async":
            self.word_space("async")
        if modifiers.polarity.name == "Negative":
            self.word("!")
        elif modifiers.polarity.name == "Maybe":
            self.word("?")
        self.print_path(poly.trait_ref.path, False)

    def print_opt_qpath(self, qself: QSelf | None, path: Path, colons_before_params: bool) -> None:
        """A path, qualified (`<T as Trait>::f`) when it has a `qself`."""
        if qself is not None:
            self.print_qpath(path, qself, colons_before_params)
        else:
            self.print_path(path, colons_before_params)

    def print_path(self, path: Path, colons_before_params: bool, depth: int = 0) -> None:
        self.maybe_print_comment(path.span[0])
        segments = path.segments[:len(path.segments) - depth]
        for i, seg in enumerate(segments):
            if i:
                self.word("::")
            self.print_path_segment(seg, colons_before_params)

    def print_path_segment(self, seg: PathSegment, colons_before_params: bool) -> None:
        if seg.ident.name != "{{root}}":
            self.print_ident(seg.ident.name)
            if seg.args is not None:
                self.print_generic_args(seg.args, colons_before_params)

    def print_qpath(self, path: Path, qself: QSelf, colons_before_params: bool) -> None:
        self.word("<")
        self.print_type(qself.ty)
        if qself.position > 0:
            self.space()
            self.word_space("as")
            self.print_path(path, False, len(path.segments) - qself.position)
        self.word(">")
        for seg in path.segments[qself.position:]:
            self.word("::")
            self.print_ident(seg.ident.name)
            if seg.args is not None:
                self.print_generic_args(seg.args, colons_before_params)

    def print_generic_args(self, args: AnyGenericArgs, colons_before_params: bool) -> None:
        if colons_before_params:
            self.word("::")
        if isinstance(args, GenericArgs.AngleBracketed):
            self.word("<")
            self.commasep(False, args.args, self._print_angle_arg)
            self.word(">")
        elif isinstance(args, GenericArgs.Parenthesized):
            self.word("(")
            self.commasep(False, args.inputs, self.print_type)
            self.word(")")
            self.print_fn_ret_ty(args.output)
        else:
            self.word("(")
            self.word("..")
            self.word(")")

    def _print_angle_arg(self, arg: Any) -> None:
        if isinstance(arg, AngleBracketedArg.Arg):
            self.print_generic_arg(arg.arg)
        else:
            self._print_assoc_item_constraint(arg.constraint)

    def print_generic_arg(self, arg: Any) -> None:
        if isinstance(arg, GenericArg.Lifetime):
            self.print_lifetime(arg.lifetime.ident.name)
        elif isinstance(arg, GenericArg.Type):
            self.print_type(arg.ty)
        else:
            self.print_expr(arg.value.value)

    def _print_assoc_item_constraint(self, constraint: AssocItemConstraint) -> None:
        self.print_ident(constraint.ident.name)
        if constraint.gen_args is not None:
            self.print_generic_args(constraint.gen_args, False)
        self.space()
        kind = constraint.kind
        if isinstance(kind, AssocItemConstraintKind.Equality):
            self.word_space("=")
            if isinstance(kind.term, Term.Ty):
                self.print_type(kind.term.ty)
            else:
                assert isinstance(kind.term, Term.Const)
                self.print_expr_anon_const(kind.term.value, ())
        elif isinstance(kind, AssocItemConstraintKind.Bound) and kind.bounds:
            self.word_nbsp(":")
            self.print_type_bounds(kind.bounds)

    # -- types -----------------------------------------------------------------------------

    def print_mutability(self, mutbl: Mutability, print_const: bool) -> None:
        if mutbl is Mutability.Mut:
            self.word_nbsp("mut")
        elif print_const:
            self.word_nbsp("const")

    def _print_mt(self, mt: MutTy, print_const: bool) -> None:
        self.print_mutability(mt.mutbl, print_const)
        self.print_type(mt.ty)

    def print_type(self, ty: Ty) -> None:
        self.maybe_print_comment(ty.span[0])
        self.ibox(0)
        kind = ty.kind
        _TY_PRINTERS[type(kind)](self, kind, ty)
        self.end()

    def _ty_slice(self, kind: TyKind.Slice, ty: Ty) -> None:
        self.word("[")
        self.print_type(kind.ty)
        self.word("]")

    def _ty_ptr(self, kind: TyKind.Ptr, ty: Ty) -> None:
        self.word("*")
        self._print_mt(kind.mt, True)

    def _ty_ref(self, kind: TyKind.Ref, ty: Ty) -> None:
        self.word("&")
        self._print_opt_lifetime(kind.lifetime)
        self._print_mt(kind.mt, False)

    def _ty_pinned_ref(self, kind: TyKind.PinnedRef, ty: Ty) -> None:
        self.word("&")
        self._print_opt_lifetime(kind.lifetime)
        self.word("pin ")
        self._print_mt(kind.mt, True)

    def _ty_never(self, kind: TyKind.Never, ty: Ty) -> None:
        self.word("!")

    def _ty_tup(self, kind: TyKind.Tup, ty: Ty) -> None:
        self.print_tuple(kind.tys, self.print_type)

    def _ty_paren(self, kind: TyKind.Paren, ty: Ty) -> None:
        self.popen()
        self.print_type(kind.ty)
        self.pclose()

    def _ty_fn_ptr(self, kind: TyKind.FnPtr, ty: Ty) -> None:
        self.ibox(INDENT_UNIT)
        self.print_formal_generic_params(kind.generic_params)
        header = FnHeader(Const.No, None, kind.safety, kind.ext, kind.abi)
        self.print_fn(kind.decl, header, None, None)
        self.end()

    def _ty_unsafe_binder(self, kind: TyKind.UnsafeBinder, ty: Ty) -> None:
        self.ibox(INDENT_UNIT)
        self.word("unsafe")
        self.print_generic_params(kind.generic_params)
        self.nbsp()
        self.print_type(kind.inner_ty)
        self.end()

    def _ty_path(self, kind: TyKind.Path, ty: Ty) -> None:
        self.print_opt_qpath(kind.qself, kind.path, False)

    def _ty_trait_object(self, kind: TyKind.TraitObject, ty: Ty) -> None:
        if kind.syntax is TraitObjectSyntax.Dyn:
            self.word_nbsp("dyn")
        self.print_type_bounds(kind.bounds)

    def _ty_impl_trait(self, kind: TyKind.ImplTrait, ty: Ty) -> None:
        self.word_nbsp("impl")
        self.print_type_bounds(kind.bounds)

    def _ty_array(self, kind: TyKind.Array, ty: Ty) -> None:
        self.word("[")
        self.print_type(kind.ty)
        self.word("; ")
        self.print_expr(kind.len.value)
        self.word("]")

    def _ty_infer(self, kind: TyKind.Infer, ty: Ty) -> None:
        self.word("_")

    def _ty_implicit_self(self, kind: TyKind.ImplicitSelf, ty: Ty) -> None:
        self.word("Self")

    def _ty_mac_call(self, kind: TyKind.MacCall, ty: Ty) -> None:
        self.print_mac(kind.mac)

    def _ty_c_var_args(self, kind: TyKind.CVarArgs, ty: Ty) -> None:
        self.word("...")

    def _ty_pat(self, kind: TyKind.Pat, ty: Ty) -> None:
        self.print_type(kind.ty)
        self.word(" is ")
        self._print_ty_pat(kind.pat)

    def _ty_dummy(self, kind: TyKind.Dummy, ty: Ty) -> None:
        self.word("(/*DUMMY*/)")

    def _ty_err(self, kind: TyKind.Err, ty: Ty) -> None:
        self.word("(/*ERROR*/)")

    def _print_ty_pat(self, pat: TyPat) -> None:
        kind = pat.kind
        if isinstance(kind, TyPatKind.Range):
            if kind.start is not None:
                self.print_expr_anon_const(kind.start, ())
            self.word("..")
            if kind.end is not None:
                if kind.end_kind is RangeEnd.Included:
                    self.word("=")
                self.print_expr_anon_const(kind.end, ())
        elif isinstance(kind, TyPatKind.Or):
            for i, sub in enumerate(kind.pats):
                if i:
                    self.word(" | ")
                self._print_ty_pat(sub)
        else:
            self.word("(/*ERROR*/)")

    # -- statements and blocks ----------------------------------------------------------------

    def print_stmt(self, stmt: Stmt) -> None:
        self.maybe_print_comment(stmt.span[0])
        kind = stmt.kind
        _STMT_PRINTERS[type(kind)](self, kind, stmt)
        self._maybe_print_trailing_comment(stmt.span, None)

    def _stmt_let(self, kind: StmtKind.Let, stmt: Stmt) -> None:
        self._print_local(kind.local)

    def _stmt_item(self, kind: StmtKind.Item, stmt: Stmt) -> None:
        self.print_item(kind.item)

    def _stmt_expr(self, kind: StmtKind.Expr, stmt: Stmt) -> None:
        self.space_if_not_bol()
        self.print_expr_outer_attr_style(kind.expr, False)
        if _expr_requires_semi_to_be_stmt(kind.expr):
            self.word(";")

    def _stmt_semi(self, kind: StmtKind.Semi, stmt: Stmt) -> None:
        self.space_if_not_bol()
        self.print_expr_outer_attr_style(kind.expr, False)
        self.word(";")

    def _stmt_empty(self, kind: StmtKind.Empty, stmt: Stmt) -> None:
        self.space_if_not_bol()
        self.word(";")

    def _stmt_mac_call(self, kind: StmtKind.MacCall, stmt: Stmt) -> None:
        self.space_if_not_bol()
        self.print_outer_attributes(kind.attrs)
        self.print_mac(kind.mac)
        if kind.style is MacStmtStyle.Semicolon:
            self.word(";")

    def _print_local(self, local: Local) -> None:
        self.print_outer_attributes(local.attrs)
        self.space_if_not_bol()
        self.ibox(INDENT_UNIT)
        if local.super_ is not None:
            self.word_nbsp("super")
        self.word_nbsp("let")
        self.ibox(INDENT_UNIT)
        self.print_pat(local.pat)
        if local.ty is not None:
            self.word_space(":")
            self.print_type(local.ty)
        self.end()
        kind = local.kind
        if isinstance(kind, (LocalKind.Init, LocalKind.InitElse)):
            self.nbsp()
            self.word_space("=")
            self.print_expr(kind.expr)
            if isinstance(kind, LocalKind.InitElse):
                self.cbox(INDENT_UNIT)
                self.ibox(INDENT_UNIT)
                self.word(" else ")
                self.print_block(kind.els)
        self.word(";")
        self.end()

    def print_block(self, block: Block) -> None:
        self.print_block_with_attrs(block, ())

    def print_block_with_attrs(self, block: Block, attrs: Sequence[Attribute], close_box: bool = True) -> None:
        """`{ stmts }` after a head: closes the head box at `{` and, with `close_box`,
        the enclosing consistent box at `}`."""
        if block.rules is BlockCheckMode.Unsafe:
            self.word_space("unsafe")
        self.maybe_print_comment(block.span[0])
        self.bopen()
        has_attrs = self.print_inner_attributes(attrs)
        last = len(block.stmts) - 1
        for i, stmt in enumerate(block.stmts):
            if i == last and isinstance(stmt.kind, StmtKind.Expr):
                self.maybe_print_comment(stmt.span[0])
                self.space_if_not_bol()
                self.print_expr_outer_attr_style(stmt.kind.expr, False)
                self._maybe_print_trailing_comment(stmt.kind.expr.span, block.span[1])
            else:
                self.print_stmt(stmt)
        self.bclose_maybe_open(block.span, not has_attrs and not block.stmts, close_box)

    # -- patterns -----------------------------------------------------------------------------

    def print_pat(self, pat: Pat) -> None:
        self.maybe_print_comment(pat.span[0])
        kind = pat.kind
        _PAT_PRINTERS[type(kind)](self, kind, pat)

    def _pat_wild(self, kind: PatKind.Wild, pat: Pat) -> None:
        self.word("_")

    def _pat_never(self, kind: PatKind.Never, pat: Pat) -> None:
        self.word("!")

    def _pat_ident(self, kind: PatKind.Ident, pat: Pat) -> None:
        mode = kind.binding_mode
        if mode.mutbl is Mutability.Mut:
            self.word_nbsp("mut")
        if mode.by_ref is not None:
            self.word_nbsp("ref")
            if mode.by_ref is Mutability.Mut:
                self.word_nbsp("mut")
        self.print_ident(kind.ident.name)
        if kind.sub is not None:
            self.space()
            self.word_space("@")
            self.print_pat(kind.sub)

    def _pat_tuple_struct(self, kind: PatKind.TupleStruct, pat: Pat) -> None:
        self.print_opt_qpath(kind.qself, kind.path, True)
        self.popen()
        self.commasep(False, kind.pats, self.print_pat)
        self.pclose()

    def _pat_or(self, kind: PatKind.Or, pat: Pat) -> None:
        self.strsep("|", True, False, kind.pats, self.print_pat)

    def _pat_path(self, kind: PatKind.Path, pat: Pat) -> None:
        if kind.qself is not None:  # rustc's own asymmetry: `<T>::C` without `::<`, `C::<T>` with
            self.print_qpath(kind.path, kind.qself, False)
        else:
            self.print_path(kind.path, True)

    def _pat_tuple(self, kind: PatKind.Tuple, pat: Pat) -> None:
        self.print_tuple(kind.pats, self.print_pat)

    def _pat_box(self, kind: PatKind.Box, pat: Pat) -> None:
        self.word("box ")
        self.print_pat(kind.pat)

    def _pat_deref(self, kind: PatKind.Deref, pat: Pat) -> None:
        self.word("deref!")
        self.popen()
        self.print_pat(kind.pat)
        self.pclose()

    def _pat_ref(self, kind: PatKind.Ref, pat: Pat) -> None:
        self.word("&")
        if kind.pinnedness.name == "Pinned":
            self.word("pin ")
            self.print_mutability(kind.mutbl, True)
        elif kind.mutbl is Mutability.Mut:
            self.word("mut ")
        inner = kind.pat.kind
        if isinstance(inner, PatKind.Ident) and inner.binding_mode.by_ref is None \
                and inner.binding_mode.mutbl is Mutability.Mut:
            self.popen()
            self.print_pat(kind.pat)
            self.pclose()
        else:
            self.print_pat(kind.pat)

    def _pat_expr(self, kind: PatKind.Expr, pat: Pat) -> None:
        self.print_expr(kind.expr)

    def _pat_range(self, kind: PatKind.Range, pat: Pat) -> None:
        if kind.start is not None:
            self.print_expr(kind.start)
        if kind.end_kind is RangeEnd.Excluded:
            self.word("..")
        elif kind.end_syntax is RangeSyntax.DotDotDot:
            self.word("...")
        else:
            self.word("..=")
        if kind.end is not None:
            self.print_expr(kind.end)

    def _pat_guard(self, kind: PatKind.Guard, pat: Pat) -> None:
        self.popen()
        self.print_pat(kind.pat)
        self.space()
        self.word_space("if")
        self.print_expr(kind.guard)
        self.pclose()

    def _pat_slice(self, kind: PatKind.Slice, pat: Pat) -> None:
        self.word("[")
        self.commasep(False, kind.pats, self.print_pat)
        self.word("]")

    def _pat_rest(self, kind: PatKind.Rest, pat: Pat) -> None:
        self.word("..")

    def _pat_paren(self, kind: PatKind.Paren, pat: Pat) -> None:
        self.popen()
        self.print_pat(kind.pat)
        self.pclose()

    def _pat_mac_call(self, kind: PatKind.MacCall, pat: Pat) -> None:
        self.print_mac(kind.mac)

    def _pat_err(self, kind: PatKind.Err, pat: Pat) -> None:
        self.word("(/*ERROR*/)")

    def _pat_missing(self, kind: PatKind.Missing, pat: Pat) -> None:
        pass  # a parameter without a pattern (`fn f(u8);` in a trait, edition 2015)

    def _pat_struct(self, kind: PatKind.Struct, pat: Pat) -> None:
        self.print_opt_qpath(kind.qself, kind.path, True)
        self.nbsp()
        self.word("{")
        empty = not kind.fields and kind.rest is PatFieldsRest.None_
        if not empty:
            self.space()

        def field(f: Any) -> None:
            self.cbox(INDENT_UNIT)
            if not f.is_shorthand:
                self.print_ident(f.ident.name)
                self.word_nbsp(":")
            self.print_pat(f.pat)
            self.end()

        self.commasep_cmnt(True, kind.fields, field, lambda f: f.pat.span)
        if kind.rest is not PatFieldsRest.None_:
            if kind.fields:
                self.word_space(",")
            self.word("..")
            if kind.rest is PatFieldsRest.Recovered:
                self.word("/* recovered parse error */")
        if not empty:
            self.space()
        self.word("}")


#: `TyKind` variant -> the `PrintState` method printing it.
_TY_PRINTERS: dict[type, Callable[[PrintState, Any, Ty], None]] = {
    TyKind.Slice: PrintState._ty_slice,
    TyKind.Array: PrintState._ty_array,
    TyKind.Ptr: PrintState._ty_ptr,
    TyKind.Ref: PrintState._ty_ref,
    TyKind.PinnedRef: PrintState._ty_pinned_ref,
    TyKind.FnPtr: PrintState._ty_fn_ptr,
    TyKind.UnsafeBinder: PrintState._ty_unsafe_binder,
    TyKind.Never: PrintState._ty_never,
    TyKind.Tup: PrintState._ty_tup,
    TyKind.Path: PrintState._ty_path,
    TyKind.TraitObject: PrintState._ty_trait_object,
    TyKind.ImplTrait: PrintState._ty_impl_trait,
    TyKind.Paren: PrintState._ty_paren,
    TyKind.Infer: PrintState._ty_infer,
    TyKind.ImplicitSelf: PrintState._ty_implicit_self,
    TyKind.MacCall: PrintState._ty_mac_call,
    TyKind.CVarArgs: PrintState._ty_c_var_args,
    TyKind.Pat: PrintState._ty_pat,
    TyKind.Dummy: PrintState._ty_dummy,
    TyKind.Err: PrintState._ty_err,
}


#: `PatKind` variant -> the `PrintState` method printing it.
_PAT_PRINTERS: dict[type, Callable[[PrintState, Any, Pat], None]] = {
    PatKind.Missing: PrintState._pat_missing,
    PatKind.Wild: PrintState._pat_wild,
    PatKind.Ident: PrintState._pat_ident,
    PatKind.Struct: PrintState._pat_struct,
    PatKind.TupleStruct: PrintState._pat_tuple_struct,
    PatKind.Or: PrintState._pat_or,
    PatKind.Path: PrintState._pat_path,
    PatKind.Tuple: PrintState._pat_tuple,
    PatKind.Box: PrintState._pat_box,
    PatKind.Deref: PrintState._pat_deref,
    PatKind.Ref: PrintState._pat_ref,
    PatKind.Expr: PrintState._pat_expr,
    PatKind.Range: PrintState._pat_range,
    PatKind.Slice: PrintState._pat_slice,
    PatKind.Rest: PrintState._pat_rest,
    PatKind.Never: PrintState._pat_never,
    PatKind.Guard: PrintState._pat_guard,
    PatKind.Paren: PrintState._pat_paren,
    PatKind.MacCall: PrintState._pat_mac_call,
    PatKind.Err: PrintState._pat_err,
}


#: `StmtKind` variant -> the `PrintState` method printing it.
_STMT_PRINTERS: dict[type, Callable[[PrintState, Any, Stmt], None]] = {
    StmtKind.Let: PrintState._stmt_let,
    StmtKind.Item: PrintState._stmt_item,
    StmtKind.Expr: PrintState._stmt_expr,
    StmtKind.Semi: PrintState._stmt_semi,
    StmtKind.Empty: PrintState._stmt_empty,
    StmtKind.MacCall: PrintState._stmt_mac_call,
}
