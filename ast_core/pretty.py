"""A pretty printer for the model that prints as rustc's `rustc_ast_pretty` does.

rustc prints an AST (`-Zunpretty=normal`, `-Zunpretty=expanded`, macro expansion
previews) with an Oppen-style line breaker: the AST printer (`State`) emits words,
breaks and boxes; the breaker (`Printer`) decides which breaks become newlines so lines
stay within 78 columns. We reproduce both, node for node, because a few tokens depend
on where lines break: a struct expression or a nested `use` list gets a trailing comma
exactly when it is printed over several lines.

What rustc normalises, we normalise too: trailing commas in parameter, argument and
array lists vanish, `;;` prints as two statements, `use a::{b};` prints as `use a::b;`,
parentheses appear exactly where the AST has `Paren`, and literals print as written.
Comments are copied from the source as rustc copies them (`gather_comments`).

Limitations: macro calls print as their tokens (rustc's `-Zunpretty=expanded` would
print their expansion); rustc's extra parentheses for ASTs that no parser produces
(built by macros) are not added; unstable `reuse` lists print as written.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .model import (
    AngleBracketedArg,
    AnonConst,
    AnyFnRetTy,
    AnyGenericArgs,
    AnyGenericBound,
    Arm,
    AssocItem,
    AssocItemConstraint,
    AssocItemConstraintKind,
    AssocItemKind,
    AttrArgs,
    AttrKind,
    Attribute,
    AttrStyle,
    Block,
    BlockCheckMode,
    BorrowKind,
    CaptureBy,
    ClosureBinder,
    CommentKind,
    Const,
    CoroutineKind,
    Crate,
    DelimArgs,
    Delimiter,
    Expr,
    ExprKind,
    ExternKind,
    FnDecl,
    FnHeader,
    FnRetTy,
    ForeignItem,
    ForeignItemKind,
    ForLoopKind,
    GenBlockKind,
    GenericArg,
    GenericArgs,
    GenericBound,
    GenericParam,
    GenericParamKind,
    Generics,
    ImplPolarity,
    IsAuto,
    Item,
    ItemKind,
    Lit,
    LitKind,
    Local,
    LocalKind,
    MacCall,
    MacStmtStyle,
    MatchKind,
    ModKind,
    Movability,
    Mutability,
    MutTy,
    Param,
    Pat,
    PatFieldsRest,
    PatKind,
    Path,
    PathSegment,
    PolyTraitRef,
    PreciseCapturingArg,
    QSelf,
    RangeEnd,
    RangeLimits,
    RangeSyntax,
    Safety,
    Span,
    Stmt,
    StmtKind,
    StrLit,
    StrStyle,
    StructRest,
    Term,
    TraitObjectSyntax,
    Ty,
    TyKind,
    TyPat,
    TyPatKind,
    UnOp,
    UnsafeBinderCastKind,
    UseTree,
    UseTreeKind,
    VariantData,
    Visibility,
    VisibilityKind,
    WhereClause,
    WherePredicate,
    WherePredicateKind,
    YieldKind,
)
from .cfg.meta import is_reserved
from .tokens import Token, TokenTree, scan, token_trees, tokenize

# ----------------------------------------------------------------------------------
# The line breaker (rustc's `pp.rs`, after Oppen, "Pretty Printing", 1979)

MARGIN = 78
"""Target line width."""
MIN_SPACE = 60
"""Every line gets at least this much room, however deep its indentation."""
SIZE_INFINITY = 0xFFFF
INDENT_UNIT = 4


class _Break:
    """A place where the line may break: `blank_space` spaces if it does not,
    a newline indented by the enclosing box plus `offset` if it does; `pre_break` is
    printed before the newline (the trailing comma of a broken list)."""

    __slots__ = ("offset", "blank_space", "pre_break")

    def __init__(self, offset: int, blank_space: int, pre_break: str | None = None) -> None:
        self.offset = offset
        self.blank_space = blank_space
        self.pre_break = pre_break

    def is_hardbreak(self) -> bool:
        return self.offset == 0 and self.blank_space == SIZE_INFINITY and self.pre_break is None


class _Begin:
    """Opens a box: `indent` is the offset for broken lines (None: align with the
    column where the box starts); a consistent box breaks all its breaks or none."""

    __slots__ = ("indent", "consistent")

    def __init__(self, indent: int | None, consistent: bool) -> None:
        self.indent = indent
        self.consistent = consistent


class _End:
    __slots__ = ()


_END = _End()
_PpToken = str | _Break | _Begin | _End


def _width(text: str) -> int:
    """rustc measures words in bytes."""
    return len(text) if text.isascii() else len(text.encode("utf-8"))


class Printer:
    """The breaking engine: a stream of words, breaks and boxes in, text out.

    SCAN (`_scan_*`) buffers tokens until the size of each pending box or break is
    known (or obviously too large); PRINT (`_print_*`) then decides each break."""

    def __init__(self) -> None:
        self._out: list[str] = []
        self._space = MARGIN
        self._buf: deque[list[Any]] = deque()  # [token, size]
        self._buf_first = 0  # absolute index of _buf[0]
        self._left_total = 0
        self._right_total = 0
        self._scan_stack: deque[int] = deque()
        self._print_stack: list[tuple[int, bool] | None] = []  # None: the box fits
        self._indent = 0
        self._pending_indentation = 0
        self._last_printed: _PpToken | None = None

    # -- scanning ---------------------------------------------------------------------

    def _push(self, token: _PpToken, size: int) -> int:
        self._buf.append([token, size])
        return self._buf_first + len(self._buf) - 1

    def _clear(self) -> None:
        self._buf_first += len(self._buf)
        self._buf.clear()

    def _scan_begin(self, token: _Begin) -> None:
        if not self._scan_stack:
            self._left_total = self._right_total = 1
            self._clear()
        self._scan_stack.append(self._push(token, -self._right_total))

    def _scan_end(self) -> None:
        if not self._scan_stack:
            self._print_end()
        else:
            self._scan_stack.append(self._push(_END, -1))

    def _scan_break(self, token: _Break) -> None:
        if not self._scan_stack:
            self._left_total = self._right_total = 1
            self._clear()
        else:
            self._check_stack(0)
        self._scan_stack.append(self._push(token, -self._right_total))
        self._right_total += token.blank_space

    def _scan_string(self, text: str) -> None:
        if not self._scan_stack:
            self._print_string(text)
        else:
            size = _width(text)
            self._push(text, size)
            self._right_total += size
            self._check_stream()

    def _check_stream(self) -> None:
        while self._right_total - self._left_total > self._space:
            if self._scan_stack[0] == self._buf_first:
                self._scan_stack.popleft()
                self._buf[0][1] = SIZE_INFINITY
            self._advance_left()
            if not self._buf:
                break

    def _advance_left(self) -> None:
        buf = self._buf
        while buf[0][1] >= 0:
            token, size = buf.popleft()
            self._buf_first += 1
            if isinstance(token, str):
                self._left_total += _width(token)
                self._print_string(token)
            elif isinstance(token, _Break):
                self._left_total += token.blank_space
                self._print_break(token, size)
            elif isinstance(token, _Begin):
                self._print_begin(token, size)
            else:
                self._print_end()
            self._last_printed = token
            if not buf:
                break

    def _check_stack(self, depth: int) -> None:
        stack = self._scan_stack
        while stack:
            entry = self._buf[stack[-1] - self._buf_first]
            token = entry[0]
            if isinstance(token, _Begin):
                if depth == 0:
                    break
                stack.pop()
                entry[1] += self._right_total
                depth -= 1
            elif isinstance(token, _End):
                stack.pop()
                entry[1] = 1
                depth += 1
            else:
                stack.pop()
                entry[1] += self._right_total
                if depth == 0:
                    break

    # -- printing -----------------------------------------------------------------------

    def _print_begin(self, token: _Begin, size: int) -> None:
        if size > self._space:
            self._print_stack.append((self._indent, token.consistent))
            if token.indent is None:
                self._indent = MARGIN - self._space
            else:
                self._indent = self._indent + token.indent
        else:
            self._print_stack.append(None)

    def _print_end(self) -> None:
        frame = self._print_stack.pop()
        if frame is not None:
            self._indent = frame[0]

    def _print_break(self, token: _Break, size: int) -> None:
        top = self._print_stack[-1] if self._print_stack else (0, False)
        fits = top is None or (not top[1] and size <= self._space)
        if fits:
            self._pending_indentation += token.blank_space
            self._space -= token.blank_space
        else:
            if token.pre_break is not None:
                self._out.append(token.pre_break)
            self._out.append("\n")
            indent = self._indent + token.offset
            self._pending_indentation = indent
            self._space = max(MARGIN - indent, MIN_SPACE)

    def _print_string(self, text: str) -> None:
        if self._pending_indentation:
            self._out.append(" " * self._pending_indentation)
            self._pending_indentation = 0
        self._out.append(text)
        self._space -= _width(text)

    # -- the convenience layer (`pp/convenience.rs`) --------------------------------------

    def ibox(self, indent: int) -> None:
        """An inconsistent box: breaks as few of its breaks as it must."""
        self._scan_begin(_Begin(indent, False))

    def cbox(self, indent: int) -> None:
        """A consistent box: breaks all of its breaks or none."""
        self._scan_begin(_Begin(indent, True))

    def visual_align(self) -> None:
        self._scan_begin(_Begin(None, True))

    def end(self) -> None:
        self._scan_end()

    def word(self, text: str) -> None:
        self._scan_string(text)

    def break_offset(self, n: int, off: int) -> None:
        self._scan_break(_Break(off, n))

    def space(self) -> None:
        self.break_offset(1, 0)

    def zerobreak(self) -> None:
        self.break_offset(0, 0)

    def hardbreak(self) -> None:
        self.break_offset(SIZE_INFINITY, 0)

    def trailing_comma(self) -> None:
        self._scan_break(_Break(0, 0, ","))

    def trailing_comma_or_space(self) -> None:
        self._scan_break(_Break(0, 1, ","))

    def offset(self, off: int) -> None:
        if self._buf and isinstance(self._buf[-1][0], _Break):
            self._buf[-1][0].offset += off

    def last_token(self) -> _PpToken | None:
        return self._buf[-1][0] if self._buf else self._last_printed

    def is_beginning_of_line(self) -> bool:
        last = self.last_token()
        return last is None or (isinstance(last, _Break) and last.is_hardbreak())

    def hardbreak_if_not_bol(self) -> None:
        if not self.is_beginning_of_line():
            self.hardbreak()

    def space_if_not_bol(self) -> None:
        if not self.is_beginning_of_line():
            self.space()

    def break_offset_if_not_bol(self, n: int, off: int) -> None:
        if not self.is_beginning_of_line():
            self.break_offset(n, off)
        elif off != 0 and self._buf and isinstance(self._buf[-1][0], _Break) \
                and self._buf[-1][0].is_hardbreak():
            # rustc tucks the offset into the hardbreak that is still buffered
            self._buf[-1][0] = _Break(off, SIZE_INFINITY)

    def nbsp(self) -> None:
        self.word(" ")

    def word_nbsp(self, text: str) -> None:
        self.word(text)
        self.nbsp()

    def word_space(self, text: str) -> None:
        self.word(text)
        self.space()

    def popen(self) -> None:
        self.word("(")

    def pclose(self) -> None:
        self.word(")")

    def eof(self) -> str:
        if self._scan_stack:
            self._check_stack(0)
            self._advance_left()
        return "".join(self._out)


# ----------------------------------------------------------------------------------
# Comments (rustc's `gather_comments`)

CommentStyle = Literal["Isolated", "Trailing", "Mixed", "BlankLine"]


@dataclass(frozen=True, slots=True)
class Comment:
    """A non-doc comment or a blank line, and how it sits among the code."""

    style: CommentStyle
    lines: tuple[str, ...]
    pos: int


def _block_comment_lines(text: str, col: int) -> tuple[str, ...]:
    """The lines of a block comment, later lines without the whitespace that indents
    the comment's first line (up to `col` characters)."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        line = line.removesuffix("\r")
        cut = 0
        for ch in line[:col]:
            if not ch.isspace():
                cut = -1
                break
            cut += 1
        out.append(line if cut < 0 else line[cut:])
    return tuple(out)


