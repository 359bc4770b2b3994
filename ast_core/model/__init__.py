"""The rustc_ast-shaped model: classes generated from `ast.toml`, spans, NodeIds.

`mut_visit` (MutVisitor) and `shift_tree` (shift) are imported where they are used:
`rust-ast tree` runs neither."""

from ._nodes import *  # noqa: F403  (the generated classes, by rustc's names)
from ._walk import *  # noqa: F403  (Visitor, children, JSON metadata)
from .node_id import CRATE_NODE_ID as CRATE_NODE_ID
from .node_id import DUMMY_NODE_ID as DUMMY_NODE_ID
from .node_id import NodeId as NodeId
from .span import DUMMY_SP as DUMMY_SP
from .span import Ident as Ident
from .span import LineIndex as LineIndex
from .span import Span as Span
