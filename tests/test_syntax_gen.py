"""The grammar's vocabulary (`syntax/kinds.py`, `syntax/fields.py`) is what the installed
tree-sitter-rust makes, and lowering names the grammar only through it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ast_core import syntax
from ast_core.syntax import fields, gen, kinds

LOWER = Path(__file__).resolve().parent.parent / "ast_core" / "lower"


def test_generated_files_are_fresh() -> None:
    for path, text in gen.generate().items():
        assert path.read_text() == text, f"{path.name} is stale: run `python -m ast_core.syntax.gen`"


@pytest.mark.parametrize(("kind", "name"), [
    ("binary_expression", "BINARY_EXPRESSION"), ("&&", "AMP_AMP"), ("..=", "DOT_DOT_EQ"), ("_", "UNDERSCORE"),
    ("macro_rules!", "MACRO_RULES_BANG"), ("ERROR", "ERROR"), ("'", "SQUOTE"),
])
def test_constant_names(kind: str, name: str) -> None:
    assert gen.constant_name(kind) == name
    assert getattr(kinds, name) == kind


def test_fields_read_what_the_grammar_calls_them() -> None:
    tree = syntax.parse(b"fn f() { a + b; }")
    function = tree.root_node.named_children[0]
    assert function.type == kinds.FUNCTION_ITEM
    assert syntax.required(function, fields.NAME).start_byte == 3
    assert syntax.optional(function, fields.RETURN_TYPE) is None
    body = syntax.required(function, fields.BODY)
    binary = body.named_children[0].named_children[0]
    assert binary.type == kinds.BINARY_EXPRESSION
    assert syntax.required(binary, fields.OPERATOR).type == kinds.PLUS
    with pytest.raises(ValueError, match="function_item at byte 0 has no return_type"):
        syntax.required(function, fields.RETURN_TYPE)


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


@pytest.mark.parametrize("path", sorted(LOWER.glob("*.py")), ids=lambda p: p.name)
def test_lowering_names_the_grammar_through_syntax(path: Path) -> None:
    """`lower/` reads fields by `fields` id, not with tree-sitter's field calls, and
    compares a node's kind with `kinds` constants, not strings: a renamed field or kind
    is then an unknown name (mypy), not a comparison that is silently never true."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute):
            assert not node.attr.startswith(("child_by_field", "children_by_field", "field_name_for")), \
                f"{path.name}:{node.lineno}: read fields with syntax.optional/required"
        if isinstance(node, ast.Compare) and any(
                isinstance(side, ast.Attribute) and side.attr == "type" for side in [node.left, *node.comparators]):
            assert not any(_strings(side) for side in [node.left, *node.comparators]), \
                f"{path.name}:{node.lineno}: compare kinds with syntax.kinds constants"
