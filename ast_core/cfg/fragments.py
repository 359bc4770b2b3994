"""cfg predicates a `macro_rules!` assembles from what it is given, linted where rustc
lints them: `#[cfg($m)]`, `#[cfg_attr($m, ..)]`, `cfg!($($t)*)` in a macro's body,
once a call of the macro gives `$m` (check-cfg.md §3; issue 12 item 3).

rustc expands the call and lints the predicate the transcribed tokens form. A leaf
keeps the spans of the tokens it is made of: tokens a `tt`, `meta` or `path` fragment
carries keep their spans in the call (the finding is at the call's arguments); an
`ident`, `literal` or `expr` fragment takes the span of its `$x` in the macro's body,
as do tokens written there. Leaves made of both (`$n = "x"` with `$n:tt`) get a span
rustc itself cannot draw: they are left out, as are leaves written entirely in the
body (the scan lints those once, `Finding.macro`).

The call is matched against the macro's rules as rustc does, first rule first, with
its fragment kinds: `tt`, `ident`, `lifetime`, `literal`, `block`, `meta`, `vis`, simple
`path`s, `ty` and `pat` by their follow sets, and the expressions a literal, path,
call, field, index or binary operator makes. Where that cannot tell how many tokens a
fragment takes (a closure, a struct literal, an `item` or `stmt` before more input),
nothing is reported for the call: silence rather than a guess. An `item` or `stmt`
repetition that takes the rest of its group is counted only as "at least one".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .diagnostic import CfgDiagnostic
from .findings import check_leaf
from .predicate import CfgLeaf, CfgSite, SiteKind, parse_cfg, parse_cfg_attr
from .session import CfgSession, LevelSpec
from ..model import Span
from ..tokens import Token, TokenTree, token_trees, tokenize

Tree = TokenTree | Token


@dataclass(frozen=True, slots=True)
class MacroTemplate:
    """A `macro_rules!` definition: its name, where its rules are (`span`, inside the
    braces) and, when a rule's body holds a cfg predicate with a `$` fragment, their
    text (b"" otherwise: the definition only tells that the name is taken)."""

    name: str
    span: Span
    text: bytes = b""


@dataclass(frozen=True, slots=True)
class MacroCall:
    """A call of a macro that may be a crate's `macro_rules!`: its name, the span of
    its arguments inside the delimiters, and where its expansion is linted (the lint
    node, levels, the macros whose arguments hold it, whether a false cfg removes it)."""

    name: str
    args: Span
    node: tuple[int, ...]
    levels: LevelSpec
    inside: tuple[str, ...] = ()
    other: str = ""


@dataclass(frozen=True, slots=True)
class Expanded:
    """A leaf a call makes: its finding, the call (its lint node and levels), and the
    file the finding is in (the call's, or the macro's for a leaf at `$x` there)."""

    diag: CfgDiagnostic
    call: MacroCall
    file: object


class _Unknown(Exception):
    """The call cannot be matched or transcribed exactly: report nothing for it."""


# -- the rules --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Frag:
    name: str
    kind: str
    span: Span  # `$name` in the macro's text


@dataclass(frozen=True, slots=True)
class _Rep:
    elems: tuple[_Elem, ...]
    sep: Token | None
    op: str


@dataclass(frozen=True, slots=True)
class _Group:
    open: Token
    elems: tuple[_Elem, ...]
    close: Token | None


_Elem = _Frag | _Rep | _Group | Token


def _elements(trees: Sequence[Tree], matcher: bool) -> tuple[_Elem, ...]:
    """A matcher's or a body's token trees, with `$x:kind` / `$x` and `$(..) sep op` read."""
    out: list[_Elem] = []
    i, n = 0, len(trees)
    while i < n:
        tree = trees[i]
        if isinstance(tree, TokenTree):
            out.append(_Group(tree.open, _elements(tree.trees, matcher), tree.close))
            i += 1
            continue
        nxt = trees[i + 1] if i + 1 < n else None
        if tree.text != "$" or nxt is None:
            out.append(tree)
            i += 1
            continue
        if isinstance(nxt, TokenTree) and nxt.open.text == "(":
            j = i + 2
            sep = None
            if j < n and isinstance(sep_token := trees[j], Token) and sep_token.text not in ("*", "+", "?"):
                sep = sep_token
                j += 1
            op = trees[j] if j < n else None
            if not isinstance(op, Token) or op.text not in ("*", "+", "?"):
                raise _Unknown
            out.append(_Rep(_elements(nxt.trees, matcher), sep, op.text))
            i = j + 1
            continue
        if isinstance(nxt, Token) and nxt.kind == "ident":
            if matcher and nxt.text != "crate":
                colon, kind = (trees[i + 2] if i + 2 < n else None), (trees[i + 3] if i + 3 < n else None)
                if not (isinstance(colon, Token) and colon.text == ":" and isinstance(kind, Token)):
                    raise _Unknown
                out.append(_Frag(nxt.text, kind.text, (tree.lo, kind.hi)))
                i += 4
                continue
            out.append(_Frag(nxt.text, "", (tree.lo, nxt.hi)))
            i += 2
            continue
        raise _Unknown
    return tuple(out)


@lru_cache(maxsize=256)
def _rules(template: MacroTemplate) -> tuple[tuple[tuple[_Elem, ...], _Group], ...]:
    """The rules `(matcher) => {body}` of a definition (read once for all its calls)."""
    tokens = [Token(t.kind, t.text, t.lo + template.span[0], t.hi + template.span[0])
              for t in tokenize(template.text)]
    trees = token_trees(tokens)
    rules = []
    for i in range(len(trees) - 2):
        matcher, arrow, body = trees[i], trees[i + 1], trees[i + 2]
        if isinstance(matcher, TokenTree) and isinstance(arrow, Token) and arrow.text == "=>" \
                and isinstance(body, TokenTree) and (i == 0 or _is(trees[i - 1], ";")):
            rules.append((_elements(matcher.trees, True), _Group(body.open, _elements(body.trees, False), body.close)))
    return tuple(rules)


def _is(tree: Tree | None, text: str) -> bool:
    return isinstance(tree, Token) and tree.text == text


# -- matching -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Bound:
    """What a fragment matched: its kind and its trees in the call."""

    kind: str
    trees: tuple[Tree, ...]


@dataclass(frozen=True, slots=True)
class _Seq:
    """A repeating fragment's binding in each round; `open` when only "at least one
    round" is known (an `item` repetition taking the rest of its group)."""

    rounds: tuple[_Binding, ...]
    open: bool = False


