"""Lowering of attributes and doc comments to `Attribute`s.

Doc comments are attributes in rustc (`AttrKind::DocComment`); plain comments are
nothing. An attribute's arguments stay tokens (`DelimArgs` keeps their span), except
`#[name = expr]`, the one form that holds an AST node.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import (
    AttrArgs,
    AttrItem,
    AttrKind,
    Attribute,
    AttrStyle,
    CommentKind,
    DelimArgs,
    Delimiter,
    Expr,
    ExprKind,
    Ident,
    Lit,
    LitKind,
    Path,
    PathSegment,
    Safety,
    Span,
)
from ..syntax import SyntaxNode, fields as F, kinds as K, optional
from ..tokens import Token, TokenTree, doc_comment_style, doc_comment_symbol, token_trees, tokenize
from . import expr as _expr
from . import ty as _ty
from .cx import LowerCx, span


def is_doc_comment(cx: LowerCx, node: SyntaxNode) -> bool:
    """Whether a comment node is a doc comment, by rustc's rules (`////` and `/***`
    are plain comments, `/**/` too)."""
    return _doc_style(cx, node) is not None


def _doc_style(cx: LowerCx, node: SyntaxNode) -> tuple[CommentKind, AttrStyle] | None:
    if node.type == K.LINE_COMMENT:
        kind = CommentKind.Line
    elif node.type == K.BLOCK_COMMENT:
        kind = CommentKind.Block
    else:
        return None
    style = doc_comment_style(cx.src[node.start_byte:node.start_byte + 4])
    if style is None:
        return None
    return kind, AttrStyle.Inner if style == "inner" else AttrStyle.Outer


def is_inner(attr: Attribute) -> bool:
    return attr.style is AttrStyle.Inner


def lower_attr(cx: LowerCx, node: SyntaxNode) -> Attribute:
    """An `attribute_item`, `inner_attribute_item` or doc comment."""
    t = node.type
    if t == K.LINE_COMMENT or t == K.BLOCK_COMMENT:
        doc = _doc_style(cx, node)
        assert doc is not None  # callers pass only doc comments (`is_doc_comment`)
        comment_kind, style = doc
        lo, hi = node.start_byte, node.end_byte
        body = doc_comment_symbol(cx.src[lo:hi].decode("utf-8", "replace"))
        if comment_kind is CommentKind.Line:
            hi = lo + len(cx.src[lo:hi].rstrip(b"\n").removesuffix(b"\r"))
        return Attribute(AttrKind.DocComment(comment_kind, body), 0, style, (lo, hi))
    style = AttrStyle.Inner if t == K.INNER_ATTRIBUTE_ITEM else AttrStyle.Outer
    attribute = next((c for c in node.named_children if c.type == K.ATTRIBUTE), None)
    if attribute is None:
        item = AttrItem(Safety.Default, Path(span(node), []), AttrArgs.Empty())
    else:
        item = _attr_item(cx, attribute)
    return Attribute(AttrKind.Normal(item), 0, style, span(node))


def _attr_item(cx: LowerCx, node: SyntaxNode) -> AttrItem:
    path_node = None
    args = optional(node, F.ARGUMENTS)
    value = optional(node, F.VALUE)
    for child in node.named_children:
        if child != args and child != value:
            path_node = child
            break
    if path_node is None:
        return AttrItem(Safety.Default, Path(span(node), []), AttrArgs.Empty())
    if (path_node.type == K.IDENTIFIER and args is not None and value is None
            and cx.src[path_node.start_byte:path_node.end_byte] == b"unsafe"):
        return _unsafe_attr_item(cx, args)
    path = _ty.path_of(cx, path_node)
    if value is not None:
        eq = next((c for c in node.children if c.type == K.EQ), None)
        return AttrItem(Safety.Default, path, AttrArgs.Eq(span(eq) if eq else span(value),
                                                          _expr.lower_expr(cx, value)))
    if args is not None:
        return AttrItem(Safety.Default, path, AttrArgs.Delimited(delim_args(cx, args)))
    return AttrItem(Safety.Default, path, AttrArgs.Empty())


def delim_args(cx: LowerCx, token_tree: SyntaxNode) -> DelimArgs:
    opener = cx.src[token_tree.start_byte:token_tree.start_byte + 1]
    delim = {b"(": Delimiter.Parenthesis, b"[": Delimiter.Bracket, b"{": Delimiter.Brace}.get(
        opener, Delimiter.Parenthesis)
    return DelimArgs(span(token_tree), delim)


def _unsafe_attr_item(cx: LowerCx, args: SyntaxNode) -> AttrItem:
    """`#[unsafe(no_mangle)]`, `#[unsafe(export_name = "f")]`: tree-sitter sees a call
    of an attribute named `unsafe`; rustc sees the inner attribute marked unsafe."""
    trees = token_trees(tokenize(cx.src, args.start_byte, args.end_byte))
    group = trees[0] if trees and isinstance(trees[0], TokenTree) else None
    return _unsafe(_item_from_tokens(group.trees if group is not None else [], args.start_byte))


def _unsafe(item: AttrItem) -> AttrItem:
    item.unsafety = Safety.Unsafe
    return item


def attr_item_from_tokens(trees: list[TokenTree | Token], lo: int) -> AttrItem:
    """An attribute's path and arguments from its tokens (`a::b(..)`, `a = "x"`, and
    `unsafe(..)` around either); `lo` is where they start."""
    if (len(trees) == 2 and isinstance(trees[0], Token) and trees[0].text == "unsafe"
            and isinstance(trees[1], TokenTree) and trees[1].open.text == "("):
        return _unsafe(_item_from_tokens(trees[1].trees, trees[1].lo))
    return _item_from_tokens(trees, lo)


def inserted_attr(src: bytes, span: Span, style: AttrStyle) -> Attribute:
    """An attribute a true `cfg_attr` inserts, read from its text `src[span]`; as in
    rustc, its span is that text's (`path(args)`, without `#[`)."""
    item = attr_item_from_tokens(token_trees(tokenize(src, span[0], span[1])), span[0])
    return Attribute(AttrKind.Normal(item), 0, style, span)


