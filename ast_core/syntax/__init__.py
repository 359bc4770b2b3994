"""tree-sitter-rust, behind one door: the only package that imports `tree_sitter`.

Code outside reads syntax nodes through `SyntaxNode` (a Protocol: kind, byte range,
children, error flags), compares kinds with `kinds` constants and reads fields with
`optional`/`required` and `fields` constants. Both are generated from the installed
grammar (`python -m ast_core.syntax.gen`), so a grammar or binding upgrade is met in
here: a renamed or dropped kind or field is an unknown name to mypy, not a comparison
silently never true in `lower/`.
"""

from . import fields, kinds
from .node import SyntaxNode, named_children_from, optional, required
from .parser import (Tree, edit, gates, parse, parse_attribute, parse_condition, parse_expression, parse_generic_params,
                     parse_pattern, parse_postfix_match, parse_spelled, parse_statements, parse_type, parse_value,
                     parse_where_clause, repairs, respelled, Spelled, spelled)

__all__ = ["SyntaxNode", "Tree", "edit", "fields", "gates", "kinds", "named_children_from", "optional", "parse",
           "parse_attribute", "parse_condition", "parse_expression", "parse_generic_params", "parse_pattern",
           "parse_postfix_match", "parse_spelled", "parse_statements", "parse_type", "parse_value",
           "parse_where_clause", "repairs", "required", "respelled", "Spelled", "spelled"]