_Binding = _Bound | _Seq
_STEPS = 20000


@dataclass(slots=True)
class _Matcher:
    steps: int = 0

    def seq(self, elems: Sequence[_Elem], k: int, trees: Sequence[Tree], i: int,
            bound: dict[str, _Binding]) -> Iterator[tuple[int, dict[str, _Binding]]]:
        """Every way `elems[k:]` matches a prefix of `trees[i:]`: the end and bindings."""
        self.steps += 1
        if self.steps > _STEPS:
            raise _Unknown
        if k == len(elems):
            yield i, bound
            return
        elem = elems[k]
        if isinstance(elem, Token):
            if i < len(trees) and _is(trees[i], elem.text):
                yield from self.seq(elems, k + 1, trees, i + 1, bound)
            return
        if isinstance(elem, _Group):
            tree = trees[i] if i < len(trees) else None
            if isinstance(tree, TokenTree) and tree.open.text == elem.open.text:
                for end, inner in self.seq(elem.elems, 0, tree.trees, 0, bound):
                    if end == len(tree.trees):
                        yield from self.seq(elems, k + 1, trees, i + 1, inner)
            return
        if isinstance(elem, _Frag):
            for end in _fragment(elem.kind, trees, i):
                matched = _Bound(elem.kind, tuple(trees[i:end]))
                yield from self.seq(elems, k + 1, trees, end, {**bound, elem.name: matched})
            return
        yield from self.rep(elem, elems, k, trees, i, bound, [])

    def rep(self, rep: _Rep, elems: Sequence[_Elem], k: int, trees: Sequence[Tree], i: int,
            bound: dict[str, _Binding], rounds: list[dict[str, _Binding]]) -> Iterator[tuple[int, dict[str, _Binding]]]:
        """A repetition's rounds from `i` on (`rounds` done so far), then the rest."""
        names = _names(rep.elems)
        if k + 1 == len(elems) and not rounds and _opens_rest(rep) and i < len(trees):
            yield len(trees), {**bound, **{name: _Seq((), True) for name in names}}
            return
        if rounds or rep.op != "+":  # enough rounds: leave the repetition here
            yield from self.seq(elems, k + 1, trees, i, {**bound, **{name: _Seq(tuple(r[name] for r in rounds))
                                                                    for name in names}})
        if rep.op == "?" and rounds:
            return
        start = i
        if rounds and rep.sep is not None:
            if not (i < len(trees) and _is(trees[i], rep.sep.text)):
                return
            start = i + 1
        for end, inner in self.seq(rep.elems, 0, trees, start, {}):
            if end > i:  # a round that takes nothing would repeat forever
                yield from self.rep(rep, elems, k, trees, end, bound, [*rounds, inner])


