"""The VS Code extension mirrors the server: its `lsp_ext.ts` names the server's
`rustAst/*` methods (server/features/ext.py), and its package.json declares the
server's settings (server/config.py) with the same types and docs, as rust-analyzer
keeps its lsp_ext.ts and package.json in step with its server.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import MISSING, fields
from pathlib import Path

from server.config import Settings

ROOT = Path(__file__).resolve().parents[1]
EXT_PY = ROOT / "server" / "features" / "ext.py"
LSP_EXT_TS = ROOT / "editors" / "vscode" / "src" / "lsp_ext.ts"
PACKAGE_JSON = ROOT / "editors" / "vscode" / "package.json"
# Settings the extension itself reads (how to start the server, tracing): not the server's.
CLIENT_ONLY = ("rustAst.server.", "rustAst.trace.")


def server_methods() -> set[str]:
    """The module-level string constants of ext.py that name a `rustAst/` method."""
    methods = set()
    for stmt in ast.parse(EXT_PY.read_text()).body:
        if (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant)
                and isinstance(stmt.value.value, str) and stmt.value.value.startswith("rustAst/")):
            methods.add(stmt.value.value)
    return methods


def mirrored_methods() -> set[str]:
    """The methods lsp_ext.ts declares: `new lc.RequestType<...>('rustAst/...')`."""
    source = LSP_EXT_TS.read_text()
    return set(re.findall(r"new lc\.(?:Request|Notification)Type\d?<[^(]*>\(\s*'(rustAst/\w+)'", source))


def test_lsp_ext_names_the_servers_methods() -> None:
    server = server_methods()
    assert server, f"no rustAst/ constants found in {EXT_PY}"
    mirrored = mirrored_methods()
    assert mirrored == server, (
        f"only in ext.py: {sorted(server - mirrored)}; only in lsp_ext.ts: {sorted(mirrored - server)}")


def test_package_json_declares_the_servers_settings() -> None:
    declared = json.loads(PACKAGE_JSON.read_text())["contributes"]["configuration"]["properties"]
    server_side = {key: value for key, value in declared.items() if not key.startswith(CLIENT_ONLY)}
    settings = {f"rustAst.{f.metadata['key']}": f for f in fields(Settings)}
    assert server_side.keys() == settings.keys()
    for key, fld in settings.items():
        entry = declared[key]
        assert entry["type"] == fld.metadata["type"], key
        assert entry["markdownDescription"] == fld.metadata["doc"], key
        default = fld.default_factory() if fld.default_factory is not MISSING else fld.default
        assert entry["default"] == json.loads(json.dumps(default)), key  # tuple -> list, None -> null
