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

The modules follow rustc_ast_pretty's files: `pp` (the breaker), `comments`
(rustc_ast's `util/comments.rs`), `state` (the printer's core), `expr` and `item`.

Limitations: macro calls print as their tokens (rustc's `-Zunpretty=expanded` would
print their expansion); rustc's extra parentheses for ASTs that no parser produces
(built by macros) are not added; unstable `reuse` lists print as written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..model import AssocItem, Crate, ForeignItem, Item, Param, Ty
from .comments import Comment, comments_in, gather_comments
from .expr import ExprState
from .item import ItemState
from .pp import MARGIN, Printer

__all__ = [
    "MARGIN", "Comment", "Printer", "State", "comments_in", "crate_to_string", "gather_comments", "items_to_string",
    "param_to_string", "ty_to_string",
]


class State(ItemState, ExprState):
    """Prints model nodes. `src` is the text the nodes' spans point into (attribute and
    macro arguments are tokens there); `comments`, if given, are copied into the output
    at the positions rustc would print them."""


def _to_string(src: bytes, edition: int, f: Callable[[State], Any]) -> str:
    state = State(src, edition=edition)
    f(state)
    return state.eof()


def crate_to_string(krate: Crate, src: bytes, with_comments: bool = True, edition: int = 2021) -> str:
    """A whole crate as `rustc -Zunpretty=normal` prints it."""
    state = State(src, gather_comments(src) if with_comments else (), edition)
    state.print_crate(krate)
    return state.eof()


def items_to_string(items: Sequence[Item | AssocItem | ForeignItem], src: bytes, comments: Sequence[Comment] = (),
                    edition: int = 2021) -> str:
    """Consecutive items (free, associated or foreign) as rustc prints them, without a
    final newline."""
    state = State(src, comments, edition)
    for item in items:
        if isinstance(item, AssocItem):
            state.print_assoc_item(item)
        elif isinstance(item, ForeignItem):
            state.print_foreign_item(item)
        else:
            state.print_item(item)
    return state.eof().rstrip("\n")


def ty_to_string(ty: Ty, src: bytes = b"", edition: int = 2021) -> str:
    return _to_string(src, edition, lambda s: s.print_type(ty))


def param_to_string(param: Param, src: bytes = b"", edition: int = 2021) -> str:
    return _to_string(src, edition, lambda s: s.print_param(param, False))