def _names(elems: Sequence[_Elem]) -> list[str]:
    out: list[str] = []
    for elem in elems:
        if isinstance(elem, _Frag):
            out.append(elem.name)
        elif isinstance(elem, _Rep | _Group):
            out += _names(elem.elems)
    return out


def _opens_rest(rep: _Rep) -> bool:
    """`$($i:item)*`: a repetition of one `item` or `stmt`, whose rounds are not counted."""
    return len(rep.elems) == 1 and isinstance(frag := rep.elems[0], _Frag) and frag.kind in ("item", "stmt") \
        and rep.sep is None


_BINARY = frozenset({"+", "-", "*", "/", "%", "^", "&", "|", "&&", "||", "==", "!=", "<", ">", "<=", ">=", "<<",
                     ">>", "=", "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=", "<<=", ">>="})
_EXPR_KEYWORDS = frozenset({"if", "match", "loop", "while", "for", "unsafe", "async", "move", "return", "break",
                            "continue", "let", "static", "const", "yield", "become", "gen", "try"})


def _fragment(kind: str, trees: Sequence[Tree], i: int) -> list[int]:
    """Where a fragment of `kind` starting at `i` ends (the ways it can: none when it
    cannot start there). Raises `_Unknown` where that cannot be told exactly."""
    n = len(trees)
    tree = trees[i] if i < n else None
    if kind == "vis":
        if _is(tree, "pub"):
            group = trees[i + 1] if i + 1 < n else None
            if isinstance(group, TokenTree) and group.open.text == "(" and group.trees \
                    and isinstance(group.trees[0], Token) and group.trees[0].text in ("crate", "self", "super", "in"):
                return [i + 2]
            return [i + 1]
        return [i]
    if tree is None:
        return []
    if kind == "tt":
        return [i + 1]
    if kind == "ident":
        return [i + 1] if isinstance(tree, Token) and tree.kind == "ident" and tree.text != "_" else []
    if kind == "lifetime":
        return [i + 1] if isinstance(tree, Token) and tree.kind == "lifetime" else []
    if kind == "literal":
        j = i + 1 if _is(tree, "-") else i
        lit = trees[j] if j < n else None
        ok = isinstance(lit, Token) and (lit.kind == "literal" or lit.text in ("true", "false"))
        return [j + 1] if ok else []
    if kind == "block":
        return [i + 1] if isinstance(tree, TokenTree) and tree.open.text == "{" else []
    if kind == "meta":
        return _meta_end(trees, i)
    if kind == "path":
        end = _path_end(trees, i)
        if end is None:
            return []
        if end < n and (_is(trees[end], "<") or _is(trees[end], "->") or
                        (isinstance(trees[end], TokenTree) and trees[end].open.text == "(")):  # type: ignore[union-attr]
            raise _Unknown
        return [end]
    if kind == "expr":
        return [_expr_end(trees, i)]
    if kind == "item":
        return [_item_end(trees, i)]
    if kind in ("ty", "pat", "pat_param"):
        stops = ({",", ";", "=>", "=", "|", ":", "as", "where"} if kind == "ty" else
                 {",", "=>", "=", "if", "in"} | ({"|"} if kind == "pat_param" else set()))
        end = _scan_end(trees, i, stops, angles=kind == "ty")
        return [end] if end > i else []
    raise _Unknown  # stmt (outside a repetition taking the rest), and kinds to come


