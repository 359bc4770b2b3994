"""The editor's check-cfg for a file of a crate (`ast_core/cfg/crate_lint.py`) against
`rust-ast check-cfg` on the crate: for every file the library's module tree reaches,
the same diagnostics, once-per-session children included (issue 9 item 4, issue 12),
on real crates from Debian; and a keystroke rescans only the file it edits."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ast_core.cfg import report
from ast_core.cfg.cargo import CargoPackage
from ast_core.cfg.crate_lint import CrateLints
from ast_core.cfg.diagnostic import CfgDiagnostic
from ast_core.cfg.driver import check_paths
from ast_core.cfg.session import build_session, cargo_session_specs
from ast_core.crate import Crates
from tests.bless_rustc import REGISTRY

CRATES = ["rand-0.8.5", "bytes-1.2.1"]  # many findings over many files; no build script


def cli(root: Path) -> dict[Path, list[CfgDiagnostic]]:
    out: dict[Path, list[CfgDiagnostic]] = {}
    for found in check_paths([str(root / "src")], jobs=1, cwd=root).reported:
        out.setdefault((root / found.name).resolve(), []).append(found.diag)
    return out


@pytest.mark.skipif(not all((REGISTRY / crate).is_dir() for crate in CRATES), reason="Debian crate sources missing")
@pytest.mark.parametrize("warmed", ["no", "in steps", "partly"])
@pytest.mark.parametrize("crate", CRATES)
def test_each_file_as_the_crates_session_emits_it(crate: str, warmed: str) -> None:
    """Also after the crate was read in steps first (`warm`, as the server does in the
    background), and after such a reading was left half-way."""
    root = REGISTRY / crate
    crates = Crates()
    lib = crates.crate_of(root / "src" / "lib.rs")
    package = crates.package(lib.path)
    assert package is not None and isinstance(package.cargo, CargoPackage)
    session = build_session(cargo_session_specs(package.cargo, package.build_specs)[0])
    want = cli(root)
    lints = CrateLints()
    files = lib.crate.reached()
    assert len(files) > 3
    assert not lints.ready(session)
    if warmed == "in steps":
        assert sum(1 for _ in lints.warm(lib.crate, session)) == len(files)  # a step per file
    elif warmed == "partly":
        steps = lints.warm(lib.crate, session)
        next(steps), next(steps)
        steps.close()
    assert lints.ready(session) is (warmed != "no")
    for file in files:
        found = lints.file_report(lib.crate, file, session)
        assert found is not None
        assert found[0] == sorted(want.get(file.path, []), key=lambda d: (d.span, d.message)), file.path
    assert sum(len(v) for v in want.values()) >= 8


def test_an_edit_rescans_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "x"\nversion = "0.1.0"\nedition = "2021"\n')
    (tmp_path / "src" / "lib.rs").write_text("#[cfg(has_foo)] pub fn a() {}\nmod b;\nmod c;\n")
    (tmp_path / "src" / "b.rs").write_text("#[cfg(has_bar)] pub fn b() {}\n")
    (tmp_path / "src" / "c.rs").write_text("pub fn c() {}\n")
    crates = Crates()
    path = (tmp_path / "src" / "c.rs").resolve()
    crates.buffers[path] = path.read_bytes()
    file = crates.crate_of(path)
    opened = file.crate.open(path)
    assert opened is not None and opened.doc is not None
    package = crates.package(path)
    assert package is not None and isinstance(package.cargo, CargoPackage)
    session = build_session(cargo_session_specs(package.cargo, package.build_specs)[0])
    lints = CrateLints()
    assert lints.file_report(file.crate, opened, session) == ([], [])
    scanned: list[int] = []
    real = report.scan_file

    def counted(src: bytes, *rest: Any) -> Any:
        scanned.append(len(src))
        return real(src, *rest)

    monkeypatch.setattr(report, "scan_file", counted)
    opened.doc.edit(0, 0, b"#[cfg(has_baz)] pub fn z() {}\n")
    diags, _ = lints.file_report(file.crate, opened, session) or ([], [])
    assert [d.name for d in diags] == ["has_baz"]
    assert scanned and all(size == len(opened.doc.src) for size in scanned)  # c.rs only
    # the crate's first finding (lib.rs's) carries the once-only children; c.rs's does not
    assert not any("on by default" in child.message or "expected names" in child.message
                   for child in diags[0].children)


@pytest.mark.skipif(not (REGISTRY / CRATES[0]).is_dir(), reason="Debian crate sources missing")
def test_a_reading_for_a_session_no_longer_in_use_stops() -> None:
    """The settings changed while the crate was read for the old session: the reading
    ends at its next step, and the old session is not the one the crate is ready for."""
    root = REGISTRY / CRATES[0]
    lib = Crates().crate_of(root / "src" / "lib.rs")
    package = Crates().package(lib.path)
    assert package is not None and isinstance(package.cargo, CargoPackage)
    spec = cargo_session_specs(package.cargo, package.build_specs)[0]
    old, new = build_session(spec), build_session(replace(spec, specs=(*spec.specs, ("cfg(has_foo)", "a setting"))))
    lints = CrateLints()
    steps = lints.warm(lib.crate, old)
    next(steps)
    assert lints.file_report(lib.crate, lib, new) is not None
    assert list(steps) == []
    assert not lints.ready(old)
