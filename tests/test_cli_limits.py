"""The CLI refuses what is not a regular file, reads at most a limit, and reports
usage errors as one `rust-ast: error:` line with status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ast_core.project import MAX_SOURCE_BYTES

CLI = [sys.executable, "-m", "server"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=120, check=False)


def one_error_line(result: subprocess.CompletedProcess, wanted: str) -> None:
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rust-ast: error: ") and wanted in lines[0], lines


def test_a_device_is_refused_without_reading_it() -> None:
    one_error_line(run("tree", "/dev/zero"), "/dev/zero: not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_without_a_writer_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "lib.rs"
    os.mkfifo(fifo)
    one_error_line(run("tree", str(fifo)), "not a regular file")
    crate = tmp_path / "crate"
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text('[package]\nname = "x"\nversion = "0.1.0"\nedition = "2021"\n')
    os.mkfifo(crate / "src" / "lib.rs")
    one_error_line(run("check-cfg", str(crate)), "lib.rs: not a regular file")


def test_standard_input_is_read_up_to_the_limit() -> None:
    one_error_line(run("tree", "-", stdin=b" " * (MAX_SOURCE_BYTES + 1)), "larger than the limit")


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.rs"
    with big.open("wb") as out:
        out.truncate(MAX_SOURCE_BYTES + 1)
    one_error_line(run("ids", str(big)), "larger than the limit")


@pytest.mark.parametrize("args", [("tree", "--edition", "2030", "x.rs"), ("bogus",), ("tree",)])
def test_usage_errors_are_one_line(args: tuple[str, ...]) -> None:
    result = run(*args)
    one_error_line(result, "")
    assert not result.stdout
