"""`rust-ast tree` and `rust-ast ids`: formats (INTERFACE.md) and errors (one stderr line,
exit 2, never a traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "data" / "tree"


def rust_ast(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "server", *args], input=stdin, capture_output=True,
                          timeout=120)


def test_tree_json_with_ids_follows_interface() -> None:
    out = rust_ast("tree", str(CASES / "nodeid_examples.rs"), "--json", "--ids")
    assert out.returncode == 0, out.stderr
    crate = json.loads(out.stdout)
    assert (crate["class"], crate["kind"], crate["id"]) == ("Crate", None, 0)
    first = crate["children"][0]
    assert first["class"] == "Item" and first["kind"] == "Enum" and first["id"] == 7
    assert first["span"] == [3, 1, 3, 66] and first["ident"] == "E"


def test_tree_json_without_ids_has_no_ids() -> None:
    out = rust_ast("tree", str(CASES / "exprs.rs"), "--json")
    assert "id" not in json.loads(out.stdout)


def test_tree_text_is_indented_class_kind_id_span_ident() -> None:
    out = rust_ast("tree", str(CASES / "nodeid_examples.rs"))
    lines = out.stdout.decode().splitlines()
    assert lines[0] == "Crate #0 [2:1-24:25]"
    assert lines[1] == "  Item::Enum #7 [3:1-3:66] E"


def test_edition_2015_starts_items_at_8() -> None:
    out = rust_ast("ids", "-", "--json", "--edition", "2015", stdin=b"fn f() {}\n")
    rows = json.loads(out.stdout)
    assert [r["id"] for r in rows[:2]] == [0, 8]
    assert rows[1]["class"] == "Item" and rows[1]["kind"] == "Fn" and rows[1]["span"] == [1, 1, 1, 10]


def test_ids_are_ordered_and_text_form_lists_them() -> None:
    rows = json.loads(rust_ast("ids", str(CASES / "items.rs"), "--json").stdout)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    text = rust_ast("ids", str(CASES / "items.rs")).stdout.decode().splitlines()
    assert text[0].split() == ["0", "Crate", "[1:1-56:11]"]


@pytest.mark.parametrize(("setup", "message"), [
    (lambda tmp: tmp / "missing.rs", "no such file"),
    (lambda tmp: tmp, "is a directory"),
    (lambda tmp: _write(tmp / "latin1.rs", b"fn f() { let s = \"\xe9\"; }\n"), "not valid UTF-8"),
    (lambda tmp: _write(tmp / "binary.rs", bytes(range(256)) * 4), "looks like a binary file"),
])
def test_unreadable_input_is_one_error_line(tmp_path: Path, setup, message: str) -> None:
    target = setup(tmp_path)
    for command in ("tree", "ids"):
        out = rust_ast(command, str(target))
        assert out.returncode == 2
        err = out.stderr.decode()
        assert err.startswith("rust-ast: error: ") and message in err and err.count("\n") == 1
        assert out.stdout == b""


def test_broken_rust_still_prints_a_tree() -> None:
    out = rust_ast("tree", "-", stdin=b"fn f( { let x = ; }\nstruct S {\n")
    assert out.returncode == 0
    assert "Item::Fn" in out.stdout.decode()


@pytest.mark.parametrize(("manifest", "flags"), [(False, ()), (True, ()), (True, ("--json", "--standalone"))])
def test_tree_of_a_small_file_imports_no_dataclasses(tmp_path: Path, manifest: bool, flags: tuple[str, ...]) -> None:
    """Start-up is most of a small file's `tree`: its path (cfgs to evaluate and a
    Cargo.toml to read included) imports neither `dataclasses` (with `inspect` and
    `ast`: 37% of a run's instructions) nor pygls (the server's), nor the model's MutVisitor
    (autodiff's) and shift (for units reused after an edit); without a Cargo.toml, it
    compiles no Python text but the modules it imports (a `typing.NamedTuple`'s
    annotations would: see `ast_core.record`)."""
    if manifest:
        _write(tmp_path / "Cargo.toml", b'[package]\nname = "small"\nversion = "0.1.0"\nedition = "2021"\n\n'
                                         b'[features]\ndefault = ["std"]\nstd = []\n')
    file = _write(tmp_path / "main.rs", b"/// A doc.\n#[derive(Debug)]\nstruct S;\nfn main() { let v = vec![1, 2]; }\n"
                  b"#[cfg(test)]\nmod tests {\n    #[cfg_attr(unix, test)]\n    fn t() {}\n}\n")
    code = ("import builtins, sys\n"
            "compiled = []\n"
            "compile = builtins.compile\n"
            "def counting(source, filename, *args, **kwargs):\n"
            "    compiled.extend([] if str(filename).endswith('.py') else [filename])\n"
            "    return compile(source, filename, *args, **kwargs)\n"
            "builtins.compile = counting\n"
            "from server.cli import main\n"
            "main(sys.argv[1:])\n"
            "print(*sys.modules, len(compiled), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, "tree", str(file), *flags], capture_output=True, timeout=120)
    assert out.returncode == 0 and b"Item" in out.stdout
    *loaded, compiled = out.stderr.decode().split()
    assert {"ast_core.document", "ast_core.cfg.predicate"} <= set(loaded)
    assert set(loaded).isdisjoint({"dataclasses", "inspect", "pygls",
                                   "ast_core.model.mut_visit", "ast_core.model.shift_tree"})
    assert compiled == "0" or manifest  # (tomllib's own NamedTuple compiles its annotations)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
