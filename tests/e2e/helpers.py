"""Helpers for the editor end-to-end tests: where the tools are, the fixture crate and
what the editors must show for it, and the check that a test leaves no process behind.

scripts/e2e_setup.sh installs the tools into `E2E_TOOLS_DIR` (default
`~/.cache/rust-ast-e2e`). A missing tool skips the tests, or fails them when
`E2E_REQUIRE=1` (CI sets it, so a broken setup cannot pass by skipping everything).
`E2E_RUST_AST` names the `rust-ast` executable to test, if not the installed one (it
must be called `rust-ast`: the editors look for that name on PATH).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURE = HERE / "fixture"

# The tests hover the middle of `sum` in `values.iter().sum()`: the method name, whose
# hover describes the method call (a PathSegment is too small to be what it is about).
HOVER_LINE_TEXT = "values.iter().sum()"
HOVER_WORD = "sum"
# The item `Go to NodeId` jumps to.
GOTO_ITEM = "main"


def missing(reason: str) -> NoReturn:
    """Skip, or fail under E2E_REQUIRE=1."""
    if os.environ.get("E2E_REQUIRE") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def tools_dir() -> Path:
    return Path(os.environ.get("E2E_TOOLS_DIR") or Path.home() / ".cache" / "rust-ast-e2e")


def tool(path: Path) -> Path:
    if not path.exists():
        missing(f"{path} is missing: run scripts/e2e_setup.sh")
    return path


def rust_ast() -> Path:
    """The `rust-ast` the editors start: E2E_RUST_AST, else the console script of the
    Python running the tests, else the one on PATH."""
    beside = Path(sys.executable).parent / "rust-ast"
    found = os.environ.get("E2E_RUST_AST") or (beside if beside.exists() else shutil.which("rust-ast"))
    if found is None or not Path(found).is_file():
        missing(f"rust-ast is not installed ({found}): pip install -e . in the checkout")
    return Path(found)


@dataclass(frozen=True)
class Expected:
    """What the editors must show for the fixture, from the CLI (tested against rustc)."""

    hover_line: int  # 0-based LSP position of the middle of HOVER_WORD
    hover_char: int
    hover_node: str  # "Expr::MethodCall", as the tree names it
    hover_id: int
    hover_start: str  # "13:5": where that node starts, 1-based (the fixture is ASCII)
    word_id: int  # the NodeId of HOVER_WORD's own node, the method call's PathSegment
    child_id: int  # the hovered node's first child with a span (the receiver `values.iter()`)
    child_selection: str  # what the status bar says once that child is selected: "Ln 13, Col 18 (13 selected)"
    items: tuple[str, ...]  # the tree's top-level `Item::...` lines, without NodeIds
    goto_id: int
    goto_line: int  # 0-based start of the node `goto_id`
    goto_char: int
    cfg_line: int  # 0-based line of `feature = "nope"`
    autodiff_line: int  # 0-based line of the autodiff attribute
    expansion: tuple[str, ...]  # the lines rustc expands its fn to

    @property
    def id_row(self) -> list[str]:
        """The hovered node's row in the NodeId table: id, node, line:col of its start."""
        return [str(self.hover_id), self.hover_node, self.hover_start]

    @property
    def hint(self) -> str:
        """The NodeId inlay hint after the hovered expression, as rustc's
        `-Zunpretty=expanded,identified` comments it."""
        return f"/* {self.hover_id} */"

    @property
    def hover_name(self) -> str:
        """rustc's name for the hovered node, which the hover's first line shows in bold."""
        cls, kind = self.hover_node.split("::")
        return f"{cls}Kind::{kind}"


