"""The documentation in `docs/` covers the product as it is: every command-line flag,
every setting, every `rustAst/` request; its links resolve; and the repository stands
alone (nothing the user gets names files outside it)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import fields
from pathlib import Path

import pytest

from server.cli import _parser
from server.config import Settings
from tests.test_ext_mirror import server_methods

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_every_flag_of_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text()
    commands = _parser()._subparsers._group_actions[0].choices
    missing = [name for name in commands if f"`rust-ast {name}" not in text]
    missing += [f"{name} {flag}" for name, command in commands.items() for action in command._actions
                for flag in action.option_strings[-1:] if flag != "--help" and f"`{flag}" not in text]
    assert missing == []


def test_every_setting_is_documented() -> None:
    text = (DOCS / "lsp.md").read_text()
    assert [f.metadata["key"] for f in fields(Settings) if f"| `{f.metadata['key']}` |" not in text] == []


def test_every_request_is_documented() -> None:
    text = (DOCS / "lsp.md").read_text()
    assert sorted(m for m in server_methods() if f"`{m}`" not in text) == []


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")) + ["../README.md"])
def test_links_resolve(page: str) -> None:
    path = DOCS / page
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", path.read_text()):
        if "://" not in target:
            assert (path.parent / target).exists(), f"{page}: {target}"


def test_the_repository_stands_alone() -> None:
    """The product, its documentation, benchmarks and scripts name no file outside the
    repository (the recording scripts under tests/ may use outside tools)."""
    tracked = subprocess.run(["git", "ls-files", "README.md", "Makefile", "docs", "bench", "scripts", "server",
                              "ast_core", "editors", ".ci"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    outside = re.compile(r"\.\./shared|/work/shared|INTERFACE\.md")
    texts = (".md", ".py", ".ts", ".lua", ".sh", ".toml", ".json", "Makefile", "run")
    hits = [name for name in tracked if (ROOT / name).is_file() and name.endswith(texts)
            and outside.search((ROOT / name).read_text(errors="replace"))]
    assert hits == []
