"""`ast_core.tokens`: the one lexer of token streams, comments and doc comments."""

from __future__ import annotations

import pytest

from ast_core.cfg.predicate import SiteStyle, CfgSite, SiteKind, parse_cfg
from ast_core.pretty import gather_comments
from ast_core.tokens import (
    block_comment_end,
    doc_comment_style,
    doc_comment_symbol,
    doc_comment_to_string,
    scan,
    tokenize,
)


def texts(data: bytes, **keep: bool) -> list[str]:
    return [t.text for t in tokenize(data, **keep)]


def test_block_comments_nest() -> None:
    assert texts(b"(a /* x /* y */ z */ b)") == ["(", "a", "b", ")"]
    assert texts(b"a /* 1 /* 2 /* 3 */ 2 */ 1 */ b /* c */ d") == ["a", "b", "d"]
    assert texts(b"a /* never closed /* */ b") == ["a"]


@pytest.mark.parametrize(("text", "end"), [
    (b"/**/", 4), (b"/* a */ b", 7), (b"/*/ a */ b", 8),  # `/*/` does not close
    (b"/*/**/ */ x", 9), (b"/* a /* b */", 12),
])
def test_block_comment_end(text: bytes, end: int) -> None:
    assert block_comment_end(text, 2) == end


def test_block_comment_end_is_bounded() -> None:
    assert block_comment_end(b"/* a */", 2, 5) == 5


def test_tokenize_within_bounds() -> None:
    data = b"xx /* a /* b */ c */ y zz"
    y = data.index(b"y")
    assert texts(data) == ["xx", "y", "zz"]
    assert [t.span for t in tokenize(data, 2, y + 2)] == [(y, y + 1)]
    assert [t.text for t in tokenize(data, 0, data.index(b"c"))] == ["xx"]  # a comment cut by `hi`
    assert tokenize(b"ab", 0, 10)[-1].span == (0, 2)  # `hi` past the end is the end


@pytest.mark.parametrize(("text", "style"), [
    (b"/// d", "outer"), (b"//! d", "inner"), (b"/** d */", "outer"), (b"/*! d */", "inner"),
    (b"//// no", None), (b"/*** no */", None), (b"/**/", None), (b"// no", None), (b"/* no */", None),
    (b"///", "outer"), (b"/**", "outer"),
])
def test_doc_comment_style(text: bytes, style: str | None) -> None:
    assert doc_comment_style(text) == style
    assert doc_comment_style(text[:4]) == style


@pytest.mark.parametrize(("text", "symbol"), [
    ("/// a", " a"), ("//! a\r\n", " a"), ("/** a */", " a "), ("/*! a\n b */", " a\n b "), ("/** open", " open"),
])
def test_doc_comment_symbol_round_trip(text: str, symbol: str) -> None:
    """What the model keeps of a doc comment, and how the printer writes it back."""
    assert doc_comment_symbol(text) == symbol
    printed = doc_comment_to_string(text.startswith("//"), doc_comment_style(text.encode()) == "inner", symbol)
    assert printed == text.rstrip("\r\n") + ("*/" if text == "/** open" else "")


def test_doc_and_plain_comments_on_request() -> None:
    data = b"a /// doc\r\n// plain\r\n/** b /* nested */ */ /**/ //! inner\nz"
    assert texts(data) == ["a", "z"]
    kinds = [(t.kind, t.text) for t in tokenize(data, keep_docs=True)]
    assert kinds == [("ident", "a"), ("doc", "/// doc"), ("doc", "/** b /* nested */ */"), ("doc", "//! inner"),
                     ("ident", "z")]
    plain = [(t.kind, t.text) for t in tokenize(data, keep_comments=True)]
    assert plain == [("ident", "a"), ("comment", "// plain"), ("comment", "/**/"), ("ident", "z")]
    assert [k for k, _, _ in scan(data)] == ["ident", "doc", "comment", "doc", "comment", "doc", "ident"]


def test_raw_strings() -> None:
    data = b'r#"a "# x br##"b"#"## cr"/* no comment */" r#ident'
    assert [(t.kind, t.text) for t in tokenize(data)] == [
        ("literal", 'r#"a "#'), ("ident", "x"), ("literal", 'br##"b"#"##'),
        ("literal", 'cr"/* no comment */"'), ("ident", "r#ident")]
    assert texts(b'r##"unterminated "# x') == ['r##"unterminated "# x']


def test_comment_markers_in_strings_and_chars() -> None:
    assert texts(b'"/* a */" \'/\' b"//" x') == ['"/* a */"', "'/'", 'b"//"', "x"]


def test_cfg_with_nested_comment() -> None:
    """rustc reads `all(/* a /* b */ c */ unix)` as `all(unix)`."""
    data = b"#[cfg(all(/* a /* b */ c */ unix))]"
    site = CfgSite(SiteKind.CFG, (0, len(data)), (data.index(b"("), len(data) - 1), SiteStyle.OUTER)
    parsed = parse_cfg(data, site)
    assert not parsed.errors
    assert [leaf.name for leaf in parsed.leaves] == ["unix"]


def test_gather_comments_nested() -> None:
    comments = gather_comments(b"x /* a /* b */ c */ y\n/* d */\n")
    assert [(c.style, c.lines) for c in comments] == [("Mixed", ("/* a /* b */ c */",)), ("Isolated", ("/* d */",))]