def gather_comments(src: bytes, lo: int = 0, hi: int | None = None) -> list[Comment]:
    """Every comment and blank line of a file (or of `src[lo:hi]`, which should start a
    line), in order, classified as rustc does."""
    comments: list[Comment] = []
    code_to_the_left = False
    pos = lo
    for kind, start, end in scan(src, lo, hi):
        if _blank_lines(src, pos, start, comments):
            code_to_the_left = False
        pos = end
        if kind == "comment":
            text = src[start:end].decode("utf-8", "replace")
            if text.startswith("//"):
                style: CommentStyle = "Trailing" if code_to_the_left else "Isolated"
                comments.append(Comment(style, (text,), start))
                continue
            if src[end:end + 1] not in (b"\r", b"\n"):  # code to the right
                style = "Mixed"
            else:
                style = "Trailing" if code_to_the_left else "Isolated"
            line_start = src.rfind(b"\n", 0, start) + 1
            col = len(src[line_start:start].decode("utf-8", "replace"))
            comments.append(Comment(style, _block_comment_lines(text, col), start))
        elif kind != "doc":  # doc comments are attributes, neither comments nor code here
            code_to_the_left = True
    _blank_lines(src, pos, len(src) if hi is None else min(hi, len(src)), comments)
    return comments


def _blank_lines(src: bytes, lo: int, hi: int, comments: list[Comment]) -> bool:
    """The blank lines of the whitespace `src[lo:hi]` (each newline after its first);
    whether it holds a newline at all."""
    idx = src.find(b"\n", lo, hi)
    if idx == -1:
        return False
    idx = src.find(b"\n", idx + 1, hi)
    while idx != -1:
        comments.append(Comment("BlankLine", (), idx))
        idx = src.find(b"\n", idx + 1, hi)
    return True


