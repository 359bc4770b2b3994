"""Active configurations (`rustc --print cfg --target T`) for evaluating predicates.

The shipped table `ast_core/data/target_cfgs.json` (from `scripts/gen_cfg_data.py`:
each triple maps to the `[name, value or null]` pairs of the lines rustc prints) covers
common targets, so nothing here needs rustc at run time; `cfg/toolchain.py` reads a
local rustc's configurations.

What rustc adds on top of the target (cargo's `feature="..."`, `--cfg`, `test`) is for
the caller; `-O` would remove `debug_assertions`, which these sets include.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import overload

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
def _table() -> dict[str, list[tuple[str, str | None]]]:
    """The shipped table as written, each triple's pairs (JSON arrays; parsed there:
    no tokenizing at start-up). Read from the package folder (not
    `importlib.resources`, which costs start-up too)."""
    return json.loads((Path(__file__).parent / "data/target_cfgs.json").read_text(encoding="utf-8"))


@cache
def _parsed(triple: str) -> CfgSet:
    return frozenset((name, value) for name, value in _table()[triple])


def known_targets() -> list[str]:
    """The targets the shipped table covers."""
    return sorted(_table())


_ARCHES = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64",
           "i686": "i686", "i386": "i686", "riscv64": "riscv64gc", "armv7l": "armv7"}


@cache
def host_target() -> str:
    """The triple of the machine we run on (what rustc builds for without `--target`)
    when the shipped table has it, else `DEFAULT_TARGET`."""
    if hasattr(os, "uname"):
        machine = os.uname().machine  # (what `platform.machine()` gives, without its start-up cost)
    else:  # Windows
        import platform  # noqa: PLC0415

        machine = platform.machine()
    arch = _ARCHES.get(machine.lower(), "")
    if sys.platform.startswith("linux"):
        triple = f"{arch}-unknown-linux-gnueabihf" if arch == "armv7" else f"{arch}-unknown-linux-gnu"
    elif sys.platform == "darwin":
        triple = f"{arch}-apple-darwin"
    elif sys.platform == "win32":
        triple = f"{arch}-pc-windows-msvc"
    else:
        triple = ""
    return triple if triple in _table() else DEFAULT_TARGET


@overload
def target_cfg() -> CfgSet: ...
@overload
def target_cfg(triple: str) -> CfgSet | None: ...


def target_cfg(triple: str = DEFAULT_TARGET) -> CfgSet | None:
    """The shipped active configuration of `triple`, or None if not shipped (the default
    target is always shipped)."""
    return _parsed(triple) if triple in _table() else None
