"""tree-sitter-rust, behind one door: the only package that imports `tree_sitter`.

`lower/` reads syntax nodes through the attributes `SyntaxNode` lists (their grammar
type, byte range, children, fields); a grammar or binding upgrade stays in here.
"""

from .parser import (SyntaxNode, Tree, edit, gates, parse, parse_attribute, parse_condition, parse_expression,
                     parse_generic_params, parse_pattern, parse_postfix_match, parse_spelled, parse_statements,
                     parse_type, parse_value, parse_where_clause, repairs, respelled, spelled)

__all__ = ["SyntaxNode", "Tree", "edit", "gates", "parse", "parse_attribute", "parse_condition", "parse_expression",
           "parse_generic_params",
           "parse_pattern", "parse_postfix_match", "parse_spelled", "parse_statements", "parse_type", "parse_value",
           "parse_where_clause", "repairs", "respelled", "spelled"]
