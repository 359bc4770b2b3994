"""The shipped check-cfg data (`ast_core/data/*.json`, from `scripts/gen_cfg_data.py`)
and `ast_core.targets`. Only the freshness checks need rustc."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from ast_core.cfg.expected import well_known
from ast_core.targets import DEFAULT_TARGET, known_targets, parse_print_cfg, target_cfg
from ast_core.cfg.toolchain import read_toolchain
from tests.working_rustc import needs_rustc, rustc_version


def data(name: str) -> dict:
    return json.loads(resources.files("ast_core").joinpath(f"data/{name}").read_text())


def test_well_known_data() -> None:
    shipped = data("well_known_cfgs.json")
    assert shipped["rustc"].startswith("rustc 1.95.")
    assert len(shipped["names"]) == 31
    assert shipped["names"]["panic"] == ["abort", "immediate-abort", "unwind"]
    assert well_known()["unix"].values == frozenset({None})


def test_target_table() -> None:
    assert DEFAULT_TARGET in known_targets() and "wasm32-unknown-unknown" in known_targets()
    host = target_cfg()
    assert {("unix", None), ("target_os", "linux"), ("debug_assertions", None),
            ("panic", "unwind"), ("target_abi", "")} <= host
    assert ("windows", None) in target_cfg("x86_64-pc-windows-msvc")
    assert target_cfg("no-such-target") is None


def test_parse_print_cfg() -> None:
    assert parse_print_cfg('unix\ntarget_os="linux"\n\ntarget_abi=""\n') == [
        ("unix", None), ("target_os", "linux"), ("target_abi", "")]


@needs_rustc
def test_target_table_is_fresh(tmp_path) -> None:
    toolchain = read_toolchain("rustc", known_targets(), cache_dir=tmp_path)
    for triple in known_targets():
        assert toolchain.targets[triple] == target_cfg(triple), (
            f"{triple} is stale: run `python scripts/gen_cfg_data.py`")


@needs_rustc
def test_well_known_data_is_fresh(tmp_path) -> None:
    version = rustc_version()[0]
    if version != data("well_known_cfgs.json")["rustc"]:
        pytest.skip(f"the data is for another rustc than {version}")
    toolchain = read_toolchain("rustc", cache_dir=tmp_path)
    assert toolchain.key != "shipped"
    assert dict(toolchain.well_known) == dict(well_known()), "run `python scripts/gen_cfg_data.py`"
