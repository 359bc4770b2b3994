"""Every file of a package is linted: what the active configuration does not compile
(modules under a false cfg, nested ones, tests/examples/benches as `cargo test` builds
them) is linted in a configuration that compiles it, with the levels of its `mod` and
parents, and marked (`configuration: "other"`); `--active-only` leaves it out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ast_core.cfg.driver import ACTIVE, OTHER, check_paths
from tests.test_cli_check_cfg import write

CRATE = {
    "Cargo.toml": '[package]\nname = "other"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nextra = []\n',
    "src/lib.rs": ("#[cfg(unix)] pub fn a() {}\n"
                   "#[cfg(windows)] mod sys;\n"
                   "#[cfg(feature = \"extra\")]\n#[allow(unexpected_cfgs)]\nmod quiet;\n"
                   "#[deny(unexpected_cfgs)]\nmod strict {\n    #[cfg(any())] mod gone;\n}\n"),
    "src/sys.rs": "#[cfg(windws)] fn w() {}\n#[cfg(target_os = \"windos\")] mod inner;\n",
    "src/sys/inner.rs": "#[cfg(deep)] fn d() {}\n",
    "src/quiet.rs": "#[cfg(hush)] fn q() {}\n",
    "src/strict/gone.rs": "#[cfg(stern)] fn s() {}\n",
    "tests/it.rs": "#[cfg(test)] mod t { #[cfg(tst)] fn y() {} }\n",
    "examples/demo.rs": "#[cfg(exampel)] fn e() {}\nfn main() {}\n",
}


def test_files_outside_the_active_configuration_are_linted_and_marked(tmp_path: Path) -> None:
    write(tmp_path, CRATE)
    found = check_paths([str(tmp_path)], jobs=1, cwd=tmp_path).reported
    rows = [(r.name, r.diag.name, r.diag.level, r.configuration) for r in found]
    assert rows == [
        ("examples/demo.rs", "exampel", "warning", OTHER),
        ("src/strict/gone.rs", "stern", "error", OTHER),  # `deny` from the parent module
        ("src/sys.rs", "windws", "warning", OTHER),
        ("src/sys.rs", "target_os", "warning", OTHER),
        ("src/sys/inner.rs", "deep", "warning", OTHER),
        # `cfg(test)` holds in tests, as `cargo test` builds them
        ("tests/it.rs", "tst", "warning", OTHER),
    ]  # quiet.rs: allowed on its `mod`
    assert "cfg'd out" in found[1].why and "cargo test" in found[-1].why
    assert check_paths([str(tmp_path)], jobs=1, cwd=tmp_path, active_only=True).reported == []
    enabled = check_paths([str(tmp_path)], jobs=1, cwd=tmp_path, features=(("extra",), False), active_only=True)
    assert enabled.reported == []  # quiet.rs now active, and still allowed


def test_cli_marks_other_configurations(tmp_path: Path) -> None:
    write(tmp_path, CRATE)

    def run(*args: str) -> str:
        return subprocess.run([sys.executable, "-m", "server", "check-cfg", ".", *args], capture_output=True,
                              text=True, cwd=tmp_path).stdout

    rows = [json.loads(line) for line in run("--format", "json").splitlines()]
    assert {row["configuration"] for row in rows} == {OTHER} and len(rows) == 6
    assert run("--format", "json", "--active-only") == ""
    human = run()
    assert human.count("= note: found in another configuration than the active one: ") == 6
    write(tmp_path, {"src/lib.rs": CRATE["src/lib.rs"] + "#[cfg(typo)] fn t() {}\n"})
    rows = [json.loads(line) for line in run("--format", "json", "--active-only").splitlines()]
    assert [(row["name"], row["configuration"]) for row in rows] == [("typo", ACTIVE)]


def test_a_cfg_if_chain_that_cannot_match_is_not_linted(tmp_path: Path) -> None:
    """`cfg_if!`'s `#[cfg($meta:meta)]` takes one predicate: with two, rustc reports
    the macro call and lints nothing in it (libc's mips module has such a chain)."""
    lib = tmp_path / "lib.rs"
    lib.write_text("cfg_if! {\n"
                   "    if #[cfg(unix, any(foo))] { #[cfg(bar)] fn a() {} } else { #[cfg(baz)] fn b() {} }\n}\n"
                   "cfg_if! { if #[cfg(qux)] { fn c() {} } }\n")
    found = check_paths([str(lib)], specs=["cfg()"], jobs=1, cwd=tmp_path).reported
    assert [r.diag.name for r in found] == ["qux"]