def _item_end(trees: Sequence[Tree], i: int) -> int:
    """The end of the item at `i`: after its outer attributes, through its `{..}` body
    or its `;` (through the `;` once a top-level `=` or a `use` says the item has a
    value or a use tree). Raises `_Unknown` where no item ends."""
    n = len(trees)
    j = i
    while j + 1 < n and _is(trees[j], "#") and isinstance(trees[j + 1], TokenTree):
        j += 2
    to_semicolon = False
    while j < n:
        tree = trees[j]
        j += 1
        if isinstance(tree, TokenTree):
            if tree.open.text == "{" and not to_semicolon:
                return j
        elif tree.text == ";":
            return j
        elif tree.text in ("=", "use"):
            to_semicolon = True
    raise _Unknown


def _path_end(trees: Sequence[Tree], i: int) -> int | None:
    """The end of a simple path (`a::b`, `::a`) at `i`; None when none starts there."""
    n = len(trees)
    j = i + 1 if _is(trees[i], "::") else i
    if not (j < n and isinstance(trees[j], Token) and trees[j].kind == "ident"):  # type: ignore[union-attr]
        return None
    j += 1
    while j + 1 < n and _is(trees[j], "::") and isinstance(trees[j + 1], Token) \
            and trees[j + 1].kind == "ident":  # type: ignore[union-attr]
        j += 2
    return j


def _meta_end(trees: Sequence[Tree], i: int) -> list[int]:
    """A meta item: a path, then a delimited group or `= value`."""
    end = _path_end(trees, i)
    if end is None:
        return []
    n = len(trees)
    if end < n and isinstance(trees[end], TokenTree):
        return [end + 1]
    if end < n and _is(trees[end], "="):
        value = end + 2 if end + 1 < n and _is(trees[end + 1], "-") else end + 1
        lit = trees[value] if value < n else None
        if not (isinstance(lit, Token) and (lit.kind in ("literal", "ident"))):
            raise _Unknown
        after = trees[value + 1] if value + 1 < n else None
        if _continues_expr(after):
            raise _Unknown
        return [value + 1]
    return [end]


def _continues_expr(tree: Tree | None) -> bool:
    if tree is None:
        return False
    if isinstance(tree, TokenTree):
        return tree.open.text in ("(", "[")
    return tree.text in _BINARY or tree.text in (".", "?", "as", "..", "..=", "::", "!")


def _expr_end(trees: Sequence[Tree], i: int) -> int:
    """The end of the expression at `i`: operands (literals, paths, macro calls,
    parenthesized and bracketed groups, blocks) with unary and binary operators, calls,
    fields, indexing and `?`. Raises `_Unknown` for what needs a real parser."""
    n = len(trees)
    j = i
    while True:
        while j < n and (_is(trees[j], "-") or _is(trees[j], "!") or _is(trees[j], "*") or _is(trees[j], "&")
                         or _is(trees[j], "&&") or _is(trees[j], "mut")):
            j += 1
        if j >= n:
            raise _Unknown
        tree = trees[j]
        if isinstance(tree, TokenTree) or tree.kind in ("literal", "lifetime"):
            j += 1
        elif tree.kind == "ident" or tree.text == "::":
            if tree.text in _EXPR_KEYWORDS:
                raise _Unknown
            end = _path_end(trees, j)
            if end is None:
                raise _Unknown
            j = end
            if j + 1 < n and _is(trees[j], "::") and _is(trees[j + 1], "<"):
                raise _Unknown  # a turbofish
            if j < n and _is(trees[j], "!"):
                if not (j + 1 < n and isinstance(trees[j + 1], TokenTree)):
                    raise _Unknown
                j += 2
            elif j < n and isinstance(trees[j], TokenTree) and trees[j].open.text == "{":  # type: ignore[union-attr]
                raise _Unknown  # a struct literal, or a block after the expression
        else:
            raise _Unknown  # a closure, a range, ...
        while j < n:  # postfix
            tree = trees[j]
            if isinstance(tree, TokenTree) and tree.open.text in ("(", "[") or _is(tree, "?"):
                j += 1
            elif _is(tree, ".") and j + 1 < n and isinstance(trees[j + 1], Token):
                j += 2
                if j + 1 < n and _is(trees[j], "::"):
                    raise _Unknown
            else:
                break
        if j < n and isinstance(trees[j], Token) and trees[j].text in _BINARY:  # type: ignore[union-attr]
            j += 1
            continue
        if j < n and (_is(trees[j], "as") or _is(trees[j], "..") or _is(trees[j], "..=") or _is(trees[j], ".")):
            raise _Unknown
        return j


