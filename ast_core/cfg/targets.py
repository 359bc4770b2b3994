"""Active configurations (`rustc --print cfg --target T`) for evaluating predicates.

The shipped table `ast_core/data/target_cfgs.json` (from `scripts/gen_cfg_data.py`:
each triple maps to the lines rustc prints) covers common targets, so nothing here
needs rustc at run time. `refresh_target_cfg`
asks a local rustc for one target when a setting names a target the table lacks;
without rustc it returns None and callers keep the table.

What rustc adds on top of the target (cargo's `feature="..."`, `--cfg`, `test`) is for
the caller; `-O` would remove `debug_assertions`, which these sets include.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
from functools import cache
from importlib import resources

from ast_core.tokens import tokenize, unescape_str

CfgSet = frozenset[tuple[str, "str | None"]]

#: The target assumed when nothing says otherwise (INTERFACE: the host of the reference).
DEFAULT_TARGET = "x86_64-unknown-linux-gnu"


def parse_print_cfg(text: str) -> list[tuple[str, str | None]]:
    """The pairs of `rustc --print cfg` output: `name` or `name="value"` per line."""
    pairs: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        toks = tokenize(line.encode())
        if not toks or toks[0].kind != "ident":
            continue
        value = unescape_str(toks[2].text) if len(toks) == 3 and toks[1].text == "=" else None
        pairs.append((toks[0].text, value))
    return pairs


@cache
def _table() -> dict[str, CfgSet]:
    text = resources.files("ast_core").joinpath("data/target_cfgs.json").read_text(encoding="utf-8")
    return {triple: frozenset(parse_print_cfg("\n".join(lines)))
            for triple, lines in json.loads(text).items()}


def known_targets() -> list[str]:
    """The targets the shipped table covers."""
    return sorted(_table())


_ARCHES = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64",
           "i686": "i686", "i386": "i686", "riscv64": "riscv64gc", "armv7l": "armv7"}


@cache
def host_target() -> str:
    """The triple of the machine we run on (what rustc builds for without `--target`)
    when the shipped table has it, else `DEFAULT_TARGET`."""
    arch = _ARCHES.get(platform.machine().lower(), "")
    if sys.platform.startswith("linux"):
        triple = f"{arch}-unknown-linux-gnueabihf" if arch == "armv7" else f"{arch}-unknown-linux-gnu"
    elif sys.platform == "darwin":
        triple = f"{arch}-apple-darwin"
    elif sys.platform == "win32":
        triple = f"{arch}-pc-windows-msvc"
    else:
        triple = ""
    return triple if triple in _table() else DEFAULT_TARGET


def target_cfg(triple: str = DEFAULT_TARGET) -> CfgSet | None:
    """The shipped active configuration of `triple`, or None if not shipped."""
    return _table().get(triple)


@cache
def resolve_target_cfg(triple: str) -> CfgSet | None:
    """The shipped configuration of `triple`, else a local rustc's (asked once per
    triple and process: it can take seconds), else None."""
    return target_cfg(triple) or refresh_target_cfg(triple)


def refresh_target_cfg(triple: str, rustc: str = "rustc", timeout: float = 30.0) -> CfgSet | None:
    """`rustc --print cfg --target triple` (with the gated cfgs rustc sets, as the
    shipped table has them) from a local rustc, or None when there is no rustc, it
    does not know the target, or it fails in any other way."""
    if shutil.which(rustc) is None:
        return None
    try:
        proc = subprocess.run([rustc, "-Zunstable-options", "--print", "cfg", "--target", triple],
                              capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "RUSTC_BOOTSTRAP": "1"})
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    return frozenset(parse_print_cfg(proc.stdout))
