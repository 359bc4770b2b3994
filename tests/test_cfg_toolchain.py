"""The toolchain tables: a local rustc's well-known cfgs and target configurations
(a fake `rustc` script here), cached per `rustc -vV`, the shipped rustc 1.95 tables
when there is no rustc or it fails, and `rust-ast check-cfg --rustc`."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from ast_core.cfg.expected import well_known
from ast_core.targets import target_cfg
from ast_core.cfg.toolchain import read_toolchain, shipped_toolchain
from ast_core.cfg.driver import check_paths
from ast_core.cfg.session import SessionSpec, build_session

FAKE_VERSION = "rustc 1.99.0-fake (0000000 2027-01-01)"


def _values_text(values: frozenset[str | None]) -> str:
    return ", ".join("none()" if v is None else json.dumps(v) for v in sorted(values, key=lambda v: (v is not None, v)))


def fake_rustc(folder: Path, *, extra_name: str = "rust_analyzer", sleep: float = 0) -> Path:
    """A `rustc` that answers like rustc 1.95 plus `extra_name` as a well-known name,
    knows only the target `x86_64-unknown-linux-gnu` (where it also sets `fake_cfg`),
    and appends each command line to `calls.log` beside it."""
    lines = [f"cfg({name}, values({_values_text(values.values)}))" for name, values in well_known().items()]
    lines.append(f"cfg({extra_name}, values(none()))")
    host = sorted(f'{n}="{v}"' if v is not None else n for n, v in target_cfg("x86_64-unknown-linux-gnu"))
    (folder / "check-cfg.txt").write_text("\n".join(lines) + "\n")
    (folder / "host-cfg.txt").write_text("\n".join([*host, "fake_cfg"]) + "\n")
    script = folder / "rustc"
    script.write_text(f"""#!/bin/sh
echo "$@" >> "{folder}/calls.log"
sleep {sleep}
case "$*" in
  -vV) printf '{FAKE_VERSION}\\nbinary: rustc\\nrelease: 1.99.0-fake\\n' ;;
  *--print=check-cfg*) cat "{folder}/check-cfg.txt" ;;
  *"--target x86_64-unknown-linux-gnu"*) cat "{folder}/host-cfg.txt" ;;
  *) echo "error: unknown target" >&2; exit 1 ;;
esac
""")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def calls(folder: Path) -> list[str]:
    log = folder / "calls.log"
    return log.read_text().splitlines() if log.exists() else []


def test_fake_rustc_names_are_expected(tmp_path: Path) -> None:
    rustc = fake_rustc(tmp_path)
    toolchain = read_toolchain(str(rustc), ("x86_64-unknown-linux-gnu", "no-such-target"), cache_dir=tmp_path / "c")
    assert "rust_analyzer" in toolchain.well_known and "rust_analyzer" not in well_known()
    assert toolchain.label == f"{FAKE_VERSION} ({rustc})"
    assert ("fake_cfg", None) in toolchain.target_cfg("x86_64-unknown-linux-gnu")
    # a target this rustc does not know: the shipped table answers
    assert toolchain.target_cfg("wasm32-unknown-unknown") == target_cfg("wasm32-unknown-unknown")
    session = build_session(SessionSpec((("cfg()", "test"),), toolchain=toolchain))
    assert "rust_analyzer" in session.lint.check_cfg.expecteds
    assert ("fake_cfg", None) in session.active
    shipped = build_session(SessionSpec((("cfg()", "test"),)))
    assert "rust_analyzer" not in shipped.lint.check_cfg.expecteds


def test_answers_are_cached_per_version(tmp_path: Path) -> None:
    rustc = fake_rustc(tmp_path)
    first = read_toolchain(str(rustc), ("x86_64-unknown-linux-gnu",), cache_dir=tmp_path / "c")
    assert len(calls(tmp_path)) == 3
    again = read_toolchain(str(rustc), ("x86_64-unknown-linux-gnu",), cache_dir=tmp_path / "c")
    assert calls(tmp_path)[3:] == ["-vV"]  # the rest comes from the cache
    assert again == first and dict(again.well_known) == dict(first.well_known)


def test_without_rustc_the_shipped_tables(tmp_path: Path) -> None:
    assert read_toolchain(str(tmp_path / "no-such-rustc"), cache_dir=tmp_path) is shipped_toolchain()
    broken = tmp_path / "rustc"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    assert read_toolchain(str(broken), cache_dir=tmp_path) is shipped_toolchain()


def test_a_slow_rustc_times_out(tmp_path: Path) -> None:
    rustc = fake_rustc(tmp_path, sleep=5)
    assert read_toolchain(str(rustc), cache_dir=tmp_path / "c", timeout=0.3) is shipped_toolchain()


def test_sessions_with_a_toolchain_pickle_for_workers(tmp_path: Path) -> None:
    import pickle  # noqa: PLC0415

    toolchain = read_toolchain(str(fake_rustc(tmp_path)), cache_dir=tmp_path / "c")
    spec = SessionSpec(toolchain=toolchain)
    assert pickle.loads(pickle.dumps(spec)) == spec
    assert pickle.loads(pickle.dumps(SessionSpec())).toolchain is shipped_toolchain()


SOURCE = "#[cfg(rust_analyzer)] fn a() {}\n#[cfg(unix)] fn b() {}\n"


def test_check_paths_with_a_toolchain(tmp_path: Path) -> None:
    lib = tmp_path / "lib.rs"
    lib.write_text(SOURCE)
    toolchain = read_toolchain(str(fake_rustc(tmp_path)), cache_dir=tmp_path / "c")
    shipped = check_paths([str(lib)], specs=["cfg()"], cwd=tmp_path)
    assert [r.diag.name for r in shipped.reported] == ["rust_analyzer"]
    assert check_paths([str(lib)], specs=["cfg()"], cwd=tmp_path, toolchain=toolchain).reported == []


def test_cli_rustc_option(tmp_path: Path) -> None:
    lib = tmp_path / "lib.rs"
    lib.write_text(SOURCE)
    rustc = fake_rustc(tmp_path)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "server", "check-cfg", str(lib), "--check-cfg", "cfg()",
                               "--format", "json", *args], capture_output=True, text=True, env=env, cwd=tmp_path)

    faked = run("--rustc", str(rustc))
    assert (faked.returncode, faked.stdout) == (0, "")
    assert calls(tmp_path)[0] == "-vV"
    missing = run("--rustc", str(tmp_path / "no-such-rustc"))
    assert missing.returncode == 1 and '"rust_analyzer"' in missing.stdout
