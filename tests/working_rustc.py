""""A working rustc or skip": the one check for the few tests that run rustc.

`rustc` on PATH is not enough: rustup's proxy without an installed toolchain is on
PATH and fails on every call. A test marked `needs_rustc` runs only when
`rustc --version` answers, and otherwise skips saying why (checked once, at collection).
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache

import pytest


@cache
def rustc_version() -> tuple[str | None, str]:
    """(`rustc --version`'s line, "") when rustc runs, else (None, why not)."""
    if shutil.which("rustc") is None:
        return None, "rustc is not installed (not on PATH)"
    try:
        proc = subprocess.run(["rustc", "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as err:
        return None, f"rustc cannot run: {err}"
    version = proc.stdout.strip()
    if proc.returncode != 0 or not version.startswith("rustc "):
        lines = proc.stderr.strip().splitlines()
        said = next((line for line in lines if line.startswith("error")), lines[0] if lines else
                    f"exit status {proc.returncode}")
        return None, f"rustc on PATH cannot run (`rustc --version`: {said})"
    return version, ""


def _marker() -> pytest.MarkDecorator:
    version, why = rustc_version()
    return pytest.mark.skipif(version is None, reason=why or version)


needs_rustc = _marker()
