"""rustc's meta-item syntax (`name`, `name = lit`, `name(item, ...)`, literals) parsed
from tokens, with the parser's own errors and recoveries.

This is what rustc runs before it interprets a `cfg` predicate or a `--check-cfg` spec
(`rustc_attr_parsing`'s meta-item list parser over `rustc_parse`'s parser): syntax
errors are reported here, exactly as rustc words and places them; what the items mean
is for check-cfg (`cfg/predicate.py`, `cfg/expected.py`) and autodiff.

Two kinds of syntax error exist, as in rustc. A recovered one (a missing `,` inside a
nested list, a keyword used as a name) is recorded in `MetaParser.errors` and parsing
goes on. A fatal one raises `MetaParseError`; the caller reports it and drops the
whole attribute.
"""

from __future__ import annotations

import re
from typing import Literal

from ast_core.cfg.diagnostic import CfgDiagnostic, Child, Edit, Label, Suggestion
from ast_core.cfg.edit_distance import find_best_match
from ast_core.model.span import Span
from ast_core.patterns import lazy_regex
from ast_core.record import Record
from ast_core.tokens import Token, tokenize, unescape_str

LitKind = Literal["str", "byte_str", "c_str", "char", "byte", "int", "float", "bool"]

#: `LitKind::descr` and its article, for messages such as "`1` is an integer literal".
LIT_DESCR: dict[LitKind, str] = {
    "str": "a string", "byte_str": "a byte string", "c_str": "a C string", "char": "a character",
    "byte": "a byte", "int": "an integer", "float": "a float", "bool": "a boolean",
}

_STRICT_KEYWORDS = frozenset(
    "as break const continue crate else enum extern false fn for if impl in let loop match "
    "mod move mut pub ref return self Self static struct super trait true type unsafe use "
    "where while abstract become box do final macro override priv typeof unsized virtual "
    "yield".split())
_KEYWORDS_2018 = frozenset({"async", "await", "dyn", "try"})
#: rustc's "used" keywords in symbol order, the candidates for a misspelled keyword.
_USED_KEYWORDS = tuple(
    "as break const continue crate else enum extern false fn for if impl in let loop match "
    "mod move mut pub ref return self Self static struct super trait true type unsafe use "
    "where while".split())
_USED_KEYWORDS_2018 = ("async", "await", "dyn")
#: Keywords a path may still use as a segment (`self::x`, `crate::y`).
PATH_SEGMENT_KEYWORDS = frozenset({"self", "Self", "super", "crate"})

_NUMBER = lazy_regex(
    r"(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9_]+)?)(.*)",
    re.DOTALL)
_INT_SUFFIXES = frozenset("u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize".split())
_FLOAT_SUFFIXES = frozenset({"f16", "f32", "f64", "f128"})
#: Tokens rustc takes for a mistyped `,` and skips when it recovers a missing one.
_SIMILAR_TO_COMMA = frozenset({".", "<", ";"})
_BINARY_OPS = frozenset(
    "+ - * / % ^ & | && || == != < > <= >= << >> .. ..= = += -= *= /= %= ^= &= |= <<= >>=".split())
_PREFIX_OPS = frozenset({"-", "!", "*", "&"})


def is_reserved(name: str, edition: int) -> bool:
    """Whether `name` is a keyword in `edition`, so rustc prints it as `r#name`."""
    return (name in _STRICT_KEYWORDS or name == "_"
            or (edition >= 2018 and name in _KEYWORDS_2018)
            or (edition >= 2024 and name == "gen"))


def ident_to_string(name: str, edition: int) -> str:
    """An identifier as rustc prints it: raw (`r#true`) when it is a keyword."""
    if is_reserved(name, edition) and name not in PATH_SEGMENT_KEYWORDS and name != "_":
        return f"r#{name}"
    return name


class MetaItemLit(Record):
    """A literal: its kind, its text as written, its string value (unescaped, for the
    string kinds and `true`/`false`) and its suffix."""

    __slots__ = ("kind", "text", "value", "suffix", "span")

    def __init__(self, kind: LitKind, text: str, value: str | None, suffix: str | None, span: Span) -> None:
        self.kind = kind
        self.text = text
        self.value = value
        self.suffix = suffix
        self.span = span


class Segment(Record):
    __slots__ = ("name", "raw", "span")

    def __init__(self, name: str, raw: bool, span: Span) -> None:
        # without `r#`
        self.name = name
        self.raw = raw
        self.span = span


