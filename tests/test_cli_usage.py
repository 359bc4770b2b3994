"""The command line as a user meets it: every flag listed in `rust-ast --help` and
explained in each command's help, usage errors naming the command's own usage,
`check-cfg --json`, and `expand`'s errors in rustc's format with exit status 1
(checked against rustc's recorded errors)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from server.cli import _parser

AUTODIFF = Path(__file__).parent / "data" / "autodiff"
DEMO = Path(__file__).parents[1] / "examples" / "demo"


def rust_ast(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "server", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


def commands() -> dict:
    return _parser()._subparsers._group_actions[0].choices  # the `COMMAND` subparsers


def test_top_level_help_lists_every_flag_of_every_command() -> None:
    out = rust_ast("--help")
    assert out.returncode == 0
    for name, command in commands().items():
        usage = out.stdout.split(f"\n  rust-ast {name} ", 1)[1].split("\n  rust-ast ")[0]
        for action in command._actions:
            assert not action.option_strings or any(flag in usage for flag in action.option_strings), (name, action)


@pytest.mark.parametrize("name", ["tree", "serve", "ids", "expand", "check-cfg"])
def test_every_argument_has_a_help_text(name: str) -> None:
    undocumented = [action.dest for action in commands()[name]._actions if not action.help]
    assert undocumented == []
    out = rust_ast(name, "--help")
    assert out.returncode == 0 and "--edition" in out.stdout if name in ("tree", "ids", "expand") else True


def test_usage_errors_name_the_commands_usage() -> None:
    out = rust_ast("check-cfg", "--bogus", "a.rs")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == ("rust-ast: error: unrecognized arguments: --bogus "
                          "(usage: rust-ast check-cfg [options] PATH...; see rust-ast check-cfg --help)\n")
    out = rust_ast("tree", "--edition", "2019", "a.rs")
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert out.stderr.endswith("(usage: rust-ast tree [options] file; see rust-ast tree --help)\n")


def test_check_cfg_json_is_format_json() -> None:
    short = rust_ast("check-cfg", ".", "--json", cwd=DEMO)
    long = rust_ast("check-cfg", ".", "--format", "json", cwd=DEMO)
    assert short.returncode == long.returncode == 1
    assert short.stdout == long.stdout and json.loads(short.stdout.splitlines()[0])["file"] == "src/lib.rs"


def test_expand_reports_rustcs_errors_as_rustc_and_exits_1() -> None:
    recorded = json.loads((AUTODIFF / "err_args.rustc.json").read_text())["diagnostics"]
    out = rust_ast("expand", "err_args.rs", cwd=AUTODIFF)
    assert out.returncode == 1
    blocks = out.stderr.split("\n\n")
    assert blocks[-2] == f"error: aborting due to {len(recorded)} previous errors"
    for block, diag in zip(blocks, recorded, strict=False):
        line, col = diag["span"][:2]
        head = block.splitlines()[:2]
        assert head == [f"error: {diag['message']}", f"{' ' * len(str(line))}--> err_args.rs:{line}:{col}"]
    assert len(blocks) == len(recorded) + 2  # each error, the closing line, the end
    assert rust_ast("expand", "err_args.rs", "--json", cwd=AUTODIFF).returncode == 1


def test_expand_without_autodiff_says_so(tmp_path: Path) -> None:
    (tmp_path / "plain.rs").write_text("fn main() {}\n")
    out = rust_ast("expand", "plain.rs", cwd=tmp_path)
    assert (out.returncode, out.stdout) == (0, "fn main() {}\n")
    assert out.stderr == "rust-ast: note: plain.rs has no autodiff attributes: printed unchanged\n"
