"""`rust-ast check-cfg`: both formats, exit codes (0 nothing found, 1 findings, 2 bad
usage or unreadable input), bad input, and crates walked as rustc walks them
(`mod` files, cfg'd-out modules, levels set in a parent file, build scripts)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ast_core.cfg.driver import check_paths

TYPO = '#[cfg(has_fooo)] pub fn a() {}\n'


def rust_ast(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "server", "check-cfg", *args], input=stdin, capture_output=True,
                          timeout=120, cwd=cwd, text=stdin is None)


def rows(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_json_lines_follow_interface(tmp_path: Path) -> None:
    write(tmp_path, {"a.rs": TYPO})
    out = rust_ast("a.rs", "--check-cfg", "cfg(has_foo)", "--format", "json", cwd=tmp_path)
    assert out.returncode == 1 and out.stderr == ""
    [row] = rows(out.stdout)
    assert {k: row[k] for k in ("file", "span", "code", "level", "what", "name", "value", "message")} == {
        "file": "a.rs", "span": [1, 7, 1, 15], "code": "unexpected_cfgs", "level": "warning", "what": "name",
        "name": "has_fooo", "value": None, "message": "unexpected `cfg` condition name: `has_fooo`"}
    assert row["children"][0] == {"level": "help", "message": "to expect this configuration use "
                                                              "`--check-cfg=cfg(has_fooo)`"}
    assert row["suggestions"] == [{"message": "there is a config with a similar name",
                                   "applicability": "MaybeIncorrect",
                                   "edits": [{"span": [1, 7, 1, 15], "replacement": "has_foo"}]}]


def test_human_output_reads_like_rustc(tmp_path: Path) -> None:
    write(tmp_path, {"a.rs": TYPO})
    out = rust_ast("a.rs", "--check-cfg", "cfg(has_foo)", cwd=tmp_path)
    assert out.returncode == 1
    assert out.stdout.splitlines()[:5] == [
        "warning: unexpected `cfg` condition name: `has_fooo`",
        " --> a.rs:1:7",
        "  |",
        "1 | #[cfg(has_fooo)] pub fn a() {}",
        "  |       ^^^^^^^^ help: there is a config with a similar name: `has_foo`",
    ]
    assert "  = help: to expect this configuration use `--check-cfg=cfg(has_fooo)`" in out.stdout
    assert out.stdout.endswith("warning: 1 warning emitted\n\n")


def test_nothing_found_exits_0(tmp_path: Path) -> None:
    write(tmp_path, {"a.rs": "#[cfg(unix)] pub fn a() {}\n"})
    out = rust_ast("a.rs", "--check-cfg", "cfg()", cwd=tmp_path)
    assert (out.returncode, out.stdout, out.stderr) == (0, "", "")


def test_without_manifest_or_spec_only_malformed_and_one_note(tmp_path: Path) -> None:
    write(tmp_path, {"a.rs": TYPO + '#[cfg(x = 1)] pub fn b() {}\n'})
    out = rust_ast("a.rs", "--format", "json", cwd=tmp_path)
    assert out.returncode == 1
    assert [r["code"] for r in rows(out.stdout)] == ["malformed_cfg"]
    [note] = out.stderr.splitlines()
    assert note.startswith("rust-ast: note: ") and "--check-cfg 'cfg()'" in note


@pytest.mark.parametrize("args, message", [
    (["missing.rs"], "rust-ast: error: missing.rs: no such file or folder"),
    (["bad.rs"], "rust-ast: error: bad.rs: not valid UTF-8 (byte 0)"),
    (["a.rs", "--check-cfg", "cfg(foo"], 'rust-ast: error: invalid `--check-cfg` argument: `cfg(foo` '
                                         '(expected `cfg(name, values("value1", "value2", ... "valueN"))`)'),
    (["a.rs", "--manifest-path", "nope/Cargo.toml"], "rust-ast: error: nope/Cargo.toml: no such manifest"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    write(tmp_path, {"a.rs": TYPO})
    (tmp_path / "bad.rs").write_bytes(b"\xff\xfe")
    out = rust_ast(*args, cwd=tmp_path)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.splitlines()[-1] == message


def test_unreadable_file_in_a_folder_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, {"src/a.rs": TYPO})
    (tmp_path / "src" / "bad.rs").write_bytes(b"fn \xff() {}")
    out = rust_ast("src", "--check-cfg", "cfg(has_foo)", "--format", "json", cwd=tmp_path)
    assert out.returncode == 2
    assert [r["file"] for r in rows(out.stdout)] == ["src/a.rs"]
    assert out.stderr == "rust-ast: error: src/bad.rs: not valid UTF-8 (byte 3)\n"


def test_standard_input(tmp_path: Path) -> None:
    out = rust_ast("-", "--check-cfg", "cfg()", "--format", "json", stdin=TYPO.encode())
    assert out.returncode == 1
    assert [(r["file"], r["name"]) for r in rows(out.stdout.decode())] == [("<stdin>", "has_fooo")]


def test_malformed_cargo_toml_names_file_and_line_and_the_rest_still_works(tmp_path: Path) -> None:
    write(tmp_path, {
        "broken/Cargo.toml": '[package]\nname = "broken"\nversion = \n',
        "broken/src/lib.rs": TYPO + '#[cfg(x = 1)] pub fn b() {}\n',
        "good/Cargo.toml": '[package]\nname = "good"\nversion = "0.1.0"\nedition = "2021"\n',
        "good/src/lib.rs": TYPO,
    })
    out = rust_ast(".", "--format", "json", cwd=tmp_path)
    assert out.returncode == 1
    found = [(r["file"], r["span"][:2], r["code"], r["message"]) for r in rows(out.stdout)]
    assert found == [
        ("broken/Cargo.toml", [3, 11], "cargo_manifest", "Invalid value"),
        ("broken/src/lib.rs", [2, 1], "malformed_cfg", "malformed `cfg` attribute input"),
        ("good/src/lib.rs", [1, 7], "unexpected_cfgs", "unexpected `cfg` condition name: `has_fooo`"),
    ]
    out = rust_ast(".", cwd=tmp_path)
    assert "error: Invalid value\n --> broken/Cargo.toml:3:11\n" in out.stdout


def test_invalid_check_cfg_in_cargo_toml_is_reported_there(tmp_path: Path) -> None:
    write(tmp_path, {
        "Cargo.toml": '[package]\nname = "c"\nversion = "0.1.0"\n\n[lints.rust]\n'
                      "unexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(ok)', 'names(bad)'] }\n",
        "src/lib.rs": "#[cfg(ok)] pub fn a() {}\n#[cfg(nope)] pub fn b() {}\n",
    })
    found = check_paths([str(tmp_path)], jobs=1, cwd=tmp_path).reported
    assert [(r.name, r.diag.message) for r in found] == [
        ("Cargo.toml", "invalid `--check-cfg` argument: `names(bad)`"),
        ("src/lib.rs", "unexpected `cfg` condition name: `nope`")]


CRATE = {
    "Cargo.toml": '[package]\nname = "walk"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nstd = []\n',
    "build.rs": "#[cfg(in_build)] fn helper() {}\nfn main() {}\n",
    "src/lib.rs": ("#[cfg(first)] pub fn a() {}\n"
                   "#[allow(unexpected_cfgs)] mod quiet;\n"
                   "mod loud;\n"
                   "#[cfg(windows)] mod win;\n"
                   "#[cfg(feature = \"std\")] mod std_only;\n"),
    "src/quiet.rs": "#[cfg(hushed)] pub fn q() {}\n",
    "src/loud.rs": "#[cfg(later)] pub fn l() {}\npub mod inner;\n",
    "src/loud/inner.rs": "#[cfg(deeper)] pub fn i() {}\n",
    "src/win.rs": "#[cfg(only_on_windows)] pub fn w() {}\n",
    "src/std_only.rs": "#[cfg(with_std)] pub fn s() {}\n",
}


def test_a_folder_is_linted_crate_by_crate_following_mod(tmp_path: Path) -> None:
    write(tmp_path, CRATE)
    found = check_paths([str(tmp_path)], jobs=1, cwd=tmp_path, active_only=True).reported
    by_file = {r.name: r.diag for r in found}
    # `quiet` is allowed from lib.rs; `win.rs` and `std_only.rs` are never read by rustc
    # (`windows` and `std` are off: tests/test_cfg_other.py); build.rs is its own
    # session, with its own note.
    assert sorted(by_file) == ["build.rs", "src/lib.rs", "src/loud.rs", "src/loud/inner.rs"]
    notes = {name: [c.message for c in diag.children if "on by default" in c.message]
             for name, diag in by_file.items()}
    assert notes == {"build.rs": ["`#[warn(unexpected_cfgs)]` on by default"],
                     "src/lib.rs": ["`#[warn(unexpected_cfgs)]` on by default"],
                     "src/loud.rs": [], "src/loud/inner.rs": []}
    assert not any("build.rs" in c.message for c in by_file["build.rs"].children)


def test_files_named_explicitly_are_linted_even_when_cfgd_out(tmp_path: Path) -> None:
    write(tmp_path, CRATE)
    found = check_paths([str(tmp_path / "src" / "win.rs")], jobs=1, cwd=tmp_path).reported
    assert [(r.name, r.diag.name) for r in found] == [("src/win.rs", "only_on_windows")]


def test_features_options_enable_code(tmp_path: Path) -> None:
    write(tmp_path, CRATE)
    found = check_paths([str(tmp_path)], jobs=1, cwd=tmp_path, features=(("std",), False)).reported
    assert "src/std_only.rs" in {r.name for r in found if r.configuration == "active"}


def test_parallel_and_serial_runs_agree(tmp_path: Path) -> None:
    for k in range(12):
        write(tmp_path, {f"src/m{k}.rs": TYPO * 2000})
    serial = check_paths([str(tmp_path)], specs=["cfg(has_foo)"], jobs=1, cwd=tmp_path)
    parallel = check_paths([str(tmp_path)], specs=["cfg(has_foo)"], jobs=2, cwd=tmp_path)
    assert [(r.name, r.diag) for r in serial.reported] == [(r.name, r.diag) for r in parallel.reported]
    assert len(serial.reported) == 12 * 2000
