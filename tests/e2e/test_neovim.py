"""End to end in a real Neovim 0.11 (headless): editors/neovim on the runtimepath,
`vim.lsp.enable('rust_ast')` finding `rust-ast` on PATH, then what a user sees: the
attach, diagnostics, a hover window, the `:RustAstTree` split (its highlight follows
the cursor; it is rendered again after an edit, and for a range of lines),
`:RustAstGotoId` moving the cursor, `:RustAstNodeIds`, `:RustAstToggleHints`, and the
autodiff code lens opening the expansion.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .helpers import (
    ROOT,
    Expected,
    copy_fixture,
    expected,
    isolated_env,
    leak_check,
    run,
    rust_ast,
    tool,
    tools_dir,
)

PROBE = Path(__file__).resolve().parent / "neovim" / "probe.lua"


def probe(tmp_path: Path, want: Expected, crate: Path, settings: dict[str, Any] | None = None,
          codes: tuple[str, ...] = ()) -> dict[str, Any]:
    """Runs the probe in headless Neovim on `crate` (with `settings`: until diagnostics
    of exactly these `codes` arrive, then a hover); what it saw."""
    nvim = tool(tools_dir() / "venv" / "bin" / "nvim")
    result_file = tmp_path / "result.json"
    env = isolated_env(tmp_path, rust_ast().parent)
    env.update({
        "E2E_PLUGIN": str(ROOT / "editors" / "neovim"),
        "E2E_FILE": str(crate / "src" / "main.rs"),
        "E2E_RESULT": str(result_file),
        "E2E_HOVER_LINE": str(want.hover_line),
        "E2E_HOVER_CHAR": str(want.hover_char),
        "E2E_GOTO_ID": str(want.goto_id),
    })
    if settings is not None:
        env["E2E_SETTINGS"] = json.dumps(settings)
        env["E2E_DIAGNOSTIC_CODES"] = ",".join(sorted(codes))
    with leak_check(env) as env:
        proc = run([str(nvim), "--headless", "-n", "-i", "NONE", "-u", str(PROBE)], env=env, cwd=crate, timeout=120)
    log = tmp_path / "xdg" / "state" / "nvim" / "lsp.log"
    context = f"nvim rc={proc.returncode}\nstderr:\n{proc.stderr[-3000:]}\nlsp.log:\n" + (
        log.read_text(errors="replace")[-3000:] if log.exists() else "(none)")
    assert result_file.exists(), context
    seen = json.loads(result_file.read_text())
    print(json.dumps(seen, indent=1))
    assert proc.returncode == 0 and "error" not in seen, f"{seen.get('error')}\n{context}"
    return seen


def test_neovim(tmp_path: Path) -> None:
    crate = copy_fixture(tmp_path / "crate")
    want = expected(crate)
    seen = probe(tmp_path, want, crate)

    assert seen["filetype"] == "rust"
    assert seen["server_name"] == "rust-ast"
    assert {"RustAstTree", "RustAstNodeIds", "RustAstGotoId", "RustAstExpand", "RustAstToggleHints"} <= set(
        seen["commands"])
    cfg = [d for d in seen["diagnostics"] if d["code"] == "unexpected_cfgs"]
    assert [(d["lnum"], d["source"], d["severity"]) for d in cfg] == [(want.cfg_line, "rust-ast", "WARN")], seen[
        "diagnostics"]
    assert "nope" in cfg[0]["message"]
    inactive = [d["lnum"] for d in seen["diagnostics"] if d["code"] == "inactive-code"]
    assert want.cfg_line in inactive, seen["diagnostics"]  # `#[cfg(feature = "nope")] fn hidden() {}` greyed out

    title = seen["hover"][0]
    assert f"**{want.hover_name}**" in title and f"`NodeId({want.hover_id})`" in title, seen["hover"]

    tree = [" ".join(w for w in line.split() if not w.startswith("#")) for line in seen["tree"]]
    assert tree[0].startswith("Crate"), seen["tree"]
    assert [line for line in tree if line in want.items] == list(want.items)
    assert seen["tree_windows"] == 1
    assert seen["tree_highlight"].strip().startswith(f"{want.hover_node} #{want.hover_id} "), seen["tree_highlight"]
    assert seen["tree_highlight_top"].strip().startswith("Attribute::DocComment"), seen["tree_highlight_top"]
    added = [line for line in seen["tree_after_edit"] if line.startswith("  Item::Fn") and line.endswith(" added")]
    assert len(added) == 1, seen["tree_after_edit"]

    # `:10RustAstTree`: the nodes around line 10 only.
    of_line = [line.strip() for line in seen["tree_of_line"]]
    assert any(line.startswith(f"{want.hover_node} #{want.hover_id} ") for line in of_line), of_line
    assert not any(line.startswith(("Crate", "Item::")) for line in of_line), of_line

    assert seen["goto_cursor"] == [want.goto_line, want.goto_char]
    assert seen["node_ids"][0].split() == ["NodeId", "Node", "Line:Col", "Ident"]
    assert want.id_row in [row.split()[:3] for row in seen["node_ids"]], seen["node_ids"]
    assert {"line": want.hover_line, "label": want.hint} in seen["inlay_hints"], seen["inlay_hints"]
    [lens] = seen["code_lenses"]
    assert lens["line"] == want.autodiff_line and lens["title"].startswith("Preview expansion"), lens
    assert [line for line in seen["expansion"] if line in want.expansion] == list(want.expansion), seen["expansion"]
    assert seen["server_exited"]


def test_neovim_features_switched_off(tmp_path: Path) -> None:
    """`settings` switches the hover and the inactive-code greying off, as beside
    rust-analyzer; the lint stays."""
    crate = copy_fixture(tmp_path / "crate")
    want = expected(crate)
    settings = {"rustAst": {"hover": {"enable": False}, "inactiveCode": {"enable": False}}}
    seen = probe(tmp_path, want, crate, settings, codes=("unexpected_cfgs",))
    assert [d["code"] for d in seen["diagnostics"]] == ["unexpected_cfgs"], seen["diagnostics"]
    assert seen["hover_answers"] == [{"result": None}], seen["hover_answers"]