def expected(crate: Path) -> Expected:
    main = crate / "src" / "main.rs"
    lines = main.read_text().splitlines()
    hover_line = next(i for i, line in enumerate(lines) if HOVER_LINE_TEXT in line)
    hover_char = lines[hover_line].index(HOVER_WORD, lines[hover_line].index(HOVER_LINE_TEXT)) + len(HOVER_WORD) // 2
    exe = str(rust_ast())
    tree_json = json.loads(subprocess.run([exe, "tree", "--json", "--ids", str(main)], check=True,
                                          capture_output=True).stdout)
    # The innermost node with an id and a span around the word (PathSegments have no
    # span); later in pre-order is deeper, so a child beats a parent of the same span
    # (`Stmt::Expr` and its `Expr`).
    point = [hover_line + 1, hover_char + 1]
    hovered = None
    for node in _preorder(tree_json):
        span = node["span"]
        if node.get("id") is None or not span or not span[:2] <= point < span[2:]:
            continue
        if hovered is None or (hovered["span"][:2] <= span[:2] and span[2:] <= hovered["span"][2:]):
            hovered = node
    assert hovered is not None, "no node with a NodeId around the hover position"
    child = next(c for c in hovered["children"] if c["span"] and c.get("id") is not None)
    lo_line, lo_col, hi_line, hi_col = child["span"]
    assert lo_line == hi_line, "the child is expected on one line (so its length is a column difference)"
    goto = next(n for n in tree_json["children"] if n["class"] == "Item" and n.get("ident") == GOTO_ITEM)
    tree = subprocess.run([exe, "tree", str(main)], check=True, capture_output=True, text=True).stdout
    [autodiff] = json.loads(subprocess.run([exe, "expand", "--json", str(main)], check=True,
                                           capture_output=True).stdout)
    items = tuple(_without_id(line.strip()) for line in tree.splitlines() if line.startswith("  Item::"))
    return Expected(
        hover_line=hover_line,
        hover_char=hover_char,
        hover_node=f"{hovered['class']}::{hovered['kind']}",
        hover_id=hovered["id"],
        hover_start=f"{hovered['span'][0]}:{hovered['span'][1]}",
        word_id=next(c["id"] for c in hovered["children"] if c.get("ident") == HOVER_WORD),
        child_id=child["id"],
        child_selection=f"Ln {hi_line}, Col {hi_col} ({hi_col - lo_col} selected)",
        items=items,
        goto_id=goto["id"],
        goto_line=goto["span"][0] - 1,
        goto_char=goto["span"][1] - 1,
        cfg_line=next(i for i, line in enumerate(lines) if 'feature = "nope"' in line),
        autodiff_line=autodiff["span"][0] - 1,
        expansion=tuple(autodiff["text"].splitlines()),
    )


def _preorder(node: dict) -> Iterator[dict]:
    yield node
    for child in node["children"]:
        yield from _preorder(child)


def _without_id(line: str) -> str:
    """`Item::Fn #7 [9:1-11:2] total` -> `Item::Fn [9:1-11:2] total`: numbering is
    checked elsewhere; here the lines only show that every item is listed."""
    return " ".join(word for word in line.split() if not word.startswith("#"))


def copy_fixture(dest: Path) -> Path:
    """A private copy of the fixture crate: editors write state next to what they open."""
    shutil.copytree(FIXTURE, dest)
    return dest


def pids_with_token(token: str) -> list[int]:
    """Live processes whose environment holds E2E_RUN_TOKEN=token: everything a test
    started (the editor, the language server, their children) inherits it."""
    needle = f"E2E_RUN_TOKEN={token}".encode()
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
        except OSError:
            continue  # gone, or not ours to read
        if needle in environ.split(b"\0"):
            pids.append(int(entry))
    return pids


def cmdlines(pids: list[int]) -> list[list[str]]:
    out = []
    for pid in pids:
        try:
            out.append(Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")[:-1])
        except OSError:
            continue
    return out


@contextmanager
def leak_check(env: dict[str, str]) -> Iterator[dict[str, str]]:
    """Gives `env` a fresh run token. Afterwards, kills (one PID at a time) whatever
    process carrying it outlived the editor, and fails the test if there was one."""
    token = uuid.uuid4().hex
    leaked: list[list[str]] = []
    try:
        yield {**env, "E2E_RUN_TOKEN": token}
    finally:
        deadline = time.monotonic() + 10
        while (left := pids_with_token(token)) and time.monotonic() < deadline:
            time.sleep(0.1)
        leaked = cmdlines(left)
        for pid in left:
            with suppress(ProcessLookupError):  # it ended meanwhile
                os.kill(pid, signal.SIGKILL)
    if leaked:
        pytest.fail(f"processes left running after the editor exited: {leaked}")


def isolated_env(tmp: Path, path_first: Path | None = None) -> dict[str, str]:
    """The environment for an editor: its own XDG folders (no user config, plugins or
    state; code-server writes its config there), and `path_first` first on PATH."""
    env = dict(os.environ)
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp / "xdg" / name.lower())
    if path_first is not None:
        env["PATH"] = f"{path_first}{os.pathsep}{env['PATH']}"
    return env


def run(cmd: list[str], *, env: dict[str, str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Runs cmd in its own session; on a timeout, kills that session and fails."""
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"{Path(cmd[0]).name} timed out after {timeout} s\nstdout:\n{out[-4000:]}\nstderr:\n{err[-4000:]}")
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)
