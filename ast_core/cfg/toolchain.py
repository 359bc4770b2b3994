"""The rustc whose tables check-cfg uses: its well-known cfg names and values and its
target configurations, or the tables shipped with rust-ast (rustc 1.95).

`read_toolchain(rustc, targets)` asks a local rustc, each call with a time limit:
`rustc -vV`, then `rustc -Zunstable-options --print=check-cfg --check-cfg 'cfg()'` and
`rustc -Zunstable-options --print cfg --target T` (with `RUSTC_BOOTSTRAP=1`, as the
shipped tables were made). The answers are kept on disk under the user's cache folder,
keyed by the whole `rustc -vV` output, so a later run asks only `rustc -vV`. Any failure
(no such program, a timeout, an answer we cannot read) gives the shipped tables, which
also answer for a target the rustc does not know.

Which rustc may run is the caller's decision: the CLI runs the `rustc` on PATH, the
server only one the user chose (`server/toolchain.py`). Nothing here runs anything
unless asked to.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .expected import CheckCfgSpec, ExpectedValues, parse_check_cfg, well_known
from ..targets import CfgSet, parse_print_cfg, target_cfg

#: Seconds one rustc call may take before we give up on it.
RUSTC_TIMEOUT = 10.0
_CACHE_FORMAT = 1


@dataclass(frozen=True)
class Toolchain:
    """The tables one rustc answers with. Equal when made from the same rustc answers
    (`key`), so sessions built with it are cached across runs and processes.
    `targets` holds the configurations read from the rustc; other targets come from
    the shipped table."""

    label: str
    key: str
    well_known: Mapping[str, ExpectedValues] = field(compare=False, repr=False)
    targets: Mapping[str, CfgSet] = field(compare=False, repr=False, default_factory=dict)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled for worker processes: the shipped tables by reference."""
        if self.key == shipped_toolchain().key:
            return shipped_toolchain, ()
        return Toolchain, (self.label, self.key, dict(self.well_known), dict(self.targets))

    def target_cfg(self, triple: str) -> CfgSet | None:
        """The active configuration of `triple`: the rustc's, else the shipped one."""
        return self.targets.get(triple) or target_cfg(triple)


@cache
def shipped_toolchain() -> Toolchain:
    """The tables shipped with rust-ast, made from rustc 1.95."""
    return Toolchain("the shipped rustc 1.95 tables", "shipped", well_known())


def parse_print_check_cfg(text: str) -> dict[str, ExpectedValues] | None:
    """The names and values of `--print=check-cfg` output (one `cfg(..)` spec per line),
    or None when a line is not one."""
    names: dict[str, ExpectedValues] = {}
    for line in text.splitlines():
        spec = parse_check_cfg(line)
        if not isinstance(spec, CheckCfgSpec):
            return None
        for name in spec.names:
            values = ExpectedValues(any=True) if spec.values_any else ExpectedValues(spec.values)
            names[name] = names[name].union(values) if name in names else values
    return names or None


def default_cache_dir() -> Path:
    """Where toolchain answers are kept: `$XDG_CACHE_HOME/rust-ast/toolchains`."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rust-ast" / "toolchains"


def _run(rustc: str, args: Iterable[str], timeout: float, cwd: Path | None) -> str | None:
    """The standard output of `rustc ARGS`, or None when it fails or takes too long."""
    env = {**os.environ, "RUSTC_BOOTSTRAP": "1"}
    try:
        proc = subprocess.run([rustc, *args], capture_output=True, text=True, timeout=timeout, env=env,
                              cwd=cwd, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _load_cache(path: Path, version: str) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != _CACHE_FORMAT or data.get("version") != version:
        return {}
    return data


def _store_cache(path: Path, data: dict) -> None:
    """Write atomically; a cache we cannot write only costs the next run a rustc call."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def read_toolchain(rustc: str, targets: Iterable[str] = (), *, timeout: float = RUSTC_TIMEOUT,
                   cache_dir: Path | None = None, cwd: Path | None = None) -> Toolchain:
    """The tables of the program `rustc` (a name looked up on PATH, or a path), with the
    configurations of `targets` it knows; the shipped tables when it cannot answer."""
    program = shutil.which(rustc)
    if program is None:
        return shipped_toolchain()
    version = _run(program, ["-vV"], timeout, cwd)
    if not version or not version.startswith("rustc "):
        return shipped_toolchain()
    digest = hashlib.sha256(version.encode()).hexdigest()[:24]
    cache_file = (cache_dir or default_cache_dir()) / f"{digest}.json"
    data = _load_cache(cache_file, version)
    changed = not data
    data = {"format": _CACHE_FORMAT, "version": version, "check_cfg": data.get("check_cfg"),
            "targets": dict(data.get("targets") or {})}
    if data["check_cfg"] is None:
        data["check_cfg"] = _run(program, ["-Zunstable-options", "--print=check-cfg", "--check-cfg", "cfg()"],
                                 timeout, cwd)
        changed = True
    names = parse_print_check_cfg(data["check_cfg"]) if data["check_cfg"] else None
    if names is None:
        return shipped_toolchain()
    wanted = sorted(set(targets))
    for triple in wanted:
        if triple not in data["targets"]:
            # None records a target this rustc does not know: not asked again.
            data["targets"][triple] = _run(program, ["-Zunstable-options", "--print", "cfg", "--target", triple],
                                           timeout, cwd)
            changed = True
    if changed:
        _store_cache(cache_file, data)
    configs = {triple: frozenset(parse_print_cfg(data["targets"][triple]))
               for triple in wanted if data["targets"].get(triple)}
    first_line = version.splitlines()[0]
    key = f"{digest}:{','.join(sorted(configs))}"
    return Toolchain(f"{first_line} ({program})", key, names, configs)