def _scan_end(trees: Sequence[Tree], i: int, stops: set[str], angles: bool) -> int:
    """A type or pattern: the trees up to the first token its follow set allows at
    angle-bracket depth 0 (`Vec<(A, B)>` holds a `,` at depth 1)."""
    depth = 0
    j, n = i, len(trees)
    while j < n:
        tree = trees[j]
        if isinstance(tree, TokenTree):
            if depth == 0 and j > i and tree.open.text in ("{", "["):
                break
            j += 1
            continue
        text = tree.text
        if text in (">=", ">>=") or (not angles and text in ("<", "<<")):
            raise _Unknown
        if depth == 0 and (text in stops or text in (">", ">>")):
            break
        if angles and text in ("<", "<<", ">", ">>"):
            depth += {"<": 1, "<<": 2, ">": -1, ">>": -2}[text]
            if depth < 0:
                raise _Unknown
        j += 1
    return j


# -- transcription ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Out:
    """A token of the expansion: its text, where it comes from (`call`: its span in
    the call; else its span in the macro's text), whether a fragment put it there,
    and whether its text is not known (a fragment that is not a token)."""

    token: Token
    call: bool
    substituted: bool
    opaque: bool = False


@dataclass(frozen=True, slots=True)
class _OutGroup:
    open: _Out
    items: tuple[_OutItem, ...]
    close: _Out | None


_OutItem = _Out | _OutGroup


def _transcribe(elems: Sequence[_Elem], bound: Mapping[str, _Binding]) -> list[_OutItem]:
    out: list[_OutItem] = []
    for elem in elems:
        if isinstance(elem, Token):
            out.append(_Out(elem, False, False))
        elif isinstance(elem, _Group):
            close = _Out(elem.close, False, False) if elem.close is not None else None
            out.append(_OutGroup(_Out(elem.open, False, False), tuple(_transcribe(elem.elems, bound)), close))
        elif isinstance(elem, _Frag):
            out += _substitute(elem, bound)
        else:
            rounds = _rounds(elem, bound)
            for k, round_bound in enumerate(rounds):
                if k and elem.sep is not None:
                    out.append(_Out(elem.sep, False, False))
                out += _transcribe(elem.elems, round_bound)
    return out


def _rounds(rep: _Rep, bound: Mapping[str, _Binding]) -> list[Mapping[str, _Binding]]:
    """The bindings of each round of a body's repetition: the repeating fragments it
    names (their rounds agreeing), the others as they are."""
    seqs = {name: b for name in _names(rep.elems) if isinstance(b := bound.get(name), _Seq)}
    if not seqs:
        raise _Unknown  # rustc rejects a repetition without repeating fragments
    counts = {len(seq.rounds) for seq in seqs.values() if not seq.open}
    if len(counts) > 1:
        raise _Unknown
    count = counts.pop() if counts else 1  # an open one: "at least one" (its findings are each round's)
    return [{**bound, **{name: _Bound("item", ()) if seq.open else seq.rounds[k] for name, seq in seqs.items()}}
            for k in range(count)]


def _substitute(frag: _Frag, bound: Mapping[str, _Binding]) -> list[_OutItem]:
    if frag.name == "crate" and frag.name not in bound:
        return [_Out(Token("ident", "$crate", *frag.span), False, False)]
    binding = bound.get(frag.name)
    if binding is None:  # not a fragment: written as is
        return [_Out(Token("punct", "$", frag.span[0], frag.span[0] + 1), False, False),
                _Out(Token("ident", frag.name, frag.span[0] + 1, frag.span[1]), False, False)]
    if isinstance(binding, _Seq):
        raise _Unknown  # used at a shallower depth than it repeats
    if binding.kind in ("tt", "meta", "path"):
        return [_from_call(tree) for tree in binding.trees]
    tokens = [tree for tree in binding.trees if isinstance(tree, Token)]
    literal = binding.kind == "expr" and len(tokens) == len(binding.trees) == 1 and tokens[0].kind == "literal"
    if (binding.kind in ("ident", "literal") or literal) and len(tokens) == len(binding.trees) and tokens:
        # rustc gives the token `$name`'s span in the macro's text
        return [_Out(Token(tokens[-1].kind, "".join(token.text for token in tokens), *frag.span), False, True)]
    return [_Out(Token("unknown", "_", *frag.span), False, True, opaque=True)]