# ----------------------------------------------------------------------------------
# The AST printer (rustc's `pprust::state`)

_OPEN = {Delimiter.Parenthesis: "(", Delimiter.Bracket: "[", Delimiter.Brace: "{"}
_CLOSE = {Delimiter.Parenthesis: ")", Delimiter.Bracket: "]", Delimiter.Brace: "}"}
_DELIM_OF = {"(": Delimiter.Parenthesis, "[": Delimiter.Bracket, "{": Delimiter.Brace}

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


def literal_to_string(lit: Lit) -> str:
    """A literal token as rustc prints it: as written (`1_000u32`, `r#"a"#`)."""
    sym = lit.symbol
    kind = lit.kind
    hashes = "#" * lit.raw_hashes
    if kind is LitKind.Byte:
        out = f"b'{sym}'"
    elif kind is LitKind.Char:
        out = f"'{sym}'"
    elif kind is LitKind.Str:
        out = f'"{sym}"'
    elif kind is LitKind.StrRaw:
        out = f'r{hashes}"{sym}"{hashes}'
    elif kind is LitKind.ByteStr:
        out = f'b"{sym}"'
    elif kind is LitKind.ByteStrRaw:
        out = f'br{hashes}"{sym}"{hashes}'
    elif kind is LitKind.CStr:
        out = f'c"{sym}"'
    elif kind is LitKind.CStrRaw:
        out = f'cr{hashes}"{sym}"{hashes}'
    else:
        out = sym
    out += lit.suffix or ""
    # rustc normalises line endings when it loads a file, also inside literals
    return out.replace("\r\n", "\n") if "\r" in out else out


def _str_lit(lit: StrLit) -> str:
    if lit.style is StrStyle.Raw:
        return f'r"{lit.symbol}"'
    return f'"{lit.symbol}"'


def doc_comment_to_string(kind: CommentKind, style: AttrStyle, symbol: str) -> str:
    inner = style is AttrStyle.Inner
    if kind is CommentKind.Line:
        return ("//!" if inner else "///") + symbol
    return ("/*!" if inner else "/**") + symbol + "*/"


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
    if isinstance(tt1, Token) and tt1.text == "#" and isinstance(tt2, TokenTree) and tt2.open.text == "[":
        return False
    return True


def _self_kind(param: Param) -> tuple[str, Any] | None:
    """rustc's `Param::to_self`: ("value", mutbl), ("region", ref ty), ("pinned", ref ty)
    or ("explicit", mutbl) for a `self` parameter, else None."""
    pat = param.pat.kind
    if not (isinstance(pat, PatKind.Ident) and pat.binding_mode.by_ref is None and pat.ident.name == "self"):
        return None
    ty = param.ty.kind
    if isinstance(ty, TyKind.ImplicitSelf):
        return "value", pat.binding_mode.mutbl
    if isinstance(ty, TyKind.Ref) and isinstance(ty.mt.ty.kind, TyKind.ImplicitSelf):
        return "region", ty
    if isinstance(ty, TyKind.PinnedRef) and isinstance(ty.mt.ty.kind, TyKind.ImplicitSelf):
        return "pinned", ty
    return "explicit", pat.binding_mode.mutbl