class Path(Record):
    __slots__ = ("segments", "span")

    def __init__(self, segments: tuple[Segment, ...], span: Span) -> None:
        self.segments = segments
        self.span = span

    @property
    def word(self) -> Segment | None:
        """The only segment of a one-segment path (rustc's `PathParser::word`)."""
        return self.segments[0] if len(self.segments) == 1 else None

    def to_string(self, edition: int) -> str:
        return "::".join("" if s.name == "{{root}}" else ident_to_string(s.name, edition)
                         for s in self.segments)


class MetaList(Record):
    """`(item, ...)`; `span` covers the parentheses."""

    __slots__ = ("items", "span")

    def __init__(self, items: tuple[MetaItemInner, ...], span: Span) -> None:
        self.items = items
        self.span = span


class NameValue(Record):
    """`= lit`."""

    __slots__ = ("eq_span", "lit")

    def __init__(self, eq_span: Span, lit: MetaItemLit) -> None:
        self.eq_span = eq_span
        self.lit = lit

    @property
    def span(self) -> Span:
        return (self.eq_span[0], self.lit.span[1])


class MetaItem(Record):
    """`path`, `path(...)` or `path = lit`."""

    __slots__ = ("path", "args")

    def __init__(self, path: Path, args: MetaList | NameValue | None) -> None:
        self.path = path
        self.args = args

    @property
    def span(self) -> Span:
        return (self.path.span[0], self.args.span[1] if self.args else self.path.span[1])


MetaItemInner = MetaItem | MetaItemLit


def meta_to_string(item: MetaItemInner, edition: int) -> str:
    """rustc's pretty-printed form of an item (`foo = "a"`, `any(x)`)."""
    if isinstance(item, MetaItemLit):
        return item.text
    path = item.path.to_string(edition)
    if isinstance(item.args, MetaList):
        return f"{path}({', '.join(meta_to_string(i, edition) for i in item.args.items)})"
    if isinstance(item.args, NameValue):
        return f"{path} = {item.args.lit.text}"
    return path


