"""NodeIds as rustc's `compiler/rustc_ast/src/node_id.rs` defines them.

Every node is created with `DUMMY_NODE_ID`; only `passes/node_ids.py` writes real ids.
A node that keeps the dummy after numbering is one rustc numbers only after macro
expansion (or never): `rust-ast` prints its id as null.
"""

NodeId = int

DUMMY_NODE_ID: NodeId = 0xFFFF_FF00
"""rustc's `DUMMY_NODE_ID` (4294967040 in its dumps)."""

CRATE_NODE_ID: NodeId = 0