def _from_call(tree: Tree) -> _OutItem:
    if isinstance(tree, Token):
        return _Out(tree, True, True)
    close = _Out(tree.close, True, True) if tree.close is not None else None
    return _OutGroup(_Out(tree.open, True, True), tuple(_from_call(t) for t in tree.trees), close)


# -- the predicates of an expansion ---------------------------------------------------------


def _sites(items: Sequence[_OutItem]) -> Iterator[tuple[SiteKind, _OutGroup]]:
    """The cfg sites the macro's text writes in an expansion that hold a fragment's
    tokens: `#[cfg(..)]`, `#[cfg_attr(..)]`, `cfg!(..)`; with their argument group. (A
    site the call's arguments write is read with them by the scan, where the macro
    passes them on.)"""
    for k, item in enumerate(items):
        if isinstance(item, _OutGroup):
            if item.open.token.text == "[" and k and (_out_is(items[k - 1], "#") or (
                    k > 1 and _out_is(items[k - 1], "!") and _out_is(items[k - 2], "#"))):
                inner = item.items
                if len(inner) == 2 and isinstance(name := inner[0], _Out) and not name.substituted \
                        and name.token.text in ("cfg", "cfg_attr") and isinstance(args := inner[1], _OutGroup) \
                        and args.open.token.text == "(" and args.close is not None and _substituted(args):
                    yield SiteKind.CFG if name.token.text == "cfg" else SiteKind.CFG_ATTR, args
                    continue
            yield from _sites(item.items)
        elif _out_is(item, "cfg") and not item.substituted and k + 2 < len(items) and _out_is(items[k + 1], "!") \
                and isinstance(args := items[k + 2], _OutGroup) and args.close is not None and _substituted(args):
            yield SiteKind.CFG_MACRO, args


def _out_is(item: _OutItem, text: str) -> bool:
    return isinstance(item, _Out) and item.token.text == text


def _substituted(group: _OutGroup) -> bool:
    return any(item.substituted if isinstance(item, _Out) else _substituted(item) for item in group.items)


def _flat(item: _OutItem) -> Iterator[_Out]:
    if isinstance(item, _Out):
        yield item
        return
    yield item.open
    for inner in item.items:
        yield from _flat(inner)
    if item.close is not None:
        yield item.close


class _Text:
    """A predicate's tokens written out (one space between), to parse; each token's
    place there, to map spans back."""

    def __init__(self, group: _OutGroup) -> None:
        self.tokens = list(_flat(group))
        parts, self.starts = [], []
        at = 0
        for out in self.tokens:
            self.starts.append(at)
            parts.append(out.token.text)
            at += len(out.token.text.encode()) + 1
        self.data = " ".join(parts).encode()

    def span(self, span: Span, allow_body: bool) -> tuple[Span, bool, bool] | None:
        """The span rustc gives what covers `span` here, whether a fragment put
        something there, and whether it is in the call; None when rustc's is not a
        place in either text (it starts in the call and ends in the macro's text, or
        the other way), a fragment's text is unknown, or it is in the macro's text and
        that is not `allow_body`."""
        inside = [out for start, out in zip(self.starts, self.tokens, strict=True) if span[0] <= start < span[1]]
        if not inside or any(out.opaque for out in inside):
            return None
        first, last = inside[0], inside[-1]  # rustc's span: from the first token's to the last one's
        if first.call != last.call or not (first.call or allow_body):
            return None
        return (first.token.lo, last.token.hi), any(out.substituted for out in inside), first.call


def _leaves(kind: SiteKind, group: _OutGroup, session: CfgSession,
            allow_body: bool) -> Iterator[tuple[CfgLeaf, bool]]:
    """The leaves of a transcribed predicate that a fragment made, at rustc's spans,
    each with whether it is in the macro's text."""
    text = _Text(group)
    whole = (0, len(text.data))
    site = CfgSite(kind, whole, whole)
    edition = session.lint.edition
    parsed = parse_cfg_attr(text.data, site, edition) if kind is SiteKind.CFG_ATTR else parse_cfg(text.data, site,
                                                                                                 edition)
    for leaf in parsed.leaves:
        placed = text.span(leaf.span, allow_body)
        name = text.span(leaf.name_span, allow_body)
        value = text.span(leaf.value_span, allow_body) if leaf.value_span is not None else None
        if placed is None or name is None or (leaf.value_span is not None and value is None) or not placed[1]:
            continue
        placed_leaf = leaf.replace(span=placed[0], name_span=name[0],
                                   value_span=value[0] if value is not None else None)
        yield placed_leaf, not placed[2]


