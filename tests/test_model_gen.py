"""The generated model modules are what `ast.toml` makes (ruff's and LibCST's
freshness check)."""

from __future__ import annotations

from ast_core.model import gen


def test_generated_files_are_fresh() -> None:
    for path, text in gen.generate().items():
        assert path.read_text() == text, f"{path.name} is stale: run `python -m ast_core.model.gen`"
