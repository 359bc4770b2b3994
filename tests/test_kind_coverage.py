"""Our own tree cases exercise every kind variant of the model, except the ones rustc
creates only while expanding macros and the syntax tree-sitter-rust cannot parse
(those are in grammar_gaps.rs, recorded as known divergences)."""

from __future__ import annotations


from ast_core.analysis import Analysis
from ast_core.targets import target_cfg
from ast_core.document import Document, DocumentConfig
from ast_core.model import ExprKind, GenericParamKind, ItemKind, PatKind, StmtKind, TyKind
from ast_core.passes.locate import iter_nodes
from tests.bless_rustc import CASES, case_edition

# Only expansion produces these (rustc's parser never does), or only error recovery
# (`Err`: lowering makes them from ERROR nodes; see test_robustness.py).
AFTER_EXPANSION = {
    "ExprKind": {"InlineAsm", "FormatArgs", "IncludedBytes", "Type", "Dummy", "UnsafeBinderCast", "Err"},
    "PatKind": {"Deref", "Err"},
    "TyKind": {"Pat", "Dummy", "Err"},
    "ItemKind": {"GlobalAsm", "Delegation", "DelegationMac", "ConstBlock"},
}
# tree-sitter-rust 0.24.2 turns these into ERROR (grammar_gaps.rs; Err kinds are what
# lowering makes of them).
GRAMMAR_GAPS = {
    "ExprKind": {"Yeet", "Become", "OffsetOf", "Use"},
    "PatKind": {"Box", "Never", "Guard"},
    "TyKind": {"PinnedRef", "UnsafeBinder"},
    "ItemKind": {"TraitAlias"},
}


def seen_kinds() -> set[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    for case in CASES.glob("*.rs"):
        doc = Document(case.read_bytes(), DocumentConfig(int(case_edition(case)), target_cfg(), case))
        for node in iter_nodes([Analysis(doc).krate]):
            kind = getattr(node, "kind", None)
            if kind is not None:
                seen.add((type(kind).__qualname__.split(".")[0], type(kind).__name__))
    return seen


def test_every_kind_is_covered() -> None:
    seen = seen_kinds()
    missing = []
    for namespace in (ExprKind, PatKind, TyKind, StmtKind, ItemKind, GenericParamKind):
        name = namespace.__name__
        excused = AFTER_EXPANSION.get(name, set()) | GRAMMAR_GAPS.get(name, set())
        for variant in vars(namespace).values():
            if isinstance(variant, type) and (name, variant.__name__) not in seen \
                    and variant.__name__.rstrip("_") not in excused:
                missing.append(f"{name}::{variant.__name__}")
    assert missing == []