def expand_call(call: MacroCall, src: bytes, template: MacroTemplate, session: CfgSession,
                allow_body: bool) -> list[tuple[CfgDiagnostic, bool]]:
    """The findings of the cfg predicates `call` (in `src`) makes out of its arguments
    with `template`'s rules, each with whether it is in the macro's text (only with
    `allow_body`). Nothing where the expansion is not known exactly."""
    try:
        rules = _rules(template)
        args = token_trees(tokenize(src, call.args[0], call.args[1]))
        matcher = _Matcher()
        for pattern, body in rules:
            found = next((bound for end, bound in matcher.seq(pattern, 0, args, 0, {}) if end == len(args)), None)
            if found is None:
                continue
            out = []
            for kind, group in _sites(_transcribe(body.elems, found)):
                for leaf, in_macro in _leaves(kind, group, session, allow_body):
                    diag = check_leaf(leaf, session.lint)
                    if diag is not None:
                        out.append((diag, in_macro))
            return out
    except (_Unknown, RecursionError):
        return []
    return []


def template_of(name: str, src: bytes, span: Span, bodies: Sequence[TokenTree]) -> MacroTemplate:
    """A `macro_rules!` definition whose rules are `src[span]`, their bodies `bodies`:
    with its text when a rule's body puts a `$` fragment in a cfg predicate."""
    if any(_has_fragment_predicate(body.trees) for body in bodies):
        return MacroTemplate(name, span, src[span[0]:span[1]])
    return MacroTemplate(name, span)


def _has_fragment_predicate(trees: Sequence[Tree]) -> bool:
    """Whether `#[cfg(..)]`, `#[cfg_attr(..)]` or `cfg!(..)` with a `$` is among `trees`."""
    for k, tree in enumerate(trees):
        if not isinstance(tree, TokenTree):
            continue
        before = trees[k - 1] if k else None
        head = tree.trees[0] if tree.trees else None
        attribute = tree.open.text == "[" and (_is(before, "#") or _is(before, "!")) and isinstance(head, Token) \
            and head.text in ("cfg", "cfg_attr")
        call = _is(before, "!") and k > 1 and _is(trees[k - 2], "cfg")
        if (attribute or call) and _dollar(tree.trees) or _has_fragment_predicate(tree.trees):
            return True
    return False


def _dollar(trees: Sequence[Tree]) -> bool:
    return any(_is(tree, "$") or isinstance(tree, TokenTree) and _dollar(tree.trees) for tree in trees)


@dataclass(slots=True)
class Templates:
    """A crate's `macro_rules!` with fragment predicates, by name, each with the file
    that defines it (a tag) and whether it is the only definition, and the session its
    calls are linted in. A name defined more than once differently is left out (which
    one a call reaches depends on scopes not followed here); defined more than once
    alike, its leaves at `$x` in the macro are (which file they are in is not known)."""

    session: CfgSession
    by_name: dict[str, tuple[object, MacroTemplate, bool]] = field(default_factory=dict)

    @staticmethod
    def of(defined: Iterable[tuple[object, MacroTemplate]], session: CfgSession) -> Templates:
        found: dict[str, tuple[object, MacroTemplate, bool] | None] = {}
        for tag, template in defined:
            known = found.get(template.name, ...)
            if known is ...:
                found[template.name] = (tag, template, True)
            elif known is not None:
                same = known[1].text == template.text and template.text
                found[template.name] = (known[0], known[1], False) if same else None
        return Templates(session, {name: entry for name, entry in found.items() if entry is not None and entry[1].text})

    def expand(self, calls: Sequence[MacroCall], src: bytes, tag: object) -> list[Expanded]:
        """The findings `calls` (in the file `tag`, text `src`) make."""
        out = []
        for call in calls:
            entry = self.by_name.get(call.name)
            if entry is not None:
                where, template, unique = entry
                out += [Expanded(diag, call, where if in_macro else tag)
                        for diag, in_macro in expand_call(call, src, template, self.session, unique)]
        return out


__all__ = ["Expanded", "MacroCall", "MacroTemplate", "Templates", "expand_call", "template_of"]