class State(Printer):
    """Prints model nodes. `src` is the text the nodes' spans point into (attribute and
    macro arguments are tokens there); `comments`, if given, are copied into the output
    at the positions rustc would print them."""

    def __init__(self, src: bytes, comments: Sequence[Comment] = (), edition: int = 2021) -> None:
        super().__init__()
        self.src = src
        self.edition = edition
        self._comments = list(reversed(comments))

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
            if last == ";" or isinstance(last, (_Begin, _End)):
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

    def commasep_exprs(self, consistent: bool, exprs: Sequence[Expr]) -> None:
        self.commasep_cmnt(consistent, exprs, self.print_expr, lambda e: e.span)

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
            self.word(doc_comment_to_string(kind.comment_kind, attr.style, kind.symbol))
            self.hardbreak()
            return
        self.word("#![" if attr.style is AttrStyle.Inner else "#[")
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
                sub = State(self.src, edition=self.edition)
                sub.print_expr(args.expr)
                self.word(sub.eof())
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

    # -- items --------------------------------------------------------------------------

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
            path = _to_string(self.src, self.edition, lambda s: s.print_path(kind.path, False))
            if kind.shorthand and path in ("crate", "self", "super"):
                self.word_nbsp(f"pub({path})")
            else:
                self.word_nbsp(f"pub(in {path})")

    def _visibility_qualified(self, vis: Visibility, word: str) -> str:
        return _to_string(self.src, self.edition, lambda s: s.print_visibility(vis)) + word

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

    def print_item(self, item: Item) -> None:
        self.hardbreak_if_not_bol()
        self.maybe_print_comment(item.span[0])
        self.print_outer_attributes(item.attrs)
        kind = item.kind
        if isinstance(kind, ItemKind.Fn):
            self.print_fn_full(item.vis, item.attrs, kind)
        elif isinstance(kind, ItemKind.Use):
            self.print_visibility(item.vis)
            self.word_nbsp("use")
            self.print_use_tree(kind.tree)
            self.word(";")
        elif isinstance(kind, ItemKind.ExternCrate):
            self.head(self._visibility_qualified(item.vis, "extern crate"))
            if kind.orig is not None:
                self.word(kind.orig)
                self.space()
                self.word("as")
                self.space()
            self.print_ident(kind.ident.name)
            self.word(";")
            self.end()
            self.end()
        elif isinstance(kind, ItemKind.Static):
            self.print_safety(kind.safety)
            self._print_item_const(kind.ident.name, kind.mutability, None, kind.ty, kind.expr,
                                   item.vis, Safety.Default, None)
        elif isinstance(kind, ItemKind.Const):
            self._print_item_const(kind.ident.name, None, kind.generics, kind.ty, kind.expr,
                                   item.vis, Safety.Default, kind.defaultness)
        elif isinstance(kind, ItemKind.ConstBlock):
            self.ibox(INDENT_UNIT)
            self.word("const")
            self.nbsp()
            self.cbox(0)
            self.ibox(0)
            self.print_block_with_attrs(kind.block.block, ())
            self.end()
        elif isinstance(kind, ItemKind.Mod):
            def mod_head(s: State) -> None:
                s.print_visibility(item.vis)
                s.print_safety(kind.safety)
                s.word("mod")

            self.head(_to_string(self.src, self.edition, mod_head))
            self.print_ident(kind.ident.name)
            if isinstance(kind.mod_kind, ModKind.Loaded):
                self.nbsp()
                self.bopen()
                self.print_inner_attributes(item.attrs)
                for sub in kind.mod_kind.items:
                    self.print_item(sub)
                self.bclose(item.span, not item.attrs and not kind.mod_kind.items)
            else:
                self.word(";")
                self.end()
                self.end()
        elif isinstance(kind, ItemKind.ForeignMod):
            def extern_head(s: State) -> None:
                s.print_safety(kind.safety)
                s.word("extern")

            self.head(_to_string(self.src, self.edition, extern_head))
            if kind.abi is not None:
                self.word(_str_lit(kind.abi))
                self.nbsp()
            self.bopen()
            self.print_inner_attributes(item.attrs)
            for sub in kind.items:
                self.print_foreign_item(sub)
            self.bclose(item.span, not item.attrs and not kind.items)
        elif isinstance(kind, ItemKind.TyAlias):
            self._print_associated_type(kind, item.vis)
        elif isinstance(kind, ItemKind.Enum):
            self._print_enum(kind, item)
        elif isinstance(kind, (ItemKind.Struct, ItemKind.Union)):
            keyword = "struct" if isinstance(kind, ItemKind.Struct) else "union"
            self.head(self._visibility_qualified(item.vis, keyword))
            self._print_struct(kind.data, kind.generics, kind.ident.name, item.span, True)
        elif isinstance(kind, ItemKind.Impl):
            self._print_impl(kind, item)
        elif isinstance(kind, ItemKind.Trait):
            self.head("")
            self.print_visibility(item.vis)
            self.print_constness(kind.constness)
            self.print_safety(kind.safety)
            if kind.is_auto is IsAuto.Yes:
                self.word_nbsp("auto")
            self.word_nbsp("trait")
            self.print_ident(kind.ident.name)
            self.print_generic_params(kind.generics.params)
            if kind.bounds:
                self.word_nbsp(":")
                self.print_type_bounds(kind.bounds)
            self.print_where_clause(kind.generics.where_clause)
            self.word(" ")
            self.bopen()
            self.print_inner_attributes(item.attrs)
            for sub in kind.items:
                self.print_assoc_item(sub)
            self.bclose(item.span, not item.attrs and not kind.items)
        elif isinstance(kind, ItemKind.TraitAlias):
            self.head("")
            self.print_visibility(item.vis)
            self.print_constness(kind.constness)
            self.word_nbsp("trait")
            self.print_ident(kind.ident.name)
            self.print_generic_params(kind.generics.params)
            self.nbsp()
            if kind.bounds:
                self.word_nbsp("=")
                self.print_type_bounds(kind.bounds)
            self.print_where_clause(kind.generics.where_clause)
            self.word(";")
            self.end()
            self.end()
        elif isinstance(kind, ItemKind.MacCall):
            self.print_mac(kind.mac)
            if kind.mac.args.delim is not Delimiter.Brace:
                self.word(";")
        elif isinstance(kind, ItemKind.MacroDef):
            if not kind.def_.macro_rules:
                self.print_visibility(item.vis)
            self.print_mac_common("macro_rules" if kind.def_.macro_rules else "macro",
                                  kind.def_.macro_rules, kind.ident.name, kind.def_.body, item.span)
            if kind.def_.body.delim is not Delimiter.Brace:
                self.word(";")
        else:  # `reuse` (unstable) and asm items after expansion: as written
            self.print_visibility(item.vis)
            self.word(self.src[item.span[0]:item.span[1]].decode("utf-8", "replace"))

    def print_assoc_item(self, item: AssocItem) -> None:
        self.hardbreak_if_not_bol()
        self.maybe_print_comment(item.span[0])
        self.print_outer_attributes(item.attrs)
        kind = item.kind
        if isinstance(kind, AssocItemKind.Fn):
            self.print_fn_full(item.vis, item.attrs, kind)
        elif isinstance(kind, AssocItemKind.Const):
            self._print_item_const(kind.ident.name, None, kind.generics, kind.ty, kind.expr, item.vis,
                                   Safety.Default, kind.defaultness)
        elif isinstance(kind, AssocItemKind.Type):
            self._print_associated_type(kind, item.vis)
        elif isinstance(kind, AssocItemKind.MacCall):
            self.print_mac(kind.mac)
            if kind.mac.args.delim is not Delimiter.Brace:
                self.word(";")
        else:
            self.print_visibility(item.vis)
            self.word(self.src[item.span[0]:item.span[1]].decode("utf-8", "replace"))

    def print_foreign_item(self, item: ForeignItem) -> None:
        self.hardbreak_if_not_bol()
        self.maybe_print_comment(item.span[0])
        self.print_outer_attributes(item.attrs)
        kind = item.kind
        if isinstance(kind, ForeignItemKind.Fn):
            self.print_fn_full(item.vis, item.attrs, kind)
        elif isinstance(kind, ForeignItemKind.Static):
            self._print_item_const(kind.ident.name, kind.mutability, None, kind.ty, kind.expr, item.vis,
                                   kind.safety, None)
        elif isinstance(kind, ForeignItemKind.TyAlias):
            self._print_associated_type(kind, item.vis)
        else:
            self.print_mac(kind.mac)
            if kind.mac.args.delim is not Delimiter.Brace:
                self.word(";")

    def _print_item_const(self, ident: str, mutbl: Mutability | None, generics: Generics | None, ty: Ty,
                          body: Expr | None, vis: Visibility, safety: Safety, defaultness: Any) -> None:
        self.hardbreak_if_not_bol()  # rustc's `print_define_opaques(None)`
        self.head("")
        self.print_visibility(vis)
        self.print_safety(safety)
        if defaultness is not None:
            self.print_defaultness(defaultness)
        leading = {None: "const", Mutability.Not: "static", Mutability.Mut: "static mut"}[mutbl]
        self.word_space(leading)
        self.print_ident(ident)
        if generics is not None:
            self.print_generic_params(generics.params)
        self.word_space(":")
        self.print_type(ty)
        if body is not None:
            self.space()
        self.end()
        if body is not None:
            self.word_space("=")
            self.print_expr(body)
        if generics is not None:
            self.print_where_clause(generics.where_clause)
        self.word(";")
        self.end()

    def _print_associated_type(self, kind: Any, vis: Visibility) -> None:
        self.head("")
        self.print_visibility(vis)
        self.print_defaultness(kind.defaultness)
        self.word_space("type")
        self.print_ident(kind.ident.name)
        self.print_generic_params(kind.generics.params)
        if kind.bounds:
            self.word_nbsp(":")
            self.print_type_bounds(kind.bounds)
        self.print_where_clause(kind.generics.where_clause)
        if kind.ty is not None:
            self.space()
            self.word_space("=")
            self.print_type(kind.ty)
        self.print_where_clause(kind.after_where_clause)
        self.word(";")
        self.end()
        self.end()

    def _print_enum(self, kind: ItemKind.Enum, item: Item) -> None:
        self.head(self._visibility_qualified(item.vis, "enum"))
        self.print_ident(kind.ident.name)
        self.print_generic_params(kind.generics.params)
        self.print_where_clause(kind.generics.where_clause)
        self.space()
        self.bopen()
        for variant in kind.variants:
            self.space_if_not_bol()
            self.maybe_print_comment(variant.span[0])
            self.print_outer_attributes(variant.attrs)
            self.ibox(0)
            self.head("")
            self.print_visibility(variant.vis)
            self._print_struct(variant.data, None, variant.ident.name, variant.span, False)
            if variant.disr_expr is not None:
                self.space()
                self.word_space("=")
                self.print_expr(variant.disr_expr.value)
            self.word(",")
            self.end()
            self._maybe_print_trailing_comment(variant.span, None)
        self.bclose(item.span, not kind.variants)

    def _print_struct(self, data: Any, generics: Generics | None, ident: str, span: Span,
                      finalizer: bool) -> None:
        """The rest of a struct, union or variant after its head box is open."""
        self.print_ident(ident)
        if generics is not None:
            self.print_generic_params(generics.params)
        if isinstance(data, (VariantData.Tuple, VariantData.Unit)):
            if isinstance(data, VariantData.Tuple):
                self.popen()

                def field(f: Any) -> None:
                    self.maybe_print_comment(f.span[0])
                    self.print_outer_attributes(f.attrs)
                    self.print_visibility(f.vis)
                    self.print_type(f.ty)

                self.commasep(False, data.fields, field)
                self.pclose()
            if generics is not None:
                self.print_where_clause(generics.where_clause)
            if finalizer:
                self.word(";")
            self.end()
            self.end()
            return
        if generics is not None:
            self.print_where_clause(generics.where_clause)
        self.nbsp()
        self.bopen()
        if data.fields:
            self.hardbreak_if_not_bol()
            for f in data.fields:
                self.hardbreak_if_not_bol()
                self.maybe_print_comment(f.span[0])
                self.print_outer_attributes(f.attrs)
                self.print_visibility(f.vis)
                self.print_ident(f.ident.name)
                self.word_nbsp(":")
                self.print_type(f.ty)
                self.word(",")
        self.bclose(span, not data.fields)

    def _print_impl(self, kind: ItemKind.Impl, item: Item) -> None:
        self.head("")
        self.print_visibility(item.vis)

        def impl_generics() -> None:
            self.word("impl")
            if not kind.generics.params:
                self.nbsp()
            else:
                self.print_generic_params(kind.generics.params)
                self.space()

        header = kind.of_trait
        if header is not None:
            self.print_defaultness(header.defaultness)
            self.print_constness(kind.constness)
            self.print_safety(header.safety)
            impl_generics()
            if header.polarity is ImplPolarity.Negative:
                self.word("!")
            self.print_path(header.trait_ref.path, False)
            self.space()
            self.word_space("for")
        else:
            self.print_constness(kind.constness)
            impl_generics()
        self.print_type(kind.self_ty)
        self.print_where_clause(kind.generics.where_clause)
        self.space()
        self.bopen()
        self.print_inner_attributes(item.attrs)
        for sub in kind.items:
            self.print_assoc_item(sub)
        self.bclose(item.span, not item.attrs and not kind.items)

    def print_fn_full(self, vis: Visibility, attrs: Sequence[Attribute], kind: Any) -> None:
        """A fn item, method or foreign fn: `print_fn_full`."""
        self.hardbreak_if_not_bol()  # rustc's `print_define_opaques(None)`
        if kind.body is not None:
            self.head("")
        self.print_visibility(vis)
        self.print_defaultness(kind.defaultness)
        self.print_fn(kind.sig.decl, kind.sig.header, kind.ident.name, kind.generics)
        if kind.body is not None:
            self.nbsp()
            self.print_block_with_attrs(kind.body, attrs)
        else:
            self.word(";")

    def print_fn(self, decl: FnDecl, header: FnHeader, ident: str | None, generics: Generics | None) -> None:
        self.print_fn_header_info(header)
        if ident is not None:
            self.nbsp()
            self.print_ident(ident)
        if generics is not None:
            self.print_generic_params(generics.params)
        self.print_fn_params_and_ret(decl, False)
        if generics is not None:
            self.print_where_clause(generics.where_clause)

    def print_fn_header_info(self, header: FnHeader) -> None:
        self.print_constness(header.constness)
        if header.coroutine_kind is not None:
            self.print_coroutine_kind(header.coroutine_kind)
        self.print_safety(header.safety)
        self._print_extern(header.ext, header.abi)
        self.word("fn")

    def _print_extern(self, ext: ExternKind, abi: StrLit | None) -> None:
        if ext is ExternKind.Implicit:
            self.word_nbsp("extern")
        elif ext is ExternKind.Explicit and abi is not None:
            self.word_nbsp("extern")
            self.word(_str_lit(abi))
            self.nbsp()

    def print_coroutine_kind(self, kind: Any) -> None:
        if isinstance(kind, CoroutineKind.Gen):
            self.word_nbsp("gen")
        elif isinstance(kind, CoroutineKind.Async):
            self.word_nbsp("async")
        else:
            self.word_nbsp("async")
            self.word_nbsp("gen")

    def print_fn_params_and_ret(self, decl: FnDecl, is_closure: bool) -> None:
        self.word("|" if is_closure else "(")
        self.commasep(False, decl.inputs, lambda p: self.print_param(p, is_closure))
        self.word("|" if is_closure else ")")
        self.print_fn_ret_ty(decl.output)

    def print_fn_ret_ty(self, output: AnyFnRetTy) -> None:
        if isinstance(output, FnRetTy.Ty):
            self.space_if_not_bol()
            self.ibox(INDENT_UNIT)
            self.word_space("->")
            self.print_type(output.ty)
            self.end()
            self.maybe_print_comment(output.ty.span[0])

    def print_param(self, param: Param, is_closure: bool) -> None:
        self.ibox(INDENT_UNIT)
        self.print_outer_attributes_inline(param.attrs)
        if is_closure and isinstance(param.ty.kind, TyKind.Infer):
            self.print_pat(param.pat)
        else:
            eself = _self_kind(param)
            if eself is not None:
                self._print_explicit_self(param, eself)
            else:
                if not isinstance(param.pat.kind, PatKind.Missing):
                    self.print_pat(param.pat)
                    self.word(":")
                    self.space()
                self.print_type(param.ty)
        self.end()

    def _print_explicit_self(self, param: Param, eself: tuple[str, Any]) -> None:
        how, data = eself
        if how == "value":
            self.print_mutability(data, False)
            self.word("self")
        elif how in ("region", "pinned"):
            self.word("&")
            self._print_opt_lifetime(data.lifetime)
            if how == "pinned":
                self.word("pin ")
                self.print_mutability(data.mt.mutbl, True)
            else:
                self.print_mutability(data.mt.mutbl, False)
            self.word("self")
        else:
            self.print_mutability(data, False)
            self.word("self")
            self.word_space(":")
            self.print_type(param.ty)

    def print_where_clause(self, where: WhereClause) -> None:
        if not where.predicates and not where.has_where_token:
            return
        self.space()
        self.word_space("where")
        for i, pred in enumerate(where.predicates):
            if i:
                self.word_space(",")
            self.print_where_predicate(pred)

    def print_where_predicate(self, pred: WherePredicate) -> None:
        self.print_outer_attributes(pred.attrs)
        kind = pred.kind
        if isinstance(kind, WherePredicateKind.BoundPredicate):
            self.print_formal_generic_params(kind.bound_generic_params)
            self.print_type(kind.bounded_ty)
            self.word(":")
            if kind.bounds:
                self.nbsp()
                self.print_type_bounds(kind.bounds)
        elif isinstance(kind, WherePredicateKind.RegionPredicate):
            self.print_lifetime(kind.lifetime.ident.name)
            self.word(":")
            if kind.bounds:
                self.nbsp()
                self._print_lifetime_bounds(kind.bounds)
        else:
            self.print_type(kind.lhs_ty)
            self.space()
            self.word_space("=")
            self.print_type(kind.rhs_ty)

    def print_use_tree(self, tree: UseTree) -> None:
        kind = tree.kind
        if isinstance(kind, UseTreeKind.Simple):
            self.print_path(tree.prefix, False)
            if kind.rename is not None:
                self.nbsp()
                self.word_nbsp("as")
                self.print_ident(kind.rename.name)
            return
        if tree.prefix.segments:
            self.print_path(tree.prefix, False)
            self.word("::")
        if isinstance(kind, UseTreeKind.Glob):
            self.word("*")
            return
        items = kind.items
        if not items:
            self.word("{}")
        elif len(items) == 1:  # `use a::{b};` prints as `use a::b;` (even `{self}`, in 1.95)
            self.print_use_tree(items[0])
        else:
            self.cbox(INDENT_UNIT)
            self.word("{")
            self.zerobreak()
            self.ibox(0)
            for i, sub in enumerate(items):
                self.print_use_tree(sub)
                if i + 1 < len(items):
                    self.word(",")
                    if isinstance(sub.kind, UseTreeKind.Nested):
                        self.hardbreak()
                    else:
                        self.space()
            self.end()
            self.trailing_comma()
            self.offset(-INDENT_UNIT)
            self.word("}")
            self.end()

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
                self.print_expr_anon_const(kind.term.value, ())
        elif kind.bounds:
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
        if isinstance(kind, TyKind.Slice):
            self.word("[")
            self.print_type(kind.ty)
            self.word("]")
        elif isinstance(kind, TyKind.Ptr):
            self.word("*")
            self._print_mt(kind.mt, True)
        elif isinstance(kind, TyKind.Ref):
            self.word("&")
            self._print_opt_lifetime(kind.lifetime)
            self._print_mt(kind.mt, False)
        elif isinstance(kind, TyKind.PinnedRef):
            self.word("&")
            self._print_opt_lifetime(kind.lifetime)
            self.word("pin ")
            self._print_mt(kind.mt, True)
        elif isinstance(kind, TyKind.Never):
            self.word("!")
        elif isinstance(kind, TyKind.Tup):
            self.popen()
            self.commasep(False, kind.tys, self.print_type)
            if len(kind.tys) == 1:
                self.word(",")
            self.pclose()
        elif isinstance(kind, TyKind.Paren):
            self.popen()
            self.print_type(kind.ty)
            self.pclose()
        elif isinstance(kind, TyKind.FnPtr):
            self.ibox(INDENT_UNIT)
            self.print_formal_generic_params(kind.generic_params)
            header = FnHeader(Const.No, None, kind.safety, kind.ext, kind.abi)
            self.print_fn(kind.decl, header, None, None)
            self.end()
        elif isinstance(kind, TyKind.UnsafeBinder):
            self.ibox(INDENT_UNIT)
            self.word("unsafe")
            self.print_generic_params(kind.generic_params)
            self.nbsp()
            self.print_type(kind.inner_ty)
            self.end()
        elif isinstance(kind, TyKind.Path):
            if kind.qself is not None:
                self.print_qpath(kind.path, kind.qself, False)
            else:
                self.print_path(kind.path, False)
        elif isinstance(kind, TyKind.TraitObject):
            if kind.syntax is TraitObjectSyntax.Dyn:
                self.word_nbsp("dyn")
            self.print_type_bounds(kind.bounds)
        elif isinstance(kind, TyKind.ImplTrait):
            self.word_nbsp("impl")
            self.print_type_bounds(kind.bounds)
        elif isinstance(kind, TyKind.Array):
            self.word("[")
            self.print_type(kind.ty)
            self.word("; ")
            self.print_expr(kind.len.value)
            self.word("]")
        elif isinstance(kind, TyKind.Infer):
            self.word("_")
        elif isinstance(kind, TyKind.ImplicitSelf):
            self.word("Self")
        elif isinstance(kind, TyKind.MacCall):
            self.print_mac(kind.mac)
        elif isinstance(kind, TyKind.CVarArgs):
            self.word("...")
        elif isinstance(kind, TyKind.Pat):
            self.print_type(kind.ty)
            self.word(" is ")
            self._print_ty_pat(kind.pat)
        elif isinstance(kind, TyKind.Dummy):
            self.word("(/*DUMMY*/)")
        else:
            self.word("(/*ERROR*/)")
        self.end()

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
        if isinstance(kind, StmtKind.Let):
            self._print_local(kind.local)
        elif isinstance(kind, StmtKind.Item):
            self.print_item(kind.item)
        elif isinstance(kind, StmtKind.Expr):
            self.space_if_not_bol()
            self.print_expr_outer_attr_style(kind.expr, False)
            if _expr_requires_semi_to_be_stmt(kind.expr):
                self.word(";")
        elif isinstance(kind, StmtKind.Semi):
            self.space_if_not_bol()
            self.print_expr_outer_attr_style(kind.expr, False)
            self.word(";")
        elif isinstance(kind, StmtKind.Empty):
            self.space_if_not_bol()
            self.word(";")
        else:
            self.space_if_not_bol()
            self.print_outer_attributes(kind.attrs)
            self.print_mac(kind.mac)
            if kind.style is MacStmtStyle.Semicolon:
                self.word(";")
        self._maybe_print_trailing_comment(stmt.span, None)

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

    # -- expressions ------------------------------------------------------------------------

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
        if kind.qself is not None:
            self.print_qpath(kind.path, kind.qself, True)
        else:
            self.print_path(kind.path, True)
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
        self.popen()
        self.commasep_exprs(False, kind.exprs)
        if len(kind.exprs) == 1:
            self.word(",")
        self.pclose()

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
        if kind.qself is not None:
            self.print_qpath(kind.path, kind.qself, True)
        else:
            self.print_path(kind.path, True)

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

    # -- patterns -----------------------------------------------------------------------------

    def print_pat(self, pat: Pat) -> None:
        self.maybe_print_comment(pat.span[0])
        kind = pat.kind
        if isinstance(kind, PatKind.Wild):
            self.word("_")
        elif isinstance(kind, PatKind.Never):
            self.word("!")
        elif isinstance(kind, PatKind.Ident):
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
        elif isinstance(kind, PatKind.TupleStruct):
            if kind.qself is not None:
                self.print_qpath(kind.path, kind.qself, True)
            else:
                self.print_path(kind.path, True)
            self.popen()
            self.commasep(False, kind.pats, self.print_pat)
            self.pclose()
        elif isinstance(kind, PatKind.Or):
            self.strsep("|", True, False, kind.pats, self.print_pat)
        elif isinstance(kind, PatKind.Path):
            if kind.qself is not None:
                self.print_qpath(kind.path, kind.qself, False)
            else:
                self.print_path(kind.path, True)
        elif isinstance(kind, PatKind.Struct):
            self._print_struct_pat(kind)
        elif isinstance(kind, PatKind.Tuple):
            self.popen()
            self.commasep(False, kind.pats, self.print_pat)
            if len(kind.pats) == 1:
                self.word(",")
            self.pclose()
        elif isinstance(kind, PatKind.Box):
            self.word("box ")
            self.print_pat(kind.pat)
        elif isinstance(kind, PatKind.Deref):
            self.word("deref!")
            self.popen()
            self.print_pat(kind.pat)
            self.pclose()
        elif isinstance(kind, PatKind.Ref):
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
        elif isinstance(kind, PatKind.Expr):
            self.print_expr(kind.expr)
        elif isinstance(kind, PatKind.Range):
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
        elif isinstance(kind, PatKind.Guard):
            self.popen()
            self.print_pat(kind.pat)
            self.space()
            self.word_space("if")
            self.print_expr(kind.guard)
            self.pclose()
        elif isinstance(kind, PatKind.Slice):
            self.word("[")
            self.commasep(False, kind.pats, self.print_pat)
            self.word("]")
        elif isinstance(kind, PatKind.Rest):
            self.word("..")
        elif isinstance(kind, PatKind.Paren):
            self.popen()
            self.print_pat(kind.pat)
            self.pclose()
        elif isinstance(kind, PatKind.MacCall):
            self.print_mac(kind.mac)
        elif not isinstance(kind, PatKind.Missing):
            self.word("(/*ERROR*/)")

    def _print_struct_pat(self, kind: PatKind.Struct) -> None:
        if kind.qself is not None:
            self.print_qpath(kind.path, kind.qself, True)
        else:
            self.print_path(kind.path, True)
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


