"""End to end in the real VS Code workbench: code-server runs editors/vscode's packaged
extension on the fixture crate, and vscode/driver.mjs works it through headless
Chromium like a user: open the file, see the squiggle and the Problems panel, place the
cursor and read the status bar's node, click it to open the syntax tree view, expand a
row and click a child (the editor selects its source), see the view follow the cursor,
hover, *Show Syntax Tree* as text, *Go to NodeId*, an edit both trees follow, *Show
NodeIds*, the autodiff code lens, *Toggle NodeId Inlay Hints*.

The extension finds the server the two ways users set it up: `rust-ast` on PATH, or
`rustAst.server.python` naming a Python that has rust-ast installed; with neither, it
says how to fix that. The PATH run also takes the README's screenshot
(editors/vscode/screenshot.png).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from .helpers import (
    HOVER_LINE_TEXT,
    ROOT,
    cmdlines,
    copy_fixture,
    expected,
    isolated_env,
    leak_check,
    missing,
    pids_with_token,
    run,
    rust_ast,
    tool,
    tools_dir,
)

DRIVER_DIR = Path(__file__).resolve().parent / "vscode"
VSIX = ROOT / "editors" / "vscode" / "rust-ast.vsix"
SCREENSHOT = ROOT / "editors" / "vscode" / "screenshot.png"
EXTENSION_ID = "rust-ast.rust-ast"

# A quiet workbench: no welcome page, trust prompt, telemetry, update or gallery checks.
WORKBENCH_SETTINGS = {
    "security.workspace.trust.enabled": False,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": False,
    "workbench.enableExperiments": False,
    "workbench.welcomePage.walkthroughs.openOnInstall": False,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "chat.disableAIFeatures": True,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoUpdate": False,
    "extensions.autoCheckUpdates": False,
    "extensions.ignoreRecommendations": True,
    "git.enabled": False,
    "editor.hover.delay": 200,
    "editor.minimap.enabled": False,
    "editor.stickyScroll.enabled": False,
    "editor.autoClosingBrackets": "never",
    "window.commandCenter": False,
}


def _listening_url(log: Path, proc: subprocess.Popen[bytes], timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        if found := re.search(r"HTTP server listening on (http://127\.0\.0\.1:\d+)", text):
            return found.group(1)
        if proc.poll() is not None:
            pytest.fail(f"code-server exited with {proc.returncode}:\n{text[-4000:]}")
        time.sleep(0.2)
    pytest.fail(f"code-server did not listen within {timeout} s:\n{log.read_text(errors='replace')[-4000:]}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Ends code-server's process group (its own session), gently first."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        if proc.poll() is not None:
            return
        os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue


class Seen(NamedTuple):
    """What the driver recorded, and the server command lines running meanwhile."""

    result: dict[str, Any]
    servers: list[list[str]]
    screenshot: Path


def _drive(tmp_path: Path, settings: dict[str, Any], env: dict[str, str], expect: dict[str, str]) -> Seen:
    """Installs the VSIX, starts code-server on `tmp_path/crate` with these user
    settings, runs the driver with the `expect` variables, and stops everything."""
    node = tool(tools_dir() / "node24" / "bin" / "node")
    code_server = tool(tools_dir() / "code-server" / "node_modules" / "code-server" / "out" / "node" / "entry.js")
    chromium = tool(Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")))
    tool(DRIVER_DIR / "node_modules" / "playwright-core")
    if not VSIX.exists():
        missing(f"{VSIX} is missing: run scripts/e2e_setup.sh (npm run package in editors/vscode)")

    workspace = tmp_path / "crate"
    artifacts = tmp_path / "artifacts"
    artifacts.mkdir()
    user_data, extensions = tmp_path / "user-data", tmp_path / "extensions"
    (user_data / "User").mkdir(parents=True)
    (user_data / "User" / "settings.json").write_text(json.dumps({**WORKBENCH_SETTINGS, **settings}, indent=2))
    # The extension gallery (open-vsx.org by default) at a closed loopback port: no
    # request leaves the machine.
    env["EXTENSIONS_GALLERY"] = json.dumps({
        "serviceUrl": "http://127.0.0.1:9/gallery",
        "itemUrl": "http://127.0.0.1:9/item",
        "resourceUrlTemplate": "http://127.0.0.1:9/assets/{publisher}/{name}/{version}/{path}",
    })
    common = [str(node), str(code_server), "--user-data-dir", str(user_data), "--extensions-dir", str(extensions)]
    result_file, shot, log = artifacts / "result.json", artifacts / "vscode.png", artifacts / "code-server.log"

    timings: dict[str, float] = {}
    with leak_check(env) as env:
        started = time.monotonic()
        installed = run([*common, "--install-extension", str(VSIX)], env=env, cwd=tmp_path, timeout=120)
        assert installed.returncode == 0, installed.stdout + installed.stderr
        assert any(p.name.startswith(EXTENSION_ID + "-") for p in extensions.iterdir()), list(extensions.iterdir())
        timings["install_extension_s"] = round(time.monotonic() - started, 1)

        with open(log, "wb") as log_file:
            editor = subprocess.Popen(
                [*common, "--bind-addr", "127.0.0.1:0", "--auth", "none", "--disable-telemetry",
                 "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override",
                 "--ignore-last-opened",
                 # The extension host gets this environment (our PATH), not one resolved
                 # from the user's login shell.
                 "--vscode-option", "force-disable-user-env",
                 str(workspace)],
                env=env, cwd=tmp_path, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
            )
        try:
            url = _listening_url(log, editor, timeout=90)
            started = time.monotonic()
            driver = run([str(node), str(DRIVER_DIR / "driver.mjs")], cwd=DRIVER_DIR, timeout=300, env={
                **env,
                **expect,
                "E2E_URL": f"{url}/?folder={workspace}",
                "E2E_OPEN_FILE": "src/main.rs",
                "E2E_SCREENSHOT": str(shot),
                "E2E_RESULT": str(result_file),
                "CHROMIUM_PATH": str(chromium),
            })
            timings["driver_s"] = round(time.monotonic() - started, 1)
            # While the editor runs, the server it started carries our token, which is
            # what makes the leak check meaningful.
            servers = [cmd for cmd in cmdlines(pids_with_token(env["E2E_RUN_TOKEN"])) if cmd[-1:] == ["serve"]]
        finally:
            _stop(editor)

    assert result_file.exists(), driver.stdout + driver.stderr
    result = json.loads(result_file.read_text())
    result["pytest_timings"] = timings
    print(json.dumps(result, indent=1))
    assert driver.returncode == 0 and "error" not in result, (
        f"{result.get('error')}\nnotifications: {result.get('notifications')}\n"
        f"screenshot: {result.get('failure_screenshot')}\ncode-server log:\n{log.read_text(errors='replace')[-3000:]}")
    assert not result["non_loopback_requests"], result["non_loopback_requests"]
    return Seen(result, servers, shot)


def _without_rust_ast(env: dict[str, str]) -> dict[str, str]:
    """env minus the PATH folders that hold a `rust-ast`."""
    kept = [p for p in env["PATH"].split(os.pathsep) if not (Path(p) / "rust-ast").exists()]
    return {**env, "PATH": os.pathsep.join(kept)}


@pytest.mark.parametrize("discovery", ["path", "python"])
def test_vscode(tmp_path: Path, discovery: str) -> None:
    workspace = copy_fixture(tmp_path / "crate")
    want = expected(workspace)
    if discovery == "path":
        settings: dict[str, Any] = {}
        env = isolated_env(tmp_path, rust_ast().parent)
    else:
        # The Python running the tests has rust-ast installed. The setting would win over
        # a `rust-ast` on PATH; none is left there, to be sure it is not used.
        settings = {"rustAst.server.python": sys.executable}
        env = _without_rust_ast(isolated_env(tmp_path))
    hover_line = next(line for line in (workspace / "src" / "main.rs").read_text().splitlines()
                      if HOVER_LINE_TEXT in line)
    seen = _drive(tmp_path, settings, env, {
        "E2E_HOVER_LINE_TEXT": hover_line,
        "E2E_HOVER_CHAR": str(want.hover_char),
        "E2E_EXPECT_NODE_AT": f"PathSegment #{want.word_id}",
        "E2E_TREE_NODE": f"#{want.hover_id} [",
        "E2E_TREE_CHILD": f"#{want.child_id} [",
        "E2E_CHILD_STATUS": want.child_selection,
        "E2E_EXPECT_HOVER": f"NodeId({want.hover_id})",
        "E2E_GOTO_ID": str(want.goto_id),
        "E2E_GOTO_STATUS": f"Ln {want.goto_line + 1}, Col {want.goto_char + 1}",
        "E2E_EXPECT_HINT": want.hint,
        "E2E_AUTODIFF_LINE": str(want.autodiff_line + 1),
    })
    result = seen.result

    # `rust-ast` is a Python script, so its command line is `python .../rust-ast serve`.
    if discovery == "path":
        assert [[Path(cmd[-2]).name, cmd[-1]] for cmd in seen.servers] == [["rust-ast", "serve"]], seen.servers
    else:
        assert [cmd[-3:] for cmd in seen.servers] == [["-m", "server", "serve"]], seen.servers

    assert result["status_node"] == f"PathSegment #{want.word_id}", result["status_node"]
    # The tree view: opened by the status bar item on the cursor's node, a child row
    # clicked selects its source, the selection follows the cursor back and the edits.
    assert result["tree_view_selected"].startswith(f"{want.hover_node} #{want.hover_id} ["), result
    assert result["tree_view_child"].startswith(f"Expr::MethodCall #{want.child_id} ["), result
    assert result["tree_click_status"] == want.child_selection, result["tree_click_status"]
    assert result["tree_view_clicked"] == result["tree_view_child"], result["tree_view_clicked"]
    assert result["tree_view_followed"] == result["tree_view_selected"], result["tree_view_followed"]
    assert re.fullmatch(r"Item::Fn #\d+ added \[\d+:1-\d+:14\]", result["tree_view_added"]), result
    assert re.fullmatch(r"Block #\d+ \[\d+:12-\d+:14\]", result["tree_view_selected_after_edit"]), result
    hover = result["hover_text"]
    assert want.hover_name in hover and f"NodeId({want.hover_id})" in hover, hover
    assert want.hover_name in result["hover_bold"], "the hover's markdown was not rendered"
    cfg = [row for row in result["problems"] if "unexpected_cfgs" in row]
    assert len(cfg) == 1 and "nope" in cfg[0] and f"[Ln {want.cfg_line + 1}," in cfg[0], result["problems"]

    tree = [" ".join(w for w in line.split() if not w.startswith("#")) for line in result["tree_lines"]]
    assert tree[0].startswith("Crate"), result["tree_lines"][:3]
    assert [line for line in tree if line in want.items] == list(want.items), result["tree_lines"]
    assert result["tree_selected"].strip().startswith(f"{want.hover_node} #{want.hover_id} "), result["tree_selected"]
    # The cursor ends the typed `fn added() {}`: the innermost node there is its body.
    after_edit = result["tree_selected_after_edit"] or ""
    assert re.fullmatch(r"\s*Block #\d+ \[\d+:12-\d+:14\] rules=Default", after_edit), after_edit
    assert result["goto_status"] == f"Ln {want.goto_line + 1}, Col {want.goto_char + 1}"
    assert result["node_ids"][0].split() == ["NodeId", "Node", "Line:Col", "Ident"]
    assert want.id_row in [row.split()[:3] for row in result["node_ids"]], result["node_ids"]
    expansion = [line for line in result["expansion"] if line in want.expansion]
    assert expansion == list(want.expansion), result["expansion"]
    hinted = result["hinted_line"]  # `    values/* 19 */.iter()/* 18 */.sum()/* 17 */`
    assert want.hint in hinted and re.sub(r"/\* [^*]+ \*/", "", hinted).strip() == HOVER_LINE_TEXT, hinted

    assert not [n for n in result["notifications"] if "rust" in n.lower()], result["notifications"]
    assert seen.screenshot.stat().st_size > 10_000
    if discovery == "path":
        shutil.copyfile(seen.screenshot, SCREENSHOT)


def test_vscode_without_server(tmp_path: Path) -> None:
    """No setting and no `rust-ast` on PATH: a notification names the three fixes."""
    copy_fixture(tmp_path / "crate")
    env = _without_rust_ast(isolated_env(tmp_path))
    seen = _drive(tmp_path, {}, env, {"E2E_EXPECT_NOTIFICATION": "rust-ast language server is not on PATH"})
    [notification] = [n for n in seen.result["notifications"] if "rust-ast" in n]
    assert "pip install" in notification and "rustAst.server.path" in notification, notification
    assert "rustAst.server.python" in notification, notification
    assert seen.servers == []