class MetaParseError(Exception):
    """A syntax error rustc does not recover from; `diagnostic` is what it reports."""

    def __init__(self, diagnostic: CfgDiagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class LitError(MetaParseError):
    """A literal rustc cannot read (a bad suffix): reported even where rustc silences
    the other syntax errors (a `--check-cfg` spec)."""


def syntax_error(message: str, span: Span, labels: tuple[Label, ...] = (),
                 suggestions: tuple[Suggestion, ...] = (),
                 children: tuple[Child, ...] = ()) -> CfgDiagnostic:
    return CfgDiagnostic(code="malformed_cfg", level="error", what="malformed",
                         message=message, span=span, labels=labels,
                         suggestions=suggestions, children=children)


def _join_or(items: list[str]) -> str:
    if len(items) == 2:
        return f"{items[0]} or {items[1]}"
    return ", ".join(items[:-1]) + f", or {items[-1]}"


class MetaParser:
    """A cursor over the tokens of `data[lo:hi]` that parses meta items as rustc does.

    `expected` mirrors rustc's `expected_token_types`: every token the parser checked
    for since the last one it consumed, which is what "expected one of ..." lists.
    """

    def __init__(self, data: bytes, lo: int, hi: int, edition: int = 2021) -> None:
        self.data = data
        self.tokens = tokenize(data, lo, hi)
        self.pos = 0
        self.edition = edition
        self.expected: set[str] = set()
        self.errors: list[CfgDiagnostic] = []
        self.start = lo

    # -- the cursor ---------------------------------------------------------------

    @property
    def token(self) -> Token | None:
        """The current token; None at the end (rustc's `Eof`)."""
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def look(self, n: int) -> Token | None:
        i = self.pos + n
        return self.tokens[i] if i < len(self.tokens) else None

    @property
    def prev_span(self) -> Span:
        return self.tokens[self.pos - 1].span if self.pos else (self.start, self.start)

    @property
    def at_eof(self) -> bool:
        return self.pos >= len(self.tokens)

    def bump(self) -> Token:
        tok = self.tokens[self.pos]
        self.pos += 1
        self.expected.clear()
        return tok

    def check(self, text: str) -> bool:
        tok = self.token
        if tok is not None and tok.text == text and tok.kind != "literal":
            return True
        self.expected.add(f"`{text}`")
        return False

    def eat(self, text: str) -> bool:
        if self.check(text):
            self.bump()
            return True
        return False

    def describe(self, tok: Token | None) -> str:
        """rustc's `token_descr`."""
        if tok is None:
            return "`<eof>`"
        if tok.kind == "ident" and tok.text == "_":
            return "reserved identifier `_`"
        if tok.kind == "ident" and is_reserved(tok.text, self.edition):
            return f"keyword `{tok.text}`"
        return f"`{tok.text}`"

    # -- errors -------------------------------------------------------------------

    def unexpected(self) -> MetaParseError:
        """rustc's `expected_one_of_not_found` for the tokens checked so far."""
        expected = sorted(self.expected)
        found = self.describe(self.token)
        if len(expected) == 1:
            message = f"expected {expected[0]}, found {found}"
            label = f"expected {expected[0]}"
        else:
            listed = _join_or(expected)
            message = f"expected one of {listed}, found {found}"
            label = "expected one of " + (listed if len(expected) <= 6
                                          else f"{len(expected)} possible tokens")
        tok = self.token
        if tok is None:
            span = self.prev_span
            return MetaParseError(syntax_error(message, span, (Label(span, label),)))
        prev_hi = self.prev_span[1]
        labels: tuple[Label, ...]
        if b"\n" in self.data[prev_hi:tok.lo]:
            labels = (Label((prev_hi, prev_hi), label), Label(tok.span, "unexpected token"))
        else:
            labels = (Label(tok.span, label),)
        return MetaParseError(syntax_error(message, tok.span, labels, self._misspelled_keyword()))

    def _misspelled_keyword(self) -> tuple[Suggestion, ...]:
        """rustc's guess that the identifier before an unexpected one is a misspelled
        keyword (`a b` -> "there is a keyword `as` with a similar name")."""
        if self.pos == 0 or self.token is None or self.token.kind != "ident":
            return ()
        prev = self.tokens[self.pos - 1]
        keywords = _USED_KEYWORDS + (_USED_KEYWORDS_2018 if self.edition >= 2018 else ())
        if prev.kind != "ident" or prev.text.startswith("r#") or prev.text in keywords:
            return ()
        keyword = find_best_match(keywords, prev.text)
        if keyword is None:
            return ()
        message = (f"write keyword `{keyword}` in lowercase" if prev.text.lower() == keyword
                   else f"there is a keyword `{keyword}` with a similar name")
        return (Suggestion(message, (Edit(prev.span, keyword),), "MachineApplicable"),)

    def expect(self, text: str) -> None:
        if not self.eat(text):
            raise self.unexpected()

    def expected_lit(self) -> MetaParseError:
        """rustc's "expected a literal" error, refined when an expression stands there."""
        tok = self.token
        head = "expected a literal (`1u8`, `1.0f32`, `\"string\"`, etc.) here, found "
        if tok is None:
            return MetaParseError(syntax_error(head + "`<eof>`", self.prev_span))
        end = self.expr_end(self.pos)
        if end is None:
            return MetaParseError(syntax_error(head + self.describe(tok), tok.span))
        span = (tok.lo, self.tokens[end - 1].hi)
        suggestions: tuple[Suggestion, ...] = ()
        if end - self.pos == 2 and tok.text == "-" and self.tokens[self.pos + 1].kind == "literal":
            suggestions = (Suggestion(
                "negative numbers are not literals, try removing the `-` sign",
                (Edit((tok.lo, self.tokens[self.pos + 1].lo), ""),), "MachineApplicable"),)
        elif end - self.pos == 1 and tok.kind == "ident":
            after = end
            while after < len(self.tokens) and (
                    self.tokens[after].kind in ("ident", "literal") or self.tokens[after].text == "."):
                after += 1
            suggestions = (Suggestion(
                "surround the identifier with quotation marks to make it into a string literal",
                (Edit((tok.lo, tok.lo), '"'),
                 Edit((self.tokens[after - 1].hi, self.tokens[after - 1].hi), '"')),
                "MachineApplicable"),)
        return MetaParseError(syntax_error(
            head + "expression", span, (Label(span, "expressions are not allowed here"),),
            suggestions))

    def expr_end(self, i: int) -> int | None:
        """End (token index) of the expression statement starting at token `i`, or None
        if no expression starts there; a small model of rustc's expression grammar,
        enough to place the "found expression" error."""
        end = self._unary_end(i)
        while end is not None and end < len(self.tokens):
            op = self.tokens[end]
            if op.kind != "punct" or op.text not in _BINARY_OPS:
                break
            rhs = self._unary_end(end + 1)
            if rhs is None:
                break
            end = rhs
        return end

    def _unary_end(self, i: int) -> int | None:
        toks = self.tokens
        while i < len(toks) and toks[i].kind == "punct" and toks[i].text in _PREFIX_OPS:
            i += 1
        if i >= len(toks):
            return None
        tok = toks[i]
        if tok.kind == "literal" or tok.kind == "ident" and tok.text in ("true", "false"):
            i += 1
        elif tok.kind == "ident" and (not is_reserved(tok.text, self.edition)
                                      or tok.text in PATH_SEGMENT_KEYWORDS):
            i += 1
            while i + 1 < len(toks) and toks[i].text == "::" and toks[i + 1].kind == "ident":
                i += 2
            if i + 1 < len(toks) and toks[i].text == "!" and toks[i + 1].kind == "open":
                i = self.group_end(i + 1)
        elif tok.kind == "open":
            i = self.group_end(i)
        else:
            return None
        while i < len(toks):  # postfix: calls, indexing, fields, `?`
            tok = toks[i]
            if tok.kind == "open" and tok.text in "([":
                i = self.group_end(i)
            elif tok.text == "." and i + 1 < len(toks) and toks[i + 1].kind in ("ident", "literal"):
                i += 2
            elif tok.text == "?":
                i += 1
            else:
                break
        return i

    def group_end(self, i: int) -> int:
        depth = 0
        for j in range(i, len(self.tokens)):
            kind = self.tokens[j].kind
            depth += kind == "open"
            depth -= kind == "close"
            if depth == 0:
                return j + 1
        return len(self.tokens)

    # -- literals -----------------------------------------------------------------

    def at_lit(self) -> bool:
        tok = self.token
        return tok is not None and (tok.kind == "literal"
                                    or tok.kind == "ident" and tok.text in ("true", "false"))

    def parse_lit(self) -> MetaItemLit:
        """The literal at the cursor, with rustc's literal errors."""
        tok = self.bump()
        lit = classify_lit(tok)
        if lit.suffix is None:
            return lit
        if lit.kind in ("int", "float") and lit.suffix in (
                _INT_SUFFIXES | _FLOAT_SUFFIXES if lit.kind == "int" else _FLOAT_SUFFIXES):
            self.errors.append(syntax_error(
                "suffixed literals are not allowed in attributes", tok.span,
                children=(_help("instead of using a suffixed literal (`1u8`, `1.0f32`, etc.), "
                                "use an unsuffixed version (`1`, `1.0`, etc.)"),)))
            return lit
        label = (Label(tok.span, f"invalid suffix `{lit.suffix}`"),)
        if lit.kind == "int":
            raise LitError(syntax_error(
                f"invalid suffix `{lit.suffix}` for number literal", tok.span, label,
                children=(_help("the suffix must be one of the numeric types "
                                "(`u32`, `isize`, `f32`, etc.)"),)))
        if lit.kind == "float":
            raise LitError(syntax_error(
                f"invalid suffix `{lit.suffix}` for float literal", tok.span, label,
                children=(_help("valid suffixes are `f32` and `f64`"),)))
        noun = {"str": "string", "byte_str": "byte string", "c_str": "C string",
                "char": "char", "byte": "byte"}[lit.kind]
        raise LitError(syntax_error(f"suffixes on {noun} literals are invalid",
                                          tok.span, label))

    # -- meta items -----------------------------------------------------------------

    def parse_inner(self) -> MetaItemInner:
        """rustc's `parse_meta_item_inner`: a literal or a meta item."""
        if self.at_lit():
            return self.parse_lit()
        start = self.pos
        try:
            return self.parse_item()
        except MetaParseError:
            if self.pos != start:
                raise
            raise self.expected_lit() from None

    def parse_item(self) -> MetaItem:
        """rustc's `parse_attr_item` for meta items: a path and its arguments."""
        path = self.parse_path()
        if self.check("("):
            return MetaItem(path, self.parse_paren_list())
        if self.eat("="):
            eq_span = self.prev_span
            if not self.at_lit():
                raise self.expected_lit()
            return MetaItem(path, NameValue(eq_span, self.parse_lit()))
        return MetaItem(path, None)

    def parse_path(self) -> Path:
        lo = self.token.lo if self.token else self.prev_span[1]
        segments: list[Segment] = []
        if self.check("::"):
            root = self.bump()
            segments.append(Segment("{{root}}", False, (root.lo, root.lo)))
        segments.append(self.parse_ident())
        while self.check("::"):
            self.bump()
            segments.append(self.parse_ident())
        return Path(tuple(segments), (lo, self.prev_span[1]))

    def parse_ident(self) -> Segment:
        """A path segment, with rustc's recoveries for keywords, `_` and a stray `,`."""
        tok = self.token
        if tok is not None and tok.text == "," and (nxt := self.look(1)) and nxt.kind == "ident":
            self.errors.append(syntax_error(
                "expected identifier, found `,`", tok.span,
                (Label(tok.span, "expected identifier"),),
                (Suggestion("remove this comma", (Edit(tok.span, ""),), "MachineApplicable"),)))
            self.bump()
            tok = self.token
        if tok is None or tok.kind != "ident":
            found = self.describe(tok)
            span = tok.span if tok else self.prev_span
            raise MetaParseError(syntax_error(f"expected identifier, found {found}", span,
                                              (Label(span, "expected identifier"),)))
        self.bump()
        raw = tok.text.startswith("r#")
        name = tok.text[2:] if raw else tok.text
        if not raw and name not in PATH_SEGMENT_KEYWORDS and is_reserved(name, self.edition):
            kind = "reserved identifier" if name == "_" else "keyword"
            self.errors.append(syntax_error(
                f"expected identifier, found {kind} `{name}`", tok.span,
                (Label(tok.span, f"expected identifier, found {kind}"),)))
        return Segment(name, raw, tok.span)

    def parse_paren_list(self) -> MetaList:
        """`( item, ... )` at the cursor, recovering a missing `,` between items as
        rustc's `parse_seq_to_before_end` does."""
        open_ = self.bump()
        items: list[MetaItemInner] = []
        first = True
        while not self.eat(")"):
            if self.token is None:
                raise self.unexpected()
            if not first and not self.eat(","):
                error = self.unexpected()
                missing_at = self.prev_span[1]
                if self.token is not None and self.token.text in _SIMILAR_TO_COMMA:
                    self.bump()
                try:
                    items.append(self.parse_inner())
                except MetaParseError:
                    raise error from None
                self.errors.append(add_suggestion(error.diagnostic, Suggestion(
                    "missing `,`", (Edit((missing_at, missing_at), ","),), "MaybeIncorrect")))
                continue
            first = False
            if self.eat(")"):
                break
            items.append(self.parse_inner())
        return MetaList(tuple(items), (open_.lo, self.prev_span[1]))

    def parse_list_to_end(self) -> tuple[MetaItemInner, ...]:
        """The items of a whole token range (`cfg(...)`'s insides), rustc's
        `MetaItemListParser::parse`: no recovery at this level."""
        items: list[MetaItemInner] = []
        while not self.at_eof:
            items.append(self.parse_inner())
            if not self.eat(","):
                break
        if not self.at_eof:
            raise self.unexpected()
        return tuple(items)


def add_suggestion(diag: CfgDiagnostic, suggestion: Suggestion) -> CfgDiagnostic:
    """`diag` with one more suggestion, unless it carries a misspelled-keyword guess:
    rustc seals a diagnostic's suggestions after that guess."""
    if diag.suggestions:
        return diag
    return diag.replace(suggestions=(suggestion,))


def _help(message: str) -> Child:
    return Child("help", message)


def classify_lit(tok: Token) -> MetaItemLit:
    """The kind, value and suffix of a literal token (`true`/`false` included)."""
    text = tok.text
    if tok.kind == "ident":
        return MetaItemLit("bool", text, text, None, tok.span)
    body = text.lstrip("bc")
    if body.lstrip("r#").startswith('"'):
        kind: LitKind = ("byte_str" if text.startswith("b") else
                         "c_str" if text.startswith("c") else "str")
        hashes = len(body) - 1 - len(body[1:].lstrip("#")) if body.startswith("r") else 0
        end = text.rindex('"' + "#" * hashes) + 1 + hashes
        return MetaItemLit(kind, text, unescape_str(text[:end]), text[end:] or None, tok.span)
    if text.lstrip("b").startswith("'"):
        close = text.rindex("'")
        return MetaItemLit("byte" if text.startswith("b") else "char", text, None,
                   text[close + 1:] or None, tok.span)
    m = _NUMBER().match(text)
    body, suffix = (m.group(1), m.group(2)) if m else (text, "")
    # rustc reads a decimal integer with an `f..` suffix as a float (`1f32`, `1foo`).
    is_float = not body.startswith(("0x", "0o", "0b")) and (
        "." in body or "e" in body.lower() or suffix.startswith("f"))
    return MetaItemLit("float" if is_float else "int", text, None, suffix or None, tok.span)
