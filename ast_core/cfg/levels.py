"""Lint levels: rustc's, and where the level of `unexpected_cfgs` comes from.

Kept apart from `findings`, which imports the cfg parser and the expected sets:
`cargo` reads `[lints.rust]` levels, and `rust-ast tree` reads every Cargo.toml it
meets through `cargo` without linting anything (importing `findings` cost `tree` on a
small file of a crate ~10 ms).
"""

from __future__ import annotations

from typing import Literal

from ast_core.model.span import Span
from ast_core.record import Record

LintLevel = Literal["allow", "expect", "warn", "force-warn", "deny", "forbid"]


class LintLevelSource(Record):
    """Where the level of `unexpected_cfgs` at a finding comes from (rustc's
    `LintLevelSource`): rustc's default (warn), a command-line flag (cargo's
    `[lints]` becomes `--warn=unexpected_cfgs` and the like), or an attribute.

    `lint_name` is the name written (`warnings` for `#![deny(warnings)]`) and `span`
    its span inside the attribute, in `file` when the attribute is in another file
    than the finding (a parent module's: `LevelSpec.written_in`).
    """

    __slots__ = ("level", "origin", "lint_name", "span", "file")

    def __init__(self, level: LintLevel = "warn", origin: Literal["default", "command_line", "attribute"] = "default",
                 lint_name: str = "unexpected_cfgs", span: Span | None = None, file: str | None = None) -> None:
        self.level = level
        self.origin = origin
        self.lint_name = lint_name
        self.span = span
        self.file = file