def _item_from_tokens(trees: list[TokenTree | Token], lo: int) -> AttrItem:
    """An attribute's path and arguments from its tokens (`a::b(..)`, `a = "x"`)."""
    segments: list[PathSegment] = []
    i = 0
    if trees and isinstance(trees[0], Token) and trees[0].text == "::":
        segments.append(PathSegment(Ident("{{root}}", (trees[0].lo, trees[0].lo)), None))
        i = 1
    while i < len(trees):
        tok = trees[i]
        if not (isinstance(tok, Token) and tok.kind == "ident"):
            break
        segments.append(PathSegment(Ident(tok.text, tok.span), None))
        i += 1
        if i < len(trees) and isinstance(sep := trees[i], Token) and sep.text == "::":
            i += 1
        else:
            break
    path_lo = trees[0].lo if trees else lo
    path = Path((path_lo, trees[i - 1].hi if i else path_lo), segments)
    rest = trees[i:]
    if rest and isinstance(rest[0], TokenTree):
        group = rest[0]
        delim = {"(": Delimiter.Parenthesis, "[": Delimiter.Bracket, "{": Delimiter.Brace}[group.open.text]
        return AttrItem(Safety.Default, path, AttrArgs.Delimited(DelimArgs((group.lo, group.hi), delim)))
    if len(rest) >= 2 and isinstance(rest[0], Token) and rest[0].text == "=":
        value = list(_flatten(rest[1:]))
        expr = Expr(ExprKind.Lit(_lit_of_tokens(value)), (value[0].lo, value[-1].hi), ())
        return AttrItem(Safety.Default, path, AttrArgs.Eq(rest[0].span, expr))
    return AttrItem(Safety.Default, path, AttrArgs.Empty())


def _flatten(trees: list[TokenTree | Token]) -> Iterator[Token]:
    for tree in trees:
        if isinstance(tree, Token):
            yield tree
        else:
            yield tree.open
            yield from _flatten(tree.trees)
            if tree.close is not None:
                yield tree.close


