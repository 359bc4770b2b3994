"""The rustc_ast-shaped model: classes generated from `ast.toml`, spans, NodeIds."""

from ._nodes import *  # noqa: F403  (the generated classes, by rustc's names)
from ._walk import *  # noqa: F403  (Visitor, MutVisitor, children, shift, JSON metadata)
from .node_id import CRATE_NODE_ID, DUMMY_NODE_ID, NodeId
from .span import DUMMY_SP, Ident, LineIndex, Span