def _ends_with_dot(expr: Expr) -> bool:
    """An unsuffixed float like `0.`: a following `.`/`..` needs a space."""
    kind = expr.kind
    return (isinstance(kind, ExprKind.Lit) and kind.lit.kind is LitKind.Float
            and kind.lit.suffix is None and kind.lit.symbol.endswith("."))


#: `ExprKind` variant -> the `State` method printing it. `InlineAsm`, `IncludedBytes` and
#: `FormatArgs` exist only after macro expansion, which the model never holds.
_EXPR_PRINTERS: dict[type, Callable[[State, Any, Expr], None]] = {
    ExprKind.Array: State._expr_array,
    ExprKind.ConstBlock: State._expr_const_block,
    ExprKind.Repeat: State._expr_repeat,
    ExprKind.Struct: State._expr_struct,
    ExprKind.Tup: State._expr_tup,
    ExprKind.Call: State._expr_call,
    ExprKind.MethodCall: State._expr_method_call,
    ExprKind.Binary: State._expr_binary,
    ExprKind.Unary: State._expr_unary,
    ExprKind.AddrOf: State._expr_addr_of,
    ExprKind.Lit: State._expr_lit,
    ExprKind.Cast: State._expr_cast,
    ExprKind.Type: State._expr_type,
    ExprKind.Let: State._expr_let,
    ExprKind.If: State._expr_if,
    ExprKind.While: State._expr_while,
    ExprKind.ForLoop: State._expr_for_loop,
    ExprKind.Loop: State._expr_loop,
    ExprKind.Match: State._expr_match,
    ExprKind.Closure: State._expr_closure,
    ExprKind.Block: State._expr_block,
    ExprKind.Gen: State._expr_gen,
    ExprKind.Await: State._expr_await,
    ExprKind.Use: State._expr_use,
    ExprKind.TryBlock: State._expr_try_block,
    ExprKind.Assign: State._expr_assign,
    ExprKind.AssignOp: State._expr_assign_op,
    ExprKind.Field: State._expr_field,
    ExprKind.Index: State._expr_index,
    ExprKind.Range: State._expr_range,
    ExprKind.Underscore: State._expr_underscore,
    ExprKind.Path: State._expr_path,
    ExprKind.Break: State._expr_break,
    ExprKind.Continue: State._expr_continue,
    ExprKind.Ret: State._expr_ret,
    ExprKind.Yeet: State._expr_yeet,
    ExprKind.Become: State._expr_become,
    ExprKind.OffsetOf: State._expr_offset_of,
    ExprKind.MacCall: State._expr_mac_call,
    ExprKind.Paren: State._expr_paren,
    ExprKind.Yield: State._expr_yield,
    ExprKind.Try: State._expr_try,
    ExprKind.UnsafeBinderCast: State._expr_unsafe_binder_cast,
    ExprKind.Err: State._expr_err,
    ExprKind.Dummy: State._expr_err,
}