def _attrs_in(cx: LowerCx, lo: int, hi: int) -> list[Attribute] | None:
    """The outer attributes at bytes `lo:hi`, which `syntax.parse` spelled as spaces
    where tree-sitter knows none (`let c = #[coroutine] || ..`): read from the tokens;
    None if the bytes hold more."""
    trees = token_trees(tokenize(cx.src, lo, hi))
    out: list[Attribute] = []
    i = 0
    while i + 1 < len(trees):
        hash_tok, group = trees[i], trees[i + 1]
        if not (isinstance(hash_tok, Token) and hash_tok.text == "#" and isinstance(group, TokenTree)
                and group.open.text == "[" and group.close is not None):
            return None
        item = _item_from_tokens(group.trees, group.lo)
        out.append(Attribute(AttrKind.Normal(item), 0, AttrStyle.Outer, (hash_tok.lo, group.hi)))
        i += 2
    return out if i == len(trees) else None


_STR_KINDS = {("str", False): LitKind.Str, ("str", True): LitKind.StrRaw,
              ("byte_str", False): LitKind.ByteStr, ("byte_str", True): LitKind.ByteStrRaw,
              ("c_str", False): LitKind.CStr, ("c_str", True): LitKind.CStrRaw}


def _lit_of_tokens(tokens: Sequence[Token]) -> Lit:
    """The literal of `name = value` from the value's tokens: a literal of any kind
    when it is one literal token (or `true`/`false`), else an error literal."""
    if len(tokens) != 1 or tokens[0].kind not in ("literal", "ident"):
        return Lit(LitKind.Err, " ".join(t.text for t in tokens), None, 0)
    from ..meta import classify_lit  # noqa: PLC0415 (check-cfg's modules load only for `= value`: CLI start-up)

    lit = classify_lit(tokens[0])
    text = lit.text
    if lit.kind in ("str", "byte_str", "c_str"):
        body = text.lstrip("bc")
        raw = body.startswith("r")
        hashes = len(body) - 1 - len(body[1:].lstrip("#")) if raw else 0
        return Lit(_STR_KINDS[(lit.kind, raw)], body[body.index('"') + 1:body.rindex('"')], lit.suffix, hashes)
    if lit.kind in ("char", "byte"):
        body = text[text.index("'") + 1:text.rindex("'")]
        return Lit(LitKind.Char if lit.kind == "char" else LitKind.Byte, body, lit.suffix, 0)
    if lit.kind == "bool":
        if text not in ("true", "false"):
            return Lit(LitKind.Err, text, None, 0)
        return Lit(LitKind.Bool, text, None, 0)
    digits = text[:len(text) - len(lit.suffix)] if lit.suffix else text
    return Lit(LitKind.Integer if lit.kind == "int" else LitKind.Float, digits, lit.suffix, 0)


def blanked_attrs(cx: LowerCx, lo: int, hi: int) -> list[Attribute]:
    """The outer attributes `syntax.parse` spelled as spaces between bytes `lo` and
    `hi` (`where #[cfg(x)] T: Copy`), marked found; [] when there are none (a place
    that does not read stays unfound: its code is unreadable)."""
    out: list[Attribute] = []
    for a, b in cx.repaired_in(lo, hi, b"#["):
        attrs = _attrs_in(cx, a, b)
        if attrs is None:
            cx.found.discard(a)
        else:
            out.extend(attrs)
    return out


def leading_attrs(cx: LowerCx, node: SyntaxNode) -> list[Attribute]:
    """Outer attributes written as the first children of `node` (fields, arms)."""
    out: list[Attribute] = []
    for child in node.children:
        if child.type == K.ATTRIBUTE_ITEM or child.type == K.INNER_ATTRIBUTE_ITEM:
            out.append(lower_attr(cx, child))
        elif child.type in (K.LINE_COMMENT, K.BLOCK_COMMENT):
            if is_doc_comment(cx, child):
                out.append(lower_attr(cx, child))
        else:
            break
    return out