def _to_string(src: bytes, edition: int, f: Callable[[State], Any]) -> str:
    state = State(src, edition=edition)
    f(state)
    return state.eof()


# ----------------------------------------------------------------------------------
# Entry points


def _comment_pos(comment: Comment) -> int:
    return comment.pos


def comments_in(comments: Sequence[Comment], lo: int, hi: int) -> list[Comment]:
    """The comments with positions in `lo..hi` (comments are sorted by position)."""
    return list(comments[bisect_left(comments, lo, key=_comment_pos):bisect_left(comments, hi, key=_comment_pos)])


def crate_to_string(krate: Crate, src: bytes, with_comments: bool = True, edition: int = 2021) -> str:
    """A whole crate as `rustc -Zunpretty=normal` prints it."""
    state = State(src, gather_comments(src) if with_comments else (), edition)
    state.print_crate(krate)
    return state.eof()


def items_to_string(items: Sequence[Item | AssocItem], src: bytes, comments: Sequence[Comment] = (),
                    edition: int = 2021) -> str:
    """Consecutive items (free or associated) as rustc prints them, without a final newline."""
    state = State(src, comments, edition)
    for item in items:
        if isinstance(item, AssocItem):
            state.print_assoc_item(item)
        else:
            state.print_item(item)
    return state.eof().rstrip("\n")


def ty_to_string(ty: Ty, src: bytes = b"", edition: int = 2021) -> str:
    return _to_string(src, edition, lambda s: s.print_type(ty))


def param_to_string(param: Param, src: bytes = b"", edition: int = 2021) -> str:
    return _to_string(src, edition, lambda s: s.print_param(param, False))
